#!/bin/sh
# cscan leak on a small tree of our own: the set is derived from the mm
# headers less public names; code references are errors, comment mentions,
# own definitions and includes of mm/internal.h are notes, includes of
# mm/page_alloc.h are errors; members, strings and mm/ itself are quiet.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

cscan=$O/bin/cscan
# leak ARGS...: cscan leak with the page allocator's private headers.
leak() {
	"$cscan" leak --private "mm/internal.h=ALLOC_*" --private mm/page_alloc.h "$@"
}
k=$TRASH/k

# put FILE: write stdin to $k/FILE.
put() {
	mkdir -p "$(dirname "$k/$1")" && cat >"$k/$1"
}

put mm/internal.h <<'C'
#ifndef FIXTURE_MM_INTERNAL_H
#define FIXTURE_MM_INTERNAL_H
#define ALLOC_ONE	0x1
#define ALLOC_TWO	0x2	/* a comment */
#define ALLOC_PUBLIC	0x4
#define NOT_ALLOC_X	0x8
struct internal_only { int x; };
int internal_helper(void);
#endif
C
put mm/user.c <<'C'
int in_mm(void) { return ALLOC_ONE | ALLOC_TWO; }
C
put include/linux/pub.h <<'C'
#define ALLOC_PUBLIC 0x4
int pub_fn(void);
C
put drivers/x/code.c <<'C'
#include <linux/pub.h>
int f(int flags)
{
	return flags & ALLOC_ONE;
}
C
put drivers/x/quiet.c <<'C'
/* ALLOC_TWO is only mentioned here */
static const char *s = "ALLOC_TWO";
struct q { int ALLOC_TWO; };
static struct q v = { .ALLOC_TWO = 1 };
int g(struct q *p) { return p->ALLOC_TWO + ALLOC_PUBLIC + NOT_ALLOC_X + 'A'; }
C
put drivers/x/own.c <<'C'
#define ALLOC_ONE 0x100
int h(void) { return ALLOC_ONE; }
C
put drivers/y/local.h <<'C'
#define ALLOC_TWO 3
C
put drivers/y/user.c <<'C'
#include "local.h"
int k = ALLOC_TWO;
C
put lib/inc.c <<'C'
#include "../mm/internal.h"	/* for ALLOC_ONE */
C

test_expect_success 'build cscan' '
	make -s -C "$TOOLKIT" O="$O" tools
'

test_expect_success 'the derived set: ALLOC_* of mm/internal.h less public names' '
	leak --list-symbols "$k" >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	ALLOC_ONE mm/internal.h:3 macro
	ALLOC_PUBLIC mm/internal.h:5 macro [public: include/linux/pub.h:1]
	ALLOC_TWO mm/internal.h:4 macro
	cscan leak: 2 mm-private symbols, 1 more declared outside mm/
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

cat >"$TRASH/want1" <<'WANT'
drivers/x/code.c:4:17: error: ALLOC_ONE is private to mm/ (mm/internal.h:3)
drivers/x/own.c:1:9: note: defines its own macro ALLOC_ONE, not the mm-private one (mm/internal.h:3)
drivers/x/quiet.c:1:4: note: comment mentions ALLOC_TWO, private to mm/ (mm/internal.h:4)
drivers/y/local.h:1:9: note: defines its own macro ALLOC_TWO, not the mm-private one (mm/internal.h:4)
lib/inc.c:1:10: note: includes mm/internal.h, exposing mm-private ALLOC_ONE, ALLOC_TWO
lib/inc.c:1:36: note: comment mentions ALLOC_ONE, private to mm/ (mm/internal.h:3)
cscan leak: 1 error, 5 notes in 7 files
WANT

test_expect_success 'errors, notes and the summary, exit 1' '
	expect_exit 1 leak "$k" >"$TRASH/out" &&
	test_cmp "$TRASH/want1" "$TRASH/out"
'

test_expect_success 'the output does not depend on the thread count' '
	for j in 1 3 8; do
		expect_exit 1 leak -j $j "$k" >"$TRASH/out.$j" &&
		test_cmp "$TRASH/want1" "$TRASH/out.$j" || return 1
	done
'

test_expect_success 'FILE arguments restrict the check, public headers still count' '
	expect_exit 0 leak "$k" drivers/x/quiet.c >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/x/quiet.c:1:4: note: comment mentions ALLOC_TWO, private to mm/ (mm/internal.h:4)
	cscan leak: 0 errors, 1 note in 1 file
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success '-v lists the set on stderr' '
	expect_exit 1 leak -v "$k" >"$TRASH/out" 2>"$TRASH/err" &&
	test_cmp "$TRASH/want1" "$TRASH/out" &&
	grep -qx "ALLOC_ONE mm/internal.h:3 macro" "$TRASH/err"
