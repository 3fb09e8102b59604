#!/bin/sh
# Make the lines a step changed in the current tree (a kernel git work tree,
# the step's edits uncommitted) clean of the whitespace findings of the
# tree's own checkpatch.pl, with its own --fix: a call renamed in
# "foo (x)" becomes "bar(x)", not "bar (x)". Lines the step did not change
# stay as they are; nothing else is fixed. Without scripts/checkpatch.pl in
# the tree, nothing happens.
#
#   tidy.sh
#
# Exit 0, 2 when checkpatch.pl or git fails (the tree is left as it was).
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"

[ $# -eq 0 ] || die "usage: $prog (run at the top of a kernel git work tree)"
[ -f scripts/checkpatch.pl ] || exit 0
types=SPACING,CODE_INDENT,TRAILING_WHITESPACE,SPACE_BEFORE_TAB,WHITESPACE_AFTER_LINE_CONTINUATION
make_work_dir

git add -A -N && git diff --binary >"$work/step.patch" || die "git diff failed in $(pwd)"
[ -s "$work/step.patch" ] || exit 0
# checkpatch.pl writes FILE.EXPERIMENTAL-checkpatch-fixes only when it fixed
# something; its exit status says whether findings remain, not whether it ran.
PATH=/usr/bin:$PATH perl scripts/checkpatch.pl --no-tree --no-signoff --quiet --color=never \
	--fix --types "$types" "$work/step.patch" >"$work/log" 2>&1
fixed=$work/step.patch.EXPERIMENTAL-checkpatch-fixes
[ -f "$fixed" ] || exit 0
cmp -s "$fixed" "$work/step.patch" && exit 0
verbose "checkpatch --fix on the changed lines: $(diff "$work/step.patch" "$fixed" | grep -c '^>') line(s)"
git apply -R "$work/step.patch" && git apply "$fixed" ||
	die "cannot apply checkpatch.pl's fixes in $(pwd)"
