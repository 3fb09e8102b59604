# The declarations a move step moves (scripts/apply/kinds/move/move.sh).
#
#   awk -v from=FROM -v only=FILE -f move-plan.awk EXTENTS USERS CHOSEN FROM_REFS
#
# EXTENTS: "START END KIND NAME" per declaration of FROM (cmove --list);
# USERS: "NAME PATH" for each file that uses NAME in code; CHOSEN: the names
# the spec's names: chose, one a line; FROM_REFS: "LINE NAME" for each use
# of a name inside FROM. Prints the names that move, one a line.
#
# Names declared by the same lines (an enum and its constants, a struct and
# the typedef around it) are one unit: a use of one is a use of the unit,
# and the unit moves or stays whole. A unit moves when CHOSEN names one of
# it, or, with only=FILE, when FILE is the only file but FROM that uses it.
# A unit that something staying in FROM uses stays too (a note says which
# declaration keeps it), repeated until nothing changes; a chosen unit that
# must stay is an error (exit 2), since FROM would need the header it moves to.

function find(x) {
	while (parent[x] != x)
		x = parent[x]
	return x
}

function unite(a, b) {
	a = find(a)
	b = find(b)
	if (a != b)
		parent[b] = a
}

FILENAME == ARGV[1] {
	n++
	lo[n] = $1; hi[n] = $2; name[n] = $4
	if (!($4 in parent))
		parent[$4] = $4
	key = $1 " " $2
	if (key in first)
		unite(first[key], $4)
	else
		first[key] = $4
	next
}

FILENAME == ARGV[2] {
	if ($2 == from || !($1 in parent))
		next
	g = find($1)
	if (!((g, $2) in uses)) {
		uses[g, $2] = 1
		count[g]++
		user[g] = $2
	}
	next
}

FILENAME == ARGV[3] {
	if (!($1 in parent))
		next
	chosen[find($1)] = 1
	moving[find($1)] = 1
	next
}

{
	refs++
	ref_line[refs] = $1
	ref_name[refs] = $2
}

END {
	if (only != "")
		for (g in count)
			if (count[g] == 1 && user[g] == only)
				moving[g] = 1
	do {
		changed = 0
		for (r = 1; r <= refs; r++) {
			if (!(ref_name[r] in parent))
				continue
			g = find(ref_name[r])
			if (!moving[g])
				continue
			# The declaration this use is part of: the innermost extent.
			owner = ""
			for (i = 1; i <= n; i++)
				if (ref_line[r] >= lo[i] && ref_line[r] <= hi[i] &&
				    (owner == "" || hi[i] - lo[i] < hi[owner] - lo[owner]))
					owner = i
			if (owner != "" && moving[find(name[owner])])
				continue
			keeper = owner == "" ? "a line outside any declaration" : name[owner] ", which stays,"
			if (chosen[g]) {
				printf "%s:%d:1: error: %s uses %s; move the declarations that use it too, or split %s by hand\n",
					from, ref_line[r], keeper, ref_name[r], from > "/dev/stderr"
				exit 2
			}
			printf "%s:%d:1: note: %s stays in %s: %s uses it\n",
				from, ref_line[r], ref_name[r], from, keeper > "/dev/stderr"
			moving[g] = 0
			changed = 1
		}
	} while (changed)
	for (i = 1; i <= n; i++)
		if (moving[find(name[i])] && !(name[i] in printed)) {
			printed[name[i]] = 1
			print name[i]
		}
}
