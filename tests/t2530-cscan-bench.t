#!/bin/sh
# make bench (scripts/bench/bench.sh) runs on the 6.12 tree and prints, for each
# migration's first semantic-patch step and for the scanner, every measured
# line, every ratio and whether its target is met; exit 0. One timed run of
# each (RUNS=1): this checks what bench prints, never how fast anything is.
# BENCH picks page-alloc's callers step alone: timer-delete's coccicheck over
# the whole tree takes minutes, and its lines are printed by the same code.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
# The chain's scratch clone and O: bench resets O's scratch worktree, which
# the earlier tests of the tree made, instead of checking out one more.
use_scratch_clone
num='[0-9][0-9]*\.[0-9][0-9]'

test_expect_success 'bench.sh runs: exit 0, KDIR untouched' '
	make -s -C "$TOOLKIT" O="$o" tools &&
	git -C "$kdir" status --porcelain >"$TRASH/before" &&
	env KDIR="$kdir" O="$o" MIGRATION=page-alloc RUNS=1 J=2 BENCH=page-alloc:callers "$TOOLKIT/scripts/bench/bench.sh" >"$TRASH/out" 2>"$TRASH/err" &&
	cat "$TRASH/out" &&
	git -C "$kdir" status --porcelain >"$TRASH/after" &&
	test_cmp "$TRASH/before" "$TRASH/after"
'

for step in "page-alloc callers"; do
	test_expect_success "$step: make apply, coccicheck and git grep, each measured" "
		grep -q '^bench.sh: $step: make apply STEPS=${step#* }: $num s, [0-9]* KB peak (median of 1)\$' \"\$TRASH/out\" &&
		grep -q '^bench.sh: $step: make coccicheck MODE=patch COCCI=[^ ]*\\.cocci: $num s, [0-9]* KB peak (median of 1)\$' \"\$TRASH/out\" &&
		grep -q '^bench.sh: $step: git grep -w -e [^ ]*\\( -e [^ ]*\\)*: $num s, [0-9]* KB peak (median of 1)\$' \"\$TRASH/out\"
	"
done

test_expect_success 'the callers step against coccicheck: ratio and target' '
	grep -q "^bench.sh: page-alloc callers: ratio make-apply/coccicheck: $num (target <= 1.0: \(met\|NOT met\))\$" "$TRASH/out" &&
	grep -q "^bench.sh: page-alloc callers: ratio make-apply/git-grep: $num\$" "$TRASH/out"
'

test_expect_success 'the scanner against git grep: both measured, ratio and target' '
	grep -q "^bench.sh: page-alloc scanner: cscan leak: $num s, [0-9]* KB peak (median of 1)\$" "$TRASH/out" &&
	grep -q "^bench.sh: page-alloc scanner: git grep -w __alloc_pages_node: $num s, [0-9]* KB peak (median of 1)\$" "$TRASH/out" &&
	grep -q "^bench.sh: page-alloc scanner: ratio cscan/git-grep: $num (target <= 1.0: \(met\|NOT met\))\$" "$TRASH/out"
'

test_expect_success 'RUNS must be a number' '
	expect_exit 2 env KDIR="$kdir" O="$TRASH/o" RUNS=x "$TOOLKIT/scripts/bench/bench.sh" 2>"$TRASH/err" &&
	grep -q "RUNS=x: pass a number of runs" "$TRASH/err"
'

test_done
