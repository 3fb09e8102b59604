#!/bin/sh
# page-alloc as a maintainer would merge it, on the Debian 6.12 tree: the
# node check adds no runtime test (preprocessed with CONFIG_DEBUG_VM off,
# x86_64 defconfig, alloc_pages_node_noprof() compares nid with nothing
# outside sizeof()), and no function private to mm/ stays exported.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
use_scratch_clone
build=$O/test/page-alloc-defconfig

test_expect_success 'make apply, every step' '
	make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$o" >"$TRASH/apply" 2>&1 &&
	ls "$o/apply" >"$TRASH/patches" &&
	grep -qx "[0-9][0-9]-remove-node.patch" "$TRASH/patches" &&
	grep -qx "[0-9][0-9]-move-alloc-pages.patch" "$TRASH/patches"
'

test_expect_success 'the node check: VM_WARN_ON_ONCE(cond), no new branch, no failed allocation' '
	cat "$o"/apply/[0-9][0-9]-remove-node.patch "$o"/apply/[0-9][0-9]-move-alloc-pages.patch >"$TRASH/both" &&
	grep "^+.*MAX_NUMNODES" "$TRASH/both" >"$TRASH/checks" &&
	test "$(wc -l <"$TRASH/checks")" -eq 2 &&
	! grep -v "^+[[:space:]]*VM_WARN_ON_ONCE(nid < 0 || nid >= MAX_NUMNODES);\$" "$TRASH/checks" &&
	! grep -E "^\+.*(return NULL|VM_WARN_ON_ONCE\(1\))" "$TRASH/both"
'

test_expect_success 'the private function loses its export; the check finds no export left' '
	grep -qx -- "-EXPORT_SYMBOL(__alloc_pages_noprof);" "$o"/apply/[0-9][0-9]-move-alloc-pages.patch &&
	grep -qx -- "+EXPORT_SYMBOL(alloc_pages_node_noprof);" "$o"/apply/[0-9][0-9]-move-alloc-pages.patch &&
	! grep -n "EXPORT_SYMBOL[A-Z_]*(__alloc_pages" "$kdir/mm/page_alloc.c" &&
	env KDIR="$kdir" O="$O" MIGRATION=page-alloc "$TOOLKIT/check/scan.sh" leaks >"$TRASH/leaks" 2>&1 &&
	! grep ": error: " "$TRASH/leaks"
'

test_expect_success 'its commit message says the export goes' '
	git -C "$kdir" add -A &&
	(cd "$kdir" && O=$O "$TOOLKIT/scripts/series/series-moved.sh") | tr "\n" " " >"$TRASH/moved" &&
	grep -q "__alloc_pages_noprof() is no longer exported" "$TRASH/moved" &&
	git -C "$kdir" reset -q
'

test_expect_success 'x86_64 defconfig, CONFIG_DEBUG_VM off: mm/page_alloc.i' '
	mkdir -p "$build" &&
	make -s -C "$kdir" O="$build" defconfig >"$TRASH/defconfig" 2>&1 &&
	! grep -qx "CONFIG_DEBUG_VM=y" "$build/.config" &&
	make -s -C "$kdir" O="$build" -j"${J:-2}" mm/page_alloc.i >"$TRASH/cpp" 2>&1
'

test_expect_success 'alloc_pages_node_noprof() compares nid only inside sizeof(): no code for it' '
	awk "/^struct page \*alloc_pages_node_noprof\(.*\)\$/ { f = 1 } f { print } f && /^}/ { exit }" \
		"$build/mm/page_alloc.i" >"$TRASH/body" &&
	grep -q "__alloc_pages_noprof(gfp_mask, order, nid" "$TRASH/body" &&
	grep -E "nid [<>]=? " "$TRASH/body" >"$TRASH/compares" &&
	test -s "$TRASH/compares" &&
	! grep -v "sizeof" "$TRASH/compares"
'

test_done
