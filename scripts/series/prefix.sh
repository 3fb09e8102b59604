#!/bin/sh
# The subject prefix for a change to PATH ("KVM: VMX:", "sgi-xp:"). Runs at
# the top of a kernel git work tree; REV is the commit whose history counts
# (the series' base).
#
#   prefix.sh REV PATH
#
# 1. The Prefix of PATH's drivers-migrated/ entry.
# 2. Else, when REV has history beyond its first commit, the prefix most
#    used by the last 50 commits that touch PATH, else PATH's directory:
#    "foo: bar: Fix x" has "foo: bar:"; "treewide:" does not count; a tie
#    goes to the most recent.
# 3. Else MAINTAINERS and the path: the most specific section covering
#    PATH (maintainers-section.sh) names a directory in its F: pattern; the
#    prefix is that directory's last component (after the architecture's
#    name under arch/) and PATH's directories below it, joined by '/':
#    "lkdtm:", "powerpc/cell:", "misc/fakedev:". A pattern that names one
#    file gives that file's name: "hpet:". With no section but THE REST,
#    PATH's own directory counts.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"
# shellcheck source=scripts/lib/entries.sh
. "$TOOLKIT/scripts/lib/entries.sh"

[ $# -eq 2 ] || die "usage: $prog REV PATH"
rev=$1 path=$2

if entry=$(entry_for "$path"); then
	verbose "$path: prefix from ${entry#"$TOOLKIT"/}"
	entry_field "$entry" Prefix
	exit 0
fi

# most_used: the most used prefix of the subjects on stdin, newest first.
most_used() {
	awk 'match($0, /^([^ :]+: )+/) {
		p = substr($0, 1, RLENGTH - 1)
		if (p == "treewide:") next
		if (!(p in n)) order[k++] = p
		n[p]++
	}
	END {
		for (i = 0; i < k; i++) if (n[order[i]] > best) { best = n[order[i]]; pick = order[i] }
		if (pick != "") print pick
	}'
}

dir=${path%/*}
[ "$dir" = "$path" ] && dir=
if git rev-parse -q --verify "$rev^" >/dev/null; then
	for p in "$path" ${dir:+"$dir/"}; do
		prefix=$(git log --no-merges -n 50 --format=%s "$rev" -- "$p" | most_used) ||
			die "git log failed for $p"
		if [ -n "$prefix" ]; then
			verbose "$path: prefix from the history of $p"
			echo "$prefix"
			exit 0
		fi
	done
fi

section=$("$TOOLKIT/scripts/lib/maintainers-section.sh" "$path") || exit
pattern=$(printf '%s' "$section" | cut -f1)
verbose "$path: prefix from MAINTAINERS (${section:-THE REST only}) and the path"
printf '%s\n' "$path" | awk -v pattern="$pattern" '{
	n = split($0, c, "/")
	if (pattern != "" && pattern !~ /[*?[]|\/$/) {
		# One file: its name.
		name = c[n]
		sub(/\.[^.]*$/, "", name)
		print name ":"
		next
	}
	# The subsystem directory: as many of PATH directories as the pattern
	# names (a glob component stands for one), or PATH directory.
	k = (pattern == "") ? n - 1 : split(pattern, pc, "/") - 1
	if (k < 1 || k > n - 1) k = n - 1
	if (c[1] == "arch" && k >= 2)
		name = (k == 2) ? c[2] : c[2] "/" c[k]
	else
		name = c[k]
	for (i = k + 1; i < n; i++) name = name "/" c[i]
	print name ":"
}'
