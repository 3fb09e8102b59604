#!/bin/sh
# The parts of make check on small fixtures, no kernel build: the warning
# comparison, the Kbuild coverage of a file, the affected compile units of
# a change, the cross-compiler lookup and its install without root, the
# cause of a failed build, and check.sh's BASE/REV errors.
. "$(dirname "$0")/lib/tap.sh"

check=$TOOLKIT/check
for tool in cscan cmove; do
	[ -x "$O/bin/$tool" ] || test_skip_all "$O/bin/$tool not built (make tools)"
done
commit() {
	git -C "$1" add -A &&
	GIT_AUTHOR_DATE=2024-01-01T00:00:00Z GIT_COMMITTER_DATE=2024-01-01T00:00:00Z \
		git -C "$1" -c user.name=t -c user.email=t@t commit -qm "$2"
}

test_expect_success 'newwarn: same file and text is the same warning, wherever it moved' '
	cat >"$TRASH/base" <<-EOF &&
	mm/a.c:10:5: warning: unused variable '"'x'"' [-Wunused-variable]
	mm/a.c:20:5: warning: unused variable '"'y'"' [-Wunused-variable]
	mm/b.c:3:1: error: broken
	EOF
	cat >"$TRASH/rev" <<-EOF &&
	mm/a.c:12:5: warning: unused variable '"'x'"' [-Wunused-variable]
	mm/a.c:22:5: warning: unused variable '"'y'"' [-Wunused-variable]
	mm/a.c:30:5: warning: unused variable '"'y'"' [-Wunused-variable]
	mm/b.c:3:1: error: broken
	mm/b.c:7:2: warning: unused variable '"'x'"' [-Wunused-variable]
	EOF
	"$check/newwarn.sh" "$TRASH/base" "$TRASH/rev" >"$TRASH/new" &&
	cat >"$TRASH/want" <<-EOF &&
	mm/a.c:22:5: warning: unused variable '"'y'"' [-Wunused-variable]
	mm/a.c:30:5: warning: unused variable '"'y'"' [-Wunused-variable]
	mm/b.c:7:2: warning: unused variable '"'x'"' [-Wunused-variable]
	EOF
	test_cmp "$TRASH/want" "$TRASH/new" &&
	"$check/newwarn.sh" "$TRASH/rev" "$TRASH/base" >"$TRASH/none" &&
	test ! -s "$TRASH/none"
'

# A tree of makefiles: obj-y and obj-$(CONFIG_X), a composite object, one
# listed through its variable (obj-y += $(foo-y)), a directory behind an
# option, one named two levels up (drv/sub/deep/, by drv/), an #included
# .c, another architecture.
fx=$TRASH/kbuild
mkdir -p "$fx/drv/sub/deep" "$fx/drv/off" "$fx/arch/x86/kvm/vmx" "$fx/arch/arm64/mm" "$fx/obj"
cat >"$fx/Kbuild" <<'EOF'
obj-y += drv/
obj-y += arch/$(SRCARCH)/
EOF
cat >"$fx/drv/Makefile" <<'EOF'
obj-$(CONFIG_ON) += on.o
obj-$(CONFIG_OFF) += off1.o
obj-$(subst m,y,$(CONFIG_MOD)) += sub/
obj-$(CONFIG_OFF) += off/
obj-$(CONFIG_MOD) += sub/deep/
obj-$(CONFIG_ON) += comp.o
comp-y := part1.o \
	part2.o
comp-$(CONFIG_OFF) += part3.o
via-var-$(CONFIG_ON) += byvar.o
via-off-$(CONFIG_OFF) += byvaroff.o
obj-y += $(via-var-y) $(via-off-y)
EOF
echo 'obj-y += s.o' >"$fx/drv/sub/Makefile"
echo 'obj-m += d.o' >"$fx/drv/sub/deep/Makefile"
echo 'obj-y += o.o' >"$fx/drv/off/Makefile"
echo 'obj-$(CONFIG_KVM) += kvm/' >"$fx/arch/x86/Kbuild"
echo 'kvm-intel-y += vmx/vmx.o' >"$fx/arch/x86/kvm/Makefile"
echo 'obj-$(CONFIG_KVM_INTEL) += kvm-intel.o' >>"$fx/arch/x86/kvm/Makefile"
echo '#include "on-extra.c"' >"$fx/drv/on.c"
printf '#include "on.h"\n# include "spaced.c"\n' >"$fx/drv/byvar.c"
# A composite object whose list ends with a line continuation, at the end of
# the file (drivers/scsi/isci/Makefile's shape).
mkdir -p "$fx/drv/tail" && echo 'obj-$(CONFIG_ON) += tail/' >>"$fx/drv/Makefile"
printf 'obj-$(CONFIG_MOD) += tail.o\ntail-objs := t1.o \\\n\tt2.o \\\n' >"$fx/drv/tail/Makefile"
printf 'CONFIG_ON=y\nCONFIG_MOD=m\nCONFIG_KVM=m\nCONFIG_KVM_INTEL=m\n# CONFIG_OFF is not set\n' >"$fx/obj/.config"

