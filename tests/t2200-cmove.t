#!/bin/sh
# cmove on small trees of our own: what moves (macros, a multi-line one,
# function-like ones, a static inline, a multi-line prototype, a struct with
# its comment block, an enum, a typedef, an extern variable, a conditional
# group whole, another in part), what FROM keeps, the new TO byte for byte,
# the includes added, the refusals (nothing changes), usage errors, -n, -v,
# a second run, --list, and writes that fail half-way.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

# CMOVE: another build to test, such as the sanitized one (t2240-cmove-fuzz.t)
# shellcheck source=tests/lib/fixture-tree.sh
. "$(dirname "$0")/lib/fixture-tree.sh"

# same TREE: TREE is byte-identical to the base tree, no file more or less.
same() {
	diff -r "$base" "$1"
}

put lib/alloc.h <<'C'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LIB_ALLOC_H
#define __LIB_ALLOC_H

#include <linux/types.h>

struct pool;

/* Flags of a widget request. */
#define WID_FAST	0x01	/* no waiting */
#define WID_ZERO	0x02
#define WID_MASK	(WID_FAST | \
			 WID_ZERO)

/*
 * A widget request: what the allocator
 * needs to know.
 */
struct wid_req {
	unsigned int flags;
	int node;
};

enum wid_kind {
	WID_SMALL,
	WID_LARGE,
};

#define wid_ok(r)	((r)->flags & WID_FAST)

int pool_init(struct pool *p);

struct widget *wid_get(struct wid_req *req,
		       unsigned int count,
		       int node);

static inline int wid_count(const struct wid_req *r)
{
	return r->node + 1;
}

extern unsigned long wid_total;

typedef unsigned int wid_flags_t;

#ifdef CONFIG_WID_DEBUG
void wid_check(struct wid_req *req);
#else
static inline void wid_check(struct wid_req *req) { }
#endif

#ifdef CONFIG_WID_STATS
void wid_stats(void);	/* moves */
void pool_stats(void);	/* stays */
#else
#define wid_stats() do { } while (0)
static inline void pool_stats(void) { }
#endif

int pool_size(struct pool *p);

#endif /* __LIB_ALLOC_H */
C

# Users in scope: the include goes after the last local include at the top
# level, or after the last <...> one.
put lib/alloc.c <<'C'
// SPDX-License-Identifier: GPL-2.0
#include <linux/types.h>
#include "alloc.h"
#include "other.h"

#ifdef CONFIG_X
#include "cfg.h"
#endif

int pool_init(struct pool *p)
{
	return WID_FAST;
}
C
put lib/sub/user.c <<'C'
#include <linux/types.h>
#include <linux/list.h>

struct widget *w(struct wid_req *r)
{
	return wid_get(r, 1, 0);
}
C
# a non-static definition needs the declaration
put lib/total.c <<'C'
#include "alloc.h"

unsigned long wid_total;
C
# Not users: includes TO already, own macro, own static function, mentions
# in comments and strings and member names only.
put lib/already.c <<'C'
#include "alloc.h"
#include "../lib/private.h"

unsigned long f(void) { return wid_total; }
C
put lib/own.c <<'C'
#include "alloc.h"
#define WID_FAST 7
int x = WID_FAST;
C
put lib/static.c <<'C'
#include "alloc.h"
static int wid_count(void) { return 0; }
C
put lib/words.c <<'C'
#include "alloc.h"
/* WID_FAST in a comment */
const char *s = "WID_ZERO";
int f(struct pool *p) { return p->wid_total; }
C
# Outside the default scope lib/, not users either.
put drivers/d.c <<'C'
#include <lib/alloc.h>

int pool_init(struct pool *p);
C

syms="WID_FAST WID_ZERO WID_MASK wid_req wid_kind wid_ok wid_get wid_count wid_total wid_flags_t wid_check wid_stats"

cat >"$TRASH/want-to" <<'C'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LIB_PRIVATE_H
#define __LIB_PRIVATE_H

#include <linux/types.h>
#include "alloc.h"

/* Flags of a widget request. */
#define WID_FAST	0x01	/* no waiting */
#define WID_ZERO	0x02
#define WID_MASK	(WID_FAST | \
			 WID_ZERO)

/*
 * A widget request: what the allocator
 * needs to know.
 */
struct wid_req {
	unsigned int flags;
	int node;
};

enum wid_kind {
	WID_SMALL,
	WID_LARGE,
};

