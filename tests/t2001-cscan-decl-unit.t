#!/bin/sh
# The declaration reader's, prefilter's and helpers' unit tests
# (tests/unit/test_decl.c), TAP straight from C.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

make -s -C "$TOOLKIT" O="$O" "$O/bin/test_decl" >"$TRASH/build.log" 2>&1 || {
	echo "1..1"
	echo "not ok 1 - build test_decl"
	sed 's/^/# /' "$TRASH/build.log"
	exit 1
}
exec "$O/bin/test_decl"
