# src/lib/: the C that cscan and cmove share (lexer, declaration reader,
# tree walk and thread pool, prefilter, name set, diagnostics), and the
# rules that build every program of src/ into objects under $(O)/obj: plain,
# and with ASan and UBSan under $(O)/obj/san for the tests. Included by the
# top Makefile.

C_FLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O2
C_LIBS := -pthread
SAN_CC := clang
SAN_FLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O1 -g -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all
# Every object sees src/lib/ and its own folder's headers.
C_HDRS := $(wildcard src/*/*.h)

CLIB_SRCS := $(wildcard src/lib/*.c)
CLIB_OBJS := $(CLIB_SRCS:src/%.c=$(O)/obj/%.o)
CLIB_SAN_OBJS := $(CLIB_SRCS:src/%.c=$(O)/obj/san/%.o)

$(O)/obj/%.o: src/%.c $(C_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(C_FLAGS) $(CFLAGS) -Isrc/lib -I$(<D) -c -o $@ $<

$(O)/obj/san/%.o: src/%.c $(C_HDRS)
	@mkdir -p $(@D)
	$(SAN_CC) $(SAN_FLAGS) -Isrc/lib -I$(<D) -c -o $@ $<
