#!/bin/sh
# Step kind "script": the migration's own shell script STEP_RUN (a file of
# SPEC_DIR), for what no other kind expresses. It runs at the top of the
# tree with the environment of every step (TOOLKIT, O, J, V, SPEC_DIR,
# STEP_*) and the same exit contract (scripts/lib/steps.sh).
# shellcheck source=scripts/lib/lib.sh
. "$TOOLKIT/scripts/lib/lib.sh"

exec sh "$SPEC_DIR/${STEP_RUN:?}"
