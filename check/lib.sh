# shellcheck shell=sh
# What make check and make ci share, beyond scripts/lib/lib.sh (sourced
# after it; POSIX sh).

# config_variant OPTION: OPTION's line of check/config-variants, "OPTION
# COMPILER ARGUMENT..."; exit 1 when it has none.
config_variant() {
	grep "^$1 " "$TOOLKIT/check/config-variants"
}

# summary_row NAME TEXT: a row of make check's summary table (check.sh's
# leaks and api, builds.sh's builds).
summary_row() {
	printf '  %-22s %s\n' "$1" "$2"
}

# require_kbuild_path KDIR: make check and make ci build under
# $O/check/NAME, NAME being KDIR's last component, and Kbuild cannot build
# in a path with a space.
require_kbuild_path() {
	case ${1##*/} in *[[:space:]]*)
		die "KDIR=$1: its name '${1##*/}' has a space, and Kbuild cannot build in $O/check/${1##*/}; rename it, or pass KDIR= a symbolic link to it whose name has none" ;;
	esac
}
