#!/bin/sh
# The CROSS_COMPILE prefix of a Debian cross compiler for a kernel ARCH.
#
#   cross.sh ARCH
#
# Debian names a cross compiler's package gcc-TRIPLET (gcc-powerpc64-linux-gnu
# installs powerpc64-linux-gnu-gcc). ARCH's triplets are derived, not listed:
# those of the gcc-CPU-linux-* packages apt-cache knows and of the
# CPU-linux-*-gcc compilers on PATH whose CPU is the kernel's ARCH or begins
# with it (powerpc64le, mips64el, s390x, sh4, riscv64, sparc64), or begins
# with the GNU name where it differs from the kernel's (arm64: aarch64,
# parisc: hppa). They are tried 64-bit first (what allmodconfig builds where
# ARCH has both), then big-endian, then by name.
#
# Prints the prefix of the first one installed (powerpc64-linux-gnu-) and
# exits 0; when none is, exits 1 and prints the prefix of the one to install
# (its Debian package is gcc-PREFIX without the last dash), or nothing when
# Debian has no cross compiler for ARCH. Exit 2: usage, or apt-cache knows
# no package at all (no package lists: apt-get update). Nothing is installed
# here: scripts/setup/deps.sh cross-ARCH does it.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../scripts/lib/lib.sh"

{ [ $# -eq 1 ] && [ -n "$1" ]; } || die "usage: $prog ARCH"
arch=$1
case $arch in
arm64) cpu=aarch64 ;;
parisc) cpu=hppa ;;
*) cpu=$arch ;;
esac

# The triplets: CPU, then anything but a dash, then -linux-ABI.
known=
if command -v apt-cache >/dev/null 2>&1; then
	known=$(apt-cache pkgnames gcc-) || die "apt-cache pkgnames failed"
	[ -n "$known" ] || die "apt-cache knows no package; as root run: apt-get update"
fi
triplets=$({
	printf '%s\n' "$known" | sed -n "s/^gcc-\\(${cpu}[a-z0-9_]*-linux-[a-z0-9]*\\)\$/\\1/p"
	IFS=:
	for dir in $PATH; do
		for cc in "$dir/$cpu"*-linux-*gcc; do
			[ -x "$cc" ] && basename "$cc" -gcc
		done
	done
} | sort -u | awk '{
	split($0, part, "-")
	print (part[1] ~ /64/ ? 0 : 1) (part[1] ~ /(le|el)$/ ? 1 : 0), $0
}' | sort | sed 's/^[^ ]* //')

for t in $triplets; do
	command -v "$t-gcc" >/dev/null 2>&1 && { echo "$t-"; exit 0; }
done
for t in $triplets; do
	echo "$t-"
	break
done
exit 1
