#!/bin/sh
# cmove on the Debian 6.12 tree, in a scratch worktree (the shared tree is
# never written): the ALLOC_* flags and struct alloc_context leave
# mm/internal.h for a new mm/page_alloc.h, and exactly the mm/ files that
# use them in code (as cscan refs finds them) gain one #include line each.
# Moving __alloc_pages() out of include/linux/gfp.h before its users are
# gone is refused. Expected values are computed from the tree.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
cmove=$O/bin/cmove
cscan=$O/bin/cscan

test_expect_success 'build the tools' '
	make -s -C "$TOOLKIT" O="$O" tools
'

wt=$(scratch_kernel) || exit 1

# the ALLOC_* macros of mm/internal.h, by grep
alloc_flags() {
	sed -n "s/^#define[[:space:]]\{1,\}\(ALLOC_[A-Z_]*\).*/\1/p" "$1" | sort -u
}
alloc_flags "$wt/mm/internal.h" >"$TRASH/flags"
syms="$(cat "$TRASH/flags") alloc_context"

test_expect_success 'the tree has ALLOC_* flags to move' '
	test "$(wc -l <"$TRASH/flags")" -ge 10
'

test_expect_success 'split mm/internal.h: exit 0, in seconds' '
	"$cscan" refs -l "$wt" $syms -- mm/ | grep -vx mm/internal.h >"$TRASH/users" &&
	test -s "$TRASH/users" &&
	start=$(date +%s) &&
	"$cmove" --scope mm/ "$wt" mm/internal.h mm/page_alloc.h $syms >"$TRASH/out" 2>"$TRASH/err" &&
	test $(($(date +%s) - start)) -lt 30 &&
	test ! -s "$TRASH/err"
'

test_expect_success 'one line per changed file' '
	{
		echo "cmove: mm/internal.h: $(git -C "$wt" diff --numstat mm/internal.h | cut -f2) lines moved out" &&
		echo "cmove: mm/page_alloc.h: created, $(wc -l <"$wt/mm/page_alloc.h") lines" &&
		while read -r f; do
			n=$(grep -n "^#include \"page_alloc.h\"$" "$wt/$f" | cut -d: -f1) &&
			echo "cmove: $f: #include \"page_alloc.h\" added after line $((n - 1))" || return 1
		done <"$TRASH/users"
	} >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'mm/internal.h defines no ALLOC_* flag, mm/page_alloc.h all of them' '
	alloc_flags "$wt/mm/internal.h" >"$TRASH/left" &&
	test ! -s "$TRASH/left" &&
	alloc_flags "$wt/mm/page_alloc.h" >"$TRASH/moved" &&
	test_cmp "$TRASH/flags" "$TRASH/moved" &&
	grep -q "^struct alloc_context {" "$wt/mm/page_alloc.h" &&
	! grep -q "alloc_context" "$wt/mm/internal.h"
'

test_expect_success 'mm/page_alloc.h: guard, then exactly the lines internal.h lost' '
	head -n 4 "$wt/mm/page_alloc.h" >"$TRASH/head" &&
	printf "%s\n" "/* SPDX-License-Identifier: GPL-2.0 */" "#ifndef __MM_PAGE_ALLOC_H" \
		"#define __MM_PAGE_ALLOC_H" "" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/head" &&
	tail -n 2 "$wt/mm/page_alloc.h" >"$TRASH/tail" &&
	printf "%s\n" "" "#endif /* __MM_PAGE_ALLOC_H */" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/tail" &&
	git -C "$wt" diff -U0 mm/internal.h | sed -n "/^---/d; s/^-//p" | grep -v "^$" >"$TRASH/lost" &&
	sed "1,4d; \$d" "$wt/mm/page_alloc.h" | grep -v "^$" >"$TRASH/gained" &&
	test_cmp "$TRASH/lost" "$TRASH/gained"
'

test_expect_success 'the users gained one #include line each, nothing else changed' '
	{
		while read -r f; do printf "1\t0\t%s\n" "$f"; done <"$TRASH/users" &&
		git -C "$wt" diff --numstat mm/internal.h
	} | sort >"$TRASH/want" &&
	git -C "$wt" diff --numstat | sort >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	git -C "$wt" diff -U0 $(cat "$TRASH/users") | grep "^+[^+]" | sort -u >"$TRASH/have" &&
	echo "+#include \"page_alloc.h\"" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	git -C "$wt" status --porcelain --untracked-files=all | grep "^??" >"$TRASH/new" &&
	echo "?? mm/page_alloc.h" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/new"
'

test_expect_success 'the same move again: nothing to do' '
	git -C "$wt" diff >"$TRASH/before" &&
	"$cmove" --scope mm/ "$wt" mm/internal.h mm/page_alloc.h $syms >"$TRASH/out" &&
	grep -q "^cmove: nothing to do: " "$TRASH/out" &&
	git -C "$wt" diff >"$TRASH/after" &&
	test_cmp "$TRASH/before" "$TRASH/after"
'

test_expect_success '__alloc_pages() out of gfp.h while gfp.h still calls it: refused' '
	wt=$(scratch_kernel) &&
	n=$(grep -n "return __alloc_pages_noprof(" "$wt/include/linux/gfp.h" | head -n 1 | cut -d: -f1) &&
	test -n "$n" &&
	expect_exit 1 "$cmove" -n --scope mm/ "$wt" include/linux/gfp.h mm/page_alloc.h \
		__alloc_pages_noprof __alloc_pages >"$TRASH/out" 2>"$TRASH/err" &&
	test ! -s "$TRASH/out" &&
	grep -q "^include/linux/gfp.h:$n:[0-9]*: error: __alloc_pages_noprof would move to mm/page_alloc.h" \
		"$TRASH/err" &&
	tail -n 1 "$TRASH/err" | grep -q "^cmove: refused: [0-9]* errors\{0,1\}; nothing changed$" &&
	test -z "$(git -C "$wt" status --porcelain)"
'

test_done
