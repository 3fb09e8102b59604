#!/bin/sh
# The five steps on the Debian 6.12 tree (a scratch worktree of it): the
# page allocator's internals and its __ entry points become private to mm/,
# the checks pass, every step passes checkpatch.pl and the changed files
# build (make check of the whole migration is t0650's and t0660's, on 7.2).
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
use_scratch_clone
base=$(git -C "$kdir" rev-parse HEAD)
tk() { make -s -C "$TOOLKIT" "$@" KDIR="$kdir" O="$o"; }
tokens='__alloc_pages|__alloc_pages_noprof|__alloc_pages_node|__alloc_pages_node_noprof'

test_expect_success 'make apply runs the five steps' '
	tk apply >"$TRASH/out" 2>"$TRASH/err" &&
	for step in split move-buddy callers remove-node move-alloc-pages; do
		grep -q "^apply.sh: $step: " "$TRASH/out" || { echo "no $step"; exit 1; }
	done &&
	git -C "$kdir" add -A &&
	git -C "$kdir" -c user.name=t -c user.email=t@t commit -qm migrated
'

test_expect_success 'make check-leaks passes' '
	tk check-leaks >"$TRASH/leaks" 2>&1
'

test_expect_success 'make check-api passes' '
	tk check-api >"$TRASH/api" 2>&1
'

test_expect_success 'mm/page_alloc.h holds every ALLOC_* flag, mm/internal.h none' '
	git -C "$kdir" show "$base:mm/internal.h" |
		sed -n "s/^#define \(ALLOC_[A-Z_]*\).*/\1/p" | sort -u >"$TRASH/flags" &&
	test "$(wc -l <"$TRASH/flags")" -ge 10 &&
	sed -n "s/^#define \(ALLOC_[A-Z_]*\).*/\1/p" "$kdir/mm/page_alloc.h" | sort -u >"$TRASH/moved" &&
	test_cmp "$TRASH/flags" "$TRASH/moved" &&
	! grep -n "^#define ALLOC_" "$kdir/mm/internal.h" &&
	grep -q "^struct alloc_context {" "$kdir/mm/page_alloc.h" &&
	! grep -q "^struct alloc_context {" "$kdir/mm/internal.h"
'

test_expect_success 'mm/page_alloc.h: SPDX line, include guard, listed in MAINTAINERS' '
	head -n 1 "$kdir/mm/page_alloc.h" | grep -qx "/\* SPDX-License-Identifier: GPL-2.0 \*/" &&
	grep -qx "#ifndef __MM_PAGE_ALLOC_H" "$kdir/mm/page_alloc.h" &&
	tail -n 1 "$kdir/mm/page_alloc.h" | grep -q "^#endif" &&
	grep -qx "F:	mm/page_alloc.h" "$kdir/MAINTAINERS"
'

test_expect_success 'include/linux/gfp.h has none of the four tokens' '
	! grep -nwE "$tokens" "$kdir/include/linux/gfp.h"
'

test_expect_success 'no code outside mm/ references them' '
	"$o/bin/cscan" refs --exclude mm/ "$kdir" __alloc_pages __alloc_pages_noprof \
		__alloc_pages_node __alloc_pages_node_noprof >"$TRASH/refs" &&
	test ! -s "$TRASH/refs"
'

test_expect_success 'Documentation prose names no __alloc_pages(); stack traces stay' '
	! grep -n "__alloc_pages()" "$kdir/Documentation/admin-guide/cgroup-v1/cpusets.rst" \
		"$kdir/Documentation/admin-guide/mm/transhuge.rst" &&
	git -C "$kdir" diff --quiet "$base" -- Documentation/mm/page_owner.rst
'

# series-checkpatch.sh: what a moved or replaced line had already is a note.
test_expect_success 'every step patch passes checkpatch.pl' '
	ls "$o"/apply/[0-9][0-9]-*.patch >"$TRASH/steps" &&
	test "$(wc -l <"$TRASH/steps")" -eq 5 &&
	"$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$kdir" $(cat "$TRASH/steps") >"$TRASH/checkpatch" &&
	tail -n 1 "$TRASH/checkpatch" |
		grep -x "series-checkpatch.sh: checkpatch.pl on 5 patch(es): 0 error(s), 0 warning(s)"
'

# The tests' build directory of this tree: t0600 and t0630 build there too.
test_expect_success 'the changed files that x86_64 allmodconfig builds, build' '
	build_changed "$kdir" "$base" "$o/kbuild/x86_64" &&
	grep -qx mm/page_alloc.o "$TRASH/objects" &&
	grep -qx arch/x86/kvm/vmx/vmx.o "$TRASH/objects"
'

test_expect_success 'a second make apply changes nothing' '
	tk apply >"$TRASH/out" 2>&1 &&
	grep -q "nothing to change" "$TRASH/out" &&
	test -z "$(git -C "$kdir" status --porcelain)"
'

test_done
