#!/bin/sh
# The files of the current kernel tree that use NAME in code, other than
# DEFINER, and that Kbuild can build as a module: their object is listed in
# their directory's Makefile under obj-m, or under obj-$(CONFIG_X) with X a
# tristate option. Prints them, one a line; nothing when there are none.
#
#   module-users.sh NAME DEFINER
#
# Exit 0, 2 on an environment error.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../../../lib/lib.sh"

[ $# -eq 2 ] || die "usage: $prog NAME DEFINER"
users=$(cscan refs -l . "$1") || exit 2
for user in $users; do
	[ "$user" = "$2" ] && continue
	case $user in *.c) ;; *) continue ;; esac
	makefile=${user%/*}/Makefile
	[ -f "$makefile" ] || continue
	obj=${user##*/}
	obj=${obj%.c}.o
	# The option that builds it: "obj-m" or "obj-$(CONFIG_X)".
	option=$(sed -n "s/^obj-\\([^ +:=]*\\)[ \\t]*[+:]*=.*[ \\t]${obj}\\b.*/\\1/p; s/^obj-\\([^ +:=]*\\)[ \\t]*[+:]*=[ \\t]*${obj}\\b.*/\\1/p" "$makefile" | head -n 1)
	case $option in
	m) echo "$user" ;;
	'$(CONFIG_'*')')
		config=${option#'$(CONFIG_'}
		config=${config%')'}
		git grep -h -A2 -E "^(menu)?config $config\$" -- '*Kconfig*' | grep -q '^[[:space:]]*tristate' &&
			echo "$user" ;;
	esac
done
exit 0
