#!/bin/sh
# Fuzz the lexer and the declaration reader with libFuzzer for a bounded
# time (FUZZ_SECONDS, default 20), from the seed corpus in tests/unit/corpus.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

test_require CLANG

test_expect_success 'build the fuzz target' '
	make -s -C "$TOOLKIT" O="$O" fuzz-tools
'

# New inputs go to the scratch corpus, the seeds stay read-only.
test_expect_success "fuzz for ${FUZZ_SECONDS:-20} seconds without a finding" '
	mkdir -p "$TRASH/corpus" &&
	if ! {
		(cd "$TRASH" && "$O/bin/fuzz_lex" -max_total_time="${FUZZ_SECONDS:-20}" \
			-timeout=10 -rss_limit_mb=2048 -artifact_prefix="$TRASH/" \
			"$TRASH/corpus" "$TOOLKIT/tests/unit/corpus") >"$TRASH/fuzz.log" 2>&1 &&
		grep -q "^Done [0-9]* runs" "$TRASH/fuzz.log" &&
		! ls "$TRASH"/crash-* "$TRASH"/leak-* "$TRASH"/timeout-* 2>/dev/null
	}; then
		tail -n 40 "$TRASH/fuzz.log"
		false
	fi
'

test_done
