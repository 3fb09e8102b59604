#!/bin/sh
# The five steps on Debian's 6.1 tree, a kernel from before the _noprof
# allocation-profiling forms: the plain names get the same treatment, the
# checks pass and the changed files build for x86_64 allmodconfig.
TEST_KVER=6.1
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
old=$KDIR_DEFAULT
wt=$O/test/worktrees/mm-steps-6.1
if [ -e "$wt/.git" ]; then
	git -C "$wt" checkout -q --detach -f "$(git -C "$old" rev-parse HEAD)" && git -C "$wt" clean -q -fd
else
	git -C "$old" worktree prune && git -C "$old" worktree add -q --detach "$wt" HEAD >/dev/null
fi || exit 1
base=$(git -C "$wt" rev-parse HEAD)
tk() { make -s -C "$TOOLKIT" "$@" KDIR="$wt" O="$TRASH/o"; }

test_expect_success 'the tree has no _noprof forms' '
	! grep -qw __alloc_pages_noprof "$wt/include/linux/gfp.h"
'

test_expect_success 'make apply runs the five steps' '
	tk apply >"$TRASH/out" 2>"$TRASH/err" &&
	for step in split move-buddy callers remove-node move-alloc-pages; do
		grep -q "^apply.sh: $step: " "$TRASH/out" || { echo "no $step"; exit 1; }
	done &&
	git -C "$wt" add -A && git -C "$wt" -c user.name=t -c user.email=t@t commit -qm migrated
'

test_expect_success 'make check-api and make check-leaks pass' '
	tk check-api >"$TRASH/api" 2>&1 && tk check-leaks >"$TRASH/leaks" 2>&1
'

test_expect_success 'gfp.h has neither __alloc_pages nor __alloc_pages_node' '
	! grep -nwE "__alloc_pages|__alloc_pages_node" "$wt/include/linux/gfp.h" &&
	grep -q "^struct page \*alloc_pages_node(int nid, gfp_t gfp_mask, unsigned int order);" \
		"$wt/include/linux/gfp.h" &&
	grep -q "^EXPORT_SYMBOL(alloc_pages_node);" "$wt/mm/page_alloc.c"
'

test_expect_success 'the flags moved to mm/page_alloc.h' '
	! grep -n "^#define ALLOC_" "$wt/mm/internal.h" &&
	grep -q "^#define ALLOC_CPUSET" "$wt/mm/page_alloc.h"
'

test_expect_success 'a second make apply changes nothing' '
	tk apply >"$TRASH/out" 2>&1 && grep -q "nothing to change" "$TRASH/out"
'

objdir=$O/kbuild/x86_64-6.1
test_expect_success 'the changed files that x86_64 allmodconfig builds, build' '
	build_changed "$wt" "$base" "$objdir" &&
	grep -qx mm/page_alloc.o "$TRASH/objects" &&
	! grep -qx mm/slab.o "$TRASH/objects"
'

test_done
