#!/bin/sh
# The parts of make check on small fixtures, no kernel build: the warning
# comparison, the Kbuild coverage of a file, the affected compile units of
# a change, the cross-compiler lookup, and check.sh's BASE/REV errors.
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

# A tree of makefiles: obj-y and obj-$(CONFIG_X), a composite object, a
# directory behind an option, an #included .c, another architecture.
fx=$TRASH/kbuild
mkdir -p "$fx/drv/sub" "$fx/drv/off" "$fx/arch/x86/kvm/vmx" "$fx/arch/arm64/mm" "$fx/obj"
cat >"$fx/Kbuild" <<'EOF'
obj-y += drv/
obj-y += arch/$(SRCARCH)/
EOF
cat >"$fx/drv/Makefile" <<'EOF'
obj-$(CONFIG_ON) += on.o
obj-$(CONFIG_OFF) += off1.o
obj-$(subst m,y,$(CONFIG_MOD)) += sub/
obj-$(CONFIG_OFF) += off/
obj-$(CONFIG_ON) += comp.o
comp-y := part1.o \
	part2.o
comp-$(CONFIG_OFF) += part3.o
EOF
echo 'obj-y += s.o' >"$fx/drv/sub/Makefile"
echo 'obj-y += o.o' >"$fx/drv/off/Makefile"
echo 'obj-$(CONFIG_KVM) += kvm/' >"$fx/arch/x86/Kbuild"
echo 'kvm-intel-y += vmx/vmx.o' >"$fx/arch/x86/kvm/Makefile"
echo 'obj-$(CONFIG_KVM_INTEL) += kvm-intel.o' >>"$fx/arch/x86/kvm/Makefile"
echo '#include "on-extra.c"' >"$fx/drv/on.c"
printf 'CONFIG_ON=y\nCONFIG_MOD=m\nCONFIG_KVM=m\nCONFIG_KVM_INTEL=m\n# CONFIG_OFF is not set\n' >"$fx/obj/.config"

test_expect_success 'covered: which files a .config builds, and why not' '
	"$check/covered.sh" "$fx" "$fx/obj" x86_64 drv/on.c drv/on-extra.c drv/off1.c drv/sub/s.c \
		drv/off/o.c drv/part2.c drv/part3.c drv/none.c arch/x86/kvm/vmx/vmx.c \
		arch/arm64/mm/fault.c >"$TRASH/covered" &&
	cat >"$TRASH/want" <<-EOF &&
	drv/on.c: built: drv/on.c
	drv/on-extra.c: built: drv/on.c
	drv/off1.c: off: CONFIG_OFF
	drv/sub/s.c: built: drv/sub/s.c
	drv/off/o.c: off: CONFIG_OFF
	drv/part2.c: built: drv/part2.c
	drv/part3.c: off: CONFIG_OFF
	drv/none.c: no rule
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

test_expect_success 'affected: a deleted declaration counts on the base side' '
	sed -i "/int bar(int a);/d" "$fy/include/linux/foo.h" &&
	commit "$fy" removed &&
	O=$O "$check/affected.sh" "$fy" HEAD^ HEAD >"$TRASH/affected" &&
	echo drivers/d2.c >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/affected"
'

test_expect_success 'cross: a Debian cross compiler found on PATH, or the one to install' '
	mkdir -p "$TRASH/bin" &&
	printf "#!/bin/sh\n" >"$TRASH/bin/aarch64-linux-gnu-gcc" &&
	chmod +x "$TRASH/bin/aarch64-linux-gnu-gcc" &&
	test "$(PATH=$TRASH/bin:$PATH "$check/cross.sh" arm64)" = aarch64-linux-gnu- &&
	expect_exit 1 env PATH=/nonexistent /bin/sh "$check/cross.sh" s390 >"$TRASH/s390" &&
	test "$(cat "$TRASH/s390")" = s390x-linux-gnu- &&
	expect_exit 2 "$check/cross.sh" hexagon
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
	echo "int y;" >>"$fk/mm/a.c" &&
	commit "$fk" change &&
	expect_exit 2 env KDIR="$fk" O="$TRASH/o" BRANCH=none CC=t0610-nonesuch-gcc \
		"$check/check.sh" >"$TRASH/out" 2>"$TRASH/err" &&
	tail -n 1 "$TRASH/err" | grep "error: .t0610-nonesuch-gcc. not found; install the Debian package gcc-t0610-nonesuch "
'

test_done
