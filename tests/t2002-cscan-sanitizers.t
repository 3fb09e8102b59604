#!/bin/sh
# The unit tests again, built by clang with AddressSanitizer and
# UndefinedBehaviorSanitizer: any report fails the run.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

test_require CLANG
export ASAN_OPTIONS=abort_on_error=0:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1

test_expect_success 'build the sanitized unit tests and cscan' '
	make -s -C "$TOOLKIT" O="$O" san-tools
'

for t in test_lex test_decl; do
	test_expect_success "$t under ASan+UBSan" '
		"$O/bin/san/'$t'" >"$TRASH/'$t'.tap" 2>&1 &&
		! grep -q "^not ok" "$TRASH/'$t'.tap" &&
		grep -q "^1\.\." "$TRASH/'$t'.tap"
	'
done

test_done
