# shellcheck shell=sh
# The scratch kernel of the real-tree tests (sourced by tap.sh).
#
# scratch_clone DIR: DIR, a throwaway clone of the shared kernel tree, for
# tests that commit and make branches: a clone has its own branches (a
# worktree's would land in the shared tree), and "--shared" borrows the
# objects instead of copying them. Reused across tests and runs: reset to
# the shared tree's HEAD, detached, on a clean checkout, with no branch but
# master, no tag and no ref make series keeps (refs/series-*), and no
# configuration of ours left over. Prints DIR.
scratch_clone() {
	kdir=$(kernel_tree) || return 1
	clone=$1
	head=$(git -C "$kdir" rev-parse HEAD) || return 1
	if [ -d "$clone/.git" ]; then
		git -C "$clone" checkout -q --detach -f "$head" &&
		git -C "$clone" clean -q -fdx &&
		git -C "$clone" branch -f master "$head" &&
		git -C "$clone" for-each-ref --format='%(refname:short)' refs/heads/ |
			grep -vx master | xargs -r git -C "$clone" branch -q -D &&
		git -C "$clone" for-each-ref --format='delete %(refname)' refs/tags/ refs/series-made/ refs/series-old/ |
			git -C "$clone" update-ref --stdin &&
		{ git -C "$clone" config --get-regexp '^branch\..*\.b4-' | cut -d' ' -f1 |
			xargs -r -n 1 git -C "$clone" config --unset; true; } &&
		git -C "$clone" worktree prune &&
		{ git -C "$clone" config --remove-section user 2>/dev/null; true; }
	else
		rm -rf "$clone" && mkdir -p "${clone%/*}" &&
		git clone -q --shared --no-checkout "$kdir" "$clone" &&
		git -C "$clone" checkout -q --detach "$head"
	fi >/dev/null || return 1
	echo "$clone"
}

# scratch_kernel: the clone every real-tree test of one tree shares,
# $O/test/kernel-VERSION, reset as above; prints its path.
scratch_kernel() {
	scratch_clone "$O/test/kernel-$TEST_KVER"
}

# use_scratch_clone [USER EMAIL]: the script's kernel, set at its top level:
# kdir, the shared scratch clone; o, the O every real-tree test passes,
# $O/test/kernel-VERSION.o, so that the worktrees and build directories made there
# are made once; baseline, its HEAD. Git reads no configuration but the
# clone's, which gets USER and EMAIL as its identity when they are given.
# shellcheck disable=SC2034
use_scratch_clone() {
	isolate_git_config
	kdir=$(scratch_kernel) || exit 1
	o=$kdir.o
	baseline=$(git -C "$kdir" rev-parse HEAD) || exit 1
	[ $# -lt 2 ] || { git -C "$kdir" config user.name "$1" && git -C "$kdir" config user.email "$2"; } ||
		exit 1
}
