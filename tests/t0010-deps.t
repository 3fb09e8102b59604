#!/bin/sh
# make deps: without root and without sudo it prints the apt-get command and
# exits 2; with everything installed it is silent and exits 0.
. "$(dirname "$0")/lib/tap.sh"

fake=$TRASH/bin
mkdir -p "$fake"
# A machine where nothing is installed, we are not root and sudo says no.
printf '#!/bin/sh\necho 1000\n' >"$fake/id"
printf '#!/bin/sh\nexit 1\n' >"$fake/dpkg-query"
printf '#!/bin/sh\nexit 1\n' >"$fake/sudo"
printf '#!/bin/sh\necho "apt-get must not run" >&2; exit 99\n' >"$fake/apt-get"
chmod +x "$fake"/*
tools="coccinelle parallel gcc make flex bison bc libelf-dev libssl-dev pahole perl git python3-ply python3-git b4 time"
# The tests' cross compilers, but those on PATH (fake dpkg-query or not, a
# compiler there is one).
cross=
for arch in powerpc sparc; do
	prefix=$("$TOOLKIT/check/cross.sh" $arch) || cross="$cross gcc-${prefix%-}"
done

test_expect_success 'without root or sudo: exit 2 and the exact command' '
	PATH=$fake:$PATH expect_exit 2 "$TOOLKIT/scripts/setup/deps.sh" >"$TRASH/out" 2>"$TRASH/err" &&
	grep -q "^deps.sh: error: missing packages: coccinelle parallel gcc " "$TRASH/err" &&
	grep -qx "  apt-get update && apt-get install -y --no-install-recommends $tools linux-source-6.12 linux-source-6.1 clang libclang-rt-dev libxml2-utils openssh-server openssh-client rsync distcc$cross" "$TRASH/err" &&
	! grep -q "must not run" "$TRASH/err"
'

test_expect_success 'a group: only its packages (make ci in a pipeline installs no kernel source)' '
	PATH=$fake:$PATH expect_exit 2 "$TOOLKIT/scripts/setup/deps.sh" tools 2>"$TRASH/err" &&
	grep -qx "  apt-get update && apt-get install -y --no-install-recommends $tools" "$TRASH/err" &&
	PATH=$fake:$PATH expect_exit 2 "$TOOLKIT/scripts/setup/deps.sh" kernel-6.1 2>"$TRASH/err" &&
	grep -qx "  apt-get update && apt-get install -y --no-install-recommends linux-source-6.1" "$TRASH/err"
'

# Those of s390's and arm64's that are not on PATH (a make check of a
# tree-wide change may have installed them).
wanted=
for arch in s390 arm64; do
	prefix=$("$TOOLKIT/check/cross.sh" $arch) || wanted="$wanted gcc-${prefix%-}"
done

test_expect_success 'cross-ARCH: the Debian cross compiler of a kernel ARCH, derived by check/cross.sh' '
	test "$("$TOOLKIT/check/cross.sh" s390)" = s390x-linux-gnu- &&
	test "$("$TOOLKIT/check/cross.sh" arm64)" = aarch64-linux-gnu- &&
	if [ -n "$wanted" ]; then
		PATH=$fake:$PATH expect_exit 2 "$TOOLKIT/scripts/setup/deps.sh" cross-s390 cross-arm64 2>"$TRASH/err" &&
		grep -qx "  apt-get update && apt-get install -y --no-install-recommends${wanted}" "$TRASH/err"
	else
		PATH=$fake:$PATH "$TOOLKIT/scripts/setup/deps.sh" cross-s390 cross-arm64 >"$TRASH/out" 2>&1 &&
		test ! -s "$TRASH/out"
	fi
'

test_expect_success 'an unknown group: exit 2, the groups named' '
	expect_exit 2 "$TOOLKIT/scripts/setup/deps.sh" nosuch 2>"$TRASH/err" &&
	grep -qx "deps.sh: error: unknown group .nosuch.; known groups: tools tests kernel-X.Y cross-ARCH gcc clang" "$TRASH/err"
'

test_expect_success 'on this machine everything is installed: silent, exit 0' '
	"$TOOLKIT/scripts/setup/deps.sh" >"$TRASH/out" 2>&1 &&
	test ! -s "$TRASH/out"
'

test_done
