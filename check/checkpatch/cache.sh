# shellcheck shell=sh
# The checkpatch check's cache (sourced after lib.sh), also filled by make
# series for the commits it checked: make right after make series does
# not run checkpatch.pl on the same commits again. An entry is what the
# check printed and its exit, under $O/check/cache, keyed by the commits,
# REV's scripts/ and MAINTAINERS (checkpatch.pl and what it reads) and
# the toolkit's checkpatch scripts; a path DIR the findings name is kept
# as "@OUT@" and put back as the replaying run's own (make series' name
# the patches under $O/series, which stay).

# checkpatch_entry REPO BASE REV MODE: the entry's path, without suffix.
# MODE head: the commits of BASE..REV but merges; commit: REV's own.
checkpatch_entry() {
	if [ "$4" = head ]; then
		_commits=$(git -C "$1" rev-list --no-merges "$2..$3")
	else
		_commits=$3
	fi
	_key=$({
		printf '%s\n' "$4" $_commits
		git -C "$1" rev-parse "$3:scripts" "$3:MAINTAINERS" 2>/dev/null
		cat "$TOOLKIT"/check/checkpatch/* "$TOOLKIT/scripts/lib/patch-split.awk"
	} | cksum | tr ' ' -)
	echo "${CHECK_CACHE:-$O/check/cache}/checkpatch-$_key"
}

# checkpatch_swap FROM TO: stdin with each FROM replaced by TO (no
# pattern, no escape; an empty FROM changes nothing).
checkpatch_swap() {
	awk -v from="$1" -v to="$2" 'from == "" { print; next } {
		out = ""
		while ((i = index($0, from)) > 0) {
			out = out substr($0, 1, i - 1) to
			$0 = substr($0, i + length(from))
		}
		print out $0
	}'
}

# checkpatch_keep ENTRY DIR RC FILE: FILE (the findings) and RC as ENTRY,
# DIR (may be empty) left out of its paths; a failure to write is a
# warning.
checkpatch_keep() {
	mkdir -p "${1%/*}" && checkpatch_swap "$2" "@OUT@" <"$4" >"$1.out.$$" &&
		echo "$3" >"$1.rc.$$" && mv "$1.out.$$" "$1.out" && mv "$1.rc.$$" "$1.rc" ||
		warn "cannot keep checkpatch.pl's findings in $1"
}

# checkpatch_replay ENTRY DIR: when ENTRY exists, print its findings with
# DIR for "@OUT@" and return its exit; else return 3.
checkpatch_replay() {
	[ -f "$1.rc" ] && [ -f "$1.out" ] || return 3
	checkpatch_swap "@OUT@" "$2" <"$1.out"
	info "checkpatch.pl's findings from $1" >&2
	return "$(cat "$1.rc")"
}
