#!/bin/sh
# The add kind: a new macro goes into a header right after the one it
# replaces (with that one's comment), from a file of the migration's own,
# byte-minimal; a second run is skipped with one line; a header without the
# named declaration is an error naming it. On a copy of the toolkit with a
# migration of our own and a tiny tree.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

tk=$TRASH/toolkit
toolkit_copy "$tk" || exit 1
mig=$(fixture_migration "$tk" add-test) || exit 1
printf 'twice: Add new_twice()\n\nThe new name.\n' >"$mig/add.txt"
cat >"$mig/new_twice.h" <<'EOF_H'
/* new_twice() - twice @x, the name to use from now on */
#define new_twice(x)	((x) * 2)
EOF_H
cat >"$mig/migration" <<'EOF_SPEC'
summary: new_twice() arrives
cover: cover.txt

step add
kind: add
message: add.txt
to: include/linux/twice.h
text: new_twice.h
after: old_twice
EOF_SPEC
o=$TRASH/o
make -s -C "$TOOLKIT" tools O="$o" >/dev/null || exit 1

tree=$TRASH/tree
mkdir -p "$tree/include/linux" &&
cat >"$tree/include/linux/twice.h" <<'EOF_H' &&
#ifndef _LINUX_TWICE_H
#define _LINUX_TWICE_H

/*
 * old_twice() - twice @x
 */
#define old_twice(x) \
	((x) * 2)

#define thrice(x)	((x) * 3)

#endif
EOF_H
git -C "$tree" init -q && git -C "$tree" add -A &&
git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m base || exit 1
step() {
	(cd "$tree" && env TOOLKIT="$tk" MIGRATION=add-test O="$o" CACHE=0 "$tk/scripts/apply/run-step.sh" add \
		>"$TRASH/out" 2>"$TRASH/err")
}

test_expect_success 'the text goes right after the named macro, a blank line before it, nothing else changes' '
	step &&
	cat >"$TRASH/want" <<\EOF_W &&
#ifndef _LINUX_TWICE_H
#define _LINUX_TWICE_H

/*
 * old_twice() - twice @x
 */
#define old_twice(x) \
	((x) * 2)

/* new_twice() - twice @x, the name to use from now on */
#define new_twice(x)	((x) * 2)

#define thrice(x)	((x) * 3)

#endif
EOF_W
	test_cmp "$TRASH/want" "$tree/include/linux/twice.h" &&
	git -C "$tree" diff --numstat >"$TRASH/numstat" &&
	printf "3\t0\tinclude/linux/twice.h\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/numstat"
'

test_expect_success 'a second run: skipped, one line' '
	git -C "$tree" -c user.name=t -c user.email=t@t commit -q -am added &&
	step &&
	grep -x "run-step.sh: add: skipped: no change" "$TRASH/out" &&
	grep -x "add.sh: skipped: include/linux/twice.h declares new_twice already" "$TRASH/out" &&
	test -z "$(git -C "$tree" status --porcelain)"
'

test_expect_success 'after: a name the header lacks: exit 2, named, nothing changed' '
	sed -i "s/^after: old_twice\$/after: no_such_twice/" "$mig/migration" &&
	git -C "$tree" reset -q --hard HEAD^ &&
	expect_exit 2 step &&
	grep -q "add.sh: error: include/linux/twice.h declares no no_such_twice; name in after: a declaration of include/linux/twice.h" "$TRASH/err" &&
	test -z "$(git -C "$tree" status --porcelain)"
'

test_done
