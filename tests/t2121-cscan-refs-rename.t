#!/bin/sh
# cscan refs --rename on a small tree of our own: every code reference of
# OLD becomes NEW in its file and nothing else changes (comments, strings,
# member names, a file's last line without a newline, its mode); the output
# is refs' own; a name split by a line continuation is left with a warning;
# the result does not depend on the thread count; bad pairs are usage
# errors. Under ASan+UBSan too when clang is installed.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

# put FILE writes the fixture tree $k (fixture-tree.sh's base).
k=$TRASH/k
base=$k
. "$TEST_DIR/lib/fixture-tree.sh"

# fixture: the tree as it is before every rename
fixture() {
	rm -rf "$k"
	put include/linux/lowlib.h <<-\C
	void low_free(void *p);
	#define low_free_sync(p) low_free(p)
	C
	put drivers/a/first.c <<-\C
	/* low_free() is mentioned here only */
	static const char *why = "low_free";
	struct ops { void (*low_free)(void *); };
	static void f(struct ops *o, void *p)
	{
		o->low_free(p);
		low_free (p); low_free_sync(p);
	}
	C
	put drivers/b/split.c <<-\C
	void g(void *p)
	{
		low_\
	free(p);
		low_free(p);
	}
	C
	printf 'void h(void *p) { low_free(p); }' >"$k/drivers/b/nonl.c"
	chmod 754 "$k/drivers/b/nonl.c"
	put kernel/none.c <<-\C
	int unrelated;
	C
}

test_expect_success 'build cscan' '
	make -s -C "$TOOLKIT" O="$O" tools
'

test_expect_success 'every code reference renamed, nothing else; the output is refs'"'"' own' '
	fixture &&
	"$O/bin/cscan" refs "$k" low_free low_free_sync >"$TRASH/refs" &&
	"$O/bin/cscan" refs --rename "$k" low_free=fast_free low_free_sync=fast_free_sync \
		>"$TRASH/out" 2>"$TRASH/err" &&
	test_cmp "$TRASH/refs" "$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	/* low_free() is mentioned here only */
	static const char *why = "low_free";
	struct ops { void (*low_free)(void *); };
	static void f(struct ops *o, void *p)
	{
		o->low_free(p);
		fast_free (p); fast_free_sync(p);
	}
	EOF
	test_cmp "$TRASH/want" "$k/drivers/a/first.c" &&
	printf "void fast_free(void *p);\n#define fast_free_sync(p) fast_free(p)\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$k/include/linux/lowlib.h" &&
	printf "void h(void *p) { fast_free(p); }" >"$TRASH/want" &&
	cmp "$TRASH/want" "$k/drivers/b/nonl.c" &&
	test "$(stat -c %a "$k/drivers/b/nonl.c")" = 754 &&
	printf "int unrelated;\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$k/kernel/none.c" &&
	test "$(find "$k" -type f | wc -l)" -eq 5
'

test_expect_success 'a name split by a line continuation is left, with a warning; the rest of its file renamed' '
	grep -x "drivers/b/split.c:3:1: low_free" "$TRASH/out" &&
	echo "drivers/b/split.c:3:1: warning: low_free is split by a line continuation; not renamed" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err" &&
	printf "void g(void *p)\n{\nlow_\\\\\nfree(p);\nfast_free(p);\n}\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$k/drivers/b/split.c"
'

test_expect_success 'the same files on 1 and 8 threads, and a second run finds nothing to rename' '
	fixture &&
	"$O/bin/cscan" refs --rename -j 1 "$k" low_free=fast_free low_free_sync=fast_free_sync >/dev/null 2>&1 &&
	mv "$k" "$TRASH/j1" &&
	fixture &&
	"$O/bin/cscan" refs --rename -j 8 "$k" low_free=fast_free low_free_sync=fast_free_sync >/dev/null 2>&1 &&
	diff -r "$TRASH/j1" "$k" &&
	"$O/bin/cscan" refs --rename "$k" low_free_sync=fast_free_sync >"$TRASH/again" &&
	test ! -s "$TRASH/again"
'

test_expect_success 'bad pairs and -l with --rename: exit 2, one line naming the fix, nothing changed' '
	fixture &&
	cp -R "$k" "$TRASH/before" &&
	for args in "low_free" "low_free=" "=x" "low_free=1x" "low_free=a-b" \
		"low_free=a low_free=b" "-l low_free=a"; do
		# shellcheck disable=SC2086
		expect_exit 2 "$O/bin/cscan" refs --rename "$k" $args >"$TRASH/out" 2>"$TRASH/err" &&
		test ! -s "$TRASH/out" && test "$(wc -l <"$TRASH/err")" -eq 1 &&
		grep "^cscan: error: .*; " "$TRASH/err" || exit 1
	done >"$TRASH/errors" &&
	test "$(grep -c "OLD=NEW pairs of identifiers" "$TRASH/errors")" -eq 5 &&
	grep -x "cscan: error: .low_free. is renamed twice; give each OLD once" "$TRASH/errors" &&
	grep -x "cscan: error: -l and --rename do not go together; drop -l, which stops at a file.s first reference" "$TRASH/errors" &&
	expect_exit 2 "$O/bin/cscan" api --rename --allow low_free=mm "$k" 2>"$TRASH/err" &&
	grep -x "cscan: error: --rename does not apply to .api.; see .cscan --help." "$TRASH/err" &&
	diff -r "$TRASH/before" "$k"
'

if command -v clang >/dev/null 2>&1; then
	test_expect_success 'under ASan+UBSan: the same files, not a word from the sanitizers' '
		make -s -C "$TOOLKIT" O="$O" "$O/bin/san/cscan" &&
		fixture &&
		ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$O/bin/san/cscan" refs --rename \
			"$k" low_free=fast_free low_free_sync=fast_free_sync >/dev/null 2>"$TRASH/err" &&
		{
			grep -vx "drivers/b/split.c:3:1: warning: low_free is split by a line continuation; not renamed" \
				"$TRASH/err" >"$TRASH/other" || true
		} &&
		test ! -s "$TRASH/other" &&
		diff -r "$TRASH/j1" "$k"
	'
fi

test_done
