#!/bin/sh
# Finish the cover letter git format-patch --cover-letter --base wrote: its
# subject and summary from $SERIES_COVER (the spec's cover:) in place of the
# "*** SUBJECT HERE ***" and "*** BLURB HERE ***" markers, and, after its
# base-commit: line, a change-id: line in b4's style,
# "change-id: YYYYMMDD-SLUG-HEX12": the base commit's committer date (UTC),
# BRANCH's last component as the slug, and 12 hex digits of a hash of the
# base commit and BRANCH, so that the same inputs give the same id.
#
#   series-cover.sh TREE BRANCH COVER
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"

[ $# -eq 3 ] || die "usage: $prog TREE BRANCH COVER"
tree=$1 branch=$2 cover=$3
text=${SERIES_COVER:?SERIES_COVER is not set}

grep -q '^Subject: .*\*\*\* SUBJECT HERE \*\*\*$' "$cover" && grep -qx '\*\*\* BLURB HERE \*\*\*' "$cover" ||
	die "$cover lacks the '*** SUBJECT HERE ***' and '*** BLURB HERE ***' markers; is it git format-patch's cover letter?"
base=$(sed -n 's/^base-commit: \([0-9a-f]*\)$/\1/p' "$cover")
[ -n "$base" ] || die "$cover has no base-commit: line; run git format-patch with --base"

day=$(TZ=UTC git -C "$tree" log -1 --format=%cd --date=format-local:%Y%m%d "$base") ||
	die "base commit $base not found in $tree"
slug=$(printf '%s\n' "${branch##*/}" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9]\{1,\}/-/g; s/^-//; s/-$//')
hex=$(printf 'base %s\nbranch %s\n' "$base" "$branch" | git hash-object --stdin | cut -c1-12)

awk -v text="$text" -v changeid="change-id: $day-${slug:-series}-$hex" '
	BEGIN {
		getline subject < text
		getline blank < text
		while ((getline line < text) > 0) blurb = blurb line "\n"
	}
	# The subject folded at 78 columns, as git format-patch folds its own.
	/^Subject: .*\*\*\* SUBJECT HERE \*\*\*$/ {
		sub(/\*\*\* SUBJECT HERE \*\*\*$/, subject)
		n = split($0, w, " ")
		line = w[1]
		for (i = 2; i <= n; i++) {
			if (length(line) + 1 + length(w[i]) > 78) { print line; line = "" }
			line = line " " w[i]
		}
		print line
		next
	}
	$0 == "*** BLURB HERE ***" { printf "%s", blurb; next }
	{ print }
	/^base-commit: / { print changeid }' "$cover" >"$cover.new" &&
	mv "$cover.new" "$cover" || die "cannot rewrite $cover"
