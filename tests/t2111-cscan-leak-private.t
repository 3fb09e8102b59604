#!/bin/sh
# cscan leak --private on a small tree of our own, with directories of any
# name: a header without GLOBs makes all it declares private and including
# it from outside an error; with GLOBs only the matching names, and an
# include is a note; a private header that includes another exposes its
# names too; several private directories at once; an
# EXPORT_SYMBOL* of a private function inside its directory is an error.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

cscan=$O/bin/cscan
k=$TRASH/k
base=$k
# shellcheck source=tests/lib/fixture-tree.sh
. "$(dirname "$0")/lib/fixture-tree.sh"

put foo/core.h <<'C'
#define FOO_ONE 1
#define FOO_TWO 2
#define BAR_X 3
int foo_core_helper(void);
#include "deep.h"
C
put foo/deep.h <<'C'
int foo_deep(int a);
#define FOO_DEEP_MACRO 7
int foo_exported(void);
int foo_also_public(void);
C
put foo/deep.c <<'C'
#include "deep.h"
int foo_deep(int a) { return a + FOO_DEEP_MACRO; }
EXPORT_SYMBOL(foo_deep);
int foo_exported(void) { return 0; }
EXPORT_SYMBOL_GPL(foo_exported);
EXPORT_SYMBOL_NS_GPL(foo_deep, FOO);
int foo_also_public(void) { return 1; }
EXPORT_SYMBOL(foo_also_public);
int foo_core_helper(void) { return FOO_ONE; }
EXPORT_SYMBOL(foo_core_helper);
/* EXPORT_SYMBOL(foo_deep) in a comment */
MY_EXPORT_SYMBOL(foo_deep);
C
put include/linux/pubfoo.h <<'C'
int foo_also_public(void);
C
put bar/baz/secret.h <<'C'
struct baz_secret { int s; };
int baz_fn(void);
C
put bar/baz/secret.c <<'C'
#include "secret.h"
int baz_fn(void) { return foo_deep(1); }
EXPORT_SYMBOL(baz_fn);
C
put drivers/d.c <<'C'
#include "../foo/core.h"
#include "../bar/baz/secret.h"
int d(void) { return FOO_ONE + BAR_X + baz_fn() + foo_deep(2); }
C
put foo/inside.c <<'C'
int in(struct baz_secret *s) { return s->s + FOO_TWO; }
C

leak() {
	"$cscan" leak --private "foo/core.h=FOO_*" --private foo/deep.h \
		--private bar/baz/secret.h "$@"
}

test_expect_success 'build cscan' '
	make -s -C "$TOOLKIT" O="$O" tools
'

test_expect_success 'the set: GLOB names of one header, all of the others' '
	leak --list-symbols "$k" >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	FOO_DEEP_MACRO foo/deep.h:2 macro
	FOO_ONE foo/core.h:1 macro
	FOO_TWO foo/core.h:2 macro
	baz_fn bar/baz/secret.h:2 function
	baz_secret bar/baz/secret.h:1 type
	foo_also_public foo/deep.h:4 function [public: include/linux/pubfoo.h:1]
	foo_deep foo/deep.h:1 function
	foo_exported foo/deep.h:3 function
	cscan leak: 7 private symbols, 1 more declared outside their directories
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

cat >"$TRASH/want1" <<'WANT'
bar/baz/secret.c:2:27: error: foo_deep is private to foo/ (foo/deep.h:1)
bar/baz/secret.c:3:1: error: baz_fn is private to bar/baz/ (bar/baz/secret.h:2) but exported; remove its EXPORT_SYMBOL
drivers/d.c:1:10: note: includes foo/core.h, exposing foo-private FOO_DEEP_MACRO, FOO_ONE, FOO_TWO, foo_deep, foo_exported
drivers/d.c:2:10: error: includes bar/baz/secret.h, which is private to bar/baz/
drivers/d.c:3:22: error: FOO_ONE is private to foo/ (foo/core.h:1)
drivers/d.c:3:40: error: baz_fn is private to bar/baz/ (bar/baz/secret.h:2)
drivers/d.c:3:51: error: foo_deep is private to foo/ (foo/deep.h:1)
foo/deep.c:3:1: error: foo_deep is private to foo/ (foo/deep.h:1) but exported; remove its EXPORT_SYMBOL
foo/deep.c:5:1: error: foo_exported is private to foo/ (foo/deep.h:3) but exported; remove its EXPORT_SYMBOL
foo/deep.c:6:1: error: foo_deep is private to foo/ (foo/deep.h:1) but exported; remove its EXPORT_SYMBOL
foo/inside.c:1:15: error: baz_secret is private to bar/baz/ (bar/baz/secret.h:1)
cscan leak: 10 errors, 1 note in 8 files
WANT

test_expect_success 'uses, includes and exports across two private directories, exit 1' '
	expect_exit 1 leak "$k" >"$TRASH/out" &&
	test_cmp "$TRASH/want1" "$TRASH/out"
'

test_expect_success 'the output does not depend on the thread count' '
	for j in 1 4; do
		expect_exit 1 leak -j $j "$k" >"$TRASH/out.$j" &&
		test_cmp "$TRASH/want1" "$TRASH/out.$j" || return 1
	done
'

test_expect_success 'a GLOB header alone: its includes are notes, no export is checked' '
	expect_exit 1 "$cscan" leak --private "foo/core.h=FOO_*" "$k" foo drivers/d.c >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/d.c:1:10: note: includes foo/core.h, exposing foo-private FOO_ONE, FOO_TWO
	drivers/d.c:3:22: error: FOO_ONE is private to foo/ (foo/core.h:1)
	cscan leak: 1 error, 1 note in 1 file
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'the export check reads only the directory of a header without GLOBs' '
	expect_exit 1 "$cscan" leak --private foo/deep.h "$k" >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	bar/baz/secret.c:2:27: error: foo_deep is private to foo/ (foo/deep.h:1)
	drivers/d.c:3:51: error: foo_deep is private to foo/ (foo/deep.h:1)
	foo/deep.c:3:1: error: foo_deep is private to foo/ (foo/deep.h:1) but exported; remove its EXPORT_SYMBOL
	foo/deep.c:5:1: error: foo_exported is private to foo/ (foo/deep.h:3) but exported; remove its EXPORT_SYMBOL
	foo/deep.c:6:1: error: foo_deep is private to foo/ (foo/deep.h:1) but exported; remove its EXPORT_SYMBOL
	cscan leak: 5 errors, 0 notes in 4 files
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success '--audit: the other names of a GLOB header, as warnings' '
	printf "int a = BAR_X;\n" | put drivers/audit.c &&
	expect_exit 0 "$cscan" leak --audit --private "foo/core.h=FOO_*" "$k" drivers/audit.c \
		>"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/audit.c:1:9: warning: BAR_X is internal to foo/ (foo/core.h:3)
	cscan leak: 0 errors, 1 warning, 0 notes in 1 file
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'GLOBs: several, joined by commas' '
	"$cscan" leak --list-symbols --private "foo/core.h=FOO_T*,BAR_?" "$k" >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	BAR_X foo/core.h:3 macro
	FOO_TWO foo/core.h:2 macro
	cscan leak: 2 foo-private symbols, 0 more declared outside foo/
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'none of the headers in KDIR: exit 2 naming them' '
	expect_exit 2 "$cscan" leak --private a/x.h --private b/y.h "$k" 2>"$TRASH/err" &&
	echo "cscan: error: KDIR has no a/x.h nor b/y.h; pass the top of a kernel source tree" \
		>"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err"
'

test_done
