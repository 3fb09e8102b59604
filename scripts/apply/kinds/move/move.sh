#!/bin/sh
# Step kind "move": declarations leave the header STEP_FROM for STEP_TO
# (cmove: comments, order and conditional groups kept; the #include of
# STEP_TO added to the files of STEP_SCOPE that use what moved), or, with
# "to: none", are deleted while nothing uses them any more.
#
# What moves: the declarations of STEP_FROM named by STEP_NAMES (names or
# shell patterns), and with STEP_USED_ONLY_BY=FILE every other declaration
# of STEP_FROM that only FILE uses in code, tree-wide; less what a
# declaration staying in STEP_FROM still uses (STEP_FROM must not need
# STEP_TO). A new STEP_TO (STEP_CREATE=yes) gets STEP_INCLUDE's includes
# and, with STEP_MAINTAINERS=FILE, a MAINTAINERS line in FILE's section.
# When the spec makes STEP_TO wholly private ("private: STEP_TO"), the
# EXPORT_SYMBOL*() of each function that moved goes too, unless a file that
# Kbuild can build as a module uses it (then it stays, with a note).
# Runs at the top of the tree; see scripts/lib/steps.sh for the contract.
# shellcheck source=scripts/lib/lib.sh
. "$TOOLKIT/scripts/lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$TOOLKIT/scripts/lib/spec.sh"
set -f # names may be shell patterns: never expanded against files

from=${STEP_FROM:?} to=${STEP_TO:?}
cmove=${O:?}/bin/cmove
make_work_dir

[ -f "$from" ] || { info "skipped: no $from in this tree"; exit 0; }
if [ "$to" != none ] && [ ! -f "$to" ] && [ "${STEP_CREATE:-no}" != yes ]; then
	die "$to does not exist; run the step that creates it first (STEPS=...)"
fi

"$cmove" --list . "$from" >"$work/decls" || exit 2
# "FROM:START-END: KIND NAME" -> "START END KIND NAME"
sed -n 's/^[^:]*:\([0-9]*\)-\([0-9]*\): \([a-z-]*\) \(.*\)$/\1 \2 \3 \4/p' "$work/decls" >"$work/extents"
awk '{ print $4 }' "$work/extents" | sort -u >"$work/names"

# The declarations STEP_NAMES chooses, of those FROM has.
: >"$work/chosen"
while read -r name; do
	for pattern in ${STEP_NAMES:-}; do
		# shellcheck disable=SC2254
		case $name in $pattern) echo "$name" >>"$work/chosen"; break ;; esac
	done
done <"$work/names"
if [ -n "${STEP_NAMES:-}" ] && [ ! -s "$work/chosen" ]; then
	info "skipped: $from declares none of $(echo $STEP_NAMES)"
	exit 0
fi

# Which files use each declaration of FROM, in code, tree-wide: "SYM path".
# shellcheck disable=SC2046
cscan refs . $(cat "$work/names") >"$work/refs" || exit 2
sed 's/^\([^:]*\):[0-9]*:[0-9]*: \(.*\)$/\2 \1/' "$work/refs" | sort -u >"$work/users"

# What moves: what STEP_NAMES chose and what only STEP_USED_ONLY_BY uses,
# less what stays in FROM needs (an enum with its constants, a typedef with
# what it names, as one unit); see move-plan.awk.
grep "^$from:" "$work/refs" | sed 's/^[^:]*:\([0-9]*\):[0-9]*: /\1 /' >"$work/from-refs"
awk -v from="$from" -v only="${STEP_USED_ONLY_BY:-}" -f "$TOOLKIT/scripts/apply/kinds/move/move-plan.awk" \
	"$work/extents" "$work/users" "$work/chosen" "$work/from-refs" >"$work/moving" || exit 2
[ -s "$work/moving" ] || { info "skipped: nothing in $from to move"; exit 0; }
verbose "moving: $(tr "\n" " " <"$work/moving")"

if [ "$to" = none ]; then
	# shellcheck disable=SC2046
	"$cmove" --delete . "$from" $(cat "$work/moving") || exit
	exit 0
fi
set --
for dir in ${STEP_SCOPE:-}; do set -- "$@" --scope "$dir"; done
created=0
[ -f "$to" ] || created=1
for header in ${STEP_INCLUDE:-}; do set -- "$@" --include "$header"; done
# shellcheck disable=SC2046
"$cmove" "$@" . "$from" "$to" $(cat "$work/moving") || exit
if [ $created = 1 ] && [ -n "${STEP_MAINTAINERS:-}" ]; then
	"$TOOLKIT/scripts/apply/kinds/move/maintainers-add.sh" "$to" "$STEP_MAINTAINERS" || exit
fi

# Exports of what became private: "private: HEADER" with no patterns.
spec_get 0 private | grep -qx "$to" || exit 0
dir=${to%/*}/
# shellcheck disable=SC2046
git grep -n -E "^EXPORT_SYMBOL[A-Z_]*\(($(tr '
' '|' <"$work/moving" | sed 's/|$//'))[,)]" -- "$dir" |
	while IFS=: read -r file line text; do
		name=$(echo "$text" | sed 's/^[A-Z_]*(\([A-Za-z0-9_]*\).*//')
		module=$("$TOOLKIT/scripts/apply/kinds/move/module-users.sh" "$name" "$file") || exit 2
		if [ -n "$module" ]; then
			printf '%s:%s:1: note: %s() stays exported: %s, which Kbuild can build as a module, uses it\n' \
				"$file" "$line" "$name" "$module" >&2
			continue
		fi
		printf '%s %s\n' "$file" "$line"
	done >"$work/exports" || exit 2
sort -k1,1 -k2,2nr "$work/exports" | while read -r file line; do
	sed -i "${line}d" "$file" || exit 2
	verbose "$file:$line: export removed"
done || die "cannot remove the exports of what moved"
