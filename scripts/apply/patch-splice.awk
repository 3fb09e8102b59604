# A patch with some files' sections replaced:
#
#   awk -f patch-splice.awk NEW PATCH > RESULT
#
# prints PATCH with each file's section (from its "diff --git" line to the
# next) replaced by the section of NEW that has the same "diff --git" line.
FILENAME == ARGV[1] {
	if (/^diff --git /) head = $0
	new[head] = new[head] $0 "\n"
	next
}
/^diff --git / { skip = ($0 in new); if (skip) printf "%s", new[$0] }
!skip
