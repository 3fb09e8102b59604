#!/bin/sh
# The move kind's choice (scripts/apply/kinds/move/move.sh, scripts/apply/kinds/move/move-plan.awk) on a
# small tree of our own: an enum moves or stays with its constants (a use of
# a constant is a use of the enum), a typedef with the struct it names; a
# declaration used-only-by: picks stays, with a note, when one that stays
# needs it; one that names: picks makes the step stop (exit 2, nothing
# changed).
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

o=$TRASH/o
make -s -C "$TOOLKIT" tools O="$o" >/dev/null || exit 1
base=$TRASH/base
. "$TEST_DIR/lib/fixture-tree.sh"

put lib/internal.h <<'EOF_H'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LIB_INTERNAL_H
#define __LIB_INTERNAL_H

/* What a search of the slots found. */
enum pick_result {
	PICK_FOUND,
	PICK_EMPTY,
};
enum pick_result
pick_slot(int order);

typedef struct wid_state {
	int nr;
} wid_state_t;

#define WID_LIMIT	8

static inline int wid_limit(void)
{
	return WID_LIMIT;
}

#endif /* __LIB_INTERNAL_H */
EOF_H
put lib/alloc.c <<'EOF_C'
// SPDX-License-Identifier: GPL-2.0
#include "internal.h"

static wid_state_t state;

int alloc_slot(int order)
{
	if (state.nr >= WID_LIMIT || pick_slot(order) == PICK_EMPTY)
		return -1;
	return state.nr++;
}
EOF_C
put lib/compact.c <<'EOF_C'
// SPDX-License-Identifier: GPL-2.0
#include "internal.h"

int compact_ready(int order)
{
	return pick_slot(order) == PICK_FOUND && wid_limit() > 0;
}
EOF_C

# move [VAR=VALUE...]: the move kind on a fresh copy of the tree, with the
# step's keys; its stdout, stderr and exit status in $TRASH/{out,err,rc}.
move() {
	tree=$(fresh tree) &&
	(cd "$tree" && env TOOLKIT="$TOOLKIT" O="$o" SPEC_PARSED=/dev/null FINDINGS="$TRASH/findings" \
		STEP_FROM=lib/internal.h STEP_TO=lib/private.h STEP_CREATE=yes STEP_SCOPE=lib/ "$@" \
		"$TOOLKIT/scripts/apply/kinds/move/move.sh" >"$TRASH/out" 2>"$TRASH/err"
	echo $? >"$TRASH/rc")
}

test_expect_success 'used-only-by: the typedef moves with its struct; the enum and the macro stay' '
	move STEP_USED_ONLY_BY=lib/alloc.c &&
	test "$(cat "$TRASH/rc")" -eq 0 &&
	echo "lib/internal.h:21:1: note: WID_LIMIT stays in lib/internal.h: wid_limit, which stays, uses it" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err" &&
	grep -c "wid_state" "$tree/lib/private.h" >"$TRASH/n" &&
	echo 2 >"$TRASH/want" && test_cmp "$TRASH/want" "$TRASH/n" &&
	! grep -q "wid_state" "$tree/lib/internal.h" &&
	grep -q "^enum pick_result {" "$tree/lib/internal.h" &&
	grep -q "^	PICK_EMPTY,\$" "$tree/lib/internal.h" &&
	grep -q "^#define WID_LIMIT" "$tree/lib/internal.h" &&
	! grep -q "PICK\|WID_LIMIT" "$tree/lib/private.h" &&
	grep -qx "#include \"private.h\"" "$tree/lib/alloc.c" &&
	! grep -q "private.h" "$tree/lib/compact.c"
'

test_expect_success 'names: one enum constant chooses the whole enum, which a staying prototype needs: exit 2, nothing changed' '
	move STEP_NAMES=PICK_EMPTY &&
	test "$(cat "$TRASH/rc")" -eq 2 &&
	echo "lib/internal.h:10:1: error: pick_slot, which stays, uses pick_result; move the declarations that use it too, or split lib/internal.h by hand" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err" &&
	test ! -e "$tree/lib/private.h" &&
	diff -r "$base" "$tree"
'

test_expect_success 'names: the enum and its user together: both move, the other user includes the new header' '
	move "STEP_NAMES=pick_result pick_slot" &&
	test "$(cat "$TRASH/rc")" -eq 0 &&
	grep -q "^enum pick_result {" "$tree/lib/private.h" &&
	grep -q "^pick_slot(int order);" "$tree/lib/private.h" &&
	! grep -q "pick_" "$tree/lib/internal.h" &&
	grep -qx "#include \"private.h\"" "$tree/lib/alloc.c" &&
	grep -qx "#include \"private.h\"" "$tree/lib/compact.c"
'

test_done
