# Rename identifiers at exact positions, changing nothing else in the line.
#
#   awk -f rename-at.awk EDITS FILE > NEW
#
# EDITS holds "line col old new" rows (1-based byte column) for FILE. Run
# with LC_ALL=C so that columns are bytes. A row whose position does not hold
# the old identifier is reported and left alone.
BEGIN { idchar = "[A-Za-z0-9_]" }
FNR == NR {
	n[$1]++
	col[$1, n[$1]] = $2; old[$1, n[$1]] = $3; new[$1, n[$1]] = $4
	next
}
{
	line = $0
	# right to left, so earlier columns stay valid after a rename
	for (i = n[FNR]; i >= 1; i--) {
		sortcols(FNR)
		c = col[FNR, i]; o = old[FNR, i]
		before = c > 1 ? substr(line, c - 1, 1) : ""
		after = substr(line, c + length(o), 1)
		if (substr(line, c, length(o)) != o || before ~ idchar || after ~ idchar) {
			printf "%s:%d:%d: warning: expected %s here; not renamed\n",
				FILENAME, FNR, c, o > "/dev/stderr"
			continue
		}
		line = substr(line, 1, c - 1) new[FNR, i] substr(line, c + length(o))
	}
	print line
}
# sort one line's edits by column, ascending (insertion sort; lines have few)
function sortcols(l,    i, j, tc, to, tn) {
	if (sorted[l]++)
		return
	for (i = 2; i <= n[l]; i++)
		for (j = i; j > 1 && col[l, j - 1] > col[l, j]; j--) {
			tc = col[l, j]; to = old[l, j]; tn = new[l, j]
			col[l, j] = col[l, j - 1]; old[l, j] = old[l, j - 1]; new[l, j] = new[l, j - 1]
			col[l, j - 1] = tc; old[l, j - 1] = to; new[l, j - 1] = tn
		}
}
