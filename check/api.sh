#!/bin/sh
# check-api: the symbols the migration's spec confines to directories
# ("confine: SYMBOL... to DIR...") used elsewhere (cscan api over KDIR). On
# a tree the migration has not run on, this finds what it converts.
# Exit 0 clean, 1 findings, 2 usage or environment error.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$TOOLKIT/scripts/lib/spec.sh"

require_kdir "${KDIR:-}"
O=${O:-$TOOLKIT/out}
cscan=$O/bin/cscan
[ -x "$cscan" ] || die "$cscan not built; run 'make tools'"
spec_load
set -f
# shellcheck disable=SC2046
set -- $(spec_scan_options confine)
[ $# -gt 0 ] || { info "$MIGRATION confines no symbol; nothing to check"; exit 0; }
verbose "$cscan api $* $KDIR"
"$cscan" api ${J:+-j "$J"} "$@" "$KDIR"
rc=$?
[ "$rc" -eq 1 ] && printf '%s: error: confined symbols used outside their directories (see above)\n' "$prog" >&2
exit "$rc"
