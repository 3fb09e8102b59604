#!/bin/sh
# make kernel: a git work tree with one baseline commit, every file of the
# tarball tracked, and files created later visible to git.
. "$(dirname "$0")/lib/tap.sh"

# A tiny tarball shaped like Debian's linux-source one.
src=$TRASH/src/linux-source-9.9
mkdir -p "$src/mm" "$src/include/linux"
printf 'VERSION = 9\nPATCHLEVEL = 9\nSUBLEVEL = 1\n' >"$src/Makefile"
printf '/* fixture */\n' >"$src/mm/alloc.c"
printf 'style\n' >"$src/.clang-format"
cat >"$src/.gitignore" <<'GI'
.*
*.o

#
# Debian packaging: ignore everything at the top level, since it isn't
# included in our repository
#
/*
!/debian/
GI
tar -C "$TRASH/src" -cJf "$TRASH/linux-source-9.9.tar.xz" linux-source-9.9
kernel() { "$TOOLKIT/scripts/kernel.sh" "$@"; }

test_expect_success 'a tarball becomes a git tree with one baseline commit' '
	kernel "$TRASH/linux-source-9.9.tar.xz" "$TRASH/k" >"$TRASH/out" &&
	test "$(git -C "$TRASH/k" rev-list --count HEAD)" -eq 1 &&
	git -C "$TRASH/k" log -1 --format=%s >"$TRASH/subject" &&
	echo "Linux 9.9.1 (Debian linux-source tarball)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/subject"
'

test_expect_success 'every file is tracked, dot-files too; the tree is clean' '
	git -C "$TRASH/k" ls-files >"$TRASH/files" &&
	printf "%s\n" .clang-format .gitignore Makefile mm/alloc.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/files" &&
	test -z "$(git -C "$TRASH/k" status --porcelain --ignored)"
'

test_expect_success 'the Debian packaging stanza is gone, the rest stays' '
	printf ".*\n*.o\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/k/.gitignore"
'

test_expect_success 'a file created later is untracked, not ignored' '
	: >"$TRASH/k/mm/page_alloc.h" &&
	git -C "$TRASH/k" status --porcelain >"$TRASH/status" &&
	echo "?? mm/page_alloc.h" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/status" &&
	rm "$TRASH/k/mm/page_alloc.h"
'

test_expect_success 'a second run reuses the tree silently' '
	head=$(git -C "$TRASH/k" rev-parse HEAD) &&
	kernel "$TRASH/linux-source-9.9.tar.xz" "$TRASH/k" >"$TRASH/out" 2>&1 &&
	test ! -s "$TRASH/out" &&
	test "$(git -C "$TRASH/k" rev-parse HEAD)" = "$head"
'

test_expect_success 'the baseline is reproducible: same tarball, same commit' '
	kernel "$TRASH/linux-source-9.9.tar.xz" "$TRASH/k2" >/dev/null &&
	test "$(git -C "$TRASH/k2" rev-parse HEAD)" = "$(git -C "$TRASH/k" rev-parse HEAD)"
'

test_expect_success 'a missing tarball: exit 2, one line naming the fix' '
	expect_exit 2 kernel "$TRASH/nope.tar.xz" "$TRASH/k3" 2>"$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep -q "nope.tar.xz not found; run .make deps." "$TRASH/err" &&
	test ! -e "$TRASH/k3"
'

test_expect_success 'a destination that is not a git tree is refused' '
	mkdir -p "$TRASH/plain" &&
	expect_exit 2 kernel "$TRASH/linux-source-9.9.tar.xz" "$TRASH/plain" 2>"$TRASH/err" &&
	grep -q "exists but is not a git tree" "$TRASH/err"
'

if [ "${KERNEL_TESTS:-1}" = 0 ] || [ ! -d "$KDIR_DEFAULT/.git" ]; then
	test_done
	exit
fi

test_expect_success 'the 6.12 tree: one commit, clean, mm/page_alloc.h not ignored' '
	test "$(git -C "$KDIR_DEFAULT" rev-list --count HEAD)" -eq 1 &&
	test -z "$(git -C "$KDIR_DEFAULT" status --porcelain)" &&
	! git -C "$KDIR_DEFAULT" check-ignore -q mm/page_alloc.h
'

test_expect_success 'the 6.12 tree tracks every file of the tarball' '
	tar -tJf /usr/src/linux-source-6.12.tar.xz | grep -v "/\$" | wc -l >"$TRASH/want" &&
	git -C "$KDIR_DEFAULT" ls-files | wc -l >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_done
