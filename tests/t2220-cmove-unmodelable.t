#!/bin/sh
# Files cmove cannot model: conditionals that do not balance (an #endif
# without #if, an #if without #endif), in FROM or in TO, and a declaration
# split by an #ifdef in its middle. A move or a deletion exits 1 naming
# the file and the line, and changes nothing; --list still lists.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

# shellcheck source=tests/lib/fixture-tree.sh
. "$(dirname "$0")/lib/fixture-tree.sh"

put lib/stray.h <<'C'
#ifndef __LIB_STRAY_H
#define __LIB_STRAY_H

int stray_keep(void);
#endif
int stray_one(void);
#endif /* __LIB_STRAY_H */
C
put lib/open.h <<'C'
#ifndef __LIB_OPEN_H
#define __LIB_OPEN_H

#ifdef CONFIG_OPEN
int open_one(void);
#endif

int open_two(void);
C
put lib/split.h <<'C'
#ifndef __LIB_SPLIT_H
#define __LIB_SPLIT_H

int split_one(int a
#ifdef CONFIG_SPLIT
	);
#else
	, int b);
#endif

int split_two(void);

#endif
C
put lib/good.h <<'C'
#ifndef __LIB_GOOD_H
#define __LIB_GOOD_H

int good_one(void);

#endif
C

stray="lib/stray.h:7:1: error: #endif without #if: cmove cannot model lib/stray.h; balance its conditionals, or edit it by hand"

# refused TREE ERROR-LINE CMOVE-ARGS...: exit 1, exactly ERROR-LINE and the
# summary on stderr, nothing on stdout, TREE as the base tree.
refused() {
	t=$1 line=$2
	shift 2
	expect_exit 1 "$cmove" "$@" >"$TRASH/out" 2>"$TRASH/err" &&
	printf "%s\n" "$line" "cmove: refused: 1 error; nothing changed" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err" &&
	test ! -s "$TRASH/out" &&
	diff -r "$base" "$t"
}

test_expect_success 'build cmove' '
	make -s -C "$TOOLKIT" O="$O" tools
'

test_expect_success 'an #endif without #if in FROM: a move is refused' '
	t=$(fresh a) &&
	refused "$t" "$stray" \
		"$t" lib/stray.h lib/new.h stray_one
'

test_expect_success 'an #endif without #if in FROM: a deletion is refused' '
	t=$(fresh b) &&
	refused "$t" "$stray" \
		--delete "$t" lib/stray.h stray_one
'

test_expect_success 'an #if without #endif in FROM: refused at the #if' '
	t=$(fresh c) &&
	refused "$t" "lib/open.h:1:1: error: #if without #endif: cmove cannot model lib/open.h; balance its conditionals, or edit it by hand" \
		"$t" lib/open.h lib/new.h open_one
'

test_expect_success 'TO that does not balance: refused, TO untouched' '
	t=$(fresh d) &&
	refused "$t" "$stray" \
		"$t" lib/good.h lib/stray.h good_one
'

test_expect_success 'a declaration split by an #ifdef: refused at its first line' '
	t=$(fresh e) &&
	refused "$t" "lib/split.h:4:1: error: this declaration crosses #if/#else/#endif lines it does not close; move it by hand" \
		"$t" lib/split.h lib/new.h split_one &&
	refused "$t" "lib/split.h:4:1: error: this declaration crosses #if/#else/#endif lines it does not close; move it by hand" \
		--delete "$t" lib/split.h split_one
'

test_expect_success 'what balances around a split declaration still moves' '
	t=$(fresh f) &&
	"$cmove" "$t" lib/split.h lib/new.h split_two >"$TRASH/out" &&
	grep -qx "int split_two(void);" "$t/lib/new.h" &&
	! grep -q split_two "$t/lib/split.h"
'

test_expect_success '--list lists what it can of a file that does not balance, exit 0' '
	"$cmove" --list "$base" lib/stray.h >"$TRASH/out" &&
	printf "%s\n" "lib/stray.h:2-2: macro __LIB_STRAY_H" "lib/stray.h:4-4: function stray_keep" \
		"lib/stray.h:6-6: function stray_one" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_done
