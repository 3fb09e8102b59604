# shellcheck shell=sh
# The migration's steps, as make apply and make series run them (sourced
# after lib.sh and spec.sh, once spec_load has run; POSIX sh).
#
# A step is one or more parts of the spec, each of a kind: the script
# scripts/apply/kinds/KIND/KIND.sh, run at the top of a tree with the
# part's keys in STEP_* variables (spec.sh: step_export) and SPEC_DIR. It
# edits files in place and exits 0 (nothing changed means it did not apply,
# and it says why), 1 when it fails, 2 on an environment error. What
# it leaves to a human (a call spatch could not match) it appends,
# compiler-style, to the file $FINDINGS; at the end of the step the
# engine prints those still standing (findings_standing). A kind that
# knows which files it creates may list them (paths from the top of the
# tree, one a line; none: an empty file) in the file $STEP_NEW_FILES:
# when every part of a step does, those are the new files of the step's
# diff, and the whole tree is not walked for them, so a new file it does
# not list is not in the patch.

# steps_selected: set $steps to $STEPS (default: every step of the spec, in
# order); an unknown name is a usage error.
steps_selected() {
	_all=$(spec_steps | tr '\n' ' ')
	steps=${STEPS:-$_all}
	for _s in $steps; do
		case " $_all" in
		*" $_s "*) ;;
		*) die "unknown step '$_s' in STEPS; known steps: $_all(MIGRATION=$MIGRATION)" ;;
		esac
	done
}

# migration_done TREE: true when TREE's code already names nothing that the
# steps of $steps act on, so that none of them could change anything: each
# part a rename (code only), a cocci step or a move by plain names, and no
# file of TREE references one of their OLD names, symbols or names in code
# (one cscan refs over the tree). A script, a move by pattern or
# used-only-by:, or a rename of prose can only be told by running it: false.
# Sets done_names to the names looked for.
migration_done() {
	_names=
	for _s in $steps; do
		for _part in $(spec_parts "$_s"); do
			case $(spec_get "$_part" kind) in
			rename)
				[ -z "$(spec_get "$_part" prose)" ] || return 1
				_names="$_names $(spec_get "$_part" rename | cut -d' ' -f1)" ;;
			cocci) _names="$_names $(spec_get "$_part" symbols)" ;;
			move)
				[ -z "$(spec_get "$_part" used-only-by)" ] || return 1
				case $(spec_get "$_part" names) in *[][*?]*) return 1 ;; esac
				_names="$_names $(spec_get "$_part" names)" ;;
			*) return 1 ;;
			esac
		done
	done
	# shellcheck disable=SC2086
	done_names=$(printf '%s\n' $_names | awk '!seen[$0]++' | tr '\n' ' ')
	done_names=${done_names% }
	[ -n "$done_names" ] || return 1
	# shellcheck disable=SC2086
	_left=$(cscan refs -l "$1" $done_names) || die "cscan refs failed on $1"
	[ -z "$_left" ]
}

# shellcheck source=scripts/lib/step-cache.sh
. "$TOOLKIT/scripts/lib/step-cache.sh"

