#!/bin/sh
# series-checkpatch.sh checks a long patch in J parts side by side, and
# prints exactly what the run on the whole patch prints: the same findings,
# on the lines of the patch itself, in the same order, and the same
# summary. The fixture patch has findings in its message (a long line), at
# its end (no Signed-off-by of its author), in a later file, and the ones
# checkpatch makes once in a whole patch (new files, a CamelCase word, a
# DT binding header among other files).
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

# checkpatch.pl of the provisioned tree (read, not changed), in a tree of
# our own with what it reads.
test_require KERNEL
src=$(kernel_tree)
tree=$TRASH/tree
mkdir -p "$tree/scripts" &&
	(cd "$tree" && mkdir Documentation arch include drivers fs init ipc kernel lib &&
		touch COPYING CREDITS Kbuild MAINTAINERS Makefile README) &&
	cp "$src/scripts/checkpatch.pl" "$src/scripts/spelling.txt" "$src/scripts/const_structs.checkpatch" \
		"$tree/scripts/" || exit 1

# new_file PATH LINES [EXTRA]: the diff of a new C file of LINES lines,
# EXTRA its last line.
new_file() {
	printf 'diff --git a/%s b/%s\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/%s\n@@ -0,0 +1,%s @@\n' \
		"$1" "$1" "$1" "$(($2 + 3))"
	awk -v name="$(basename "$1" | tr -c 'a-z0-9\n' _)" -v n="$2" -v last="${3:-int ck_end;}" 'BEGIN {
		print "+// SPDX-License-Identifier: GPL-2.0"
		print "+int ckFooBar;"
		for (i = 0; i < n; i++) print "+int ck_" name "_" i ";"
		print "+" last
	}'
}

test_expect_success 'a fixture patch of four files' '
	{
		printf "%s\n" "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001" \
			"From: A Author <author@example.org>" "Date: Mon, 1 Jan 2024 00:00:00 +0000" \
			"Subject: [PATCH] net: ckfix: a fixture" "" \
			"A line of the commit message that is much longer than the seventy-five characters checkpatch wants." \
			"" "Signed-off-by: Other Person <other@example.org>" "---" &&
		new_file net/ckfix/a.c 300 &&
		new_file net/ckfix/b.c 300 &&
		new_file include/dt-bindings/ckfix.h 300 &&
		new_file net/ckfix/d.c 300 "int ck_bad = foo (1);" &&
		printf "%s\n" "-- " "2.39.5" ""
	} >"$TRASH/ck.patch" &&
	wc -l <"$TRASH/ck.patch"
'

test_expect_success 'J=1: the whole patch, one checkpatch run' '
	expect_exit 1 env J=1 V=1 "$TOOLKIT/scripts/series-checkpatch.sh" "$tree" "$TRASH/ck.patch" \
		>"$TRASH/whole" 2>"$TRASH/whole.err" &&
	cat "$TRASH/whole" &&
	! grep "parts side by side" "$TRASH/whole.err"
'

# Those of the message and of the patch's end are notes: the reversed patch
# has them too.
test_expect_success 'the whole run has the findings the fixture is for' '
	for type in COMMIT_LOG_LONG_LINE NO_AUTHOR_SIGN_OFF SPACING FILE_PATH_CHANGES CAMELCASE \
		DT_SPLIT_BINDING_PATCH; do
		grep -q "\[$type\]" "$TRASH/whole" || { echo "no $type"; exit 1; }
	done &&
	test "$(grep -c "\[CAMELCASE\]" "$TRASH/whole")" = 1 &&
	test "$(grep -c "\[FILE_PATH_CHANGES\]" "$TRASH/whole")" = 1 &&
	grep "^$TRASH/ck.patch:6:1: note: .*\[COMMIT_LOG_LONG_LINE\]" "$TRASH/whole" &&
	grep "^$TRASH/ck.patch:$(wc -l <"$TRASH/ck.patch"):1: note: .*\[NO_AUTHOR_SIGN_OFF\]" "$TRASH/whole" &&
	grep -x "$TRASH/ck.patch:$(grep -n "foo (1)" "$TRASH/ck.patch" | cut -d: -f1):1: warning: .*\[SPACING\]" "$TRASH/whole"
'

test_expect_success 'J=2: two parts side by side, the same output' '
	expect_exit 1 env J=2 V=1 "$TOOLKIT/scripts/series-checkpatch.sh" "$tree" "$TRASH/ck.patch" \
		>"$TRASH/split" 2>"$TRASH/split.err" &&
	grep -x "checkpatch-parts.sh: $TRASH/ck.patch: checkpatch.pl in 2 parts side by side" "$TRASH/split.err" &&
	test_cmp "$TRASH/whole" "$TRASH/split"
'

test_done
