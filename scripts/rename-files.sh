#!/bin/sh
# Rename identifiers at exact positions, byte-minimal, in the files of the
# current tree: RENAMES holds "path line col old new" rows (1-based byte
# column), in any order. Only each identifier changes (rename-at.awk).
#
#   rename-files.sh RENAMES
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"

[ $# -eq 1 ] || die "usage: $prog RENAMES"
make_work_dir
cut -d' ' -f1 "$1" | sort -u | while read -r file; do
	awk -v f="$file" '$1 == f { print $2, $3, $4, $5 }' "$1" >"$work/edits"
	LC_ALL=C awk -f "$TOOLKIT/scripts/rename-at.awk" "$work/edits" "$file" >"$work/new" &&
		cat "$work/new" >"$file" || exit 2
done || die "renaming failed in $(pwd)"
