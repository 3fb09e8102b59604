#!/bin/sh
# check-leaks: private symbols used outside their directory, or exported
# from inside it (cscan leak over KDIR).
# Exit 0 clean, 1 leaks found, 2 usage or environment error.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

require_kdir "${KDIR:-}"
cscan=${O:-$TOOLKIT/out}/bin/cscan
[ -x "$cscan" ] || die "$cscan not built; run 'make tools'"
# The private headers; they move to the migration's spec.
set -- --private 'mm/internal.h=ALLOC_*' --private mm/page_alloc.h "$@"
verbose "$cscan leak $* ${J:+-j $J} $KDIR"
# shellcheck disable=SC2086
"$cscan" leak ${J:+-j "$J"} "$@" "$KDIR"
rc=$?
[ "$rc" -eq 1 ] && printf '%s: error: private symbols leak out of their directory (see above)\n' "$prog" >&2
exit "$rc"
