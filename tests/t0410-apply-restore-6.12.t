#!/bin/sh
# make apply's final write is all or nothing: when git apply fails part-way
# into KDIR (mm/ not writable, or one file of mm/ after the one it creates),
# every file it wrote is restored, every file it created removed, KDIR is
# exactly as before and the error says so. Root makes the paths immutable
# (chattr +i), which root cannot write either; another user makes mm/
# read-only.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
use_scratch_clone
apply() { make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$o" "$@"; }

if [ "$(id -u)" = 0 ]; then
	protect() { chattr +i "$@"; }
	unprotect() { chattr -i "$@"; }
else
	protect() { chmod a-w "$@"; }
	unprotect() { chmod u+w "$@"; }
fi
trap 'unprotect "$kdir/mm" "$kdir/mm/page_reporting.c" 2>/dev/null' EXIT
protect "$kdir/mm" && unprotect "$kdir/mm" ||
	test_skip_all "cannot make $kdir/mm unwritable (chattr +i needs root and ext2/3/4, xfs or btrfs)"

# The tree as it was: nothing changed, nothing untracked, nothing ignored.
unchanged() {
	git -C "$kdir" status --porcelain --untracked-files=all --ignored >"$TRASH/status" &&
	test_cmp /dev/null "$TRASH/status" &&
	test "$(git -C "$kdir" rev-parse HEAD)" = "$baseline"
}
# restored LINE: the error's last line.
restored() {
	grep -x "apply.sh: error: git apply failed on KDIR=$kdir ($1); KDIR=$kdir is restored as it was before the run; fix the cause and run make apply again" "$TRASH/err"
}

test_expect_success 'mm/ not writable: make apply of every step fails with exit 2' '
	protect "$kdir/mm" &&
	expect_exit 2 apply >"$TRASH/out" 2>"$TRASH/err" &&
	unprotect "$kdir/mm" &&
	grep -q "^apply.sh: move-alloc-pages: mm/page_alloc.c " "$TRASH/out" &&
	restored "unable to .*mm/.*"
'

test_expect_success 'mm/ not writable: the files written before mm/ are restored' '
	cat "$TRASH/err" && unchanged
'

test_expect_success 'a file after the one it creates: the created file is removed too' '
	protect "$kdir/mm/page_reporting.c" &&
	expect_exit 2 apply STEPS=split >"$TRASH/out" 2>"$TRASH/err" &&
	unprotect "$kdir/mm/page_reporting.c" &&
	cat "$TRASH/err" &&
	grep -q "^apply.sh: split: mm/page_alloc.h +" "$TRASH/out" &&
	restored "unable to .*mm/page_reporting.c.*" &&
	test ! -e "$kdir/mm/page_alloc.h" &&
	unchanged
'

test_done
