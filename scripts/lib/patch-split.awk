# Split a git patch into N parts of about equal length, cut only where a
# file's diff starts, for checkpatch.pl runs side by side, or cut it down
# to some of its files' diffs:
#
#   awk -v n=N -v total=LINES -v out=PREFIX [-v map=MAP] -f patch-split.awk PATCH
#   awk -v n=1 -v keep=LINES -v out=PREFIX -v map=MAP -f patch-split.awk PATCH
#
# writes PREFIX.1 .. PREFIX.K (K <= N; fewer when the patch has fewer files).
#
# With map=MAP, each part is checked as if it were the whole patch, and MAP
# says, one "PART LINE PATCH_LINE" a line, which line of PATCH each line of
# a part is; the lines it does not name are copies, whose findings are
# another part's. Every part gets the mail header and message (the lines
# before the first file's diff: checkpatch's checks of the message, and its
# state from it, such as a diffstat naming MAINTAINERS) and the trailer
# (the lines after the last hunk, "-- " and git's version, or a "-- " of its
# own: the checks made at the end of the patch, such as Signed-off-by,
# print their findings on the last line); a part after the first begins
# with the "diff --git" line of the file before it (checkpatch compares a
# file with the one before it: DT_SPLIT_BINDING_PATCH). Only the first
# part's message and the last part's trailer are mapped.
#
# With keep=LINES, a file of PATCH's line numbers, one a line, the one part
# PREFIX.1 is PATCH with only the diffs of the files that hold one of those
# lines, or add the text of one of them that removes a line (the line
# moved there), or, when none does, of its last file (the checks at the end
# of a patch want a diff). A kept file comes after a copy of the "diff
# --git" line of the file before it, as a part does, when checkpatch's
# comparison with that file (DT binding or not) would say otherwise
# without it: a copy costs a get_maintainer.pl run. Prints "KEPT FILES":
# how many files it keeps, and of how many.
BEGIN {
	part = 1; hunk_old = hunk_new = 0; files = 0; binding_was = -1
	if (keep != "") {
		while ((getline at < keep) > 0) wanted[at + 0] = 1
		close(keep)
		at = 0
		while ((getline line < ARGV[1]) > 0)
			if (((++at) in wanted) && line ~ /^-/) moved[substr(line, 2)] = 1
		close(ARGV[1])
	}
}
# A line inside a hunk: counted off the hunk's lengths.
hunk_old > 0 || hunk_new > 0 {
	if (/^ / || $0 == "") { hunk_old--; hunk_new-- }
	else if (/^-/) hunk_old--
	else if (/^\+/) { hunk_new--; if (keep != "" && (substr($0, 2) in moved)) kept = 1 }
	emit($0, NR)
	next
}
/^diff --git / {
	flush()
	if (keep != "") end_file()
	if (files && part < n && NR - 1 >= part * total / n) {
		close(file)
		part++
		if (map != "") {
			for (i = 1; i <= nheader; i++) emit(header[i], 0)
			if (last_diff != "") emit(last_diff, 0)
		}
	}
	files++
	# checkpatch compares a file with the one before it but MAINTAINERS.
	before = last_diff
	if ($0 !~ / b\/MAINTAINERS$/) last_diff = $0
	emit($0, NR)
	next
}
# Before the first file: the header. Between two files or after the last
# hunk: held until the next file or hunk says it is not the trailer.
!files { header[++nheader] = $0; emit($0, NR); next }
/^@@ / {
	flush()
	split($2, o, ",")
	split($3, w, ",")
	hunk_old = (2 in o) ? o[2] + 0 : 1
	hunk_new = (2 in w) ? w[2] + 0 : 1
	emit($0, NR)
	next
}
# "\ No newline at end of file" right after a hunk's last line is the hunk's.
/^\\/ && !nheld { emit($0, NR); next }
{ held[++nheld] = $0; held_at[nheld] = NR }
END {
	if (keep != "") {
		if (!nkept) kept = 1
		end_file()
		trailer = 1
		print nkept, files
	}
	if (map == "" || part == 1) { flush(); exit }
	# The trailer's copies end the other parts: a "-- " when it has none,
	# where their end-of-patch findings fall on a line mapped to nothing.
	last = part
	for (part = 1; part < last; part++) {
		file = out "." part
		for (i = 1; i <= nheld; i++) print held[i] >> file
		if (!nheld) print "-- " >> file
		close(file)
	}
	part = last
	flush()
}

# emit LINE AT: LINE into the current part, as PATCH's line AT (0: a copy);
# with keep=, a file's line waits for the file's end (end_file).
function emit(line, at) {
	if (keep != "" && files && !trailer) {
		cut[++ncut] = line
		cut_at[ncut] = at
		if (at in wanted) kept = 1
		return
	}
	put(line, at)
}

function put(line, at) {
	file = out "." part
	print line > file
	lines[part]++
	if (map != "" && at) print part, lines[part], at > map
}

function flush(    i) {
	for (i = 1; i <= nheld; i++) emit(held[i], held_at[i])
	nheld = 0
}

# end_file: the file's lines into the part when it is kept, after a copy of
# the file before it when checkpatch compares the file with another
# (binding_was: the last kept file's binding(), -1 before the first).
function end_file(    i) {
	if (kept) {
		if (cut[1] !~ / b\/MAINTAINERS$/ && before != "" &&
		    binding(before) != (binding_was < 0 ? binding(cut[1]) : binding_was)) {
			put(before, 0)
			binding_was = binding(before)
		}
		for (i = 1; i <= ncut; i++) put(cut[i], cut_at[i])
		if (cut[1] !~ / b\/MAINTAINERS$/) binding_was = binding(cut[1])
		nkept++
	}
	ncut = kept = 0
}

# binding DIFF_LINE: 1 when checkpatch takes the file of DIFF_LINE, a "diff
# --git" line, for a DT binding (DT_SPLIT_BINDING_PATCH), else 0.
function binding(line,    n, f) {
	n = split(line, f, " ")
	return f[n] ~ /^[^\/]*\/(Documentation\/devicetree\/|include\/dt-bindings\/)/
}
