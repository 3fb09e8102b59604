#!/bin/sh
# timer-delete's switch step, both ways, on the Debian 6.12 tree: the rename
# kind (positions from cscan refs, no spatch) and its semantic patch
# (the spec's cocci:, del_timer.cocci) under the kernel's own "make
# coccicheck MODE=patch", applied. The same code files and lines change,
# with the same tokens (whitespace aside: the step's lines get
# checkpatch.pl's spacing fixes, "del_timer( &t )" becoming
# "timer_delete(&t)", which spatch leaves as they were), but for two
# reasons, each checked exactly on 6.12:
# - spatch matches nothing in a function it cannot parse (its error
#   recovery skips it): four calls the rename kind renames and coccicheck
#   leaves (listed below; spatch --parse-c shows the parse errors there);
# - spatch re-indents the continuation line of a call it renames
#   (net/sctp/outqueue.c:1635, "[SCTP_EVENT_TIMEOUT_T5_SHUTDOWN_GUARD]))"
#   aligned to the shorter name); the rename kind leaves it, byte-minimal.
# Every reference either way is a call: outside
# include/linux/timer.h (the step's exclude:) 6.12 has no other use of the
# old names (a function pointer, which the rename kind renames and the
# semantic patch's "(...)" would not match).
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
use_scratch_clone
base=$(git -C "$kdir" rev-parse HEAD)

# changed_lines: "path:line" of every line the change touches in a .c or .h
# file, numbered in the tree as it was.
changed_lines() {
	git -C "$kdir" diff -U0 -- '*.c' '*.h' | awk '
		/^\+\+\+ b\// { f = substr($0, 7) }
		/^@@ / {
			split(substr($2, 2), a, ",")
			n = (2 in a) ? a[2] : 1
			for (i = 0; i < n; i++) print f ":" (a[1] + i)
		}' | sort
}
# added_tokens: "path: the added line without whitespace", sorted.
added_tokens() {
	git -C "$kdir" diff -U0 -- '*.c' '*.h' | awk '
		/^\+\+\+ b\// { f = substr($0, 7); next }
		/^\+/ { s = substr($0, 2); gsub(/[ \t]/, "", s); print f ": " s }' | sort
}
reset_tree() {
	git -C "$kdir" checkout -q --detach -f "$base" && git -C "$kdir" clean -q -fd
}

cat >"$TRASH/unparsed" <<'EOF'
drivers/input/keyboard/tegra-kbc.c:419
drivers/input/touchscreen/tsc200x-core.c:391
drivers/scsi/megaraid/megaraid_sas_base.c:7921
net/ax25/ax25_ds_timer.c:47
EOF
echo net/sctp/outqueue.c:1635 >"$TRASH/realigned"

test_expect_success 'the rename kind: make apply STEPS=switch' '
	reset_tree &&
	make -s -C "$TOOLKIT" apply MIGRATION=timer-delete STEPS=switch KDIR="$kdir" O="$o" \
		>"$TRASH/apply.out" 2>"$TRASH/apply.err" &&
	changed_lines >"$TRASH/rename.lines" &&
	added_tokens >"$TRASH/rename.added" &&
	test "$(wc -l <"$TRASH/rename.lines")" -gt 1000
'

test_expect_success 'the semantic patch: make coccicheck MODE=patch, applied' '
	reset_tree &&
	make -s -C "$kdir" coccicheck MODE=patch J="${J:-2}" \
		COCCI="$TOOLKIT/cocci/timer-delete/del_timer.cocci" >"$TRASH/cc.patch" 2>"$TRASH/cc.err" &&
	(cd "$kdir" && git apply -p1 "$TRASH/cc.patch") &&
	changed_lines >"$TRASH/cocci.lines" &&
	added_tokens >"$TRASH/cocci.added" &&
	reset_tree
'

test_expect_success 'the semantic patch changes one line more: a continuation line it re-indents' '
	comm -13 "$TRASH/rename.lines" "$TRASH/cocci.lines" >"$TRASH/only-cocci" &&
	test_cmp "$TRASH/realigned" "$TRASH/only-cocci"
'

test_expect_success 'the rename kind changes more only where spatch could not parse: four calls' '
	comm -23 "$TRASH/rename.lines" "$TRASH/cocci.lines" >"$TRASH/only-rename" &&
	test_cmp "$TRASH/unparsed" "$TRASH/only-rename"
'

test_expect_success 'the same files change, less the one whose only call spatch missed' '
	cut -d: -f1 "$TRASH/rename.lines" | sort -u >"$TRASH/rename.files" &&
	cut -d: -f1 "$TRASH/cocci.lines" | sort -u >"$TRASH/cocci.files" &&
	comm -23 "$TRASH/rename.files" "$TRASH/cocci.files" >"$TRASH/only-rename.files" &&
	echo net/ax25/ax25_ds_timer.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/only-rename.files"
'

test_expect_success 'the common lines become the same tokens (whitespace aside)' '
	for f in $(cut -d: -f1 "$TRASH/unparsed" "$TRASH/realigned"); do
		grep -v "^$f: " "$TRASH/rename.added" >"$TRASH/r" && mv "$TRASH/r" "$TRASH/rename.added"
		grep -v "^$f: " "$TRASH/cocci.added" >"$TRASH/c" && mv "$TRASH/c" "$TRASH/cocci.added"
	done &&
	test_cmp "$TRASH/cocci.added" "$TRASH/rename.added"
'

test_expect_success 'every reference the rename kind renamed is a call' '
	awk "{ s = \$0; sub(/^[^:]*: /, \"\", s)
		while (match(s, /timer_delete(_sync)?/)) {
			if (substr(s, RSTART + RLENGTH, 1) != \"(\") { print; break }
			s = substr(s, RSTART + RLENGTH)
		} }" "$TRASH/rename.added" >"$TRASH/noncall" &&
	test_cmp /dev/null "$TRASH/noncall"
'

test_done
