#!/bin/sh
# page-alloc, step move-alloc-pages, first part: alloc_pages_node(), the
# public inline of include/linux/gfp.h that calls __alloc_pages(), goes out
# of line into mm/page_alloc.c, exported like __alloc_pages(), so that the
# move that follows can take __alloc_pages() out of gfp.h. gfp.h keeps a
# prototype (alloc_pages_node_out_of_line.cocci); the body is
# alloc_pages_node.c.in, after __alloc_pages()'s export.
# shellcheck source=scripts/lib/lib.sh
. "$TOOLKIT/scripts/lib/lib.sh"

gfp=include/linux/gfp.h

# With allocation profiling (v6.10+) the function is __alloc_pages_noprof()
# and __alloc_pages() its macro; before, __alloc_pages() is the function.
if cscan refs . __alloc_pages_noprof -- $gfp | grep -q .; then
	core=__alloc_pages_noprof node=alloc_pages_node_noprof
elif cscan refs . __alloc_pages -- $gfp | grep -q .; then
	core=__alloc_pages node=alloc_pages_node
else
	info "skipped: $gfp no longer declares __alloc_pages()"
	exit 0
fi
[ -f mm/page_alloc.h ] ||
	die "mm/page_alloc.h does not exist; this step needs the split step first (STEPS='split ... move-alloc-pages')"
left=$(cscan refs -l . __alloc_pages_node __alloc_pages_node_noprof) || exit 2
[ -z "$left" ] ||
	die "__alloc_pages_node() is still used ($(echo $left)); this step needs the remove-node step first"
grep -q "^EXPORT_SYMBOL($core);\$" mm/page_alloc.c ||
	die "mm/page_alloc.c does not export $core(); this kernel is not one the step knows"

run_cocci "$SPEC_DIR/alloc_pages_node_out_of_line.cocci" $gfp
awk -v core="$core" -v node="$node" -v body="$SPEC_DIR/alloc_pages_node.c.in" '
	{ print }
	$0 == "EXPORT_SYMBOL(" core ");" { pending = 1; next }
	pending && NF == 0 {
		while ((getline line < body) > 0) {
			gsub(/@NODE@/, node, line)
			gsub(/@CORE@/, core, line)
			print line
		}
		print ""
		pending = 0
	}' mm/page_alloc.c >mm/page_alloc.c.new && cat mm/page_alloc.c.new >mm/page_alloc.c && rm mm/page_alloc.c.new ||
	die "cannot add $node() to mm/page_alloc.c"
