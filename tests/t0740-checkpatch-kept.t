#!/bin/sh
# series-checkpatch.sh on the 6.12 tree's checkpatch.pl: a finding on a line
# a patch renames that the replaced line has too (our own fixture file,
# indented with spaces, a call with a space before its parenthesis) is a
# note, not counted; one the patch brings in is counted.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
use_scratch_clone
f=drivers/misc/ckfixture.c
commit() {
	git -C "$kdir" add -A &&
	git -C "$kdir" -c user.name=t -c user.email=t@t commit -qm "$1"
}

test_expect_success 'a fixture file with an old style, committed' '
	mkdir -p "$kdir/drivers/misc" &&
	printf "%s\n" "// SPDX-License-Identifier: GPL-2.0" "#include <linux/timer.h>" "" \
		"static struct timer_list ck_timer;" "" "static void ck_stop(void)" "{" \
		"    old_stop(&ck_timer);" "}" "" "static void ck_go(void)" "{" \
		"	old_stop(&ck_timer);" "}" >"$kdir/$f" &&
	commit "ck: a fixture"
'

test_expect_success 'a rename keeps the old style: notes only, exit 0' '
	sed -i "s/old_stop(/new_stop(/" "$kdir/$f" &&
	git -C "$kdir" diff >"$TRASH/rename.patch" &&
	"$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$kdir" "$TRASH/rename.patch" >"$TRASH/out" 2>"$TRASH/err" &&
	grep -x "$TRASH/rename.patch:[0-9]*:1: note: please, no spaces at the start of a line \[LEADING_SPACE\] (as on the line it replaces)" "$TRASH/out" &&
	grep -x "series-checkpatch.sh: checkpatch.pl on 1 patch(es): 0 error(s), 0 warning(s)" "$TRASH/out"
'

test_expect_success 'a finding the patch brings in counts: exit 1' '
	git -C "$kdir" checkout -q -- "$f" &&
	sed -i "s/^	old_stop(&ck_timer);/	new_stop (\&ck_timer);/" "$kdir/$f" &&
	git -C "$kdir" diff >"$TRASH/new.patch" &&
	expect_exit 1 "$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$kdir" "$TRASH/new.patch" >"$TRASH/out" 2>"$TRASH/err" &&
	grep -q ":1: warning: space prohibited between function name and open parenthesis .*\[SPACING\]\$" "$TRASH/out" &&
	grep -x "series-checkpatch.sh: checkpatch.pl on 1 patch(es): 0 error(s), 1 warning(s)" "$TRASH/out"
'

# Code moved from the fixture into a new header, as a move step does.
test_expect_success 'a moved line keeps its finding as a note; exit 0' '
	git -C "$kdir" checkout -q -- "$f" &&
	sed -i "/^static void ck_stop(void)/,/^}/d" "$kdir/$f" &&
	printf "%s\n" "/* SPDX-License-Identifier: GPL-2.0 */" "static inline void ck_stop(void)" "{" \
		"    old_stop(&ck_timer);" "}" >"$kdir/drivers/misc/ckfixture.h" &&
	git -C "$kdir" add -N drivers/misc/ckfixture.h &&
	git -C "$kdir" diff >"$TRASH/move.patch" &&
	"$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$kdir" "$TRASH/move.patch" >"$TRASH/out" 2>"$TRASH/err" &&
	grep -x "$TRASH/move.patch:[0-9]*:1: note: please, no spaces at the start of a line \[LEADING_SPACE\] (as on the line it replaces)" "$TRASH/out" &&
	grep -x "series-checkpatch.sh: checkpatch.pl on 1 patch(es): 0 error(s), 0 warning(s)" "$TRASH/out"
'

test_done
