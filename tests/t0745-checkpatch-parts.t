#!/bin/sh
# series-checkpatch.sh checks a long patch in J parts side by side, and
# prints exactly what the run on the whole patch prints: the same findings,
# on the lines of the patch itself, in the same order, and the same
# summary. The fixture patch has findings in its message (a long line), at
# its end (no Signed-off-by of its author), in a later file, and the ones
# checkpatch makes once in a whole patch (new files, a CamelCase word, a
# DT binding header among other files). The run on the reversed patch,
# which tells a finding the old line had from a new one, gets only the
# diffs of the files with findings (and of the file a line with one moved
# from), and gives the same notes.
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
	expect_exit 1 env J=1 V=1 "$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$tree" "$TRASH/ck.patch" \
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
	grep "^$TRASH/ck.patch:6:1: warning: .*\[COMMIT_LOG_LONG_LINE\]" "$TRASH/whole" &&
	grep "^$TRASH/ck.patch:$(wc -l <"$TRASH/ck.patch"):1: error: .*\[NO_AUTHOR_SIGN_OFF\]" "$TRASH/whole" &&
	grep -x "$TRASH/ck.patch:$(grep -n "foo (1)" "$TRASH/ck.patch" | cut -d: -f1):1: warning: .*\[SPACING\]" "$TRASH/whole"
'

test_expect_success 'J=2: two parts side by side, the same output' '
	expect_exit 1 env J=2 V=1 "$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$tree" "$TRASH/ck.patch" \
		>"$TRASH/split" 2>"$TRASH/split.err" &&
	grep -x "checkpatch-parts.sh: $TRASH/ck.patch: checkpatch.pl in 2 parts side by side" "$TRASH/split.err" &&
	test_cmp "$TRASH/whole" "$TRASH/split"
'

# The reversed run (what tells a kept finding from a new one) checks only
# the reversed diffs of the files with findings and of those a line with a
# finding moved from, with the message and trailer. The fixture: one commit
# of seven files, renames (kf_b.c's line indented with spaces, kf_f.c's
# with a new space before the parenthesis) and a function, indented with
# spaces, moved from kf_d.c to kf_e.h; checkpatch.pl logs the files of each
# patch it is given.
isolate_git_config
kf=$TRASH/kf
kf_file() {
	printf '%s\n' "// SPDX-License-Identifier: GPL-2.0" "#include <linux/timer.h>" "" \
		"static struct timer_list kf_timer;" "" "static void kf_stop(void)" "{" "$2" "}" >"$kf/drivers/misc/kf_$1"
}

test_expect_success 'a fixture commit of seven files, as git format-patch writes it' '
	mkdir -p "$kf/drivers/misc" &&
	git -C "$kf" init -q &&
	git -C "$kf" config user.name "A Author" &&
	git -C "$kf" config user.email author@example.org &&
	for f in a.c c.c d.c f.c g.c; do kf_file $f "	old_stop(&kf_timer);" || exit 1; done &&
	kf_file b.c "    old_stop(&kf_timer);" &&
	printf "%s\n" "" "static void kf_gone(void)" "{" "    kf_old_call();" "}" >>"$kf/drivers/misc/kf_d.c" &&
	printf "%s\n" "/* SPDX-License-Identifier: GPL-2.0 */" "#ifndef KF_E_H" "#define KF_E_H" "" "#endif" \
		>"$kf/drivers/misc/kf_e.h" &&
	git -C "$kf" add -A &&
	git -C "$kf" commit -qm "misc: kf: the fixture" &&
	sed -i "s/old_stop(/new_stop(/" "$kf"/drivers/misc/kf_[abcg].c &&
	sed -i "s/old_stop(/new_stop (/" "$kf/drivers/misc/kf_f.c" &&
	sed -i "10,\$d" "$kf/drivers/misc/kf_d.c" &&
	printf "%s\n" "/* SPDX-License-Identifier: GPL-2.0 */" "#ifndef KF_E_H" "#define KF_E_H" "" \
		"static inline void kf_gone(void)" "{" "    kf_old_call();" "}" "" "#endif" >"$kf/drivers/misc/kf_e.h" &&
	git -C "$kf" commit -qas -m "misc: kf: rename old_stop() and move kf_gone()" \
		-m "The fixture of the reversed checkpatch run." &&
	git -C "$kf" format-patch -q -1 --stdout >"$TRASH/kf.patch" &&
	cat "$TRASH/kf.patch"
'

