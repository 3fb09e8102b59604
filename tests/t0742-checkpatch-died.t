#!/bin/sh
# When the tree's checkpatch.pl dies (a python traceback from its SPDX
# check, say) or prints errors, series-checkpatch.sh exits 2 with
# checkpatch's own messages and one line of its own naming how many runs
# failed and the fix; no finding is printed as if the patch were checked.
# A checkpatch.pl of our own in a tree of our own.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

tree=$TRASH/tree
mkdir -p "$tree/scripts" || exit 1
# checkpatch.pl: fails as $CK_MODE says, on the patches whose name has "bad".
cat >"$tree/scripts/checkpatch.pl" <<'PERL' || exit 1
my $p = $ARGV[-1];
if ($p =~ /bad/ && $ENV{CK_MODE} eq 'die') {
	print STDERR "Traceback (most recent call last): no module named ply\n";
	exit 255;
}
if ($p =~ /bad/ && $ENV{CK_MODE} eq 'stderr') {
	print STDERR "spdxcheck.py: cannot run\n";
}
exit 0;
PERL
for name in good bad; do
	printf '%s\n' "From: A <a@example.org>" "Subject: [PATCH] $name" "" \
		"diff --git a/f b/f" "--- a/f" "+++ b/f" "@@ -1 +1 @@" "-a" "+b" >"$TRASH/$name.patch" || exit 1
done
fix="its SPDX check needs Debian's python3-ply and python3-git ('make deps')"

test_expect_success 'checkpatch.pl clean on both: exit 0, the summary' '
	env J=2 CK_MODE=none "$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$tree" \
		"$TRASH/good.patch" "$TRASH/bad.patch" >"$TRASH/ok.out" 2>"$TRASH/ok.err" &&
	echo "series-checkpatch.sh: checkpatch.pl on 2 patch(es): 0 error(s), 0 warning(s)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/ok.out"
'

test_expect_success 'checkpatch.pl dies on one: exit 2, its traceback, one line naming 1 of 2 and the fix' '
	expect_exit 2 env J=2 CK_MODE=die "$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$tree" \
		"$TRASH/good.patch" "$TRASH/bad.patch" >"$TRASH/die.out" 2>"$TRASH/die.err" &&
	test_cmp /dev/null "$TRASH/die.out" &&
	printf "%s\n" "Traceback (most recent call last): no module named ply" \
		"checkpatch-parts.sh: error: checkpatch.pl failed on 1 of 2 run(s) (its messages above); $fix" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/die.err"
'

test_expect_success 'checkpatch.pl exits 0 but prints an error: exit 2 too' '
	expect_exit 2 env J=1 CK_MODE=stderr "$TOOLKIT/check/checkpatch/series-checkpatch.sh" "$tree" \
		"$TRASH/bad.patch" >"$TRASH/err.out" 2>"$TRASH/err.err" &&
	test_cmp /dev/null "$TRASH/err.out" &&
	printf "%s\n" "spdxcheck.py: cannot run" \
		"checkpatch-parts.sh: error: checkpatch.pl printed errors (above), so some of its checks did not run; $fix" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err.err"
'

test_done
