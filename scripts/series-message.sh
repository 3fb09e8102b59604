#!/bin/sh
# Print the commit message for STEP's change, staged in the current tree (a
# kernel git work tree), or for its PATHs alone when given: the template
# scripts/series-text/STEP.txt, a subject line, a blank line and the body,
# with its placeholders filled:
#
#   @PREFIX@     the subject prefix of the first PATH (prefix.sh)
#   @RATIONALE@  (a line of its own) why: drivers-migrated/_rationale-node.txt
#                when the PATHs called __alloc_pages_node(), and
#                _rationale-alloc-pages.txt when they called __alloc_pages()
#   @ENTRY@      (a line of its own) the body of the first PATH's
#                drivers-migrated/ entry; nothing for a caller no entry knows
#   @MOVED@      (a line of its own) what moved between headers
#                (series-moved.sh)
#
# A paragraph whose first line is "@IF-CHANGED PATHSPEC@" is kept, without
# that line, only when the change touches PATHSPEC.
#
#   series-message.sh STEP [PATH...]
#
# SERIES_BASE is the commit whose history prefix.sh reads (default HEAD).
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"
# shellcheck source=scripts/lib/entries.sh
. "$TOOLKIT/scripts/lib/entries.sh"

[ $# -ge 1 ] || die "usage: $prog STEP [PATH...]"
step=$1
shift
template=$TOOLKIT/scripts/series-text/$step.txt
[ -r "$template" ] || die "no commit message template $template for step $step"
make_work_dir

uses() { grep -q "$1" "$template"; }

: >"$work/@RATIONALE@"
: >"$work/@ENTRY@"
: >"$work/@MOVED@"
prefix=
if uses @PREFIX@; then
	[ $# -ge 1 ] || die "$template has @PREFIX@: name the changed PATHs"
	prefix=$("$TOOLKIT/scripts/prefix.sh" "${SERIES_BASE:-HEAD}" "$1") || exit 2
	[ -n "$prefix" ] || die "no subject prefix for $1"
fi
if uses @RATIONALE@; then
	git diff --cached -U0 HEAD -- "$@" | grep '^-' | grep -v '^--- ' >"$work/removed"
	grep -q -w -e __alloc_pages_node -e __alloc_pages_node_noprof "$work/removed" &&
		cat "$ENTRIES_DIR/_rationale-node.txt" >>"$work/@RATIONALE@"
	if grep -q -w -e __alloc_pages -e __alloc_pages_noprof "$work/removed"; then
		[ -s "$work/@RATIONALE@" ] && echo >>"$work/@RATIONALE@"
		cat "$ENTRIES_DIR/_rationale-alloc-pages.txt" >>"$work/@RATIONALE@"
	fi
	[ -s "$work/@RATIONALE@" ] ||
		die "the change to $* removes no call of __alloc_pages_node() or __alloc_pages()"
fi
if uses @ENTRY@ && entry=$(entry_for "$1"); then
	entry_body "$entry" >"$work/@ENTRY@"
fi
if uses @MOVED@; then
	"$TOOLKIT/scripts/series-moved.sh" >"$work/@MOVED@" || exit 2
fi

sed -n 's/^@IF-CHANGED \(.*\)@$/\1/p' "$template" | while read -r spec; do
	touched=0
	git diff --cached --quiet HEAD -- "$spec" || touched=1
	printf '%s\t%s\n' "$touched" "$spec"
done >"$work/changed"

# Fill in; an empty placeholder leaves no blank lines behind.
awk -v dir="$work" -v prefix="$prefix" '
	BEGIN { while ((getline l < (dir "/changed")) > 0) changed["@IF-CHANGED " substr(l, 3) "@"] = (l ~ /^1/) }
	skip && NF == 0 { skip = 0 }
	skip { next }
	/^@IF-CHANGED .*@$/ { skip = !changed[$0]; next }
	/^@[A-Z]+@$/ {
		file = dir "/" $0
		while ((getline line < file) > 0) out[n++] = line
		close(file)
		next
	}
	{ gsub(/@PREFIX@/, prefix); out[n++] = $0 }
	END {
		while (n > 0 && out[n - 1] == "") n--
		for (i = 0; i < n; i++) {
			if (out[i] == "" && (i == 0 || out[i - 1] == "")) continue
			print out[i]
		}
	}' "$template"
