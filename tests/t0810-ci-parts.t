#!/bin/sh
# The parts of make ci that need no kernel: the summary and the JUnit XML
# from per-commit results, the range of a push, and the pipeline configs.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

ci=$TOOLKIT/ci
checks="leaks api checkpatch build"
# result DIR N SHORT SUBJECT RC... : a commit's results as run-check.sh
# leaves them; an RC of "skip" is a check that did not apply.
result() {
	d=$TRASH/$1/$(printf %04d "$2")
	mkdir -p "$d" && printf '%s\n' "$3" >"$d/short" && printf '%s\n' "$4" >"$d/subject" &&
	printf '%s\n' "$3$3$3$3" >"$d/commit" || return 1
	shift 4
	for check in $checks; do
		case $1 in
		skip) echo "a root commit" >"$d/$check.skip"; echo 0 >"$d/$check.rc" ;;
		*) echo "$1" >"$d/$check.rc" ;;
		esac
		echo 3 >"$d/$check.time"
		: >"$d/$check.first" && : >"$d/$check.out"
		shift
	done
}

# verdict NAME EXIT: summary.sh over the results NAME must exit EXIT; its
# last two lines in $TRASH/last.
verdict() {
	expect_exit "$2" "$ci/summary.sh" "$TRASH/$1" "$checks" >"$TRASH/out" &&
	tail -n 2 "$TRASH/out" >"$TRASH/last"
}

test_expect_success 'summary: every check passed or skipped is ok, exit 0' '
	result pass 1 aaaaaaa "first" skip 0 skip skip &&
	result pass 2 bbbbbbb "second" 0 0 0 0 &&
	"$ci/summary.sh" "$TRASH/pass" "$checks" >"$TRASH/out" &&
	cat >"$TRASH/expect" <<-\EOT &&
	#
	#       commit       leaks      api        checkpatch build      subject
	#    1  aaaaaaa      skip       ok         skip       skip       first
	#    2  bbbbbbb      ok         ok         ok         ok         second
	#
	# make ci: 2 commit(s): 5 check(s) passed, 0 failed, 0 could not run, 3 skipped
	# make ci: ok
	EOT
	test_cmp "$TRASH/expect" "$TRASH/out"
'

test_expect_success 'summary: the first failing commit and its first error are named, exit 1' '
	result fail 1 aaaaaaa "good" 0 0 0 0 &&
	result fail 2 bbbbbbb "breaks it" 0 0 0 1 &&
	echo "lib/x.c:3:5: error: boom" >"$TRASH/fail/0002/build.first" &&
	result fail 3 ccccccc "style" 0 0 1 0 &&
	verdict fail 1 &&
	cat >"$TRASH/expect" <<-\EOT &&
	# make ci: 3 commit(s): 10 check(s) passed, 2 failed, 0 could not run, 0 skipped
	# make ci: FAILED: first failing commit 2/3 bbbbbbb "breaks it": build: lib/x.c:3:5: error: boom
	EOT
	test_cmp "$TRASH/expect" "$TRASH/last"
'

test_expect_success 'summary: a check that could not run is an environment error, exit 2' '
	result env 1 aaaaaaa "one" 0 2 0 0 &&
	echo "scan.sh: error: cscan not built" >"$TRASH/env/0001/api.first" &&
	expect_exit 2 "$ci/summary.sh" "$TRASH/env" "$checks" >"$TRASH/out" &&
	tail -n 1 "$TRASH/out" | grep -x "# make ci: ERROR: a check could not run; first at commit 1/1 aaaaaaa \"one\": api: scan.sh: error: cscan not built"
'

test_expect_success 'summary: a failure and a check that could not run: both named, exit 2' '
	result both 1 aaaaaaa "builds not" 0 0 0 1 &&
	echo "x.c:1:1: error: e" >"$TRASH/both/0001/build.first" &&
	result both 2 bbbbbbb "scans not" 0 2 0 0 &&
	echo "scan.sh: error: no cscan" >"$TRASH/both/0002/api.first" &&
	verdict both 2 &&
	cat >"$TRASH/expect" <<-\EOT &&
	# make ci: FAILED: first failing commit 1/2 aaaaaaa "builds not": build: x.c:1:1: error: e
	# make ci: ERROR: a check could not run; first at commit 2/2 bbbbbbb "scans not": api: scan.sh: error: no cscan
	EOT
	test_cmp "$TRASH/expect" "$TRASH/last"
