#!/bin/sh
# scripts/series/series.sh refuses bad input with exit 2 and one line that names the
# fix, before it touches anything; prefix.sh reads a tree's history. On a
# tiny git tree shaped like a kernel's: no kernel needed.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

isolate_git_config

kdir=$TRASH/linux
mkdir -p "$kdir/mm" "$kdir/include/linux" "$kdir/drivers/foo" &&
echo "# Makefile" >"$kdir/Makefile" &&
echo "int x;" >"$kdir/drivers/foo/foo.c" &&
echo "int y;" >"$kdir/drivers/foo/bar.c" &&
git -C "$kdir" init -q &&
git -C "$kdir" config user.name "Ada Tester" &&
git -C "$kdir" config user.email ada@example.org &&
git -C "$kdir" add -A && git -C "$kdir" commit -q -m "Linux 0.0 (baseline)" || exit 1

# series VAR=VALUE...: series.sh on the tiny tree; stderr in $TRASH/err.
series() {
	env KDIR="$kdir" O="$TRASH/o" "$@" "$TOOLKIT/scripts/series/series.sh" >"$TRASH/out" 2>"$TRASH/err"
}
# refused MESSAGE VAR=VALUE...: exit 2, MESSAGE on the only stderr line,
# no series directory.
refused() {
	message=$1
	shift
	expect_exit 2 series "$@" &&
	cat "$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep -q -F "series.sh: error: $message" "$TRASH/err" &&
	test ! -e "$TRASH/o/series"
}

test_expect_success 'an unknown step' '
	refused "unknown step '"'frob'"' in STEPS; known steps: nolock split move-buddy callers remove-node move-alloc-pages (MIGRATION=page-alloc)" STEPS=frob
'

test_expect_success 'an invalid BRANCH' '
	refused "BRANCH=a..b is not a valid branch name; pass another BRANCH=" BRANCH=a..b
'

test_expect_success 'a BASE that is not a commit' '
	refused "BASE=nosuch is not a commit of KDIR=$kdir; pass BASE=<commit>" BASE=nosuch
'

test_expect_success 'a BRANCH checked out in a work tree' '
	git -C "$kdir" branch -q mine &&
	git -C "$kdir" checkout -q mine &&
	refused "BRANCH=mine is checked out in $kdir; check out another branch there or pass BRANCH=<name>" BRANCH=mine &&
	git -C "$kdir" checkout -q --detach
'

test_expect_success 'TRAILERS that are not trailers' '
	refused "TRAILERS: '"'no colon here'"' is not a trailer; write '"'Token: value'"', several separated by newlines or '"';'"'" \
		"TRAILERS=Acked-by: A <a@example.org>; no colon here"
'

test_expect_success 'no git identity' '
	git -C "$kdir" config --unset user.name &&
	refused "no git identity for KDIR=$kdir; set it with: git config user.name" &&
	git -C "$kdir" config user.name "Ada Tester"
'

test_expect_success 'a BASE without scripts/checkpatch.pl' '
	expect_exit 2 series &&
	grep -q -F "series.sh: error: BASE=HEAD has no scripts/checkpatch.pl; the series needs a kernel tree that has it" "$TRASH/err"
'

test_expect_success 'KDIR unchanged, no branch made' '
	test -z "$(git -C "$kdir" status --porcelain)" &&
	! git -C "$kdir" rev-parse --verify -q refs/heads/api-migrate/page-alloc
'

# prefix.sh on the tree's history: a file's own subjects, then its
# directory's; the most used prefix, the newest on a tie; treewide: never.
commit() {
	echo "$3" >>"$kdir/$1" && git -C "$kdir" add -A && git -C "$kdir" commit -q -m "$2"
}
commit drivers/foo/foo.c "foo: Add a knob" a
commit drivers/foo/foo.c "foo: bar: Fix the knob" b
commit drivers/foo/foo.c "foo: Document the knob" c
commit drivers/foo/foo.c "treewide: Rename knobs" d
commit drivers/foo/foo.c "treewide: Rename knobs again" e
commit drivers/foo/bar.c "Tidy up bar.c" f
mkdir -p "$kdir/drivers/tie" && echo 1 >"$kdir/drivers/tie/t.c"
commit drivers/tie/t.c "old: Add t.c" g
commit drivers/tie/t.c "new: Change t.c" h
prefix() { (cd "$kdir" && ENTRIES_DIR=$TRASH/none "$TOOLKIT/scripts/series/prefix.sh" HEAD "$1"); }

test_expect_success 'prefix.sh: the most used prefix of the file, treewide: not counted' '
	test "$(prefix drivers/foo/foo.c)" = "foo:"
'

test_expect_success 'prefix.sh: a file without prefixed subjects takes its directory'"'"'s' '
	test "$(prefix drivers/foo/bar.c)" = "foo:"
'

test_expect_success 'prefix.sh: on a tie the newest wins' '
	test "$(prefix drivers/tie/t.c)" = "new:"
'

test_expect_success 'prefix.sh: a drivers-migrated entry comes first' '
	test "$(cd "$kdir" && ENTRIES_DIR=$TOOLKIT/drivers-migrated/page-alloc "$TOOLKIT/scripts/series/prefix.sh" HEAD arch/x86/kvm/vmx/vmx.c)" = "KVM: VMX:"
'

test_done
