#!/bin/sh
# The build half of make check: the allmodconfig builds of the compile units
# a change affects, at REV, their warnings compared with BASE's
# (check/compare.sh); x86_64, and another architecture's files with that
# architecture's allmodconfig, built with its Debian cross compiler
# (check/cross.sh), which scripts/setup/deps.sh installs when it is missing
# (without root or sudo: the apt-get command printed, exit 2). The files of
# an architecture Debian has no cross compiler for are named "not covered".
#
#   builds.sh [--build-tree BTREE] TREE KBUILD CACHE BASE REV WORK
#
# TREE: a git work tree at REV, where the affected units are found
# (check/affected.sh, check/covered.sh); BTREE (default TREE): the git
# worktree that compare.sh checks out and builds, left at REV (and BASE in
# BTREE.base when it must); KBUILD: the persistent build directories,
# KBUILD/ARCH (and KBUILD/ARCH.base); CACHE: BASE's diagnostics;
# WORK: this run's files. FULL=1 builds the whole tree.
#
# Prints the compiler's errors and the new warnings, compiler-style; when
# objects fail, first their likely cause: each file changed between BASE
# and REV that every failed object depends on, by Kbuild's dependency
# files ("FILE: error: N objects that include it fail to build (changed in
# REV)"). Leaves in WORK: summary (the table's rows: one per build and
# warnings check, the causes, the failed objects and their errors, the
# changed files no build covers), failures (the kinds of failure, one a
# line), first (the first error: a cause when there is one).
# Exit: 0 clean, 1 a failed object or a new warning, 2 environment.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=check/lib.sh
. "$(dirname "$0")/lib.sh"

btree=
[ "${1:-}" = --build-tree ] && { btree=${2:?--build-tree needs a BTREE}; shift 2; }
[ $# -eq 6 ] || die "usage: $prog [--build-tree BTREE] TREE KBUILD CACHE BASE REV WORK"
tree=$1 kbuild=$2 cache=$3 base=$4 rev=$5 work=$6
: "${btree:=$tree}"
check=$TOOLKIT/check
mkdir -p "$work" || die "cannot create $work"
: >"$work/summary"
: >"$work/failures"
: >"$work/first"

# The compile units to build, and the changed ones each build must cover.
if [ "${FULL:-0}" = 1 ]; then
	echo all >"$work/units"
else
	"$check/affected.sh" "$tree" "$base" "$rev" >"$work/units" || exit 2
fi
git -C "$tree" diff --name-only --no-renames --diff-filter=d "$base" "$rev" >"$work/changed-all"
grep '\.[cS]$' "$work/changed-all" >"$work/changed"
grep -v -e '/$' -e '^all$' "$work/units" | cat - "$work/changed" | sort -u >"$work/files"
info "$(wc -l <"$work/units") compile unit(s) or directories affected; $(wc -l <"$work/changed") changed" >&2

# covered BUILD [ARCH]: classify $work/BUILD.files for the configuration of
# the build directory BUILD (covered.sh; ARCH defaults to BUILD), leaving
# the objects to build in $work/BUILD.targets.
covered() {
	: >"$work/$1.covered"
	# shellcheck disable=SC2046
	[ ! -s "$work/$1.files" ] ||
		"$check/covered.sh" "$tree" "$kbuild/$1" "${2:-$1}" $(cat "$work/$1.files") >"$work/$1.covered" || exit 2
	sed -n -e 's/^.*: built: \(.*\)\.[cS]$/\1.o/p' -e 's/^.*: built: \(.*\/\)$/\1/p' "$work/$1.covered" |
		sort -u >"$work/$1.targets"
}
# uncovered WHY FILE...: the changed ones among FILEs are not covered.
: >"$work/uncovered"
uncovered() {
	why=$1
	shift
	for f; do
		grep -qxF "$f" "$work/changed" && printf '%s: %s\n' "$f" "$why" >>"$work/uncovered"
	done
	return 0
}
# uncovered_in BUILD LABEL: the changed files BUILD's configuration (LABEL)
# leaves off, or that no makefile line builds.
uncovered_in() {
	sed -n "s/^\\(.*\\): off: \\(.*\\)\$/\\1 $2 leaves \\2 off/p; s/^\\(.*\\): no rule\$/\\1 no Kbuild makefile line builds it/p" \
		"$work/$1.covered" | while read -r f why; do uncovered "$why" "$f"; done
}
# queue_compare ARCH [OPTION...]: ARCH's comparison, run by run_compares
# once every architecture's configuration has been read at the tree's
# current checkout.
: >"$work/compares"
queue_compare() {
	echo "$*" >>"$work/compares"
}
run_compares() {
	while read -r arch opts; do
		# shellcheck disable=SC2086
		run_compare "$arch" $opts </dev/null
	done <"$work/compares"
}
builds=
run_compare() {
	arch=$1
	shift
	# shellcheck disable=SC2046
	"$check/compare.sh" "$@" "$btree" "$kbuild/$arch" "$cache" "$base" "$rev" \
		$(cat "$work/$arch.targets") >"$work/$arch.compare"
	[ $? -le 1 ] || { cat "$work/$arch.compare"; exit 2; }
	: >"$work/$arch.causes"
	[ "$(cat "$kbuild/$arch/rev.rc")" -eq 0 ] ||
		"$check/causes.sh" "$btree" "$kbuild/$arch" "$work/changed-all" >"$work/$arch.causes" || exit 2
	cat "$work/$arch.causes" "$work/$arch.compare"
	builds="$builds $arch"
}

# BTREE is configured and read for what the configuration builds before
# compare.sh checks REV out there; a change to a Kconfig file must be in it
# first, or a new option's files would count as left off.
if [ "$btree" != "$tree" ] &&
	[ -n "$(git -C "$tree" diff --name-only "$base" "$rev" -- '*Kconfig*')" ]; then
	git -C "$btree" checkout -q --detach -f "$rev" || die "cannot check out $rev in $btree"
fi

# The other architectures with files to build (changed or affected), and
# the cross compilers missing for them that Debian has, installed before
# any build: without root or sudo, deps.sh prints the apt-get command
# (exit 2).
arches=$(sed -n 's|^arch/\([^/]*\)/.*|\1|p' "$work/files" | grep -vx x86 | sort -u)
install=
for arch in $arches; do
	prefix=$("$check/cross.sh" "$arch")
	case $? in
	0) ;;
	1) [ -z "$prefix" ] || install="$install cross-$arch" ;;
	*) exit 2 ;;
	esac
