#!/bin/sh
# The likely cause of a failed build: the changed files that every failed
# object depends on, by Kbuild's dependency files.
#
#   causes.sh TREE OBJDIR CHANGED
#
# TREE: the source tree OBJDIR was built from; OBJDIR: a build directory
# that check/build.sh left, with OBJDIR/failed (the failed objects, one a
# line); CHANGED: a file listing the files changed between BASE and REV,
# relative to TREE. An object's dependencies are the files its compile
# read: the OBJDIR/DIR/.NAME.o.d the compiler wrote when it failed (what
# REV's source reads; Kbuild removes it after a successful compile), else
# the deps_ list of Kbuild's OBJDIR/DIR/.NAME.o.cmd (what its last
# successful compile read); its own source does not count, and an object
# with neither file (never compiled) is left out.
#
# Prints, for each changed file every other failed object depends on:
#   FILE: error: N objects that include it fail to build (changed in REV)
# Exit 0, 2 on a usage error.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

[ $# -eq 3 ] || die "usage: $prog TREE OBJDIR CHANGED"
root=$(cd "$1" 2>/dev/null && pwd -P) || die "no tree at $1"
objdir=$2 changed=$3
{ [ -r "$objdir/failed" ] && [ -r "$changed" ]; } || die "cannot read $objdir/failed or $changed"

# depsof OBJ: the files OBJ's compile read, as the compiler or Kbuild wrote
# them; exit 1 when neither did.
depsof() {
	case $1 in */*) dot=$objdir/${1%/*}/.${1##*/} ;; *) dot=$objdir/.$1 ;; esac
	if [ -f "$dot.d" ]; then
		sed 's/\\$//' "$dot.d" | tr ' ' '\n' | awk 'target && NF { print } /:$/ { target = 1 }'
	elif [ -f "$dot.cmd" ]; then
		# shellcheck disable=SC2016
		sed -n '/^deps_/,/^$/{ /^deps_/d; /\$(wildcard/d; s/^ *\([^ ]*\).*/\1/p; }' "$dot.cmd"
	else
		return 1
	fi
}

# Each failed object's dependencies under TREE, after a line "@": then
# those all of them share that the change touched.
deps=$(while read -r obj; do
	d=$(depsof "$obj") || continue
	echo @
	printf '%s\n' "$d" | sed -n "s|^$root/||p" | grep -vxF -e "${obj%.o}.c" -e "${obj%.o}.S" | sort -u
done <"$objdir/failed")
n=$(printf '%s\n' "$deps" | grep -cx @)
printf '%s\n' "$deps" | grep -vx @ | sort | uniq -c | awk -v n="$n" '$1 == n { print $2 }' |
	grep -xF -f "$changed" |
	awk -v n="$n" '{ printf "%s: error: %d %s to build (changed in REV)\n", $0, n,
		n == 1 ? "object that includes it fails" : "objects that include it fail" }'
exit 0
