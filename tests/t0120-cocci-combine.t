#!/bin/sh
# scripts/apply/kinds/cocci/cocci-combine.awk: several semantic patches as one, for one spatch
# run per file. Each file's python functions get the file's number, in its
# own python code only; spatch parses the result; a rule name two files use
# is refused, naming both.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

combine() { awk -f "$TOOLKIT/scripts/apply/kinds/cocci/cocci-combine.awk" "$@"; }
a=$TOOLKIT/cocci/timer-delete/del_timer.cocci

cat >"$TRASH/b.cocci" <<'EOF'
virtual report

@initialize:python@
@@
count = 0
def found(p):
    print("%s:%s: found" % (p[0].file, p[0].line))

@other depends on report@
position p;
@@
 found_here@p(...)

@script:python depends on report@
p << other.p;
@@
found(p)
EOF

test_expect_success 'each file keeps its own python functions and globals' '
	combine "$a" "$TRASH/b.cocci" >"$TRASH/all.cocci" &&
	grep -c "^def found_1(p, old, new, mode):\$" "$TRASH/all.cocci" >"$TRASH/n1" &&
	grep -q "^found_1(p, \"del_timer\", \"timer_delete\", \"report\")\$" "$TRASH/all.cocci" &&
	grep -q "^def found_2(p):\$" "$TRASH/all.cocci" &&
	grep -q "^count_2 = 0\$" "$TRASH/all.cocci" &&
	grep -q "^found_2(p)\$" "$TRASH/all.cocci" &&
	echo 1 >"$TRASH/want" && test_cmp "$TRASH/want" "$TRASH/n1"
'

test_expect_success 'the SmPL outside python is untouched: a C name like a python one stays' '
	grep -q "^ found_here@p(...)\$" "$TRASH/all.cocci" &&
	grep -q "^- del_timer\$" "$TRASH/all.cocci"
'

test_expect_success 'spatch parses the combination' '
	if ! spatch -D patch -D report --parse-cocci "$TRASH/all.cocci" >"$TRASH/parse" 2>&1; then
		tail -n 20 "$TRASH/parse"
		false
	fi
'

test_expect_success 'a rule name in two files: exit 2, both named' '
	sed "s/^@other /@plain /; s/<< other\\./<< plain./" "$TRASH/b.cocci" >"$TRASH/c.cocci" &&
	expect_exit 2 combine "$a" "$TRASH/c.cocci" >/dev/null 2>"$TRASH/err" &&
	grep -q "rule plain is in both $a and $TRASH/c.cocci; rename one" "$TRASH/err"
'

test_done
