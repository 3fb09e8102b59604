#!/bin/sh
# The Linux source tarball Debian ships, as make kernel needs it.
#
#   kernel-source.sh newest       the newest X.Y of linux-source-X.Y Debian
#                                 has (its unstable distribution), on stdout
#   kernel-source.sh tarball X.Y  the path of linux-source-X.Y.tar.xz, fetched
#                                 when needed, on stdout
#
# A version the machine's own apt sources have (the release's 6.1, 6.12) is
# installed as any package is (deps.sh) and read from /usr/src. Any other
# comes from Debian unstable through the toolkit's own sources list and
# package lists under APT_DIR (default build/apt): "apt-get update" and
# "apt-get download" with Dir::Etc::sourcelist and Dir::State::Lists set, so
# the machine's apt configuration and lists stay as they are, and apt checks
# the archive's signature against Debian's keyring as always. The .deb is
# unpacked with dpkg-deb -x under APT_DIR and removed; its tarball stays.
# DEBIAN_MIRROR (default http://deb.debian.org/debian) is the archive.
# Exit 2, one line, when the archive cannot be read or has no such package.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

apt_dir=${APT_DIR:-$TOOLKIT/build/apt}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

# toolkit_apt CMD ARG...: apt-get or apt-cache on the toolkit's own lists.
toolkit_apt() {
	_cmd=$1
	shift
	"$_cmd" -q -o Dir::Etc::sourcelist="$apt_dir/sources.list" -o Dir::Etc::sourceparts=- \
		-o Dir::State::Lists="$apt_dir/lists" -o Dir::State::status=/dev/null \
		-o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= "$@"
}

# lists_update: the toolkit's package lists of Debian unstable, fresh.
lists_update() {
	require_cmd apt-get apt
	[ -r "$keyring" ] || die "no Debian archive keyring at $keyring; apt-get install debian-archive-keyring"
	mkdir -p "$apt_dir/lists/partial" || die "cannot create $apt_dir"
	printf 'deb [signed-by=%s] %s unstable main\n' "$keyring" "$mirror" >"$apt_dir/sources.list" ||
		die "cannot write $apt_dir/sources.list"
	# apt's _apt user may not reach the toolkit's directory: root reads it.
	toolkit_apt apt-get -o APT::Sandbox::User=root update >"$apt_dir/update.log" 2>&1 &&
		! grep -q '^\(W\|E\): ' "$apt_dir/update.log" ||
		die "cannot read Debian unstable at $mirror: $(grep -m1 '^\(W\|E\): ' "$apt_dir/update.log" | cut -c4-)"
}

# newest: the highest X.Y of the linux-source-X.Y packages in the lists.
newest() {
	toolkit_apt apt-cache pkgnames linux-source- 2>/dev/null |
		sed -n 's/^linux-source-\([0-9][0-9]*\.[0-9][0-9]*\)$/\1/p' | sort -t. -k1,1n -k2,2n | tail -n 1
}

# machine_has X.Y: the machine's own apt sources have linux-source-X.Y (on
# a machine whose package lists were never read, as root, once they are).
machine_has() {
	_candidate() {
		apt-cache policy "linux-source-$1" 2>/dev/null | sed -n 's/^ *Candidate: //p' | grep -qvx '(none)'
	}
	_candidate "$1" && return 0
	[ "$(id -u)" = 0 ] || return 1
	for _list in /var/lib/apt/lists/*_Packages*; do
		[ -e "$_list" ] && return 1
	done
	apt-get update -q >/dev/null 2>&1 && _candidate "$1"
}

case ${1:-} in
newest)
	[ $# -eq 1 ] || die "usage: $prog newest | tarball X.Y"
	lists_update
	version=$(newest)
	[ -n "$version" ] || die "Debian unstable at $mirror lists no linux-source-X.Y package"
	echo "$version"
	;;
tarball)
	[ $# -eq 2 ] || die "usage: $prog newest | tarball X.Y"
	version=$2
	echo "$version" | grep -qx '[0-9][0-9]*\.[0-9][0-9]*' ||
		die "KVER=$version is not a kernel version X.Y (such as 7.2 or 6.12)"
	tarball=/usr/src/linux-source-$version.tar.xz
	[ -r "$tarball" ] && { echo "$tarball"; exit 0; }
	if machine_has "$version"; then
		"$TOOLKIT/scripts/setup/deps.sh" "kernel-$version" >&2 || exit 2
		[ -r "$tarball" ] || die "linux-source-$version is installed but $tarball is missing"
		echo "$tarball"
		exit 0
	fi
	unpacked=$apt_dir/linux-source-$version
	tarball=$unpacked/usr/src/linux-source-$version.tar.xz
	[ -r "$tarball" ] && { echo "$tarball"; exit 0; }
	lists_update
	toolkit_apt apt-cache show "linux-source-$version" >/dev/null 2>&1 ||
		die "Debian has no package linux-source-$version (the newest is $(newest)); pass another KVER="
	info "downloading linux-source-$version from Debian unstable" >&2
	rm -rf "$apt_dir/download" && mkdir -p "$apt_dir/download" || die "cannot create $apt_dir/download"
	# apt's _apt user cannot write the toolkit's directory: a root
	# download is unsandboxed, which apt says in a warning of its own.
	(cd "$apt_dir/download" && toolkit_apt apt-get -o APT::Sandbox::User=root download "linux-source-$version") \
		>"$apt_dir/download.log" 2>&1 ||
		die "cannot download linux-source-$version: $(grep -m1 '^E: ' "$apt_dir/download.log" | cut -c4-)"
	rm -rf "$unpacked.tmp" &&
		dpkg-deb -x "$apt_dir/download/linux-source-${version}"_*.deb "$unpacked.tmp" &&
		[ -r "$unpacked.tmp/usr/src/linux-source-$version.tar.xz" ] &&
		rm -rf "$unpacked" && mv "$unpacked.tmp" "$unpacked" ||
		die "cannot unpack the linux-source-$version package into $unpacked"
	rm -rf "$apt_dir/download"
	echo "$tarball"
	;;
*)
	die "usage: $prog newest | tarball X.Y"
	;;
esac
