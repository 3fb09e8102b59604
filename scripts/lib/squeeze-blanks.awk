# Squeeze the runs of blank lines that a rewrite created, keep the ones the
# file already had.
#
#   awk -f squeeze-blanks.awk OLD NEW > RESULT
#
# spatch leaves a doubled blank line where it replaces a definition with a
# prototype. A run of blank lines in NEW is the file's own when OLD has a run
# at least as long after the same non-blank line; otherwise it becomes one
# blank line.
FNR == NR {
	if ($0 ~ /^[ \t]*$/) {
		run++
	} else {
		if (run > 1 && run > had[prev]) had[prev] = run
		run = 0
		prev = $0
	}
	next
}
# The run that ends OLD (blank lines at the end of the file) is the file's
# own too, whatever the line before it became.
!started {
	started = 1
	old_end = run
}
{
	if ($0 ~ /^[ \t]*$/) {
		blanks[++n] = $0
		next
	}
	flush()
	print
	last = $0
}
END { at_end = 1; flush() }
function flush(    i, keep) {
	keep = (n > 1 && (had[last] >= n || (at_end && old_end >= n))) ? n : (n > 0 ? 1 : 0)
	for (i = 1; i <= keep; i++) print blanks[i]
	n = 0
}
