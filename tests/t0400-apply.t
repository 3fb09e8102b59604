#!/bin/sh
# make apply STEPS=callers on the default tree, Debian's 7.2 (a scratch clone):
# exactly the five callers upstream's series converts change, one line each
# and two comments of ds.c that name the function; a rerun is a no-op;
# a dirty tree is refused untouched; the semantic patches run under the
# kernel's own "make coccicheck".
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
use_scratch_clone
apply() { make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$o" STEPS=callers "$@"; }
# apply_script [VAR=VALUE...]: scripts/apply/apply.sh itself, whose exit status
# make turns into its own (2); the tools are built by the runs through make.
apply_script() { env KDIR="$kdir" O="$o" STEPS=callers "$@" "$TOOLKIT/scripts/apply/apply.sh"; }

cat >"$TRASH/callers" <<'LIST'
arch/x86/events/intel/ds.c
arch/x86/kvm/vmx/vmx.c
arch/x86/virt/hw.c
drivers/misc/sgi-xp/xpc_uv.c
drivers/net/ethernet/fungible/funeth/funeth_rx.c
LIST

test_expect_success 'make apply succeeds and names each file' '
	apply >"$TRASH/out" 2>"$TRASH/err" &&
	sed "s|^|apply.sh: callers: |; s|ds\.c\$|ds.c +3 -3|; s|\.c\$|.c +1 -1|" "$TRASH/callers" >"$TRASH/want" &&
	grep "^apply.sh: callers: " "$TRASH/out" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'exactly the five caller files changed' '
	git -C "$kdir" status --porcelain | sed "s/^ M //" >"$TRASH/changed" &&
	test_cmp "$TRASH/callers" "$TRASH/changed"
'

test_expect_success 'each changed line differs only by the function name: five calls, two comments' '
	git -C "$kdir" diff -U0 >"$TRASH/diff" &&
	grep "^-[^-]" "$TRASH/diff" | sed "s/^-//; s/\\b__alloc_pages_node(/alloc_pages_node(/" >"$TRASH/minus" &&
	grep "^+[^+]" "$TRASH/diff" | sed "s/^+//" >"$TRASH/plus" &&
	test "$(wc -l <"$TRASH/plus")" -eq 7 &&
	test "$(grep -c "^[[:space:]]*\*.*alloc_pages_node()" "$TRASH/plus")" -eq 2 &&
	test_cmp "$TRASH/minus" "$TRASH/plus"
'

test_expect_success 'the patch is kept in O/apply' '
	git -C "$kdir" diff >"$TRASH/applied" &&
	test_cmp "$o/apply/all.patch" "$TRASH/applied" &&
	test_cmp "$o/apply/01-callers.patch" "$TRASH/applied"
'

test_expect_success 'a dirty KDIR is refused: exit 2, the path named, nothing changed' '
	git -C "$kdir" diff >"$TRASH/before" &&
	expect_exit 2 apply >"$TRASH/out" 2>"$TRASH/err" &&
	grep -q "has uncommitted changes" "$TRASH/err" &&
	grep -q "^   M arch/x86/kvm/vmx/vmx.c\$" "$TRASH/err" &&
	git -C "$kdir" diff >"$TRASH/after" &&
	test_cmp "$TRASH/before" "$TRASH/after"
'

test_expect_success 'on the migrated tree a second make apply changes nothing' '
	git -C "$kdir" -c user.name=t -c user.email=t@t commit -qam migrated &&
	apply >"$TRASH/out" 2>"$TRASH/err" &&
	grep -q "nothing to change" "$TRASH/out" &&
	test -z "$(git -C "$kdir" status --porcelain)"
'

test_expect_success 'a call spatch cannot match: make apply STEPS=callers applies the rest, names it, exit 1' '
	git -C "$kdir" checkout -q -f "$(git -C "$KDIR_DEFAULT" rev-parse HEAD)" &&
	mkdir -p "$kdir/drivers/fixture" &&
	cp "$TEST_DIR/cocci/drivers/fixture/unparsable.c" "$kdir/drivers/fixture/" &&
	git -C "$kdir" add drivers/fixture &&
	git -C "$kdir" -c user.name=t -c user.email=t@t commit -qm "an odd caller" &&
	expect_exit 1 apply_script >"$TRASH/out" 2>"$TRASH/err" &&
	grep -x "drivers/fixture/unparsable.c:10:9: warning: __alloc_pages_node() not migrated: spatch could not match this call; migrate it by hand" "$TRASH/err" &&
	grep -x "apply.sh: error: the steps left calls to a human (warnings above); migrate them by hand" "$TRASH/err" &&
	test "$(git -C "$kdir" status --porcelain | wc -l)" -eq 5
'

test_expect_success 'then every step: remove-node stops naming the call left, KDIR as it was, exit 1' '
	git -C "$kdir" checkout -q -f HEAD &&
	expect_exit 1 apply_script STEPS= >"$TRASH/out" 2>"$TRASH/err" &&
	grep -x "drivers/fixture/unparsable.c:10:9: error: __alloc_pages_node() is still used after step remove-node; convert it by hand" "$TRASH/err" &&
	grep -q "^apply.sh: error: step remove-node failed (exit 1); nothing was applied\$" "$TRASH/err" &&
	test -z "$(git -C "$kdir" status --porcelain)"
'

test_expect_success 'an unknown step is a usage error' '
	expect_exit 2 apply STEPS=frobnicate 2>"$TRASH/err" &&
	grep -q "unknown step .frobnicate. in STEPS; known steps: " "$TRASH/err"
'

test_expect_success 'a KDIR that is not a kernel tree is refused' '
	mkdir -p "$TRASH/plain" &&
	expect_exit 2 make -s -C "$TOOLKIT" apply KDIR="$TRASH/plain" O="$o" 2>"$TRASH/err" &&
	grep -q "is not a kernel source tree" "$TRASH/err"
'

# make coccicheck on the unmigrated tree: the kernel's own driver runs the
# callers' semantic patch (MODE=patch), and its report mode finds the five
# callers. (The others are the mm/ steps' own, run by t0500 through the
# toolkit.)
git -C "$kdir" checkout -q --detach "$(git -C "$KDIR_DEFAULT" rev-parse HEAD)"
cocci=$TOOLKIT/cocci/page-alloc/alloc_pages_node.cocci
test_expect_success "make coccicheck MODE=patch COCCI=${cocci##*/}" '
	make -s -C "$kdir" coccicheck MODE=patch COCCI="$cocci" >"$TRASH/cc" 2>&1 &&
	! grep -q "coccicheck failed" "$TRASH/cc" &&
	grep -q "^+.*alloc_pages_node(" "$TRASH/cc"
'

test_expect_success 'coccicheck MODE=report finds the five callers outside mm/ and include/' '
	make -s -C "$kdir" coccicheck MODE=report COCCI="$TOOLKIT/cocci/page-alloc/alloc_pages_node.cocci" >"$TRASH/cc" 2>&1 &&
	! grep -q "coccicheck failed" "$TRASH/cc" &&
	grep ": warning: use alloc_pages_node() instead of __alloc_pages_node()" "$TRASH/cc" |
		sed "s|^\./||; s|:.*||" | grep -v -E "^(mm|include)/" | sort >"$TRASH/found" &&
	test_cmp "$TRASH/callers" "$TRASH/found"
'

test_done
