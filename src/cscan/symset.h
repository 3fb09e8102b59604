/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mm-private symbol set, derived from the tree: the ALLOC_* macros of
 * mm/internal.h and everything mm/page_alloc.h declares (with --audit,
 * everything mm/internal.h declares too). Names that a public header also
 * declares leave the set once the scan has seen that header.
 */
#ifndef CSCAN_SYMSET_H
#define CSCAN_SYMSET_H

#include <stdbool.h>
#include <stdint.h>

#include "nameset.h"

#define MM_INTERNAL "mm/internal.h"
#define MM_PAGE_ALLOC "mm/page_alloc.h"

struct sym {
	const char *header;	/* MM_INTERNAL or MM_PAGE_ALLOC */
	uint32_t line;		/* of its first declaration there */
	uint8_t kind;		/* enum decl_kind */
	bool audit;		/* only in the --audit set: findings are warnings */
	char *public_at;	/* "path:line" of a public declaration, if any */
};

struct symset {
	struct nameset names;	/* ids index v[] */
	struct sym *v;
	size_t nv;
	size_t cap;
	bool internal_has_page_alloc;	/* mm/internal.h includes mm/page_alloc.h */
};

/*
 * Read mm/internal.h and mm/page_alloc.h below @kdirfd. Returns 0, or 2
 * after printing why when neither can be read.
 */
int symset_derive(struct symset *s, int kdirfd, bool audit);

/* Headers on the kernel's global include paths: include/ and arch/<arch>/include/. */
bool is_public_header(const char *path);

void symset_free(struct symset *s);

#endif
