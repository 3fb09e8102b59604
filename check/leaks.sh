#!/bin/sh
# check-leaks: the names the migration's spec makes private to a directory
# ("private: HEADER [PATTERN...]") used outside it (cscan leak over KDIR).
# Exit 0 clean, 1 leaks found, 2 usage or environment error.
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
set -- $(spec_scan_options private)
[ $# -gt 0 ] || { info "$MIGRATION makes no header private; nothing to check"; exit 0; }
verbose "$cscan leak $* ${J:+-j $J} $KDIR"
"$cscan" leak ${J:+-j "$J"} "$@" "$KDIR"
rc=$?
[ "$rc" -eq 1 ] && printf '%s: error: private symbols leak out of their directory (see above)\n' "$prog" >&2
exit "$rc"
