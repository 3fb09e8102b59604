// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>

#include "hits.h"
#include "util.h"

void hits_add(struct hits *h, uint32_t line, uint32_t col, uint32_t sym, uint32_t kind)
{
	GROW(h->v, h->n + 1, h->cap);
	h->v[h->n++] = (struct hit){ .line = line, .col = col, .sym = sym, .kind = kind };
}

static int cmp_u32(uint32_t a, uint32_t b)
{
	return (a > b) - (a < b);
}

static int hit_cmp(const void *pa, const void *pb)
{
	const struct hit *a = pa, *b = pb;
	int c = cmp_u32(a->line, b->line);

	if (!c)
		c = cmp_u32(a->col, b->col);
	if (!c)
		c = cmp_u32(a->kind, b->kind);
	return c ? c : cmp_u32(a->sym, b->sym);
}

void hits_sort(struct hits *h)
{
	if (h->n > 1)
		qsort(h->v, h->n, sizeof(*h->v), hit_cmp);
}

void hits_free(struct hits *h)
{
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
}
