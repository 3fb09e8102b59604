#!/bin/sh
# make bench: the toolkit's speed against what kernel developers compare it
# with, on KDIR (never changed: the runs happen in O's scratch worktree,
# $O/scratch, at its HEAD). Every command runs as a whole process, once to warm
# up, then RUNS times (default 3); printed: the median wall time and the
# median peak memory (GNU time's %M, the largest process), and the ratios.
#
# For each migration's first step with a semantic patch (a cocci step, or a
# rename step whose cocci: is the same change as a semantic patch), or the
# steps BENCH names (MIGRATION:STEP ...):
#   make apply STEPS=STEP     against
#   make coccicheck MODE=patch COCCI=<the step's semantic patches, combined>
#   git grep -w -e SYMBOL...  (the step's symbols:, or the old names of rename:)
# Targets: a cocci step <= 1.0x coccicheck, a rename step <= 3.0x git grep.
# And the migrations BENCH_SERIES names (default timer-delete) as a whole
# series on SERIES_KDIR (default build/linux-6.12): make series against
# make coccicheck of all their semantic patches; target <= 2.0x.
# And the scanner: check/scan.sh leaks (cscan leak) of MIGRATION against git grep
# -w of the first symbol its spec confines; target <= 1.0x.
# Exit 0, met or not; 2 when something cannot run (a command's exit 1,
# findings or no match, counts as a run).
# measure sets NAME_s and NAME_kb; each step runs in a subshell with its
# own MIGRATION.
# shellcheck disable=SC2154,SC2030,SC2031
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$(dirname "$0")/../lib/spec.sh"
# shellcheck source=scripts/lib/steps.sh
. "$(dirname "$0")/../lib/steps.sh"

runs=${RUNS:-3}
case $runs in '' | *[!0-9]* | 0) die "RUNS=$runs: pass a number of runs, 1 or more" ;; esac
absolute_o
require_kdir "${KDIR:-}"
lock_runs bench
[ -x "$O/bin/cscan" ] || die "$O/bin/cscan not built; run 'make tools'"
[ -x /usr/bin/time ] || die "/usr/bin/time not found; install the Debian package time ('make deps')"
bench=$O/bench
tree=$O/scratch
mkdir -p "$bench" || die "cannot create $bench"
make_work_dir

# measure NAME CMD...: run CMD (output discarded) once, then $runs times,
# resetting the scratch tree before each run; sets ${NAME}_s (median wall
# seconds) and ${NAME}_kb (median peak KB).
measure() {
	_name=$1
	shift
	: >"$work/samples"
	_i=0
	while [ "$_i" -le "$runs" ]; do
		if ! git -C "$tree" reset -q --hard || ! git -C "$tree" clean -q -fd; then
			die "cannot reset $tree"
		fi
		/usr/bin/time -f '%e %M' -o "$work/one" "$@" >/dev/null 2>"$work/err"
		_rc=$?
		# 1: findings (cscan, make apply) or no match (git grep)
		if [ $_rc -gt 1 ]; then
			tail -n 5 "$work/err" >&2
			die "'$*' failed (exit $_rc)"
		fi
		[ "$_i" -gt 0 ] && tail -n 1 "$work/one" >>"$work/samples"
		_i=$((_i + 1))
	done
	_mid=$(((runs + 1) / 2))
	eval "${_name}_s=\$(cut -d' ' -f1 \"\$work/samples\" | sort -n | sed -n ${_mid}p)"
	eval "${_name}_kb=\$(cut -d' ' -f2 \"\$work/samples\" | sort -n | sed -n ${_mid}p)"
}

# report LABEL WHAT NAME: one measured line.
report() {
	eval "printf '%s: %s: %s: %s s, %s KB peak (median of %s)\n' \"\$prog\" \"\$1\" \"\$2\" \"\$${3}_s\" \"\$${3}_kb\" \"\$runs\""
}

# ratio LABEL A B TARGET: A/B, and whether it is at most TARGET (none: no target).
ratio() {
	awk -v p="$prog" -v l="$1" -v n="$2" -v a="$3" -v b="$4" -v t="$5" 'BEGIN {
		r = b > 0 ? a / b : 0
		printf "%s: %s: ratio %s: %.2f", p, l, n, r
		if (t != "none") printf " (target <= %.1f: %s)", t, (r <= t ? "met" : "NOT met")
		printf "\n"
	}'
}

KDIR=$(cd "$KDIR" && pwd) && export KDIR
# The steps run every time: a replay from the step cache is not what is timed.
CACHE=0 && export CACHE
scratch_worktree "$(git -C "$KDIR" rev-parse HEAD)" 2>/dev/null

# The steps: BENCH, else each migration's first step with a semantic patch.
if [ -n "${BENCH:-}" ]; then
	pairs=$BENCH
else
	pairs=
	for m in $(migration_names); do
		step=$(MIGRATION=$m && spec_load && for s in $(spec_steps); do
			for part in $(spec_parts "$s"); do
				[ -n "$(spec_get "$part" cocci)" ] && echo "$s" && exit 0
			done
		done)
		[ -n "$step" ] && pairs="$pairs $m:$step"
	done
fi

