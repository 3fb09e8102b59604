#!/bin/sh
# Address the series: each PATCH gets To: and Cc: headers from TREE's
# scripts/get_maintainer.pl (--no-git --no-git-fallback, so the same tree
# gives the same answer): maintainers, reviewers and the like in To:, mailing
# lists in Cc:. COVER gets the union (an address in any To: stays in To:).
#
#   series-recipients.sh TREE COVER PATCH...
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"

[ $# -ge 3 ] || die "usage: $prog TREE COVER PATCH..."
tree=$1 cover=$2
shift 2
make_work_dir

# split: get_maintainer.pl's "ADDRESS (ROLE:SECTION)" lines on stdin ->
# "To ADDRESS" / "Cc ADDRESS".
split() {
	awk '{
		i = index($0, "> (")
		i = i ? i + 1 : index($0, " (")
		if (!i) { print "To " $0; next }
		role = substr($0, i + 2)
		print (role ~ /^([a-z]+ )?list([:)]|$)/ ? "Cc " : "To ") substr($0, 1, i - 1)
	}'
}

# address FILE: add FILE's recipients ("To ADDRESS" lines in $work/rcpt)
# as headers, at the end of its mail header, folded as git format-patch does.
address() {
	awk -v rcpt="$work/rcpt" '
		function header(kind,    line, n, a, i, out) {
			n = 0
			while ((getline line < rcpt) > 0)
				if (substr(line, 1, 3) == kind " ") a[n++] = substr(line, 4)
			close(rcpt)
			if (!n) return
			out = kind ": " a[0]
			for (i = 1; i < n; i++) out = out ",\n    " a[i]
			print out
		}
		!done && NF == 0 { header("To"); header("Cc"); done = 1 }
		{ print }' "$1" >"$1.new" && mv "$1.new" "$1"
}

: >"$work/all"
for patch; do
	(cd "$tree" && perl scripts/get_maintainer.pl --no-git --no-git-fallback "$patch") \
		>"$work/gm" || die "get_maintainer.pl failed on $patch"
	split <"$work/gm" >"$work/rcpt"
	address "$patch" || die "cannot add recipients to $patch"
	cat "$work/rcpt" >>"$work/all"
done

# The cover letter: every To: first, then the Cc: that are in no To:.
awk '$1 == "To" { to[substr($0, 4)] = 1 }
	{ line[n++] = $0 }
	END {
		for (i = 0; i < n; i++) if (substr(line[i], 1, 3) == "To " && !seen[line[i]]++) print line[i]
		for (i = 0; i < n; i++) if (substr(line[i], 1, 3) == "Cc " && !(substr(line[i], 4) in to) && !seen[line[i]]++) print line[i]
	}' "$work/all" >"$work/rcpt"
address "$cover" || die "cannot add recipients to $cover"
