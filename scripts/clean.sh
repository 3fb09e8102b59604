#!/bin/sh
# make clean: remove O, not while a run uses it, and let the repositories
# whose worktrees O held forget them (git worktree prune), so that no
# prunable entry is left in KDIR.
#
#   clean.sh
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"

[ $# -eq 0 ] || die "usage: $prog (takes O from the environment)"
[ -d "${O:?}" ] || exit 0
KDIR=
lock_runs clean
# Each worktree's .git file names its entry in the repository it belongs to.
repos=$(find "$O" -maxdepth 4 -name .git -type f | while IFS= read -r g; do worktree_repo "$g"; done |
	sort -u)
# Each worktree is a kernel checkout (tens of thousands of files): say what
# takes the time.
n=$(find "$O" -maxdepth 4 -name .git -type f | wc -l)
[ "$n" -eq 0 ] || info "removing O=$O: $n kernel worktree(s) and their build directories"
# Moved aside first, under the lock: a run that starts meanwhile makes a
# new O of its own instead of losing it to this rm.
gone=$O.removing.$$
mv "$O" "$gone" && rm -rf "$gone" || die "cannot remove O=$O"
printf '%s\n' "$repos" | while IFS= read -r repo; do
	[ -z "$repo" ] || [ ! -d "$repo" ] || git --git-dir="$repo" worktree prune
done
exit 0
