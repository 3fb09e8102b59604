#!/bin/sh
# Migration specs (cocci/README.md): the shipped ones are valid,
# make migrations lists them, and a bad spec or an unknown MIGRATION stops
# with exit 2 naming the file and line, before anything runs.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

mig=$TRASH/mig
entries=$TRASH/entries
mkdir -p "$mig" "$entries" && : >"$mig/msg.txt" && : >"$mig/cover.txt" && : >"$mig/fix.cocci" || exit 1

# parse [KDIR]: scripts/lib/spec.awk over $mig/migration.
parse() {
	awk -v dir="$mig" -v entries="$entries" -v kdir="${1:-}" \
		-f "$TOOLKIT/scripts/lib/spec.awk" "$mig/migration"
}

# spec LINE...: $mig/migration, a valid head then LINEs.
spec() {
	{
		printf '%s\n' '# a test spec' 'summary: a test' 'cover: cover.txt'
		printf '%s\n' "$@"
	} >"$mig/migration"
}

# expect_error LINE MESSAGE: parse fails with exit 2 and exactly that error.
expect_error() {
	expect_exit 2 parse ${kdir:-} >"$TRASH/out" 2>"$TRASH/err" &&
	echo "$mig/migration:$1: error: $2" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err" &&
	test_cmp /dev/null "$TRASH/out"
}

test_expect_success 'a valid spec: one record a line, steps numbered, parts of a step kept apart' '
	spec "step fix" "kind: cocci" "message: msg.txt" "cocci: fix.cocci" "symbols: a b" \
		"step fix" "kind: rename" "rename: a b" &&
	parse >"$TRASH/out" &&
	printf "0\tsummary\ta test\t2\n0\tcover\tcover.txt\t3\n" >"$TRASH/want" &&
	printf "1\tstep\tfix\t4\n1\tkind\tcocci\t5\n1\tmessage\tmsg.txt\t6\n" >>"$TRASH/want" &&
	printf "1\tcocci\tfix.cocci\t7\n1\tsymbols\ta b\t8\n" >>"$TRASH/want" &&
	printf "2\tstep\tfix\t9\n2\tkind\trename\t10\n2\trename\ta b\t11\n" >>"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/out"
'

test_expect_success 'an unknown key before the steps' '
	spec "frobnicate: yes" "step fix" "kind: rename" "message: msg.txt" "rename: a b" &&
	expect_error 4 "unknown key '\''frobnicate'\'' before the first step; known keys: summary branch cover private confine build api"
'

test_expect_success 'an unknown key in a step names the kind and its keys' '
	spec "step fix" "kind: rename" "message: msg.txt" "rename: a b" "from: x.h" &&
	expect_error 8 "unknown key '\''from'\'' in a rename step; known keys: rename scope exclude code prose cocci kind message commits rationale comments gone"
'

test_expect_success 'an unknown step kind' '
	spec "step fix" "kind: bogus" "message: msg.txt" &&
	expect_exit 2 parse 2>"$TRASH/err" &&
	grep -x "$mig/migration:5: error: unknown step kind '\''bogus'\''; known kinds: move cocci rename script add" "$TRASH/err"
'

test_expect_success 'a file the spec names that does not exist' '
	spec "step fix" "kind: cocci" "message: msg.txt" "cocci: fix.cocci gone.cocci" "symbols: a" &&
	expect_error 7 "file gone.cocci does not exist in $mig"
'

test_expect_success 'a step without its kind' '
	spec "step fix" "message: msg.txt" "step two" "cocci: fix.cocci" &&
	expect_exit 2 parse 2>"$TRASH/err" &&
	printf "%s\n" "$mig/migration:4: error: step fix has no kind: line; add one of: move cocci rename script add" \
		"$mig/migration:7: error: key cocci before kind: in step two; put kind: first" \
		"$mig/migration:6: error: step two has no kind: line; add one of: move cocci rename script add" \
		"$mig/migration:6: error: step two has no message: line; name the file with its commit message" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err"
