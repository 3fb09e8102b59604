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
set --
# "HEADER PATTERN PATTERN" -> --private HEADER=PATTERN,PATTERN
nl='
'
IFS=$nl
for line in $(spec_get 0 private); do
	unset IFS
	# shellcheck disable=SC2086
	set -- "$@" --private "$(printf '%s=' $line | sed 's/=/,/2g; s/[=,]$//')"
done
unset IFS
[ $# -gt 0 ] || { info "$MIGRATION makes no header private; nothing to check"; exit 0; }
verbose "$cscan leak $* ${J:+-j $J} $KDIR"
"$cscan" leak ${J:+-j "$J"} "$@" "$KDIR"
rc=$?
[ "$rc" -eq 1 ] && printf '%s: error: private symbols leak out of their directory (see above)\n' "$prog" >&2
exit "$rc"
