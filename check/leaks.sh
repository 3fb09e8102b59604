#!/bin/sh
# check-leaks: mm-private symbols used outside mm/ (cscan leak over KDIR).
# Exit 0 clean, 1 leaks found, 2 usage or environment error.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

require_kdir "${KDIR:-}"
cscan=${O:-$TOOLKIT/out}/bin/cscan
[ -x "$cscan" ] || die "$cscan not built; run 'make tools'"
verbose "$cscan leak ${J:+-j $J} $KDIR"
# shellcheck disable=SC2086
"$cscan" leak ${J:+-j "$J"} "$@" "$KDIR"
rc=$?
[ "$rc" -eq 1 ] && printf '%s: error: mm-private symbols leak out of mm/ (see above)\n' "$prog" >&2
exit "$rc"
