#!/bin/sh
# make check's and make ci's builds (check/build.sh) pass CC and J through
# to Kbuild, and DISTCC_HOSTS from the environment: with CC="distcc gcc"
# the objects are compiled by a distccd the test starts on 127.0.0.1 only
# (a free port, its log in the test's directory), which its log proves; it
# is stopped on every exit. The build is one object, in the build directory
# of tests/t0600 when that test has made it (else one of its own, kept).
TEST_KVER=6.12
. "$(dirname "$0")/lib/tap.sh"
. "$TEST_DIR/lib/daemon.sh"

require_kernel_tree
command -v distccd >/dev/null 2>&1 || test_skip_all "no distccd (distcc; make deps)"
use_scratch_clone
# t0600's build directory (make check's, for the baseline) if there is one.
objdir=$(find "$o/check/kbuild" -maxdepth 2 -name x86_64 -type d 2>/dev/null | head -n 1)
[ -n "$objdir" ] || objdir=$O/test/distcc-6.12/x86_64
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