#define wid_ok(r)	((r)->flags & WID_FAST)

struct widget *wid_get(struct wid_req *req,
		       unsigned int count,
		       int node);

static inline int wid_count(const struct wid_req *r)
{
	return r->node + 1;
}

extern unsigned long wid_total;

typedef unsigned int wid_flags_t;

#ifdef CONFIG_WID_DEBUG
void wid_check(struct wid_req *req);
#else
static inline void wid_check(struct wid_req *req) { }
#endif

#ifdef CONFIG_WID_STATS
void wid_stats(void);	/* moves */
#else
#define wid_stats() do { } while (0)
#endif

#endif /* __LIB_PRIVATE_H */
C

cat >"$TRASH/want-from" <<'C'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LIB_ALLOC_H
#define __LIB_ALLOC_H

#include <linux/types.h>

struct pool;

int pool_init(struct pool *p);

#ifdef CONFIG_WID_STATS
void pool_stats(void);	/* stays */
#else
static inline void pool_stats(void) { }
#endif

int pool_size(struct pool *p);

#endif /* __LIB_ALLOC_H */
C

cat >"$TRASH/want-out" <<'EOF'
cmove: lib/alloc.h: 43 lines moved out
cmove: lib/private.h: created, 55 lines
cmove: lib/alloc.c: #include "private.h" added after line 4
cmove: lib/sub/user.c: #include "../private.h" added after line 2
cmove: lib/total.c: #include "private.h" added after line 1
EOF

test_expect_success 'build cmove' '
	if [ -z "${CMOVE:-}" ]; then make -s -C "$TOOLKIT" O="$O" tools; fi
'

test_expect_success 'move: exit 0, one line per changed file' '
	k=$(fresh move) &&
	"$cmove" --include linux/types.h --include "\"alloc.h\"" "$k" lib/alloc.h lib/private.h \
		$syms >"$TRASH/out" 2>"$TRASH/err" &&
	test ! -s "$TRASH/err" &&
	test_cmp "$TRASH/want-out" "$TRASH/out"
'

test_expect_success 'TO is created: SPDX, guard, includes, declarations in order' '
	test_cmp "$TRASH/want-to" "$TRASH/move/lib/private.h"
'

test_expect_success 'FROM keeps the rest, no doubled blank lines, partial group left' '
	test_cmp "$TRASH/want-from" "$TRASH/move/lib/alloc.h"
'

test_expect_success 'include after the last top-level local include' '
	sed -n 5p "$TRASH/move/lib/alloc.c" >"$TRASH/line" &&
	echo "#include \"private.h\"" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/line" &&
	sed 5d "$TRASH/move/lib/alloc.c" >"$TRASH/rest" &&
	test_cmp "$base/lib/alloc.c" "$TRASH/rest"
'

test_expect_success 'include after the last <...> one, relative to the file' '
	sed -n 3p "$TRASH/move/lib/sub/user.c" >"$TRASH/line" &&
	echo "#include \"../private.h\"" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/line" &&
	sed 3d "$TRASH/move/lib/sub/user.c" >"$TRASH/rest" &&
	test_cmp "$base/lib/sub/user.c" "$TRASH/rest"
'

test_expect_success 'a non-static definition of a moved name gets the include' '
	sed -n 2p "$TRASH/move/lib/total.c" >"$TRASH/line" &&
	echo "#include \"private.h\"" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/line"
'

test_expect_success 'already including TO, own definitions, comments and members: untouched' '
	for f in lib/already.c lib/own.c lib/static.c lib/words.c drivers/d.c; do
		cmp "$base/$f" "$TRASH/move/$f" || return 1
	done
'

test_expect_success 'file modes are kept' '
	k=$(fresh modes) &&
	chmod 0640 "$k/lib/alloc.h" && chmod 0600 "$k/lib/alloc.c" &&
	"$cmove" "$k" lib/alloc.h lib/private.h WID_FAST WID_ZERO WID_MASK wid_ok >/dev/null &&
	test "$(stat -c %a "$k/lib/alloc.h")" = 640 &&
	test "$(stat -c %a "$k/lib/alloc.c")" = 600 &&
	test "$(stat -c %a "$k/lib/private.h")" = "$(printf "%o" $((0666 & ~$(umask))))"
'

