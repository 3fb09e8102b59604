#!/bin/sh
# make series leaves a b4-prep series, on the Debian 6.12 tree (a scratch
# clone): made with no network at all (a network namespace without
# routes), b4 prep --show-info reports it, b4 prep -p writes what is in
# $(O)/series/, a trailer or a cover letter the toolkit did not write makes
# a rerun refuse with exit 2 and leaves the branch as it was, and FORCE=1 on
# a new BASE gives revision 2 of the same change-id, which b4 prep
# --compare-to v1 compares with the old one. The series is the callers
# step's (a commit per subsystem): what b4 does with a branch does not
# depend on how many steps made it, and t0700 makes the whole one.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
command -v b4 >/dev/null || test_skip_all "no b4 (make deps)"

use_scratch_clone "Ada Tester" ada@example.org
branch=api-migrate/page-alloc
out=$o/series
series() { make -s -C "$TOOLKIT" series KDIR="$kdir" O="$o" STEPS=callers "$@"; }
wt=$TRASH/wt
# branch_worktree: BRANCH checked out in $wt, sparse (the top directory's
# files only: b4 and git commit read the repository, and a whole checkout
# of the tree takes 10 s). Removed after use: make series refuses a BRANCH
# checked out elsewhere.
branch_worktree() {
	git -C "$kdir" worktree add -q --no-checkout "$wt" "$branch" &&
	git -C "$wt" sparse-checkout set --cone &&
	git -C "$wt" read-tree -mu HEAD
}
# b4_on_branch ARG...: b4 ARG... on BRANCH, in $wt for the time of it.
b4_on_branch() {
	branch_worktree &&
	(cd "$wt" && b4 --offline-mode "$@")
	rc=$?
	git -C "$kdir" worktree remove --force "$wt"
	return $rc
}
# The file with the run-dependent lines b4 writes masked.
masked() { sed 's/^From nobody .*/From nobody/; s/^Date: .*/Date:/; /^Message-Id: /d' "$1"; }

test_expect_success 'make series without any network (unshare -n: no route), b4 included' '
	if unshare -n true 2>/dev/null; then
		unshare -n sh -c "make -s -C \"$TOOLKIT\" series KDIR=\"$kdir\" O=\"$o\" STEPS=callers" >"$TRASH/out" 2>"$TRASH/err"
	else
		echo "# unshare -n not permitted: run with the network" &&
		series >"$TRASH/out" 2>"$TRASH/err"
	fi &&
	grep -E "^series.sh: [0-9]+ patch\(es\) and a cover letter in $out/; $branch is at [0-9a-f]+, b4 series [0-9]{8}-api-migrate-page-alloc-[0-9a-f]{12} v1\$" "$TRASH/out" &&
	sed -n "s/^series.sh: \([0-9]*\) patch(es) .*/\1/p" "$TRASH/out" >"$TRASH/n" &&
	test "$(grep -c "^series.sh: callers: " "$TRASH/out")" -eq "$(cat "$TRASH/n")" &&
	test "$(cat "$TRASH/n")" -eq 5
'

# The series' commits: five callers, each in a subsystem of its own.
n=$(cat "$TRASH/n" 2>/dev/null)

test_expect_success 'b4 prep --show-info: the series, revision 1, its base and commits' '
	b4_on_branch prep --show-info >"$TRASH/info" 2>&1 &&
	cat "$TRASH/info" &&
	grep -qx "branch: $branch" "$TRASH/info" &&
	grep -qx "cover-subject: $(sed -n 1p "$TOOLKIT/cocci/page-alloc/cover.txt")" "$TRASH/info" &&
	grep -qx "revision: 1" "$TRASH/info" &&
	grep -qx "cover-strategy: commit" "$TRASH/info" &&
	grep -qx "base-commit: $baseline" "$TRASH/info" &&
	grep -qx "end-commit: $(git -C "$kdir" rev-parse "$branch")" "$TRASH/info" &&
	test "$(grep -c "^commit-" "$TRASH/info")" -eq "$n" &&
	changeid=$(sed -n "s/^change-id: //p" "$TRASH/info") &&
	grep -qx "change-id: $changeid" "$out"/0000-*.patch &&
	echo "$changeid" >"$TRASH/changeid"
'

test_expect_success 'b4 prep -p DIR writes $(O)/series/ again: the same files, only Date and Message-Id differ' '
	rm -rf "$TRASH/p" &&
	b4_on_branch prep -p "$TRASH/p" >"$TRASH/p.log" 2>&1 &&
	(cd "$out" && ls) >"$TRASH/want.ls" && (cd "$TRASH/p" && ls) >"$TRASH/have.ls" &&
	test_cmp "$TRASH/want.ls" "$TRASH/have.ls" &&
	test "$(wc -l <"$TRASH/want.ls")" -eq $((n + 1)) &&
	for f in $(cat "$TRASH/want.ls"); do
		masked "$out/$f" >"$TRASH/want" && masked "$TRASH/p/$f" >"$TRASH/have" &&
		test_cmp "$TRASH/want" "$TRASH/have" || exit 1
	done &&
	grep -q "^Message-Id: " "$TRASH/p/$(sed -n 2p "$TRASH/want.ls")"
'

