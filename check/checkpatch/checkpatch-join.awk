# checkpatch.pl's --terse --show-types output over patches and parts of
# patches (check/checkpatch/checkpatch-parts.sh), or patches cut down to some of
# their files (check/checkpatch/series-checkpatch.sh), made what one run on each
# whole patch prints: its findings, "PATCH:LINE: LEVEL:TYPE: MESSAGE", in
# order (of a cut patch, those on the lines it keeps).
#
#   awk -v parts=PREFIX -f checkpatch-join.awk PATCHES MAP OUTPUT
#
# PATCHES: the patches, one a line; MAP: "I PART LINE PATCH_LINE", where
# line LINE of part PREFIXI.PART is line PATCH_LINE of patch I
# (scripts/lib/patch-split.awk); OUTPUT: checkpatch's, the parts of a patch
# one after the other. A part's finding on a line MAP does not name (a copy
# of the message, trailer or previous file's diff line) is another part's.
# What checkpatch reports once in a whole patch, each part reports once:
# the "added, moved or deleted file(s)" warning (FILE_PATH_CHANGES), a
# corrupt patch, and each CamelCase word; only the first is kept.
FILENAME == ARGV[1] { patch[FNR] = $0; next }
FILENAME == ARGV[2] { at[$1, $2, $3] = $4; next }
!match($0, /:[0-9]+: (ERROR|WARNING|CHECK):[A-Za-z0-9_]+: /) { next }
index($0, parts) != 1 { print; next }
{
	rest = substr($0, length(parts) + 1)
	if (!match(rest, /^[0-9]+\.[0-9]+:[0-9]+: /)) { print; next }
	split(substr(rest, 1, RLENGTH - 2), f, /[.:]/)
	if (!((f[1], f[2], f[3]) in at)) next
	rest = substr(rest, RLENGTH - 1)
	match(rest, /^: [A-Z]+:[A-Za-z0-9_]+: /)
	type = substr(rest, 3, RLENGTH - 4)
	sub(/^[A-Z]+:/, "", type)
	key = type == "CAMELCASE" ? f[1] SUBSEP rest : f[1] SUBSEP type
	if (type == "FILE_PATH_CHANGES" || type == "CORRUPTED_PATCH" || type == "CAMELCASE") {
		if (key in once) next
		once[key] = 1
	}
	print patch[f[1]] ":" at[f[1], f[2], f[3]] rest
}
