# shellcheck shell=sh
# The checks, as make check and make ci find them (sourced after lib.sh):
# one folder per check under check/, whose executable "run" is the check.
# Adding a check is adding a folder.
#
# The contract, after netdev's NIPA:
#
#   check/FOLDER/run TREE BASE REV OUT
#
# TREE: a git worktree of KDIR with REV checked out, for reading; BASE: the
# commit REV is compared with, empty for a root commit; OUT: an empty
# directory of the check's own. Environment: CHECK_NAME (the check: a
# folder may make several, see "Checks:" below), CHECK_MODE ("head": make
# check, REV is the whole change and its tree must have no finding;
# "commit": make ci, REV is one commit and only what it adds to its parent
# BASE fails), CHECK_BUILD_TREE, CHECK_KBUILD and CHECK_CACHE (make check's
# build worktree, build directories and cache), CHECK_SCANS (make ci: the
# findings of each commit's tree, by check, as COMMIT.NAME), and KDIR, O, J,
# V, CC. Prints its findings compiler-style; exits 0 passed, 1 findings,
# 2 it could not run. It may leave in OUT: "skip" (one line: why the check
# does not apply to REV; it then exits 0), "summary" (make check's table
# rows, else one row is made from its exit and findings), "failures" (the
# kinds of failure make check's verdict names, one a line, else CHECK_NAME)
# and "first" (its first error, else the first compiler-style one).
#
# Its header may say, as "# KEY: VALUE" lines:
#   Checks: NAME...    the checks it makes, in order (default: the folder's
#                      name), each a run with its CHECK_NAME
#   Order: N           where its checks come in the table and in make ci's
#                      TAP (ascending)
#   Parent-tree: yes   make ci runs it (CHECK_MODE=head) on the tree of a
#                      range's first parent, into CHECK_SCANS, so that the
#                      first commit's run has its parent's findings

# check_header RUN KEY: the value of RUN's "# KEY:" header line.
check_header() {
	sed -n "s/^# $2: *//p" "$1" | head -n 1
}

# check_list [KEY]: "NAME FOLDER" per check, in order; with KEY, only the
# checks whose header says "KEY: yes".
check_list() {
	for _run in "$TOOLKIT"/check/*/run; do
		[ -x "$_run" ] || continue
		[ -z "${1:-}" ] || [ "$(check_header "$_run" "$1")" = yes ] || continue
		_folder=${_run%/run}
		_folder=${_folder##*/}
		_order=$(check_header "$_run" Order)
		_names=$(check_header "$_run" Checks)
		_i=0
		for _name in ${_names:-$_folder}; do
			_i=$((_i + 1))
			printf '%d %d %s %s\n' "${_order:-99}" "$_i" "$_name" "$_folder"
		done
	done | sort -n -k1,1 -k2,2 | cut -d' ' -f3-
}

# check_names [KEY]: the names of check_list, on one line.
check_names() {
	check_list "$@" | cut -d' ' -f1 | tr '\n' ' ' | sed 's/ $//'
}
