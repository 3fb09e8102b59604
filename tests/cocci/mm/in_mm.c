// SPDX-License-Identifier: GPL-2.0
/* mm/ is the mm steps' business: the callers step leaves it alone. */
#include <linux/gfp.h>

struct page *mm_internal_alloc(int nid)
{
	return __alloc_pages_node(nid, GFP_KERNEL, 0);
}