done
# shellcheck disable=SC2086
[ -z "$install" ] || "$TOOLKIT/scripts/setup/deps.sh" $install >&2 || exit 2

# x86_64 first: the affected directories and objects it builds.
grep -v '^arch/' "$work/files" >"$work/x86_64.files"
grep '^arch/x86/' "$work/files" >>"$work/x86_64.files"
"$check/build.sh" "$btree" "$kbuild/x86_64" || exit 2
covered x86_64
if [ "${FULL:-0}" = 1 ]; then
	echo all >"$work/x86_64.targets"
else
	grep '/$' "$work/units" >>"$work/x86_64.targets"
fi

# The files behind an option x86_64 allmodconfig leaves off, for which
# check/config-variants has a configuration, go to that configuration's
# build (below), not to "not covered".
variants=
for opt in $(sed -n 's/^.*: off: CONFIG_//p' "$work/x86_64.covered" | sort -u); do
	config_variant "$opt" >/dev/null || continue
	sed -n "s/^\(.*\): off: CONFIG_$opt\$/\1/p" "$work/x86_64.covered" >"$work/x86_64-$opt.files"
	sed -i "/: off: CONFIG_$opt\$/d" "$work/x86_64.covered"
	variants="$variants $opt"
done
uncovered_in x86_64 "x86_64 allmodconfig"
[ -s "$work/x86_64.targets" ] && queue_compare x86_64

# Each such configuration, its compiler installed when missing, built as
# x86_64-OPTION.
for opt in $variants; do
	compiler=$(config_variant "$opt" | cut -d' ' -f2)
	command -v "$compiler" >/dev/null 2>&1 || "$TOOLKIT/scripts/setup/deps.sh" "$compiler" >&2 || exit 2
	"$check/build.sh" --variant "$opt" "$btree" "$kbuild/x86_64-$opt"
	case $? in
	0) ;;
	3) # shellcheck disable=SC2046
		uncovered "x86_64 allmodconfig with $opt: $(cat "$kbuild/x86_64-$opt/unsupported")" \
			$(cat "$work/x86_64-$opt.files")
		continue ;;
	*) exit 2 ;;
	esac
	covered "x86_64-$opt" x86_64
	uncovered_in "x86_64-$opt" "x86_64 allmodconfig with $opt"
	[ -s "$work/x86_64-$opt.targets" ] && queue_compare "x86_64-$opt" --variant "$opt"
done

# The other architectures, with their cross compilers.
for arch in $arches; do
	grep "^arch/$arch/" "$work/files" >"$work/$arch.files"
	prefix=$("$check/cross.sh" "$arch")
	case $? in
	0) ;;
	1) [ -z "$prefix" ] || die "${prefix}gcc is still missing after installing gcc-${prefix%-}"
		# shellcheck disable=SC2046
		uncovered "ARCH=$arch: Debian has no cross compiler for it" $(cat "$work/$arch.files")
		continue ;;
	*) exit 2 ;;
	esac
	"$check/build.sh" --arch "$arch" --cross "$prefix" "$btree" "$kbuild/$arch" || exit 2
	covered "$arch"
	uncovered_in "$arch" "ARCH=$arch allmodconfig"
	[ -s "$work/$arch.targets" ] && queue_compare "$arch" --arch "$arch" --cross "$prefix"
done
run_compares

# The summary rows, the kinds of failure and the first error.
failed() { printf '%s\n' "$1" >>"$work/failures"; }
for arch in $builds; do
	d=$kbuild/$arch
	if [ "$(cat "$d/rev.rc")" -eq 0 ]; then
		summary_row "build $arch" "ok: $(wc -l <"$d/objects") object(s)"
	else
		summary_row "build $arch" "FAILED: $(wc -l <"$d/failed") of $(wc -l <"$d/objects") object(s)"
		sed 's/^/    /' "$work/$arch.causes" "$d/failed"
		grep ': \(error\|fatal error\): ' "$d/diagnostics" >"$work/errors"
		sed 's/^/      /' "$work/errors"
		failed "build $arch"
		[ -s "$work/first" ] ||
			{ cat "$work/$arch.causes" "$work/errors"; sed "s/\$/: failed to build ($arch)/" "$d/failed"; } |
			head -n 1 >"$work/first"
	fi
	if [ -s "$d/new-warnings" ]; then
		summary_row "warnings $arch" "FAILED: $(wc -l <"$d/new-warnings") new"
		sed 's/^/    /' "$d/new-warnings"
		failed "new warnings $arch"
		[ -s "$work/first" ] || head -n 1 "$d/new-warnings" >"$work/first"
	else
		summary_row "warnings $arch" "ok: none new"
	fi
done >>"$work/summary"
[ -n "$builds" ] || summary_row build "nothing to build" >>"$work/summary"
if [ -s "$work/uncovered" ]; then
	summary_row "not covered" "$(wc -l <"$work/uncovered") changed file(s):"
	sed 's/^/    /' "$work/uncovered"
fi >>"$work/summary"
[ ! -s "$work/failures" ]
