#!/bin/sh
# The checks as plug-ins (check/plugins.sh): make check and make ci find
# them as folders under check/, in the order their headers say; a folder
# added to a copy of the toolkit is a check of both, and check/run-check.sh
# leaves NIPA's files for it: out, rc, first, skip, time.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

isolate_git_config

tk=$TRASH/toolkit
toolkit_copy "$tk" || exit 1
# run_check ARG...: the copy's run-check.sh. list [KEY]: its check_list,
# one "NAME FOLDER" a line.
run_check() { env TOOLKIT="$tk" "$tk/check/run-check.sh" "$@"; }
list() { (TOOLKIT=$tk && . "$tk/check/plugins.sh" && check_list "$@"); }
# plugin FOLDER ORDER BODY: check/FOLDER/run in the copy, BODY its shell.
plugin() {
	mkdir -p "$tk/check/$1" &&
	printf '#!/bin/sh\n# Order: %s\n%s\n' "$2" "$3" >"$tk/check/$1/run" &&
	chmod +x "$tk/check/$1/run"
}

test_expect_success 'the shipped checks, in order: the scanner'"'"'s two, checkpatch, build' '
	list >"$TRASH/have" &&
	printf "%s\n" "leaks scan" "api scan" "checkpatch checkpatch" "build build" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	list Parent-tree >"$TRASH/have" &&
	printf "%s\n" "leaks scan" "api scan" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

mkdir -p "$TRASH/tree" && printf 'int a;\nint b; old_call();\n' >"$TRASH/tree/x.c" || exit 1
test_expect_success 'a folder added is a check, where its Order puts it' '
	plugin style 20 "grep -n old_call \"\$1\"/x.c | sed \"s|^\\([0-9]*\\):.*|x.c:\\1:8: error: old_call left ([\$CHECK_MODE] \$2..\$3)|\"; exit 1" &&
	list | cut -d" " -f1 | tr "\n" " " >"$TRASH/have" &&
	printf "leaks api style checkpatch build " >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'run-check.sh: its findings, rc 1, the first error, a time; the folder its own' '
	env CHECK_MODE=commit TOOLKIT="$tk" "$tk/check/run-check.sh" style "$TRASH/tree" B R "$TRASH/r" &&
	echo "x.c:2:8: error: old_call left ([commit] B..R)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/r/style.out" &&
	echo 1 >"$TRASH/want" && test_cmp "$TRASH/want" "$TRASH/r/style.rc" &&
	echo "x.c:2:8: error: old_call left ([commit] B..R)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/r/style.first" &&
	grep -qx "[0-9][0-9]*" "$TRASH/r/style.time" &&
	test ! -e "$TRASH/r/style.skip" &&
	test -d "$TRASH/r/style"
'

test_expect_success 'a check that does not apply: skip with its reason, rc 0' '
	plugin root 50 "echo \"a root commit: nothing to compare\" >\"\$4/skip\"" &&
	run_check root "$TRASH/tree" "" R "$TRASH/r" &&
	echo "a root commit: nothing to compare" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/r/root.skip" &&
	echo 0 >"$TRASH/want" && test_cmp "$TRASH/want" "$TRASH/r/root.rc"
'

test_expect_success 'a check that cannot run: rc 2, its last line first; --live passes its stderr on' '
	plugin broken 60 "echo progress >&2; echo \"broken: error: no tool\"; exit 7" &&
	run_check --live broken "$TRASH/tree" B R "$TRASH/r" >"$TRASH/out" 2>"$TRASH/err" &&
	echo 2 >"$TRASH/want" && test_cmp "$TRASH/want" "$TRASH/r/broken.rc" &&
	echo "broken: error: no tool" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/r/broken.first" &&
	test_cmp "$TRASH/want" "$TRASH/out" &&
	echo progress >"$TRASH/want" && test_cmp "$TRASH/want" "$TRASH/err"
'

test_expect_success 'an unknown check: exit 2, the known ones named' '
	expect_exit 2 run_check nonesuch "$TRASH/tree" B R "$TRASH/r" 2>"$TRASH/err" &&
	echo "run-check.sh: error: unknown check '"'"'nonesuch'"'"'; known: leaks api style checkpatch build root broken" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err"
'

# The checkpatch check on a tiny git tree whose checkpatch.pl counts its
# runs and finds a trailing space in the added lines of a new file.
kt=$TRASH/kt
mkdir -p "$kt/scripts" && : >"$kt/MAINTAINERS" &&
cat >"$kt/scripts/checkpatch.pl" <<'PL' &&
my $f = $ARGV[-1];
open(my $c, ">>", $ENV{T0615_RUNS}) or die; print $c "run\n"; close($c);
open(my $p, "<", $f) or die; my @l = <$p>; my $rc = 0;
exit 0 unless grep { /^new file mode/ } @l;
for my $n (1 .. @l) { if ($l[$n - 1] =~ /^\+int .* $/) { print "$f:$n: ERROR:TRAILING_WHITESPACE: trailing whitespace\n"; $rc = 1; } }
exit $rc;
PL
git -C "$kt" init -q && git -C "$kt" add -A && git -C "$kt" -c user.name=t -c user.email=t@t commit -qm base &&
printf 'int x; \n' >"$kt/x.c" && git -C "$kt" add -A &&
git -C "$kt" -c user.name=t -c user.email=t@t commit -qm "x: add" || exit 1
T0615_RUNS=$TRASH/runs && export T0615_RUNS
# checkpatch DIR: the check in make ci's mode, of the tiny tree's HEAD
# against its parent, its files in DIR; stdout in DIR.out, stderr DIR.err.
checkpatch() {
	mkdir -p "$1" &&
	env CHECK_NAME=checkpatch CHECK_MODE=commit CHECK_CACHE="$TRASH/cache" \
		"$TOOLKIT/check/checkpatch/run" "$kt" "$(git -C "$kt" rev-parse HEAD^)" \
		"$(git -C "$kt" rev-parse HEAD)" "$1" >"$1.out" 2>"$1.err"
}

test_expect_success 'checkpatch: the finding in the commit'"'"'s patch, exit 1' '
	expect_exit 1 checkpatch "$TRASH/c1" &&
	grep -x "$TRASH/c1/patch:[0-9]*:1: error: trailing whitespace \[TRAILING_WHITESPACE\]" "$TRASH/c1.out" &&
	test -s "$TRASH/runs"
'

test_expect_success 'the same commit again, elsewhere: from the cache, with its own paths, checkpatch.pl not run' '
	: >"$TRASH/runs" &&
	expect_exit 1 checkpatch "$TRASH/c2" &&
	sed "s|$TRASH/c1/|$TRASH/c2/|" "$TRASH/c1.out" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/c2.out" &&
	test ! -s "$TRASH/runs" &&
	grep -q "^checkpatch: checkpatch.pl.s findings from $TRASH/cache/checkpatch-" "$TRASH/c2.err"
'

test_done
