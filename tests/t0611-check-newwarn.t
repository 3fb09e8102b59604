#!/bin/sh
# check/newwarn.sh: a warning at REV is new unless BASE has the same file
# and text, wherever the line moved; the same text twice at REV, once at
# BASE, is one new.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

check=$TOOLKIT/check

test_expect_success 'newwarn: same file and text is the same warning, wherever it moved' '
	cat >"$TRASH/base" <<-EOF &&
	mm/a.c:10:5: warning: unused variable '"'x'"' [-Wunused-variable]
	mm/a.c:20:5: warning: unused variable '"'y'"' [-Wunused-variable]
	mm/b.c:3:1: error: broken
	EOF
	cat >"$TRASH/rev" <<-EOF &&
	mm/a.c:12:5: warning: unused variable '"'x'"' [-Wunused-variable]
	mm/a.c:22:5: warning: unused variable '"'y'"' [-Wunused-variable]
	mm/a.c:30:5: warning: unused variable '"'y'"' [-Wunused-variable]
	mm/b.c:3:1: error: broken
	mm/b.c:7:2: warning: unused variable '"'x'"' [-Wunused-variable]
	EOF
	"$check/newwarn.sh" "$TRASH/base" "$TRASH/rev" >"$TRASH/new" &&
	cat >"$TRASH/want" <<-EOF &&
	mm/a.c:22:5: warning: unused variable '"'y'"' [-Wunused-variable]
	mm/a.c:30:5: warning: unused variable '"'y'"' [-Wunused-variable]
	mm/b.c:7:2: warning: unused variable '"'x'"' [-Wunused-variable]
	EOF
	test_cmp "$TRASH/want" "$TRASH/new" &&
	"$check/newwarn.sh" "$TRASH/rev" "$TRASH/base" >"$TRASH/none" &&
	test ! -s "$TRASH/none"
'

test_done
