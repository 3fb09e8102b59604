# Read a migration spec (cocci/README.md), check it, and print it
# as one record a line, "PART<TAB>KEY<TAB>VALUE<TAB>LINE": PART 0 holds the
# keys before the first step, each "step NAME" line opens the next part (its
# first record is "PART<TAB>step<TAB>NAME<TAB>LINE"). Consecutive parts of
# the same name make one step: one commit.
#
#   awk -v dir=SPEC_DIR -v entries=ENTRIES_DIR [-v kdir=KDIR -v steps=" A B "] -f spec.awk SPEC
#
# With kdir, in the steps named (all without steps), a path a move reads
# (from:) or writes without creating it (to:) must be in KDIR or be created
# by an earlier move of those steps (create: yes). Errors print
# "SPEC:LINE: error: ..." on stderr, one a problem, and the exit status
# is 2.

BEGIN {
	FS = "\n"
	# The keys each section may hold: the top of the spec, every step, and
	# each kind's own (a section after "top" and "step" is a kind). KEY=HOW:
	# "1" it takes one value ("w": one word; summary: is a line of text),
	# "f" its first word names a file of the migration's directory (every
	# word, for cocci:), "e" a file of its drivers-migrated/ directory.
	allow("top", "summary=1 branch=1w cover=1fw private confine build api")
	allow("step", "kind=1w message=1fw commits=1w rationale=e comments gone")
	allow("move", "from=1w to=1w create=1w include names used-only-by=1w scope maintainers=1w")
	allow("cocci", "cocci=f symbols scope exclude")
	allow("rename", "rename scope exclude code=1w prose cocci=f")
	allow("script", "run=1fw")
	allow("add", "to=1w text=1fw after=1w")
	part = 0
	where = "top"
}

function allow(section, list,    n, i, w, eq, key) {
	if (section != "top" && section != "step")
		kinds = kinds (kinds == "" ? "" : " ") section
	n = split(list, w, " ")
	for (i = 1; i <= n; i++) {
		eq = index(w[i] "=", "=")
		key = substr(w[i], 1, eq - 1)
		known[section, key] = substr(w[i], eq + 1)
		keys[section] = keys[section] (keys[section] == "" ? "" : " ") key
	}
}

# fail LINE MSG: an error; the first 20 are printed, the rest counted.
function fail(line, msg) {
	if (++errors <= 20)
		printf "%s:%d: error: %s\n", FILENAME, line, msg > "/dev/stderr"
}

function exists(path,    l, r) {
	r = (getline l < path) >= 0
	close(path)
	return r
}

function trim(s) {
	sub(/^[ \t]+/, "", s)
	sub(/[ \t]+$/, "", s)
	return s
}

# Checks of the part that ends here (PART > 0).
function close_part(    k, first) {
	if (part == 0 || (part in bad_kind))
		return
	if (!((part, "kind") in value))
		fail(start[part], "step " name[part] " has no kind: line; add one of: " kinds)
	k = kind[part]
	first = part == 1 || name[part - 1] != name[part]
	if (first && !((part, "message") in value))
		fail(start[part], "step " name[part] " has no message: line; name the file with its commit message")
	if (k == "move") {
		need(k, "from"); need(k, "to")
		if (!((part, "names") in value) && !((part, "used-only-by") in value))
			fail(start[part], "move step " name[part] " chooses nothing; add names: or used-only-by:")
		check_move_paths()
	} else if (k == "cocci") {
		need(k, "cocci"); need(k, "symbols")
	} else if (k == "rename") {
		need(k, "rename")
		if (value[part, "code"] == "no" && !((part, "prose") in value))
			fail(start[part], "rename step " name[part] " renames nothing: code: no and no prose:")
	} else if (k == "script") {
		need(k, "run")
	} else if (k == "add") {
		need(k, "to"); need(k, "text"); need(k, "after")
	}
}

function need(k, key) {
	if (!((part, key) in value))
		fail(start[part], k " step " name[part] " needs a " key ": line")
}

function check_move_paths(    from, to) {
	if (kdir == "" || (steps != "" && index(steps, " " name[part] " ") == 0))
		return
	from = value[part, "from"]
	to = value[part, "to"]
	if (!exists(kdir "/" from) && !(from in created))
		fail(line_of[part, "from"], "move from " from ", which neither the tree nor an earlier step has; add the step that creates it first")
	if (to == "none")
		return
	if (value[part, "create"] == "yes")
		created[to] = 1
	else if (!exists(kdir "/" to) && !(to in created))
		fail(line_of[part, "to"], "move to " to ", which neither the tree nor an earlier step has; add create: yes or the step that creates it")
}

