#!/bin/sh
# make check: the leak and api checks and the allmodconfig build of REV,
# its warnings compared with BASE's, in a git worktree of KDIR under
# $O/check/ (KDIR's checkout is never touched; the worktree and the build
# directories are kept between runs).
#
# Environment: KDIR, O, J, V, CC, FULL=1 (build the whole tree, not only the
# affected objects), REV (default: the head of the series branch $BRANCH,
# api-migrate/page-alloc, when it exists, else KDIR's HEAD), BASE (default:
# for the series branch, its merge-base with KDIR's HEAD, else REV's parent).
#
# What is built (check/affected.sh): the changed .c and .S files, mm/ when
# mm/ or include/linux/gfp*.h changed, and every .c file that references a
# declaration the change touched; for x86_64 allmodconfig, and for another
# architecture's files with that architecture's allmodconfig when a Debian
# cross compiler for it is installed (check/cross.sh). A changed compile
# unit that no build covers is named in the summary.
#
# Exit: 0 clean; 1 leaks, api errors, a failed object or a new warning;
# 2 usage or environment errors. The summary at the end says which.
. "$(dirname "$0")/../scripts/lib.sh"

: "${O:?O is not set}"
require_kdir "${KDIR:-}"
require_cmd git git
check=$TOOLKIT/check
short() { git -C "$KDIR" rev-parse --short "$1"; }

# REV and BASE, as full hashes.
branch=${BRANCH:-api-migrate/page-alloc}
series=0
if [ -n "${REV:-}" ]; then
	rev=$(git -C "$KDIR" rev-parse --verify -q "$REV^{commit}") ||
		die "REV=$REV is not a commit of KDIR=$KDIR"
	case $REV in "$branch" | "refs/heads/$branch") series=1 ;; esac
elif rev=$(git -C "$KDIR" rev-parse --verify -q "refs/heads/$branch^{commit}"); then
	series=1
else
	rev=$(git -C "$KDIR" rev-parse --verify HEAD) || die "KDIR=$KDIR has no HEAD"
fi
if [ -n "${BASE:-}" ]; then
	base=$(git -C "$KDIR" rev-parse --verify -q "$BASE^{commit}") ||
		die "BASE=$BASE is not a commit of KDIR=$KDIR"
elif [ $series = 1 ]; then
	base=$(git -C "$KDIR" merge-base "$rev" HEAD) ||
		die "the series branch $branch shares no history with KDIR's HEAD; pass BASE=<commit>"
else
	hint=
	[ -n "${REV:-}" ] || hint=", or make the series branch $branch with 'make series'"
	base=$(git -C "$KDIR" rev-parse --verify -q "$rev^") ||
		die "cannot tell BASE: REV $(short "$rev") is a root commit; pass BASE=<commit>$hint"
fi
[ "$base" != "$rev" ] ||
	die "BASE and REV are the same commit $(short "$rev"); pass BASE=<commit> or REV=<commit>"

# The worktree, one per KDIR, kept at REV between runs.
id=$(basename "$KDIR")
top=$O/check/$id
tree=$top/tree
kbuild=$O/check/kbuild/$id
mkdir -p "$top" || die "cannot create $top"
mkdir "$top/lock" 2>/dev/null ||
	die "another make check is running on $tree; if none is, remove $top/lock"
trap 'rm -rf "$top/lock"' EXIT
trap 'exit 2' INT TERM HUP
common() { git -C "$1" rev-parse --path-format=absolute --git-common-dir 2>/dev/null; }
if [ -e "$tree/.git" ]; then
	[ "$(common "$tree")" = "$(common "$KDIR")" ] ||
		die "$tree is a worktree of another repository than KDIR=$KDIR; remove it or pass another O="
else
	rm -rf "$tree"
	git -C "$KDIR" worktree prune
	info "creating the worktree $tree" >&2
	git -C "$KDIR" worktree add -q --detach "$tree" "$rev" || die "cannot create a worktree of KDIR=$KDIR at $tree"
fi
git -C "$tree" checkout -q --detach -f "$rev" && git -C "$tree" clean -q -fd ||
	die "cannot check out REV $(short "$rev") in $tree"
info "REV $(short "$rev") against BASE $(short "$base") in $tree" >&2

# Leaks and api on REV's tree.
KDIR=$tree "$check/leaks.sh" >"$top/leaks.out" 2>&1
leaks=$?
KDIR=$tree "$check/api.sh" >"$top/api.out" 2>&1
api=$?
cat "$top/leaks.out" "$top/api.out"
[ $leaks -le 1 ] && [ $api -le 1 ] || die "the leak or api check could not run (see above)"

# The compile units to build, and the changed ones each build must cover.
if [ "${FULL:-0}" = 1 ]; then
	echo all >"$top/units"
else
	"$check/affected.sh" "$tree" "$base" "$rev" >"$top/units" || exit 2
fi
git -C "$tree" diff --name-only --no-renames --diff-filter=d "$base" "$rev" -- '*.c' '*.S' >"$top/changed"
grep -v -e '/$' -e '^all$' "$top/units" | cat - "$top/changed" | sort -u >"$top/files"
info "$(wc -l <"$top/units") compile unit(s) or directories affected; $(wc -l <"$top/changed") changed" >&2

