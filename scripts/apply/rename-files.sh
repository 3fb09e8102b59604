#!/bin/sh
# Rename identifiers at exact positions, byte-minimal, in the files of the
# current tree: RENAMES holds "path line col old new" rows (1-based byte
# column), in any order. Only each identifier changes (rename-at.awk, one
# process for every file).
#
#   rename-files.sh RENAMES
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

[ $# -eq 1 ] || die "usage: $prog RENAMES"
[ -s "$1" ] || exit 0
LC_ALL=C awk -f "$TOOLKIT/scripts/apply/rename-rows.awk" -f "$TOOLKIT/scripts/apply/rename-at.awk" "$1" || die "renaming failed in $(pwd)"
