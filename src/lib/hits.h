/* SPDX-License-Identifier: GPL-2.0 */
/* Findings of one file, kept as positions until the whole tree is done. */
#ifndef SRC_LIB_HITS_H
#define SRC_LIB_HITS_H

#include <stddef.h>
#include <stdint.h>

struct hit {
	uint32_t line;
	uint32_t col;
	uint32_t sym;	/* index into the mode's symbol table */
	uint32_t kind;	/* what the mode found there */
};

struct hits {
	struct hit *v;
	size_t n;
	size_t cap;
};

void hits_add(struct hits *h, uint32_t line, uint32_t col, uint32_t sym, uint32_t kind);

/* Order by line, then column, then kind: output must not depend on threads. */
void hits_sort(struct hits *h);

void hits_free(struct hits *h);

#endif
