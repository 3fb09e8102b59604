#!/bin/sh
# Commit STEP's change, staged in the current tree (a kernel git work tree),
# as one commit per subsystem: the changed files grouped by the migration's
# drivers-migrated/ entry (entries.sh: entry_for), files no entry knows by
# their inferred subject prefix (prefix.sh); the groups in the order of
# their first file's path. Messages: series-message.sh STEP PATH...;
# commits: series-commit.sh.
#
#   series-subsystems.sh STEP
#
# SERIES_BASE is the commit whose history prefix.sh reads (default HEAD).
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"
# shellcheck source=scripts/lib/entries.sh
. "$TOOLKIT/scripts/lib/entries.sh"

[ $# -eq 1 ] || die "usage: $prog STEP (run at the top of the tree, the step's change staged)"
step=$1
make_work_dir

git diff --cached --name-only --no-renames HEAD | LC_ALL=C sort >"$work/files" ||
	die "git diff failed in $(pwd)"
while read -r path; do
	if entry=$(entry_for "$path"); then
		key=$entry
	else
		key=$("$TOOLKIT/scripts/series/prefix.sh" "${SERIES_BASE:-HEAD}" "$path") || exit 2
	fi
	printf '%s\t%s\n' "$key" "$path"
done <"$work/files" >"$work/keyed"

# The files are sorted, so a group's first appearance is its first file.
cut -f1 "$work/keyed" | awk '!seen[$0]++' >"$work/groups"
nl='
'
while IFS= read -r key; do
	paths=$(awk -F'\t' -v k="$key" '$1 == k { print $2 }' "$work/keyed")
	IFS=$nl
	# shellcheck disable=SC2086
	set -- $paths
	unset IFS
	verbose "$step: $key: $*"
	"$TOOLKIT/scripts/series/series-message.sh" "$step" "$@" >"$work/msg" &&
	"$TOOLKIT/scripts/series/series-commit.sh" "$work/msg" "$@" || exit 2
done <"$work/groups"
