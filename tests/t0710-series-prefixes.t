#!/bin/sh
# make series STEPS=callers on the 6.12 tree with callers that no
# drivers-migrated/ entry knows, added in commits of a scratch clone: their
# subject prefixes come from the history of the file, else of its
# directory, else from MAINTAINERS and the path; files of one subsystem
# share a commit, the rationale alone is its body; BASE and BRANCH other
# than the defaults.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL

use_scratch_clone "Ada Tester" ada@example.org
rm -rf "$o/series"
branch=test/unknown-callers

# add_caller FILE CALL: a small C file with one call, as a driver would have.
add_caller() {
	name=${1##*/}
	mkdir -p "$kdir/${1%/*}" &&
	printf '// SPDX-License-Identifier: GPL-2.0\n#include <linux/gfp.h>\n\nstruct page *%s_alloc(int nid)\n{\n\treturn %s;\n}\n' \
		"${name%.c}" "$2" >"$kdir/$1"
}
commit() { git -C "$kdir" add -A && git -C "$kdir" commit -q -m "$1"; }

# Without a prefix in the history: MAINTAINERS (LKDTM's section; CHAR and
# MISC's, whose directory is above the file) and the path.
add_caller drivers/misc/lkdtm/fake_one.c "__alloc_pages_node(nid, GFP_KERNEL, 0)"
add_caller drivers/misc/lkdtm/fake_two.c "__alloc_pages_node(nid, GFP_KERNEL, 1)"
add_caller drivers/misc/fakedev/fakedev.c "__alloc_pages_node(nid, GFP_KERNEL, 0)"
add_caller drivers/char/fakehist/other.c "__alloc_pages_node(nid, GFP_KERNEL, 0)"
commit "Add callers that no entry knows"
# With history: the most used prefix wins over a newer one used once;
# other.c has none of its own and takes its directory's.
add_caller drivers/char/fakehist/fakehist.c "__alloc_pages(GFP_KERNEL, 0, nid, NULL)"
commit "fakehist: Add a caller with history"
echo "/* tidied */" >>"$kdir/drivers/char/fakehist/fakehist.c"
commit "fakehist: Tidy up"
echo "/* tidied again */" >>"$kdir/drivers/char/fakehist/fakehist.c"
commit "char: fakehist: Tidy up again"
base=$(git -C "$kdir" rev-parse HEAD)
# KDIR itself stays on the baseline: the series starts from BASE.
git -C "$kdir" checkout -q --detach "$baseline"

out=$o/series
test_expect_success 'make series BASE=... BRANCH=... STEPS=callers succeeds' '
	make -s -C "$TOOLKIT" series KDIR="$kdir" O="$o" STEPS=callers \
		BASE="$base" BRANCH="$branch" >"$TRASH/out" 2>"$TRASH/err" &&
	grep -q "^series.sh: 8 patch(es) and a cover letter in $out/; $branch is at " "$TRASH/out"
'

test_expect_success 'subjects in the order of each group'"'"'s first path' '
	git -C "$kdir" log --reverse --format=%s "$base..$branch" | sed 1d >"$TRASH/have" &&
	cat >"$TRASH/want" <<-EOF &&
	powerpc/cell: Use higher-level allocator API
	perf/x86/intel: Use higher-level allocator API
	KVM: VMX: Use higher-level allocator API
	fakehist: Use higher-level allocator API
	misc/fakedev: Use higher-level allocator API
	lkdtm: Use higher-level allocator API
	sgi-xp: Use higher-level allocator API
	net/funeth: Use higher-level allocator API
	EOF
	test_cmp "$TRASH/want" "$TRASH/have"
'

# files N: the files commit N (1-based) of the series changes.
files() {
	git -C "$kdir" diff-tree --no-commit-id --name-only -r \
		"$(git -C "$kdir" rev-list --reverse "$base..$branch" | sed 1d | sed -n "${1}p")"
}
# body N: commit N's message without subject and trailers.
body() {
	git -C "$kdir" log -1 --format=%b "$(git -C "$kdir" rev-list --reverse "$base..$branch" | sed 1d | sed -n "${1}p")" |
		sed '/^Signed-off-by: /,$d'
}

test_expect_success 'the files of one subsystem share its commit' '
	files 4 >"$TRASH/have" &&
	printf "%s\n" drivers/char/fakehist/fakehist.c drivers/char/fakehist/other.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	files 6 >"$TRASH/have" &&
	printf "%s\n" drivers/misc/lkdtm/fake_one.c drivers/misc/lkdtm/fake_two.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'a caller no entry knows: the rationale alone' '
	body 6 >"$TRASH/have" &&
	{ cat "$TOOLKIT/drivers-migrated/page-alloc/_rationale-node.txt" && echo; } >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'callers of both functions: both rationales' '
	body 4 >"$TRASH/have" &&
	{ cat "$TOOLKIT/drivers-migrated/page-alloc/_rationale-node.txt" && echo &&
	  cat "$TOOLKIT/drivers-migrated/page-alloc/_rationale-alloc-pages.txt" && echo; } >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'the calls are migrated' '
	git -C "$kdir" show "$branch:drivers/char/fakehist/fakehist.c" |
		grep -q "return alloc_pages_node(nid, GFP_KERNEL, 0);" &&
	git -C "$kdir" show "$branch:drivers/misc/lkdtm/fake_two.c" |
		grep -q "return alloc_pages_node(nid, GFP_KERNEL, 1);"
'

test_expect_success 'the cover letter: base-commit BASE, b4 change-id with the slug of BRANCH' '
	grep -qx "base-commit: $base" "$out"/0000-*.patch &&
	grep -qE "^change-id: [0-9]{8}-test-unknown-callers-[0-9a-f]{12}\$" "$out"/0000-*.patch
'

test_expect_success 'KDIR stays detached at the baseline, master untouched' '
	test "$(git -C "$kdir" rev-parse HEAD)" = "$baseline" &&
	! git -C "$kdir" symbolic-ref -q HEAD &&
	test "$(git -C "$kdir" rev-parse master)" = "$baseline" &&
	test -z "$(git -C "$kdir" status --porcelain)"
'

test_done
