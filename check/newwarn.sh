#!/bin/sh
# The warnings REV's build adds to BASE's, as netdev's NIPA counts them:
# warnings are compared, not absolute counts, and a warning is its file and
# its text without line and column, so that lines moving do not make one
# new. When REV has more of one than BASE, REV's occurrences are printed.
#
#   newwarn.sh [--severity SEVERITY] BASE-DIAGNOSTICS REV-DIAGNOSTICS
#
# The files hold "path:line:col: warning: text" lines, as check/build.sh
# leaves them; other lines are ignored. --severity error compares the
# "error:" lines instead (make ci: the leak and api errors a commit adds to
# its parent's). Exit 0, 2 when a file cannot be read.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

severity=warning
[ "${1:-}" = --severity ] && { severity=${2:?--severity needs warning or error}; shift 2; }
[ $# -eq 2 ] || die "usage: $prog [--severity SEVERITY] BASE-DIAGNOSTICS REV-DIAGNOSTICS"
[ -r "$1" ] && [ -r "$2" ] || die "cannot read $1 or $2"
awk -v sev="$severity" '
	function key(s) { sub(/:[0-9]+:[0-9]+: /, ": ", s); return s }
	$0 !~ "^[^: ]+:[0-9]+:[0-9]+: " sev ": " { next }
	FILENAME == ARGV[1] { base[key($0)]++; next }
	{ k = key($0); rev[k]++; line[k] = line[k] $0 "\n" }
	END { for (k in rev) if (rev[k] > base[k]) printf "%s", line[k] }' "$1" "$2" | sort -t: -k1,1 -k2,2n -k3,3n
