#!/bin/sh
# check/causes.sh on a build directory as check/build.sh and Kbuild leave
# it: the changed files every failed object depends on, read from the .cmd
# and .d files.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

check=$TOOLKIT/check

# causes.sh on a build directory as check/build.sh and Kbuild leave it: the
# .cmd of an object whose last compile succeeded, the .d of one whose
# compile failed, an object never compiled.
fc=$TRASH/kbuild-failed
mkdir -p "$fc/tree/mm" "$fc/tree/include/linux" "$fc/obj/mm"
root=$(cd "$fc/tree" && pwd -P)
cat >"$fc/obj/mm/.a.o.cmd" <<EOF
savedcmd_mm/a.o := gcc -c -o mm/a.o $root/mm/a.c

source_mm/a.o := $root/mm/a.c

deps_mm/a.o := \\
  $root/include/linux/kconfig.h \\
    \$(wildcard include/config/FOO) \\
  $root/mm/p.h \\
  $root/include/linux/x.h \\

mm/a.o: \$(deps_mm/a.o)

\$(deps_mm/a.o):
EOF
cat >"$fc/obj/mm/.b.o.d" <<EOF
mm/b.o: $root/mm/b.c $root/include/linux/kconfig.h \\
 $root/mm/p.h $root/include/linux/x.h \\
 include/generated/autoconf.h
EOF
printf 'mm/a.o\nmm/b.o\nmm/c.o\n' >"$fc/obj/failed"

test_expect_success 'causes: the changed files every failed object depends on, by .cmd and .d files' '
	printf "%s\n" mm/p.h mm/a.c mm/b.c include/linux/y.h >"$fc/changed" &&
	"$check/causes.sh" "$fc/tree" "$fc/obj" "$fc/changed" >"$TRASH/causes" &&
	echo "mm/p.h: error: 2 objects that include it fail to build (changed in REV)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/causes" &&
	printf "%s\n" mm/p.h include/linux/x.h >"$fc/changed" &&
	"$check/causes.sh" "$fc/tree" "$fc/obj" "$fc/changed" >"$TRASH/causes" &&
	printf "%s\n" "include/linux/x.h: error: 2 objects that include it fail to build (changed in REV)" \
		"mm/p.h: error: 2 objects that include it fail to build (changed in REV)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/causes"
'

test_expect_success 'causes: one failed object; a file that not every failed object includes is none' '
	echo mm/b.o >"$fc/obj/failed" &&
	echo mm/p.h >"$fc/changed" &&
	"$check/causes.sh" "$fc/tree" "$fc/obj" "$fc/changed" >"$TRASH/causes" &&
	echo "mm/p.h: error: 1 object that includes it fails to build (changed in REV)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/causes" &&
	sed -i "s| [^ ]*/mm/p\.h||" "$fc/obj/mm/.b.o.d" &&
	printf "mm/a.o\nmm/b.o\n" >"$fc/obj/failed" &&
	"$check/causes.sh" "$fc/tree" "$fc/obj" "$fc/changed" >"$TRASH/causes" &&
	test ! -s "$TRASH/causes"
'

test_done
