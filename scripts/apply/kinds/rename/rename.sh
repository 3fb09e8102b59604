#!/bin/sh
# Step kind "rename": each "OLD NEW" of STEP_RENAME, byte-minimal.
#
# In code (unless STEP_CODE=no): every code reference to OLD that cscan refs
# --rename finds and renames, definitions and macro bodies included, in
# STEP_SCOPE (files or directories; default the whole tree) less
# STEP_EXCLUDE; comments and strings stay. In prose: in the files under
# STEP_PROSE, "OLD()" (a name with its parentheses, as text names a
# function) becomes "NEW()"; a stack trace's "OLD+0x1c/0x40" stays.
# Runs at the top of the tree; see scripts/lib/steps.sh for the contract.
# shellcheck source=scripts/lib/lib.sh
. "$TOOLKIT/scripts/lib/lib.sh"
set -f # names and paths are words: never expanded against files

make_work_dir
# A rename creates no file (scripts/lib/steps.sh).
: >"${STEP_NEW_FILES:-/dev/null}" || exit 2
# "OLD NEW" pairs, one a line.
printf '%s\n' "${STEP_RENAME:?}" | awk 'NF == 2' >"$work/pairs"
olds=$(cut -d' ' -f1 "$work/pairs" | tr '\n' ' ')

if [ "${STEP_CODE:-yes}" != no ]; then
	set --
	for dir in ${STEP_EXCLUDE:-}; do set -- "$@" --exclude "$dir"; done
	# One read of the tree finds the references and renames them in place;
	# what it leaves (a name split by a line continuation) is a finding.
	# shellcheck disable=SC2086,SC2046
	cscan refs --rename "$@" . $(tr ' ' '=' <"$work/pairs") ${STEP_SCOPE:+-- $STEP_SCOPE} \
		>"$work/renamed" 2>"$work/warnings"
	rc=$?
	grep -v ': warning: ' "$work/warnings" >&2
	[ $rc -eq 0 ] || exit 2
	# A longer or shorter name moves its call's parenthesis: the lines
	# aligned to it follow (realign.awk).
	sed 's/^\(.*\):\([0-9]*\):\([0-9]*\): \(.*\)$/\1 \2 \3 \4/' "$work/renamed" |
		awk 'FILENAME == ARGV[1] { new[$1] = $2; next } { print $0, new[$4] }' "$work/pairs" - \
		>"$work/renames" &&
		LC_ALL=C awk -f "$TOOLKIT/scripts/apply/rename-rows.awk" -f "$TOOLKIT/scripts/apply/realign.awk" "$work/renames" || exit 2
	# The engine prints the findings still standing at the end of the step.
	grep ': warning: ' "$work/warnings" >>"${FINDINGS:-/dev/stderr}"
fi

for path in ${STEP_PROSE:-}; do
	[ -e "$path" ] || continue
	pattern=$(printf '%s|' $olds)
	files=$(git grep -l -E "\\b(${pattern%|})\\(\\)" -- "$path") || [ $? -eq 1 ] || exit 2
	[ -n "$files" ] || continue
	script=$(awk '{ printf "s/\\b%s\\(\\)/%s()/g;", $1, $2 }' "$work/pairs")
	for file in $files; do
		sed -i -E "$script" "$file" || die "cannot edit $file"
	done
done
