#!/bin/sh
# cscan leak on a scratch worktree of the 6.12 tree with leaks injected:
# a code use of ALLOC_CPUSET outside mm/ is an error at exactly its line and
# column; the same name in a string and a comment is not; a driver that
# defines its own ALLOC_CPUSET gets a note; a new mm/page_alloc.h joins the
# set and an include of it from a driver is an error at its line.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
cscan=$O/bin/cscan
# leak ARGS...: cscan leak with the page allocator's private headers.
leak() {
	"$cscan" leak --private "mm/internal.h=ALLOC_*" --private mm/page_alloc.h "$@"
}
kdir=$(scratch_kernel) || exit 1

# at FILE LINE WORD: "FILE:LINE:COL" of WORD's first occurrence on LINE.
at() {
	col=$(sed -n "${2}p" "$kdir/$1" | awk -v w="$3" '{ print index($0, w) }')
	echo "$1:$2:$col"
}

last_line() {
	wc -l <"$kdir/$1" | tr -d " "
}

def=$(grep -n "^#define ALLOC_CPUSET" "$kdir/mm/internal.h" | cut -d: -f1)

test_expect_success 'build cscan' '
	make -s -C "$TOOLKIT" O="$O" tools
'

test_expect_success 'a code use outside mm/ is an error at its position, exit 1' '
	echo "int cscan_injected(void) { return ALLOC_CPUSET; }" >>"$kdir/drivers/char/mem.c" &&
	expect_exit 1 leak "$kdir" >"$TRASH/out" &&
	echo "$(at drivers/char/mem.c "$(last_line drivers/char/mem.c)" ALLOC_CPUSET): error: ALLOC_CPUSET is private to mm/ (mm/internal.h:$def)" \
		>"$TRASH/want" &&
	grep ": error: " "$TRASH/out" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	tail -n 1 "$TRASH/out" | grep -q "^cscan leak: 1 error, 4 notes in "
'

test_expect_success 'the same name in a string and a comment: a note, exit 0' '
	kdir=$(scratch_kernel) &&
	echo "static const char cscan_s[] = \"ALLOC_CPUSET\"; /* ALLOC_CPUSET */" \
		>>"$kdir/drivers/char/mem.c" &&
	expect_exit 0 leak "$kdir" >"$TRASH/out" &&
	n=$(last_line drivers/char/mem.c) &&
	col=$(sed -n "${n}p" "$kdir/drivers/char/mem.c" | awk "{ print index(\$0, \"/*\") + 3 }") &&
	echo "drivers/char/mem.c:$n:$col: note: comment mentions ALLOC_CPUSET, private to mm/ (mm/internal.h:$def)" \
		>"$TRASH/want" &&
	grep "^drivers/char/mem.c:" "$TRASH/out" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	! grep -q ": error: " "$TRASH/out" &&
	tail -n 1 "$TRASH/out" | grep -q "^cscan leak: 0 errors, 5 notes in "
'

test_expect_success 'a driver with its own ALLOC_CPUSET: a note, its uses are fine' '
	kdir=$(scratch_kernel) &&
	printf "%s\n" "#define ALLOC_CPUSET 0x1" "int cscan_own(void) { return ALLOC_CPUSET; }" \
		>>"$kdir/drivers/char/mem.c" &&
	expect_exit 0 leak "$kdir" >"$TRASH/out" &&
	n=$(($(last_line drivers/char/mem.c) - 1)) &&
	echo "$(at drivers/char/mem.c $n ALLOC_CPUSET): note: defines its own macro ALLOC_CPUSET, not the mm-private one (mm/internal.h:$def)" \
		>"$TRASH/want" &&
	grep "^drivers/char/mem.c:" "$TRASH/out" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'a new mm/page_alloc.h: including it from a driver is an error' '
	kdir=$(scratch_kernel) &&
	printf "%s\n" "#ifndef CSCAN_TEST_PAGE_ALLOC_H" "#define CSCAN_TEST_PAGE_ALLOC_H" \
		"int cscan_test_pa_helper(void);" "#endif" >"$kdir/mm/page_alloc.h" &&
	f=drivers/misc/sgi-xp/xpc_uv.c &&
	n=$(grep -n "^#include" "$kdir/$f" | head -n 1 | cut -d: -f1) &&
	sed -i "${n}a #include \"../../../mm/page_alloc.h\"" "$kdir/$f" &&
	echo "int cscan_pa(void) { return cscan_test_pa_helper(); }" >>"$kdir/$f" &&
	expect_exit 1 leak "$kdir" >"$TRASH/out" &&
	{
		echo "$f:$((n + 1)):10: error: includes mm/page_alloc.h, which is private to mm/" &&
		echo "$(at $f "$(last_line $f)" cscan_test_pa_helper): error: cscan_test_pa_helper is private to mm/ (mm/page_alloc.h:3)"
	} >"$TRASH/want" &&
	grep ": error: " "$TRASH/out" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'the worktree goes back to its baseline' '
	kdir=$(scratch_kernel) &&
	test -z "$(git -C "$kdir" status --porcelain)"
'

test_done
