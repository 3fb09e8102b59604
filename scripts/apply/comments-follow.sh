#!/bin/sh
# Comments follow the code: in each FILE, a comment that names OLD as a
# function, "OLD()", names NEW instead, for each "OLD NEW" line of PAIRS.
# Only that word changes; strings, code and "OLD" without "()" stay. The
# step key "comments:" runs it on the files its step changed
# (scripts/lib/steps.sh). Run at the top of the tree.
#
#   comments-follow.sh PAIRS FILE...
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

[ $# -ge 1 ] || die "usage: $prog PAIRS FILE..."
pairs=$1
shift
make_work_dir
: >"$work/renames"
for file in "$@"; do
	case $file in *.[ch]) ;; *) continue ;; esac
	[ -f "$file" ] || continue
	# "LINE:COL mention WORD" -> "path line col old new" for the OLDs,
	# kept where the text after the word is "()".
	cscan tokens "$file" | LC_ALL=C awk -v path="$file" '
		FILENAME == ARGV[1] { new[$1] = $2; next }
		$2 == "mention" && ($3 in new) {
			split($1, at, ":")
			want[at[1]] = want[at[1]] " " at[2] " " $3
		}
		END {
			while ((getline text < path) > 0) {
				l++
				if (!(l in want))
					continue
				n = split(want[l], w, " ")
				for (i = 1; i < n; i += 2)
					if (substr(text, w[i] + length(w[i + 1]), 2) == "()")
						print path, l, w[i], w[i + 1], new[w[i + 1]]
			}
		}' "$pairs" - >>"$work/renames" || die "cannot read the comments of $file"
done
[ -s "$work/renames" ] || exit 0
"$TOOLKIT/scripts/apply/rename-files.sh" "$work/renames"
