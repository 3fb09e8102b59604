#!/bin/sh
# SSHLOGIN: the callers step's spatch runs happen on other machines, each
# file transferred, rewritten there and returned. Two logins to an sshd the
# test starts on 127.0.0.1 (a free port, a throwaway host key and user key
# in the test's directory) stand for two hosts (one ssh connection each,
# shared by the sessions); the result and the warnings
# are those of a local run. A login that cannot connect, or one to a machine
# without spatch, stops the step with exit 2, naming it, the tree untouched.
# The sshd is stopped on every exit.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"
. "$TEST_DIR/lib/daemon.sh"

command -v /usr/sbin/sshd >/dev/null 2>&1 || test_skip_all "no sshd (openssh-server; make deps)"
command -v rsync >/dev/null 2>&1 || test_skip_all "no rsync (make deps)"

d=$TRASH/ssh
mkdir -p "$d" && chmod 700 "$d" || exit 1
daemon_trap
port=$(free_port) && port_nospatch=$(free_port) && port_closed=$(free_port) || exit 1
user=$(id -un)

ssh-keygen -q -t ed25519 -N '' -f "$d/host_key" -C scale-test-host &&
ssh-keygen -q -t ed25519 -N '' -f "$d/user_key" -C scale-test-user &&
cp "$d/user_key.pub" "$d/authorized_keys" || exit 1
# The second port stands for a machine without spatch: its commands run
# with a PATH that has none.
cat >"$d/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $port
Port $port_nospatch
HostKey $d/host_key
PidFile $d/sshd.pid
AuthorizedKeysFile $d/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
StrictModes no
LogLevel VERBOSE
Match LocalPort $port_nospatch
	ForceCommand PATH=/nonexistent exec /bin/sh -c "\$SSH_ORIGINAL_COMMAND"
EOF
cat >"$d/ssh_config" <<EOF
Host hostA hostB nospatch down
	HostName 127.0.0.1
	User $user
	IdentityFile $d/user_key
	IdentitiesOnly yes
	UserKnownHostsFile $d/known_hosts
	StrictHostKeyChecking no
	BatchMode yes
	ControlMaster auto
	ControlPath $d/cm-%n
	ControlPersist 10
	LogLevel ERROR
	ConnectTimeout 5
Host hostA hostB
	Port $port
Host nospatch
	Port $port_nospatch
Host down
	Port $port_closed
EOF
# sshd refuses to start without its privilege separation directory.
[ -d /run/sshd ] || mkdir -p /run/sshd || exit 1
/usr/sbin/sshd -D -f "$d/sshd_config" -E "$d/sshd.log" &
daemon_started $!
wait_for_port "$port" || { cat "$d/sshd.log" >&2; exit 1; }

ssh_to() { echo "ssh -F $d/ssh_config $1"; }
tree=$TRASH/tree
fixtures=$TEST_DIR/cocci
# fresh_fixtures: the cocci fixtures as a committed git tree at $tree, with
# four of the driver callers (a rename under a cast, a reordering, the two
# kinds of warning) and their header: every spatch job over ssh costs
# seconds of connections.
fresh_fixtures() {
	rm -rf "$tree" && mkdir -p "$tree" &&
	cp -R "$fixtures/." "$tree" &&
	find "$tree" \( -name "*.res" -o -name expected-warnings \) -exec rm {} + &&
	find "$tree/drivers/fixture" -name "*.c" ! -name cast.c ! -name reorder.c \
		! -name nodemask.c ! -name unparsable.c -exec rm {} + &&
	git -C "$tree" init -q && git -C "$tree" add -A &&
	git -C "$tree" -c user.name=t -c user.email=t@t commit -q -m fixtures
}
callers() {
	(cd "$tree" && MIGRATION=page-alloc "$TOOLKIT/scripts/apply/run-step.sh" callers)
}

test_expect_success 'the sshd answers on both logins' '
	$(ssh_to hostA) true && $(ssh_to hostB) true
'

test_expect_success 'a local run: the reference' '
	fresh_fixtures &&
	{ callers >"$TRASH/local.out" 2>"$TRASH/local.err" || true; } &&
	git -C "$tree" diff >"$TRASH/local.diff" &&
	test -s "$TRASH/local.diff"
'

test_expect_success 'over two logins: the same change and the same warnings' '
	fresh_fixtures &&
	: >"$d/sshd.log.before" && cp "$d/sshd.log" "$d/sshd.log.before" &&
	{ SSHLOGIN="$(ssh_to hostA),$(ssh_to hostB)" J=2 callers >"$TRASH/ssh.out" 2>"$TRASH/ssh.err" || true; } &&
	cat "$TRASH/ssh.err" &&
	git -C "$tree" diff >"$TRASH/ssh.diff" &&
	test_cmp "$TRASH/local.diff" "$TRASH/ssh.diff" &&
	grep ": warning: " "$TRASH/local.err" >"$TRASH/want" &&
	grep ": warning: " "$TRASH/ssh.err" >"$TRASH/have" &&
	test_cmp "$TRASH/want" "$TRASH/have" &&
	grep -q "^callers: spatch over 5 files, 2 jobs on ssh -F " "$TRASH/ssh.err"
'

test_expect_success 'the files were rewritten there: sshd ran the sessions, nothing left behind' '
	test "$(grep -c "Starting session: command" "$d/sshd.log")" -gt "$(grep -c "Starting session: command" "$d/sshd.log.before")" &&
	! find "$HOME/.parallel/tmp" -name "*.c" 2>/dev/null | grep -q .
'

# refused HOST MESSAGE: the callers step over hostA and HOST exits 2 with
# MESSAGE (a grep pattern) before changing anything.
refused() {
	fresh_fixtures &&
	(SSHLOGIN="$(ssh_to hostA),$(ssh_to "$1")" && export SSHLOGIN && expect_exit 2 callers) \
		>"$TRASH/out" 2>"$TRASH/err" &&
	cat "$TRASH/err" &&
	grep -q "$2" "$TRASH/err" &&
	git -C "$tree" diff --exit-code
}

test_expect_success 'a login that cannot connect: exit 2, named, nothing changed' '
	refused down "SSHLOGIN: cannot log in with .ssh -F [^ ]* down.; nothing was changed"
'

test_expect_success 'a machine without spatch: exit 2, named, nothing changed' '
	refused nospatch "SSHLOGIN: .ssh -F [^ ]* nospatch. has no spatch; install coccinelle, rsync and perl there; nothing was changed"
'

test_done
