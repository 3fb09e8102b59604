# Which checkpatch findings on a patch's added lines it only keeps from the
# lines they replace: the k-th added line of a hunk replaces its k-th
# removed line, and a finding of the same type on that removed line (in
# the reversed patch, scripts/patch-reverse.awk) makes the added line's
# finding kept, not new; a finding on a line that adds nothing (a file's
# header) is kept when the reversed patch has it on the same line. Prints
# "LINE TYPE" of each kept finding.
#
#   awk -f checkpatch-kept.awk PATCH REVERSED_FINDINGS FINDINGS
#
# FINDINGS and REVERSED_FINDINGS: "LINE TYPE" per checkpatch finding.
FILENAME == ARGV[1] {
	if (/^@@ /) { hunk++; nplus = nminus = 0; next }
	if (!hunk || /^(\+\+\+|---) /) next
	if (/^\+/) plus_at[FNR] = hunk SUBSEP (++nplus)
	else if (/^-/) minus_line[hunk, ++nminus] = FNR
	next
}
FILENAME == ARGV[2] { old[$1, $2] = 1; next }
# A finding on an added line: the line it replaces had it.
($1 in plus_at) && ((plus_at[$1]) in minus_line) && old[minus_line[plus_at[$1]], $2] { print $1, $2; next }
# On any other line (a file's header: "the file is obsolete"): the same
# line of the reversed patch had it.
!($1 in plus_at) && old[$1, $2] { print $1, $2 }
