# Which checkpatch findings on a patch's added lines it only keeps from the
# lines they replace: the k-th added line of a hunk replaces its k-th
# removed line, and a finding of the same type on that removed line (in
# the reversed patch, scripts/patch-reverse.awk) makes the added line's
# finding kept, not new. So is one on a line that moves: an added line whose
# text a removed line anywhere in the patch has, with that finding there
# (code moved from one file to another). A finding on a line that adds
# nothing (a file's header) is kept when the reversed patch has it on the
# same line. Prints "LINE TYPE" of each kept finding.
#
#   awk -f checkpatch-kept.awk PATCH REVERSED_FINDINGS FINDINGS
#
# FINDINGS and REVERSED_FINDINGS: "LINE TYPE" per checkpatch finding.
FILENAME == ARGV[1] {
	if (/^@@ /) { hunk++; nplus = nminus = 0; next }
	if (!hunk || /^(\+\+\+|---) /) next
	if (/^\+/) {
		plus_at[FNR] = hunk SUBSEP (++nplus)
		plus_text[FNR] = substr($0, 2)
	} else if (/^-/) {
		minus_line[hunk, ++nminus] = FNR
		minus_at[substr($0, 2)] = minus_at[substr($0, 2)] " " FNR
	}
	next
}
FILENAME == ARGV[2] { old[$1, $2] = 1; next }
# A finding on an added line: the line it replaces had it.
($1 in plus_at) && ((plus_at[$1]) in minus_line) && old[minus_line[plus_at[$1]], $2] { print $1, $2; next }
# Or a removed line with the same text had it: the line moved.
($1 in plus_at) && moved_with($1, $2) { print $1, $2; next }
# On any other line (a file's header: "the file is obsolete"): the same
# line of the reversed patch had it.
!($1 in plus_at) && old[$1, $2] { print $1, $2 }

function moved_with(line, type,    n, at, i) {
	if (!(plus_text[line] in minus_at))
		return 0
	n = split(minus_at[plus_text[line]], at, " ")
	for (i = 1; i <= n; i++)
		if (old[at[i], type])
			return 1
	return 0
}
