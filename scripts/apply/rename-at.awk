# Rename identifiers at exact positions, changing nothing else in the files.
#
#   LC_ALL=C awk -f rename-rows.awk -f rename-at.awk RENAMES
#
# RENAMES holds "path line col old new" rows (1-based byte column), in any
# order; each path, relative to the current directory, is read and written
# back in place, once, by this one process (a process per file costs
# seconds on a tree-wide rename). Run with LC_ALL=C so that columns are
# bytes. A row whose position does not hold the old identifier is reported
# and left alone. Exit 2 when a file cannot be read.
BEGIN { idchar = "[A-Za-z0-9_]" }
END {
	for (f = 1; f <= nfiles; f++) {
		path = files[f]
		lines = 0
		while ((r = (getline text < path)) > 0)
			line[++lines] = text
		close(path)
		if (r < 0) {
			printf "rename-at.awk: error: cannot read %s\n", path > "/dev/stderr"
			exit 2
		}
		for (i = 1; i <= lines; i++)
			if ((path SUBSEP i) in n)
				line[i] = renamed(path, i, line[i])
		for (i = 1; i <= lines; i++)
			print line[i] > path
		close(path)
	}
}
# renamed(PATH, L, TEXT): line L of PATH with its renames, right to left so
# that earlier columns stay valid.
function renamed(path, l, text,    k, i, c, o, before, after) {
	k = path SUBSEP l
	sortcols(k)
	for (i = n[k]; i >= 1; i--) {
		c = col[k, i]; o = old[k, i]
		before = c > 1 ? substr(text, c - 1, 1) : ""
		after = substr(text, c + length(o), 1)
		if (substr(text, c, length(o)) != o || before ~ idchar || after ~ idchar) {
			printf "%s:%d:%d: warning: expected %s here; not renamed\n",
				path, l, c, o > "/dev/stderr"
			continue
		}
		text = substr(text, 1, c - 1) new[k, i] substr(text, c + length(o))
	}
	return text
}
