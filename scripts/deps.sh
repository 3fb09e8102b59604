#!/bin/sh
# make deps: install the Debian packages the toolkit needs, only those missing.
# Without root and without sudo, print the apt-get command and exit 2.
. "$(dirname "$0")/lib.sh"

packages="coccinelle parallel linux-source-6.12 linux-source-6.1 gcc clang make flex bison bc
libelf-dev libssl-dev pahole perl git python3-ply python3-git libclang-rt-dev libxml2-utils"

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
