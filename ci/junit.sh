#!/bin/sh
# JUnit XML of a make ci run, on stdout: one testsuite per commit (named by
# its short hash and subject), one testcase per check, with the check's
# findings in <failure> (or <error> when it could not run, <skipped> when it
# did not apply). Jenkins, GitLab and GitHub test reporters read it.
#
#   junit.sh COMMITS CHECKS
#
# COMMITS and CHECKS as for ci/summary.sh; CHECK.out and CHECK.time too.
# Exit 0, 2 on a usage error.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"
# shellcheck source=ci/ci-result.sh
. "$(dirname "$0")/ci-result.sh"

[ $# -eq 2 ] || die "usage: $prog COMMITS CHECKS"
commits=$1 checks=$2

# xml: text made safe for an attribute or an element: valid UTF-8 only
# (a compiler may quote a Latin-1 source line), no control characters XML
# 1.0 forbids, and the five escapes.
xml() {
	iconv -f UTF-8 -t UTF-8 -c | tr -d '\000-\010\013\014\016-\037' |
		sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' -e "s/'/\&apos;/g"
}
attr() { printf '%s' "$1" | xml | tr '\n' ' '; }

# count DIR...: "tests failures errors skipped" over DIRs' checks.
count() {
	for d; do
		[ -d "$d" ] || continue
		for check in $checks; do result "$d" "$check"; done
	done | awk '{ n++; c[$1]++ } END { printf "tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\"", n, c["FAILED"], c["ERROR"], c["skip"] }'
}
# time_of DIR...: the seconds DIRs' checks took.
time_of() {
	for d; do
		[ -d "$d" ] || continue
		for check in $checks; do cat "$d/$check.time" 2>/dev/null || echo 0; done
	done | awk '{ t += $1 } END { print t + 0 }'
}

echo '<?xml version="1.0" encoding="UTF-8"?>'
printf '<testsuites name="make ci" %s time="%d">\n' "$(count "$commits"/*/)" "$(time_of "$commits"/*/)"
for dir in "$commits"/*/; do
	[ -d "$dir" ] || continue
	short=$(cat "$dir/short")
	name=$(attr "$short $(cat "$dir/subject")")
	printf '  <testsuite name="%s" id="%s" %s time="%d">\n' \
		"$name" "$(cat "$dir/commit")" "$(count "$dir")" "$(time_of "$dir")"
	for check in $checks; do
		printf '    <testcase classname="%s" name="%s" time="%d"' \
			"$(attr "ci.$short")" "$check" "$(cat "$dir$check.time" 2>/dev/null || echo 0)"
		case $(result "$dir" "$check") in
		ok) echo '/>'; continue ;;
		skip)
			printf '>\n      <skipped message="%s"/>\n    </testcase>\n' "$(attr "$(cat "$dir$check.skip")")"
			continue ;;
		FAILED) tag=failure ;;
		*) tag=error ;;
		esac
		printf '>\n      <%s message="%s" type="%s">' "$tag" "$(attr "$(cat "$dir$check.first")")" "$check"
		findings "$dir$check.out" | xml
		printf '</%s>\n    </testcase>\n' "$tag"
	done
	echo '  </testsuite>'
done
echo '</testsuites>'
