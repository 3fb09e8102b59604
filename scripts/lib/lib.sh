# shellcheck shell=sh
# Shared helpers for the toolkit's shell scripts (POSIX sh). Source it.
#
# Exit codes follow the design: 0 clean, 1 findings, 2 usage or environment.

prog=${0##*/}

die() {
	printf '%s: error: %s\n' "$prog" "$*" >&2
	exit 2
}

warn() {
	printf '%s: warning: %s\n' "$prog" "$*" >&2
}

info() {
	printf '%s: %s\n' "$prog" "$*"
}

verbose() {
	[ "${V:-0}" = 1 ] && printf '%s: %s\n' "$prog" "$*" >&2
	return 0
}

# TOOLKIT: absolute path of the toolkit checkout (the Makefile exports it;
# a script run by hand finds it above its own directory).
if [ -z "${TOOLKIT:-}" ]; then
	TOOLKIT=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
	while [ "$TOOLKIT" != / ] && [ ! -f "$TOOLKIT/scripts/lib/lib.sh" ]; do
		TOOLKIT=$(dirname "$TOOLKIT")
	done
fi
export TOOLKIT

# absolute_o: O made when missing, and absolute, exported: the scripts hand
# paths under it to "git -C", which would resolve a relative one elsewhere.
# O and KDIR must not hold one another: that is refused before O is made.
absolute_o() {
	[ -n "${O:-}" ] || die "O is not set; pass O=<output directory>"
	[ -z "${KDIR:-}" ] || [ ! -d "$KDIR" ] || require_apart "$KDIR" "$O"
	mkdir -p "$O" && O=$(cd "$O" && pwd) || die "cannot create O=$O"
	export O
}

# physical_path PATH: PATH absolute, symbolic links resolved, for a PATH
# that need not exist yet (its missing components are kept as written).
physical_path() {
	_p=$1 _rest=
	case $_p in /*) ;; *) _p=$PWD/$_p ;; esac
	while [ ! -d "$_p" ]; do
		_rest=/${_p##*/}$_rest
		_p=${_p%/*}
		[ -n "$_p" ] || _p=/
	done
	printf '%s%s\n' "$(cd "$_p" && pwd -P | sed 's|/$||')" "$_rest"
}

# require_apart KDIR O: the toolkit writes a scratch tree under O and
# commits in KDIR, so neither may hold the other.
require_apart() {
	_k=$(physical_path "$1")/ _o=$(physical_path "$2")/
	case $_k in "$_o"*)
		die "KDIR=$1 is inside O=$2, where the toolkit keeps its scratch trees; pass an O= outside KDIR's path" ;;
	esac
	case $_o in "$_k"*)
		die "O=$2 is inside KDIR=$1, which must only hold the kernel; pass an O= outside KDIR" ;;
	esac
}

# require_kdir DIR: DIR must be the top of a kernel git work tree.
require_kdir() {
	[ -n "$1" ] || die "KDIR is empty; pass KDIR=/path/to/linux or run 'make kernel'"
	[ ! -e "$1" ] || [ -d "$1" ] || die "KDIR=$1 is a file, not a directory; pass KDIR= the top directory of a kernel git tree"
	[ -d "$1" ] || die "KDIR=$1 does not exist; run 'make kernel' or pass KDIR=/path/to/linux"
	[ -f "$1/Makefile" ] && [ -d "$1/mm" ] && [ -d "$1/include/linux" ] ||
		die "KDIR=$1 is not a kernel source tree (no Makefile, mm/, include/linux/)"
	top=$(git -C "$1" rev-parse --show-toplevel 2>&1) || {
		case $top in
		*"dubious ownership"*)
			_safe=$(printf '%s\n' "$top" | sed -n 's/^[[:space:]]*git config --global --add safe.directory //p' | head -n 1)
			die "git refuses KDIR=$1: detected dubious ownership (the repository belongs to another user than $(id -un)); if you trust it, run: git config --global --add safe.directory ${_safe:-$1}" ;;
		esac
		die "KDIR=$1 is not a git work tree; run 'git init' there or 'make kernel'"
	}
	[ "$(cd "$1" && pwd -P)" = "$(cd "$top" && pwd -P)" ] ||
		die "KDIR=$1 is inside the git work tree $top, not its top; pass KDIR=$top"
	git -C "$1" rev-parse --verify -q HEAD >/dev/null ||
		die "KDIR=$1 has no commit yet; commit a baseline first"
}

# require_clean DIR: refuse a work tree with staged, unstaged or untracked changes.
require_clean() {
	# An operation stopped half-way leaves a clean-looking tree whose HEAD
	# is not where the user's branch will be.
	_git=$(git -C "$1" rev-parse --path-format=absolute --git-dir) || die "KDIR=$1 is not a git work tree"
	for _op in rebase-merge:"a rebase" rebase-apply:"a rebase or git am" MERGE_HEAD:"a merge" \
		CHERRY_PICK_HEAD:"a cherry-pick" REVERT_HEAD:"a revert" BISECT_LOG:"a bisect"; do
		[ -e "$_git/${_op%%:*}" ] &&
			die "KDIR=$1 is in the middle of ${_op#*:}; finish or abort it first (git status says how)"
	done
	dirty=$(git -C "$1" status --porcelain --untracked-files=normal 2>/dev/null)
	[ -z "$dirty" ] && return 0
	printf '%s: error: KDIR=%s has uncommitted changes; commit or stash them first:\n' \
		"$prog" "$1" >&2
	printf '%s\n' "$dirty" | awk '
		NR <= 5 { print "  " $0 }
		END { if (NR > 5) print "  and " NR - 5 " more" }' >&2
	exit 2
}

# require_cmd CMD PACKAGE: a missing program is an environment error.
require_cmd() {
	command -v "$1" >/dev/null 2>&1 ||
		die "'$1' not found; install the Debian package $2 ('make deps')"
}

# cscan: the toolkit's C scanner (src/cscan/), built by "make tools".
cscan() {
	"${CSCAN:-${O:?O is not set}/bin/cscan}" "$@"
}

# snapshot DIR FILE...: copies of FILEs (paths relative to the current
# directory) under DIR, for squeeze_changed; one cp for all of them.
snapshot() {
	_dir=$1
	shift
	mkdir -p "$_dir" && printf '%s\0' "$@" | xargs -0 cp --parents -t "$_dir" ||
		die "cannot copy the files to change to $_dir"
}

# squeeze_changed DIR FILE...: in each FILE that differs from its copy
# under DIR, remove the doubled blank lines spatch leaves where it deletes
# code (scripts/lib/squeeze-blanks.awk keeps those the copy had).
squeeze_changed() {
	_dir=$1
	shift
	for _f in "$@"; do
		cmp -s "$_dir/$_f" "$_f" && continue
		awk -f "$TOOLKIT/scripts/lib/squeeze-blanks.awk" "$_dir/$_f" "$_f" >"$_dir/.new" &&
			cat "$_dir/.new" >"$_f" || die "cannot rewrite $_f"
	done
}

# cocci_options COCCI: the spatch options COCCI's "// Options:" lines ask
# for, as make coccicheck passes them. A combination of semantic patches
# has the line of each: each different line once (an option's argument
# stays with it), so the step's patches run with all their options.
cocci_options() {
	sed -n 's|^// Options:||p' "$1" | awk '!seen[$0]++' | tr '\n' ' '
}

# run_cocci COCCI FILE...: one semantic patch in patch mode, in place,
# without the doubled blank lines spatch leaves behind.
run_cocci() {
	_cocci=$1
	shift
	_old=$(mktemp -d) || die "cannot create a temporary directory"
	snapshot "$_old" "$@"
	# shellcheck disable=SC2046
	spatch --very-quiet $(cocci_options "$_cocci") -D patch --in-place \
		--sp-file "$_cocci" "$@" >/dev/null ||
		die "spatch failed applying ${_cocci##*/} to $*"
	squeeze_changed "$_old" "$@"
	rm -rf "$_old"
}

