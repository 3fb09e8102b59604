#!/bin/sh
# Build TARGETs at REV and report what REV breaks: its compiler errors, and
# the warnings its objects that built add to BASE's (check/newwarn.sh).
#
#   compare.sh [--arch ARCH [--cross PREFIX] | --variant OPTION] TREE OBJDIR CACHE BASE REV TARGET...
#
# The options are check/build.sh's; the build is named ARCH, or
# x86_64-OPTION for a configuration of check/config-variants.
# TREE is a git worktree of the kernel that this script checks out at REV
# and leaves there; OBJDIR its persistent build directory (check/build.sh).
# REV is built first, and BASE only when it must be: for the objects that
# warn at REV, in a worktree and a build directory of its own (TREE.base,
# OBJDIR.base, made on first use), so that TREE's sources never go back and
# forth (Kbuild goes by timestamps: the next check would rebuild everything
# the two commits differ in). A clean REV, the common case, builds nothing
# at BASE. BASE's diagnostics are kept in CACHE, in a file named after the
# architecture, BASE and a hash of those objects, the compiler and
# build.sh, so that a second run builds REV only, and Kbuild recompiles only
# what changed since. Prints REV's errors and new warnings compiler-style,
# then "compare: ARCH: ..." with the counts; leaves new-warnings and rev.rc
# (build.sh's exit for REV) beside build.sh's files in OBJDIR.
# Exit: 0 clean, 1 errors or new warnings, 2 environment.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

archopts=
arch=x86_64
while :; do
	case ${1:-} in
	--arch) arch=${2:?--arch needs an ARCH}; archopts="$archopts $1 $2"; shift 2 ;;
	--cross) archopts="$archopts $1 ${2:?--cross needs a PREFIX}"; shift 2 ;;
	--variant) arch=$arch-${2:?--variant needs an OPTION}; archopts="$archopts $1 $2"; shift 2 ;;
	*) break ;;
	esac
done
[ $# -ge 6 ] || die "usage: $prog [--arch ARCH [--cross PREFIX] | --variant OPTION] TREE OBJDIR CACHE BASE REV TARGET..."
tree=$1 objdir=$2 cache=$3 base=$4 rev=$5
shift 5
mkdir -p "$cache" "$objdir" || die "cannot create $cache or $objdir"

checkout() {
	git -C "$tree" checkout -q --detach -f "$1" && git -C "$tree" clean -q -fd ||
		die "cannot check out $1 in $tree"
}
# build TREE OBJDIR TARGET...: build.sh's exit in rc; its last line said.
build() {
	# shellcheck disable=SC2086
	"$TOOLKIT/check/build.sh" $archopts "$@" >"$2/build.out"
	rc=$?
	[ $rc -le 1 ] || exit 2
	tail -n 1 "$2/build.out" >&2
}
short() { git -C "$tree" rev-parse --short "$1"; }

info "$arch: building REV $(short "$rev"): $# target(s)" >&2
checkout "$rev"
build "$tree" "$objdir" "$@"
echo $rc >"$objdir/rev.rc"

# BASE's diagnostics of the objects that warn at REV and whose source BASE
# has (an object new in REV has no base: its warnings are all new).
while read -r obj; do
	git -C "$tree" cat-file -e "$base:${obj%.o}.c" 2>/dev/null ||
		git -C "$tree" cat-file -e "$base:${obj%.o}.S" 2>/dev/null || continue
	printf '%s\n' "$obj"
done <"$objdir/warned" >"$objdir/base-targets"
based=$objdir/base-diagnostics
if [ ! -s "$objdir/base-targets" ]; then
	info "$arch: no warning at REV; BASE $(short "$base") not built" >&2
	: >"$based"
else
	key=$(printf '%s\n' "$arch $archopts ${CC:-}" |
		cat - "$objdir/base-targets" "$TOOLKIT/check/build.sh" | cksum | sed 's/ .*//')
	based=$cache/$arch-$(git -C "$tree" rev-parse "$base")-$key.diagnostics
	if [ -f "$based" ]; then
		info "$arch: BASE $(short "$base") diagnostics from $based" >&2
	else
		info "$arch: building BASE $(short "$base"): $(wc -l <"$objdir/base-targets") object(s) that warn at REV" >&2
		worktree_at "$tree.base" "$base" "$tree"
		mkdir -p "$objdir.base" || die "cannot create $objdir.base"
		# shellcheck disable=SC2046
		build "$tree.base" "$objdir.base" $(cat "$objdir/base-targets")
		[ $rc -eq 0 ] || warn "$arch: BASE $(short "$base") does not build either"
		cp "$objdir.base/diagnostics" "$based.tmp" && mv "$based.tmp" "$based" || die "cannot write $based"
	fi
fi
"$TOOLKIT/check/newwarn.sh" "$based" "$objdir/built-diagnostics" >"$objdir/new-warnings" || exit 2

grep ': \(error\|fatal error\): ' "$objdir/diagnostics"
cat "$objdir/new-warnings"
failed=$(wc -l <"$objdir/failed")
new=$(wc -l <"$objdir/new-warnings")
printf 'compare: %s: %d object(s), %d failed, %d new warning(s)\n' \
	"$arch" "$(wc -l <"$objdir/objects")" "$failed" "$new"
[ "$failed" -eq 0 ] && [ "$new" -eq 0 ] && [ $rc -eq 0 ]
