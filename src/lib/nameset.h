/* SPDX-License-Identifier: GPL-2.0 */
/* A set of names, each with a dense id in insertion order. */
#ifndef SRC_LIB_NAMESET_H
#define SRC_LIB_NAMESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NAME_NONE UINT32_MAX

struct nameset {
	uint32_t *slots;	/* id + 1, or 0 for an empty slot */
	size_t mask;
	struct name {
		char *s;	/* NUL-terminated copy */
		uint32_t hash;
	} *names;		/* by id */
	size_t n;
	size_t cap;
	uint64_t lens;		/* bit (length % 64) set for some name: quick misses */
};

/* The id of @name, adding it when missing. */
uint32_t nameset_add(struct nameset *s, const char *name, size_t len);

/* The id of @name, or NAME_NONE. */
uint32_t nameset_find(const struct nameset *s, const char *name, size_t len);

void nameset_free(struct nameset *s);

#endif
