#!/bin/sh
# check.sh stops before any work, with exit 2 and a line naming the fix,
# when it cannot tell what to compare (a root commit without BASE, BASE
# equal to REV or not a commit) or a compiler is missing.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

check=$TOOLKIT/check
test_require TOOLS

# check.sh stops before any work when it cannot tell what to compare.
fk=$TRASH/kdir
tiny_kernel "$fk" || exit 1

test_expect_success 'check.sh: REV a root commit without BASE: exit 2, says to pass BASE=' '
	expect_exit 2 env KDIR="$fk" O="$TRASH/o" BRANCH=none "$check/check.sh" 2>"$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep "check.sh: error: .*root commit; pass BASE=" "$TRASH/err"
'

test_expect_success 'check.sh: BASE equal to REV, or not a commit: exit 2' '
	expect_exit 2 env KDIR="$fk" O="$TRASH/o" BASE=HEAD REV=HEAD "$check/check.sh" 2>"$TRASH/err" &&
	grep "same commit" "$TRASH/err" &&
	expect_exit 2 env KDIR="$fk" O="$TRASH/o" BASE=nonesuch "$check/check.sh" 2>"$TRASH/err" &&
	grep "BASE=nonesuch is not a commit" "$TRASH/err"
'

test_expect_success 'check.sh: a missing compiler is an environment error: exit 2, named' '
	mkdir -p "$fk/scripts" "$TRASH/o" &&
	ln -sfn "$O/bin" "$TRASH/o/bin" &&
	echo "#!/bin/sh" >"$fk/scripts/config" &&
	# checkpatch runs before the build: a checkpatch.pl that finds nothing.
	printf "#!/usr/bin/perl\nexit 0;\n" >"$fk/scripts/checkpatch.pl" &&
	echo "int y;" >>"$fk/mm/a.c" &&
	commit_all "$fk" change &&
	expect_exit 2 env KDIR="$fk" O="$TRASH/o" BRANCH=none CC=t0617-nonesuch-gcc \
		"$check/check.sh" >"$TRASH/out" 2>"$TRASH/err" &&
	tail -n 1 "$TRASH/err" | grep "error: .t0617-nonesuch-gcc. not found; install the Debian package gcc-t0617-nonesuch "
'

test_done
