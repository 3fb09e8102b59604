# scratch_clone NAME (sourced after tap.sh): a throwaway clone of the shared
# kernel tree under $O/test/clones, for tests that make branches. A worktree
# shares its repository's branches, so one made there would land in the
# shared tree; a clone has its own, and "--shared" borrows the objects
# instead of copying them. Reused across runs: reset to the shared tree's
# HEAD, detached, on a clean checkout, with no branch but master, no tag
# and no ref make series keeps (refs/series-*), and no configuration of ours
# left over. Prints its path. The tests' O goes
# beside it, PATH.o: kept across runs too, the checkouts of the worktrees
# made there are reused, not made anew each time.
scratch_clone() {
	kdir=$(kernel_tree) || return 1
	clone=$O/test/clones/$1
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

# use_scratch_clone NAME [USER EMAIL]: the script's kernel, set at its top
# level: kdir, a scratch clone NAME; o, the O of its runs, kept beside it so
# that its worktrees' checkouts are reused from run to run; baseline, its
# HEAD. Git reads no configuration but the clone's, which gets USER and
# EMAIL as its identity when they are given.
use_scratch_clone() {
	isolate_git_config
	kdir=$(scratch_clone "$1") || exit 1
	o=$kdir.o
	baseline=$(git -C "$kdir" rev-parse HEAD) || exit 1
	[ $# -lt 3 ] || { git -C "$kdir" config user.name "$2" && git -C "$kdir" config user.email "$3"; } ||
		exit 1
}