test_expect_success 'covered: which files a .config builds, and why not' '
	"$check/covered.sh" "$fx" "$fx/obj" x86_64 drv/on.c drv/on-extra.c drv/off1.c drv/sub/s.c \
		drv/sub/deep/d.c drv/off/o.c drv/part2.c drv/part3.c drv/byvar.c drv/byvaroff.c drv/none.c \
		drv/spaced.c drv/tail/t2.c arch/x86/kvm/vmx/vmx.c \
		arch/arm64/mm/fault.c >"$TRASH/covered" &&
	cat >"$TRASH/want" <<-EOF &&
	drv/on.c: built: drv/on.c
	drv/on-extra.c: built: drv/on.c
	drv/off1.c: off: CONFIG_OFF
	drv/sub/s.c: built: drv/sub/s.c
	drv/sub/deep/d.c: built: drv/sub/deep/
	drv/off/o.c: off: CONFIG_OFF
	drv/part2.c: built: drv/part2.c
	drv/part3.c: off: CONFIG_OFF
	drv/byvar.c: built: drv/byvar.c
	drv/byvaroff.c: off: CONFIG_OFF
	drv/none.c: no rule
	drv/spaced.c: built: drv/byvar.c
	drv/tail/t2.c: built: drv/tail/t2.c
	arch/x86/kvm/vmx/vmx.c: built: arch/x86/kvm/vmx/vmx.c
	arch/arm64/mm/fault.c: arch: arm64
	EOF
	test_cmp "$TRASH/want" "$TRASH/covered"
'

# A change to a header: a touched prototype, a macro that expands to it, an
# untouched neighbour; users of each; a changed .c file; a change in mm/.
fy=$TRASH/tree
mkdir -p "$fy/include/linux" "$fy/drivers" "$fy/mm" "$fy/fs"
cat >"$fy/include/linux/foo.h" <<'EOF'
/* foo */
int foo_noprof(int a);
#define foo(a) foo_noprof(a)

/* untouched */
int bar(int a);
EOF
echo 'int d1(void) { return foo(1); }' >"$fy/drivers/d1.c"
echo 'int d2(void) { return bar(1); }' >"$fy/drivers/d2.c"
echo 'int f1(void) { return foo_noprof(1); }' >"$fy/fs/f1.c"
echo 'static int m1(void) { return 0; }' >"$fy/mm/m1.c"
echo 'int g(void) { return 0; }' >"$fy/fs/g.c"
git init -q "$fy" && commit "$fy" base >/dev/null

test_expect_success 'affected: users of touched declarations and of macros expanding to them' '
	sed -i "s/int foo_noprof(int a);/long foo_noprof(int a);/" "$fy/include/linux/foo.h" &&
	echo "/* more */" >>"$fy/fs/g.c" &&
	commit "$fy" header &&
	O=$O "$check/affected.sh" "$fy" HEAD^ HEAD >"$TRASH/affected" &&
	printf "%s\n" drivers/d1.c fs/f1.c fs/g.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/affected"
'

test_expect_success 'affected: a change under mm/ adds the mm/ directory' '
	echo "/* more */" >>"$fy/mm/m1.c" &&
	commit "$fy" mm &&
	O=$O "$check/affected.sh" "$fy" HEAD^ HEAD >"$TRASH/affected" &&
	printf "%s\n" mm/ mm/m1.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/affected"
'

test_expect_success 'affected: a function body changed in a .c file leaves its callers out' '
	echo "int h(void) { return g(); }" >"$fy/fs/h.c" &&
	commit "$fy" caller &&
	sed -i "s/return 0;/return 1;/" "$fy/fs/g.c" &&
	commit "$fy" body &&
	O=$O "$check/affected.sh" "$fy" HEAD^ HEAD >"$TRASH/affected" &&
	echo fs/g.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/affected"
'

test_expect_success 'affected: a deleted declaration counts on the base side' '
	sed -i "/int bar(int a);/d" "$fy/include/linux/foo.h" &&
	commit "$fy" removed &&
	O=$O "$check/affected.sh" "$fy" HEAD^ HEAD >"$TRASH/affected" &&
	echo drivers/d2.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/affected"
'

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

# causes.sh on a build directory as check/build.sh and Kbuild leave it: the
# .cmd of an object whose last compile succeeded, the .d of one whose
# compile failed, an object never compiled.
fc=$TRASH/kbuild-failed
mkdir -p "$fc/tree/mm" "$fc/tree/include/linux" "$fc/obj/mm"
root=$(cd "$fc/tree" && pwd -P)
cat >"$fc/obj/mm/.a.o.cmd" <<EOF
savedcmd_mm/a.o := gcc -c -o mm/a.o $root/mm/a.c

source_mm/a.o := $root/mm/a.c

