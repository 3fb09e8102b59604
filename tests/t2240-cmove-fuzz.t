#!/bin/sh
# Fuzz cmove's file model and cut with libFuzzer for a bounded time
# (FUZZ_SECONDS, default 10), from the seeds in tests/unit/move_corpus and
# the lexer's; and run the fixture moves of t2200-cmove.t again with cmove
# built under ASan+UBSan.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

test_require CLANG

test_expect_success 'build the fuzz target and the sanitized cmove' '
	make -s -C "$TOOLKIT" O="$O" cmove-fuzz cmove-san
'

# New inputs go to the scratch corpus, the seeds stay read-only.
test_expect_success "fuzz for ${FUZZ_SECONDS:-10} seconds without a finding" '
	mkdir -p "$TRASH/corpus" &&
	if ! {
		(cd "$TRASH" && "$O/bin/fuzz_move" -max_total_time="${FUZZ_SECONDS:-10}" \
			-timeout=10 -rss_limit_mb=2048 -artifact_prefix="$TRASH/" \
			"$TRASH/corpus" "$TOOLKIT/tests/unit/move_corpus" "$TOOLKIT/tests/unit/corpus") \
			>"$TRASH/fuzz.log" 2>&1 &&
		grep -q "^Done [0-9]* runs" "$TRASH/fuzz.log" &&
		! ls "$TRASH"/crash-* "$TRASH"/leak-* "$TRASH"/timeout-* 2>/dev/null
	}; then
		tail -n 40 "$TRASH/fuzz.log"
		false
	fi
'

test_expect_success 'the fixture moves under ASan+UBSan' '
	if ! CMOVE="$O/bin/san/cmove" O="$TRASH/o" "$TEST_DIR/t2200-cmove.t" >"$TRASH/tap" 2>&1; then
		cat "$TRASH/tap"
		false
	fi
'

test_done
