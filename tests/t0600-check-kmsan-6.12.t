#!/bin/sh
# make check's builds (check/builds.sh) on the Debian 6.12 tree: a changed
# file that only an option allmodconfig leaves off builds (mm/kmsan/, behind
# CONFIG_KMSAN, which needs clang and excludes KASAN) is built with clang in
# that option's configuration of check/config-variants. 7.2 needs a newer
# clang for KMSAN than Debian's, so this is shown on 6.12; t0650 and t0660
# show the rest of make check on 7.2.
#
# The change is one comment in mm/kmsan/init.c. MIGRATION=timer-delete, a
# spec without build: lines, keeps page-alloc's "build: mm/ when mm/" from
# adding all of mm/ to x86_64's builds: only the changed file is built.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
use_scratch_clone
# The tests' build directories of this tree: x86_64's is t0500's.
kbuild=$o/kbuild
file=mm/kmsan/init.c

test_expect_success 'a comment changed in mm/kmsan/init.c, committed' '
	sed -i "1a /* A change that only the KMSAN configuration builds. */" "$kdir/$file" &&
	git -C "$kdir" -c user.name=t -c user.email=t@t commit -qam "kmsan: a comment" &&
	test "$(git -C "$kdir" diff --name-only "$baseline" HEAD)" = "$file"
'

test_expect_success 'builds.sh: built with clang in the KMSAN configuration, nothing else built' '
	MIGRATION=timer-delete "$TOOLKIT/check/builds.sh" "$kdir" "$kbuild" "$o/check/cache" \
		"$baseline" HEAD "$TRASH/work" >"$TRASH/out" 2>"$TRASH/err" &&
	cat >"$TRASH/want" <<-\EOF &&
	  build x86_64-KMSAN     ok: 1 object(s)
	  warnings x86_64-KMSAN  ok: none new
	EOF
	test_cmp "$TRASH/want" "$TRASH/work/summary" &&
	test ! -s "$TRASH/work/failures" &&
	b=$kbuild/x86_64-KMSAN &&
	grep -x "CONFIG_CC_IS_CLANG=y" "$b/.config" && grep -x "CONFIG_KMSAN=y" "$b/.config" &&
	! grep -x "CONFIG_KASAN=y" "$b/.config" &&
	echo "${file%.c}.o" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$b/objects" &&
	test -f "$b/${file%.c}.o" &&
	grep -x "compare.sh: x86_64-KMSAN: no warning at REV; BASE $(git -C "$kdir" rev-parse --short "$baseline") not built" "$TRASH/err" &&
	! grep -q "compare.sh: x86_64:" "$TRASH/err"
'

git -C "$kdir" reset -q --hard "$baseline"
test_done
