#!/bin/sh
# Which of the given source files a configured build directory builds, from
# the Kbuild makefiles and its .config (see check/covered.awk).
#
#   covered.sh TREE OBJDIR ARCH FILE...
#
# FILE: a .c or .S file relative to TREE. One line per FILE:
#   FILE: built: UNIT      UNIT (FILE, or the .c file that #includes it) is
#                          compiled: build UNIT's object
#   FILE: built: DIR/      build it with its directory's target, as the
#                          object's would also compile it elsewhere
#                          (covered.awk says so)
#   FILE: off: CONFIG_X    its makefile line needs CONFIG_X, which is not set
#   FILE: arch: ARCH       it belongs to another architecture
#   FILE: no rule          no makefile line builds it
# Exit 0, or 2 on a usage or environment error.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

[ $# -ge 3 ] || die "usage: $prog TREE OBJDIR ARCH FILE..."
tree=$1 config=$2/.config arch=$3
shift 3
[ -f "$config" ] || die "$config does not exist; configure $2 first (check/build.sh TREE OBJDIR)"
case $arch in
x86_64 | i386) srcarch=x86 ;;
sparc64) srcarch=sparc ;;
*) srcarch=$arch ;;
esac

covered() {
	awk -v tree="$tree" -v config="$config" -v srcarch="$srcarch" -f "$TOOLKIT/check/covered.awk"
}

# A file no makefile names may be #included by a sibling .c file
# (mm/percpu.c includes percpu-km.c; kernel/sched/build_utility.c has
# "# include "psi.c"", a blank after the '#'): that one decides.
printf '%s\n' "$@" | covered | while IFS= read -r line; do
	file=${line%%: *}
	case $line in
	*": built") printf '%s: built: %s\n' "$file" "$file" ;;
	*": no rule")
		dir=${file%/*}
		unit=$(cd "$tree/$dir" 2>/dev/null &&
			grep -l -E "^[[:space:]]*#[[:space:]]*include[[:space:]]+\"$(printf %s "${file##*/}" | sed 's/[.]/[.]/g')\"" \
				-- *.c 2>/dev/null | head -n 1)
		if [ -n "$unit" ]; then
			printf '%s\n' "$dir/$unit" | covered | sed "s|^$dir/$unit: built\$|$file: built: $dir/$unit|; t; s|^$dir/$unit:|$file:|"
		else
			printf '%s\n' "$line"
		fi
		;;
	*) printf '%s\n' "$line" ;;
	esac
done
