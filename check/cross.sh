#!/bin/sh
# The CROSS_COMPILE prefix of a Debian cross compiler for a kernel ARCH.
#
#   cross.sh ARCH
#
# Prints the prefix of the first one installed (powerpc64-linux-gnu-) and
# exits 0; when none is, prints the prefix of the one to install (its
# Debian package is gcc-PREFIX without the last dash) and exits 1; exits 2
# when Debian ships no cross compiler for ARCH. Nothing is installed here.
case ${1:-} in
arm64) candidates="aarch64-linux-gnu-" ;;
arm) candidates="arm-linux-gnueabihf- arm-linux-gnueabi-" ;;
powerpc) candidates="powerpc64-linux-gnu- powerpc64le-linux-gnu- powerpc-linux-gnu-" ;;
riscv) candidates="riscv64-linux-gnu-" ;;
s390) candidates="s390x-linux-gnu-" ;;
mips) candidates="mips64-linux-gnuabi64- mips64el-linux-gnuabi64- mips-linux-gnu- mipsel-linux-gnu-" ;;
loongarch) candidates="loongarch64-linux-gnu-" ;;
sparc) candidates="sparc64-linux-gnu-" ;;
parisc) candidates="hppa64-linux-gnu- hppa-linux-gnu-" ;;
alpha) candidates="alpha-linux-gnu-" ;;
m68k) candidates="m68k-linux-gnu-" ;;
sh) candidates="sh4-linux-gnu-" ;;
arc) candidates="arc-linux-gnu-" ;;
*) exit 2 ;;
esac
for prefix in $candidates; do
	command -v "${prefix}gcc" >/dev/null 2>&1 && { echo "$prefix"; exit 0; }
done
echo "${candidates%% *}"
exit 1
