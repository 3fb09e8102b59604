#!/bin/sh
# check/covered.sh on a tree of makefiles of our own: which files a
# .config builds (obj-y, obj-$(CONFIG_X), composite objects, a directory
# behind an option, an #included .c), and for the others, why not.
# Own files only.
. "$(dirname "$0")/lib/tap.sh"

check=$TOOLKIT/check

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

test_done
