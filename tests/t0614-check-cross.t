#!/bin/sh
# The cross compilers: check/cross.sh derives the Debian package of an
# architecture's compiler from what apt-cache lists, or finds one
# installed; deps.sh cross-ARCH and check.sh, run without root, print the
# apt-get command to run and exit 2; an ARCH Debian has no compiler for is
# named.
. "$(dirname "$0")/lib/tap.sh"

check=$TOOLKIT/check
test_require TOOLS

# A Debian mirror's cross compilers, as apt-cache lists them.
mkdir -p "$TRASH/apt" "$TRASH/bin"
cat >"$TRASH/apt/apt-cache.list" <<'EOF'
#!/bin/sh
[ "$1 $2" = "pkgnames gcc-" ] || exit 100
printf '%s\n' gcc-12 gcc-12-powerpc64-linux-gnu gcc-aarch64-linux-gnu gcc-arm-none-eabi \
	gcc-hppa-linux-gnu gcc-hppa64-linux-gnu gcc-powerpc-linux-gnu gcc-powerpc64-linux-gnu \
	gcc-powerpc64le-linux-gnu gcc-s390x-linux-gnu gcc-mips64el-linux-gnuabi64 \
	gcc-mips-linux-gnu gcc-mips64-linux-gnuabi64 gcc-sh4-linux-gnu
EOF
printf '#!/bin/sh\n' >"$TRASH/apt/apt-cache.empty"
chmod +x "$TRASH/apt/apt-cache.list" "$TRASH/apt/apt-cache.empty"
ln -s apt-cache.list "$TRASH/apt/apt-cache"
# The tools cross.sh runs, without this machine's compilers.
mkdir -p "$TRASH/tools"
for tool in awk basename cat dirname sed sort; do
	ln -sf "$(command -v $tool)" "$TRASH/tools/$tool"
done
# cross ARCH: cross.sh ARCH with that apt-cache and no compiler but
# $TRASH/bin's; prints "PREFIX EXIT".
cross() {
	out=$(PATH=$TRASH/apt:$TRASH/bin:$TRASH/tools /bin/sh "$check/cross.sh" "$1") && rc=0 || rc=$?
	echo "$out $rc"
}

test_expect_success 'cross: the package to install, derived from what apt-cache lists: 64-bit, big-endian first' '
	for arch in powerpc arm64 parisc s390 mips sh hexagon; do
		printf "%s: %s\n" "$arch" "$(cross "$arch")"
	done >"$TRASH/cross" &&
	cat >"$TRASH/want" <<-EOF &&
	powerpc: powerpc64-linux-gnu- 1
	arm64: aarch64-linux-gnu- 1
	parisc: hppa64-linux-gnu- 1
	s390: s390x-linux-gnu- 1
	mips: mips64-linux-gnuabi64- 1
	sh: sh4-linux-gnu- 1
	hexagon:  1
	EOF
	test_cmp "$TRASH/want" "$TRASH/cross"
'

test_expect_success 'cross: an installed one is found on PATH, even one apt-cache does not list' '
	printf "#!/bin/sh\n" >"$TRASH/bin/powerpc64le-linux-gnu-gcc" &&
	printf "#!/bin/sh\n" >"$TRASH/bin/riscv64-linux-gnu-gcc" &&
	chmod +x "$TRASH/bin/powerpc64le-linux-gnu-gcc" "$TRASH/bin/riscv64-linux-gnu-gcc" &&
	test "$(cross powerpc)" = "powerpc64le-linux-gnu- 0" &&
	test "$(cross riscv)" = "riscv64-linux-gnu- 0"
'

test_expect_success 'cross: no package lists (apt-get update never ran), or no ARCH: exit 2' '
	ln -sf apt-cache.empty "$TRASH/apt/apt-cache" &&
	expect_exit 2 env PATH="$TRASH/apt:$TRASH/tools" /bin/sh "$check/cross.sh" powerpc 2>"$TRASH/err" &&
	echo "cross.sh: error: apt-cache knows no package; as root run: apt-get update" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err" &&
	expect_exit 2 "$check/cross.sh" 2>"$TRASH/err" &&
	grep -x "cross.sh: error: usage: cross.sh ARCH" "$TRASH/err"