# step_run TREE STEP CONSEQUENCE [PATCH]: run STEP's parts in TREE, a git
# work tree, and leave their edits there uncommitted (and, when PATCH is
# given, as "git diff --binary --no-renames" shows them in the file PATCH:
# a second diff of a tree-wide step costs seconds). Returns 0 when the
# step changed something, 1 when it did not apply (named on stdout, one
# line).
# The lines the step changed get checkpatch.pl's own fixes for whitespace
# (scripts/apply/tidy.sh). A part that fails is undone with the whole step (TREE
# back to its HEAD, new files removed) and exits the caller with the part's
# status, after an error line that ends with CONSEQUENCE, what the failure
# means for the caller's output. Findings do not stop the step; they set
# step_findings to 1. A step already run on the same input is replayed
# from its cache entry (step-cache.sh).
step_run() {
	FINDINGS=$(mktemp) || die "cannot create a temporary file"
	export FINDINGS
	_key=$(step_cache_key "$1" "$2")
	# step_parts leaves the step's edits in $FINDINGS.patch.
	: >"$FINDINGS.patch"
	if [ -n "$_key" ] && step_cache_replay "$1" "$_key"; then
		_rc=0
		[ "$(cat "$O/cache/steps/$_key/result")" = changed ] || _rc=10
		cp "$O/cache/steps/$_key/patch" "$FINDINGS.patch" 2>/dev/null
	elif [ -n "$_key" ]; then
		step_cache_capture "$FINDINGS.out" step_parts "$1" "$2" "$3"
		_rc=$?
		case $_rc in
		0) step_cache_store "$1" "$_key" "$FINDINGS.out" changed ;;
		10) step_cache_store "$1" "$_key" "$FINDINGS.out" skipped ;;
		esac
		rm -f "$FINDINGS.out.stdout" "$FINDINGS.out.stderr"
	else
		step_parts "$1" "$2" "$3"
		_rc=$?
	fi
	# The caller's (apply.sh, series.sh, run-step.sh) verdict.
	# shellcheck disable=SC2034
	[ -s "$FINDINGS" ] && step_findings=1
	if [ $_rc -eq 0 ] && [ -n "${4:-}" ]; then
		mv "$FINDINGS.patch" "$4" || die "cannot write $4"
	fi
	rm -f "$FINDINGS" "$FINDINGS.patch" "$FINDINGS.new" "$FINDINGS.new.part"
	case $_rc in
	0) return 0 ;;
	10) return 1 ;;
	*) exit "$_rc" ;;
	esac
}