deps_mm/a.o := \\
  $root/include/linux/kconfig.h \\
    \$(wildcard include/config/FOO) \\
  $root/mm/p.h \\
  $root/include/linux/x.h \\

mm/a.o: \$(deps_mm/a.o)

\$(deps_mm/a.o):
EOF
cat >"$fc/obj/mm/.b.o.d" <<EOF
mm/b.o: $root/mm/b.c $root/include/linux/kconfig.h \\
 $root/mm/p.h $root/include/linux/x.h \\
 include/generated/autoconf.h
EOF
printf 'mm/a.o\nmm/b.o\nmm/c.o\n' >"$fc/obj/failed"

test_expect_success 'causes: the changed files every failed object depends on, by .cmd and .d files' '
	printf "%s\n" mm/p.h mm/a.c mm/b.c include/linux/y.h >"$fc/changed" &&
	"$check/causes.sh" "$fc/tree" "$fc/obj" "$fc/changed" >"$TRASH/causes" &&
	echo "mm/p.h: error: 2 objects that include it fail to build (changed in REV)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/causes" &&
	printf "%s\n" mm/p.h include/linux/x.h >"$fc/changed" &&
	"$check/causes.sh" "$fc/tree" "$fc/obj" "$fc/changed" >"$TRASH/causes" &&
	printf "%s\n" "include/linux/x.h: error: 2 objects that include it fail to build (changed in REV)" \
		"mm/p.h: error: 2 objects that include it fail to build (changed in REV)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/causes"
'

test_expect_success 'causes: one failed object; a file that not every failed object includes is none' '
	echo mm/b.o >"$fc/obj/failed" &&
	echo mm/p.h >"$fc/changed" &&
	"$check/causes.sh" "$fc/tree" "$fc/obj" "$fc/changed" >"$TRASH/causes" &&
	echo "mm/p.h: error: 1 object that includes it fails to build (changed in REV)" >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/causes" &&
	sed -i "s| [^ ]*/mm/p\.h||" "$fc/obj/mm/.b.o.d" &&
	printf "mm/a.o\nmm/b.o\n" >"$fc/obj/failed" &&
	"$check/causes.sh" "$fc/tree" "$fc/obj" "$fc/changed" >"$TRASH/causes" &&
	test ! -s "$TRASH/causes"
'

# check.sh stops before any work when it cannot tell what to compare.
fk=$TRASH/kdir
mkdir -p "$fk/mm" "$fk/include/linux"
echo all: >"$fk/Makefile"
echo "int x;" >"$fk/mm/a.c"
echo "#define ALLOC_X 1" >"$fk/mm/internal.h"
echo "int z;" >"$fk/include/linux/z.h"
git init -q "$fk" && commit "$fk" root >/dev/null

test_expect_success 'check.sh: REV a root commit without BASE: exit 2, says to pass BASE=' '
	expect_exit 2 env KDIR="$fk" O="$TRASH/o" BRANCH=none "$check/check.sh" 2>"$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -eq 1 &&
	grep "check.sh: error: .*root commit; pass BASE=" "$TRASH/err"
'

test_expect_success 'check.sh: BASE equal to REV, or not a commit: exit 2' '
	expect_exit 2 env KDIR="$fk" O="$TRASH/o" BASE=HEAD REV=HEAD "$check/check.sh" 2>"$TRASH/err" &&
	grep "same commit" "$TRASH/err" &&
	expect_exit 2 env KDIR="$fk" O="$TRASH/o" BASE=nonesuch "$check/check.sh" 2>"$TRASH/err" &&
	grep "BASE=nonesuch is not a commit" "$TRASH/err"
'

test_expect_success 'check.sh: a missing compiler is an environment error: exit 2, named' '
	mkdir -p "$fk/scripts" "$TRASH/o" &&
	ln -sfn "$O/bin" "$TRASH/o/bin" &&
	echo "#!/bin/sh" >"$fk/scripts/config" &&
	# checkpatch runs before the build: a checkpatch.pl that finds nothing.
	printf "#!/usr/bin/perl\nexit 0;\n" >"$fk/scripts/checkpatch.pl" &&
	echo "int y;" >>"$fk/mm/a.c" &&
	commit "$fk" change &&
	expect_exit 2 env KDIR="$fk" O="$TRASH/o" BRANCH=none CC=t0610-nonesuch-gcc \
		"$check/check.sh" >"$TRASH/out" 2>"$TRASH/err" &&
	tail -n 1 "$TRASH/err" | grep "error: .t0610-nonesuch-gcc. not found; install the Debian package gcc-t0610-nonesuch "
'

cross_test "check.sh without root, a change to arch/${missing:-ARCH}: the cross compiler's apt-get command, exit 2" '
	mkdir -p "$fk/arch/$missing/kernel" &&
	echo "int z;" >"$fk/arch/$missing/kernel/z.c" &&
	commit "$fk" "$missing file" &&
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
