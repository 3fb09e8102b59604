#!/bin/sh
# make migrations: every migration of cocci/ with its spec's one-line
# summary, the one MIGRATION selects marked (O: where the specs are
# parsed; make passes it). Exit 0, or 2 when a spec is broken (named by
# file and line; the others are still listed).
#
#   migrations.sh
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/lib/lib.sh"
# shellcheck source=scripts/lib/spec.sh
. "$(dirname "$0")/lib/spec.sh"

[ $# -eq 0 ] || die "usage: $prog"
absolute_o
selected=$(migration_name "${MIGRATION:-}")
rc=0
# The names' column is as wide as the longest name.
width=$(migration_names | awk '{ if (length($0) > w) w = length($0) } END { print w + 0 }')
for name in $(migration_names); do
	(
		MIGRATION=$name
		spec_load
		mark=
		[ "$name" = "$selected" ] && mark=" (selected)"
		printf '%-*s  %s%s\n' "$width" "$name" "$(spec_get 0 summary)" "$mark"
	) || rc=2
done
exit $rc
