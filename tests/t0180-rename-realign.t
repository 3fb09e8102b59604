#!/bin/sh
# The rename kind (timer-delete's switch step, on a tiny tree of our own):
# continuation lines aligned to the parenthesis of a call it renames follow
# the longer name, tabs then spaces; lines aligned elsewhere, and those of
# a parenthesis the rename did not move, stay; a continued line that is
# itself renamed carries its own followers along.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

o=$TRASH/o
make -s -C "$TOOLKIT" tools O="$o" >/dev/null || exit 1
tree=$TRASH/tree
mkdir -p "$tree/drivers" "$tree/include/linux" &&
printf '/* no wrappers here */\n' >"$tree/include/linux/timer.h" &&
cat >"$tree/drivers/t.c" <<'EOF_C' &&
void stop(struct timer_list *t, int x)
{
	x = del_timer_sync(t +
			   x);
	x = del_timer(t +
		      x) + del_timer(t +
				     x);
	foo(del_timer(t) +
	    x);
	x = del_timer(t +
		x);
}
EOF_C
git -C "$tree" init -q && git -C "$tree" add -A &&
git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m base || exit 1

test_expect_success 'aligned continuation lines follow the renamed call, nothing else moves' '
	(cd "$tree" && MIGRATION=timer-delete O="$o" CACHE=0 "$TOOLKIT/scripts/apply/run-step.sh" switch) >"$TRASH/out" 2>&1 &&
	cat >"$TRASH/want" <<\EOF_W &&
void stop(struct timer_list *t, int x)
{
	x = timer_delete_sync(t +
			      x);
	x = timer_delete(t +
			 x) + timer_delete(t +
					   x);
	foo(timer_delete(t) +
	    x);
	x = timer_delete(t +
		x);
}
EOF_W
	test_cmp "$TRASH/want" "$tree/drivers/t.c"
'

cat >"$TRASH/split.c" <<'EOF_C'
void g(struct timer_list *t)
{
	del_\
timer(t);
	del_timer(t + 1);
}
EOF_C
test_expect_success 'a name split by a line continuation stays, and is a finding at the end of the step: exit 1' '
	cp "$TRASH/split.c" "$tree/drivers/split.c" &&
	git -C "$tree" add drivers/split.c &&
	git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m split &&
	(cd "$tree" && MIGRATION=timer-delete O="$o" CACHE=0 expect_exit 1 "$TOOLKIT/scripts/apply/run-step.sh" switch) \
		>"$TRASH/out" 2>"$TRASH/err" &&
	grep -x "drivers/split.c:3:2: warning: del_timer is split by a line continuation; not renamed" "$TRASH/err"
'

test_done
