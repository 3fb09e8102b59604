#!/bin/sh
# Step kind "add": new declarations go into the header STEP_TO, right after
# its declaration STEP_AFTER (with the comments and lines that belong to
# it, as cmove --list counts them), a blank line between: the text of
# STEP_TEXT, a file of the migration's own directory, as it is. Nothing
# else of STEP_TO changes. A header that already declares every name the
# text declares has had the step: skipped, with one line.
# Runs at the top of the tree; see scripts/lib/steps.sh for the contract.
# shellcheck source=scripts/lib/lib.sh
. "$TOOLKIT/scripts/lib/lib.sh"

to=${STEP_TO:?} after=${STEP_AFTER:?} text=$SPEC_DIR/${STEP_TEXT:?}
cmove=${O:?}/bin/cmove
make_work_dir
: >"${STEP_NEW_FILES:-/dev/null}" || exit 2

[ -f "$to" ] || die "$to does not exist in this tree; add: puts declarations into a header that has $after"
"$cmove" --list "$SPEC_DIR" "$STEP_TEXT" | sed 's/^.* //' | sort -u >"$work/new" || exit 2
[ -s "$work/new" ] || die "$text declares nothing; write the declarations to add there"
"$cmove" --list . "$to" >"$work/to" || exit 2
sed 's/^.* //' "$work/to" | sort -u >"$work/has"
if [ -z "$(comm -23 "$work/new" "$work/has")" ]; then
	info "skipped: $to declares $(tr '\n' ' ' <"$work/new")already"
	exit 0
fi
[ -z "$(comm -12 "$work/new" "$work/has")" ] ||
	die "$to declares $(comm -12 "$work/new" "$work/has" | tr '\n' ' ')already, but not the rest of $STEP_TEXT; add them by hand or remove them from $STEP_TEXT"
# The last line of AFTER's declaration ("TO:START-END: KIND NAME").
end=$(awk -v name="$after" '$NF == name { split($1, r, /[-:]/); if (r[3] > e) e = r[3] } END { print e + 0 }' "$work/to")
[ "$end" -gt 0 ] || die "$to declares no $after; name in after: a declaration of $to"
awk -v end="$end" -v text="$text" '
	{ print }
	NR == end {
		print ""
		while ((getline line < text) > 0)
			print line
	}' "$to" >"$work/out" && cat "$work/out" >"$to" || die "cannot write $to"
info "$to: $(wc -l <"$text") line(s) added after $after"
