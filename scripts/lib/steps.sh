# The migration steps, as make apply and make series run them (sourced after
# lib.sh; POSIX sh).
#
# A step is scripts/steps/NAME.sh, run inside a tree. It edits files in
# place and exits 0 (nothing changed means it did not apply, and it says
# why), 1 when it fails, 2 on an environment error.

all_steps="split callers remove-node move-alloc-pages"

# steps_selected: set $steps to $STEPS (default: every step, in order); an
# unknown name is a usage error.
steps_selected() {
	steps=${STEPS:-$all_steps}
	for _s in $steps; do
		case " $all_steps " in
		*" $_s "*) ;;
		*) die "unknown step '$_s' in STEPS; known steps: $all_steps" ;;
		esac
	done
}

# step_run TREE STEP CONSEQUENCE: run STEP in TREE, a git work tree, and
# leave its edits there uncommitted. Returns 0 when the step changed
# something, 1 when it did not apply (named on stdout, one line). A step that
# fails is undone (TREE back to its HEAD, new files removed) and exits the
# caller with the step's status, after an error line that ends with
# CONSEQUENCE, what the failure means for the caller's output.
step_run() {
	(cd "$1" && prog=$2 "$TOOLKIT/scripts/steps/$2.sh")
	_rc=$?
	if [ $_rc -ne 0 ]; then
		git -C "$1" reset -q --hard HEAD && git -C "$1" clean -q -fd
		printf '%s: error: step %s failed (exit %d); %s\n' "$prog" "$2" "$_rc" "$3" >&2
		exit "$_rc"
	fi
	if [ -z "$(git -C "$1" status --porcelain)" ]; then
		info "$2: skipped: no change"
		return 1
	fi
	return 0
}
