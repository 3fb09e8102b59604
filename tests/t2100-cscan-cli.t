#!/bin/sh
# cscan's command line: usage errors are one line naming the problem and the
# fix, with exit 2; unreadable files are reported and the scan goes on.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

cscan=$O/bin/cscan
# leak ARGS...: cscan leak with the page allocator's private headers.
leak() {
	"$cscan" leak --private "mm/internal.h=ALLOC_*" --private mm/page_alloc.h "$@"
}
k=$TRASH/k
mkdir -p "$k/mm" "$k/drivers"
cat >"$k/mm/internal.h" <<'C'
#define ALLOC_FIXTURE 0x1
C
cat >"$k/drivers/a.c" <<'C'
int a = ALLOC_FIXTURE;
C

# usage_error CMD...: exit 2, exactly one line on stderr, nothing on stdout.
usage_error() {
	expect_exit 2 "$@" >"$TRASH/out" 2>"$TRASH/err" &&
	test ! -s "$TRASH/out" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep -q "^cscan: error: .*; " "$TRASH/err"
}

test_expect_success 'build cscan' '
	make -s -C "$TOOLKIT" O="$O" tools
'

test_expect_success 'no mode' 'usage_error "$cscan"'
test_expect_success 'unknown mode' 'usage_error "$cscan" frobnicate "$k"'
test_expect_success 'unknown option' 'usage_error leak --frob "$k"'
test_expect_success 'missing KDIR' 'usage_error leak'
test_expect_success 'KDIR that does not exist' 'usage_error leak "$TRASH/nope"'
test_expect_success 'refs without SYM' 'usage_error "$cscan" refs "$k"'
test_expect_success 'api without --allow' 'usage_error "$cscan" api "$k"'
test_expect_success 'api with a malformed --allow' '
	usage_error "$cscan" api --allow FOO "$k" &&
	usage_error "$cscan" api --allow =mm/ "$k" &&
	usage_error "$cscan" api --allow FOO=/abs "$k"
'
test_expect_success 'a bad thread count' '
	usage_error leak -j 0 "$k" &&
	usage_error leak -j x "$k" &&
	usage_error leak -j
'
test_expect_success 'an option of another mode' '
	usage_error leak -l "$k" &&
	usage_error "$cscan" refs --audit "$k" SYM &&
	usage_error leak "$k" -- drivers/a.c
'
test_expect_success 'leak without --private names the option' '
	usage_error "$cscan" leak "$k" &&
	grep -q "^cscan: error: leak needs at least one --private HEADER" "$TRASH/err"
'
test_expect_success 'a malformed --private' '
	usage_error "$cscan" leak --private /abs/x.h "$k" &&
	usage_error "$cscan" leak --private top.h "$k" &&
	usage_error "$cscan" leak --private ../x.h "$k" &&
	usage_error "$cscan" leak --private "mm/x.h=" "$k" &&
	usage_error "$cscan" leak --private "mm/x.h=," "$k" &&
	usage_error "$cscan" leak --private mm/x.h --private ./mm/x.h=A "$k" &&
	usage_error "$cscan" api --private mm/x.h --allow A=mm "$k" &&
	usage_error "$cscan" leak --private
'
test_expect_success 'tokens takes one FILE' '
	usage_error "$cscan" tokens &&
	usage_error "$cscan" tokens a b
'
test_expect_success 'leak on a tree without mm headers' '
	mkdir -p "$TRASH/empty" &&
	expect_exit 2 leak "$TRASH/empty" 2>"$TRASH/err" &&
	grep -q "has no mm/internal.h nor mm/page_alloc.h" "$TRASH/err"
'

test_expect_success '--help prints the usage and exits 0' '
	"$cscan" --help >"$TRASH/out" &&
	grep -q "^usage: cscan leak" "$TRASH/out" &&
	"$cscan" refs --help | grep -q "cscan refs \[-l | --rename\]"
'

