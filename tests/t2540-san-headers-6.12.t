#!/bin/sh
# cscan and cmove built with ASan+UBSan, whole-file over every .h of
# include/linux/ and mm/ of the 6.12 tree (about 2700 files): cscan leak
# (the page allocator's private headers, then include/linux/ made private
# so that every mm/ header has findings), cscan refs of two words every
# file holds (each file lexed whole), and cmove --list of every file. Not a
# crash, not a word from the sanitizers, the same output and exit as the
# plain build, each run bounded by timeout. About 30 s on 2 busy cores.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
test_require CLANG
kdir=$KDIR_DEFAULT
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1

test_expect_success 'build cscan and cmove plain and sanitized' '
	make -s -C "$TOOLKIT" O="$O" tools "$O/bin/san/cscan" "$O/bin/san/cmove"
'

test_expect_success 'the headers: every .h of include/linux/ and mm/' '
	(cd "$kdir" && find include/linux mm -name "*.h" -type f | sort) >"$TRASH/files" &&
	test "$(wc -l <"$TRASH/files")" -gt 2000
'

# same WANT-EXIT PROG ARGS...: the plain and the sanitized PROG (cscan or
# cmove) exit WANT-EXIT within 5 minutes, print the same on stdout, and the
# sanitized one nothing on stderr. The header list is appended to ARGS.
same() {
	want=$1 prog=$2
	shift 2
	# shellcheck disable=SC2046
	expect_exit "$want" timeout 300 "$O/bin/$prog" "$@" $(cat "$TRASH/files") \
		>"$TRASH/plain" 2>"$TRASH/plain.err" &&
	# shellcheck disable=SC2046
	expect_exit "$want" timeout 300 "$O/bin/san/$prog" "$@" $(cat "$TRASH/files") \
		>"$TRASH/san" 2>"$TRASH/san.err" &&
	test ! -s "$TRASH/san.err" &&
	test -s "$TRASH/san" &&
	test_cmp "$TRASH/plain" "$TRASH/san"
}

test_expect_success 'cscan leak, the page allocator set: exit 0' '
	same 0 cscan leak --private "mm/internal.h=ALLOC_*" --private mm/page_alloc.h "$kdir" &&
	tail -n 1 "$TRASH/san" | grep -q "^cscan leak: 0 errors, 2 notes in [0-9]* files$"
'

test_expect_success 'cscan leak, include/linux/list.h private too: errors in mm/, exit 1' '
	same 1 cscan leak --audit --private include/linux/list.h --private "mm/internal.h=ALLOC_*" \
		"$kdir" &&
	grep -q "^mm/[^:]*:[0-9]*:[0-9]*: error: list_[a-z_]* is private to include/linux/ " \
		"$TRASH/san"
'

test_expect_success 'cscan refs of two words every header holds' '
	same 0 cscan refs "$kdir" int void -- &&
	test "$(cut -d: -f1 "$TRASH/san" | sort -u | wc -l)" -gt 1000
'

test_expect_success 'cmove --list of every header' '
	same 0 cmove --list "$kdir" &&
	test "$(cut -d: -f1 "$TRASH/san" | sort -u | wc -l)" -gt 2000
'

test_done
