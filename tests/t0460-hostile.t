#!/bin/sh
# What a hostile but realistic user tries, refused with one line naming the
# variable, key or path and the fix, exit 2 (through make, make's own 2),
# nothing written: J and V checked before anything runs; a KDIR that is a
# file; a KDIR in the middle of a rebase, merge, cherry-pick, revert or
# bisect; make run inside a folder of the toolkit. make clean leaves no
# worktree entry behind in KDIR. On a tiny git tree shaped like a kernel's.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

isolate_git_config
kdir=$TRASH/linux
mkdir -p "$kdir/mm" "$kdir/include/linux" &&
echo "# Makefile" >"$kdir/Makefile" &&
echo "int a;" >"$kdir/mm/a.c" &&
mkdir -p "$kdir/drivers" &&
printf "void *f(void)\n{\n\treturn __alloc_pages_node(0, 0, 0);\n}\n" >"$kdir/drivers/f.c" &&
git -C "$kdir" init -q &&
git -C "$kdir" add -A &&
git -C "$kdir" -c user.name=t -c user.email=t@t commit -q -m baseline || exit 1
state() { git -C "$kdir" status --porcelain --ignored; git -C "$kdir" rev-parse HEAD; }
state >"$TRASH/state"

for bad in J=0 J=abc J=-3 "J=2 3" V=5 V=yes; do
	var=${bad%%=*}
	test_expect_success "make apply $bad: one line naming $var, exit 2, before anything runs" "
		expect_exit 2 make -s -C '$TOOLKIT' apply KDIR='$kdir' O='$TRASH/o' '$bad' >'$TRASH/out' 2>'$TRASH/err' &&
		test \"\$(wc -l <'$TRASH/err')\" -eq 1 &&
		grep -q 'make: error: $bad is not ' '$TRASH/err' &&
		grep -q 'pass $var=' '$TRASH/err' &&
		test ! -e '$TRASH/o' &&
		state | cmp - '$TRASH/state'
	"
done

apply() { env KDIR="$1" O="$TRASH/o" "$TOOLKIT/scripts/apply/apply.sh" >"$TRASH/out" 2>"$TRASH/err"; }

test_expect_success 'KDIR that is a regular file: named as a file' '
	: >"$TRASH/afile" &&
	expect_exit 2 apply "$TRASH/afile" &&
	echo "apply.sh: error: KDIR=$TRASH/afile is a file, not a directory; pass KDIR= the top directory of a kernel git tree" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err"
'

# in_the_middle_of WHAT MARKER: KDIR with git's MARKER for an operation
# stopped half-way (clean otherwise, as a rebase stopped at "edit" is).
for op in "rebase:rebase-merge" "rebase or git am:rebase-apply" "merge:MERGE_HEAD" \
	"cherry-pick:CHERRY_PICK_HEAD" "revert:REVERT_HEAD" "bisect:BISECT_LOG"; do
	what=${op%%:*} marker=${op#*:}
	test_expect_success "KDIR in the middle of a $what ($marker): refused, naming it" "
		case $marker in
		rebase-*) mkdir '$kdir/.git/$marker' ;;
		*) git -C '$kdir' rev-parse HEAD >'$kdir/.git/$marker' ;;
		esac &&
		{ expect_exit 2 apply '$kdir'; rc=\$?; rm -rf '$kdir/.git/$marker'; } &&
		test \$rc -eq 0 &&
		echo 'apply.sh: error: KDIR=$kdir is in the middle of a $what; finish or abort it first (git status says how)' >'$TRASH/want' &&
		test_cmp '$TRASH/want' '$TRASH/err' &&
		test ! -e '$TRASH/o/scratch'
	"
done

for dir in scripts check src/cscan; do
	test_expect_success "make in $dir/: refused, exit 2, nothing made there" "
		(cd '$TOOLKIT/$dir' && git status --porcelain --ignored . >'$TRASH/before') &&
		expect_exit 2 make -C '$TOOLKIT/$dir' apply >'$TRASH/out' 2>'$TRASH/err' &&
		grep -q 'make: error: $TOOLKIT/$dir has no targets; run make in the toolkit.s top directory' '$TRASH/err' &&
		expect_exit 2 make -C '$TOOLKIT/$dir' >'$TRASH/out' 2>'$TRASH/err' &&
		(cd '$TOOLKIT/$dir' && git status --porcelain --ignored . >'$TRASH/after') &&
		test_cmp '$TRASH/before' '$TRASH/after'
	"
