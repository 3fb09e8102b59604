# shellcheck shell=sh
# shellcheck disable=SC2154 # prog: set by lib.sh, which is sourced first
# What a step did, kept under $O/cache/steps so that running it again on
# the same input is a replay, not a rerun (sourced by steps.sh; POSIX sh).
#
# A step's result is decided by the tree it starts from (a committed tree:
# HEAD's, with nothing changed), the step, the migration and the toolkit's
# own files (the engine, the C programs' sources, every spec and text), the
# spatch version, V and SSHLOGIN. The name of the script that runs it
# (apply.sh, series.sh), which starts some of the step's messages, is kept
# as @PROG@ and put back on replay. Their checksum is the key; the entry keeps
# the step's edits as a patch, what it printed on stdout and on stderr (a
# terminal's progress bars left out), its findings and whether it changed
# anything. CACHE=0 turns it off.

# step_cache_key TREE STEP: the key of STEP on TREE; nothing when TREE has
# uncommitted changes or CACHE=0.
step_cache_key() {
	[ "${CACHE:-1}" != 0 ] || return 0
	[ -z "$(git -C "$1" status --porcelain --untracked-files=all)" ] || return 0
	if [ -z "${_toolkit_sum:-}" ]; then
		_toolkit_sum=$(cd "$TOOLKIT" && find scripts src cocci drivers-migrated -type f -print0 |
			sort -z | xargs -0 sha1sum | sha1sum)
		_spatch_version=$(spatch --version 2>/dev/null | head -n 1)
	fi
	printf '%s\n' "$(git -C "$1" rev-parse "HEAD^{tree}")" "$2" "$MIGRATION" "$_toolkit_sum" \
		"$_spatch_version" "${V:-0}" "${SSHLOGIN:-}" | sha1sum | cut -c1-40
}

# step_cache_replay TREE KEY: when KEY has an entry, print what the step
# printed, apply its edits to TREE and return 0 (its findings, if any, in
# $FINDINGS); else, or when the edits no longer apply, return 1.
step_cache_replay() {
	_entry=$O/cache/steps/$2
	[ -f "$_entry/result" ] || return 1
	if [ -s "$_entry/patch" ]; then
		git -C "$1" apply --binary --whitespace=nowarn "$_entry/patch" 2>/dev/null || return 1
	fi
	sed "s|^@PROG@: |$prog: |" "$_entry/stdout"
	sed "s|^@PROG@: |$prog: |" "$_entry/stderr" >&2
	cat "$_entry/findings" >>"$FINDINGS"
	touch "$_entry"
	return 0
}

# step_cache_store TREE KEY CAPTURED RESULT: keep the step's edits in TREE
# (not committed yet; their patch in $FINDINGS.patch), its output
# CAPTURED.stdout and CAPTURED.stderr, its $FINDINGS and RESULT (changed or
# skipped) under KEY. The oldest entries beyond 64 go.
step_cache_store() {
	_entry=$O/cache/steps/$2
	mkdir -p "$_entry.new" || return 0
	if cp "$FINDINGS.patch" "$_entry.new/patch" && git -C "$1" reset -q &&
		sed "s|^$prog: |@PROG@: |" "$3.stdout" >"$_entry.new/stdout" &&
		awk '!index($0, "\r")' "$3.stderr" | sed "s|^$prog: |@PROG@: |" >"$_entry.new/stderr" &&
		cp "$FINDINGS" "$_entry.new/findings" && echo "$4" >"$_entry.new/result"; then
		rm -rf "$_entry" && mv "$_entry.new" "$_entry"
	fi
	rm -rf "$_entry.new"
	# shellcheck disable=SC2012
	ls -t "$O/cache/steps" | tail -n +65 | sed "s|^|$O/cache/steps/|" | xargs -r rm -rf
}

# step_cache_capture CAPTURED CMD...: run CMD with its stdout and stderr
# copied to CAPTURED.stdout and CAPTURED.stderr as they go; returns CMD's
# status. On a terminal, STEP_TTY=1 tells the kinds to draw their progress
# bars all the same.
step_cache_capture() {
	_cap=$1
	shift
	STEP_TTY=0
	[ -t 2 ] && STEP_TTY=1
	export STEP_TTY
	rm -f "$_cap.out.fifo" "$_cap.err.fifo"
	mkfifo "$_cap.out.fifo" "$_cap.err.fifo" || { "$@"; return; }
	tee "$_cap.stdout" <"$_cap.out.fifo" &
	_tee_out=$!
	tee "$_cap.stderr" <"$_cap.err.fifo" >&2 &
	_tee_err=$!
	"$@" >"$_cap.out.fifo" 2>"$_cap.err.fifo"
	_rc=$?
	wait "$_tee_out" "$_tee_err"
	rm -f "$_cap.out.fifo" "$_cap.err.fifo"
	return $_rc
}
