#!/bin/sh
# Build some objects of a kernel tree for x86_64 allmodconfig, in a
# persistent build directory, and print the compiler's diagnostics
# compiler-style, paths relative to the tree.
#
#   build.sh TREE OBJDIR TARGET...
#
# TARGET: an object (mm/slub.o) or a directory (mm/). CONFIG_WERROR is off:
# warnings are reported, for the caller to compare with a base, as netdev's
# NIPA does. The build directory keeps its configuration and generated files
# across runs, so a rebuild only compiles what changed. CC and J pass
# through. Exit: 0 built, 1 a target failed, 2 environment.
. "$(dirname "$0")/../scripts/lib.sh"

[ $# -ge 3 ] || die "usage: $prog TREE OBJDIR TARGET..."
tree=$(cd "$1" 2>/dev/null && pwd) || die "no kernel tree at $1"
objdir=$2
shift 2
[ -f "$tree/Makefile" ] && [ -f "$tree/scripts/config" ] || die "$tree is not a kernel source tree"
require_cmd make make
require_cmd "${CC:-gcc}" gcc
for tool in flex bison bc perl; do require_cmd $tool $tool; done
mkdir -p "$objdir" && objdir=$(cd "$objdir" && pwd) || die "cannot create $objdir"

kmake() {
	make -C "$tree" O="$objdir" ARCH=x86_64 ${CC:+CC="$CC"} -j"${J:-2}" "$@"
}

# One configuration per build directory, made once; prepare is redone only
# when the tree's own build files changed (Kbuild decides, quickly).
if [ ! -f "$objdir/.config" ]; then
	info "configuring x86_64 allmodconfig in $objdir (CONFIG_WERROR off)"
	kmake -s allmodconfig >"$objdir/config.log" 2>&1 &&
	"$tree/scripts/config" --file "$objdir/.config" -d WERROR &&
	kmake -s olddefconfig >>"$objdir/config.log" 2>&1 ||
		{ rm -f "$objdir/.config"; die "allmodconfig failed; see $objdir/config.log"; }
fi
kmake -s prepare >"$objdir/prepare.log" 2>&1 ||
	die "make prepare failed in $objdir; see $objdir/prepare.log"

log=$objdir/build.log
kmake -k "$@" >"$log" 2>&1
rc=$?

# Diagnostics, relative to the tree, each once.
sed -n "s|^$tree/||; s|^\(\./\)\{0,1\}\([^: ]*:[0-9]*:[0-9]*: \(warning\|error\|fatal error\): .*\)|\2|p" "$log" |
	sort -u >"$objdir/diagnostics"
cat "$objdir/diagnostics"
warnings=$(grep -c ': warning: ' "$objdir/diagnostics")
errors=$(grep -c ': \(error\|fatal error\): ' "$objdir/diagnostics")
if [ $rc -ne 0 ]; then
	[ "$errors" -gt 0 ] || tail -n 20 "$log" >&2
	printf 'build: FAILED: %d error(s), %d warning(s) in %d target(s); log: %s\n' \
		"$errors" "$warnings" $# "$log"
	exit 1
fi
printf 'build: ok: %d target(s), %d warning(s); log: %s\n' $# "$warnings" "$log"
