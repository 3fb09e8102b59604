# check/: the C scanner cscan and the check targets. Included by the top
# Makefile, which sets and exports KDIR, O (absolute), J and V.

CSCAN := $(O)/bin/cscan
# cmove's own files (check/move.mk) stay out of cscan.
CSCAN_SRCS := $(filter-out check/cmove.c check/move%.c,$(wildcard check/*.c))
CSCAN_HDRS := $(wildcard check/*.h)
CSCAN_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O2
CSCAN_LIBS := -pthread

# The unit tests link the scanner's sources except its main().
CSCAN_LIB_SRCS := $(filter-out check/main.c,$(CSCAN_SRCS))
UNIT_TESTS := test_lex test_decl
SAN_CC := clang
SAN_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all

.PHONY: tools unit-tools san-tools fuzz-tools check-unit check-leaks check-api bench

tools: $(CSCAN)

$(CSCAN): $(CSCAN_SRCS) $(CSCAN_HDRS) check/check.mk | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CSCAN_CFLAGS) $(CFLAGS) -o $@ $(CSCAN_SRCS) $(CSCAN_LIBS)

# Lexer and declaration unit tests (TAP), plain and under ASan+UBSan.
unit-tools: $(UNIT_TESTS:%=$(O)/bin/%)
san-tools: $(UNIT_TESTS:%=$(O)/bin/san/%) $(O)/bin/san/cscan
fuzz-tools: $(O)/bin/fuzz_lex

$(O)/bin/test_%: tests/unit/test_%.c tests/unit/tap.h $(CSCAN_LIB_SRCS) $(CSCAN_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CSCAN_CFLAGS) -Icheck -o $@ $< $(CSCAN_LIB_SRCS) $(CSCAN_LIBS)

$(O)/bin/san/test_%: tests/unit/test_%.c tests/unit/tap.h $(CSCAN_LIB_SRCS) $(CSCAN_HDRS)
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_CFLAGS) -Icheck -o $@ $< $(CSCAN_LIB_SRCS) $(CSCAN_LIBS)

$(O)/bin/san/cscan: $(CSCAN_SRCS) $(CSCAN_HDRS)
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_CFLAGS) -o $@ $(CSCAN_SRCS) $(CSCAN_LIBS)

# libFuzzer target for the lexer and the declaration reader.
$(O)/bin/fuzz_lex: tests/unit/fuzz_lex.c $(CSCAN_LIB_SRCS) $(CSCAN_HDRS)
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_CFLAGS) -fsanitize=fuzzer -Icheck -o $@ $< $(CSCAN_LIB_SRCS) $(CSCAN_LIBS)

check-unit: unit-tools san-tools
	prove --exec '' $(UNIT_TESTS:%=$(O)/bin/%) $(UNIT_TESTS:%=$(O)/bin/san/%)

check-leaks: $(DEPS_STAMP) $(KDIR_DEP) tools
	check/leaks.sh

check-api: $(DEPS_STAMP) $(KDIR_DEP) tools
	check/api.sh

bench: tools $(KDIR_DEP)
	check/bench.sh