# inputs LABEL STEP...: the steps' semantic patches (cocci:), combined into
# $bench/LABEL.cocci and named in $coccis ("a.cocci+b.cocci"), and their
# symbols (symbols:, or the old names of rename:) as git grep's "-e SYMBOL"
# arguments in $work/symbols; kind, the first step's kind. MIGRATION's spec
# is loaded.
inputs() {
	_label=$1
	shift
	: >"$work/coccis"
	: >"$work/symbols.list"
	kind=
	for _step in "$@"; do
		for _part in $(spec_parts "$_step"); do
			_k=$(spec_get "$_part" kind)
			for _c in $(spec_get "$_part" cocci); do echo "$SPEC_DIR/$_c" >>"$work/coccis"; done
			case $_k in
			cocci) spec_get "$_part" symbols | tr ' ' '\n' >>"$work/symbols.list"; kind=${kind:-$_k} ;;
			rename) spec_get "$_part" rename | cut -d' ' -f1 >>"$work/symbols.list"; kind=${kind:-$_k} ;;
			esac
		done
	done
	[ -s "$work/coccis" ] || die "$_label: no semantic patch (cocci:) to compare with"
	[ -s "$work/symbols.list" ] || die "$_label: no symbols (symbols: or rename:) for git grep"
	# shellcheck disable=SC2046
	awk -f "$TOOLKIT/scripts/apply/kinds/cocci/cocci-combine.awk" $(sort -u "$work/coccis") >"$bench/$(echo "$_label" | tr ' ' -).cocci" ||
		exit 2
	coccis=$(sort -u "$work/coccis" | sed 's|.*/||' | tr '\n' '+' | sed 's/+$//')
	sort -u "$work/symbols.list" | sed 's/^/-e /' >"$work/symbols"
}

for pair in $pairs; do
	m=${pair%%:*} step=${pair#*:}
	label="$m $step"
	(
		MIGRATION=$m
		spec_load
		inputs "$label" "$step"
		# shellcheck disable=SC2046
		set -- $(cat "$work/symbols")

		measure apply make -s -C "$TOOLKIT" apply MIGRATION="$m" STEPS="$step" \
			KDIR="$tree" O="$bench/o"
		measure cc make -s -C "$tree" coccicheck MODE=patch COCCI="$bench/$m-$step.cocci" J="${J:-2}"
		measure grep git -C "$tree" grep -w "$@"
		report "$label" "make apply STEPS=$step" apply
		report "$label" "make coccicheck MODE=patch COCCI=$coccis" cc
		report "$label" "git grep -w $*" grep
		target_cc=none target_grep=none
		case $kind in
		cocci) target_cc=1.0 ;;
		rename) target_grep=3.0 ;;
		esac
		ratio "$label" make-apply/coccicheck "$apply_s" "$cc_s" "$target_cc"
		ratio "$label" make-apply/git-grep "$apply_s" "$grep_s" "$target_grep"
	) || exit
done

# A tree-wide change as a whole series (its steps, commits, b4, checkpatch
# of every patch) against coccicheck of its semantic patches, on a tree that
# still has what it changes: SERIES_KDIR, default build/linux-6.12 (the
# default tree may have it done already, as 7.2 has timer-delete). make
# series works in a clone of it under $O/bench (its branches are not
# SERIES_KDIR's) with an O of its own. Target <= 2.0x.
# BENCH_SERIES: the migrations to time so (default timer-delete, none when
# BENCH names steps).
if [ -z "${BENCH_SERIES+set}" ]; then
	BENCH_SERIES=timer-delete
	[ -z "${BENCH:-}" ] || BENCH_SERIES=
fi
for m in $BENCH_SERIES; do
	label="$m series"
	(
		MIGRATION=$m
		spec_load
		sk=${SERIES_KDIR:-$TOOLKIT/build/linux-6.12}
		if [ ! -d "$sk/.git" ]; then
			[ -z "${SERIES_KDIR:-}" ] || die "SERIES_KDIR=$SERIES_KDIR is not a kernel git tree"
			info "$label: skipped: no $sk ('make kernel-6.12', or pass SERIES_KDIR= a tree that $m changes)"
			exit 0
		fi
		# shellcheck disable=SC2046
		inputs "$label" $(spec_steps)
		clone=$bench/series-kdir
		head=$(git -C "$sk" rev-parse HEAD) || die "SERIES_KDIR=$sk has no HEAD"
		if ! git -C "$clone" checkout -q --detach -f "$head" 2>/dev/null; then
			rm -rf "$clone" "$bench/series-o" && git clone -q --shared --no-checkout "$sk" "$clone" &&
				git -C "$clone" checkout -q --detach "$head" || die "cannot clone $sk into $clone"
		fi
		# make series commits as the identity git has in KDIR.
		if ! git -C "$clone" config user.email >/dev/null; then
			git -C "$clone" config user.name "make bench" &&
				git -C "$clone" config user.email bench@example.org ||
				die "cannot set a git identity in $clone"
		fi
		# As make series decides it: no code names what the steps change.
		steps=$(spec_steps | tr '\n' ' ')
		if migration_done "$clone"; then
			info "$label: skipped: no code of $sk names $done_names ($m is done there); pass SERIES_KDIR= a tree it changes"
			exit 0
		fi
		measure series make -s -C "$TOOLKIT" series MIGRATION="$m" KDIR="$clone" O="$bench/series-o"
		measure cc make -s -C "$clone" coccicheck MODE=patch COCCI="$bench/$m-series.cocci" J="${J:-2}"
		report "$label" "make series (${sk##*/})" series
		report "$label" "make coccicheck MODE=patch COCCI=$coccis (${sk##*/})" cc
		ratio "$label" make-series/coccicheck "$series_s" "$cc_s" 2.0
	) || exit
done

# The scanner, as make check-leaks runs it, on MIGRATION.
spec_load
sym=$(spec_get 0 confine | awk '{ print $1; exit }')
[ -n "$sym" ] || die "$MIGRATION confines no symbol: nothing for git grep to look for"
measure scan "$TOOLKIT/check/scan.sh" leaks "$tree"
measure grep git -C "$tree" grep -w "$sym"
report "$MIGRATION scanner" "cscan leak" scan
report "$MIGRATION scanner" "git grep -w $sym" grep
ratio "$MIGRATION scanner" cscan/git-grep "$scan_s" "$grep_s" 1.0
exit 0
