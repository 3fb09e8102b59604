# The files checkpatch.pl --fix changed, from pairs of patches (a part of a
# step's patch, then its PART.EXPERIMENTAL-checkpatch-fixes):
#
#   awk -v undo=UNDO -v redo=REDO -f patch-fixed.awk PART FIXED [PART FIXED]...
#
# appends to UNDO each file's section of PART that differs in FIXED, to REDO
# the section of FIXED, and prints the path of each such file, one a line.
# A section starts at a "diff --git" line.
FNR == 1 { flush(); pair = (pair == 1) ? 2 : 1 }
/^diff --git / { flush(); head = $0 }
{ text = text $0 "\n" }
/^\+\+\+ b\// && pair == 2 { path[head] = substr($0, 7) }
END { flush() }
function flush() {
	if (head == "") {
		text = ""
		return
	}
	if (pair == 1)
		orig[head] = text
	else if (orig[head] != text) {
		printf "%s", orig[head] >> undo
		printf "%s", text >> redo
		print path[head]
	}
	head = ""
	text = ""
}
