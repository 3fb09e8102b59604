#!/bin/sh
# make ci: make check's checks on every commit of RANGE, oldest first, so
# that a series is known to build and to pass at each of its commits.
#
# Environment: KDIR, O, J, V, CC, RANGE (A..B: the commits after A up to B;
# default: the series branch $BRANCH, api-migrate/MIGRATION, from its
# merge-base with KDIR's HEAD), BRANCH.
#
# For each commit, make check's checks (check/plugins.sh: a folder each
# under check/), run at once by GNU parallel (check/run-check.sh):
# today leaks and api (the C scanner on the commit's tree; the errors it
# adds to its parent's fail), checkpatch (the tree's scripts/checkpatch.pl
# on the commit's format-patch; a warning fails too), and build
# (check/builds.sh: the objects the commit affects, built at it, their
# warnings compared with its parent's). The commit's tree is O's scratch
# worktree, $O/scratch, which make apply and make series use too; the
# builds happen in make check's worktree and build directories under
# $O/check/, so Kbuild only recompiles what each commit changed. KDIR's
# checkout is never touched.
#
# Prints TAP on stdout, one test point per commit and check named by the
# short hash and the subject, then a summary table as TAP comments; writes
# JUnit XML to $O/ci/junit.xml. Every commit is checked, whatever fails.
# Exit: 0 every check passed; 1 a check failed (the last line names the
# first failing commit and its first error); 2 usage or environment errors,
# a check that could not run included.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=check/lib.sh
. "$(dirname "$0")/../check/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$TOOLKIT/scripts/lib/spec.sh"
# shellcheck source=ci/ci-result.sh
. "$(dirname "$0")/ci-result.sh"
# shellcheck source=scripts/lib/b4.sh
. "$TOOLKIT/scripts/lib/b4.sh"
# shellcheck source=check/plugins.sh
. "$TOOLKIT/check/plugins.sh"

absolute_o
require_kdir "${KDIR:-}"
require_cmd git git
require_cmd parallel parallel
lock_runs ci
require_kbuild_path "$KDIR"
checks=$(check_names)
git_k() { git -C "$KDIR" "$@"; }

# RANGE: A..B, two dots; either end may be any commit-ish.
spec_load
branch=$(series_branch)
if [ -z "${RANGE:-}" ]; then
	head=$(git_k rev-parse --verify -q "refs/heads/$branch^{commit}") ||
		die "RANGE is not set and there is no series branch $branch; pass RANGE=A..B (the commits after A up to B)"
	RANGE=$(git_k merge-base "$head" HEAD)..$head ||
		die "the series branch $branch shares no history with KDIR's HEAD; pass RANGE=A..B"
fi
case $RANGE in
*...*) die "RANGE=$RANGE is a symmetric difference; pass RANGE=A..B, with two dots" ;;
*..*) ;;
*) die "RANGE=$RANGE is not of the form A..B; pass RANGE=A..B, the commits after A up to B" ;;
esac
for end in "${RANGE%%..*}" "${RANGE#*..}"; do
	[ -z "$end" ] || git_k rev-parse --verify -q "$end^{commit}" >/dev/null ||
		die "RANGE=$RANGE: '$end' is not a commit of KDIR=$KDIR"
done

id=$(basename "$KDIR")
top=$O/ci/$id
# The commits' trees: O's scratch worktree, as for make apply and series.
scan=$O/scratch
scans=$top/scans
rm -rf "$top/commits" "$scans" && mkdir -p "$top/commits" "$scans" ||
	die "cannot create $top/commits"
git_k rev-list --reverse --topo-order "$RANGE" >"$top/all" || die "git rev-list $RANGE failed in KDIR=$KDIR"
# b4's cover-letter commit (make series' branch starts with one) changes
# nothing: it is left out.
while read -r c; do
	if [ "$(git_k rev-parse "$c^{tree}")" = "$(git_k rev-parse -q --verify "$c^^{tree}")" ] &&
		git_k log -1 --format=%B "$c" | grep -qxF -- "$b4_marker"; then
		info "$(git_k log -1 --format='%h "%s"' "$c"): b4's cover letter, not checked" >&2
		continue
	fi
	echo "$c"
