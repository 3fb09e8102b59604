# After renames, the continuation lines that were aligned to an opening
# parenthesis the rename moved are aligned to it again, as a careful human
# would; no other line changes.
#
#   LC_ALL=C awk [-v keep=KEEP] -f rename-rows.awk -f realign.awk RENAMES
#
# RENAMES: the "path line col old new" rows already applied to the files of
# the current directory (1-based byte columns of the old text), any order.
# KEEP: "path line" rows of lines this pass must not touch (another rewrite
# of them is still to come).
# For each renamed line the old text is rebuilt from the rows; each
# parenthesis still open at its end that now sits at another visual column
# (tabs every 8) takes along the lines below it, while it stays open, whose
# text started right after it (one visual column on): they are indented to
# the new column, with tabs then spaces, as the kernel's style has it.
BEGIN {
	if (keep != "") {
		while ((getline row < keep) > 0) {
			split(row, w, " ")
			kept[w[1], w[2]] = 1
		}
		close(keep)
	}
}


END {
	for (f = 1; f <= nfiles; f++)
		realign(files[f])
}

function realign(path,    lines, text, r, i, changed) {
	lines = 0
	while ((r = (getline text < path)) > 0) {
		line[++lines] = text
		# as renamed, before this pass moved it: where the rows' columns hold
		renamed[lines] = text
	}
	close(path)
	if (r < 0) {
		printf "realign.awk: error: cannot read %s\n", path > "/dev/stderr"
		exit 2
	}
	changed = 0
	for (i = 1; i <= lines; i++)
		if ((path SUBSEP i) in n)
			changed += follow(path, i, lines)
	if (changed)
		for (i = 1; i <= lines; i++)
			print line[i] > path
	close(path)
	delete line
	delete renamed
}

# follow(PATH, L, LINES): realign what follows line L; how many lines moved.
function follow(path, l, lines,    oldtext, no, nn, i, j, moved, depth, ind, pos, c) {
	oldtext = unrename(path, l, renamed[l])
	no = open_parens(oldtext, "o")
	nn = open_parens(line[l], "n")
	if (no != nn || no == 0)
		return 0
	moved = 0
	depth = no
	for (j = l + 1; j <= lines && depth > 0; j++) {
		ind = indent(line[j])
		# Only the parentheses of line L: those a continuation line opens
		# are its own.
		for (i = (depth < no ? depth : no); i >= 1 && !((path, j) in kept); i--)
			if (ind == ocol[i] + 1 && ocol[i] != ncol[i]) {
				line[j] = spaces_to(ncol[i] + 1) substr(line[j], first_char(line[j]))
				moved++
				break
			}
		depth = close_parens(line[j], depth)
	}
	return moved
}

# unrename(PATH, L, TEXT): line L as it was before its renames.
# Left to right: what precedes rename I is old text again, so it stands at
# its own (old) column.
function unrename(path, l, text,    k, i, c) {
	k = path SUBSEP l
	sortcols(k)
	for (i = 1; i <= n[k]; i++) {
		c = col[k, i]
		if (substr(text, c, length(new[k, i])) != new[k, i])
			return text
		text = substr(text, 1, c - 1) old[k, i] substr(text, c + length(new[k, i]))
	}
	return text
}

# open_parens(TEXT, WHICH): the parentheses TEXT leaves open, innermost
# last, their visual columns in ocol[] or ncol[] (WHICH "o" or "n"); how
# many. Strings, character constants and comments are skipped.
function open_parens(text, which,    i, c, d, v, q, stackv) {
	if (which == "o") split("", ocol); else split("", ncol)
	d = 0
	v = 0
	for (i = 1; i <= length(text); i++) {
		c = substr(text, i, 1)
		if (q != "") {
			if (c == "\\") { i++; v += 2; continue }
			if (c == q) q = ""
		} else if (c == "\"" || c == "'") {
			q = c
		} else if (substr(text, i, 2) == "/*" || substr(text, i, 2) == "//") {
			break
		} else if (c == "(") {
			stackv[++d] = v
		} else if (c == ")" && d > 0) {
			d--
		}
		v = c == "\t" ? v - v % 8 + 8 : v + 1
	}
	for (i = 1; i <= d; i++)
		if (which == "o") ocol[i] = stackv[i]; else ncol[i] = stackv[i]
	return d
}

# close_parens(TEXT, DEPTH): DEPTH after TEXT's own parentheses.
function close_parens(text, depth,    i, c, q) {
	for (i = 1; i <= length(text); i++) {
		c = substr(text, i, 1)
		if (q != "") {
			if (c == "\\") { i++; continue }
			if (c == q) q = ""
		} else if (c == "\"" || c == "'") {
			q = c
		} else if (c == "(") {
			depth++
		} else if (c == ")") {
			depth--
		}
	}
	return depth
}

# indent(TEXT): the visual column of TEXT's first character that is not a
# blank; -1 for a blank line.
function indent(text,    i, c, v) {
	v = 0
	for (i = 1; i <= length(text); i++) {
		c = substr(text, i, 1)
		if (c == "\t") v = v - v % 8 + 8
		else if (c == " ") v++
		else return v
	}
	return -1
}

function first_char(text) {
	return match(text, /[^ \t]/) ? RSTART : length(text) + 1
}

# spaces_to(V): tabs, then spaces, up to visual column V.
function spaces_to(v,    s) {
	s = ""
	while (v >= 8) { s = s "\t"; v -= 8 }
	while (v-- > 0) s = s " "
	return s
}
