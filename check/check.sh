#!/bin/sh
# make check: the checks (check/plugins.sh: a folder each under check/;
# today the leak and api scans, checkpatch on the patches of BASE..REV, and
# the allmodconfig build of REV, its warnings compared with BASE's), in a
# git worktree of KDIR under $O/check/ (KDIR's checkout is never touched;
# the worktree and the build directories are kept between runs).
#
# Environment: KDIR, O, J, V, CC, FULL=1 (build the whole tree, not only the
# affected objects), MIGRATION, REV (default: the head of the series branch
# $BRANCH, api-migrate/MIGRATION, when it exists, else KDIR's HEAD), BASE (default:
# for the series branch, its merge-base with KDIR's HEAD, else REV's parent).
#
# What is built (check/affected.sh): the changed .c and .S files, the
# directories the spec's build: lines name for what changed, and every .c file that references a
# declaration the change touched; for x86_64 allmodconfig, and for another
# architecture's files with that architecture's allmodconfig, built with its
# Debian cross compiler (check/cross.sh), installed when missing
# (scripts/setup/deps.sh cross-ARCH). A changed compile unit that no build covers
# (an architecture Debian has no cross compiler for, an option allmodconfig
# leaves off) is named in the summary; when objects fail, the changed files
# they all include are named first (check/causes.sh).
#
# Exit: 0 clean; 1 a check found something (leaks, api errors, a checkpatch
# error or warning, a failed object or a new warning); 2 usage or
# environment errors. The summary at the end says which.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=check/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$TOOLKIT/scripts/lib/spec.sh"
# shellcheck source=check/plugins.sh
. "$TOOLKIT/check/plugins.sh"

absolute_o
require_kdir "${KDIR:-}"
require_cmd git git
lock_runs check
require_kbuild_path "$KDIR"
check=$TOOLKIT/check
short() { git -C "$KDIR" rev-parse --short "$1"; }

# REV and BASE, as full hashes.
spec_load
branch=$(series_branch)
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
worktree_at "$tree" "$rev"
info "REV $(short "$rev") against BASE $(short "$base") in $tree" >&2

# Each check in turn, its progress shown as it goes. One that cannot run
# has said why on stderr, in its own line: the run ends there, exit 2.
export CHECK_MODE=head CHECK_BUILD_TREE="$tree" CHECK_KBUILD="$kbuild" CHECK_CACHE="$O/check/cache"
checks=$(check_names)
for c in $checks; do
	"$check/run-check.sh" --live "$c" "$tree" "$base" "$rev" "$top" || exit 2
	[ "$(cat "$top/$c.rc")" -le 1 ] || exit 2
done

# The summary table: the rows of each check, then the verdict naming the
# kinds of failure.
failures=
failed() { failures="$failures${failures:+,} $1"; }
# failed_row FILE: "N error(s) in FILES" of FILE's compiler-style errors,
# else likewise of its warnings (a checkpatch warning fails too).
failed_row() {
	for _sev in error warning; do
		grep "^[^: ]*:[0-9]*:[0-9]*: $_sev: " "$1" >"$top/findings" || continue
		printf '%d %s(s) in %s' "$(wc -l <"$top/findings")" "$_sev" \
			"$(sed 's/:.*//' "$top/findings" | sort -u | tr '\n' ' ' | sed 's/ $//')"
		return
	done
	echo "see $1"
}
echo
echo "make check: REV $(short "$rev") against BASE $(short "$base")"
for c in $checks; do
	if [ -f "$top/$c/summary" ]; then
		cat "$top/$c/summary"
	elif [ -f "$top/$c.skip" ]; then
		summary_row "$c" "skipped: $(cat "$top/$c.skip")"
	elif [ "$(cat "$top/$c.rc")" -eq 0 ]; then
		summary_row "$c" ok
	else
		summary_row "$c" "FAILED: $(failed_row "$top/$c.out")"
	fi
	[ "$(cat "$top/$c.rc")" -eq 1 ] || continue
	if [ -s "$top/$c/failures" ]; then
		while read -r kind; do failed "$kind"; done <"$top/$c/failures"
	else
		failed "$c"
	fi
done
if [ -n "$failures" ]; then
	echo "make check: FAILED:$failures"
	exit 1
fi
echo "make check: ok"
