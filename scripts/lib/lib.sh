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
	TOOLKIT=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
	while [ "$TOOLKIT" != / ] && [ ! -f "$TOOLKIT/scripts/lib/lib.sh" ]; do
		TOOLKIT=$(dirname "$TOOLKIT")
	done
fi
export TOOLKIT

# absolute_o: O made when missing, and absolute, exported: the scripts hand
# paths under it to "git -C", which would resolve a relative one elsewhere.
absolute_o() {
	[ -n "${O:-}" ] || die "O is not set; pass O=<output directory>"
	mkdir -p "$O" && O=$(cd "$O" && pwd) || die "cannot create O=$O"
	export O
}

# require_kdir DIR: DIR must be the top of a kernel git work tree.
require_kdir() {
	[ -n "$1" ] || die "KDIR is empty; pass KDIR=/path/to/linux or run 'make kernel'"
	[ -d "$1" ] || die "KDIR=$1 does not exist; run 'make kernel' or pass KDIR=/path/to/linux"
	[ -f "$1/Makefile" ] && [ -d "$1/mm" ] && [ -d "$1/include/linux" ] ||
		die "KDIR=$1 is not a kernel source tree (no Makefile, mm/, include/linux/)"
	top=$(git -C "$1" rev-parse --show-toplevel 2>/dev/null) ||
		die "KDIR=$1 is not a git work tree; run 'git init' there or 'make kernel'"
	[ "$(cd "$1" && pwd -P)" = "$(cd "$top" && pwd -P)" ] ||
		die "KDIR=$1 is inside the git work tree $top, not its top; pass KDIR=$top"
	git -C "$1" rev-parse --verify -q HEAD >/dev/null ||
		die "KDIR=$1 has no commit yet; commit a baseline first"
}

# require_clean DIR: refuse a work tree with staged, unstaged or untracked changes.
require_clean() {
	dirty=$(git -C "$1" status --porcelain --untracked-files=normal 2>/dev/null | head -n 5)
	[ -z "$dirty" ] && return 0
	printf '%s: error: KDIR=%s has uncommitted changes; commit or stash them first:\n' \
		"$prog" "$1" >&2
	printf '%s\n' "$dirty" | sed 's/^/  /' >&2
	exit 2
}

# require_cmd CMD PACKAGE: a missing program is an environment error.
require_cmd() {
	command -v "$1" >/dev/null 2>&1 ||
		die "'$1' not found; install the Debian package $2 ('make deps')"
}

# cscan: the toolkit's C scanner (check/), built by "make tools".
cscan() {
	"${CSCAN:-${O:?O is not set}/bin/cscan}" "$@"
}

# snapshot DIR FILE...: copies of FILEs under DIR, for squeeze_changed.
snapshot() {
	_dir=$1
	shift
	for _f in "$@"; do
		mkdir -p "$_dir/${_f%/*}" && cp "$_f" "$_dir/$_f" || die "cannot copy $_f"
	done
}

# squeeze_changed DIR FILE...: in each FILE that differs from its copy
# under DIR, remove the doubled blank lines spatch leaves where it deletes
# code (scripts/squeeze-blanks.awk keeps those the copy had).
squeeze_changed() {
	_dir=$1
	shift
	for _f in "$@"; do
		cmp -s "$_dir/$_f" "$_f" && continue
		awk -f "$TOOLKIT/scripts/squeeze-blanks.awk" "$_dir/$_f" "$_f" >"$_dir/.new" &&
			cat "$_dir/.new" >"$_f" || die "cannot rewrite $_f"
	done
}

# run_cocci COCCI FILE...: one semantic patch in patch mode, in place,
# without the doubled blank lines spatch leaves behind.
run_cocci() {
	_cocci=$1
	shift
	_old=$(mktemp -d) || die "cannot create a temporary directory"
	snapshot "$_old" "$@"
	spatch --very-quiet --no-includes --include-headers -D patch --in-place \
		--sp-file "$_cocci" "$@" >/dev/null ||
		die "spatch failed applying ${_cocci##*/} to $*"
	squeeze_changed "$_old" "$@"
	rm -rf "$_old"
}

# worktree_at TREE REV: TREE, a detached git worktree of KDIR's repository,
# checked out at REV with nothing else in it. Made on first use and reused
# after (resetting a kernel checkout takes far less time than making one); a
# TREE that belongs to another repository is refused, not removed.
worktree_at() {
	_common=$(git -C "$KDIR" rev-parse --path-format=absolute --git-common-dir) ||
		die "KDIR=$KDIR is not a git work tree"
	if [ -e "$1/.git" ]; then
		[ "$(git -C "$1" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)" = "$_common" ] ||
			die "$1 is a worktree of another repository than KDIR=$KDIR; remove it or pass another O="
	else
		rm -rf "$1"
		git -C "$KDIR" worktree prune
		printf '%s: creating the worktree %s\n' "$prog" "$1" >&2
		git -C "$KDIR" worktree add -q --detach "$1" "$2" >/dev/null ||
			die "cannot create a worktree of KDIR=$KDIR at $1"
	fi
	git -C "$1" checkout -q --detach -f "$2" && git -C "$1" clean -q -fdx ||
		die "cannot check out $2 in the worktree $1"
}

# hold_lock DIR: make check and make ci share DIR's worktree and build
# directories; DIR/lock is held until the script exits, and a second run is
# refused while it is.
hold_lock() {
	_lock=$1/lock
	mkdir -p "$1" || die "cannot create $1"
	mkdir "$_lock" 2>/dev/null ||
		die "another make check or make ci is running on $1; if none is, remove $_lock"
	trap 'rm -rf "$_lock"' EXIT
	trap 'exit 2' INT TERM HUP
}

# make_work_dir: $work, a temporary directory removed when the script exits;
# an interrupt (Ctrl-C) ends the script with exit 2 instead of letting it
# go on without $work.
make_work_dir() {
	work=$(mktemp -d) || die "cannot create a temporary directory"
	trap 'rm -rf "$work"' EXIT
	trap 'exit 2' INT TERM HUP
}
