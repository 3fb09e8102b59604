#!/bin/sh
# A function-like macro's name is not its uses: cscan refs, refs -l, refs
# --rename and api, on a small tree of our own where a function-like macro
# of include/linux/ shares its name with parameters, locals, a member and a
# file-scope variable, count only its calls (NAME, then '(' after blanks or
# comments) and what directives say of it; also when FILE arguments leave
# its definition out, and once the definition is gone (a move to: none),
# unless a header declares a variable of that name.
# Object-like macros and functions keep every reference. The output does
# not depend on the thread count.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

cscan() {
	"$O/bin/cscan" "$@"
}
# put FILE writes the fixture tree $k (fixture-tree.sh's base).
k=$TRASH/k
base=$k
. "$TEST_DIR/lib/fixture-tree.sh"

fixture() {
	rm -rf "$k"
	put include/linux/widget.h <<-\C
	#ifndef _LINUX_WIDGET_H
	#define _LINUX_WIDGET_H

	struct widget {
		int size;
	};

	/* widget_span() - twice a widget's size */
	#define widget_span(w) ((w)->size * 2)
	#define WIDGET_MAX 8
	int widget_grow(struct widget *w, int by);

	#endif
	C
	put drivers/a/span.c <<-\C
	#include <linux/widget.h>

	struct ruler {
		int widget_span;
	};

	static int span_of(const struct widget *w, int widget_span)
	{
		return widget_span + widget_span /* twice */ (w);
	}

	int ruler_fill(struct ruler *r, const struct widget *w)
	{
		int widget_span = widget_span(w);

		r->widget_span = widget_span;
		return widget_span
			(w) + WIDGET_MAX;
	}
	C
	put drivers/b/grow.c <<-\C
	#include <linux/widget.h>

	static unsigned int widget_span = WIDGET_MAX;
	static int (*grow)(struct widget *, int) = widget_grow;

	#ifdef widget_span
	int grow_twice(struct widget *w)
	{
		return grow(w, widget_span(w)) + widget_span;
	}
	#endif
	C
	put drivers/c/param.c <<-\C
	int span_twice(int widget_span)
	{
		return widget_span * 2;
	}
	C
}

# The calls and what directives say, of the fixture.
calls() {
	cat <<-\EOF
	drivers/a/span.c:9:22: widget_span
	drivers/a/span.c:14:19: widget_span
	drivers/a/span.c:17:8: widget_span
	drivers/b/grow.c:6:8: widget_span
	drivers/b/grow.c:9:16: widget_span
	include/linux/widget.h:9:9: widget_span
	EOF
}

test_expect_success 'build cscan' '
	make -s -C "$TOOLKIT" O="$O" tools
'

test_expect_success 'refs: only the calls of a function-like macro; a parameter, a local, a member, a variable are other names' '
	fixture &&
	cscan refs "$k" widget_span >"$TRASH/out" &&
	calls >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'refs: an object-like macro and a function keep every reference' '
	cscan refs "$k" WIDGET_MAX widget_grow >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/a/span.c:18:7: WIDGET_MAX
	drivers/b/grow.c:3:35: WIDGET_MAX
	drivers/b/grow.c:4:44: widget_grow
	include/linux/widget.h:10:9: WIDGET_MAX
	include/linux/widget.h:11:5: widget_grow
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'refs -- FILE...: the macro is known from the whole tree; -l lists the files that call it' '
	cscan refs "$k" widget_span -- drivers/a drivers/c >"$TRASH/out" &&
	calls | grep "^drivers/a/" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out" &&
	cscan refs -l "$k" widget_span >"$TRASH/out" &&
	printf "%s\n" drivers/a/span.c drivers/b/grow.c include/linux/widget.h >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out" &&
	cscan refs -l "$k" widget_span -- drivers/c/param.c >"$TRASH/out" &&
	test ! -s "$TRASH/out"
'

test_expect_success 'refs output is the same on 1 and 8 threads' '
	cscan refs -j 1 "$k" widget_span WIDGET_MAX >"$TRASH/j1" &&
	cscan refs -j 8 "$k" widget_span WIDGET_MAX >"$TRASH/j8" &&
	test_cmp "$TRASH/j1" "$TRASH/j8"
'