/^[ \t]*(#|$)/ { next }

/^step[ \t]/ {
	close_part()
	n = split(trim(substr($0, 5)), w, /[ \t]+/)
	if (n != 1 || w[1] !~ /^[a-z0-9][a-z0-9-]*$/) {
		fail(FNR, "a step needs one name of lower-case letters, digits and '-': step NAME")
		w[1] = "invalid"
	}
	part++
	name[part] = w[1]
	start[part] = FNR
	if ((w[1] in seen) && name[part - 1] != w[1])
		fail(FNR, "step " w[1] " already appears at line " seen[w[1]] "; the parts of a step follow each other")
	if (!(w[1] in seen))
		seen[w[1]] = FNR
	where = "step"
	out[++nout] = part "\tstep\t" w[1] "\t" FNR
	next
}

{
	i = index($0, ":")
	key = trim(substr($0, 1, i - 1))
	val = trim(substr($0, i + 1))
	if (i == 0 || key !~ /^[a-z][a-z-]*$/) {
		fail(FNR, "expected 'key: value' or 'step NAME', not '" trim($0) "'")
		next
	}
	if (val == "") {
		fail(FNR, "key " key " has no value")
		next
	}
	if (key == "kind") {
		if (where != "step") {
			fail(FNR, "kind: belongs to a step; start one with 'step NAME'")
			next
		}
		if (index(" " kinds " ", " " val " ") == 0) {
			fail(FNR, "unknown step kind '" val "'; known kinds: " kinds)
			# One error per cause: the part's other keys go unchecked.
			bad_kind[part] = 1
			next
		}
		kind[part] = val
	}
	section = where
	if (where == "step" && (part in bad_kind))
		next
	if (where == "step" && !((section, key) in known)) {
		if (kind[part] == "") {
			fail(FNR, "key " key " before kind: in step " name[part] "; put kind: first")
			next
		}
		section = kind[part]
	}
	if (!((section, key) in known)) {
		what = section == "top" ? "before the first step" : "in a " section " step"
		list = keys[section] (section != "top" ? " " keys["step"] : "")
		fail(FNR, "unknown key '" key "' " what "; known keys: " list)
		next
	}
	how = known[section, key]
	# Its first word stands for it, so that no other error follows from it.
	if (how ~ /w/ && split(val, w, /[ \t]+/) > 1) {
		fail(FNR, "key " key " takes one word, not '" val "'; remove what follows '" w[1] "'")
		val = w[1]
	}
	if (how ~ /1/ && (part, key) in value) {
		fail(FNR, "key " key " given twice (first at line " line_of[part, key] ")")
		next
	}
	if (where == "step" && (key == "message" || key == "commits") && part > 1 && name[part - 1] == name[part])
		fail(FNR, key ": belongs to the first part of step " name[part] " (line " seen[name[part]] ")")
	if (how ~ /e/ && !exists(entries "/" (split(val, w, /[ \t]+/) ? w[1] : "")))
		fail(FNR, "file " w[1] " does not exist in " entries)
	if (how ~ /e/ && split(val, w, /[ \t]+/) < 2)
		fail(FNR, "rationale: takes FILE SYMBOL...: the file, then the symbols whose removal it explains")
	if (how ~ /f/) {
		n = split(val, w, /[ \t]+/)
		for (j = 1; j <= (key == "cocci" ? n : 1); j++)
			if (!exists(dir "/" w[j]))
				fail(FNR, "file " w[j] " does not exist in " dir)
	}
	if (key == "commits" && val != "one" && val != "per-subsystem")
		fail(FNR, "commits: is one or per-subsystem, not '" val "'")
	if ((key == "create" || key == "code") && val != "yes" && val != "no")
		fail(FNR, key ": is yes or no, not '" val "'")
	if ((key == "rename" || key == "comments") && (split(val, w, /[ \t]+/) != 2 ||
	    w[1] !~ /^[A-Za-z_][A-Za-z0-9_]*$/ || w[2] !~ /^[A-Za-z_][A-Za-z0-9_]*$/))
		fail(FNR, key ": takes OLD NEW, two identifiers")
	if (key == "confine" && val !~ /[ \t]to[ \t]+[^ \t]/)
		fail(FNR, "confine: takes SYMBOL... to DIR...")
	if (key == "build" && val !~ /^[^ \t]+[ \t]+when[ \t]+[^ \t]/)
		fail(FNR, "build: takes DIR when PATHSPEC...")
	# A step's keys reach its kind in the environment (STEP_KEY), where one
	# variable may not pass 128 KiB: 64 KiB a key, all its lines together.
	size[part, key] += length(val) + 1
	if (part > 0 && size[part, key] > 65536 && !((part, key) in too_big)) {
		too_big[part, key] = 1
		fail(FNR, "step " name[part] ": its " key ": lines add up to more than 64 KiB, which its kind cannot take; use shell patterns (names: prefix_*) or split the step")
	}
	if (!((part, key) in line_of))
		line_of[part, key] = FNR
	value[part, key] = val
	out[++nout] = part "\t" key "\t" val "\t" FNR
}

END {
	close_part()
	if (!((0, "summary") in value))
		fail(1, "no summary: line; say in one line what the migration does")
	if (!((0, "cover") in value))
		fail(1, "no cover: line; name the file with the cover letter's subject and text")
	if (part == 0)
		fail(1, "no step; add one with 'step NAME' and its kind:")
	if (errors > 20)
		printf "%s: error: and %d more errors\n", FILENAME, errors - 20 > "/dev/stderr"
	if (errors)
		exit 2
	for (i = 1; i <= nout; i++)
		print out[i]
}
