# shellcheck shell=sh
# Minimal TAP helpers for the test scripts, in the spirit of git's t/test-lib.sh.
#
#   . "$(dirname "$0")/lib/tap.sh"
#   test_expect_success 'name' '
#   	commands that must all succeed
#   '
#   test_done
#
# Each test body runs in a subshell with "set -e" semantics through &&-chains;
# its output is shown as TAP diagnostics when it fails, or always with V=1.

set -u
TEST_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
TOOLKIT=$(dirname "$TEST_DIR")
: "${O:=$TOOLKIT/out}"
# The kernel tree of the real-tree tests: build/linux-$TEST_KVER when the
# script sets TEST_KVER (6.12 or 6.1, for what differs between versions),
# else the default tree make kernel provisions (build/kver: Linux 7.2).
# The target that provisions it, for the skip message.
KERNEL_TARGET=kernel${TEST_KVER:+-$TEST_KVER}
: "${TEST_KVER:=$(cat "$TOOLKIT/build/kver" 2>/dev/null)}"
KDIR_DEFAULT=$TOOLKIT/build/linux-$TEST_KVER
TEST_NAME=$(basename "$0" .t)
TRASH=$O/test/$TEST_NAME
rm -rf "$TRASH" && mkdir -p "$TRASH" || exit 1
export TOOLKIT O TRASH

test_count=0
test_failed=0

# test_expect_success [PREREQ[,PREREQ...]] NAME BODY: BODY must succeed.
# Without every PREREQ (see test_prereq) it is skipped, with the reason.
# Before it runs, its &&-chain is linted as git's chain-lint does: the
# body, run after a command that fails with 117, must fail with 117, which
# it does only when every command is linked by && (a broken link lets a
# failed command pass unseen). A broken chain is the test's failure.
test_expect_success() {
	_missing=
	if [ $# -eq 3 ]; then
		_missing=$(test_prereq "$1")
		case $? in
		0) _missing= ;;
		1) test_skip "$2" "$_missing"; return 0 ;;
		esac
		shift
	fi
	test_count=$((test_count + 1))
	log=$TRASH/.log.$test_count
	started_at=$(date +%s)
	if [ -n "$_missing" ]; then
		echo "$_missing" >"$log"
		test_reported_failure "$1"
	elif ! test_chain_lint "$2"; then
		echo "test body has a broken &&-chain (a line without && before the next): $2" >"$log"
		test_reported_failure "$1"
	elif (eval "$2") >"$log" 2>&1; then
		echo "ok $test_count - $1"
		# Shown by prove -v: where a long test spends its time.
		echo "# $(($(date +%s) - started_at)) s"
		[ "${V:-0}" = 1 ] && sed 's/^/# /' "$log"
	else
		test_reported_failure "$1"
	fi
	return 0
}

# test_chain_lint BODY: BODY's commands are all linked by && (or BODY is
# one command). The lint's 117 short-circuits an intact chain, so nothing
# of BODY runs; a command after a broken link runs, with its output
# discarded.
test_chain_lint() {
	[ "$( (eval "(exit 117) && $1
echo \"chain \$?\" >&3") 3>&1 >/dev/null 2>&1)" = "chain 117" ]
}

# test_reported_failure NAME: "not ok", the log shown and kept for make
# test's summary.
test_reported_failure() {
	echo "not ok $test_count - $1"
	sed 's/^/# /' "$log" >&2
	# make test prints these again after prove's summary.
	{
		echo "$TEST_NAME: not ok $test_count - $1 (last lines; all: $log)"
		tail -n 40 "$log" | sed 's/^/# /'
	} >>"$O/test/failures.log"
	test_failed=$((test_failed + 1))
}

# test_prereq PREREQ[,PREREQ...]: every PREREQ holds here; else prints
# the first missing one's reason and fails (2: a PREREQ no function
# defines). A PREREQ is a function prereq_NAME that prints why it does not
# hold, git's test prerequisites:
#   KERNEL  the script's kernel tree is provisioned (and KERNEL_TESTS is
#           not 0, as in make test-quick)
#   TOOLS   the toolkit's programs are built in $O/bin (make tools)
#   ROOT    the tests run as root
#   CLANG   clang is installed
test_prereq() {
	for _p in $(echo "$1" | tr ',' ' '); do
		command -v "prereq_$_p" >/dev/null 2>&1 || { echo "unknown prerequisite $_p"; return 2; }
		"prereq_$_p" || return 1
	done
}

prereq_KERNEL() {
	[ "${KERNEL_TESTS:-1}" != 0 ] || { echo "KERNEL_TESTS=0"; return 1; }
	[ -d "$KDIR_DEFAULT/.git" ] || { echo "no kernel tree at $KDIR_DEFAULT (make $KERNEL_TARGET)"; return 1; }
}

prereq_TOOLS() {
	for _t in cscan cmove; do
		[ -x "$O/bin/$_t" ] || { echo "$O/bin/$_t not built (make tools)"; return 1; }
	done
}

prereq_ROOT() {
	[ "$(id -u)" = 0 ] || { echo "not root"; return 1; }
}

