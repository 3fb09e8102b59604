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
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/result.sh"

[ $# -eq 2 ] || die "usage: $prog COMMITS CHECKS"
commits=$1 checks=$2
total=$(find "$commits" -mindepth 1 -maxdepth 1 -type d | wc -l)

failed=0 errors=0 skipped=0 passed=0 first=
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
		FAILED) failed=$((failed + 1)) ;;
		*) errors=$((errors + 1)) ;;
		esac
		case $c in FAILED | ERROR)
			[ -n "$first" ] || first="commit $n/$total $(cat "$dir/short") \"$(cat "$dir/subject")\": $check: $(cat "$dir/$check.first")"
		esac
	done
	printf ' %s\n' "$(cat "$dir/subject")"
done
echo "#"
echo "# make ci: $total commit(s): $passed check(s) passed, $failed failed, $errors could not run, $skipped skipped"
if [ $errors -gt 0 ]; then
	echo "# make ci: ERROR: a check could not run; first at $first"
	exit 2
elif [ $failed -gt 0 ]; then
	echo "# make ci: FAILED: first failing $first"
	exit 1
fi
echo "# make ci: ok"