test_expect_success 'a second identical run: nothing to do, exit 0, nothing changes' '
	cp -a "$TRASH/move" "$TRASH/move2" &&
	"$cmove" --include linux/types.h "$TRASH/move2" lib/alloc.h lib/private.h $syms \
		>"$TRASH/out" 2>"$TRASH/err" &&
	test ! -s "$TRASH/err" &&
	echo "cmove: nothing to do: $syms already in lib/private.h" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out" &&
	diff -r "$TRASH/move" "$TRASH/move2"
'

test_expect_success 'some moved already, the others move' '
	k=$(fresh again) &&
	"$cmove" "$k" lib/alloc.h lib/private.h WID_FAST WID_ZERO WID_MASK wid_ok >/dev/null &&
	"$cmove" "$k" lib/alloc.h lib/private.h WID_FAST WID_ZERO WID_MASK wid_ok wid_total \
		>"$TRASH/out" &&
	head -n 1 "$TRASH/out" >"$TRASH/have" &&
	echo "cmove: WID_FAST WID_ZERO WID_MASK wid_ok already in lib/private.h" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	grep -c "^#define WID_" "$k/lib/private.h" >"$TRASH/have" &&
	echo 3 >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	grep -qx "extern unsigned long wid_total;" "$k/lib/private.h" &&
	! grep -q wid_total "$k/lib/alloc.h"
'

test_expect_success '-n: the same lines prefixed, nothing changes' '
	k=$(fresh dry) &&
	"$cmove" -n --include linux/types.h --include "\"alloc.h\"" "$k" lib/alloc.h lib/private.h \
		$syms >"$TRASH/out" &&
	sed "s/^/would: /" "$TRASH/want-out" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out" &&
	same "$k"
'

test_expect_success '-v: each moving declaration with its lines' '
	k=$(fresh verbose) &&
	"$cmove" -v "$k" lib/alloc.h lib/private.h wid_ok WID_MASK wid_check >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	cmove: moving lib/alloc.h:12-13: macro WID_MASK
	cmove: moving lib/alloc.h:29-29: macro wid_ok
	cmove: moving lib/alloc.h:47-47: function wid_check
	cmove: moving lib/alloc.h:49-49: function wid_check
	EOF
	head -n 4 "$TRASH/out" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'outside the scope: exit 1 at the exact place, nothing changes' '
	k=$(fresh outside) &&
	printf "#include <lib/alloc.h>\n\nint d = WID_ZERO + wid_count(0);\n" >"$k/drivers/d.c" &&
	cp -a "$k" "$TRASH/outside.before" &&
	expect_exit 1 "$cmove" "$k" lib/alloc.h lib/private.h $syms >"$TRASH/out" 2>"$TRASH/err" &&
	test ! -s "$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/d.c:3:9: error: uses WID_ZERO, which would move to lib/private.h; this file is outside the scope (lib/)
	drivers/d.c:3:20: error: uses wid_count, which would move to lib/private.h; this file is outside the scope (lib/)
	cmove: refused: 2 errors; nothing changed
	EOF
	test_cmp "$TRASH/want" "$TRASH/err" &&
	diff -r "$TRASH/outside.before" "$k"
'

test_expect_success '--scope widens: the same file gets the include' '
	k=$(fresh scope) &&
	printf "#include <lib/alloc.h>\n\nunsigned long d = wid_total;\n" >"$k/drivers/d.c" &&
	"$cmove" --scope lib --scope drivers/ "$k" lib/alloc.h lib/private.h wid_total >"$TRASH/out" &&
	grep -x "cmove: drivers/d.c: #include \"../lib/private.h\" added after line 1" "$TRASH/out"
'

test_expect_success 'what stays in FROM uses a moved name: refused, the line named' '
	k=$(fresh from) &&
	expect_exit 1 "$cmove" "$k" lib/alloc.h lib/private.h wid_req >"$TRASH/out" 2>"$TRASH/err" &&
	cat >"$TRASH/want" <<-\EOF &&
	lib/alloc.h:33:31: error: wid_req would move to lib/private.h but stays in use here: lib/alloc.h would need lib/private.h
	cmove: refused: 1 error; nothing changed
	EOF
	test_cmp "$TRASH/want" "$TRASH/err" &&
	same "$k"
'

