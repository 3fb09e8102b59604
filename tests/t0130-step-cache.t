#!/bin/sh
# The step cache (scripts/lib/step-cache.sh) on the callers step over our
# fixture tree: a second run on the same tree is a replay with the same
# edits, the same stdout and stderr and the same exit status (1: calls left
# to a human); CACHE=0 runs the step and keeps nothing; a changed toolkit
# file (a copy of the toolkit with one spec comment added) is a new key; a
# tree with uncommitted changes is never replayed. A step that runs reads
# its spec once (an awk in PATH counts the spec reader's runs).
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

tree=$TRASH/tree
o=$TRASH/o
make -s -C "$TOOLKIT" tools O="$o" >/dev/null || exit 1
spec_sum=$(cksum <"$TOOLKIT/cocci/page-alloc/migration")
entries() { ls "$o/cache/steps" 2>/dev/null | wc -l; }
# callers TOOLKIT NAME [VAR=VALUE...]: the callers step on a fresh fixture
# tree; its stdout, stderr, exit status and diff in $TRASH/NAME.*
callers() {
	toolkit=$1 name=$2
	shift 2
	rm -rf "$tree" && mkdir -p "$tree" && cp -R "$TEST_DIR/cocci/." "$tree" &&
	find "$tree" \( -name "*.res" -o -name expected-warnings \) -exec rm {} + &&
	git -C "$tree" init -q && git -C "$tree" add -A &&
	git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m fixtures &&
	(cd "$tree" && env TOOLKIT="$toolkit" MIGRATION=page-alloc O="$o" "$@" "$toolkit/scripts/apply/run-step.sh" callers \
		>"$TRASH/$name.out" 2>"$TRASH/$name.err"
	echo $? >"$TRASH/$name.rc") &&
	git -C "$tree" add -N . && git -C "$tree" diff >"$TRASH/$name.diff"
}

test_expect_success 'a first run: the step runs, one entry kept' '
	callers "$TOOLKIT" first &&
	test "$(cat "$TRASH/first.rc")" -eq 1 &&
	test -s "$TRASH/first.diff" &&
	grep -q "^callers: spatch over [0-9]* files, " "$TRASH/first.err" &&
	test "$(entries)" -eq 1
'

test_expect_success 'a second run: the same edits, output and exit status, no new entry' '
	callers "$TOOLKIT" second &&
	for f in rc diff out err; do test_cmp "$TRASH/first.$f" "$TRASH/second.$f" || exit 1; done &&
	test "$(entries)" -eq 1
'

test_expect_success 'CACHE=0: the same result, nothing kept' '
	rm -rf "$o/cache" &&
	callers "$TOOLKIT" nocache CACHE=0 &&
	for f in rc diff out err; do test_cmp "$TRASH/first.$f" "$TRASH/nocache.$f" || exit 1; done &&
	test "$(entries)" -eq 0
'

# A copy of the toolkit, changed there: never the toolkit under test.
tk=$TRASH/toolkit
toolkit_copy "$tk" || exit 1
test_expect_success 'a toolkit file changed: a new key, the step runs again' '
	callers "$TOOLKIT" again &&
	test "$(entries)" -eq 1 &&
	echo "# a comment" >>"$tk/cocci/page-alloc/migration" &&
	callers "$tk" changed &&
	test "$(entries)" -eq 2 &&
	test_cmp "$TRASH/first.diff" "$TRASH/changed.diff"
'

test_expect_success 'uncommitted changes in the tree: no replay, nothing kept' '
	rm -rf "$o/cache" &&
	rm -rf "$tree" && mkdir -p "$tree" && cp -R "$TEST_DIR/cocci/." "$tree" &&
	git -C "$tree" init -q && git -C "$tree" add -A &&
	git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m fixtures &&
	echo "/* local */" >>"$tree/drivers/fixture/one_line.c" &&
	{ (cd "$tree" && env MIGRATION=page-alloc O="$o" "$TOOLKIT/scripts/apply/run-step.sh" callers) >/dev/null 2>&1
	  test $? -le 1; } &&
	test "$(entries)" -eq 0
'

# An awk in PATH that notes each run of the spec reader, then is awk.
mkdir -p "$TRASH/bin" && cat >"$TRASH/bin/awk" <<EOF || exit 1
#!/bin/sh
case " \$* " in *spec.awk*) echo "\$*" >>"$TRASH/spec-reads" ;; esac
exec $(command -v awk) "\$@"
EOF
chmod +x "$TRASH/bin/awk" || exit 1

test_expect_success 'one step, run and not replayed, reads its spec once' '
	rm -f "$TRASH/spec-reads" &&
	callers "$TOOLKIT" traced CACHE=0 PATH="$TRASH/bin:$PATH" &&
	test_cmp "$TRASH/first.diff" "$TRASH/traced.diff" &&
	test "$(wc -l <"$TRASH/spec-reads")" -eq 1
'

test_expect_success 'the toolkit under test is untouched' '
	test "$(cksum <"$TOOLKIT/cocci/page-alloc/migration")" = "$spec_sum"
'

test_done
