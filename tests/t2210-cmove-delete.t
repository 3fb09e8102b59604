#!/bin/sh
# cmove --delete on small trees of our own: the declarations go with their
# comments and what a move would cut (a conditional group whole, a copy
# around what stays), all or nothing; a use left anywhere in the tree, or
# in what stays of FILE, is a refusal naming each use (the first 20, then a
# count) and nothing changes; usage errors exit 2.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

# shellcheck source=tests/lib/fixture-tree.sh
. "$(dirname "$0")/lib/fixture-tree.sh"

put lib/widget.h <<'C'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LIB_WIDGET_H
#define __LIB_WIDGET_H

#include <linux/types.h>

int widget_new(int n);

/*
 * The old entry point, kept until
 * its callers are gone.
 */
static inline int widget_old(int n)
{
	return widget_new(n);
}

#define WIDGET_OLD_MAX	16	/* deprecated */

#ifdef CONFIG_WIDGET_DEBUG
void widget_old_check(int n);
#endif

#ifdef CONFIG_WIDGET_TRACE
void widget_trace(int n);
void widget_old_trace(int n);
#endif

#endif /* __LIB_WIDGET_H */
C
put lib/widget.c <<'C'
#include "widget.h"

int widget_new(int n) { return n; }
C
put drivers/a.c <<'C'
#include <lib/widget.h>

static int a(void) { return widget_new(1); }
C
put drivers/own.c <<'C'
/* its own, static: no user of ours */
static int widget_old(int n) { return n; }
static int o(void) { return widget_old(2); }
C

cat >"$TRASH/deleted.h" <<'C'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LIB_WIDGET_H
#define __LIB_WIDGET_H

#include <linux/types.h>

int widget_new(int n);

#ifdef CONFIG_WIDGET_TRACE
void widget_trace(int n);
#endif

#endif /* __LIB_WIDGET_H */
C

test_expect_success 'build cmove' '
	make -s -C "$TOOLKIT" O="$O" tools
'

test_expect_success 'delete: comments, a whole group and part of another go' '
	t=$(fresh del) &&
	"$cmove" --delete "$t" lib/widget.h widget_old WIDGET_OLD_MAX widget_old_check \
		widget_old_trace >"$TRASH/out" &&
	test_cmp "$TRASH/deleted.h" "$t/lib/widget.h" &&
	echo "cmove: lib/widget.h: 16 lines deleted" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out" &&
	diff -r -x widget.h "$base" "$t"
'

test_expect_success '-n prints what would change, changes nothing; -v names each declaration' '
	t=$(fresh dry) &&
	"$cmove" --delete -n -v "$t" lib/widget.h widget_old WIDGET_OLD_MAX >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	would: cmove: deleting lib/widget.h:9-16: function widget_old
	would: cmove: deleting lib/widget.h:18-18: macro WIDGET_OLD_MAX
	would: cmove: lib/widget.h: 11 lines deleted
	EOF
	test_cmp "$TRASH/want" "$TRASH/out" &&
	diff -r "$base" "$t"
'

test_expect_success 'a use outside FILE: refused at each use, nothing changed, exit 1' '
	t=$(fresh used) &&
	mkdir -p "$t/net" &&
	printf "%s\n" "#include <lib/widget.h>" "int u(void) { return widget_old(WIDGET_OLD_MAX); }" \
		>"$t/net/u.c" &&
	cp -a "$t" "$TRASH/used.before" &&
	expect_exit 1 "$cmove" --delete "$t" lib/widget.h widget_old WIDGET_OLD_MAX \
		>"$TRASH/out" 2>"$TRASH/err" &&
	cat >"$TRASH/want" <<-\EOF &&
	net/u.c:2:22: error: widget_old is still used; remove this use before deleting widget_old from lib/widget.h
	net/u.c:2:33: error: WIDGET_OLD_MAX is still used; remove this use before deleting WIDGET_OLD_MAX from lib/widget.h
	cmove: refused: 2 errors; nothing changed
	EOF
	test_cmp "$TRASH/want" "$TRASH/err" &&
	test ! -s "$TRASH/out" &&
	diff -r "$TRASH/used.before" "$t"
'

test_expect_success 'a use in what stays of FILE: refused' '
	t=$(fresh stays) &&
	expect_exit 1 "$cmove" --delete "$t" lib/widget.h widget_new 2>"$TRASH/err" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/a.c:3:29: error: widget_new is still used; remove this use before deleting widget_new from lib/widget.h
	lib/widget.c:3:5: error: widget_new is still used; remove this use before deleting widget_new from lib/widget.h
	lib/widget.h:15:9: error: widget_new is still used; remove this use before deleting widget_new
	cmove: refused: 3 errors; nothing changed
	EOF
	test_cmp "$TRASH/want" "$TRASH/err" &&
	diff -r "$base" "$t"
'

test_expect_success 'many uses: the first 20, then how many more' '
	t=$(fresh many) &&
	mkdir -p "$t/net" &&
	for i in $(seq 1 25); do
		echo "int u$i(void) { return widget_old($i); }"
	done >"$t/net/many.c" &&
	expect_exit 1 "$cmove" --delete "$t" lib/widget.h widget_old 2>"$TRASH/err" &&
	test "$(grep -c "^net/many.c:[0-9]*:[0-9]*: error: widget_old is still used; " "$TRASH/err")" -eq 20 &&
	grep -q "^net/many.c:20:" "$TRASH/err" &&
	! grep -q "^net/many.c:21:" "$TRASH/err" &&
	tail -n 2 "$TRASH/err" >"$TRASH/have" &&
	printf "%s\n" "cmove: and 5 more" "cmove: refused: 25 errors; nothing changed" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	test "$(wc -l <"$TRASH/err")" -eq 22
'

test_expect_success 'usage errors: exit 2, one line' '
	for args in "--delete" "--delete $base" "--delete $base lib/widget.h" \
		"--delete --scope lib $base lib/widget.h widget_old" \
		"--delete $base lib/widget.h 1bad" "--delete --list $base lib/widget.h" \
		"--delete $base lib/widget.h widget_nope" "--delete $base lib/nope.h widget_old"; do
		# shellcheck disable=SC2086
		expect_exit 2 "$cmove" $args >"$TRASH/out" 2>"$TRASH/err" &&
		test ! -s "$TRASH/out" &&
		test "$(wc -l <"$TRASH/err")" -eq 1 &&
		grep -q "^cmove: error: " "$TRASH/err" || return 1
	done
'

test_expect_success '--help documents --delete' '
	"$cmove" --help >"$TRASH/out" &&
	grep -q "^       cmove --delete \[-n\] \[-v\] \[-j N\] KDIR FILE SYM...$" "$TRASH/out"
'

test_done