'

test_expect_success 'cross: this Debian has a powerpc cross compiler (gcc-powerpc64-linux-gnu)' '
	{ prefix=$("$check/cross.sh" powerpc); rc=$?; } &&
	test "$prefix" = powerpc64-linux-gnu- && test $rc -le 1
'

# A user without root, and without sudo (or one that asks for a password);
# the architecture of the first of the rarer Debian cross compilers that is
# not installed (a make check of a tree-wide change may have installed them
# all: the two tests that need one are then skipped, saying why).
nobody() {
	setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent "$@"
}
rarer="alpha m68k sh arc parisc s390 riscv mips sparc arm arm64"
missing=
for arch in $rarer; do
	prefix=$("$check/cross.sh" $arch) || { missing=$arch; break; }
done
package=gcc-${prefix%-}
# cross_test NAME BODY: a test that needs that compiler missing, and root
# to become nobody.
cross_test() {
	if [ -n "$missing" ]; then
		test_expect_success ROOT "$@"
	else
		test_skip "$1" "every cross compiler of $rarer is installed here"
	fi
}

cross_test "deps.sh cross-${missing:-ARCH} without root: the apt-get command printed, exit 2" '
	! nobody sudo -n true 2>/dev/null &&
	expect_exit 2 nobody "$TOOLKIT/scripts/setup/deps.sh" "cross-$missing" >"$TRASH/out" 2>"$TRASH/err" &&
	cat >"$TRASH/want" <<-EOF &&
	deps.sh: error: missing packages: $package; as root run:
	  apt-get update && apt-get install -y --no-install-recommends $package
	EOF
	test_cmp "$TRASH/want" "$TRASH/err" &&
	test ! -s "$TRASH/out"
'

test_expect_success 'deps.sh cross-ARCH for an ARCH Debian has no compiler for: exit 2, named' '
	expect_exit 2 "$TOOLKIT/scripts/setup/deps.sh" cross-hexagon 2>"$TRASH/err" &&
	echo "deps.sh: error: Debian has no cross compiler for ARCH=hexagon" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/err"
'

# check.sh's refusal without root: a tree of our own whose last commit
# changes a file of that architecture.
fk=$TRASH/kdir
tiny_kernel "$fk" && mkdir -p "$fk/scripts" || exit 1
echo "#!/bin/sh" >"$fk/scripts/config"
# checkpatch runs before the build: a checkpatch.pl that finds nothing.
printf "#!/usr/bin/perl\nexit 0;\n" >"$fk/scripts/checkpatch.pl"
commit_all "$fk" scripts >/dev/null || exit 1


cross_test "check.sh without root, a change to arch/${missing:-ARCH}: the cross compiler's apt-get command, exit 2" '
	mkdir -p "$fk/arch/$missing/kernel" &&
	echo "int z;" >"$fk/arch/$missing/kernel/z.c" &&
	commit_all "$fk" "$missing file" &&
	rm -rf "$TRASH/nobody" && mkdir -p "$TRASH/nobody/o" &&
	cp -R "$fk" "$TRASH/nobody/kdir" &&
	ln -s "$O/bin" "$TRASH/nobody/o/bin" &&
	chown -R nobody:nogroup "$TRASH/nobody" &&
	expect_exit 2 nobody KDIR="$TRASH/nobody/kdir" O="$TRASH/nobody/o" BRANCH=none \
		"$check/check.sh" >"$TRASH/out" 2>"$TRASH/err" &&
	tail -n 2 "$TRASH/err" >"$TRASH/tail" &&
	cat >"$TRASH/want" <<-EOF &&
	deps.sh: error: missing packages: $package; as root run:
	  apt-get update && apt-get install -y --no-install-recommends $package
	EOF
	test_cmp "$TRASH/want" "$TRASH/tail" &&
	! grep "^make check: " "$TRASH/out"
'


test_done
