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

mkdir -p "$TRASH/tree" && printf 'int a;\nint b; /* XXX */\n' >"$TRASH/tree/x.c" || exit 1
test_expect_success 'a folder added is a check, where its Order puts it' '
	plugin style 20 "grep -n XXX \"\$1\"/x.c | sed \"s|^\\([0-9]*\\):.*|x.c:\\1:8: error: XXX left ([\$CHECK_MODE] \$2..\$3)|\"; exit 1" &&
	list | cut -d" " -f1 | tr "\n" " " >"$TRASH/have" &&
	printf "leaks api style checkpatch build " >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/have"
'

test_expect_success 'run-check.sh: its findings, rc 1, the first error, a time; the folder its own' '
	env CHECK_MODE=commit TOOLKIT="$tk" "$tk/check/run-check.sh" style "$TRASH/tree" B R "$TRASH/r" &&
	echo "x.c:2:8: error: XXX left ([commit] B..R)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/r/style.out" &&
	echo 1 >"$TRASH/want" && test_cmp "$TRASH/want" "$TRASH/r/style.rc" &&
	echo "x.c:2:8: error: XXX left ([commit] B..R)" >"$TRASH/want" &&
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

test_done
