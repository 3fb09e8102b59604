#!/bin/sh
# Step "remove-node": convert the remaining users of __alloc_pages_node() in
# mm/ and fold the function into alloc_pages_node() in include/linux/gfp.h,
# which keeps its behaviour (NUMA_NO_NODE, the node check, the offline-node
# warning). Runs in the current tree; edits in place.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

symbols="__alloc_pages_node __alloc_pages_node_noprof"
gfp=include/linux/gfp.h

users=$(cscan refs -l . $symbols -- mm) || [ $? -eq 1 ] || exit 2
defined=$(cscan refs -l . $symbols -- $gfp) || [ $? -eq 1 ] || exit 2
if [ -z "$users$defined" ]; then
	info "skipped: __alloc_pages_node() is already gone"
	exit 0
fi

# shellcheck disable=SC2086
[ -z "$users" ] || "$TOOLKIT/scripts/cocci-apply.sh" "$TOOLKIT/cocci/alloc_pages_node.cocci" $users || exit
[ -z "$defined" ] || run_cocci "$TOOLKIT/cocci/fold_alloc_pages_node.cocci" $gfp

# Every reference must be gone now, or the tree would not build.
left=$(cscan refs . $symbols) || [ $? -eq 1 ] || exit 2
if [ -n "$left" ]; then
	printf '%s\n' "$left" | sed 's/$/: still referenced/' >&2
	printf '%s: error: __alloc_pages_node() still has users; run the callers step first\n' "$prog" >&2
	exit 1
fi
