# Which checkpatch findings on a patch's added lines it only keeps from the
# lines they replace: the k-th added line of a hunk replaces its k-th
# removed line, and a finding of the same type on that removed line (in
# the reversed patch, check/checkpatch/patch-reverse.awk) makes the added line's
# finding kept, not new. So is one on a line that moves: an added line whose
# text a removed line anywhere in the patch has, with that finding there
# (code moved from one file to another). A finding on a line that adds
# nothing (a file's header) is kept when the reversed patch has it on the
# same line; one on the message or the trailer never is. A hunk ends when
# its header's line counts are used up. Prints "LINE TYPE" of each kept finding.
#
#   awk -f checkpatch-kept.awk PATCH REVERSED_FINDINGS FINDINGS
#
# FINDINGS and REVERSED_FINDINGS: "LINE TYPE" per checkpatch finding.
FILENAME == ARGV[1] && left > 0 {
	# A hunk's line, as its header counts them.
	if (/^\+/) {
		plus_at[FNR] = hunk SUBSEP (++nplus)
		plus_text[FNR] = substr($0, 2)
		new_left--
	} else if (/^-/) {
		minus_line[hunk, ++nminus] = FNR
		minus_at[substr($0, 2)] = minus_at[substr($0, 2)] " " FNR
		old_left--
	} else if (!/^\\/) {
		old_left--; new_left--
	}
	left = old_left > 0 || new_left > 0
	next
}
FILENAME == ARGV[1] {
	if (/^diff --git /) indiff = 1
	else if (/^-- $/) indiff = 0
	if (/^@@ /) {
		hunk++; nplus = nminus = 0
		split($0, f, " ")
		old_left = count(substr(f[2], 2)); new_left = count(substr(f[3], 2))
		left = old_left > 0 || new_left > 0
	} else if (indiff) {
		header[FNR] = 1
	}
	next
}
FILENAME == ARGV[2] { old[$1, $2] = 1; next }
# A finding on an added line: the line it replaces had it.
($1 in plus_at) && ((plus_at[$1]) in minus_line) && old[minus_line[plus_at[$1]], $2] { print $1, $2; next }
# Or a removed line with the same text had it: the line moved.
($1 in plus_at) && moved_with($1, $2) { print $1, $2; next }
# On a file's header ("the file is obsolete"): the same line of the
# reversed patch had it. Not on the message or the trailer: a finding of
# the whole patch (no Signed-off-by) is the patch's own, reversed or not.
($1 in header) && old[$1, $2] { print $1, $2 }

function moved_with(line, type,    n, at, i) {
	if (!(plus_text[line] in minus_at))
		return 0
	n = split(minus_at[plus_text[line]], at, " ")
	for (i = 1; i <= n; i++)
		if (old[at[i], type])
			return 1
	return 0
}

# count(RANGE): the line count of a hunk range "A,B" (B), or "A" (1).
function count(range,    p) {
	p = index(range, ",")
	return p ? substr(range, p + 1) + 0 : 1
}
