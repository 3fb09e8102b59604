#!/bin/sh
# Build TARGETs at BASE, then at REV in the same build directory, and
# report what REV breaks: its compiler errors, and the warnings its objects
# that built add to BASE's (check/newwarn.sh).
#
#   compare.sh [--base-only] [--arch ARCH [--cross PREFIX]] TREE OBJDIR CACHE BASE REV TARGET...
#
# --base-only stops once BASE's diagnostics are in CACHE: check/builds.sh
# builds BASE for every architecture before it checks REV out once for all
# of them, so that no build directory sees its sources change back and forth
# (Kbuild goes by timestamps: a second check would rebuild everything).
# TREE is a git worktree of the kernel that this script checks out (BASE,
# then REV, which it is left at); OBJDIR its persistent build directory
# (check/build.sh). BASE's diagnostics are kept in CACHE, in a file named
# after the architecture, BASE and a hash of the targets, the compiler and
# build.sh, so that a second run against the same BASE builds REV only, and
# Kbuild recompiles only what changed since. Prints REV's errors and new
# warnings compiler-style, then "compare: ARCH: ..." with the counts;
# leaves new-warnings and rev.rc (build.sh's exit for REV) beside build.sh's
# files in OBJDIR.
# Exit: 0 clean, 1 errors or new warnings, 2 environment.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

archopts=
arch=x86_64
base_only=0
while :; do
	case ${1:-} in
	--base-only) base_only=1; shift ;;
	--arch) arch=${2:?--arch needs an ARCH}; archopts="$archopts $1 $2"; shift 2 ;;
	--cross) archopts="$archopts $1 ${2:?--cross needs a PREFIX}"; shift 2 ;;
	*) break ;;
	esac
done
[ $# -ge 6 ] || die "usage: $prog [--base-only] [--arch ARCH [--cross PREFIX]] TREE OBJDIR CACHE BASE REV TARGET..."
tree=$1 objdir=$2 cache=$3 base=$4 rev=$5
shift 5
mkdir -p "$cache" "$objdir" || die "cannot create $cache or $objdir"

checkout() {
	git -C "$tree" checkout -q --detach -f "$1" && git -C "$tree" clean -q -fd ||
		die "cannot check out $1 in $tree"
}
build() {
	# shellcheck disable=SC2086
	"$TOOLKIT/check/build.sh" $archopts "$tree" "$objdir" "$@" >"$objdir/build.out"
	rc=$?
	[ $rc -le 1 ] || exit 2
	tail -n 1 "$objdir/build.out" >&2
}
short() { git -C "$tree" rev-parse --short "$1"; }

# The targets BASE has: an object whose source it lacks cannot be built there.
for target; do
	case $target in
	*.o) git -C "$tree" cat-file -e "$base:${target%.o}.c" 2>/dev/null ||
		git -C "$tree" cat-file -e "$base:${target%.o}.S" 2>/dev/null ;;
	all) true ;;
	*) git -C "$tree" cat-file -e "$base:${target%/}" 2>/dev/null ;;
	esac && printf '%s\n' "$target"
done >"$objdir/base-targets"
key=$(printf '%s\n' "$arch $archopts ${CC:-}" |
	cat - "$objdir/base-targets" "$TOOLKIT/check/build.sh" | cksum | sed 's/ .*//')
based=$cache/$arch-$(git -C "$tree" rev-parse "$base")-$key.diagnostics

if [ -f "$based" ]; then
	# Said once, by the run that goes on to REV.
	[ "$base_only" = 1 ] || info "$arch: BASE $(short "$base") diagnostics from $based" >&2
else
	info "$arch: building BASE $(short "$base"): $(wc -l <"$objdir/base-targets") target(s)" >&2
	checkout "$base"
	# shellcheck disable=SC2046
	build $(cat "$objdir/base-targets")
	[ $rc -eq 0 ] || warn "$arch: BASE $(short "$base") does not build either; its errors count as REV's"
	cp "$objdir/diagnostics" "$based.tmp" && mv "$based.tmp" "$based" || die "cannot write $based"
fi
[ "$base_only" = 0 ] || exit 0

info "$arch: building REV $(short "$rev"): $# target(s)" >&2
checkout "$rev"
build "$@"
echo $rc >"$objdir/rev.rc"
"$TOOLKIT/check/newwarn.sh" "$based" "$objdir/built-diagnostics" >"$objdir/new-warnings" || exit 2

grep ': \(error\|fatal error\): ' "$objdir/diagnostics"
cat "$objdir/new-warnings"
failed=$(wc -l <"$objdir/failed")
new=$(wc -l <"$objdir/new-warnings")
printf 'compare: %s: %d object(s), %d failed, %d new warning(s)\n' \
	"$arch" "$(wc -l <"$objdir/objects")" "$failed" "$new"
[ "$failed" -eq 0 ] && [ "$new" -eq 0 ] && [ $rc -eq 0 ]
