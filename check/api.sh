#!/bin/sh
# check-api: the page allocator's low-level entry points may be called only
# from mm/ (cscan api over KDIR). On an unmigrated tree this finds the
# callers the series converts and the declarations in include/linux/gfp.h.
# Exit 0 clean, 1 findings, 2 usage or environment error.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

require_kdir "${KDIR:-}"
cscan=${O:-$TOOLKIT/out}/bin/cscan
[ -x "$cscan" ] || die "$cscan not built; run 'make tools'"
set --
for sym in __alloc_pages_node __alloc_pages_node_noprof __alloc_pages __alloc_pages_noprof; do
	set -- "$@" --allow "$sym=mm/"
done
verbose "$cscan api $* $KDIR"
"$cscan" api ${J:+-j "$J"} "$@" "$KDIR"
rc=$?
[ "$rc" -eq 1 ] && printf '%s: error: private allocator API used outside mm/ (see above)\n' "$prog" >&2
exit "$rc"