# Set for a git diff of many files. Git reads each file's old text into
# memory it frees after; glibc gives that back to the kernel and takes it
# again for the next file, page faults that cost a tree-wide diff a third
# of its time. Freed memory is kept instead.
git_diff_malloc=GLIBC_TUNABLES=${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.trim_threshold=268435456

# findings_mark TREE FROM: the findings from line FROM of $FINDINGS on,
# each after the identifier at its position, "NAME<TAB>FINDING", into
# $FINDINGS.tok, for findings_standing.
findings_mark() {
	tail -n +"$2" "$FINDINGS" | while IFS= read -r _f; do
		_r=${_f#*:} _line=${_r%%:*}
		_r=${_r#*:}
		_name=$(sed -n "${_line}p" "$1/${_f%%:*}" 2>/dev/null |
			LC_ALL=C cut -c"${_r%%:*}"- | LC_ALL=C grep -o '^[A-Za-z_][A-Za-z0-9_]*')
		# Only a name the finding speaks of can tell it is gone (a name split
		# by a line continuation is not found whole at its position).
		printf '%s\n' "${_f#*: }" | grep -qw -- "$_name" 2>/dev/null || _name=
		printf '%s\t%s\n' "$_name" "$_f"
	done >>"$FINDINGS.tok"
}

# findings_mark_rest TREE: the last part's findings, which stand as they
# are (no name to look for).
findings_mark_rest() {
	tail -n +"$(($(wc -l <"$FINDINGS.tok") + 1))" "$FINDINGS" | sed 's/^/	/' >>"$FINDINGS.tok"
}

# findings_standing TREE: $FINDINGS becomes the findings still standing at
# the end of the step, printed on stderr: those whose identifier the code of
# their file no longer names are gone (a later part of the step migrated
# what an earlier one left).
findings_standing() {
	: >"$FINDINGS"
	while IFS= read -r _l; do
		_name=${_l%%	*} _f=${_l#*	}
		[ -z "$_name" ] || [ -n "$(cd "$1" && cscan refs -l . "$_name" -- "${_f%%:*}" 2>/dev/null)" ] ||
			continue
		printf '%s\n' "$_f" >>"$FINDINGS"
	done <"$FINDINGS.tok"
	rm -f "$FINDINGS.tok"
	cat "$FINDINGS" >&2
}

# step_parts TREE STEP CONSEQUENCE: step_run's work, in a subshell: exits 0
# changed, 10 skipped, else the failing part's status (TREE reset).
step_parts() (
	# step_failed TREE STEP CONSEQUENCE WHAT STATUS: TREE back to its HEAD,
	# "step STEP WHAT; CONSEQUENCE" said, exit STATUS.
	step_failed() {
		git -C "$1" reset -q --hard HEAD && git -C "$1" clean -q -fd
		printf '%s: error: step %s%s; %s\n' "$prog" "$2" "$4" "$3" >&2
		exit "$5"
	}
	# The new files the parts list (_listed: whether each part did).
	_new=$FINDINGS.new _listed=yes
	: >"$_new"
	: >"$_new.comments"
	: >"$FINDINGS.tok"
	_parts=$(spec_parts "$2")
	_last=$(printf '%s\n' "$_parts" | tail -n 1)
	for _part in $_parts; do
		_seen=$(wc -l <"$FINDINGS")
		rm -f "$_new.part"
		(step_export "$_part" && STEP_NEW_FILES=$_new.part && export STEP_NEW_FILES &&
			cd "$1" && prog=$2 "$TOOLKIT/scripts/apply/kinds/$STEP_KIND/$STEP_KIND.sh")
		_rc=$?
		[ $_rc -eq 0 ] || step_failed "$@" " failed (exit $_rc)" "$_rc"
		cat "$_new.part" >>"$_new" 2>/dev/null || _listed=no
		spec_get "$_part" comments >>"$_new.comments"
		# Only a later part can migrate what an earlier one left.
		[ "$_part" = "$_last" ] || findings_mark "$1" $((_seen + 1))
	done
	findings_mark_rest "$1"
	findings_standing "$1"
	# "gone: SYMBOL...", of any kind: after the step no code names them,
	# tree-wide, or the step fails naming each use.
	_gone=$(for _part in $(spec_parts "$2"); do spec_get "$_part" gone; done | tr '\n' ' ')
	if [ -n "${_gone% }" ]; then
		# shellcheck disable=SC2086
		_left=$(cd "$1" && cscan refs . $_gone) || step_failed "$@" ": cscan refs failed" 2
		if [ -n "$_left" ]; then
			printf '%s\n' "$_left" | while IFS=: read -r _path _line _col _sym; do
				printf '%s:%s:%s: error:%s() is still used after step %s; convert it by hand\n' \
					"$_path" "$_line" "$_col" "$_sym" "$2"
			done >&2
			step_failed "$@" " failed (exit 1)" 1
		fi
	fi
	# "comments: OLD NEW": the comments of the files the step changed
	# name NEW() where they named OLD().
	if [ -s "$_new.comments" ]; then
		(cd "$1" && git diff --name-only -z | xargs -0 -r "$TOOLKIT/scripts/apply/comments-follow.sh" "$_new.comments") ||
			step_failed "$@" ": its comments could not follow" 2
	fi
	rm -f "$_new.comments"
	# The step's edits, new files added with -N (deletions stay unstaged,
	# for git diff to show them): what tidy.sh reads, and whether there are
	# any. Walking the tree for new files costs half a second on a kernel.
	_patch=$FINDINGS.patch
	if [ "$_listed" = yes ]; then
		grep . "$_new" | tr '\n' '\0' | (cd "$1" && xargs -0 -r git --literal-pathspecs add -N --)
	else
		git -C "$1" add --ignore-removal -N .
	fi || step_failed "$@" ": git add -N of its new files failed" 2
	env "$git_diff_malloc" git -C "$1" diff --no-ext-diff --no-textconv --binary --no-renames >"$_patch" ||
		step_failed "$@" ": git diff failed" 2
	if [ ! -s "$_patch" ]; then
		info "$2: skipped: no change"
		exit 10
	fi
	(cd "$1" && prog=$2 "$TOOLKIT/scripts/apply/tidy.sh" "$_patch") ||
		step_failed "$@" ": checkpatch.pl --fix failed" 2
	exit 0
)