'

test_expect_success 'parts of a step apart from each other' '
	spec "step a" "kind: rename" "message: msg.txt" "rename: x y" \
		"step b" "kind: rename" "message: msg.txt" "rename: y z" \
		"step a" "kind: rename" "rename: z w" &&
	expect_exit 2 parse 2>"$TRASH/err" &&
	grep -x "$mig/migration:12: error: step a already appears at line 4; the parts of a step follow each other" "$TRASH/err"
'

test_expect_success 'a move from a header neither the tree nor an earlier step has' '
	mkdir -p "$TRASH/tree/inc" && : >"$TRASH/tree/inc/a.h" &&
	spec "step m1" "kind: move" "message: msg.txt" "from: inc/a.h" "to: inc/new.h" "create: yes" "names: X" \
		"step m2" "kind: move" "message: msg.txt" "from: inc/other.h" "to: inc/a.h" "names: Y" &&
	kdir=$TRASH/tree expect_error 14 "move from inc/other.h, which neither the tree nor an earlier step has; add the step that creates it first"
'

test_expect_success 'a header an earlier step creates can be moved from' '
	spec "step m1" "kind: move" "message: msg.txt" "from: inc/a.h" "to: inc/new.h" "create: yes" "names: X" \
		"step m2" "kind: move" "message: msg.txt" "from: inc/new.h" "to: inc/a.h" "names: X" &&
	parse "$TRASH/tree" >/dev/null
'

test_expect_success 'a move to a header nothing creates, without create: yes' '
	spec "step m1" "kind: move" "message: msg.txt" "from: inc/a.h" "to: inc/new.h" "names: X" &&
	kdir=$TRASH/tree expect_error 8 "move to inc/new.h, which neither the tree nor an earlier step has; add create: yes or the step that creates it"
'

test_expect_success 'no summary, no cover, no step' '
	printf "# empty\n" >"$mig/migration" &&
	expect_exit 2 parse 2>"$TRASH/err" &&
	printf "%s\n" "$mig/migration:1: error: no summary: line; say in one line what the migration does" \
		"$mig/migration:1: error: no cover: line; name the file with the cover letter'\''s subject and text" \
		"$mig/migration:1: error: no step; add one with '\''step NAME'\'' and its kind:" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err"
'

for name in $(cd "$TOOLKIT/cocci" && ls -d */ | tr -d /); do
	test_expect_success "the shipped spec $name parses" "
		awk -v dir='$TOOLKIT/cocci/$name' -v entries='$TOOLKIT/drivers-migrated/$name' \
			-f '$TOOLKIT/scripts/lib/spec.awk' '$TOOLKIT/cocci/$name/migration' >'$TRASH/out' &&
		grep -q '	step	' '$TRASH/out'
	"
done

test_expect_success 'make migrations lists each migration with its summary' '
	make -s -C "$TOOLKIT" migrations O="$TRASH/o" >"$TRASH/out" &&
	cut -c1-14 "$TRASH/out" >"$TRASH/names" &&
	printf "%-12s  \n" page-alloc timer-delete >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/names" &&
	grep -q "^page-alloc .*mm/page_alloc.h (selected)$" "$TRASH/out"
'

test_expect_success 'an unknown MIGRATION: exit 2, the known ones named, nothing created' '
	mkdir -p "$TRASH/k/mm" "$TRASH/k/include/linux" && : >"$TRASH/k/Makefile" &&
	git -C "$TRASH/k" init -q && git -C "$TRASH/k" add -A &&
	git -C "$TRASH/k" -c user.name=t -c user.email=t@t commit -q -m k &&
	expect_exit 2 env MIGRATION=nope KDIR="$TRASH/k" O="$TRASH/o2" "$TOOLKIT/scripts/apply/apply.sh" \
		>"$TRASH/out" 2>"$TRASH/err" &&
	echo "apply.sh: error: unknown MIGRATION=nope; known migrations: page-alloc timer-delete (make migrations)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err" &&
	test ! -e "$TRASH/o2/apply"