# worktree_at TREE REV [REPO]: TREE, a detached git worktree of REPO's
# repository (default: KDIR's),
# checked out at REV with nothing else in it. Made on first use and reused
# after (resetting a kernel checkout takes far less time than making one); a
# TREE that belongs to another repository is refused, not removed.
worktree_at() {
	_repo=${3:-$KDIR}
	_named=${3:-KDIR=$KDIR}
	_common=$(git -C "$_repo" rev-parse --path-format=absolute --git-common-dir) ||
		die "$_named is not a git work tree"
	if [ -e "$1/.git" ]; then
		[ "$(git -C "$1" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)" = "$_common" ] ||
			die "$1 is a worktree of another repository than $_named; remove it or pass another O="
	else
		rm -rf "$1"
		git -C "$_repo" worktree prune
		require_space_for_checkout "$1" "$2" "$_repo"
		printf '%s: creating the worktree %s\n' "$prog" "$1" >&2
		# git names each file it cannot write: one line of it is enough.
		mkdir -p "${1%/*}" &&
		git -C "$_repo" worktree add -q --detach "$1" "$2" >/dev/null 2>"${1%/*}/.worktree.err" || {
			_why=$(grep -m 1 . "${1%/*}/.worktree.err")
			rm -rf "$1"
			git -C "$_repo" worktree prune
			die "cannot create a worktree of $_named at $1: ${_why:-git worktree add failed}"
		}
		rm -f "${1%/*}/.worktree.err"
	fi
	# A killed run may have left git's index lock in this tree, which is
	# ours alone: the run holds the lock on O (lock_runs).
	rm -f "$(git -C "$1" rev-parse --path-format=absolute --git-path index.lock)"
	# checkpatch.pl's cache of the CamelCase names in include/ stays: it
	# reads every header to make it again (seconds), for each patch that
	# touches net/, where it checks as --strict.
	git -C "$1" checkout -q --detach -f "$2" &&
		git -C "$1" clean -q -fdx -e '/.checkpatch-camelcase.*' ||
		die "cannot check out $2 in the worktree $1"
}

