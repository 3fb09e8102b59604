#!/bin/sh
# Commit what is staged in the current tree, or only PATHs when given, with
# the message in MSGFILE (subject, blank line, body) followed by the
# series' trailers: $SERIES_TRAILERS (one a line), then $SERIES_SIGNOFF, the
# submitter's, last. Identity and dates come from the GIT_AUTHOR_* and
# GIT_COMMITTER_* variables series.sh sets; no hooks, no signing.
#
#   series-commit.sh MSGFILE [PATH...]
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

[ $# -ge 1 ] || die "usage: $prog MSGFILE [PATH...]"
msg=$1
shift
: "${SERIES_SIGNOFF:?SERIES_SIGNOFF is not set}"

subject=$(sed -n 1p "$msg")
[ -n "$subject" ] || die "$msg has no subject line"
[ ${#subject} -le 75 ] ||
	die "subject '$subject' has ${#subject} characters, more than 75; shorten it where it comes from (the message file the spec names, a drivers-migrated/ Prefix)"

{
	cat "$msg"
	echo
	[ -n "${SERIES_TRAILERS:-}" ] && printf '%s\n' "$SERIES_TRAILERS"
	printf '%s\n' "$SERIES_SIGNOFF"
} >"$msg.full" || die "cannot write $msg.full"

# --cleanup=whitespace: a body line may begin with "#" (#include).
git -c core.hooksPath=/dev/null -c commit.gpgSign=false commit -q --no-verify \
	--cleanup=whitespace -F "$msg.full" ${1:+--} "$@" ||
	die "git commit of '$subject' failed in $(pwd)"
rm -f "$msg.full"
