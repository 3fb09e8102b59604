#!/bin/sh
# make check: the leak and api checks and the allmodconfig build of REV,
# its warnings compared with BASE's, in a git worktree of KDIR under
# $O/check/ (KDIR's checkout is never touched; the worktree and the build
# directories are kept between runs).
#
# Environment: KDIR, O, J, V, CC, FULL=1 (build the whole tree, not only the
# affected objects), MIGRATION, REV (default: the head of the series branch
# $BRANCH, api-migrate/MIGRATION, when it exists, else KDIR's HEAD), BASE (default:
# for the series branch, its merge-base with KDIR's HEAD, else REV's parent).
#
# What is built (check/affected.sh): the changed .c and .S files, the
# directories the spec's build: lines name for what changed, and every .c file that references a
# declaration the change touched; for x86_64 allmodconfig, and for another
# architecture's files with that architecture's allmodconfig, built with its
# Debian cross compiler (check/cross.sh), installed when missing
# (scripts/deps.sh cross-ARCH). A changed compile unit that no build covers
# (an architecture Debian has no cross compiler for, an option allmodconfig
# leaves off) is named in the summary; when objects fail, the changed files
# they all include are named first (check/causes.sh).
#
# Exit: 0 clean; 1 leaks, api errors, a failed object or a new warning;
# 2 usage or environment errors. The summary at the end says which.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$TOOLKIT/scripts/lib/spec.sh"

absolute_o
require_kdir "${KDIR:-}"
require_cmd git git
lock_runs check
require_kbuild_path "$KDIR"
check=$TOOLKIT/check
short() { git -C "$KDIR" rev-parse --short "$1"; }

# REV and BASE, as full hashes.
spec_load
branch=$(series_branch)
series=0
if [ -n "${REV:-}" ]; then
	rev=$(git -C "$KDIR" rev-parse --verify -q "$REV^{commit}") ||
		die "REV=$REV is not a commit of KDIR=$KDIR"
	case $REV in "$branch" | "refs/heads/$branch") series=1 ;; esac
elif rev=$(git -C "$KDIR" rev-parse --verify -q "refs/heads/$branch^{commit}"); then
	series=1
else
	rev=$(git -C "$KDIR" rev-parse --verify HEAD) || die "KDIR=$KDIR has no HEAD"
fi
if [ -n "${BASE:-}" ]; then
	base=$(git -C "$KDIR" rev-parse --verify -q "$BASE^{commit}") ||
		die "BASE=$BASE is not a commit of KDIR=$KDIR"
elif [ $series = 1 ]; then
	base=$(git -C "$KDIR" merge-base "$rev" HEAD) ||
		die "the series branch $branch shares no history with KDIR's HEAD; pass BASE=<commit>"
else
	hint=
	[ -n "${REV:-}" ] || hint=", or make the series branch $branch with 'make series'"
	base=$(git -C "$KDIR" rev-parse --verify -q "$rev^") ||
		die "cannot tell BASE: REV $(short "$rev") is a root commit; pass BASE=<commit>$hint"
fi
[ "$base" != "$rev" ] ||
	die "BASE and REV are the same commit $(short "$rev"); pass BASE=<commit> or REV=<commit>"

# The worktree, one per KDIR, kept at REV between runs.
id=$(basename "$KDIR")
top=$O/check/$id
tree=$top/tree
kbuild=$O/check/kbuild/$id
worktree_at "$tree" "$rev"
info "REV $(short "$rev") against BASE $(short "$base") in $tree" >&2

# Leaks and api on REV's tree.
"$check/scan.sh" leaks "$tree" >"$top/leaks.out" 2>&1
leaks=$?
"$check/scan.sh" api "$tree" >"$top/api.out" 2>&1
api=$?
cat "$top/leaks.out" "$top/api.out"
[ $leaks -le 1 ] && [ $api -le 1 ] || die "the leak or api check could not run (see above)"

# The builds of what the change affects, at BASE and at REV.
"$check/builds.sh" "$tree" "$kbuild" "$O/check/cache" "$base" "$rev" "$top/builds"
[ $? -le 1 ] || exit 2

# The summary table: one row per check, then the verdict naming the kinds
# of failure.
failures=
failed() { failures="$failures${failures:+,} $1"; }
findings() { grep '^[^: ]*:[0-9]*:[0-9]*: error: ' "$1"; }
errfiles() { findings "$1" | sed 's/:.*//' | sort -u | tr '\n' ' ' | sed 's/ $//'; }
echo
echo "make check: REV $(short "$rev") against BASE $(short "$base")"
for c in leaks api; do
	rc=$leaks
	[ "$c" = leaks ] || rc=$api
	if [ "$rc" -eq 0 ]; then
		summary_row "$c" ok
	else
		summary_row "$c" "FAILED: $(findings "$top/$c.out" | wc -l) error(s) in $(errfiles "$top/$c.out")"
		failed "$c"
	fi
done
cat "$top/builds/summary"
while read -r kind; do failed "$kind"; done <"$top/builds/failures"
if [ -n "$failures" ]; then
	echo "make check: FAILED:$failures"
	exit 1
fi
echo "make check: ok"