# scratch_worktree REV: $O/scratch, the one scratch worktree of KDIR per O,
# checked out at REV. make apply, make series and make bench run the steps
# and commit there, make ci checks each commit's tree there, in turn (each
# holds O's lock): a kernel checkout is gigabytes, and resetting one takes
# far less time than making another.
scratch_worktree() {
	[ -e "$O/scratch/.git" ] || drop_old_worktrees
	worktree_at "$O/scratch" "$1"
}

# worktree_repo GITFILE: the repository a worktree's .git file names.
worktree_repo() {
	sed -n 's|^gitdir: \(.*\)/worktrees/[^/]*$|\1|p' "$1"
}

# drop_old_worktrees: the checkouts earlier versions of the toolkit kept in
# O, one per command, whose work $O/scratch now does: removed (gigabytes
# each), and the repositories they belong to told so.
drop_old_worktrees() {
	for _old in "$O/apply/tree" "$O/series-tree" "$O/bench/tree" "$O"/ci/*/scan; do
		[ -f "$_old/.git" ] || continue
		_repo=$(worktree_repo "$_old/.git")
		info "removing $_old, a worktree of an earlier version of the toolkit" >&2
		rm -rf "$_old" || die "cannot remove $_old"
		[ -z "$_repo" ] || [ ! -d "$_repo" ] || git --git-dir="$_repo" worktree prune
	done
}

# free_mb DIR: the MB free on DIR's file system; nothing when df cannot say.
free_mb() {
	df -Pk "$1" 2>/dev/null | awk 'NR == 2 { printf "%d", $4 / 1024 }'
}

# require_space_for_checkout DIR COMMIT [REPO]: DIR's file system has room
# for a checkout of COMMIT of REPO (default KDIR): its files' sizes, and a
# tenth more for git's index and the blocks files round up to. Else an
# environment error saying how much is needed and where.
require_space_for_checkout() {
	_need=$(git -C "${3:-$KDIR}" ls-tree -r -l "$2" | awk '{ s += $4 } END { printf "%d", s * 1.1 / 1048576 + 1 }')
	_at=${1%/*}
	mkdir -p "$_at" 2>/dev/null
	_free=$(free_mb "$_at")
	[ -z "$_free" ] || [ "$_free" -ge "$_need" ] ||
		die "not enough disk space for a worktree of KDIR at $1: it needs about $_need MB, $_at has $_free MB free; free some (make clean O=... removes an old O) or pass another O="
}

# lock_runs TARGET: one run at a time on O and on KDIR (when set). TARGET's
# run holds flock(1) locks on $O/.lock and on api-migrate.lock in KDIR's git
# directory until it and every process it started have ended (the locks go
# with the last open descriptor, so a killed run never leaves one behind);
# another run is refused at once with exit 2, naming the one that holds the
# lock. Git's automatic gc, which would go on in the background holding
# them, is off for the run, and its diffs are plain (git_plain_diffs).
lock_runs() {
	# run-locked.sh took it already, before the tools were built.
	[ "${API_MIGRATE_O_LOCKED:-}" = "$O" ] ||
		lock_file 8 "$O/.lock" "make $1" "O=$O" "pass another O="
	if [ -n "${KDIR:-}" ]; then
		_kgit=$(git -C "$KDIR" rev-parse --path-format=absolute --git-dir) ||
			die "KDIR=$KDIR is not a git work tree"
		lock_file 9 "$_kgit/api-migrate.lock" "make $1" "KDIR=$KDIR"
	fi
	git_config_env gc.auto=0 maintenance.auto=false
	git_plain_diffs
	run_holder=1
	trap_interrupt
}

# trap_interrupt: an interrupt ends the script with exit 2; the run that
# holds the locks (one a run) says so, the scripts it started do not.
trap_interrupt() {
	if [ -n "${run_holder:-}" ]; then
		trap 'printf "%s: error: interrupted\n" "$prog" >&2; exit 2' INT TERM HUP
	else
		trap 'exit 2' INT TERM HUP
	fi
}

# git_config_env KEY=VALUE...: each KEY set so for every git the run starts
# (GIT_CONFIG_COUNT's entries, above every configuration file).
git_config_env() {
	_n=${GIT_CONFIG_COUNT:-0}
	for _kv; do
		export "GIT_CONFIG_KEY_$_n=${_kv%%=*}" "GIT_CONFIG_VALUE_$_n=${_kv#*=}"
		_n=$((_n + 1))
	done
	export GIT_CONFIG_COUNT=$_n
}

# git_plain_diffs: git's diffs, which the scripts parse, apply and mail, as
# git makes them with no configuration, for every process the run starts.
# A user's diff.noprefix, prefixes, colour, diff algorithm, context or file
# order would make patches that git apply refuses or that differ from one
# user to the next; apply.whitespace is "nowarn", so that a patch is
# applied as it is. diff.external and textconv filters cannot be undone so:
# the scripts' "git diff" calls pass --no-ext-diff --no-textconv.
git_plain_diffs() {
	git_config_env diff.noprefix=false diff.mnemonicPrefix=false diff.srcPrefix=a/ \
		diff.dstPrefix=b/ diff.relative=false color.ui=never color.diff=never \
		diff.algorithm=myers diff.context=3 diff.interHunkContext=0 \
		diff.indentHeuristic=true diff.suppressBlankEmpty=false diff.orderFile=/dev/null \
		apply.whitespace=nowarn
	unset GIT_EXTERNAL_DIFF
}

# lock_file FD FILE WHAT WHERE [ELSE]: lock FILE on descriptor FD for WHAT
# (a run: "make apply"), or die naming the run that holds it.
lock_file() {
	require_cmd flock util-linux
	: >>"$2" 2>/dev/null || die "cannot write the lock file $2"
	eval "exec $1>>\"\$2\""
	if ! flock -n "$1"; then
		_holder=$(cat "$2" 2>/dev/null)
		[ -n "$_holder" ] || _holder="unknown run"
		# A run killed with SIGKILL leaves its children (GNU parallel's
		# jobs, in process groups of their own) running with the lock.
		[ -z "${_holder%% *}" ] || [ -d "/proc/${_holder%% *}" ] ||
			die "a killed ${_holder#* } on $4 (pid ${_holder%% *}) left processes that still hold its lock; wait for them to end"
		die "another ${_holder#* } is running on $4 (pid ${_holder%% *}); wait for it to end${5:+ or $5}"
	fi
	printf '%s %s\n' "$$" "$3" >"$2" || die "cannot write the lock file $2"
}

# make_work_dir: $work, a temporary directory removed when the script exits;
# an interrupt (Ctrl-C) ends the script with exit 2 instead of letting it
# go on without $work.
make_work_dir() {
	work=$(mktemp -d) || die "cannot create a temporary directory"
	trap 'rm -rf "$work"' EXIT
	trap_interrupt
}
