#!/bin/sh
# Make the lines a step changed (PATCH: its edits, uncommitted in the
# current tree, new files added with -N, as "git diff --binary" shows them;
# left as they are after the fixes) clean of the whitespace
# findings of the tree's own checkpatch.pl, with its own --fix: a call
# renamed in "foo (x)" becomes "bar(x)", not "bar (x)". Lines the step did
# not change stay as they are; nothing else is fixed. Without
# scripts/checkpatch.pl in the tree, nothing happens. A long patch (a
# tree-wide rename) is checked in up to J parts side by side.
#
#   tidy.sh PATCH
#
# Exit 0, 2 when checkpatch.pl or git fails (the tree is left as it was).
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

[ $# -eq 1 ] && [ -f "$1" ] || die "usage: $prog PATCH (run at the top of a kernel git work tree)"
[ -f scripts/checkpatch.pl ] || exit 0
[ -s "$1" ] || exit 0
types=SPACING,CODE_INDENT,TRAILING_WHITESPACE,SPACE_BEFORE_TAB,WHITESPACE_AFTER_LINE_CONTINUATION
make_work_dir

# One part per job, each a few thousand lines at least (checkpatch.pl's own
# start costs a fraction of a second).
lines=$(wc -l <"$1")
parts=$((lines / 4000 + 1))
[ "$parts" -le "${J:-2}" ] || parts=${J:-2}
awk -v n="$parts" -v total="$lines" -v out="$work/part" -f "$TOOLKIT/scripts/lib/patch-split.awk" "$1" ||
	die "cannot split $1 in $work"
# checkpatch.pl writes PART.EXPERIMENTAL-checkpatch-fixes only when it fixed
# something; its exit status says whether findings remain, not whether it ran.
printf '%s\n' "$work"/part.* | PATH=/usr/bin:$PATH xargs -P "$parts" -I {} \
	perl scripts/checkpatch.pl --no-tree --no-signoff --quiet --color=never \
	--fix --types "$types" {} >"$work/log" 2>&1
fixes=
for part in "$work"/part.*; do
	case $part in *.EXPERIMENTAL-checkpatch-fixes) continue ;; esac
	[ -f "$part.EXPERIMENTAL-checkpatch-fixes" ] && fixes="$fixes $part $part.EXPERIMENTAL-checkpatch-fixes"
done
[ -n "$fixes" ] || exit 0
# Only the files it fixed: their sections undone and redone, diffed again
# and put in PATCH in place of the old (a diff of a tree-wide step costs
# seconds).
# shellcheck disable=SC2086
awk -v undo="$work/undo" -v redo="$work/redo" -f "$TOOLKIT/scripts/apply/patch-fixed.awk" $fixes \
	>"$work/fixed-paths" || die "cannot compare checkpatch.pl's fixes in $work"
[ -s "$work/fixed-paths" ] || exit 0
verbose "checkpatch --fix on the changed lines: $(diff "$work/undo" "$work/redo" | grep -c '^>') line(s)"
git apply -R "$work/undo" && git apply "$work/redo" ||
	die "cannot apply checkpatch.pl's fixes in $(pwd)"
tr '\n' '\0' <"$work/fixed-paths" | xargs -0 git --literal-pathspecs diff --no-ext-diff --no-textconv --binary --no-renames -- >"$work/new" &&
	awk -f "$TOOLKIT/scripts/apply/patch-splice.awk" "$work/new" "$1" >"$work/spliced" &&
	cp "$work/spliced" "$1" || die "git diff failed in $(pwd)"
