#!/bin/sh
# make check's and make ci's builds (check/build.sh) pass CC and J through
# to Kbuild, and DISTCC_HOSTS from the environment: with CC="distcc gcc"
# the objects are compiled by a distccd the test starts on 127.0.0.1 only
# (a free port, its log in the test's directory), which its log proves; it
# is stopped on every exit. The build is one object, in the tests' build
# directory of the tree, which t0500 prepares (else it is made here).
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"
. "$TEST_DIR/lib/daemon.sh"

test_require KERNEL
command -v distccd >/dev/null 2>&1 || test_skip_all "no distccd (distcc; make deps)"
use_scratch_clone
objdir=$o/kbuild/x86_64
object=lib/bcd.o

d=$TRASH/distcc
# distccd leaves root for an unprivileged user, who writes the log.
mkdir -p "$d" && chmod 1777 "$d" || exit 1
daemon_trap
port=$(free_port) || exit 1
distccd --daemon --no-detach --listen 127.0.0.1 --allow 127.0.0.1 --port "$port" \
	--jobs 2 --log-level info --log-file "$d/distccd.log" &
daemon_started $!
wait_for_port "$port" || { cat "$d/distccd.log" >&2; exit 1; }

# Only the test's distccd: no local fallback, so that a compile distcc
# could not send fails instead of passing unseen.
DISTCC_HOSTS=127.0.0.1:$port/2 DISTCC_FALLBACK=0 DISTCC_DIR=$d/client
export DISTCC_HOSTS DISTCC_FALLBACK DISTCC_DIR
mkdir -p "$DISTCC_DIR" || exit 1

test_expect_success 'the configuration is there (made once, kept)' '
	"$TOOLKIT/check/build.sh" "$kdir" "$objdir" >"$TRASH/config" 2>&1
'

test_expect_success "CC=\"distcc gcc\" J=2: $object builds" '
	rm -f "$objdir/$object" &&
	env CC="distcc gcc" J=2 "$TOOLKIT/check/build.sh" "$kdir" "$objdir" "$object" >"$TRASH/out" 2>&1 &&
	test -f "$objdir/$object"
'

test_expect_success "distccd compiled it: its log says so" '
	cat "$d/distccd.log" &&
	grep -q "COMPILE_OK.*bcd\\.c" "$d/distccd.log"
'

test_expect_success 'the build saw CC as given' '
	grep -q "distcc gcc" "$objdir/lib/.bcd.o.cmd"
'

test_done