test_expect_success 'a user without any #include: refused' '
	k=$(fresh noinc) &&
	printf "unsigned long n(void) { return wid_total; }\n" >"$k/lib/bare.c" &&
	cp -a "$k" "$TRASH/noinc.before" &&
	expect_exit 1 "$cmove" "$k" lib/alloc.h lib/private.h wid_total 2>"$TRASH/err" &&
	cat >"$TRASH/want" <<-\EOF &&
	lib/bare.c:1:32: error: uses wid_total but has no #include to put #include "private.h" after
	cmove: refused: 1 error; nothing changed
	EOF
	test_cmp "$TRASH/want" "$TRASH/err" &&
	diff -r "$TRASH/noinc.before" "$k"
'

test_expect_success 'TO declares a moved name already: refused' '
	k=$(fresh twice) &&
	printf "typedef int wid_flags_t;\n" >"$k/lib/private.h" &&
	cp -a "$k" "$TRASH/twice.before" &&
	expect_exit 1 "$cmove" "$k" lib/alloc.h lib/private.h wid_total wid_flags_t 2>"$TRASH/err" &&
	cat >"$TRASH/want" <<-\EOF &&
	lib/private.h:1:13: error: wid_flags_t is already declared here; it would be declared twice
	cmove: refused: 1 error; nothing changed
	EOF
	test_cmp "$TRASH/want" "$TRASH/err" &&
	diff -r "$TRASH/twice.before" "$k"
'

test_expect_success 'unknown SYM: exit 2, one line' '
	k=$(fresh unknown) &&
	expect_exit 2 "$cmove" "$k" lib/alloc.h lib/private.h WID_FAST nosuch >"$TRASH/out" 2>"$TRASH/err" &&
	test ! -s "$TRASH/out" &&
	echo "cmove: error: nosuch is not declared in lib/alloc.h" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err" &&
	same "$k"
'

# usage_error CMD...: exit 2, one line on stderr naming the problem, nothing on stdout.
usage_error() {
	expect_exit 2 "$@" >"$TRASH/out" 2>"$TRASH/err" &&
	test ! -s "$TRASH/out" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep -q "^cmove: error: " "$TRASH/err"
}

test_expect_success 'usage errors: exit 2, one line' '
	usage_error "$cmove" &&
	usage_error "$cmove" "$base" lib/alloc.h lib/private.h &&
	usage_error "$cmove" --frob "$base" lib/alloc.h lib/private.h WID_FAST &&
	usage_error "$cmove" "$base" lib/alloc.h lib/alloc.h WID_FAST &&
	usage_error "$cmove" "$base" /abs.h lib/private.h WID_FAST &&
	usage_error "$cmove" "$base" ../up.h lib/private.h WID_FAST &&
	usage_error "$cmove" "$base" lib/alloc.h lib/private.h "not-a-name" &&
	usage_error "$cmove" "$base" lib/nope.h lib/private.h WID_FAST &&
	usage_error "$cmove" "$base" lib/alloc.h nodir/private.h wid_total &&
	usage_error "$cmove" "$TRASH/nope" lib/alloc.h lib/private.h WID_FAST &&
	usage_error "$cmove" -j 0 "$base" lib/alloc.h lib/private.h WID_FAST &&
	usage_error "$cmove" --list "$base" &&
	usage_error "$cmove" --list "$base" lib/nope.h &&
	"$cmove" --help | grep -q "^usage: cmove \[-n\] \[-v\]"
'

test_expect_success 'an existing TO with a guard: before its #endif, one blank line apart' '
	k=$(fresh guarded) &&
	printf "%s\n" "#ifndef __LIB_PRIVATE_H" "#define __LIB_PRIVATE_H" "" "int old(void);" \
		"" "" "#endif" >"$k/lib/private.h" &&
	"$cmove" "$k" lib/alloc.h lib/private.h wid_flags_t wid_total >"$TRASH/out" &&
	printf "%s\n" "#ifndef __LIB_PRIVATE_H" "#define __LIB_PRIVATE_H" "" "int old(void);" \
		"" "extern unsigned long wid_total;" "" "typedef unsigned int wid_flags_t;" \
		"" "#endif" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$k/lib/private.h" &&
	grep -x "cmove: lib/private.h: 3 lines added" "$TRASH/out"
'

test_expect_success 'an existing TO without a guard: at the end, one blank line apart' '
	k=$(fresh unguarded) &&
	printf "int old(void);\n\n" >"$k/lib/private.h" &&
	"$cmove" "$k" lib/alloc.h lib/private.h wid_total >/dev/null &&
	printf "%s\n" "int old(void);" "" "extern unsigned long wid_total;" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$k/lib/private.h"
