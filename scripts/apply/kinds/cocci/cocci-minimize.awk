# What spatch changed in one file, made byte-minimal. spatch re-prints what
# it rewrites (a call under a cast gains a space after the cast); a change
# that is only identifiers renamed is better done token by token.
#
#   awk -v path=PATH -v renames=RENAMES -v rest=REST -f cocci-minimize.awk DIFF
#
# DIFF: "diff -U0" from PATH as it was to PATH as spatch left it. A hunk
# whose tokens are the old ones but for identifiers (whitespace aside) is
# appended to RENAMES as "path line col old new" rows, one per identifier
# (old file's positions; rename-files.sh edits them); every other hunk is
# spatch's own rewrite and goes to REST, a diff with DIFF's headers that
# applies to PATH once renamed (renames keep the line count).
#
#   awk -v mode=map -v path=PATH -f cocci-minimize.awk RENAMES REST WARNINGS
#
# maps WARNINGS' "PATH:line:col: ..." lines (positions in PATH as it was)
# to the positions they have in the result; other lines pass unchanged.
BEGIN { idre = "^[A-Za-z_][A-Za-z0-9_]*"; nold = nnew = 0; hunk = "" }

# tokens LINES N FIRST PREFIX: the tokens of LINES[1..N] (the first line
# numbered FIRST) into tok[PREFIX, i], with line and column for the old side.
function tokens(lines, n, first, side,    i, s, c, t, k) {
	k = 0
	for (i = 1; i <= n; i++) {
		s = lines[i]
		c = 1
		while (c <= length(s)) {
			t = substr(s, c)
			if (t ~ /^[ \t\r\f\v]/) { c++; continue }
			if (match(t, idre) || match(t, /^[0-9][A-Za-z0-9_.]*/)) {
				k++
				tok[side, k] = substr(t, 1, RLENGTH)
				isid[side, k] = t ~ idre
				tline[side, k] = first + i - 1
				tcol[side, k] = c
				c += RLENGTH
				continue
			}
			k++
			tok[side, k] = substr(t, 1, 1)
			isid[side, k] = 0
			c++
		}
	}
	return k
}

function flush(    n, m, i, pure) {
	if (hunk == "") return
	n = tokens(old, nold, oldfirst, "o")
	m = tokens(new, nnew, 0, "n")
	pure = !noeol && n == m
	for (i = 1; pure && i <= n; i++)
		if (tok["o", i] != tok["n", i] && !(isid["o", i] && isid["n", i]))
			pure = 0
	if (pure) {
		for (i = 1; i <= n; i++)
			if (tok["o", i] != tok["n", i])
				printf "%s %d %d %s %s\n", path, tline["o", i], tcol["o", i],
					tok["o", i], tok["n", i] >> renames
	} else {
		print hunk >> rest
		for (i = 1; i <= nold; i++) print "-" old[i] >> rest
		for (i = 1; i <= nnew; i++) print "+" new[i] >> rest
		if (noeol) print "\\ No newline at end of file" >> rest
	}
	hunk = ""; nold = nnew = 0; noeol = 0
}

mode == "map" && FILENAME == ARGV[1] {
	# a rename on line L before column C shifts C
	if ($1 != path) next
	shift[$2, ++nren[$2]] = $3 " " (length($5) - length($4))
	next
}
mode == "map" && FILENAME == ARGV[2] {
	if ($1 == "@@") {
		split(substr($2, 2), a, ","); split(substr($3, 2), b, ",")
		nh++
		ha[nh] = a[1] + 0; hb[nh] = (2 in a) ? a[2] + 0 : 1
		hc[nh] = b[1] + 0; hd[nh] = (2 in b) ? b[2] + 0 : 1
	}
	next
}
mode == "map" {
	if (index($0, path ":") != 1) { print; next }
	rest_ = substr($0, length(path) + 2)
	split(rest_, f, ":")
	line = f[1] + 0; col = f[2] + 0
	msg = substr(rest_, length(f[1]) + length(f[2]) + 3)
	newline = line
	for (h = 1; h <= nh; h++) {
		last = ha[h] + hb[h] - 1
		if (hb[h] > 0 && line >= ha[h] && line <= last) {
			newline = hc[h] + (line - ha[h] < hd[h] ? line - ha[h] : hd[h] - 1)
			break
		}
		if ((hb[h] == 0 && ha[h] < line) || (hb[h] > 0 && last < line))
			newline += hd[h] - hb[h]
	}
	newcol = col
	for (i = 1; i <= nren[line]; i++) {
		split(shift[line, i], s, " ")
		if (s[1] + 0 < col) newcol += s[2]
	}
	printf "%s:%d:%d:%s\n", path, newline, newcol, msg
	next
}

/^(---|\+\+\+) / && hunk == "" && !seen_hunk { print >> rest; next }
/^@@ / {
	flush()
	seen_hunk = 1
	hunk = $0
	split(substr($2, 2), a, ",")
	oldfirst = a[1] + 0
	next
}
/^-/ { old[++nold] = substr($0, 2); next }
/^\+/ { new[++nnew] = substr($0, 2); next }
/^\\/ { noeol = 1; next }
END { if (mode != "map") flush() }
