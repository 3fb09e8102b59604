#!/bin/sh
# scripts/bench.sh (make bench) runs on the 6.12 tree: both medians and the
# ratio are printed, exit 0.
. "$(dirname "$0")/lib/tap.sh"

[ "${KERNEL_TESTS:-1}" = 0 ] && test_skip_all "KERNEL_TESTS=0"
kdir=$(kernel_tree) || exit 1

test_expect_success 'bench.sh prints two medians and the ratio' '
	make -s -C "$TOOLKIT" O="$O" tools &&
	env KDIR="$kdir" O="$O" MIGRATION=page-alloc "$TOOLKIT/scripts/bench.sh" >"$TRASH/out" &&
	cat "$TRASH/out" &&
	grep -q "^bench.sh: cscan leak KDIR: *[0-9]* ms (median of 5)$" "$TRASH/out" &&
	grep -q "^bench.sh: git -C KDIR grep -w __alloc_pages_node: *[0-9]* ms (median of 5)$" "$TRASH/out" &&
	grep -q "^bench.sh: ratio cscan/git-grep: [0-9]*\.[0-9][0-9]$" "$TRASH/out"
'

test_done
