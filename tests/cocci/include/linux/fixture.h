/* SPDX-License-Identifier: GPL-2.0 */
/* include/ is the mm steps' business too. */
#ifndef FIXTURE_H
#define FIXTURE_H
static inline struct page *fixture_alloc(int nid)
{
	return __alloc_pages_node(nid, GFP_KERNEL, 0);
}
#endif
