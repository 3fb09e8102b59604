#!/bin/sh
# The summary of a make ci run, as TAP comments: a table with a row per
# commit and a column per check, then the verdict, which names the first
# failing commit and its first error.
#
#   summary.sh COMMITS CHECKS
#
# COMMITS: ci/ci.sh's directory of per-commit results (NNNN/ each, with
# short, subject, CHECK.rc, CHECK.skip, CHECK.first); CHECKS: the check
# names, in one argument.
# Exit: 0 every check passed, 1 one failed, 2 one could not run.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=ci/ci-result.sh
. "$(dirname "$0")/ci-result.sh"

[ $# -eq 2 ] || die "usage: $prog COMMITS CHECKS"
commits=$1 checks=$2
total=$(find "$commits" -mindepth 1 -maxdepth 1 -type d | wc -l)

# where DIR CHECK: the commit and its check's first error, for the verdict.
where() {
	printf 'commit %s/%s %s "%s": %s: %s' "$n" "$total" "$(cat "$1/short")" "$(cat "$1/subject")" \
		"$2" "$(cat "$1/$2.first")"
}

failed=0 errors=0 skipped=0 passed=0 first_failed='' first_error=''
echo "#"
printf '# %4s  %-12s' '' commit
for check in $checks; do printf ' %-10s' "$check"; done
printf ' %s\n' subject
for dir in "$commits"/*/; do
	dir=${dir%/}
	n=${dir##*/}
	n=${n#"${n%%[!0]*}"}
	printf '# %4s  %-12s' "$n" "$(cat "$dir/short")"
	for check in $checks; do
		c=$(result "$dir" "$check")
		printf ' %-10s' "$c"
		case $c in
		ok) passed=$((passed + 1)) ;;
		skip) skipped=$((skipped + 1)) ;;
		FAILED)
			failed=$((failed + 1))
			[ -n "$first_failed" ] || first_failed=$(where "$dir" "$check") ;;
		*)
			errors=$((errors + 1))
			[ -n "$first_error" ] || first_error=$(where "$dir" "$check") ;;
		esac
	done
	printf ' %s\n' "$(cat "$dir/subject")"
done
echo "#"
echo "# make ci: $total commit(s): $passed check(s) passed, $failed failed, $errors could not run, $skipped skipped"
[ $failed -eq 0 ] || printf '# make ci: FAILED: first failing %s\n' "$first_failed"
[ $errors -eq 0 ] || printf '# make ci: ERROR: a check could not run; first at %s\n' "$first_error"
[ $errors -eq 0 ] || exit 2
[ $failed -eq 0 ] || exit 1
echo "# make ci: ok"
