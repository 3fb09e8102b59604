#!/bin/sh
# A migration that replaces a function-like macro of include/linux/ (add
# the new one, convert the calls with a semantic patch, delete the old one
# with a move to: none and gone:) on a tiny tree where parameters, locals,
# a member and a file-scope variable share the old macro's name: only the
# calls are its uses. A rename step renames only the calls; the move,
# while calls remain, names only those; the cocci step reports no
# namesake as a call it could not match; the move then deletes the macro
# and gone: holds; check-api's confine: is clean once the calls are gone.
# On a copy of the toolkit with a migration of our own.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

tk=$TRASH/toolkit
toolkit_copy "$tk" || exit 1
mig=$(fixture_migration "$tk" span-test) || exit 1
for s in add convert remove rename; do
	printf 'widget: %s widget_span()\n\nFor widget_extent().\n' "$s" >"$mig/$s.txt" || exit 1
done
cat >"$mig/widget_extent.h" <<'EOF_H' || exit 1
/* widget_extent() - twice a widget's size, the name to use from now on */
#define widget_extent(w) ((w)->size * 2)
EOF_H
cat >"$mig/widget_span.cocci" <<'EOF_COCCI' || exit 1
virtual patch
virtual report

@depends on patch@
expression w;
@@
- widget_span(w)
+ widget_extent(w)
EOF_COCCI
cat >"$mig/migration" <<'EOF_SPEC' || exit 1
summary: widget_span() becomes widget_extent()
cover: cover.txt
confine: widget_span to include/linux/

step add
kind: add
message: add.txt
to: include/linux/widget.h
text: widget_extent.h
after: widget_span

step convert
kind: cocci
message: convert.txt
symbols: widget_span
scope: drivers/
cocci: widget_span.cocci

step remove
kind: move
message: remove.txt
from: include/linux/widget.h
to: none
names: widget_span
gone: widget_span

step rename
kind: rename
message: rename.txt
rename: widget_span widget_extent
EOF_SPEC
o=$TRASH/o
make -s -C "$TOOLKIT" tools O="$o" >/dev/null || exit 1

tree=$TRASH/tree
mkdir -p "$tree/include/linux" "$tree/drivers/a" "$tree/drivers/b" "$tree/mm" &&
printf 'obj-y += drivers/ mm/\n' >"$tree/Makefile" && : >"$tree/mm/Makefile" || exit 1
cat >"$tree/include/linux/widget.h" <<'EOF_C' || exit 1
#ifndef _LINUX_WIDGET_H
#define _LINUX_WIDGET_H

struct widget {
	int size;
};

/* widget_span() - twice a widget's size */
#define widget_span(w) ((w)->size * 2)

#endif
EOF_C
cat >"$tree/drivers/a/span.c" <<'EOF_C' || exit 1
#include <linux/widget.h>

struct ruler {
	int widget_span;
};

static int span_of(const struct widget *w, int widget_span)
{
	return widget_span + widget_span(w);
}

int ruler_fill(struct ruler *r, const struct widget *w)
{
	int widget_span = widget_span(w);

	r->widget_span = widget_span;
	return widget_span + span_of(w, 1);
}
EOF_C
cat >"$tree/drivers/b/grow.c" <<'EOF_C' || exit 1
#include <linux/widget.h>

static unsigned int widget_span = 2;

int grow(struct widget *w)
{
	w->size += widget_span;
	return widget_span(w);
}
EOF_C
git -C "$tree" init -q && git -C "$tree" add -A &&
git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m base || exit 1
cp -R "$tree" "$TRASH/base" || exit 1

step() {
	(cd "$tree" && env TOOLKIT="$tk" MIGRATION=span-test O="$o" CACHE=0 "$tk/scripts/apply/run-step.sh" "$1" \
		>"$TRASH/out" 2>"$TRASH/err")
}
commit() {
	git -C "$tree" add -A && git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m "$1"
}
check_api() {
	make -s -C "$tk" check-api MIGRATION=span-test O="$o" KDIR="$tree" >"$TRASH/api" 2>&1
}

# What both ways of converting must change: the three calls, and only
# them (as git diff -U0 prints their lines); and where the calls are.
cat >"$TRASH/calls.diff" <<-\EOF
	-	return widget_span + widget_span(w);
	+	return widget_span + widget_extent(w);
	-	int widget_span = widget_span(w);
	+	int widget_span = widget_extent(w);
	-	return widget_span(w);
	+	return widget_extent(w);
EOF
printf "%s\n" drivers/a/span.c:9:23 drivers/a/span.c:14:20 drivers/b/grow.c:8:9 >"$TRASH/calls"

test_expect_success 'rename: the calls and the definition, not the namesakes; no warning' '
	step rename &&
	! grep -i "warning" "$TRASH/err" &&
	git -C "$tree" diff -U0 | grep "^[-+][^-+]" >"$TRASH/diff" &&
	{ cat "$TRASH/calls.diff" && cat <<-\EOF; } >"$TRASH/want" &&
	-#define widget_span(w) ((w)->size * 2)
	+#define widget_extent(w) ((w)->size * 2)
	EOF
	test_cmp "$TRASH/want" "$TRASH/diff" &&
	git -C "$tree" checkout -q -- .
'

test_expect_success 'check-api before the migration: the calls outside include/linux/, nothing else' '
	! check_api &&
	grep "^drivers/.*: error: " "$TRASH/api" | cut -d: -f1-3 >"$TRASH/got" &&
	test_cmp "$TRASH/calls" "$TRASH/got"
'

test_expect_success 'the move while calls remain: refused naming only the calls, the tree as it was' '
	expect_exit 1 step remove &&
	grep "still used" "$TRASH/err" | cut -d: -f1-3 >"$TRASH/got" &&
	test_cmp "$TRASH/calls" "$TRASH/got" &&
	test -z "$(git -C "$tree" status --porcelain)"
'

test_expect_success 'add, then the cocci step: the calls converted, no finding, the namesakes stay' '
	step add && commit add &&
	step convert &&
	! grep "warning" "$TRASH/err" &&
	git -C "$tree" diff -U0 | grep "^[-+][^-+]" >"$TRASH/diff" &&
	test_cmp "$TRASH/calls.diff" "$TRASH/diff" &&
	commit convert
'

test_expect_success 'the move to: none deletes the old macro, gone: holds; check-api is clean' '
	step remove &&
	! grep "error" "$TRASH/err" &&
	! grep -q "widget_span" "$tree/include/linux/widget.h" &&
	grep -q "#define widget_extent(w)" "$tree/include/linux/widget.h" &&
	git -C "$tree" diff --quiet -- drivers &&
	commit remove &&
	check_api
'

test_done