test_expect_success 'option forms: -jN, -j N, --jobs=N, --opt=value' '
	"$cscan" refs -j2 "$k" ALLOC_FIXTURE >"$TRASH/a" &&
	"$cscan" refs -j 2 "$k" ALLOC_FIXTURE >"$TRASH/b" &&
	"$cscan" refs --jobs=2 --exclude=mm "$k" ALLOC_FIXTURE >"$TRASH/c" &&
	printf "%s\n" "drivers/a.c:1:9: ALLOC_FIXTURE" "mm/internal.h:1:9: ALLOC_FIXTURE" \
		>"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/a" &&
	test_cmp "$TRASH/want" "$TRASH/b" &&
	echo "drivers/a.c:1:9: ALLOC_FIXTURE" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/c"
'

test_expect_success 'unreadable FILEs are reported, the rest is scanned; findings win: exit 1' '
	expect_exit 1 leak "$k" drivers/nope.c drivers nope.h >"$TRASH/out" 2>"$TRASH/err" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/nope.c: error: cannot read: No such file or directory
	nope.h: error: cannot read: No such file or directory
	EOF
	test_cmp "$TRASH/want" "$TRASH/err" &&
	cat >"$TRASH/want" <<-\EOF &&
	drivers/a.c:1:9: error: ALLOC_FIXTURE is private to mm/ (mm/internal.h:1)
	cscan leak: 1 error, 0 notes in 1 file, 2 unreadable
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'I/O errors alone: exit 2' '
	expect_exit 2 leak "$k" drivers/nope.c >"$TRASH/out" 2>"$TRASH/err" &&
	echo "cscan leak: 0 errors, 0 notes in 0 files, 1 unreadable" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'FILE arguments: KDIR-relative, cwd-relative, absolute' '
	"$cscan" refs "$k" ALLOC_FIXTURE -- drivers/a.c >"$TRASH/a" &&
	(cd "$k/drivers" && "$cscan" refs "$k" ALLOC_FIXTURE -- ./a.c) >"$TRASH/b" &&
	"$cscan" refs "$k" ALLOC_FIXTURE -- "$k/drivers/a.c" >"$TRASH/c" &&
	echo "drivers/a.c:1:9: ALLOC_FIXTURE" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/a" &&
	test_cmp "$TRASH/want" "$TRASH/b" &&
	test_cmp "$TRASH/want" "$TRASH/c"
'

test_expect_success 'a FILE outside KDIR keeps its name' '
	printf "int b = ALLOC_FIXTURE;\n" >"$TRASH/outside.c" &&
	expect_exit 1 leak "$k" "$TRASH/outside.c" >"$TRASH/out" &&
	grep -q "^$TRASH/outside.c:1:9: error: ALLOC_FIXTURE" "$TRASH/out"
'

test_expect_success 'tokens dumps declarations and tokens' '
	printf "#define X 1\nstruct s { int m; } v = { .m = X };\n" >"$TRASH/t.c" &&
	"$cscan" tokens "$TRASH/t.c" >"$TRASH/out" &&
	cat >"$TRASH/want" <<-\EOF &&
	1:9 decl macro+defn X
	2:8 decl type+defn s
	1:1 punct+pp+directive #
	1:2 ident+pp+directive define
	1:9 ident+pp+define X
	1:11 number+pp 1
	2:1 ident struct
	2:8 ident s
	2:10 punct {
	2:12 ident int
	2:16 ident+member m
	2:17 punct ;
	2:19 punct }
	2:21 ident v
	2:23 punct =
	2:25 punct {
	2:27 punct .
	2:28 ident+member m
	2:30 punct =
	2:32 ident X
	2:34 punct }
	2:35 punct ;
	3:1 eof
	EOF
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'tokens on a missing file: exit 2' '
	expect_exit 2 "$cscan" tokens "$TRASH/nope.c" 2>"$TRASH/err" &&
	grep -q "nope.c: error: cannot read: No such file" "$TRASH/err"
'

test_done