'

put lib/cond.h <<'C'
#ifndef __LIB_COND_H
#define __LIB_COND_H

#if defined(CONFIG_A)
int a1(void);
#elif defined(CONFIG_B)
int b1(void);
int keep_b(void);
#else
int c1(void);
#endif

#ifdef CONFIG_OUTER
int keep_o(void);
#ifdef CONFIG_INNER
int in1(void);
int in2(void);
#endif
#endif

#endif
C

test_expect_success 'partial groups: #elif chain copied up to the branch that moves, nested' '
	k=$(fresh cond) &&
	"$cmove" "$k" lib/cond.h lib/c2.h b1 in1 in2 >/dev/null &&
	cat >"$TRASH/want" <<-\EOF &&
	/* SPDX-License-Identifier: GPL-2.0 */
	#ifndef __LIB_C2_H
	#define __LIB_C2_H

	#if defined(CONFIG_A)
	#elif defined(CONFIG_B)
	int b1(void);
	#endif

	#ifdef CONFIG_OUTER
	#ifdef CONFIG_INNER
	int in1(void);
	int in2(void);
	#endif
	#endif

	#endif /* __LIB_C2_H */
	EOF
	test_cmp "$TRASH/want" "$k/lib/c2.h" &&
	cat >"$TRASH/want" <<-\EOF &&
	#ifndef __LIB_COND_H
	#define __LIB_COND_H

	#if defined(CONFIG_A)
	int a1(void);
	#elif defined(CONFIG_B)
	int keep_b(void);
	#else
	int c1(void);
	#endif

	#ifdef CONFIG_OUTER
	int keep_o(void);
	#endif

	#endif
	EOF
	test_cmp "$TRASH/want" "$k/lib/cond.h"
'

test_expect_success '--list: every declaration with the lines it would move' '
	"$cmove" --list "$base" lib/alloc.h >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	lib/alloc.h:7-7: type pool
	lib/alloc.h:9-10: macro WID_FAST
	lib/alloc.h:11-11: macro WID_ZERO
	lib/alloc.h:12-13: macro WID_MASK
	lib/alloc.h:15-22: type wid_req
	lib/alloc.h:24-27: type wid_kind
	lib/alloc.h:24-27: enum-constant WID_SMALL
	lib/alloc.h:24-27: enum-constant WID_LARGE
	lib/alloc.h:29-29: macro wid_ok
	lib/alloc.h:31-31: function pool_init
	lib/alloc.h:33-35: function wid_get
	lib/alloc.h:37-40: function wid_count
	lib/alloc.h:42-42: variable wid_total
	lib/alloc.h:44-44: type wid_flags_t
	lib/alloc.h:47-47: function wid_check
	lib/alloc.h:49-49: function wid_check
	lib/alloc.h:53-53: function wid_stats
	lib/alloc.h:54-54: function pool_stats
	lib/alloc.h:56-56: macro wid_stats
	lib/alloc.h:57-57: function pool_stats
	lib/alloc.h:60-60: function pool_size
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success '--list: an attribute after a struct or a variable is not a name' '
	mkdir -p "$TRASH/attr/include" &&
	printf "struct wid_hdr {\n\tint a;\n} __packed;\n\nstatic int wid_hits __read_mostly;\n" \
		>"$TRASH/attr/include/attr.h" &&
	"$cmove" --list "$TRASH/attr" include/attr.h >"$TRASH/out" &&
	printf "include/attr.h:1-3: type wid_hdr\ninclude/attr.h:5-5: variable wid_hits\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

# The prerequisite: an immutable file (chattr +i: root, and a file system
# that has it).
k=$(fresh rollback)
if chattr +i "$k/lib/sub/user.c" 2>/dev/null; then
test_expect_success 'a write that fails half-way: what was renamed is put back' '
	{ expect_exit 2 "$cmove" "$k" lib/alloc.h lib/private.h $syms >"$TRASH/out" 2>"$TRASH/err"; rc=$?; } &&
	chattr -i "$k/lib/sub/user.c" &&
	test $rc -eq 0 &&
	test ! -s "$TRASH/out" &&
	grep -q "^cmove: error: cannot replace .*lib/sub/user.c: .*; putting back what changed" "$TRASH/err" &&
	same "$k"
'
else
	test_skip "a write that fails half-way: what was renamed is put back" "no chattr +i here (not root, or the file system lacks it)"
fi

test_done
