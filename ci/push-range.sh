#!/bin/sh
# The RANGE a pipeline checks for a push, on stdout: BEFORE..AFTER, or, when
# the push made the branch (BEFORE empty or all zeros, as GitHub and GitLab
# say it) or BEFORE is not in the clone (a force-push dropped it), the
# branch's commits that DEFAULT does not have.
#
#   push-range.sh KDIR BEFORE AFTER DEFAULT
#
# KDIR: the pipeline's clone; DEFAULT: the ref of the default branch there
# (origin/master). Exit 0, 2 when AFTER or DEFAULT is not in the clone
# (fetch it: a shallow clone lacks history).
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

[ $# -eq 4 ] || die "usage: $prog KDIR BEFORE AFTER DEFAULT"
kdir=$1 before=$2 after=$3 default=$4
have() { git -C "$kdir" rev-parse --verify -q "$1^{commit}" >/dev/null; }
have "$after" || die "AFTER=$after is not a commit of $kdir; fetch it first"
case $before in
"" | *[!0]*) ;;
*) before= ;;
esac
if [ -n "$before" ] && have "$before"; then
	echo "$before..$after"
	exit 0
fi
[ -z "$before" ] || warn "BEFORE=$before is not in $kdir (a force-push?); checking what $default lacks"
have "$default" || die "DEFAULT=$default is not in $kdir; fetch the default branch first"
base=$(git -C "$kdir" merge-base "$default" "$after") ||
	die "$after shares no history with $default; pass RANGE=A..B by hand"
echo "$base..$after"
