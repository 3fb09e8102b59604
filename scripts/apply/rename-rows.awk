# The rows of renames made at positions, as rename-at.awk and realign.awk
# read them (awk -f rename-rows.awk -f THE-OTHER.awk RENAMES):
# "path line col old new" (1-based byte column), any order. Sets files[1..
# nfiles] (each path once, in the order first seen), n[path, line] (how
# many renames that line has) and col[], old[], new[] of each, indexed
# (path SUBSEP line, i); sortcols() orders one line's renames by column.
{
	if (!($1 in seen)) {
		seen[$1] = 1
		files[++nfiles] = $1
	}
	k = $1 SUBSEP $2
	n[k]++
	col[k, n[k]] = $3; old[k, n[k]] = $4; new[k, n[k]] = $5
}

# sortcols(K): one line's renames by column, ascending (insertion sort; a
# line has few)
function sortcols(k,    i, j, tc, to, tn) {
	for (i = 2; i <= n[k]; i++)
		for (j = i; j > 1 && col[k, j - 1] > col[k, j]; j--) {
			tc = col[k, j]; to = old[k, j]; tn = new[k, j]
			col[k, j] = col[k, j - 1]; old[k, j] = old[k, j - 1]; new[k, j] = new[k, j - 1]
			col[k, j - 1] = tc; old[k, j - 1] = to; new[k, j - 1] = tn
		}
}
