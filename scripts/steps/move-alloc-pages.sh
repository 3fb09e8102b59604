#!/bin/sh
# Step "move-alloc-pages": __alloc_pages() (and __alloc_pages_noprof())
# leave include/linux/gfp.h for mm/page_alloc.h. alloc_pages_node(), the
# public inline that still calls it, goes out of line into mm/page_alloc.c,
# exported like __alloc_pages(). Documentation prose that names
# __alloc_pages() follows; stack traces stay as they are.
# shellcheck source=scripts/lib/lib.sh
. "$(dirname "$0")/../lib/lib.sh"

gfp=include/linux/gfp.h
private=mm/page_alloc.h

# With allocation profiling (v6.10+) the function is __alloc_pages_noprof()
# and __alloc_pages() its macro; before, __alloc_pages() is the function.
if cscan refs . __alloc_pages_noprof -- $gfp | grep -q .; then
	core=__alloc_pages_noprof node=alloc_pages_node_noprof moved="__alloc_pages_noprof __alloc_pages"
elif cscan refs . __alloc_pages -- $gfp | grep -q .; then
	core=__alloc_pages node=alloc_pages_node moved=__alloc_pages
else
	info "skipped: $gfp no longer declares __alloc_pages()"
	exit 0
fi
[ -f "$private" ] ||
	die "$private does not exist; this step needs the split step first (STEPS='split ... move-alloc-pages')"
left=$(cscan refs -l . __alloc_pages_node __alloc_pages_node_noprof) || exit 2
[ -z "$left" ] ||
	die "__alloc_pages_node() is still used ($(echo $left)); this step needs the remove-node step first"
grep -q "^EXPORT_SYMBOL($core);\$" mm/page_alloc.c ||
	die "mm/page_alloc.c does not export $core(); this kernel is not one the step knows"

# alloc_pages_node() out of line: gfp.h keeps a prototype, mm/page_alloc.c
# gets the body right after its sibling's export. Should gfp.h's inline
# have another shape, it still calls $core() and cmove below refuses.
run_cocci "$TOOLKIT/cocci/alloc_pages_node_out_of_line.cocci" $gfp
awk -v core="$core" -v node="$node" -v body="$TOOLKIT/scripts/steps/alloc_pages_node.c.in" '
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

# The declarations move; the mm/ files that use them include mm/page_alloc.h.
# shellcheck disable=SC2086
"${O:?}/bin/cmove" --scope mm/ . $gfp $private $moved || exit

# Prose, not stack traces: "__alloc_pages()" with its parentheses names the
# function; a trace shows "__alloc_pages+0x39e/0x7e0".
docs=$(git grep -l -E '\b__alloc_pages(_noprof)?\(\)' -- Documentation) || [ $? -eq 1 ] || exit 2
for doc in $docs; do
	sed -i -E 's/\b__alloc_pages(_noprof)?\(\)/alloc_pages()/g' "$doc" || die "cannot edit $doc"
done
