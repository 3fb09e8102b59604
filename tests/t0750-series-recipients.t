#!/bin/sh
# Who the series' cover letter goes to (scripts/series/series-recipients.sh, which
# b4 prep -c runs for each patch), on the default tree, read only: a patch
# of one subsystem goes to its maintainers, as get_maintainer.pl has it; a
# treewide one, with files in many subsystems, to the maintainers of the
# API it changes (SERIES_API) and to no one else.
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
kdir=$KDIR_DEFAULT
gm() { (cd "$kdir" && perl scripts/get_maintainer.pl --nogit --nogit-fallback --nogit-chief-penguins --norolestats "$@"); }
recipients() { (cd "$kdir" && SERIES_API=include/linux/timer.h "$TOOLKIT/scripts/series/series-recipients.sh" "$@"); }
# patch SUBJECT FILE...: a patch touching one line of each FILE.
patch() {
	subject=$1
	shift
	printf 'From: Ada Tester <ada@example.org>\nSubject: [PATCH 1/1] %s\n\nText.\n---\n' "$subject"
	for f; do
		printf 'diff --git a/%s b/%s\n--- a/%s\n+++ b/%s\n@@ -1 +1 @@\n-old\n+new\n' "$f" "$f" "$f" "$f"
	done
}
files="drivers/net/ethernet/realtek/r8169_main.c sound/core/timer.c fs/ext4/super.c"

test_expect_success 'a treewide patch goes to its API'"'"'s maintainers and lists only' '
	patch "treewide: Switch to new_timer()" $files >"$TRASH/tw.patch" &&
	recipients --nol <"$TRASH/tw.patch" >"$TRASH/to" &&
	gm --nol -f include/linux/timer.h >"$TRASH/want" &&
	test -s "$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/to" &&
	recipients --nom <"$TRASH/tw.patch" >"$TRASH/cc" &&
	gm --nom -f include/linux/timer.h >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/cc"
'

test_expect_success 'a patch of one subsystem goes where get_maintainer.pl says' '
	patch "net: r8169: Switch to new_timer()" $files >"$TRASH/one.patch" &&
	recipients --nol <"$TRASH/one.patch" >"$TRASH/to" &&
	gm --nol <"$TRASH/one.patch" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/to" &&
	test "$(wc -l <"$TRASH/to")" -gt "$(gm --nol -f include/linux/timer.h | wc -l)"
'

test_done
