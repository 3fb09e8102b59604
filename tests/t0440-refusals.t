#!/bin/sh
# Refusals that name the real cause, with exit 2 and the fix, before
# anything is written: git's "dubious ownership", a dirty KDIR with more
# untracked files than are listed, KDIR under O and O under KDIR (through
# make, and through a symbolic link in the scripts). On a tiny git tree
# shaped like a kernel's: no kernel needed.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

isolate_git_config

kdir=$TRASH/linux
mkdir -p "$kdir/mm" "$kdir/include/linux" &&
echo "# Makefile" >"$kdir/Makefile" &&
git -C "$kdir" init -q &&
git -C "$kdir" add -A &&
git -C "$kdir" -c user.name=t -c user.email=t@t commit -q -m baseline || exit 1

# apply VAR=VALUE...: scripts/apply/apply.sh on the tiny tree; output in $TRASH/out, err.
apply() {
	env KDIR="$kdir" O="$TRASH/o" "$@" "$TOOLKIT/scripts/apply/apply.sh" >"$TRASH/out" 2>"$TRASH/err"
}
# refused LINE: stderr is exactly LINE.
refused() {
	printf '%s\n' "$1" >"$TRASH/want" && test_cmp "$TRASH/want" "$TRASH/err"
}

for i in 1 2 3 4 5 6 7 8; do : >"$kdir/new$i.c"; done
test_expect_success 'a dirty KDIR lists five untracked files, then "and N more"' '
	expect_exit 2 apply &&
	cat >"$TRASH/want" <<-EOF &&
	apply.sh: error: KDIR=$kdir has uncommitted changes; commit or stash them first:
	  ?? new1.c
	  ?? new2.c
	  ?? new3.c
	  ?? new4.c
	  ?? new5.c
	  and 3 more
	EOF
	test_cmp "$TRASH/want" "$TRASH/err"
'
rm "$kdir"/new*.c

test_expect_success 'KDIR inside O (the scripts): exit 2, nothing written in O' '
	expect_exit 2 env KDIR="$kdir" O="$TRASH" "$TOOLKIT/scripts/apply/apply.sh" 2>"$TRASH/err" &&
	refused "apply.sh: error: KDIR=$kdir is inside O=$TRASH, where the toolkit keeps its scratch trees; pass an O= outside KDIR'"'"'s path" &&
	test ! -e "$TRASH/apply"
'

test_expect_success 'O inside KDIR through a symbolic link (the scripts): exit 2, O not made' '
	ln -s "$kdir" "$TRASH/link" &&
	expect_exit 2 apply O="$TRASH/link/out" &&
	refused "apply.sh: error: O=$TRASH/link/out is inside KDIR=$kdir, which must only hold the kernel; pass an O= outside KDIR" &&
	test ! -e "$kdir/out"
'

# make_refused O MESSAGE: make apply on the tiny tree with O exits 2 with
# one line, make's error with MESSAGE.
make_refused() {
	expect_exit 2 make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$1" 2>"$TRASH/err" &&
	sed "s/^Makefile:[0-9]*: \*\*\* //; s/\\.  Stop\.\$//" "$TRASH/err" >"$TRASH/have" &&
	printf "make: error: %s\n" "$2" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
}

test_expect_success 'KDIR inside O (make): exit 2, one line, nothing made' '
	make_refused "$TRASH/o/.." "KDIR=$kdir is inside O=$TRASH, where the toolkit keeps its scratch trees; pass an O= outside KDIR'"'"'s path" &&
	test ! -e "$TRASH/.deps-ok"
'

test_expect_success 'O inside KDIR (make): exit 2, one line, O not made' '
	make_refused "$kdir/out" "O=$kdir/out is inside KDIR=$kdir, which must only hold the kernel; pass an O= outside KDIR" &&
	test ! -e "$kdir/out" &&
	test -z "$(git -C "$kdir" status --porcelain --ignored)"
'

# Git refuses a repository another user owns ("dubious ownership"): as
# root, the tree is given to nobody.
if [ "$(id -u)" = 0 ] && chown -R nobody "$kdir" 2>/dev/null; then
	test_expect_success 'dubious ownership: named as git says it, with the fix' '
		expect_exit 2 apply &&
		refused "apply.sh: error: git refuses KDIR=$kdir: detected dubious ownership (the repository belongs to another user than root); if you trust it, run: git config --global --add safe.directory $kdir"
	'
	test_expect_success 'dubious ownership: the fix given works' '
		git config --global --add safe.directory "$kdir" &&
		{ apply STEPS=frob || :; } &&
		cat "$TRASH/err" &&
		! grep -q "dubious ownership" "$TRASH/err" &&
		grep -q "unknown step" "$TRASH/err"
	'
	chown -R "$(id -u)" "$kdir"
else
	echo "# SKIP dubious ownership: needs root, to give the tree to another user"
fi

# make test's own refusal: a disk with less room than a first run writes.
test_expect_success 'make test on a disk too small: exit 2, one line with the sizes and the fix' '
	expect_exit 2 "$TOOLKIT/tests/lib/free-space.sh" "$TRASH/o" 1000000 >"$TRASH/out" 2>"$TRASH/err" &&
	test ! -s "$TRASH/out" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep -qx "free-space.sh: error: make test needs about 1000000 GB free for its first run, $TRASH/o has [0-9]* GB; free some (make clean O=... removes an old O) or pass O= on a larger disk" "$TRASH/err" &&
	"$TOOLKIT/tests/lib/free-space.sh" "$TRASH/o" 0
'

test_done
