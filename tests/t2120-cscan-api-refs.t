#!/bin/sh
# cscan api and cscan refs on a small tree of our own: only code
# references count (not comments, strings or member names), output is
# sorted by path, line and column whatever the thread count. api counts the
# files it had to check: those where some symbol is not allowed.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

cscan=$O/bin/cscan
k=$TRASH/k

put() {
	mkdir -p "$(dirname "$k/$1")" && cat >"$k/$1"
}

put mm/core.c <<'C'
struct page *low_alloc(int nid) { return 0; }
C
put include/linux/alloc.h <<'C'
struct page *low_alloc(int nid);
#define low_alloc_node(n) low_alloc(n)
C
put drivers/b/second.c <<'C'
static struct page *p2(void)
{
	return low_alloc(1) ? low_alloc(2) : 0;
}
C
put drivers/a/first.c <<'C'
/* low_alloc() is mentioned here only */
static const char *why = "low_alloc";
struct ops { void *(*low_alloc)(int); };
static struct ops o = { .low_alloc = 0 };
static void *p1(struct ops *x) { return x->low_alloc(0); }
C
put kernel/allowed.c <<'C'
void *k(void) { return low_alloc(0); }
C

test_expect_success 'build cscan' '
	make -s -C "$TOOLKIT" O="$O" tools
'

test_expect_success 'refs: code references only, sorted' '
	"$cscan" refs "$k" low_alloc low_alloc_node >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/b/second.c:3:9: low_alloc
	drivers/b/second.c:3:24: low_alloc
	include/linux/alloc.h:1:14: low_alloc
	include/linux/alloc.h:2:9: low_alloc_node
	include/linux/alloc.h:2:27: low_alloc
	kernel/allowed.c:1:24: low_alloc
	mm/core.c:1:14: low_alloc
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'refs -l with --exclude: the paths only' '
	"$cscan" refs -l --exclude mm/ --exclude include "$k" low_alloc >"$TRASH/out" &&
	printf "%s\n" drivers/b/second.c kernel/allowed.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'refs -- FILE... restricts the scan' '
	"$cscan" refs -l "$k" low_alloc -- drivers kernel/allowed.c mm/core.c >"$TRASH/out" &&
	printf "%s\n" drivers/b/second.c kernel/allowed.c mm/core.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'refs: nothing found is no failure' '
	"$cscan" refs "$k" no_such_symbol >"$TRASH/out" &&
	test ! -s "$TRASH/out"
'

test_expect_success 'refs output is the same on 1 and 8 threads' '
	"$cscan" refs -j 1 "$k" low_alloc >"$TRASH/j1" &&
	"$cscan" refs -j 8 "$k" low_alloc >"$TRASH/j8" &&
	test_cmp "$TRASH/j1" "$TRASH/j8"
'

test_expect_success 'api: references outside the allowed directories are errors' '
	expect_exit 1 "$cscan" api --allow low_alloc=mm/,kernel "$k" >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/b/second.c:3:9: error: low_alloc is private to mm/ and kernel/; use a public interface outside them
	drivers/b/second.c:3:24: error: low_alloc is private to mm/ and kernel/; use a public interface outside them
	include/linux/alloc.h:1:14: error: low_alloc is private to mm/ and kernel/; use a public interface outside them
	include/linux/alloc.h:2:27: error: low_alloc is private to mm/ and kernel/; use a public interface outside them
	cscan api: 4 errors, 0 notes in 3 files
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'api: one --allow per symbol, repeated --allow adds directories' '
	expect_exit 1 "$cscan" api --allow low_alloc=mm --allow low_alloc_node=include/linux \
		--allow low_alloc=include "$k" >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/b/second.c:3:9: error: low_alloc is private to mm/ and include/; use a public interface outside them
	drivers/b/second.c:3:24: error: low_alloc is private to mm/ and include/; use a public interface outside them
	kernel/allowed.c:1:24: error: low_alloc is private to mm/ and include/; use a public interface outside them
	cscan api: 3 errors, 0 notes in 4 files
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'api: clean when every use is allowed' '
	"$cscan" api --allow low_alloc=mm/,kernel/,include/,drivers/b/ "$k" >"$TRASH/out" &&
	echo "cscan api: 0 errors, 0 notes in 1 file" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_done
