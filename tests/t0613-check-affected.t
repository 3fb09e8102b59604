#!/bin/sh
# check/affected.sh on a git tree of our own: the compile units a change
# affects, by the declarations and macros it touches and their users; a
# change under mm/ adds mm/; a changed function body does not reach its
# callers; a deleted declaration counts on the base side.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

check=$TOOLKIT/check
test_require TOOLS

# A change to a header: a touched prototype, a macro that expands to it, an
# untouched neighbour; users of each; a changed .c file; a change in mm/.
fy=$TRASH/tree
mkdir -p "$fy/include/linux" "$fy/drivers" "$fy/mm" "$fy/fs"
cat >"$fy/include/linux/foo.h" <<'EOF'
/* foo */
int foo_noprof(int a);
#define foo(a) foo_noprof(a)

/* untouched */
int bar(int a);
EOF
echo 'int d1(void) { return foo(1); }' >"$fy/drivers/d1.c"
echo 'int d2(void) { return bar(1); }' >"$fy/drivers/d2.c"
echo 'int f1(void) { return foo_noprof(1); }' >"$fy/fs/f1.c"
echo 'static int m1(void) { return 0; }' >"$fy/mm/m1.c"
echo 'int g(void) { return 0; }' >"$fy/fs/g.c"
git init -q "$fy" && commit_all "$fy" base >/dev/null

test_expect_success 'affected: users of touched declarations and of macros expanding to them' '
	sed -i "s/int foo_noprof(int a);/long foo_noprof(int a);/" "$fy/include/linux/foo.h" &&
	echo "/* more */" >>"$fy/fs/g.c" &&
	commit_all "$fy" header &&
	O=$O "$check/affected.sh" "$fy" HEAD^ HEAD >"$TRASH/affected" &&
	printf "%s\n" drivers/d1.c fs/f1.c fs/g.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/affected"
'

test_expect_success 'affected: a change under mm/ adds the mm/ directory' '
	echo "/* more */" >>"$fy/mm/m1.c" &&
	commit_all "$fy" mm &&
	O=$O "$check/affected.sh" "$fy" HEAD^ HEAD >"$TRASH/affected" &&
	printf "%s\n" mm/ mm/m1.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/affected"
'

test_expect_success 'affected: a function body changed in a .c file leaves its callers out' '
	echo "int h(void) { return g(); }" >"$fy/fs/h.c" &&
	commit_all "$fy" caller &&
	sed -i "s/return 0;/return 1;/" "$fy/fs/g.c" &&
	commit_all "$fy" body &&
	O=$O "$check/affected.sh" "$fy" HEAD^ HEAD >"$TRASH/affected" &&
	echo fs/g.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/affected"
'

test_expect_success 'affected: a deleted declaration counts on the base side' '
	sed -i "/int bar(int a);/d" "$fy/include/linux/foo.h" &&
	commit_all "$fy" removed &&
	O=$O "$check/affected.sh" "$fy" HEAD^ HEAD >"$TRASH/affected" &&
	echo drivers/d2.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/affected"
'

test_done
