#!/bin/sh
# free-space.sh DIR GB: make test's first run writes about GB gigabytes
# (the three trees, their scratch clones, worktrees and build directories);
# when DIR's file system has less free, say so in one line and exit 2
# before anything starts, rather than fail part-way with a full disk.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../../scripts/lib/lib.sh"

[ $# -eq 2 ] || die "usage: $prog DIR GB"
mkdir -p "$1" || die "cannot create $1"
free=$(free_mb "$1")
[ -n "$free" ] || die "df cannot read the free space of $1"
free=$((free / 1024))
[ "$free" -ge "$2" ] ||
	die "make test needs about $2 GB free for its first run, $1 has $free GB; free some (make clean O=... removes an old O) or pass O= on a larger disk"
