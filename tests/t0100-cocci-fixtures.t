#!/bin/sh
# The callers step on a small tree of our own fixtures (tests/cocci/): every
# FILE with a FILE.res must become exactly FILE.res (FILE.c.res is written
# FILE.res, as in Coccinelle's tests); every file without one must not change.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

tree=$TRASH/tree
fixtures=$TEST_DIR/cocci

make_tree() {
	rm -rf "$tree" && mkdir -p "$tree" &&
	(cd "$fixtures" && find . -type f ! -name '*.res' ! -name expected-warnings) |
		while read -r f; do
			mkdir -p "$tree/$(dirname "$f")" && cp "$fixtures/$f" "$tree/$f" || exit 1
		done &&
	git -C "$tree" init -q && git -C "$tree" add -A &&
	git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m fixtures
}

# expected FILE: the .res beside a fixture, or the fixture itself.
expected() {
	case $1 in
	*.c) res=$fixtures/${1%.c}.res ;;
	*) res=$fixtures/$1.res ;;
	esac
	[ -f "$res" ] && echo "$res" || echo "$fixtures/$1"
}

test_expect_success 'callers step runs on the fixture tree: calls left to a human, exit 1' '
	make_tree &&
	(cd "$tree" && MIGRATION=page-alloc expect_exit 1 "$TOOLKIT/scripts/apply/run-step.sh" callers) \
		>"$TRASH/out" 2>"$TRASH/err"
'

for f in $(cd "$fixtures" && find . -type f ! -name '*.res' ! -name expected-warnings | sed 's|^\./||' | sort); do
	test_expect_success "$f matches its expected result" "
		test_cmp \"\$(expected $f)\" \"\$tree/$f\"
	"
done

test_expect_success 'the nodemask call is warned about at its position, nothing else' '
	{ grep ": warning: " "$TRASH/err" >"$TRASH/warnings" || true; } &&
	test_cmp "$fixtures/expected-warnings" "$TRASH/warnings"
'

test_expect_success 'only files outside mm/ and include/ changed' '
	git -C "$tree" diff --name-only >"$TRASH/changed" &&
	! grep -E "^(mm|include)/" "$TRASH/changed" &&
	test "$(wc -l <"$TRASH/changed")" -eq 11
'

test_expect_success 'a second run changes nothing' '
	git -C "$tree" add -A &&
	(cd "$tree" && MIGRATION=page-alloc expect_exit 1 "$TOOLKIT/scripts/apply/run-step.sh" callers) >/dev/null 2>&1 &&
	git -C "$tree" diff --exit-code
'

test_done
