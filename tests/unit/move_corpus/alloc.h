/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LIB_ALLOC_H
#define __LIB_ALLOC_H

#include <linux/types.h>

struct pool;

/* Flags of a widget request. */
#define WID_FAST	0x01	/* no waiting */
#define WID_ZERO	0x02
#define WID_MASK	(WID_FAST | \
			 WID_ZERO)

/*
 * A widget request: what the allocator
 * needs to know.
 */
struct wid_req {
	unsigned int flags;
	int node;
};

enum wid_kind {
	WID_SMALL,
	WID_LARGE,
};

#define wid_ok(r)	((r)->flags & WID_FAST)

int pool_init(struct pool *p);

struct widget *wid_get(struct wid_req *req,
		       unsigned int count,
		       int node);

static inline int wid_count(const struct wid_req *r)
{
	return r->node + 1;
}

extern unsigned long wid_total;

typedef unsigned int wid_flags_t;

#ifdef CONFIG_WID_DEBUG
void wid_check(struct wid_req *req);
#else
static inline void wid_check(struct wid_req *req) { }
#endif

#ifdef CONFIG_WID_STATS
void wid_stats(void);	/* moves */
void pool_stats(void);	/* stays */
#else
#define wid_stats() do { } while (0)
static inline void pool_stats(void) { }
#endif

int pool_size(struct pool *p);

#endif /* __LIB_ALLOC_H */