'

test_expect_success 'a TAP point: "#" escaped, backslashes kept, findings as comments' '
	result tap 1 aaaaaaa "fix: a\\n # TODO \\c" 0 0 skip 1 &&
	printf "x.c:1:1: error: e\n  x.c:1:1: error: e\nnoise\n" >"$TRASH/tap/0001/build.out" &&
	(. "$TOOLKIT/ci/ci-result.sh" && for c in $checks; do tap_point 7 "$TRASH/tap/0001" "$c"; done) >"$TRASH/out" &&
	cat >"$TRASH/expect" <<-EOT &&
	ok 7 - aaaaaaa fix: a\\n \\# TODO \\c: leaks
	ok 7 - aaaaaaa fix: a\\n \\# TODO \\c: api
	ok 7 - aaaaaaa fix: a\\n \\# TODO \\c: checkpatch # SKIP a root commit
	not ok 7 - aaaaaaa fix: a\\n \\# TODO \\c: build
	# x.c:1:1: error: e
	# full output: $TRASH/tap/0001/build.out
	EOT
	test_cmp "$TRASH/expect" "$TRASH/out"
'

test_expect_success 'junit: valid XML, a suite per commit, a case per check, markup escaped' '
	result junit 1 aaaaaaa "mm: a <b> & \"c\" '\''d'\''" 0 1 skip 2 &&
	printf "x.c:1:2: error: <oops> & more\nnoise\n" >"$TRASH/junit/0001/api.out" &&
	echo "x.c:1:2: error: <oops> & more" >"$TRASH/junit/0001/api.first" &&
	echo "build.sh: error: no gcc" >"$TRASH/junit/0001/build.out" &&
	result junit 2 bbbbbbb "second" 0 0 0 0 &&
	"$ci/junit.sh" "$TRASH/junit" "$checks" >"$TRASH/junit.xml" &&
	xmllint --noout "$TRASH/junit.xml" &&
	test "$(xmllint --xpath "count(//testsuite)" "$TRASH/junit.xml")" -eq 2 &&
	test "$(xmllint --xpath "count(//testcase)" "$TRASH/junit.xml")" -eq 8 &&
	test "$(xmllint --xpath "string(/testsuites/@failures)" "$TRASH/junit.xml")" -eq 1 &&
	test "$(xmllint --xpath "string(/testsuites/@errors)" "$TRASH/junit.xml")" -eq 1 &&
	test "$(xmllint --xpath "string(/testsuites/@skipped)" "$TRASH/junit.xml")" -eq 1 &&
	test "$(xmllint --xpath "string(/testsuites/@time)" "$TRASH/junit.xml")" -eq 24 &&
	test "$(xmllint --xpath "string(//testsuite[1]/@name)" "$TRASH/junit.xml")" = "aaaaaaa mm: a <b> & \"c\" '\''d'\''" &&
	test "$(xmllint --xpath "string(//testcase[@name=\"api\"][1]/failure/@message)" "$TRASH/junit.xml")" = "x.c:1:2: error: <oops> & more" &&
	test "$(xmllint --xpath "string(//testcase[@name=\"api\"][1]/failure)" "$TRASH/junit.xml")" = "x.c:1:2: error: <oops> & more" &&
	test "$(xmllint --xpath "string(//testsuite[1]/testcase[@name=\"build\"]/error)" "$TRASH/junit.xml")" = "build.sh: error: no gcc" &&
	test "$(xmllint --xpath "count(//testsuite[2]//failure | //testsuite[2]//error)" "$TRASH/junit.xml")" -eq 0
'

# A small repository: main has m1, m2; the branch topic forks at m1.
repo=$TRASH/repo
git init -q -b main "$repo" &&
commit() { git -C "$repo" -c user.name=t -c user.email=t@t commit -q --allow-empty -m "$1"; } &&
commit m1 && commit m2 && git -C "$repo" checkout -q -b topic HEAD~1 && commit t1 && commit t2
rev() { git -C "$repo" rev-parse "$1"; }

test_expect_success 'push-range: a push to an existing branch is BEFORE..AFTER' '
	test "$("$ci/push-range.sh" "$repo" "$(rev topic~1)" "$(rev topic)" main)" = "$(rev topic~1)..$(rev topic)"
'

test_expect_success 'push-range: a new branch (all zeros, or nothing) is what the default branch lacks' '
	test "$("$ci/push-range.sh" "$repo" 0000000000000000000000000000000000000000 "$(rev topic)" main)" = "$(rev main~1)..$(rev topic)" &&
	test "$("$ci/push-range.sh" "$repo" "" "$(rev topic)" main)" = "$(rev main~1)..$(rev topic)"
'

test_expect_success 'push-range: a BEFORE the clone lacks (a force-push) is what the default branch lacks' '
	"$ci/push-range.sh" "$repo" 1234567890123456789012345678901234567890 "$(rev topic)" main >"$TRASH/out" 2>"$TRASH/err" &&
	test "$(cat "$TRASH/out")" = "$(rev main~1)..$(rev topic)" &&
	grep -x "push-range.sh: warning: BEFORE=1234567890123456789012345678901234567890 is not in $repo (a force-push?); checking what main lacks" "$TRASH/err"
'

test_expect_success 'push-range: an AFTER the clone lacks: exit 2, fetch it' '
	expect_exit 2 "$ci/push-range.sh" "$repo" "" 1234567890123456789012345678901234567890 main 2>"$TRASH/err" &&
	grep -x "push-range.sh: error: AFTER=1234567890123456789012345678901234567890 is not a commit of $repo; fetch it first" "$TRASH/err"
'

# A root commit, from a history of its own: nothing to build or to
# checkpatch against, skipped; leaks and api run. A tiny tree shaped like a
# kernel's, and the scanner make test builds.
tiny=$TRASH/tiny
mkdir -p "$tiny/mm" "$tiny/include/linux" &&
echo "all:" >"$tiny/Makefile" && echo "#define ALLOC_FOO 1" >"$tiny/mm/internal.h" &&
echo "int f(void);" >"$tiny/include/linux/gfp.h" &&
git -C "$tiny" init -q -b main && git -C "$tiny" add -A &&
git -C "$tiny" -c user.name=t -c user.email=t@t commit -q -m base &&
git -C "$tiny" checkout -q --orphan other && echo "int g;" >"$tiny/mm/x.c" && git -C "$tiny" add -A &&
git -C "$tiny" -c user.name=t -c user.email=t@t commit -q -m "a root" &&
git -C "$tiny" checkout -q main || exit 1
test_expect_success TOOLS 'ci.sh on a root commit: leaks and api run, checkpatch and build are skipped' '
	mkdir -p "$TRASH/o" && ln -sfn "$O/bin" "$TRASH/o/bin" &&
	env KDIR="$tiny" O="$TRASH/o" RANGE=main..other "$ci/ci.sh" >"$TRASH/out" 2>"$TRASH/err" &&
	r=$(git -C "$tiny" rev-parse --short other) &&
	cat >"$TRASH/expect" <<-EOT &&
	TAP version 13
	1..4
	ok 1 - $r a root: leaks
	ok 2 - $r a root: api
	ok 3 - $r a root: checkpatch # SKIP a root commit: no patch to check
	ok 4 - $r a root: build # SKIP a root commit: no parent to build against
	EOT
	grep -v "^#" "$TRASH/out" >"$TRASH/points" &&
	test_cmp "$TRASH/expect" "$TRASH/points" &&
	tail -n 1 "$TRASH/out" | grep -x "# make ci: ok"
'

test_expect_success TOOLS 'an O an earlier version used: its own ci worktree removed, named, forgotten by KDIR' '
	mkdir -p "$TRASH/o2/ci/tiny" && ln -sfn "$O/bin" "$TRASH/o2/bin" &&
	git -C "$tiny" worktree add -q --detach "$TRASH/o2/ci/tiny/scan" main &&
	env KDIR="$tiny" O="$TRASH/o2" RANGE=main..other "$ci/ci.sh" >"$TRASH/out2" 2>"$TRASH/err2" &&
	test ! -e "$TRASH/o2/ci/tiny/scan" &&
	grep -x "ci.sh: removing $TRASH/o2/ci/tiny/scan, a worktree of an earlier version of the toolkit" "$TRASH/err2" &&
	git -C "$tiny" worktree list --porcelain | sed -n "s/^worktree //p" | sort >"$TRASH/worktrees" &&
	printf "%s\n" "$tiny" "$TRASH/o/check/tiny/tree" "$TRASH/o/scratch" \
		"$TRASH/o2/check/tiny/tree" "$TRASH/o2/scratch" | sort >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/worktrees"
'

test_expect_success TOOLS 'another KDIR on that O: refused before any TAP, naming the scratch worktree' '
	git clone -q "$tiny" "$TRASH/tiny2" &&
	git -C "$TRASH/tiny2" branch -q other origin/other &&
	expect_exit 2 env KDIR="$TRASH/tiny2" O="$TRASH/o" RANGE=main..other "$ci/ci.sh" >"$TRASH/out3" 2>"$TRASH/err3" &&
	test_cmp /dev/null "$TRASH/out3" &&
	tail -n 1 "$TRASH/err3" >"$TRASH/last" &&
	echo "ci.sh: error: $TRASH/o/scratch is a worktree of another repository than KDIR=$TRASH/tiny2; remove it or pass another O=" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/last"
'

# The configs run make ci through the toolkit's own entry points only.
test_expect_success 'the GitHub Actions workflow installs the dependencies and runs make ci on the pushed range' '
	f=$ci/github-actions.yml &&
	grep -q "^on:$" "$f" && grep -q "^  push:$" "$f" && grep -q "^  pull_request:$" "$f" &&
	grep -q "make -C toolkit tools O=\"\$PWD/api-migrate-out\"$" "$f" &&
	grep -q "toolkit/ci/push-range.sh \"\$KDIR\" \"\${{ github.event.before }}\" \"\${{ github.sha }}\"" "$f" &&
	grep -q "make -C toolkit ci KDIR=\"\$KDIR\" O=\"\$PWD/api-migrate-out\" RANGE=\"\$range\"$" "$f" &&
	grep -q "fetch-depth: 0$" "$f" &&
	grep -q "path: api-migrate-out/ci/junit.xml$" "$f" &&
	! grep -n "github.workspace" "$f" &&
	! grep -n "	" "$f"
'

test_expect_success 'the GitLab CI job installs the dependencies, runs make ci and reports the JUnit XML' '
	f=$ci/gitlab-ci.yml &&
	grep -q "^    - make -C /tmp/toolkit tools O=\"\$O\"$" "$f" &&
	grep -q "push-range.sh \"\$KDIR\" \"\$CI_COMMIT_BEFORE_SHA\" \"\$CI_COMMIT_SHA\" FETCH_HEAD" "$f" &&
	grep -q "make -C /tmp/toolkit ci KDIR=\"\$KDIR\" O=\"\$O\" RANGE=\"\$range\" || rc=\$?$" "$f" &&
	grep -q "GIT_DEPTH: 0$" "$f" &&
	grep -q "junit: api-migrate-junit.xml$" "$f" &&
	! grep -n "	" "$f"
'

test_expect_success 'the configs name only targets the Makefile has' '
	for t in $(sed -n "s/.*make -C [^ ]* \([a-z-]*\).*/\1/p" "$ci/github-actions.yml" "$ci/gitlab-ci.yml" | sort -u); do
		make -C "$TOOLKIT" -n "$t" KDIR=/nonexistent >/dev/null 2>&1 || { echo "no target $t"; exit 1; }
	done
'

test_done