'

test_expect_success '--audit: the rest of mm/internal.h as warnings, exit 0' '
	put drivers/w/audit.c <<-\EOF &&
	struct internal_only *p;
	int w(void) { return internal_helper() + NOT_ALLOC_X; }
	EOF
	expect_exit 0 leak --audit "$k" drivers/w/audit.c >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/w/audit.c:1:8: warning: internal_only is internal to mm/ (mm/internal.h:7)
	drivers/w/audit.c:2:22: warning: internal_helper is internal to mm/ (mm/internal.h:8)
	drivers/w/audit.c:2:42: warning: NOT_ALLOC_X is internal to mm/ (mm/internal.h:6)
	cscan leak: 0 errors, 3 warnings, 0 notes in 1 file
	EOF
	test_cmp "$TRASH/want" "$TRASH/out" &&
	expect_exit 0 leak "$k" drivers/w/audit.c >"$TRASH/out" &&
	echo "cscan leak: 0 errors, 0 notes in 1 file" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'mm/page_alloc.h: all it declares is private' '
	put mm/page_alloc.h <<-\EOF &&
	#define PA_MACRO 1
	struct alloc_ctx { int a; };
	typedef int pa_t;
	enum pa_mode { PA_FAST, PA_SLOW };
	int pa_helper(struct alloc_ctx *ac);
	int pub_fn(void);
	EOF
	leak --list-symbols "$k" >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	ALLOC_ONE mm/internal.h:3 macro
	ALLOC_PUBLIC mm/internal.h:5 macro [public: include/linux/pub.h:1]
	ALLOC_TWO mm/internal.h:4 macro
	PA_FAST mm/page_alloc.h:4 enumerator
	PA_MACRO mm/page_alloc.h:1 macro
	PA_SLOW mm/page_alloc.h:4 enumerator
	alloc_ctx mm/page_alloc.h:2 type
	pa_helper mm/page_alloc.h:5 function
	pa_mode mm/page_alloc.h:4 type
	pa_t mm/page_alloc.h:3 type
	pub_fn mm/page_alloc.h:6 function [public: include/linux/pub.h:2]
	cscan leak: 9 mm-private symbols, 2 more declared outside mm/
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'its uses and any include reaching it outside mm/ are errors' '
	put drivers/z/pa.c <<-\EOF &&
	#include "../../mm/page_alloc.h"
	static int z(struct alloc_ctx *ac) { return pa_helper(ac) + PA_FAST + pub_fn(); }
	EOF
	put arch/foo/kernel/b.c <<-\EOF &&
	#include "mm/page_alloc.h"
	#include <mm/page_alloc.h>
	EOF
	put arch/foo/mm/page_alloc.h <<-\EOF &&
	int arch_page_alloc(void);
	EOF
	put arch/foo/mm/c.c <<-\EOF &&
	#include "page_alloc.h"
	#include "../../../mm/./page_alloc.h"
	EOF
	expect_exit 1 leak "$k" arch drivers/z >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	arch/foo/kernel/b.c:1:10: error: includes mm/page_alloc.h, which is private to mm/
	arch/foo/kernel/b.c:2:10: error: includes mm/page_alloc.h, which is private to mm/
	arch/foo/mm/c.c:2:10: error: includes mm/page_alloc.h, which is private to mm/
	drivers/z/pa.c:1:10: error: includes mm/page_alloc.h, which is private to mm/
	drivers/z/pa.c:2:21: error: alloc_ctx is private to mm/ (mm/page_alloc.h:2)
	drivers/z/pa.c:2:45: error: pa_helper is private to mm/ (mm/page_alloc.h:5)
	drivers/z/pa.c:2:61: error: PA_FAST is private to mm/ (mm/page_alloc.h:4)
	cscan leak: 7 errors, 0 notes in 4 files
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'mm/internal.h including mm/page_alloc.h exposes both' '
	sed "s|^#define FIXTURE_MM_INTERNAL_H|&\n#include \"page_alloc.h\"|" "$k/mm/internal.h" \
		>"$TRASH/internal.h" &&
	mv "$TRASH/internal.h" "$k/mm/internal.h" &&
	leak "$k" lib/inc.c >"$TRASH/out" &&
	grep -x "lib/inc.c:1:10: note: includes mm/internal.h, exposing mm-private ALLOC_ONE, ALLOC_TWO, PA_FAST, PA_MACRO, PA_SLOW, alloc_ctx, pa_helper, pa_mode, pa_t" \
		"$TRASH/out"
'

test_done
