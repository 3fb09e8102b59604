#!/bin/sh
# The scanner's checks of a tree against the migration's spec (cscan over
# TREE, default KDIR):
#   leaks  the names the spec makes private to a directory ("private:
#          HEADER [PATTERN...]") used outside it (cscan leak);
#   api    the symbols the spec confines to directories ("confine:
#          SYMBOL... to DIR...") used elsewhere (cscan api). On a tree the
#          migration has not run on, this finds what it converts.
#
#   scan.sh leaks|api [TREE]
#
# Exit 0 clean, 1 findings, 2 usage or environment error.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$TOOLKIT/scripts/lib/spec.sh"

case ${1:-} in
leaks) key=private what="makes no header private" scan=leak
	failed="private symbols leak out of their directory (see above)" ;;
api) key=confine what="confines no symbol" scan=api
	failed="confined symbols used outside their directories (see above)" ;;
*) die "usage: $prog leaks|api [TREE]" ;;
esac
[ $# -le 2 ] || die "usage: $prog leaks|api [TREE]"
tree=${2:-${KDIR:-}}
require_kdir "$tree"
[ -n "${O:-}" ] || die "O is not set; run it through make (make check-$1)"
cscan=$O/bin/cscan
[ -x "$cscan" ] || die "$cscan not built; run 'make tools'"
spec_load
set -f
# shellcheck disable=SC2046
set -- $(spec_scan_options "$key")
[ $# -gt 0 ] || { info "$MIGRATION $what; nothing to check"; exit 0; }
verbose "$cscan $scan $* ${J:+-j $J} $tree"
"$cscan" "$scan" ${J:+-j "$J"} "$@" "$tree"
rc=$?
[ "$rc" -eq 1 ] && printf '%s: error: %s\n' "$prog" "$failed" >&2
exit "$rc"
