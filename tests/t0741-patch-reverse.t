#!/bin/sh
# The two awk scripts behind series-checkpatch.sh's notes, on a patch of
# our own: patch-reverse.awk turns the hunks around and nothing else (a
# removed line that reads "-- x" is a hunk's line, format-patch's "-- "
# signature after the last hunk is not); checkpatch-kept.awk keeps a
# finding on a file's header that the reversed patch has too, never one on
# the message or the trailer (a missing Signed-off-by is the patch's own).
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

cat >"$TRASH/p.patch" <<'EOT' || exit 1
From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
Subject: [PATCH] x: a test

A body.
---
 x.c | 2 ++
 y.c | 2 +-

diff --git a/x.c b/x.c
new file mode 100644
--- /dev/null
+++ b/x.c
@@ -0,0 +1,2 @@
+int x;
+-- y
diff --git a/y.c b/y.c
--- a/y.c
+++ b/y.c
@@ -1,3 +1,3 @@
 a
--- gone
+int kept;
 b
-- 
2.39.5

EOT

test_expect_success 'patch-reverse.awk: the hunks turned around, headers and trailer as they were' '
	awk -f "$TOOLKIT/check/checkpatch/patch-reverse.awk" "$TRASH/p.patch" >"$TRASH/r.patch" &&
	sed -n "11,25p" "$TRASH/r.patch" >"$TRASH/have" &&
	cat >"$TRASH/want" <<-\EOT &&
	--- a/x.c
	+++ /dev/null
	@@ -1,2 +0,0 @@
	-int x;
	--- y
	diff --git a/y.c b/y.c
	--- a/y.c
	+++ b/y.c
	@@ -1,3 +1,3 @@
	 a
	+-- gone
	-int kept;
	 b
	-- 
	2.39.5
	EOT
	test_cmp "$TRASH/want" "$TRASH/have" &&
	sed -n "1,10p" "$TRASH/p.patch" >"$TRASH/want" &&
	sed -n "1,10p" "$TRASH/r.patch" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

# kept FINDINGS REVERSED: checkpatch-kept.awk on p.patch, each argument a
# list of "LINE TYPE" lines given as one string.
kept() {
	printf '%s\n' "$1" >"$TRASH/new" && printf '%s\n' "$2" >"$TRASH/old" &&
	awk -f "$TOOLKIT/check/checkpatch/checkpatch-kept.awk" "$TRASH/p.patch" "$TRASH/old" "$TRASH/new"
}

test_expect_success 'checkpatch-kept.awk: a header finding both have is kept' '
	kept "12 FILE_OBSOLETE" "12 FILE_OBSOLETE" >"$TRASH/have" &&
	echo "12 FILE_OBSOLETE" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'checkpatch-kept.awk: a finding on the trailer or the message is never kept' '
	kept "$(printf "%s\n" "26 MISSING_SIGN_OFF" "4 COMMIT_MESSAGE")" \
		"$(printf "%s\n" "26 MISSING_SIGN_OFF" "4 COMMIT_MESSAGE")" >"$TRASH/have" &&
	test ! -s "$TRASH/have"
'

test_expect_success 'checkpatch-kept.awk: an added line keeps the finding of the line it replaces' '
	kept "22 SPACING" "21 SPACING" >"$TRASH/have" &&
	echo "22 SPACING" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_done