done

test_expect_success 'make clean after a run: O gone, no worktree entry left in KDIR' '
	make -s -C "$TOOLKIT" tools O="$TRASH/o" >/dev/null &&
	env KDIR="$kdir" O="$TRASH/o" MIGRATION=page-alloc STEPS=callers "$TOOLKIT/scripts/apply/apply.sh" --scratch >"$TRASH/out" 2>&1 &&
	git -C "$kdir" worktree list --porcelain | grep -c "^worktree " | grep -qx 2 &&
	make -s -C "$TOOLKIT" clean O="$TRASH/o" KDIR="$kdir" >"$TRASH/clean" &&
	echo "clean.sh: removing O=$TRASH/o: 1 kernel worktree(s) and their build directories" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/clean" &&
	test ! -e "$TRASH/o" &&
	git -C "$kdir" worktree list --porcelain | grep -c "^worktree " | grep -qx 1 &&
	test -z "$(git -C "$kdir" worktree prune -n -v)"
'

# O on a small file system (a 30 MB tmpfs, root only) and a tree whose
# checkout needs more: the space needed and where, before git writes a file.
if [ "$(id -u)" = 0 ] && mkdir -p "$TRASH/small" && mount -t tmpfs -o size=30m tmpfs "$TRASH/small" 2>/dev/null; then
	test_expect_success 'O without room for a worktree: the space needed and where, one line, exit 2' '
		head -c 40000000 /dev/urandom >"$kdir/big.bin" &&
		git -C "$kdir" add big.bin &&
		git -C "$kdir" -c user.name=t -c user.email=t@t commit -q -m big &&
		{ make -s -C "$TOOLKIT" tools O="$TRASH/small/o" >/dev/null 2>&1 || :; } &&
		{
			expect_exit 2 env KDIR="$kdir" O="$TRASH/small/o" STEPS=callers "$TOOLKIT/scripts/apply/apply.sh" \
				>"$TRASH/out" 2>"$TRASH/err"
			rc=$?
			git -C "$kdir" reset -q --hard HEAD^
		} &&
		test $rc -eq 0 &&
		test "$(wc -l <"$TRASH/err")" -eq 1 &&
		grep -qx "apply.sh: error: not enough disk space for a worktree of KDIR at $TRASH/small/o/scratch: it needs about 4[0-9] MB, $TRASH/small/o has [0-9]* MB free; free some (make clean O=... removes an old O) or pass another O=" "$TRASH/err" &&
		test ! -e "$TRASH/small/o/scratch" &&
		test -z "$(git -C "$kdir" worktree prune -n -v)"
	'
	umount "$TRASH/small"
else
	test_skip "O without room for a worktree" "mounting a tmpfs needs root"
fi

test_expect_success 'two runs a second apart on one fresh O: the first goes on, the second is refused before it builds anything' '
	rm -rf "$TRASH/fresh" &&
	{ { make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$TRASH/fresh" STEPS=callers >"$TRASH/first" 2>&1; echo $? >"$TRASH/first.rc"; } & } &&
	i=0 && while [ ! -s "$TRASH/fresh/.lock" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done &&
	test -s "$TRASH/fresh/.lock" &&
	if [ -e "$TRASH/fresh/bin/cscan" ]; then echo "the tools were built before the lock was taken"; wait; exit 1; fi &&
	{ expect_exit 2 make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$TRASH/fresh" STEPS=callers >"$TRASH/second" 2>&1; rc=$?; wait; } &&
	test $rc -eq 0 &&
	grep -x "apply.sh: error: another make apply is running on O=$TRASH/fresh (pid [0-9]*); wait for it to end or pass another O=" "$TRASH/second" &&
	! grep -v -E -e "^apply.sh: error: another" -e "^make(\[[0-9]+\])?: \*\*\* " "$TRASH/second" &&
	test "$(cat "$TRASH/first.rc")" -eq 0 &&
	grep -x "apply.sh: callers: drivers/f.c +1 -1" "$TRASH/first" &&
	git -C "$kdir" checkout -q -- .
'

test_done
