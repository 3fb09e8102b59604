#!/bin/sh
# Step "callers": outside mm/ and include/, move every caller of
# __alloc_pages_node() / __alloc_pages() (and their _noprof forms) to the
# public alloc_pages_node(). Runs in the current tree; edits in place.
. "$(dirname "$0")/../lib.sh"

symbols="__alloc_pages_node __alloc_pages_node_noprof __alloc_pages __alloc_pages_noprof"
cocci_dir=$TOOLKIT/cocci

# Callers are discovered, never listed: code references of the symbols in
# .c/.h files outside the directories the mm steps own.
candidates=$(git grep -lw $(printf -- '-e %s ' $symbols) -- '*.c' '*.h' ':!mm/' ':!include/') ||
	[ $? -eq 1 ] || die "git grep failed in $(pwd)"
if [ -z "$candidates" ]; then
	info "skipped: no caller of __alloc_pages_node() or __alloc_pages() outside mm/ and include/"
	exit 0
fi
verbose "candidates: $(echo $candidates)"

for cocci in "$cocci_dir"/alloc_pages_node.cocci "$cocci_dir"/alloc_pages.cocci; do
	# shellcheck disable=SC2086
	"$TOOLKIT"/scripts/cocci-apply.sh "$cocci" $candidates || exit
done
