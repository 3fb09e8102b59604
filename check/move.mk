# check/move.mk: the declaration mover cmove. Included by the top Makefile
# after check/check.mk, whose flags and shared sources it reuses: the lexer,
# the declaration reader, the tree walk and thread pool, the prefilter and
# the name set. cmove.c has its main() only under -DCMOVE_MAIN, since
# check.mk compiles every check/*.c into cscan.

CMOVE := $(O)/bin/cmove
CMOVE_SRCS := check/cmove.c $(wildcard check/move*.c)
CMOVE_HDRS := check/move.h check/lex.h check/decl.h check/util.h check/walk.h \
	check/hits.h check/filter.h check/nameset.h
CMOVE_SHARED := check/lex.c check/decl.c check/util.c check/walk.c check/hits.c \
	check/filter.c check/nameset.c

.PHONY: cmove-san cmove-fuzz

tools: $(CMOVE)

$(CMOVE): $(CMOVE_SRCS) $(CMOVE_SHARED) $(CMOVE_HDRS) check/move.mk | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CSCAN_CFLAGS) $(CFLAGS) -DCMOVE_MAIN -o $@ $(CMOVE_SRCS) $(CMOVE_SHARED) $(CSCAN_LIBS)

# The same under ASan+UBSan, for the tests.
cmove-san: $(O)/bin/san/cmove

$(O)/bin/san/cmove: $(CMOVE_SRCS) $(CMOVE_SHARED) $(CMOVE_HDRS) check/move.mk
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_CFLAGS) -DCMOVE_MAIN -o $@ $(CMOVE_SRCS) $(CMOVE_SHARED) $(CSCAN_LIBS)

# libFuzzer target for the file model and the cut (tests/unit/move_fuzz.c).
cmove-fuzz: $(O)/bin/fuzz_move

$(O)/bin/fuzz_move: tests/unit/move_fuzz.c $(CMOVE_SRCS) $(CMOVE_SHARED) $(CMOVE_HDRS) check/move.mk
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_CFLAGS) -fsanitize=fuzzer -Icheck -o $@ $< $(CMOVE_SRCS) $(CMOVE_SHARED) $(CSCAN_LIBS)
