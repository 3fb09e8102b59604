#!/bin/sh
# Make the commits BASE..HEAD of TREE (a worktree of KDIR) a b4-prep series
# on BRANCH and let b4 write its patches into OUT:
#
#   series-b4.sh TREE HEAD OUT COVER REVISION [CHANGE-ID]
#
# On a scratch branch at BASE, "b4 prep -e BASE" enrolls the series (b4's
# cover-letter commit and tracking data, its change-id), the cover letter
# becomes COVER's text (subject, blank line, body) with REVISION and, when
# given, CHANGE-ID (a rerun, or the next revision, keeps the series' id) in
# the tracking data; the commits are copied onto it, "b4 prep -c" adds To:
# and Cc: from get_maintainer.pl, BRANCH takes the result (with b4's branch
# configuration) and "b4 prep -p OUT" writes the patches. b4 stamps each
# file with the time of the run and a random Message-Id; to keep the files
# byte-identical from run to run, Date: and the cover's mbox From line are
# BASE's committer date, and Message-Id: is dropped (git send-email and b4
# send add their own). BRANCH is then recorded as refs/series-made/BRANCH
# (series-guard.sh) and TREE left detached.
#
# Environment: BRANCH, SERIES_BASE, GIT_AUTHOR_*/GIT_COMMITTER_* (dates and
# identity, as series.sh sets them).
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"
# shellcheck source=scripts/lib/b4.sh
. "$TOOLKIT/scripts/lib/b4.sh"

[ $# -ge 5 ] && [ $# -le 6 ] || die "usage: $prog TREE HEAD OUT COVER REVISION [CHANGE-ID]"
tree=$1 head=$2 out=$3 cover_text=$4 revision=$5 changeid=${6:-}
: "${BRANCH:?}" "${SERIES_BASE:?}"
base=$SERIES_BASE
require_cmd b4 b4
[ -r "$cover_text" ] && [ -n "$(sed -n 1p "$cover_text")" ] && [ -z "$(sed -n 2p "$cover_text")" ] ||
	die "$cover_text is not a cover letter text (subject, blank line, body)"
make_work_dir
t() { git -C "$tree" "$@"; }
b4t() { (cd "$tree" && b4_run "$@") >"$work/b4.log" 2>&1 || { cat "$work/b4.log" >&2; die "b4 $* failed in $tree (its output above)"; }; }

scratch=series-b4-scratch/$BRANCH
# The scratch branch never outlives the run, however it ends (it is
# KDIR's too: the tree is a worktree of KDIR).
trap 'rm -rf "$work"; t checkout -q --detach 2>/dev/null; t branch -q -D "$scratch" 2>/dev/null; true' EXIT
t checkout -q -B "$scratch" "$base" || die "cannot make the scratch branch $scratch in $tree"
t config --remove-section "branch.$scratch" 2>/dev/null
b4t prep -e "$base"
enrolled=$(b4_cover_commit "$tree" HEAD)
[ "$enrolled" = "$(t rev-parse HEAD)" ] || die "b4 prep -e made no cover-letter commit in $tree"

# The cover letter as b4 stores it: text, blank line, marker and tracking.
{
	cat "$cover_text"
	echo
	t log -1 --format=%B HEAD | sed -n "/^$b4_marker\$/,\$p" |
		sed "s/^\\( *\"revision\": \\)[0-9]*/\\1$revision/" |
		if [ -n "$changeid" ]; then
			sed "s/^\\( *\"change-id\": \"\\)[^\"]*/\\1$changeid/"
		else # b4's id as for BRANCH: its slug without the scratch prefix
			sed "s/^\\( *\"change-id\": \"[0-9]*-\\)series-b4-scratch-/\\1/"
		fi
} >"$work/cover"
t -c core.hooksPath=/dev/null -c commit.gpgSign=false commit -q --amend --allow-empty --no-verify \
	--cleanup=whitespace -F "$work/cover" || die "cannot write the cover letter in $tree"
tip=$(b4_replay "$tree" "$base" "$head" HEAD) && t reset -q --hard "$tip" ||
	die "cannot copy the series onto the cover letter in $tree"
b4t prep -c

t config --remove-section "branch.$BRANCH" 2>/dev/null
t branch -M "$scratch" "$BRANCH" || die "cannot point BRANCH=$BRANCH at the series; pass another BRANCH="
t update-ref "refs/series-made/$BRANCH" HEAD || die "cannot record refs/series-made/$BRANCH"

b4t prep -p "$out"
date=$(t log -1 --format=%cd --date=rfc2822 "$base")
mbox=$(t log -1 --format=%cd --date=format:'%a %b %e %H:%M:%S %Y' "$base" | sed 's/  / /')
for p in "$out"/*.patch; do
	awk -v date="$date" -v mbox="$mbox" '
		!body && NR == 1 && /^From nobody / { print "From nobody " mbox; next }
		!body && /^Date: / { print "Date: " date; next }
		!body && /^Message-Id: / { next }
		NF == 0 { body = 1 }
		{ print }' "$p" >"$p.new" && mv "$p.new" "$p" || die "cannot write $p"
done
t checkout -q --detach || die "cannot detach $tree from $BRANCH"
