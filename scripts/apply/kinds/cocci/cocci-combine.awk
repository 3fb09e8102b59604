# Several semantic patches as one, for a single spatch run:
#
#   awk -f cocci-combine.awk A.cocci B.cocci ... > ALL.cocci
#
# The files are concatenated in order, so that spatch applies their rules
# in the order separate runs would. spatch runs every python script in one
# interpreter: the functions and globals a file defines at the top level of
# its python code (@initialize:python@, @script:python@, ...) get the
# suffix _N (N: the file's place on the command line) throughout that
# file's python code, so that two files may each define found(). Rule
# names must differ across the files; a name two files use is refused
# (exit 2), naming both.
function flush(    i, line, name) {
	for (i = 1; i <= nlines; i++) {
		line = lines[i]
		if (py[i])
			for (name in defs)
				line = rename_word(line, name, name "_" fileno)
		print line
	}
	nlines = 0
	split("", defs)
}
# rename_word S OLD NEW: OLD as a whole identifier in S becomes NEW.
function rename_word(s, old, new,    out, pos, b, a) {
	out = ""
	while ((pos = index(s, old)) > 0) {
		b = pos > 1 ? substr(s, pos - 1, 1) : ""
		a = substr(s, pos + length(old), 1)
		if (b ~ /[A-Za-z0-9_]/ || a ~ /[A-Za-z0-9_]/) {
			out = out substr(s, 1, pos + length(old) - 1)
		} else {
			out = out substr(s, 1, pos - 1) new
		}
		s = substr(s, pos + length(old))
	}
	return out s
}
FNR == 1 {
	if (NR > 1) flush()
	fileno++
	section = "none"
}
# A rule header: @NAME ...@, @script:python ...@, @initialize:python@.
/^@/ && !/^@@/ {
	header = $0
	sub(/^@[ \t]*/, "", header)
	if (header ~ /^(initialize|finalize|script):python/) {
		section = "pyhead"
	} else {
		section = "smpl"
		if (match(header, /^[A-Za-z_][A-Za-z0-9_]*/)) {
			name = substr(header, 1, RLENGTH)
			rest = substr(header, RLENGTH + 1)
			if (name != "depends" && name != "disable" && name != "using" &&
			    rest !~ /^:/) {
				if (name in owner && owner[name] != FILENAME) {
					printf "cocci-combine.awk: error: rule %s is in both %s and %s; rename one\n",
						name, owner[name], FILENAME > "/dev/stderr"
					failed = 1
					exit 2
				}
				owner[name] = FILENAME
			}
		}
	}
	lines[++nlines] = $0
	py[nlines] = 0
	next
}
/^@@/ {
	if (section == "pyhead") section = "python"
	lines[++nlines] = $0
	py[nlines] = 0
	next
}
{
	lines[++nlines] = $0
	py[nlines] = section == "python"
	if (py[nlines] && match($0, /^def[ \t]+[A-Za-z_][A-Za-z0-9_]*/)) {
		name = substr($0, 1, RLENGTH)
		sub(/^def[ \t]+/, "", name)
		defs[name] = 1
	} else if (py[nlines] && match($0, /^[A-Za-z_][A-Za-z0-9_]*[ \t]*=[^=]/)) {
		name = substr($0, 1, RLENGTH)
		sub(/[ \t]*=.*/, "", name)
		defs[name] = 1
	}
}
END {
	if (!failed) flush()
}
