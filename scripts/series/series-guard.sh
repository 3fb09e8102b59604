#!/bin/sh
# Before make series rewrites BRANCH: never lose a developer's work on it.
#
#   series-guard.sh
#
# Environment: KDIR, BRANCH, SERIES_BASE (the new series' base commit),
# FORCE. The branch make series last wrote is recorded as
# refs/series-made/BRANCH. When BRANCH is elsewhere (a commit or a cover
# letter make series did not write: b4 prep --edit-cover, b4 trailers -u,
# b4 send's reroll, a fix-up), or is a series on another base than
# SERIES_BASE, this exits 2 naming the first such commit and how to go on,
# unless FORCE=1: then the old head is kept as refs/series-old/BRANCH/HEX12
# (printed) and, for a new base, tagged as b4 tags a sent revision
# (sent/BRANCH-vN: the series without its cover commit, the cover letter
# with base-commit: and change-id:) so that b4 prep --compare-to vN works.
#
# Prints "REVISION CHANGE-ID" for the new series: the branch's b4 revision
# (the next one on a new base) and change-id, or "1" for a branch that is
# not a b4 series yet (b4 makes the change-id).
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"
# shellcheck source=scripts/lib/b4.sh
. "$TOOLKIT/scripts/lib/b4.sh"

[ $# -eq 0 ] || die "usage: $prog (takes KDIR, BRANCH, SERIES_BASE, FORCE from the environment)"
: "${BRANCH:?}" "${SERIES_BASE:?}"
k() { git -C "$KDIR" "$@"; }

old=$(k rev-parse -q --verify "refs/heads/$BRANCH") || { echo 1; exit 0; }
made=$(k rev-parse -q --verify "refs/series-made/$BRANCH") || made=
cover=$(b4_cover_commit "$KDIR" "$old")
revision=1 changeid='' oldbase=''
if [ -n "$cover" ]; then
	revision=$(b4_tracking "$KDIR" "$cover" revision)
	changeid=$(b4_tracking "$KDIR" "$cover" change-id)
	oldbase=$(k rev-parse "$cover^")
	case $revision in '' | *[!0-9]*) revision=1 ;; esac
fi
short() { k log -1 --format='%h ("%s")' "$1"; }
how="keep it (git checkout $BRANCH in KDIR, b4 prep/send/trailers work there), pass another BRANCH=, or rewrite it with FORCE=1 (the old head is kept as a ref)"

if [ "$old" != "$made" ]; then
	# The first commit of BRANCH that the branch make series wrote lacks.
	if [ -n "$made" ]; then
		first=$(k rev-list --reverse "$made..$old" | head -n 1)
	else
		first=$(k rev-list --reverse "$SERIES_BASE..$old" | head -n 1)
	fi
	if [ -z "$first" ]; then
		what="its head $(short "$old"), which is not where make series left it ($(short "$made"))"
	elif [ "$first" = "$cover" ]; then
		what="a cover letter make series did not write, in $(short "$first")"
	else
		what="commit $(short "$first"), which make series did not write"
	fi
	[ "${FORCE:-}" = 1 ] || die "BRANCH=$BRANCH has $what; $how"
elif [ -n "$oldbase" ] && [ "$oldbase" != "$SERIES_BASE" ] && [ "${FORCE:-}" != 1 ]; then
	die "BRANCH=$BRANCH is revision $revision of $changeid on $(short "$oldbase"); BASE=$(k rev-parse --short "$SERIES_BASE") makes revision $((revision + 1)): pass FORCE=1 (the old head is kept as a ref)"
fi

if [ "$old" != "$made" ] || { [ -n "$oldbase" ] && [ "$oldbase" != "$SERIES_BASE" ]; }; then
	ref=refs/series-old/$BRANCH/$(k rev-parse --short=12 "$old")
	k update-ref "$ref" "$old" || die "cannot keep the old head of $BRANCH as $ref"
	info "FORCE=1: the old head of $BRANCH, $(short "$old"), is kept as $ref" >&2
fi

if [ -n "$oldbase" ] && [ "$oldbase" != "$SERIES_BASE" ]; then
	tag=sent/${BRANCH#b4/}-v$revision
	if ! k rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
		tip=$(b4_replay "$KDIR" "$cover" "$old" "$oldbase") &&
		k log -1 --format=%B "$cover" | sed "/^$b4_marker\$/,\$d" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' |
			{ cat; printf -- '\n---\nbase-commit: %s\nchange-id: %s\n' "$oldbase" "$changeid"; } |
			k tag -a -F - "$tag" "$tip" ||
			die "cannot tag revision $revision of $BRANCH as $tag"
		info "revision $revision of $BRANCH is tagged $tag (b4 prep --compare-to v$revision)" >&2
	fi
	revision=$((revision + 1))
fi
echo "$revision${changeid:+ $changeid}"
