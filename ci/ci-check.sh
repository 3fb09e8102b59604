#!/bin/sh
# One check of one commit, for ci/ci.sh (which GNU parallel runs four at a
# time, one per check).
#
#   ci-check.sh CHECK COMMIT PARENT DIR
#
# CHECK: leaks, api, checkpatch or build. COMMIT is checked out in the scan
# worktree $CI_SCAN; PARENT is its first parent ("" for a root commit). The
# leak and api checks fail on the errors COMMIT adds to PARENT's, whose
# findings ci.sh left in $CI_SCANS/PARENT.CHECK (COMMIT's go beside). The
# build check builds in the worktree $CI_BUILD, in the build directories
# under $CI_KBUILD, with BASE's diagnostics cached in $CI_CACHE, as make
# check does (check/builds.sh). DIR/patch is the commit's format-patch.
#
# Leaves in DIR: CHECK.out (everything the check printed), CHECK.rc (0
# passed, 1 findings, 2 the check could not run), CHECK.first (its first
# error, one line), CHECK.skip (why it did not apply, when it did not),
# CHECK.time (seconds). Exits 0 whatever the check's result.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

[ $# -eq 4 ] || die "usage: $prog CHECK COMMIT PARENT DIR"
check=$1 commit=$2 parent=$3 dir=$4
: "${CI_SCAN:?}" "${CI_SCANS:?}" "${CI_BUILD:?}" "${CI_KBUILD:?}" "${CI_CACHE:?}"

skip() {
	printf '%s\n' "$1" >"$dir/$check.skip"
	echo 0 >"$dir/$check.rc"
	echo 0 >"$dir/$check.time"
	exit 0
}
merge=0
[ -z "$parent" ] || [ "$(git -C "$CI_SCAN" rev-list --parents -n 1 "$commit" | wc -w)" -le 2 ] || merge=1
case $check in
checkpatch)
	[ -n "$parent" ] || skip "a root commit: no patch to check"
	[ $merge = 0 ] || skip "a merge commit: no patch to check"
	;;
build)
	[ -n "$parent" ] || skip "a root commit: no parent to build against"
	;;
leaks | api) ;;
*) die "unknown check '$check'; known: leaks api checkpatch build" ;;
esac

start=$(date +%s)
case $check in
leaks | api)
	# What the commit adds to its parent's findings (ci.sh scanned the
	# parent): a series that removes a use step by step passes every step.
	"$TOOLKIT/check/scan.sh" "$check" "$CI_SCAN" >"$CI_SCANS/$commit.$check" 2>&1
	rc=$?
	if [ $rc -gt 1 ] || [ -z "$parent" ]; then
		cat "$CI_SCANS/$commit.$check"
		# Not a base for the child's check: ci.sh scans again.
		[ $rc -le 1 ] || rm -f "$CI_SCANS/$commit.$check"
		(exit $rc)
	elif ! "$TOOLKIT/check/newwarn.sh" --severity error "$CI_SCANS/$parent.$check" \
		"$CI_SCANS/$commit.$check" >"$dir/$check.new"; then
		(exit 2)
	else
		cat "$dir/$check.new"
		all=$(grep -c ':[0-9]*:[0-9]*: error: ' "$CI_SCANS/$commit.$check")
		[ -s "$dir/$check.new" ] || [ "$all" -eq 0 ] ||
			echo "$prog: $check: $all error(s) in this tree, none new: its parent has them too"
		[ ! -s "$dir/$check.new" ]
	fi ;;
checkpatch)
	"$TOOLKIT/scripts/series-checkpatch.sh" "$CI_SCAN" "$dir/patch" ;;
build)
	"$TOOLKIT/check/builds.sh" --build-tree "$CI_BUILD" \
		"$CI_SCAN" "$CI_KBUILD" "$CI_CACHE" "$parent" "$commit" "$dir/build"
	rc=$?
	cat "$dir/build/summary" 2>/dev/null
	(exit $rc) ;;
esac >"$dir/$check.out" 2>&1
rc=$?
[ $rc -le 2 ] || rc=2
echo $rc >"$dir/$check.rc"
echo $(($(date +%s) - start)) >"$dir/$check.time"

# The first error: the build's own choice, else the first compiler-style
# error (a checkpatch warning fails too), else the last line, which for a
# check that could not run says why.
: >"$dir/$check.first"
[ $rc -eq 0 ] || {
	[ "$check" = build ] && cat "$dir/build/first" 2>/dev/null
	grep -m 1 ':[0-9]*:[0-9]*: \(fatal \)\{0,1\}error: ' "$dir/$check.out"
	[ "$check" = checkpatch ] && grep -m 1 ':[0-9]*:[0-9]*: warning: ' "$dir/$check.out"
	tail -n 1 "$dir/$check.out"
} 2>/dev/null | head -n 1 >"$dir/$check.first"
exit 0