prereq_CLANG() {
	command -v clang >/dev/null 2>&1 || { echo "clang not installed (make deps)"; return 1; }
}

# test_require PREREQ[,PREREQ...]: the whole script is skipped, with the
# reason, without every PREREQ. Call it at the top level.
test_require() {
	_missing=$(test_prereq "$1")
	case $? in
	0) ;;
	1) test_skip_all "$_missing" ;;
	*) echo "Bail out! $_missing"; exit 1 ;;
	esac
}

# test_skip NAME REASON: one test that does not apply here (git's missing
# prerequisite), counted and shown as TAP's "ok N - NAME # skip REASON".
test_skip() {
	test_count=$((test_count + 1))
	echo "ok $test_count - $1 # skip $2"
}

# test_skip_all REASON: the whole script does not apply here.
test_skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}

# toolkit_copy DIR: the toolkit's tracked files copied into DIR (links as
# links), a toolkit to change without touching the one under test.
toolkit_copy() {
	mkdir -p "$1" && (cd "$TOOLKIT" && git ls-files -z | xargs -0 cp -P --parents -t "$1")
}

# fixture_migration TOOLKIT_COPY NAME: an empty migration NAME there (its
# cocci/ and drivers-migrated/ directories and a cover.txt); prints its
# cocci/ directory.
fixture_migration() {
	mkdir -p "$1/cocci/$2" "$1/drivers-migrated/$2" &&
	printf 'A test\n\nOf %s.\n' "$2" >"$1/cocci/$2/cover.txt" &&
	echo "$1/cocci/$2"
}

# commit_all DIR SUBJECT: every change in the git tree DIR committed, by a
# fixed author at a fixed date, so that hashes are the same every run.
commit_all() {
	git -C "$1" add -A &&
	GIT_AUTHOR_DATE=2024-01-01T00:00:00Z GIT_COMMITTER_DATE=2024-01-01T00:00:00Z \
		git -C "$1" -c user.name=t -c user.email=t@t commit -qm "$2"
}

# tiny_kernel DIR: a git tree of our own shaped as check.sh wants a kernel
# (a Makefile, mm/ with an internal.h, include/linux/), one commit.
tiny_kernel() {
	mkdir -p "$1/mm" "$1/include/linux" &&
	echo all: >"$1/Makefile" &&
	echo "int x;" >"$1/mm/a.c" &&
	echo "#define ALLOC_X 1" >"$1/mm/internal.h" &&
	echo "int z;" >"$1/include/linux/z.h" &&
	git init -q "$1" && commit_all "$1" root >/dev/null
}

# test_cmp EXPECTED ACTUAL: files must be identical; shows the diff otherwise.
test_cmp() {
	diff -u "$1" "$2"
}

# expect_exit CODE CMD...: CMD must exit with exactly CODE.
expect_exit() {
	want=$1
	shift
	set +e
	"$@"
	got=$?
	set -e
	[ "$got" -eq "$want" ] && return 0
	echo "expected exit $want, got $got: $*" >&2
	return 1
}

# kernel_tree: the shared provisioned tree (an error when missing).
kernel_tree() {
	[ -d "$KDIR_DEFAULT/.git" ] || { echo "no kernel tree at $KDIR_DEFAULT" >&2; return 1; }
	echo "$KDIR_DEFAULT"
}

# build_changed TREE BASE OBJDIR: the .c files changed between BASE and
# TREE's HEAD that x86_64 allmodconfig builds (check/covered.sh), built in
# OBJDIR (check/build.sh; the configuration is made once and kept). Their
# objects are left in $TRASH/objects, the build's output in $TRASH/build.
# shellcheck disable=SC2046
build_changed() {
	"$TOOLKIT/check/build.sh" "$1" "$3" >"$TRASH/config" 2>&1 &&
	"$TOOLKIT/check/covered.sh" "$1" "$3" x86_64 \
		$(git -C "$1" diff --name-only "$2" HEAD -- "*.c") |
		sed -n "s/^[^:]*: built: \(.*\)\.c\$/\1.o/p" | sort -u >"$TRASH/objects" &&
	test -s "$TRASH/objects" &&
	"$TOOLKIT/check/build.sh" "$1" "$3" $(cat "$TRASH/objects") >"$TRASH/build" 2>&1 &&
	grep -q "^build: ok: " "$TRASH/build"
}

# The real-tree tests share one scratch clone of the provisioned tree and
# one O beside it (a kernel checkout and a build directory each take about
# 2 GB, and making them takes minutes), so prove runs them one at a time.
. "$TEST_DIR/lib/scratch-clone.sh"

# isolate_git_config: git reads no configuration of the machine or the
# user, only the repositories' own. Call it at the top level.
isolate_git_config() {
	: >"$TRASH/gitconfig"
	GIT_CONFIG_GLOBAL=$TRASH/gitconfig GIT_CONFIG_NOSYSTEM=1
	export GIT_CONFIG_GLOBAL GIT_CONFIG_NOSYSTEM
}
