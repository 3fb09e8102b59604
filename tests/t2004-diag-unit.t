#!/bin/sh
# The diagnostics module's unit tests (tests/unit/test_diag.c), TAP
# straight from C.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

make -s -C "$TOOLKIT" O="$O" "$O/bin/test_diag" >"$TRASH/build.log" 2>&1 || {
	echo "1..1"
	echo "not ok 1 - build test_diag"
	sed 's/^/# /' "$TRASH/build.log"
	exit 1
}
exec "$O/bin/test_diag"
