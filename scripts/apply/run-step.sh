#!/bin/sh
# Run one step of MIGRATION in the current directory, the top of a git work
# tree, and leave its edits there uncommitted: for trying a migration on a
# fixture tree of one's own (cocci/README.md).
#
#   run-step.sh STEP
#
# Environment: MIGRATION, O (where the C programs are built), J, V. Exit 0
# done or nothing to do, 1 the step failed (the tree reset to its HEAD) or
# left findings (printed compiler-style), 2 usage or environment errors.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$(dirname "$0")/../lib/spec.sh"
# shellcheck source=scripts/lib/steps.sh
. "$(dirname "$0")/../lib/steps.sh"

[ $# -eq 1 ] || die "usage: $prog STEP (run at the top of a git work tree)"
absolute_o
git_plain_diffs
tree=$(pwd)
git -C "$tree" rev-parse --verify -q HEAD >/dev/null ||
	die "$tree is not a git work tree with a commit; run it at the top of one"
# One read of the spec checks it and what the step needs of the tree.
spec_load "$tree" "$1"
STEPS=$1
steps_selected
step_findings=0
step_run "$tree" "$1" "the tree is as it was" || true
[ "$step_findings" = 0 ]