# covered ARCH: classify $top/files for ARCH's configuration (covered.sh),
# leaving the objects to build in $top/ARCH.targets.
covered() {
	: >"$top/$1.covered"
	# shellcheck disable=SC2046
	[ ! -s "$top/$1.files" ] ||
		"$check/covered.sh" "$tree" "$kbuild/$1" "$1" $(cat "$top/$1.files") >"$top/$1.covered" || exit 2
	sed -n 's/^.*: built: \(.*\)\.[cS]$/\1.o/p' "$top/$1.covered" | sort -u >"$top/$1.targets"
}
# uncovered WHY FILE...: the changed ones among FILEs are not covered.
: >"$top/uncovered"
uncovered() {
	why=$1
	shift
	for f; do
		grep -qxF "$f" "$top/changed" && printf '%s: %s\n' "$f" "$why" >>"$top/uncovered"
	done
	return 0
}

# x86_64 first: the affected directories and objects it builds.
builds=
grep -v '^arch/' "$top/files" >"$top/x86_64.files"
grep '^arch/x86/' "$top/files" >>"$top/x86_64.files"
"$check/build.sh" "$tree" "$kbuild/x86_64" || exit 2
covered x86_64
if [ "${FULL:-0}" = 1 ]; then
	echo all >"$top/x86_64.targets"
else
	grep '/$' "$top/units" >>"$top/x86_64.targets"
fi
sed -n 's/^\(.*\): off: \(.*\)$/\1 x86_64 allmodconfig leaves \2 off/p; s/^\(.*\): no rule$/\1 no Kbuild makefile line builds it/p' \
	"$top/x86_64.covered" | while read -r f why; do uncovered "$why" "$f"; done
run_compare() {
	arch=$1
	shift
	# shellcheck disable=SC2046
	"$check/compare.sh" "$@" "$tree" "$kbuild/$arch" "$O/check/cache" "$base" "$rev" \
		$(cat "$top/$arch.targets")
	[ $? -le 1 ] || exit 2
	builds="$builds $arch"
}
[ -s "$top/x86_64.targets" ] && run_compare x86_64

# Other architectures, with their cross compiler when one is installed.
for arch in $(sed -n 's|^arch/\([^/]*\)/.*|\1|p' "$top/files" | grep -vx x86 | sort -u); do
	grep "^arch/$arch/" "$top/files" >"$top/$arch.files"
	prefix=$("$check/cross.sh" "$arch")
	case $? in
	0) ;;
	1) uncovered "ARCH=$arch: no ${prefix}gcc (Debian package gcc-${prefix%-})" $(cat "$top/$arch.files"); continue ;;
	*) uncovered "ARCH=$arch: Debian has no cross compiler for it" $(cat "$top/$arch.files"); continue ;;
	esac
	"$check/build.sh" --arch "$arch" --cross "$prefix" "$tree" "$kbuild/$arch" || exit 2
	covered "$arch"
	sed -n "s/^\\(.*\\): off: \\(.*\\)\$/\\1 ARCH=$arch allmodconfig leaves \\2 off/p; s/^\\(.*\\): no rule\$/\\1 no Kbuild makefile line builds it/p" \
		"$top/$arch.covered" | while read -r f why; do uncovered "$why" "$f"; done
	[ -s "$top/$arch.targets" ] && run_compare "$arch" --arch "$arch" --cross "$prefix"
done

# The summary table: one row per check, then the verdict naming the kinds
# of failure.
failures=
row() { printf '  %-16s %s\n' "$1" "$2"; }
failed() { failures="$failures${failures:+,} $1"; }
findings() { grep '^[^: ]*:[0-9]*:[0-9]*: error: ' "$1"; }
errfiles() { findings "$1" | sed 's/:.*//' | sort -u | tr '\n' ' ' | sed 's/ $//'; }
echo
echo "make check: REV $(short "$rev") against BASE $(short "$base")"
for c in leaks api; do
	eval "rc=\$$c"
	if [ "$rc" -eq 0 ]; then
		row "$c" ok
	else
		row "$c" "FAILED: $(findings "$top/$c.out" | wc -l) error(s) in $(errfiles "$top/$c.out")"
		failed "$c"
	fi
done
for arch in $builds; do
	d=$kbuild/$arch
	if [ "$(cat "$d/rev.rc")" -eq 0 ]; then
		row "build $arch" "ok: $(wc -l <"$d/objects") object(s)"
	else
		row "build $arch" "FAILED: $(wc -l <"$d/failed") of $(wc -l <"$d/objects") object(s)"
		sed 's/^/    /' "$d/failed"
		grep ': \(error\|fatal error\): ' "$d/diagnostics" | sed 's/^/      /'
		failed "build $arch"
	fi
	if [ -s "$d/new-warnings" ]; then
		row "warnings $arch" "FAILED: $(wc -l <"$d/new-warnings") new"
		sed 's/^/    /' "$d/new-warnings"
		failed "new warnings $arch"
	else
		row "warnings $arch" "ok: none new"
	fi
done
[ -n "$builds" ] || row build "nothing to build"
if [ -s "$top/uncovered" ]; then
	row "not covered" "$(wc -l <"$top/uncovered") changed file(s):"
	sed 's/^/    /' "$top/uncovered"
fi
if [ -n "$failures" ]; then
	echo "make check: FAILED:$failures"
	exit 1
fi
echo "make check: ok"
