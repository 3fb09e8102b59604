# Whether a kernel configuration builds each source file, from the Kbuild
# makefiles and the .config; run by check/covered.sh.
#
#   awk -v tree=TREE -v config=.CONFIG -v srcarch=SRCARCH -f covered.awk < FILES
#
# For FILE (dir/name.c or .S), the makefile nearest to it that names its
# object (name.o in dir/Makefile or dir/Kbuild, dir/name.o one level up, ...)
# decides: obj-y, obj-$(CONFIG_X) with X set to y or m, or a composite
# object (foo-y, foo-objs, foo-$(CONFIG_X)) that is itself built; then the
# directory must be built, by the same rules one level up, up to the top
# Kbuild, Makefile and arch/SRCARCH/Makefile. ifdef/ifeq blocks are not
# followed. Prints "FILE: built", "FILE: off: CONFIG_X" (the first option
# that is not set), "FILE: arch: ARCH" or "FILE: no rule"; "FILE: built:
# DIR/" when a directory on its way is named by a makefile two or more
# levels up that also builds a directory between (drivers/Makefile:
# "obj-$(CONFIG_GAMEPORT) += input/gameport/" and "... += input/"): Kbuild's
# single-object target would compile FILE in both, wrongly in the one
# between (drivers/input/, as built-in code), so DIR/, the deepest such, is
# the target that builds it.

BEGIN {
	while ((getline line < config) > 0)
		if (line ~ /^CONFIG_[A-Za-z0-9_]+=[ym]$/) {
			sub(/=.*/, "", line)
			on[line] = 1
		}
	close(config)
	bits = ("CONFIG_64BIT" in on) ? 64 : 32
	direct = " obj lib libs core drivers head subdir extra always "
}

# Read DIR's makefiles once: every "LHS op= words" with LHS like obj-y,
# foo-objs or bar-$(CONFIG_X), continuation lines joined.
function parse(dir,   files, nf, i, f, line, full) {
	if (dir in parsed)
		return
	parsed[dir] = 1
	if (dir == "") {
		files[1] = tree "/Kbuild"
		files[2] = tree "/Makefile"
		files[3] = tree "/arch/" srcarch "/Makefile"
		nf = 3
	} else {
		files[1] = tree "/" dir "/Kbuild"
		files[2] = tree "/" dir "/Makefile"
		nf = 2
	}
	for (i = 1; i <= nf; i++) {
		f = files[i]
		full = ""
		while ((getline line < f) > 0) {
			sub(/#.*/, "", line)
			if (line ~ /\\$/) {
				full = full substr(line, 1, length(line) - 1) " "
				continue
			}
			record(dir, full line)
			full = ""
		}
		# A continued line at the end of the file (isci's "isci-objs :=
		# ... port_config.o \") ends there.
		if (full != "")
			record(dir, full)
		close(f)
	}
}

function record(dir, s,   p, lhs, rhs, n) {
	p = index(s, "=")
	if (!p)
		return
	lhs = substr(s, 1, p - 1)
	rhs = substr(s, p + 1)
	sub(/[+:?]$/, "", lhs)
	gsub(/^[ \t]+|[ \t]+$/, "", lhs)
	if (lhs !~ /^[A-Za-z0-9_-]+-(y|m|objs|\$\(.*\))$/)
		return
	gsub(/\$\(SRCARCH\)/, srcarch, rhs)
	gsub(/\$\(BITS\)/, bits, rhs)
	gsub(/[ \t]+/, " ", rhs)
	n = ++nrec[dir]
	lhsof[dir, n] = lhs
	rhsof[dir, n] = " " rhs " "
}

function join(c, from, to,   s, i) {
	s = ""
	for (i = from; i <= to; i++)
		s = s (s == "" ? "" : "/") c[i]
	return s
}

# built(PATH): "" when PATH (an object a/b.o or a directory a/b/) is built,
# else why not. A built directory named from two or more levels up, where
# that makefile also builds a directory between, is left in via; the
# deepest one is set last.
function built(path,   isdir, k, c, j, m, dir, tok, r) {
	isdir = path ~ /\/$/
	k = split(path, c, "/")
	if (isdir)
		k--
	for (j = k - 1; j >= 0; j--) {
		dir = join(c, 1, j)
		tok = join(c, j + 1, k) (isdir ? "/" : "")
		r = rule(dir, tok)
		if (r != "no rule") {
			for (m = j + 1; r == "" && isdir && m < k; m++)
				if (rule(dir, join(c, j + 1, m) "/") == "") {
					via = path
					break
				}
			return r
		}
	}
	return "no rule"
}

# rule(DIR, TOK): what DIR's makefiles say of TOK (an object, a directory
# or a variable reference): "" built, why not, or "no rule" when no line
# names it. A composite object no line names may be listed through its
# variable: "memory-hotplug-$(CONFIG_X) += a.o" with
# "obj-y += $(memory-hotplug-y)".
function rule(dir, tok,   i, lhs, cfg, prefix, r, why, found) {
	parse(dir)
	found = 0
	why = ""
	for (i = 1; i <= nrec[dir]; i++) {
		if (index(rhsof[dir, i], " " tok " ") == 0)
			continue
		found = 1
		lhs = lhsof[dir, i]
		if (match(lhs, /CONFIG_[A-Za-z0-9_]+/)) {
			cfg = substr(lhs, RSTART, RLENGTH)
			if (!(cfg in on)) {
				if (why == "")
					why = "off: " cfg
				continue
			}
		}
		prefix = lhs
		sub(/-(y|m|objs|\$\(.*\))$/, "", prefix)
		if (index(direct, " " prefix " "))
			r = (dir == "") ? "" : built(dir "/")
		else {
			r = built((dir == "" ? "" : dir "/") prefix ".o")
			if (r == "no rule")
				r = rule(dir, "$(" prefix "-y)")
		}
		if (r == "")
			return ""
		if (why == "")
			why = r
	}
	return found ? why : "no rule"
}

{
	file = $0
	if (file ~ /^arch\// && index(file, "arch/" srcarch "/") != 1) {
		split(file, c, "/")
		print file ": arch: " c[2]
		next
	}
	obj = file
	sub(/\.[cS]$/, ".o", obj)
	via = ""
	r = built(obj)
	print file ": " (r != "" ? r : via == "" ? "built" : "built: " via)
}
