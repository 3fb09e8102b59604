# shellcheck shell=sh
# The migration being run, read from its spec (sourced after lib.sh; POSIX
# sh). A migration NAME is the directory cocci/NAME/ with its spec file
# cocci/NAME/migration (cocci/README.md) and the subsystem notes
# drivers-migrated/NAME/.
#
# spec_load checks the spec and sets:
#   MIGRATION    its name (default: the one cocci/default names)
#   SPEC         the spec file; SPEC_DIR its directory
#   ENTRIES_DIR  drivers-migrated/NAME
#   SPEC_PARSED  the spec as records (scripts/lib/spec.awk), in $O/spec/NAME
# A run parses its spec once: the scripts it starts, which see SPEC_PARSED
# in their environment, read the records as they are.

# migration_names: every migration, one a line.
migration_names() {
	for _m in "$TOOLKIT"/cocci/*/migration; do
		[ -f "$_m" ] && basename "$(dirname "$_m")"
	done
}

# migration_name NAME: NAME without the trailing slashes tab completion
# gives (cocci/NAME/).
migration_name() {
	printf '%s\n' "$1" | sed 's|\(.\)/*$|\1|'
}

# spec_load [TREE [STEPS]]: check MIGRATION's spec and parse it; a bad
# spec is an environment error, named by file and line. With TREE, the same
# read checks the moves of STEPS (all without) against TREE, as
# spec_check_tree does.
spec_load() {
	# The default is data too: cocci/default names it.
	[ -n "${MIGRATION:-}" ] || MIGRATION=$(cat "$TOOLKIT/cocci/default" 2>/dev/null) ||
		die "MIGRATION is not set and there is no cocci/default; pass MIGRATION=NAME, one of: $(migration_names | tr '\n' ' ')"
	MIGRATION=$(migration_name "$MIGRATION")
	case $MIGRATION in
	"" | */* | . | ..)
		die "unknown MIGRATION=$MIGRATION; known migrations: $(migration_names | tr '\n' ' ')(make migrations)" ;;
	esac
	SPEC_DIR=$TOOLKIT/cocci/$MIGRATION
	SPEC=$SPEC_DIR/migration
	[ -f "$SPEC" ] ||
		die "unknown MIGRATION=$MIGRATION; known migrations: $(migration_names | tr '\n' ' ')(make migrations)"
	ENTRIES_DIR=$TOOLKIT/drivers-migrated/$MIGRATION
	export MIGRATION SPEC SPEC_DIR ENTRIES_DIR
	_steps=
	[ -z "${2:-}" ] || _steps=" $(printf '%s\n' "$2" | tr -s ' \t\n' '   ' | sed 's/^ //; s/ $//') "
	if [ "${SPEC_PARSED:-}" = "$O/spec/$MIGRATION" ] && [ -f "$SPEC_PARSED" ] &&
		[ -z "$(find "$SPEC" -newer "$SPEC_PARSED")" ]; then
		[ -z "${1:-}" ] || spec_check_tree "$1" "$_steps"
		return 0
	fi
	mkdir -p "$O/spec" || die "cannot create $O/spec"
	SPEC_PARSED=$O/spec/$MIGRATION
	awk -v dir="$SPEC_DIR" -v entries="$ENTRIES_DIR" -v kdir="${1:-}" -v steps="$_steps" \
		-f "$TOOLKIT/scripts/lib/spec.awk" "$SPEC" >"$SPEC_PARSED.$$" || { rm -f "$SPEC_PARSED.$$"; exit 2; }
	mv "$SPEC_PARSED.$$" "$SPEC_PARSED" || die "cannot write $SPEC_PARSED"
	export SPEC_PARSED
}

# spec_check_tree TREE STEPS: the moves of STEPS (names, in order) can
# work on TREE: what each reads and writes is there or made by an earlier
# one of STEPS. Else an environment error, named by the spec's file and line.
spec_check_tree() {
	awk -v dir="$SPEC_DIR" -v entries="$ENTRIES_DIR" -v kdir="$1" -v steps="${2:+ $2 }" \
		-f "$TOOLKIT/scripts/lib/spec.awk" "$SPEC" >/dev/null || exit 2
}

# spec_scan_options KEY: the cscan options the spec's KEY lines give, one
# word a line: "private: HEADER PATTERN..." is --private HEADER=PATTERN,...;
# "confine: SYMBOL... to DIR..." is --allow SYMBOL=DIR,... for each SYMBOL.
spec_scan_options() {
	spec_get 0 "$1" | awk -v key="$1" '
		key == "private" {
			o = $1
			for (i = 2; i <= NF; i++) o = o (i == 2 ? "=" : ",") $i
			print "--private"; print o
		}
		key == "confine" {
			for (t = 1; $t != "to"; t++) ;
			dirs = $(t + 1)
			for (i = t + 2; i <= NF; i++) dirs = dirs "," $i
			for (i = 1; i < t; i++) { print "--allow"; print $i "=" dirs }
		}'
}

# series_branch: the branch make series writes and make check and make ci
# read: BRANCH, else the spec's branch:, else api-migrate/MIGRATION.
series_branch() {
	echo "${BRANCH:-$(spec_get 0 branch | grep . || echo "api-migrate/$MIGRATION")}"
}

# spec_get PART KEY: KEY's values in PART (0: the keys before the steps),
# one a line, in the spec's order.
spec_get() {
	awk -F'\t' -v p="$1" -v k="$2" '$1 == p && $2 == k { print $3 }' "$SPEC_PARSED"
}

# spec_steps: the step names in order, each once.
spec_steps() {
	awk -F'\t' '$2 == "step" && !seen[$3]++ { print $3 }' "$SPEC_PARSED"
}

# spec_parts STEP: the parts that make STEP, in order.
spec_parts() {
	awk -F'\t' -v s="$1" '$2 == "step" && $3 == s { print $1 }' "$SPEC_PARSED"
}

# spec_step_get STEP KEY: KEY of STEP's first part (message:, commits:,
# rationale:).
spec_step_get() {
	spec_get "$(spec_parts "$1" | head -n 1)" "$2"
}

# step_commits STEP: how STEP's change becomes commits, one or
# per-subsystem: the spec's commits: (default one), which COMMITS overrides
# for the steps whose message has a @PREFIX@ to fill.
step_commits() {
	_commits=$(spec_step_get "$1" commits)
	if [ -n "${COMMITS:-}" ] &&
		grep -q @PREFIX@ "$SPEC_DIR/$(spec_step_get "$1" message)"; then
		_commits=$COMMITS
	fi
	echo "${_commits:-one}"
}

# step_export PART: every key of PART as STEP_KEY (upper case, '-' as '_'),
# several values one a line, and STEP_NAME; the STEP_ variables of another
# part are unset first. The step kinds read their parameters from these.
step_export() {
	for _v in $(env | sed -n 's/^\(STEP_[A-Z_]*\)=.*/\1/p'); do
		unset "$_v"
	done
	for _k in $(awk -F'\t' -v p="$1" '$1 == p && $2 != "step" { print $2 }' "$SPEC_PARSED" | sort -u); do
		_v=$(spec_get "$1" "$_k")
		export "STEP_$(printf %s "$_k" | tr a-z- A-Z_)=$_v"
	done
	STEP_NAME=$(spec_get "$1" step)
	export STEP_NAME
}
