#!/bin/sh
# Print the commit message for STEP's change, staged in the current tree (a
# kernel git work tree), or for its PATHs alone when given: the template
# the step's message: names in the migration's directory, a subject line, a
# blank line and the body, with its placeholders filled:
#
#   @PREFIX@     the subject prefix of the first PATH (prefix.sh); without
#                PATHs, for the change as a whole, "treewide:"
#   @RATIONALE@  (a line of its own) why: the file of each of the step's
#                "rationale: FILE SYMBOL..." lines (in drivers-migrated/NAME/)
#                whose SYMBOLs the change removes, in the spec's order, a
#                blank line between them
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
. "$(dirname "$0")/../lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$TOOLKIT/scripts/lib/spec.sh"
# shellcheck source=scripts/lib/entries.sh
. "$TOOLKIT/scripts/lib/entries.sh"

[ $# -ge 1 ] || die "usage: $prog STEP [PATH...]"
step=$1
shift
template=$SPEC_DIR/$(spec_step_get "$step" message)
[ -f "$template" ] || die "no commit message for step $step: its spec $SPEC names none, or $template is missing"
make_work_dir

uses() { grep -q "$1" "$template"; }

: >"$work/@RATIONALE@"
: >"$work/@ENTRY@"
: >"$work/@MOVED@"
prefix=
if uses @PREFIX@ && [ $# -eq 0 ]; then
	prefix=treewide:
elif uses @PREFIX@; then
	prefix=$("$TOOLKIT/scripts/series/prefix.sh" "${SERIES_BASE:-HEAD}" "$1") || exit 2
	[ -n "$prefix" ] || die "no subject prefix for $1"
fi
if uses @RATIONALE@; then
	git diff --no-ext-diff --no-textconv --cached -U0 HEAD -- "$@" | grep '^-' | grep -v '^--- ' >"$work/removed"
	spec_step_get "$step" rationale | while read -r file symbols; do
		# shellcheck disable=SC2086
		printf '%s\n' $symbols | grep -q -w -F -f - "$work/removed" || continue
		[ -s "$work/@RATIONALE@" ] && echo >>"$work/@RATIONALE@"
		cat "$ENTRIES_DIR/$file" >>"$work/@RATIONALE@" || exit 2
	done || exit 2
	[ -s "$work/@RATIONALE@" ] ||
		die "the change to $* removes none of the symbols of step $step's rationale: lines in $SPEC"
fi
if uses @ENTRY@ && entry=$(entry_for "$1"); then
	entry_body "$entry" >"$work/@ENTRY@"
fi
if uses @MOVED@; then
	"$TOOLKIT/scripts/series/series-moved.sh" >"$work/@MOVED@" || exit 2
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
