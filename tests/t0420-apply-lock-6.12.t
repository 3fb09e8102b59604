#!/bin/sh
# One run at a time: while a make apply runs, a second one on the same O,
# or on the same KDIR with another O, exits 2 at once naming the first
# (its pid, a live apply.sh); the first finishes unharmed, each caller
# changed once. A run killed with SIGKILL leaves no lock that blocks the
# next run once the processes it started have ended. On a scratch clone
# of the 6.12 tree, STEPS=callers.
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"

test_require KERNEL
use_scratch_clone
# CACHE=0: the step runs each time (a replay would end before the second run
# starts).
apply() { make -s -C "$TOOLKIT" apply KDIR="$kdir" O="$o" STEPS=callers CACHE=0 "$@"; }
# The lock file is rewritten by the run that takes it.
rm -f "$o/.lock"

# started PID: wait (up to 60 s) until the run in the background, PID,
# holds the lock on O.
started() {
	i=0
	while [ ! -s "$o/.lock" ] && [ $i -lt 300 ]; do
		kill -0 "$1" 2>/dev/null || return 1
		sleep 0.2
		i=$((i + 1))
	done
	return 0
}

# released LOCK: wait (up to 120 s) until nothing holds LOCK: the jobs a
# killed run started (in process groups of their own) end on their own.
released() {
	i=0
	until flock -n "$1" true; do
		[ $i -lt 240 ] || { echo "$1 still held"; return 1; }
		sleep 0.5
		i=$((i + 1))
	done
}

# The first run's spatch waits (up to 5 min) until the test lets it go, so
# that the first run still holds its locks however fast this machine is.
mkdir -p "$TRASH/held"
cat >"$TRASH/held/spatch" <<HELD
#!/bin/sh
i=0
while [ ! -e "$TRASH/go" ] && [ \$i -lt 3000 ]; do
	sleep 0.1
	i=\$((i + 1))
done
PATH="$PATH" exec spatch "\$@"
HELD
chmod +x "$TRASH/held/spatch"
PATH="$TRASH/held:$PATH" apply >"$TRASH/first.out" 2>"$TRASH/first.err" &
first=$!
started $first

test_expect_success 'a second make apply on the same O exits 2 at once, naming the first' '
	t0=$(date +%s) &&
	expect_exit 2 apply >"$TRASH/out" 2>"$TRASH/err" &&
	test $(($(date +%s) - t0)) -le 20 &&
	cat "$TRASH/err" &&
	test "$(grep -c -v -E "^make(\\[[0-9]+\\])?: \\*\\*\\* " "$TRASH/err")" -eq 1 &&
	pid=$(sed -n "s|^apply.sh: error: another make apply is running on O=$o (pid \([0-9]*\)); wait for it to end or pass another O=\$|\1|p" "$TRASH/err") &&
	test -n "$pid" &&
	tr "\\0" " " </proc/$pid/cmdline | grep -q "scripts/apply/apply.sh"
'

test_expect_success 'another O on the same KDIR: exit 2, naming the first' '
	expect_exit 2 env KDIR="$kdir" O="$o.2" STEPS=callers "$TOOLKIT/scripts/apply/apply.sh" >"$TRASH/out" 2>"$TRASH/err" &&
	cat "$TRASH/err" &&
	grep -x "apply.sh: error: another make apply is running on KDIR=$kdir (pid [0-9]*); wait for it to end" "$TRASH/err"
'

# The first run is the script's child: waited for here, not in a test's
# subshell.
touch "$TRASH/go"
wait $first
first_rc=$?

test_expect_success 'the first run succeeds: each caller changed once' '
	cat "$TRASH/first.err" &&
	test $first_rc -eq 0 &&
	git -C "$kdir" diff --numstat >"$TRASH/numstat" &&
	test "$(wc -l <"$TRASH/numstat")" -eq 5 &&
	test "$(grep -c "^1	1	" "$TRASH/numstat")" -eq 5
'

test_expect_success 'a run killed with SIGKILL leaves no lock that blocks the next' '
	git -C "$kdir" checkout -q -f . &&
	rm -f "$o/.lock" &&
	{ setsid sh -c "exec make -s -C \"$TOOLKIT\" apply KDIR=\"$kdir\" O=\"$o\" STEPS=callers CACHE=0" >"$TRASH/killed.out" 2>&1 & } &&
	killed=$! &&
	started $killed && sleep 3 &&
	kill -9 -$killed &&
	{ wait $killed; true; } &&
	released "$o/.lock" && released "$(git -C "$kdir" rev-parse --absolute-git-dir)/api-migrate.lock" &&
	apply >"$TRASH/out" 2>"$TRASH/err" &&
	! grep -q "another make apply" "$TRASH/err" &&
	test "$(git -C "$kdir" diff --numstat | wc -l)" -eq 5
'

test_done
