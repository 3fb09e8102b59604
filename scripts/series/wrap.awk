# Refill paragraphs to "width" columns (default 72): the words of a
# paragraph's lines are joined and broken again; blank lines separate
# paragraphs and are kept.
#
#   awk -f wrap.awk [-v width=N] [FILE...]

function add(word) {
	if (line == "")
		line = word
	else if (length(line) + 1 + length(word) <= width)
		line = line " " word
	else {
		print line
		line = word
	}
}

function flush() {
	if (line != "")
		print line
	line = ""
}

BEGIN { if (!width) width = 72 }
NF == 0 { flush(); print ""; next }
{ for (i = 1; i <= NF; i++) add($i) }
END { flush() }
