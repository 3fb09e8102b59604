#!/bin/sh
# make deps: install the Debian packages the toolkit needs, only those missing.
# Without root and without sudo, print the apt-get command and exit 2.
#
#   deps.sh [GROUP...]
#
# GROUP: tools (what the targets run: every target installs it), kernel-X.Y
# (linux-source-X.Y from the machine's own apt sources, for make kernel
# KVER=X.Y; the newest comes from Debian unstable instead, see
# kernel-source.sh), tests (the 6.12 and 6.1 sources, clang's sanitizers
# and libFuzzer, xmllint, the powerpc and sparc cross compilers the 6.12
# tests build with, and the sshd, rsync and distccd that the SSHLOGIN and
# distcc tests start, for make test), cross-ARCH (the Debian cross compiler
# for a kernel ARCH, check/cross.sh's: make check and make ci install it for
# the architectures whose files a change touches or affects), gcc or clang
# (the compiler of a configuration of check/config-variants, installed when
# a change needs it). No GROUP: tools and tests, so that a users' pipeline
# running make ci installs no kernel source.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

# cross ARCH: the Debian package of ARCH's cross compiler, none when one is
# installed.
cross() {
	_prefix=$("$TOOLKIT/check/cross.sh" "$1")
	case $? in
	0) ;;
	1) [ -n "$_prefix" ] || die "Debian has no cross compiler for ARCH=$1"
		packages="$packages gcc-${_prefix%-}" ;;
	*) exit 2 ;;
	esac
}

packages=
[ $# -gt 0 ] || set -- tools tests
for group in "$@"; do
	case $group in
	tools) packages="$packages coccinelle parallel gcc make flex bison bc libelf-dev libssl-dev
		pahole perl git python3-ply python3-git b4 time" ;;
	kernel-?*) packages="$packages linux-source-${group#kernel-}" ;;
	tests) packages="$packages linux-source-6.12 linux-source-6.1 clang libclang-rt-dev libxml2-utils
		openssh-server openssh-client rsync distcc"
		cross powerpc
		cross sparc ;;
	cross-?*) cross "${group#cross-}" ;;
	gcc | clang) packages="$packages $group" ;;
	*) die "unknown group '$group'; known groups: tools tests kernel-X.Y cross-ARCH gcc clang" ;;
	esac
done

missing=
for p in $packages; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)
	[ "$status" = installed ] || missing="$missing $p"
done
[ -z "$missing" ] && { verbose "all dependencies installed"; exit 0; }

command -v apt-get >/dev/null 2>&1 ||
	die "missing packages:$missing; this is not a Debian system, install them by hand"

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=sudo
else
	printf '%s: error: missing packages:%s; as root run:\n  apt-get update && %s\n' \
		"$prog" "$missing" "$cmd" >&2
	exit 2
fi

info "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null || die "apt-get update failed; check the network and sources.list"
# shellcheck disable=SC2086
$sudo $cmd >/dev/null || die "'$cmd' failed; run it by hand to see why"
