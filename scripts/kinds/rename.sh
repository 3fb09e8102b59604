#!/bin/sh
# Step kind "rename": each "OLD NEW" of STEP_RENAME, byte-minimal.
#
# In code (unless STEP_CODE=no): every code reference to OLD that cscan refs
# finds, definitions and macro bodies included, in STEP_SCOPE (files or
# directories; default the whole tree) less STEP_EXCLUDE; comments and
# strings stay. In prose: in the files under STEP_PROSE, "OLD()" (a name
# with its parentheses, as text names a function) becomes "NEW()"; a stack
# trace's "OLD+0x1c/0x40" stays.
# Runs at the top of the tree; see scripts/lib/steps.sh for the contract.
# shellcheck source=scripts/lib/lib.sh
. "$TOOLKIT/scripts/lib/lib.sh"
set -f # names and paths are words: never expanded against files

make_work_dir
# "OLD NEW" pairs, one a line.
printf '%s\n' "${STEP_RENAME:?}" | awk 'NF == 2' >"$work/pairs"
olds=$(cut -d' ' -f1 "$work/pairs" | tr '\n' ' ')

if [ "${STEP_CODE:-yes}" != no ]; then
	set --
	for dir in ${STEP_EXCLUDE:-}; do set -- "$@" --exclude "$dir"; done
	# shellcheck disable=SC2086
	cscan refs "$@" . $olds ${STEP_SCOPE:+-- $STEP_SCOPE} >"$work/refs" || exit 2
	# "path:line:col: OLD" -> "path line col OLD NEW"
	awk 'FILENAME == ARGV[1] { new[$1] = $2; next }
		{ split($1, p, ":"); print p[1], p[2], p[3], $2, new[$2] }' "$work/pairs" "$work/refs" >"$work/renames"
	"$TOOLKIT/scripts/rename-files.sh" "$work/renames" || exit 2
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
