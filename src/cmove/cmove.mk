# src/cmove/: the declaration mover cmove, under sanitizers, and its fuzz
# target. Included by the top Makefile after src/lib/lib.mk.

CMOVE := $(O)/bin/cmove
# The mover without its command line (cmove.c), for the fuzz target.
CMOVE_CORE := $(filter-out src/cmove/cmove.c,$(wildcard src/cmove/*.c))
CMOVE_OBJS := $(patsubst src/%.c,$(O)/obj/%.o,$(wildcard src/cmove/*.c))
CMOVE_SAN_OBJS := $(patsubst src/%.c,$(O)/obj/san/%.o,$(wildcard src/cmove/*.c))
CMOVE_CORE_SAN_OBJS := $(CMOVE_CORE:src/%.c=$(O)/obj/san/%.o)

.PHONY: cmove-san cmove-fuzz

tools: $(CMOVE)

$(CMOVE): $(CMOVE_OBJS) $(CLIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(C_FLAGS) $(CFLAGS) -o $@ $^ $(C_LIBS)

cmove-san: $(O)/bin/san/cmove

$(O)/bin/san/cmove: $(CMOVE_SAN_OBJS) $(CLIB_SAN_OBJS)
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_FLAGS) -o $@ $^ $(C_LIBS)

# libFuzzer target for the file model and the cut (tests/unit/move_fuzz.c).
cmove-fuzz: $(O)/bin/fuzz_move

$(O)/bin/fuzz_move: tests/unit/move_fuzz.c $(CMOVE_CORE_SAN_OBJS) $(CLIB_SAN_OBJS)
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_FLAGS) -fsanitize=fuzzer -Isrc/lib -Isrc/cmove -o $@ $^ $(C_LIBS)
