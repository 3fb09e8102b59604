#!/bin/sh
# make ci on the Debian 6.12 tree (a scratch clone, so the series branch
# stays there): over the series make series writes for the callers step
# (a commit per subsystem, one of them a powerpc file), every commit passes
# every check; over a series whose commit 2 breaks the build and commit 3
# repairs it, and whose commit 4 has a checkpatch error, exactly those two
# test points fail and commit 2 is named with its compiler error; a rerun
# builds only what the commits change. The JUnit XML lists every commit.
#
# The clone's O ($kdir.o) keeps the worktrees and the build directory
# between runs; the commits have fixed dates.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL

use_scratch_clone "Ci Tester" ci@example.org
junit=$o/ci/junit.xml
# ci [VAR=VALUE...]: make ci on the clone; TAP in $TRASH/out, stderr in
# $TRASH/err, make's exit status in $TRASH/rc.
ci() {
	env "$@" make -s -C "$TOOLKIT" ci KDIR="$kdir" O="$o" >"$TRASH/out" 2>"$TRASH/err"
	echo $? >"$TRASH/rc"
}
xpath() { xmllint --xpath "$1" "$junit"; }

test_expect_success 'usage: a RANGE that is not A..B, or with an unknown end: exit 2, one line' '
	for r in HEAD "HEAD~1...HEAD" "nosuch..HEAD"; do
		expect_exit 2 env KDIR="$kdir" O="$o" RANGE="$r" "$TOOLKIT/ci/ci.sh" >"$TRASH/out" 2>"$TRASH/err" &&
		test "$(wc -l <"$TRASH/err")" -eq 1 && test ! -s "$TRASH/out" && cat "$TRASH/err" || exit 1
	done >"$TRASH/errors" &&
	cat >"$TRASH/expect" <<-EOT &&
	ci.sh: error: RANGE=HEAD is not of the form A..B; pass RANGE=A..B, the commits after A up to B
	ci.sh: error: RANGE=HEAD~1...HEAD is a symmetric difference; pass RANGE=A..B, with two dots
	ci.sh: error: RANGE=nosuch..HEAD: '\''nosuch'\'' is not a commit of KDIR=$kdir
	EOT
	test_cmp "$TRASH/expect" "$TRASH/errors" &&
	expect_exit 2 env KDIR="$kdir" O="$o" BRANCH=t0800/none "$TOOLKIT/ci/ci.sh" 2>"$TRASH/err" &&
	grep -x "ci.sh: error: RANGE is not set and there is no series branch t0800/none; pass RANGE=A..B (the commits after A up to B)" "$TRASH/err"
'

test_expect_success 'an empty RANGE has nothing to check: a TAP skip, an empty JUnit report, exit 0' '
	env KDIR="$kdir" O="$o" RANGE=HEAD..HEAD "$TOOLKIT/ci/ci.sh" >"$TRASH/out" 2>"$TRASH/err" &&
	printf "TAP version 13\n1..0 # SKIP RANGE=HEAD..HEAD has no commits\n" >"$TRASH/expect" &&
	test_cmp "$TRASH/expect" "$TRASH/out" &&
	grep -x "ci.sh: warning: RANGE=HEAD..HEAD has no commits; nothing to check (B is an ancestor of A)" "$TRASH/err" &&
	test "$(xpath "string(/testsuites/@tests)")" -eq 0
'

# The callers step's series: a commit per subsystem, each building a few
# objects (the whole migration's commits rebuild all of mm/ each, tens of
# minutes; make check builds its end state in t0600).
test_expect_success 'make series writes the series to check' '
	make -s -C "$TOOLKIT" series KDIR="$kdir" O="$o" STEPS=callers >"$TRASH/series" 2>&1 &&
	git -C "$kdir" rev-list --reverse "$baseline..api-migrate/page-alloc" | sed 1d >"$TRASH/commits" &&
	test "$(wc -l <"$TRASH/commits")" -ge 4
'
n=$(wc -l <"$TRASH/commits" 2>/dev/null || echo 0)

start=$(date +%s)
# Without RANGE: the series branch from its merge-base with HEAD (the
# fixture series below passes RANGE).
test_expect_success 'make ci over the series passes: a test point per commit and check, all ok' '
	ci &&
	test "$(cat "$TRASH/rc")" -eq 0 &&
	grep -x "ci.sh: $n commit(s) of $baseline..$(git -C "$kdir" rev-parse api-migrate/page-alloc), leaks api checkpatch build each" "$TRASH/err" &&
	sed -n 1,2p "$TRASH/out" >"$TRASH/head" &&
	printf "TAP version 13\n1..%d\n" $((n * 4)) >"$TRASH/expect" &&
	test_cmp "$TRASH/expect" "$TRASH/head" &&
	i=0 &&
	while read -r c; do
		name="$(git -C "$kdir" log -1 --format="%h %s" "$c")" &&
		for check in leaks api checkpatch build; do
			i=$((i + 1)) && echo "ok $i - $name: $check"
		done || exit 1
	done <"$TRASH/commits" >"$TRASH/expect" &&
	grep "^\(not \)\{0,1\}ok " "$TRASH/out" >"$TRASH/points" &&
	test_cmp "$TRASH/expect" "$TRASH/points" &&
	tail -n 1 "$TRASH/out" | grep -x "# make ci: ok" &&
	grep -x "# make ci: $n commit(s): $((n * 4)) check(s) passed, 0 failed, 0 could not run, 0 skipped" "$TRASH/out"
'
echo "# make ci over the series: $(($(date +%s) - start))s"

