#!/bin/sh
# Step "callers": outside mm/ and include/, move every caller of
# __alloc_pages_node() / __alloc_pages() (and their _noprof forms) to the
# public alloc_pages_node(). Runs in the current tree; edits in place.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

symbols="__alloc_pages_node __alloc_pages_node_noprof __alloc_pages __alloc_pages_noprof"

# Callers are discovered, never listed: code references of the symbols
# outside the directories the mm steps own.
candidates=$(cscan refs -l --exclude mm/ --exclude include/ . $symbols) || exit 2
if [ -z "$candidates" ]; then
	info "skipped: no caller of __alloc_pages_node() or __alloc_pages() outside mm/ and include/"
	exit 0
fi
verbose "candidates: $(echo $candidates)"

warnings=$(mktemp) || die "cannot create a temporary file"
trap 'rm -f "$warnings"' EXIT
trap 'exit 2' INT TERM HUP
for cocci in alloc_pages_node alloc_pages; do
	# shellcheck disable=SC2086
	"$TOOLKIT/scripts/cocci-apply.sh" "$TOOLKIT/cocci/$cocci.cocci" $candidates >>"$warnings" || exit
done
cat "$warnings" >&2

# What is still called but was not reported is a call spatch could not
# match, most often in a function it failed to parse: never skip it silently.
# shellcheck disable=SC2086
cscan refs . $symbols -- $candidates | while IFS=: read -r path line col sym; do
	grep -q "^$path:$line:$col: " "$warnings" ||
		printf '%s:%s:%s: warning:%s() not migrated: spatch could not match this call; migrate it by hand\n' \
			"$path" "$line" "$col" "$sym" >&2
done