test_expect_success 'refs --rename: only the calls (and the definition) renamed' '
	fixture &&
	cp -R "$k" "$TRASH/before" &&
	cscan refs --rename "$k" widget_span=widget_extent >"$TRASH/out" &&
	calls >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out" &&
	b=$TRASH/before &&
	sed "9s/+ widget_span/+ widget_extent/; 14s/= widget_span/= widget_extent/; 17s/widget_span\$/widget_extent/" \
		"$b/drivers/a/span.c" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$k/drivers/a/span.c" &&
	sed "6s/widget_span/widget_extent/; 9s/widget_span(/widget_extent(/" "$b/drivers/b/grow.c" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$k/drivers/b/grow.c" &&
	sed "9s/widget_span/widget_extent/" "$b/include/linux/widget.h" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$k/include/linux/widget.h" &&
	test_cmp "$b/drivers/c/param.c" "$k/drivers/c/param.c"
'

test_expect_success 'api: a confined function-like macro is clean where only its name is taken' '
	fixture &&
	cscan api --allow widget_span=include/linux,drivers/a,drivers/b "$k" >"$TRASH/out" &&
	echo "cscan api: 0 errors, 0 notes in 1 file" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out" &&
	expect_exit 1 cscan api --allow widget_span=include/linux,drivers/b "$k" >"$TRASH/out" &&
	test "$(grep -c "^drivers/a/span.c:.*: error: widget_span is private to" "$TRASH/out")" -eq 3 &&
	grep -x "cscan api: 3 errors, 0 notes in 2 files" "$TRASH/out"
'

test_expect_success 'a function of the same name somewhere: every reference counts, as before' '
	fixture &&
	put drivers/d/fn.c <<-\C &&
	int widget_span(const struct widget *w)
	{
		return w->size * 2;
	}
	C
	cscan refs "$k" widget_span >"$TRASH/out" &&
	grep -x "drivers/c/param.c:1:20: widget_span" "$TRASH/out" &&
	grep -x "drivers/b/grow.c:9:34: widget_span" "$TRASH/out" &&
	grep -x "drivers/d/fn.c:1:5: widget_span" "$TRASH/out"
'

test_expect_success 'a variable of that name in a header beside the macro: every reference counts' '
	fixture &&
	echo "extern unsigned int widget_span;" >>"$k/include/linux/widget.h" &&
	cscan refs "$k" widget_span >"$TRASH/out" &&
	grep -x "drivers/c/param.c:1:20: widget_span" "$TRASH/out" &&
	grep -x "drivers/b/grow.c:3:21: widget_span" "$TRASH/out"
'

test_expect_success 'the definition gone: a lower-case name counts as calls only, a capitals one everywhere' '
	fixture &&
	sed -i "/#define widget_span(/d; /#define WIDGET_MAX/d" "$k/include/linux/widget.h" &&
	cscan refs "$k" widget_span >"$TRASH/out" &&
	calls | grep -v "^include/" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out" &&
	cscan refs "$k" widget_span -- drivers/a/span.c drivers/c >"$TRASH/out" &&
	calls | grep "^drivers/a/" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out" &&
	cscan refs -l "$k" WIDGET_MAX >"$TRASH/out" &&
	printf "%s\n" drivers/a/span.c drivers/b/grow.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'the definition gone, a variable of that name in a header: every reference counts' '
	echo "extern unsigned int widget_span;" >>"$k/include/linux/widget.h" &&
	cscan refs "$k" widget_span >"$TRASH/out" &&
	grep -x "drivers/c/param.c:1:20: widget_span" "$TRASH/out" &&
	grep -x "drivers/b/grow.c:3:21: widget_span" "$TRASH/out" &&
	sed -i "\$d" "$k/include/linux/widget.h" &&
	cscan refs "$k" widget_span >"$TRASH/out" &&
	! grep "drivers/c/param.c" "$TRASH/out"
'

test_expect_success 'the definition gone, its calls gone too: nothing found' '
	sed -i "s/widget_span *\\(\\/\\* twice \\*\\/ *\\)*(/widget_extent(/; s/return widget_span\$/return widget_extent/; /#ifdef/d; /#endif/d" \
		"$k/drivers/a/span.c" "$k/drivers/b/grow.c" &&
	cscan refs "$k" widget_span >"$TRASH/out" &&
	test ! -s "$TRASH/out"
'

test_expect_success CLANG 'under ASan+UBSan: the same output, not a word from the sanitizers' '
	make -s -C "$TOOLKIT" O="$O" "$O/bin/san/cscan" &&
	fixture &&
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$O/bin/san/cscan" refs -j 4 \
		"$k" widget_span -- drivers/a drivers/c >"$TRASH/out" 2>"$TRASH/err" &&
	test ! -s "$TRASH/err" &&
	calls | grep "^drivers/a/" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_done