made=$(git -C "$kdir" rev-parse "$branch")
cp -R "$out" "$TRASH/made"
# refused WHAT: make series exits 2 naming WHAT and FORCE=1; BRANCH, its
# record and $(O)/series/ as they were.
refused() {
	head=$(git -C "$kdir" rev-parse "$branch") &&
	expect_exit 2 series >"$TRASH/out" 2>"$TRASH/err" &&
	cat "$TRASH/err" &&
	grep -F "series-guard.sh: error: BRANCH=$branch has $1" "$TRASH/err" &&
	grep -q "rewrite it with FORCE=1 (the old head is kept as a ref)\$" "$TRASH/err" &&
	test "$(git -C "$kdir" rev-parse "$branch")" = "$head" &&
	test "$(git -C "$kdir" rev-parse "refs/series-made/$branch")" = "$made" &&
	diff -r "$TRASH/made" "$out"
}

test_expect_success 'a cover letter reworded with b4 prep --edit-cover: the rerun refuses, exit 2' '
	EDITOR="sed -i 1s/^/Reworded:\ /" b4_on_branch prep --edit-cover >"$TRASH/edit.log" 2>&1 &&
	cover=$(git -C "$kdir" rev-list --reverse "$baseline..$branch" | sed -n 1p) &&
	git -C "$kdir" log -1 --format=%s "$cover" | grep -q "^Reworded: " &&
	refused "a cover letter make series did not write, in $(git -C "$kdir" log -1 --format="%h (\"%s\")" "$cover")" &&
	git -C "$kdir" branch -f "$branch" "$made"
'

test_expect_success 'a commit amended with a trailer: the rerun refuses, exit 2, naming it' '
	branch_worktree &&
	git -C "$wt" commit -q --amend --no-edit --trailer "Reviewed-by: Rita Reviewer <rita@example.org>" &&
	git -C "$kdir" worktree remove --force "$wt" &&
	refused "commit $(git -C "$kdir" log -1 --format="%h (\"%s\")" "$branch"), which make series did not write" &&
	git -C "$kdir" log -1 --format=%B "$branch" | grep -qx "Reviewed-by: Rita Reviewer <rita@example.org>"
'

# A newer tree: one more commit on the baseline.
echo "/* newer */" >>"$kdir/mm/slub.c"
git -C "$kdir" add mm/slub.c
GIT_COMMITTER_DATE="$(git -C "$kdir" log -1 --format=%ct "$baseline") +0000" \
	git -C "$kdir" commit -q -m "mm: a newer tree"
newbase=$(git -C "$kdir" rev-parse HEAD)
git -C "$kdir" checkout -q --detach "$baseline"

test_expect_success 'FORCE=1 on a new BASE: revision 2 of the same change-id, the old head kept and printed' '
	old=$(git -C "$kdir" rev-parse "$branch") &&
	series BASE="$newbase" FORCE=1 >"$TRASH/out" 2>"$TRASH/err" &&
	cat "$TRASH/err" &&
	ref=refs/series-old/$branch/$(git -C "$kdir" rev-parse --short=12 "$old") &&
	grep -qF "the old head of $branch, $(git -C "$kdir" log -1 --format="%h (\"%s\")" "$old"), is kept as $ref" "$TRASH/err" &&
	test "$(git -C "$kdir" rev-parse "$ref")" = "$old" &&
	grep -qF "revision 1 of $branch is tagged sent/$branch-v1 (b4 prep --compare-to v1)" "$TRASH/err" &&
	grep -q " b4 series $(cat "$TRASH/changeid") v2\$" "$TRASH/out" &&
	b4_on_branch prep --show-info >"$TRASH/info" 2>&1 &&
	grep -qx "revision: 2" "$TRASH/info" &&
	grep -qx "change-id: $(cat "$TRASH/changeid")" "$TRASH/info" &&
	grep -qx "base-commit: $newbase" "$TRASH/info" &&
	grep -qx "change-id: $(cat "$TRASH/changeid")" "$out"/0000-*.patch &&
	grep -q "^Subject: \[PATCH v2 0/$n\] " "$out"/0000-*.patch
'

test_expect_success 'b4 prep --compare-to v1: the range-diff of the two revisions' '
	b4_on_branch prep --compare-to v1 >"$TRASH/rd" 2>&1 &&
	cat "$TRASH/rd" &&
	test "$(grep -cE "^ *[0-9]+: +[0-9a-f]+ [=!] +[0-9]+: +[0-9a-f]+ " "$TRASH/rd")" -eq "$n" &&
	grep -E "^ *$n: +[0-9a-f]+ ! +$n: " "$TRASH/rd" &&
	grep -q "Reviewed-by: Rita Reviewer" "$TRASH/rd"
'

test_expect_success 'a rerun changes nothing; back on the old BASE without FORCE: exit 2, revision 3 named' '
	head=$(git -C "$kdir" rev-parse "$branch") &&
	series BASE="$newbase" >"$TRASH/out" 2>"$TRASH/err" &&
	test "$(git -C "$kdir" rev-parse "$branch")" = "$head" &&
	expect_exit 2 series BASE="$baseline" >"$TRASH/out" 2>"$TRASH/err" &&
	grep -q "^series-guard.sh: error: BRANCH=$branch is revision 2 of $(cat "$TRASH/changeid") on .*; BASE=[0-9a-f]* makes revision 3: pass FORCE=1" "$TRASH/err" &&
	test "$(git -C "$kdir" rev-parse "$branch")" = "$head"
'

test_done
