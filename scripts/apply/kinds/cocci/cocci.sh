#!/bin/sh
# Step kind "cocci": the semantic patches STEP_COCCI (files of SPEC_DIR), in
# order, over the files that reference one of STEP_SYMBOLS in code (cscan
# refs): those in STEP_SCOPE (files or directories; default the whole tree)
# less STEP_EXCLUDE; spatch treats each file on its own, all of them in
# one pass, renames byte-minimal (scripts/apply/kinds/cocci/cocci-apply.sh).
#
# A reference the semantic patches leave (reported by their report mode, or
# one spatch could not match at all) is printed as a warning and recorded
# as a finding. (gone:, which any kind takes, is checked by the engine after
# the step: scripts/lib/steps.sh.)
# Runs at the top of the tree; see scripts/lib/steps.sh for the contract.
# shellcheck source=scripts/lib/lib.sh
. "$TOOLKIT/scripts/lib/lib.sh"
set -f # symbols and paths are words: never expanded against files

symbols=$(echo ${STEP_SYMBOLS:?})
set --
for dir in ${STEP_EXCLUDE:-}; do set -- "$@" --exclude "$dir"; done
# shellcheck disable=SC2086
candidates=$(cscan refs -l "$@" . $symbols ${STEP_SCOPE:+-- $STEP_SCOPE}) || exit 2
where=${STEP_SCOPE:+ in $(echo $STEP_SCOPE)}${STEP_EXCLUDE:+ outside $(echo $STEP_EXCLUDE)}
if [ -z "$candidates" ]; then
	info "skipped: no code reference to $symbols$where"
	exit 0
fi
verbose "candidates: $(echo $candidates)"

make_work_dir
set --
for cocci in $STEP_COCCI; do set -- "$@" "$SPEC_DIR/$cocci"; done
# shellcheck disable=SC2086
"$TOOLKIT/scripts/apply/kinds/cocci/cocci-apply.sh" "$@" -- $candidates >"$work/warnings" || exit

# What is still referenced but was not reported is a call spatch could not
# match, most often in a function it failed to parse: never skip it silently.
# shellcheck disable=SC2086
cscan refs . $symbols -- $candidates | while IFS=: read -r path line col sym; do
	grep -q "^$path:$line:$col: " "$work/warnings" ||
		printf '%s:%s:%s: warning:%s() not migrated: spatch could not match this call; migrate it by hand\n' \
			"$path" "$line" "$col" "$sym"
done >>"$work/warnings"
# The engine prints the findings still standing at the end of the step.
cat "$work/warnings" >>"${FINDINGS:-/dev/stderr}"
exit 0
