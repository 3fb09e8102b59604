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
TEST_DIR=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
TOOLKIT=$(dirname "$TEST_DIR")
: "${O:=$TOOLKIT/out}"
# The kernel tree of the real-tree tests: build/linux-$TEST_KVER when the
# script sets TEST_KVER (6.12 or 6.1, for what differs between versions),
# else the default tree make kernel provisions (build/kver: Linux 7.2).
: "${TEST_KVER:=$(cat "$TOOLKIT/build/kver" 2>/dev/null)}"
KDIR_DEFAULT=$TOOLKIT/build/linux-$TEST_KVER
TEST_NAME=$(basename "$0" .t)
TRASH=$O/test/$TEST_NAME
rm -rf "$TRASH" && mkdir -p "$TRASH" || exit 1
export TOOLKIT O TRASH

test_count=0
test_failed=0

test_expect_success() {
	test_count=$((test_count + 1))
	log=$TRASH/.log.$test_count
	started_at=$(date +%s)
	if (eval "$2") >"$log" 2>&1; then
		echo "ok $test_count - $1"
		# Shown by prove -v: where a long test spends its time.
		echo "# $(($(date +%s) - started_at)) s"
		[ "${V:-0}" = 1 ] && sed 's/^/# /' "$log"
	else
		echo "not ok $test_count - $1"
		sed 's/^/# /' "$log" >&2
		# make test prints these again after prove's summary.
		{
			echo "$TEST_NAME: not ok $test_count - $1 (last lines; all: $log)"
			tail -n 40 "$log" | sed 's/^/# /'
		} >>"$O/test/failures.log"
		test_failed=$((test_failed + 1))
	fi
	return 0
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

# require_kernel_tree: skip the whole script without the shared tree,
# or with KERNEL_TESTS=0 (make test-quick). Call it at the top level.
require_kernel_tree() {
	[ "${KERNEL_TESTS:-1}" = 0 ] && test_skip_all "KERNEL_TESTS=0"
	[ -d "$KDIR_DEFAULT/.git" ] || test_skip_all "no kernel tree at $KDIR_DEFAULT (make kernel)"
	return 0
}

# kernel_tree: the shared provisioned tree (an error when missing).
kernel_tree() {
	[ -d "$KDIR_DEFAULT/.git" ] || { echo "no kernel tree at $KDIR_DEFAULT" >&2; return 1; }
	echo "$KDIR_DEFAULT"
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
