#!/bin/sh
# The folders show the flow, and every path the engine's scripts name by
# their own place resolves: each ". $(dirname "$0")/REL" from the script's
# folder, each literal "$TOOLKIT/PATH" from the top. Every folder of
# scripts/ has the GNUmakefile that refuses make there and, above the
# kinds' own folders (apply/kinds/README.md tells them), a README.md; every
# step kind spec.awk accepts has its folder, apply/kinds/KIND/KIND.sh.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

# dangling TOP: "FILE: PATH" for each path a tracked script of TOP names
# that is not there (tests left out: they run from tests/).
dangling() {
	(cd "$1" && git ls-files -z scripts check ci cocci Makefile '*.mk' |
		xargs -0 awk '
		FNR == 1 { dir = FILENAME; sub("/[^/]*$", "", dir); if (dir == FILENAME) dir = "." }
		match($0, /^\. "\$\(dirname "\$0"\)\/[^"$*]+"/) {
			rel = substr($0, RSTART + 19, RLENGTH - 20)
			print FILENAME "\t" dir "/" rel
		}
		{
			line = $0
			while (match(line, /\$TOOLKIT"?\/[A-Za-z0-9_.\/-]+/)) {
				p = substr(line, RSTART, RLENGTH)
				rest = substr(line, RSTART + RLENGTH, 1)
				line = substr(line, RSTART + RLENGTH)
				sub(/^\$TOOLKIT"?\//, "", p)
				# build/ and out/ are made at run time, not tracked.
				if (p ~ /^(build|out)(\/|$)/)
					continue
				if (rest != "$" && rest != "*" && rest != "{" && p !~ /\/$/)
					print FILENAME "\t" p
			}
		}' |
		sort -u | while IFS='	' read -r file path; do
			[ -e "$path" ] || echo "$file: $path"
		done)
}

test_expect_success 'the scripts name paths, and each resolves' '
	(cd "$TOOLKIT" && git ls-files -z scripts check ci | xargs -0 grep -c -E "dirname \"\\\$0\"\\)/|\\\$TOOLKIT" |
		awk -F: "{ n += \$2 } END { print n }") >"$TRASH/n" &&
	test "$(cat "$TRASH/n")" -gt 100 &&
	dangling "$TOOLKIT" >"$TRASH/dangling" &&
	test_cmp /dev/null "$TRASH/dangling"
'

test_expect_success 'a moved helper is found dangling, by file and path' '
	toolkit_copy "$TRASH/copy" &&
	mv "$TRASH/copy/scripts/apply/kinds/cocci/cocci-chunk.sh" "$TRASH/copy/scripts/apply/" &&
	mv "$TRASH/copy/scripts/lib/spec.awk" "$TRASH/copy/scripts/" &&
	git -C "$TRASH/copy" init -q &&
	git -C "$TRASH/copy" add -A &&
	dangling "$TRASH/copy" >"$TRASH/dangling" &&
	printf "%s\n" \
		"scripts/apply/cocci-chunk.sh: scripts/apply/../../../lib/lib.sh" \
		"scripts/apply/kinds/cocci/cocci-apply.sh: scripts/apply/kinds/cocci/cocci-chunk.sh" \
		"scripts/lib/spec.sh: scripts/lib/spec.awk" | sort >"$TRASH/expect" &&
	sort "$TRASH/dangling" >"$TRASH/actual" &&
	test_cmp "$TRASH/expect" "$TRASH/actual"
'

test_expect_success 'every folder of scripts/ refuses make, and has a README.md' '
	(cd "$TOOLKIT" && find scripts -type d | sort) >"$TRASH/dirs" &&
	test "$(wc -l <"$TRASH/dirs")" -ge 12 &&
	while read -r d; do
		case $d in
		scripts/apply/kinds/*) ;;
		*) test -f "$TOOLKIT/$d/README.md" || echo "$d: no README.md" ;;
		esac
		test "$(readlink -f "$TOOLKIT/$d/GNUmakefile")" = "$TOOLKIT/scripts/no-make-here.mk" ||
			echo "$d: no GNUmakefile linking to scripts/no-make-here.mk"
	done <"$TRASH/dirs" >"$TRASH/missing" &&
	test_cmp /dev/null "$TRASH/missing"
'

test_expect_success 'each kind spec.awk accepts has its folder, and no folder is left over' '
	sed -n "s/^[[:space:]]*allow(\"\([a-z]*\)\", .*/\1/p" "$TOOLKIT/scripts/lib/spec.awk" |
		grep -v -x -e top -e step | sort >"$TRASH/kinds" &&
	test "$(wc -l <"$TRASH/kinds")" -eq 5 &&
	(cd "$TOOLKIT/scripts/apply/kinds" && for k in */; do k=${k%/}; test -x "$k/$k.sh" && echo "$k"; done) | sort >"$TRASH/folders" &&
	test_cmp "$TRASH/kinds" "$TRASH/folders"
'

test_done
