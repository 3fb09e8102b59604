#!/bin/sh
# make kernel: provision the default tree from the Debian linux-source tarball
# as a git work tree with one baseline commit. Reuses a tree that exists.
#
# usage: kernel.sh TARBALL DEST
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

[ $# -eq 2 ] || die "usage: $prog TARBALL DEST"
tarball=$1 dest=$2

if [ -d "$dest/.git" ]; then
	git -C "$dest" rev-parse --verify -q HEAD >/dev/null ||
		die "$dest exists but has no baseline commit; remove it and run 'make kernel' again"
	verbose "reusing $dest"
	exit 0
fi
[ -e "$dest" ] && die "$dest exists but is not a git tree; remove it and run 'make kernel' again"
[ -r "$tarball" ] || die "$tarball not found; pass TARBALL= a linux-source tarball, or run make kernel without it to fetch Debian's"
require_cmd git git
require_cmd xz xz-utils

# One make kernel at a time on DEST: the lock file is beside it.
mkdir -p "$(dirname "$dest")" || die "cannot create $(dirname "$dest")"
lock_file 9 "$dest.lock" "make kernel" "$dest"
# Made by a run that has just ended: check it again.
[ ! -e "$dest" ] || exec "$0" "$tarball" "$dest"

# Extract beside the destination and rename at the end, so an interrupted
# run never leaves a half-made tree where the next run would reuse it.
tmp="$dest.tmp.$$"
trap 'rm -rf "$tmp" "$tmp.list"' EXIT
trap 'exit 2' INT TERM HUP
mkdir -p "$tmp"
info "extracting $tarball into $dest"
# The names tar lists as it extracts are counted (directories end in "/"):
# the baseline must track that many files.
tar -xvf "$tarball" -C "$tmp" --strip-components=1 >"$tmp.list" || die "cannot extract $tarball"
files=$(grep -vc '/$' "$tmp.list")
rm -f "$tmp.list"

# The Debian tarball's .gitignore ends with a packaging stanza ("/*",
# "!/debian/") that ignores every top-level path: with it, git add tracks
# nothing and files created later (a new header) never reach a commit.
# (--force: the tarball is the source, so its dot-files are tracked too.)
# Upstream's .gitignore has no such stanza, so the baseline drops it.
awk '
	/^# Debian packaging:/ { drop = 1 }
	!drop { buf[n++] = $0 }
	END {
		# the stanza opens with a bare "#" line and a blank line before it
		while (n > 0 && (buf[n - 1] == "#" || buf[n - 1] == "")) n--
		for (i = 0; i < n; i++) print buf[i]
	}' "$tmp/.gitignore" > "$tmp/.gitignore.new" && mv "$tmp/.gitignore.new" "$tmp/.gitignore"

version=$(sed -n 's/^\(VERSION\|PATCHLEVEL\|SUBLEVEL\) = //p' "$tmp/Makefile" | paste -sd.)
# Fixed dates make the baseline commit, and so every series on it, reproducible.
date=$(date -u -r "$tarball" +%Y-%m-%dT%H:%M:%SZ)
(
	cd "$tmp" &&
	git init -q -b master . &&
	git add -A --force &&
	GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date \
	git -c user.name=linux-source -c user.email=linux-source@localhost \
		commit -q -m "Linux $version (Debian linux-source tarball)"
) || die "cannot create the baseline commit in $tmp"

untracked=$(git -C "$tmp" status --porcelain --ignored | head -n 3)
[ -z "$untracked" ] || die "baseline left files out of git: $untracked"
tracked=$(git -C "$tmp" ls-files | wc -l)
[ "$tracked" -eq "$files" ] || die "the baseline tracks $tracked files, the tarball has $files; report it with the tarball's name"
# Kept for make test, which checks the tree against it.
echo "$files" >"$tmp/.git/api-migrate-tarball-files" || die "cannot write $tmp/.git/api-migrate-tarball-files"
mv "$tmp" "$dest" || die "cannot move $tmp to $dest"
trap - EXIT
info "$dest: Linux $version, baseline $(git -C "$dest" rev-parse --short HEAD)"
