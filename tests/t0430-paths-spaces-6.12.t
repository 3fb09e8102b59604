#!/bin/sh
# Paths with spaces. A KDIR with spaces works: make apply STEPS=callers on a
# scratch clone under "spaced tree/" changes the five callers, with no make
# warning and nothing made in the toolkit's checkout. An O with spaces, given
# or the default one under a toolkit checkout whose path has spaces, is
# refused by make with exit 2 and one line, before anything is made; from
# such a checkout, make works with an O without spaces. A KDIR whose own
# name has a space is refused by make check (Kbuild builds under
# $O/check/NAME).
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
# A clone of its own at a spaced path, and its O, removed on exit: they are
# the size of the shared ones.
isolate_git_config
spaced="$O/test/spaced tree"
o=$O/test/spaced.o
trap 'rm -rf "$spaced" "$o"' EXIT
kdir=$(scratch_clone "$spaced/linux") || exit 1
# The toolkit checkout's top, and its untracked files (not the changes to
# tracked ones: the toolkit may be edited while the test runs).
toolkit_state() {
	ls -A "$TOOLKIT"
	git -C "$TOOLKIT" status --porcelain --untracked-files=normal | { grep "^??" || true; }
}
toolkit_state >"$TRASH/toolkit.before"

test_expect_success 'a KDIR with spaces: make apply changes the five callers' '
	make -C "$TOOLKIT" apply KDIR="$kdir" O="$o" STEPS=callers >"$TRASH/out" 2>"$TRASH/err" &&
	cat "$TRASH/err" &&
	! grep -i "warning: \\(overriding\\|ignoring old\\) recipe" "$TRASH/err" &&
	test "$(grep -c "^apply.sh: callers: .* +1 -1\$" "$TRASH/out")" -eq 5 &&
	test "$(git -C "$kdir" diff --numstat | wc -l)" -eq 5
'

test_expect_success 'an O with spaces: exit 2, one line, nothing made' '
	expect_exit 2 make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$TRASH/out dir" 2>"$TRASH/err" &&
	cat "$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep -q -F "O='"'"'$TRASH/out dir'"'"' is empty or has a space, and make builds its targets under O; pass O= a path without spaces" "$TRASH/err" &&
	test ! -e "$TRASH/out dir" && test ! -e "$TOOLKIT/dir" && test ! -e "$TOOLKIT/out dir"
'

test_expect_success 'the toolkit checkout has nothing new' '
	toolkit_state >"$TRASH/toolkit.after" &&
	test_cmp "$TRASH/toolkit.before" "$TRASH/toolkit.after"
'

tk="$TRASH/tool kit"
# The toolkit's tracked files as they are in its working tree.
toolkit_copy "$tk" || exit 1

test_expect_success 'a toolkit path with spaces: the default O is refused, one line' '
	expect_exit 2 env -u O make -s -C "$tk" apply KDIR="$kdir" 2>"$TRASH/err" &&
	cat "$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep -q -F "O=$tk/out has a space (the toolkit'"'"'s path has one); pass O= a path without spaces" "$TRASH/err" &&
	test ! -e "$tk/out" && test ! -e "$TRASH/tool"
'

# check-api runs to its findings: gfp.h's declarations, after the callers.
test_expect_success 'a toolkit path with spaces: make works with an O without spaces' '
	expect_exit 2 make -s -C "$tk" check-api KDIR="$kdir" O="$TRASH/o" >"$TRASH/out" 2>"$TRASH/err" &&
	cat "$TRASH/err" &&
	test -x "$TRASH/o/bin/cscan" &&
	grep -q "^include/linux/gfp.h:[0-9]*:[0-9]*: error: " "$TRASH/out" &&
	grep -q -x "scan.sh: error: confined symbols used outside their directories (see above)" "$TRASH/err"
'

test_expect_success 'make check refuses a KDIR whose name has a space' '
	ln -s "$kdir" "$TRASH/my linux" &&
	expect_exit 2 make -s -C "$TOOLKIT" check KDIR="$TRASH/my linux" O="$o" 2>"$TRASH/err" &&
	grep -x "check.sh: error: KDIR=$TRASH/my linux: its name .my linux. has a space, and Kbuild cannot build in $o/check/my linux; rename it, or pass KDIR= a symbolic link to it whose name has none" "$TRASH/err"
'

test_done
