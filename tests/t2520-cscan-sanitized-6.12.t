#!/bin/sh
# cscan built with ASan+UBSan over the whole 6.12 tree: the same output as
# the plain build, and not a word from the sanitizers.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
test_require CLANG
kdir=$(kernel_tree) || exit 1
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1

test_expect_success 'build cscan plain and sanitized' '
	make -s -C "$TOOLKIT" O="$O" tools "$O/bin/san/cscan"
'

# same MODE-ARGS...: both builds agree on stdout and exit code; no stderr.
same() {
	set +e
	"$O/bin/cscan" "$@" >"$TRASH/plain" 2>"$TRASH/plain.err"
	want=$?
	"$O/bin/san/cscan" "$@" >"$TRASH/san" 2>"$TRASH/san.err"
	got=$?
	set -e
	test "$want" -eq "$got" &&
	test ! -s "$TRASH/san.err" &&
	test_cmp "$TRASH/plain" "$TRASH/san"
}

test_expect_success 'leak' 'same leak --private "mm/internal.h=ALLOC_*" --private mm/page_alloc.h "$kdir"'
test_expect_success 'leak --audit, on one thread' 'same leak --private "mm/internal.h=ALLOC_*" --private mm/page_alloc.h --audit -j 1 "$kdir" drivers/base lib'
test_expect_success 'refs' 'same refs "$kdir" __alloc_pages_node __alloc_pages'
test_expect_success 'api' 'same api --allow __alloc_pages=mm/ --allow __alloc_pages_node=mm/ "$kdir"'
test_expect_success 'tokens of the biggest header of mm/' '
	same tokens "$kdir/mm/internal.h"
'

test_done