test_expect_success 'a tree whose checkpatch.pl logs the files of each patch' '
	cp -R "$tree" "$TRASH/logged" &&
	mv "$TRASH/logged/scripts/checkpatch.pl" "$TRASH/logged/scripts/checkpatch.real.pl" &&
	cat >"$TRASH/logged/scripts/checkpatch.pl" <<-\EOF &&
	#!/usr/bin/perl
	# The names on the "+++ " lines of each patch, one line a patch, then checkpatch.pl.
	open(my $in, "<", $ARGV[-1]) or die;
	my @files = map { m{^\+\+\+ (\S+)} ? $1 : () } <$in>;
	open(my $log, ">>", $ENV{CHECKED}) or die;
	print $log "@files\n";
	close($log);
	exec($^X, "scripts/checkpatch.real.pl", @ARGV) or die;
	EOF
	chmod +x "$TRASH/logged/scripts/checkpatch.pl"
'

test_expect_success 'the reversed run gets only the files with findings; a moved line is kept' '
	expect_exit 1 env J=1 V=1 CHECKED="$TRASH/checked" "$TOOLKIT/check/checkpatch/series-checkpatch.sh" \
		"$TRASH/logged" "$TRASH/kf.patch" >"$TRASH/kf.out" 2>"$TRASH/kf.err" &&
	cat "$TRASH/kf.out" "$TRASH/kf.err" "$TRASH/checked" &&
	{
		echo "b/drivers/misc/kf_a.c b/drivers/misc/kf_b.c b/drivers/misc/kf_c.c b/drivers/misc/kf_d.c b/drivers/misc/kf_e.h b/drivers/misc/kf_f.c b/drivers/misc/kf_g.c" &&
		echo "b/drivers/misc/kf_b.c b/drivers/misc/kf_d.c b/drivers/misc/kf_e.h b/drivers/misc/kf_f.c"
	} >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/checked" &&
	grep -x "series-checkpatch.sh: $TRASH/kf.patch: checkpatch.pl on the reversed diffs of 4 of 7 file(s)" "$TRASH/kf.err" &&
	at() { grep -n -x -F "$1" "$TRASH/kf.patch" | cut -d: -f1; } &&
	{
		echo "$TRASH/kf.patch:$(at "+    new_stop(&kf_timer);"):1: note: please, no spaces at the start of a line [LEADING_SPACE] (as on the line it replaces)" &&
		echo "$TRASH/kf.patch:$(at "+    kf_old_call();"):1: note: please, no spaces at the start of a line [LEADING_SPACE] (as on the line it replaces)" &&
		echo "$TRASH/kf.patch:$(at "+	new_stop (&kf_timer);"):1: warning: space prohibited between function name and open parenthesis '"'"'('"'"' [SPACING]" &&
		echo "series-checkpatch.sh: checkpatch.pl on 1 patch(es): 0 error(s), 1 warning(s)"
	} >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/kf.out"
'

# checkpatch compares a file with the one before it (DT binding or not): a
# binding header whose file before it is left out is checked after a copy
# of that one's "diff --git" line, as in the whole patch.
test_expect_success 'a DT binding header after a file left out: the same note' '
	mkdir -p "$kf/arch" "$kf/include/dt-bindings" &&
	printf "%s\n" "// SPDX-License-Identifier: GPL-2.0" "int kf_arch = old_stop;" >"$kf/arch/kf.c" &&
	printf "%s\n" "/* SPDX-License-Identifier: GPL-2.0 */" "#define KF_STOP old_stop" \
		>"$kf/include/dt-bindings/kf.h" &&
	git -C "$kf" add -A &&
	git -C "$kf" commit -qm "kf: a binding header" &&
	sed -i "s/old_stop/new_stop/" "$kf/arch/kf.c" "$kf/include/dt-bindings/kf.h" &&
	git -C "$kf" commit -qas -m "kf: rename old_stop" -m "The fixture of a DT binding header." &&
	git -C "$kf" format-patch -q -1 --stdout >"$TRASH/dt.patch" &&
	: >"$TRASH/checked" &&
	env J=1 V=1 CHECKED="$TRASH/checked" "$TOOLKIT/check/checkpatch/series-checkpatch.sh" \
		"$TRASH/logged" "$TRASH/dt.patch" >"$TRASH/dt.out" 2>"$TRASH/dt.err" &&
	cat "$TRASH/dt.out" "$TRASH/dt.err" "$TRASH/checked" &&
	printf "%s\n" "b/arch/kf.c b/include/dt-bindings/kf.h" "b/include/dt-bindings/kf.h" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/checked" &&
	grep -x "series-checkpatch.sh: $TRASH/dt.patch: checkpatch.pl on the reversed diffs of 1 of 2 file(s)" "$TRASH/dt.err" &&
	{
		echo "$TRASH/dt.patch:$(grep -n "^diff --git a/include/" "$TRASH/dt.patch" | cut -d: -f1):1: note: DT binding docs and includes should be a separate patch. See: Documentation/devicetree/bindings/submitting-patches.rst [DT_SPLIT_BINDING_PATCH] (as on the line it replaces)" &&
		echo "series-checkpatch.sh: checkpatch.pl on 1 patch(es): 0 error(s), 0 warning(s)"
	} >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/dt.out"
'

test_done