'

test_expect_success 'a key of one word with a second: refused, exit 2, the key and the fix named' '
	spec "step fix" "kind: move" "message: msg.txt" "from: a.h" "to: b.h junk" "names: x" &&
	expect_error 8 "key to takes one word, not '\''b.h junk'\''; remove what follows '\''b.h'\''"
'

test_expect_success 'message: with a second word is refused too, not ignored' '
	spec "step fix" "kind: rename" "message: msg.txt junk" "rename: a b" &&
	expect_error 6 "key message takes one word, not '\''msg.txt junk'\''; remove what follows '\''msg.txt'\''"
'

test_expect_success 'an unknown kind is one error, not one per key after it' '
	spec "step fix" "kind: movee" "message: msg.txt" "from: a.h" "to: b.h" "names: x" &&
	expect_error 5 "unknown step kind '\''movee'\''; known kinds: move cocci rename script add"
'

test_expect_success 'a spec with many errors: the first 20, then how many more' '
	spec "step fix" "kind: rename" "message: msg.txt" "rename: a b" &&
	i=0 && while [ $i -lt 1000 ]; do echo "bogus-$i: x"; i=$((i + 1)); done >>"$mig/migration" &&
	expect_exit 2 parse >"$TRASH/out" 2>"$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -eq 21 &&
	tail -n 1 "$TRASH/err" | grep -x "$mig/migration: error: and 980 more errors"
'

for m in page-alloc/ page-alloc//; do
	test_expect_success "MIGRATION=$m (tab completion) is page-alloc" "
		make -s -C '$TOOLKIT' migrations O='$TRASH/o' MIGRATION=$m >'$TRASH/out' &&
		grep -q '^page-alloc .*(selected)\$' '$TRASH/out'
	"
done

for m in ../cocci/page-alloc cocci/page-alloc /page-alloc; do
	test_expect_success "MIGRATION=$m: the unknown MIGRATION message, exit 2" "
		expect_exit 2 env MIGRATION=$m KDIR='$TRASH/k' O='$TRASH/o3' '$TOOLKIT/scripts/apply/apply.sh' \
			>'$TRASH/out' 2>'$TRASH/err' &&
		echo 'apply.sh: error: unknown MIGRATION=$m; known migrations: page-alloc timer-delete (make migrations)' >'$TRASH/want' &&
		test_cmp '$TRASH/want' '$TRASH/err'
	"
done

test_expect_success 'a step key too large for the environment its kind runs in: one error, exit 2' '
	spec "step fix" "kind: move" "message: msg.txt" "from: a.h" "to: b.h" &&
	i=0 && while [ $i -lt 100000 ]; do echo "names: name_$i"; i=$((i + 1)); done >>"$mig/migration" &&
	expect_exit 2 parse >"$TRASH/out" 2>"$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep -qx "$mig/migration:[0-9]*: error: step fix: its names: lines add up to more than 64 KiB, which its kind cannot take; use shell patterns (names: prefix_\*) or split the step" "$TRASH/err"
'

# A copy of the toolkit with a migration whose name is longer than the rest.
tk=$TRASH/toolkit
toolkit_copy "$tk" &&
cp -R "$tk/cocci/timer-delete" "$tk/cocci/a-migration-with-a-long-name" || exit 1
test_expect_success 'make migrations: the summaries line up after the longest name' '
	env TOOLKIT="$tk" O="$TRASH/o" "$tk/scripts/migrations.sh" >"$TRASH/out" &&
	test "$(wc -l <"$TRASH/out")" -eq 3 &&
	cut -c31- "$TRASH/out" | grep -c "^[^ ]" | grep -qx 3 &&
	cut -c29-30 "$TRASH/out" | sort -u | grep -qx "  "
'

test_done
