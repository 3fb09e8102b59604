#!/bin/sh
# What holds at the end of a step, whatever its kinds. gone: a script step
# that removes a macro while a call of it remains fails, naming the call,
# and leaves the tree as it was; once nothing names it, the same step goes
# through. Findings: a call the semantic patch of a step's first part could
# not match, migrated by its second part, is no finding. On a copy of the
# toolkit with a migration of our own and a tiny tree.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

tk=$TRASH/toolkit
toolkit_copy "$tk" || exit 1
mig=$(fixture_migration "$tk" gone-test) || exit 1
printf 'fixture: Remove old_twice()\n\nIt has no users.\n' >"$mig/remove.txt"
cat >"$mig/remove.sh" <<'EOF_SH'
#!/bin/sh
# A buggy removal: it does not look for the users first.
sed -i '/old_twice/d' include/linux/twice.h
EOF_SH
chmod +x "$mig/remove.sh"
cp "$TOOLKIT/cocci/page-alloc/alloc_pages_node.cocci" "$mig/" &&
printf 'fixture: Use alloc_pages_node()\n\nIt is public.\n' >"$mig/switch.txt" &&
cat >"$mig/by-hand.sh" <<'EOF_SH' || exit 1
#!/bin/sh
# What spatch could not parse, done as a person would.
sed -i 's/__alloc_pages_node(/alloc_pages_node(/' drivers/odd.c
EOF_SH
chmod +x "$mig/by-hand.sh"
cat >"$mig/migration" <<'EOF_SPEC'
summary: old_twice() goes
cover: cover.txt

step remove
kind: script
message: remove.txt
run: remove.sh
gone: old_twice

step switch
kind: cocci
message: switch.txt
symbols: __alloc_pages_node
cocci: alloc_pages_node.cocci

step switch
kind: script
run: by-hand.sh
EOF_SPEC
o=$TRASH/o
make -s -C "$TOOLKIT" tools O="$o" >/dev/null || exit 1

tree=$TRASH/tree
mkdir -p "$tree/include/linux" "$tree/drivers" &&
printf '#define old_twice(x) ((x) * 2)\n#define new_twice(x) ((x) << 1)\n' >"$tree/include/linux/twice.h" &&
printf '#include <linux/twice.h>\n\nint four = old_twice(2);\n' >"$tree/drivers/four.c" &&
git -C "$tree" init -q && git -C "$tree" add -A &&
git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m base || exit 1
step() {
	(cd "$tree" && env TOOLKIT="$tk" MIGRATION=gone-test O="$o" CACHE=0 "$tk/scripts/apply/run-step.sh" "${1:-remove}" \
		>"$TRASH/out" 2>"$TRASH/err")
}

test_expect_success 'a script step that leaves a use of what it removes: exit 1, the use named, the tree as it was' '
	expect_exit 1 step &&
	cat >"$TRASH/want" <<-EOF &&
	drivers/four.c:3:12: error: old_twice() is still used after step remove; convert it by hand
	run-step.sh: error: step remove failed (exit 1); the tree is as it was
	EOF
	test_cmp "$TRASH/want" "$TRASH/err" &&
	test -z "$(git -C "$tree" status --porcelain)"
'

test_expect_success 'with the use converted, the same step goes through' '
	sed -i "s/old_twice/new_twice/" "$tree/drivers/four.c" &&
	git -C "$tree" -c user.name=t -c user.email=t@t commit -q -am convert &&
	step &&
	git -C "$tree" diff --stat >"$TRASH/stat" &&
	grep -q "include/linux/twice.h | 1 -" "$TRASH/stat"
'

test_expect_success 'a call the first part could not match, migrated by the second: no finding, exit 0' '
	git -C "$tree" -c user.name=t -c user.email=t@t commit -q -am removed &&
	cp "$TEST_DIR/cocci/drivers/fixture/unparsable.c" "$tree/drivers/odd.c" &&
	git -C "$tree" add drivers/odd.c &&
	git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m odd &&
	step switch &&
	! grep ": warning: " "$TRASH/err" &&
	git -C "$tree" diff -U0 | grep -x "+	return alloc_pages_node(nid, GFP_KERNEL, 0)"
'

test_expect_success 'without the second part the call is a finding: printed, exit 1' '
	git -C "$tree" checkout -q -- . &&
	sed -i "/^step switch\$/,\$d" "$mig/migration" &&
	printf "step switch\nkind: cocci\nmessage: switch.txt\nsymbols: __alloc_pages_node\ncocci: alloc_pages_node.cocci\n" >>"$mig/migration" &&
	expect_exit 1 step switch &&
	grep -x "drivers/odd.c:10:9: warning: __alloc_pages_node() not migrated: spatch could not match this call; migrate it by hand" "$TRASH/err"
'

test_done