done <"$top/all" >"$top/list"
total=$(wc -l <"$top/list")
if [ "$total" -eq 0 ]; then
	# Nothing new (a pipeline for a push of no new commit): nothing fails.
	warn "RANGE=$RANGE has no commits; nothing to check (B is an ancestor of A)"
	printf 'TAP version 13\n1..0 # SKIP RANGE=%s has no commits\n' "$RANGE"
	mkdir -p "$O/ci" && "$TOOLKIT/ci/junit.sh" "$top/commits" "$checks" >"$O/ci/junit.xml" ||
		die "cannot write $O/ci/junit.xml"
	exit 0
fi
info "$total commit(s) of $RANGE, $checks each" >&2
# The build worktree is make check's: made when missing, else left at the
# commit it holds, so that Kbuild sees only what the next checkout changes.
build=$O/check/$id/tree
first=$(head -n 1 "$top/list")
if [ -e "$build/.git" ]; then
	worktree_at "$build" "$(git -C "$build" rev-parse HEAD)"
else
	worktree_at "$build" "$first"
fi
# The scratch worktree at the first commit's parent, the first tree the
# checks read: refused here, before any TAP, when it is another KDIR's.
at=$(git_k rev-parse --verify -q "$first^") || at=$first
scratch_worktree "$at"
rm -f "$O/ci/junit.xml"
export CHECK_MODE=commit CHECK_SCANS="$scans" CHECK_BUILD_TREE="$build" CHECK_KBUILD="$O/check/kbuild/$id" CHECK_CACHE="$O/check/cache"

# scanned COMMIT: the findings of COMMIT's tree (a parent outside the
# range) in $scans, by each check that compares with its parent's tree
# ("Parent-tree: yes", listed once), for the checks of its child.
check_list Parent-tree >"$top/parent-checks"
scanned() {
	[ -n "$1" ] || return 0
	while read -r name folder; do
		[ -f "$scans/$1.$name" ] && continue
		[ "$(git -C "$scan" rev-parse HEAD 2>/dev/null)" = "$1" ] || scratch_worktree "$1"
		mkdir -p "$top/parent/$name" || die "cannot create $top/parent/$name"
		CHECK_NAME=$name CHECK_MODE=head "$TOOLKIT/check/$folder/run" "$scan" "" "$1" "$top/parent/$name" \
			>"$scans/$1.$name" 2>&1 </dev/null
		[ $? -le 1 ] || { cat "$scans/$1.$name" >&2; die "the $name check could not run on $1"; }
	done <"$top/parent-checks"
}

echo "TAP version 13"
echo "1..$((total * $(echo "$checks" | wc -w)))"
n=0
point=0
while read -r commit; do
	n=$((n + 1))
	dir=$(printf '%s/commits/%04d' "$top" "$n")
	mkdir -p "$dir" || die "cannot create $dir"
	git_k log -1 --format=%h "$commit" >"$dir/short"
	git_k log -1 --format=%s "$commit" >"$dir/subject"
	echo "$commit" >"$dir/commit"
	name="$(cat "$dir/short") $(cat "$dir/subject")"
	printf '%s: [%d/%d] %s\n' "$prog" "$n" "$total" "$name" >&2
	parent=$(git_k rev-parse --verify -q "$commit^") || parent=
	scanned "$parent"
	scratch_worktree "$commit"
	# A job per check, whatever J is: the build uses J compile jobs itself.
	# -q keeps an empty PARENT (a root commit) an argument of its own.
	# shellcheck disable=SC2086
	parallel -q -j 0 "$TOOLKIT/check/run-check.sh" {} "$scan" "$parent" "$commit" "$dir" ::: $checks </dev/null ||
		die "GNU parallel could not run the checks of $name"
	for check in $checks; do
		point=$((point + 1))
		tap_point "$point" "$dir" "$check"
	done
done <"$top/list"

"$TOOLKIT/ci/summary.sh" "$top/commits" "$checks"
rc=$?
"$TOOLKIT/ci/junit.sh" "$top/commits" "$checks" >"$O/ci/junit.xml.tmp" &&
	mv "$O/ci/junit.xml.tmp" "$O/ci/junit.xml" || die "cannot write $O/ci/junit.xml"
info "JUnit XML: $O/ci/junit.xml" >&2
exit $rc
