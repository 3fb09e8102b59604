#!/bin/sh
# A semantic patch's "// Options:" line is obeyed, as make coccicheck
# obeys it: the spatch run of a cocci step (scripts/apply/kinds/cocci/cocci-chunk.sh) passes
# its options, and only those. The fixture: a call in a .c file and in a
# header; spatch --dir rewrites the header only with --include-headers.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

tree=$TRASH/tree
mkdir -p "$tree" &&
printf 'int old_fn(int);\nstatic inline int h(void)\n{\n\treturn old_fn(1);\n}\n' >"$tree/a.h" &&
printf '#include "a.h"\n\nint f(void)\n{\n\treturn old_fn(2);\n}\n' >"$tree/a.c" || exit 1
# cocci OPTIONS...: a semantic patch renaming the calls, with an "// Options:"
# line of OPTIONS when there are any.
cocci() {
	printf '/// Rename old_fn() to new_fn().\n'
	[ $# -eq 0 ] || printf '// Options: %s\n' "$*"
	printf 'virtual patch\nvirtual report\n\n@depends on patch@\nexpression E;\n@@\n- old_fn(E)\n+ new_fn(E)\n'
}
# chunk COCCI: cocci-chunk.sh over both files of a fresh copy of the tree;
# prints the files it rewrote.
chunk() {
	rm -rf "$TRASH/t" && cp -a "$tree" "$TRASH/t" &&
	(cd "$TRASH/t" && "$TOOLKIT/scripts/apply/kinds/cocci/cocci-chunk.sh" "$1" "$TRASH/chunk" a.c a.h >/dev/null) &&
	for f in a.c a.h; do cmp -s "$tree/$f" "$TRASH/t/$f" || echo "$f"; done
}

test_expect_success 'with "// Options: --no-includes --include-headers": the header is rewritten too' '
	cocci --no-includes --include-headers >"$TRASH/with.cocci" &&
	chunk "$TRASH/with.cocci" >"$TRASH/changed" &&
	printf "a.c\na.h\n" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/changed" &&
	grep -q "new_fn(1)" "$TRASH/t/a.h"
'

test_expect_success 'without an Options line: spatch'"'"'s defaults, the .c file only' '
	cocci >"$TRASH/without.cocci" &&
	chunk "$TRASH/without.cocci" >"$TRASH/changed" &&
	echo a.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/changed"
'

test_done
