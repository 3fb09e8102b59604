# src/cscan/: the C scanner cscan, its unit tests and its fuzz target.
# Included by the top Makefile after src/lib/lib.mk.

CSCAN := $(O)/bin/cscan
CSCAN_OBJS := $(patsubst src/%.c,$(O)/obj/%.o,$(wildcard src/cscan/*.c))
CSCAN_SAN_OBJS := $(patsubst src/%.c,$(O)/obj/san/%.o,$(wildcard src/cscan/*.c))

UNIT_TESTS := test_lex test_decl test_diag

.PHONY: tools unit-tools san-tools fuzz-tools check-unit

tools: $(CSCAN)

$(CSCAN): $(CSCAN_OBJS) $(CLIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(C_FLAGS) $(CFLAGS) -o $@ $^ $(C_LIBS)

# Lexer and declaration unit tests (TAP), plain and under ASan+UBSan.
unit-tools: $(UNIT_TESTS:%=$(O)/bin/%)
san-tools: $(UNIT_TESTS:%=$(O)/bin/san/%) $(O)/bin/san/cscan
fuzz-tools: $(O)/bin/fuzz_lex

$(O)/bin/test_%: tests/unit/test_%.c tests/unit/tap.h $(CLIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(C_FLAGS) -Isrc/lib -o $@ $< $(CLIB_OBJS) $(C_LIBS)

$(O)/bin/san/test_%: tests/unit/test_%.c tests/unit/tap.h $(CLIB_SAN_OBJS)
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_FLAGS) -Isrc/lib -o $@ $< $(CLIB_SAN_OBJS) $(C_LIBS)

$(O)/bin/san/cscan: $(CSCAN_SAN_OBJS) $(CLIB_SAN_OBJS)
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_FLAGS) -o $@ $^ $(C_LIBS)

# libFuzzer target for the lexer and the declaration reader.
$(O)/bin/fuzz_lex: tests/unit/fuzz_lex.c $(CLIB_SAN_OBJS)
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_FLAGS) -fsanitize=fuzzer -Isrc/lib -o $@ $^ $(C_LIBS)

check-unit: unit-tools san-tools
	prove --exec '' $(UNIT_TESTS:%=$(O)/bin/%) $(UNIT_TESTS:%=$(O)/bin/san/%)