test_expect_success 'the JUnit XML is valid and lists every commit of the series, four checks each' '
	xmllint --noout "$junit" &&
	test "$(xpath "count(/testsuites/testsuite)")" -eq "$n" &&
	test "$(xpath "count(//testcase)")" -eq $((n * 4)) &&
	test "$(xpath "string(/testsuites/@failures)")" -eq 0 &&
	while read -r c; do
		test "$(xpath "string(//testsuite[@id=\"$c\"]/@name)")" = "$(git -C "$kdir" log -1 --format="%h %s" "$c")" || exit 1
	done <"$TRASH/commits"
'

# Four commits on the baseline, in lib/bcd.c (which allmodconfig builds):
# a comment; a helper using an undeclared name (the build breaks); the
# helper fixed; a comment with trailing whitespace (a checkpatch error).
commit() {
	git -C "$kdir" add -A &&
	GIT_AUTHOR_DATE=2024-01-01T00:00:00Z GIT_COMMITTER_DATE=2024-01-01T00:00:00Z \
		git -C "$kdir" commit -q -s -m "$1" -m "$2"
}
test_expect_success 'a series that breaks the build at commit 2 and repairs it at commit 3' '
	git -C "$kdir" checkout -q --detach "$baseline" &&
	f=$kdir/lib/bcd.c &&
	printf "\n/* A comment for the ci test. */\n" >>"$f" &&
	commit "lib/bcd: Add a comment" "A comment for the test, nothing else." &&
	printf "\nstatic int __maybe_unused ci_fixture(void)\n{\n\treturn ci_undeclared;\n}\n" >>"$f" &&
	commit "lib/bcd: Add a helper" "A helper that does not build." &&
	sed -i "s/return ci_undeclared;/return 0;/" "$f" &&
	commit "lib/bcd: Fix the helper" "The helper builds again." &&
	printf "/* trailing whitespace */ \n" >>"$f" &&
	commit "lib/bcd: Add another comment" "A comment with trailing whitespace." &&
	git -C "$kdir" rev-list --reverse "$baseline..HEAD" >"$TRASH/broken"
'
short() { git -C "$kdir" rev-parse --short "$(sed -n "$1p" "$TRASH/broken")"; }

test_expect_success 'make ci fails (exit 1: findings) at exactly the broken commit and names it with its error' '
	expect_exit 1 env KDIR="$kdir" O="$o" RANGE="$baseline..HEAD" "$TOOLKIT/ci/ci.sh" >"$TRASH/out" 2>"$TRASH/err" &&
	grep "^not ok " "$TRASH/out" >"$TRASH/failed" &&
	cat >"$TRASH/expect" <<-EOT &&
	not ok 8 - $(short 2) lib/bcd: Add a helper: build
	not ok 15 - $(short 4) lib/bcd: Add another comment: checkpatch
	EOT
	test_cmp "$TRASH/expect" "$TRASH/failed" &&
	test "$(grep -c "^ok " "$TRASH/out")" -eq 14 &&
	grep -x "ok 12 - $(short 3) lib/bcd: Fix the helper: build" "$TRASH/out" &&
	line=$(git -C "$kdir" show "$(sed -n 2p "$TRASH/broken"):lib/bcd.c" | grep -n ci_undeclared | cut -d: -f1) &&
	tail -n 1 "$TRASH/out" | grep -x "# make ci: FAILED: first failing commit 2/4 $(short 2) \"lib/bcd: Add a helper\": build: lib/bcd.c:$line:[0-9]*: error: .ci_undeclared. undeclared (first use in this function)"
'

test_expect_success 'the checkpatch error is named under its commit, in the patch' '
	sed -n "/^not ok 15 /,/^ok 16 /p" "$TRASH/out" >"$TRASH/cp" &&
	grep -x "# $o/ci/$(basename "$kdir")/commits/0004/checkpatch/patch:[0-9]*:1: error: trailing whitespace \[TRAILING_WHITESPACE\]" "$TRASH/cp"
'

test_expect_success 'the JUnit XML names the two failures under their commits' '
	xmllint --noout "$junit" &&
	test "$(xpath "count(/testsuites/testsuite)")" -eq 4 &&
	test "$(xpath "string(/testsuites/@failures)")" -eq 2 &&
	test "$(xpath "string(//testsuite[@id=\"$(sed -n 2p "$TRASH/broken")\"]/testcase[@name=\"build\"]/failure/@type)")" = build &&
	test "$(xpath "string(//testsuite[@id=\"$(sed -n 4p "$TRASH/broken")\"]/testcase[@name=\"checkpatch\"]/failure/@type)")" = checkpatch
'

test_expect_success 'a rerun builds no parent (no commit warns) and compiles only lib/bcd.o' '
	ci RANGE="$baseline..HEAD" &&
	test "$(cat "$TRASH/rc")" -eq 2 &&
	cat "$o/ci/$(basename "$kdir")"/commits/*/build.out >"$TRASH/builds" &&
	test "$(grep -c "^compare.sh: x86_64: no warning at REV; BASE [0-9a-f]* not built$" "$TRASH/builds")" -eq 4 &&
	! grep "building BASE" "$TRASH/builds" &&
	grep "^  CC " "$o/check/kbuild/$(basename "$kdir")/x86_64/build.log" >"$TRASH/cc" &&
	echo "  CC      lib/bcd.o" >"$TRASH/expect" &&
	test_cmp "$TRASH/expect" "$TRASH/cc"
'

test_expect_success 'KDIR is left as it was: HEAD, checkout and status' '
	test "$(git -C "$kdir" rev-parse HEAD)" = "$(tail -n 1 "$TRASH/broken")" &&
	test -z "$(git -C "$kdir" status --porcelain)"
'

test_done
