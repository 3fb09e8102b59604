#!/bin/sh
# The engine (scripts, C programs, checks, CI, the Makefile) names nothing
# of a particular migration: page-alloc's words appear only in its own
# directories (cocci/page-alloc/, drivers-migrated/page-alloc/), the tests
# and the documentation.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

words='alloc_pages|ALLOC_|internal\.h|page_alloc|gfp'

# engine_files: the engine's tracked files, documentation left out.
engine_files() {
	git -C "$TOOLKIT" ls-files Makefile '*.mk' scripts src check ci .ci |
		grep -v -E '(\.md|/README[^/]*)$'
}

test_expect_success 'the engine has files to look at' '
	engine_files >"$TRASH/files" &&
	grep -qx scripts/lib/steps.sh "$TRASH/files" &&
	grep -qx src/cscan/leak.c "$TRASH/files" &&
	grep -qx check/affected.sh "$TRASH/files" &&
	test "$(wc -l <"$TRASH/files")" -gt 60
'

test_expect_success "no engine file names $words" '
	{ engine_files | (cd "$TOOLKIT" && xargs grep -n -E "$words") >"$TRASH/hits" || true; } &&
	test_cmp /dev/null "$TRASH/hits"
'

test_expect_success 'the search finds a word where there is one' '
	(cd "$TOOLKIT" && grep -c -E "$words" cocci/page-alloc/migration) >"$TRASH/n" &&
	test "$(cat "$TRASH/n")" -gt 5
'

test_done
