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
kernel() { "$TOOLKIT/scripts/setup/kernel.sh" "$@"; }

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
	test -z "$(git -C "$TRASH/k" status --porcelain --ignored)" &&
	echo 4 >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/k/.git/api-migrate-tarball-files"
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
	grep -q "nope.tar.xz not found; pass TARBALL= a linux-source tarball" "$TRASH/err" &&
	test ! -e "$TRASH/k3"
'

test_expect_success 'a destination that is not a git tree is refused' '
	mkdir -p "$TRASH/plain" &&
	expect_exit 2 kernel "$TRASH/linux-source-9.9.tar.xz" "$TRASH/plain" 2>"$TRASH/err" &&
	grep -q "exists but is not a git tree" "$TRASH/err"
'

kernel_source() { "$TOOLKIT/scripts/setup/kernel-source.sh" "$@"; }

# Debian's own archive, read through the toolkit's lists in the trash: the
# machine's apt sources and lists stay as they were.
apt_state() {
	cat /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null | cksum
	ls -l --time-style=+%s /var/lib/apt/lists/ | cksum
}
test_expect_success 'the newest linux-source Debian ships, through lists of our own' '
	apt_state >"$TRASH/apt.before" &&
	APT_DIR="$TRASH/apt" kernel_source newest >"$TRASH/newest" &&
	grep -qx "[0-9][0-9]*\.[0-9][0-9]*" "$TRASH/newest" &&
	grep -qx "deb \[signed-by=/usr/share/keyrings/debian-archive-keyring.gpg\] http://deb.debian.org/debian unstable main" \
		"$TRASH/apt/sources.list" &&
	ls "$TRASH/apt/lists" | grep -q "_unstable_InRelease\$" &&
	apt_state >"$TRASH/apt.after" &&
	test_cmp "$TRASH/apt.before" "$TRASH/apt.after"
'

test_expect_success 'no such package: exit 2, one line naming KVER' '
	expect_exit 2 env APT_DIR="$TRASH/apt" "$TOOLKIT/scripts/setup/kernel-source.sh" tarball 9.99 2>"$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep -qx "kernel-source.sh: error: Debian has no package linux-source-9.99 (the newest is $(cat "$TRASH/newest")); pass another KVER=" "$TRASH/err" &&
	test ! -e "$TRASH/apt/linux-source-9.99"
'

test_expect_success 'no archive: exit 2, one line naming it' '
	expect_exit 2 env APT_DIR="$TRASH/apt-closed" DEBIAN_MIRROR=http://127.0.0.1:9/debian \
		"$TOOLKIT/scripts/setup/kernel-source.sh" newest 2>"$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep -q "^kernel-source.sh: error: cannot read Debian unstable at http://127.0.0.1:9/debian: " "$TRASH/err"
'

test_expect_success 'KVER that is no version: exit 2, one line' '
	expect_exit 2 "$TOOLKIT/scripts/setup/kernel-source.sh" tarball latest 2>"$TRASH/err" &&
	grep -qx "kernel-source.sh: error: KVER=latest is not a kernel version X.Y (such as 7.2 or 6.12)" "$TRASH/err"
'

if [ "${KERNEL_TESTS:-1}" = 0 ]; then
	test_done
	exit
fi

# Each tree make test provisions: the newest (the default) and the two of
# the release.
for kver in "$TEST_KVER" 6.12 6.1; do
	tree=$TOOLKIT/build/linux-$kver
	if [ ! -d "$tree/.git" ]; then
		test_skip "the $kver tree" "no tree at $tree (make kernel KVER=$kver)"
		continue
	fi
	# Read only (no index refresh): the other chain of make test clones
	# the older trees meanwhile.
	test_expect_success "the $kver tree: one commit, clean, mm/page_alloc.h not ignored" "
		test \"\$(git -C $tree rev-list --count HEAD)\" -eq 1 &&
		git -C $tree log -1 --format=%s | grep -x \"Linux $kver\\.[0-9]* (Debian linux-source tarball)\" &&
		test -z \"\$(git --no-optional-locks -C $tree status --porcelain)\" &&
		! git -C $tree check-ignore -q mm/page_alloc.h
	"
	# What tar listed as it extracted the tarball, counted by make kernel
	# (listing a 7.2 tarball again takes half a minute of xz).
	count=$tree/.git/api-migrate-tarball-files
	if [ ! -f "$count" ]; then
		test_skip "the $kver tree's files" "$tree was made before make kernel counted the tarball's files"
		continue
	fi
	test_expect_success "the $kver tree tracks every file of Debian's tarball" "
		test \"\$(cat $count)\" -gt 10000 &&
		git -C $tree ls-files | wc -l >\"$TRASH/have\" &&
		test_cmp $count \"$TRASH/have\"
	"
done

test_done
