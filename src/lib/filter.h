/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A byte-level prefilter: does a buffer contain any of a set of strings?
 * Files that contain none of the names a mode looks for are never lexed.
 */
#ifndef SRC_LIB_FILTER_H
#define SRC_LIB_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct anchor;

struct filter {
	char **needles;
	size_t nneedles;
	size_t cap;
	struct anchor *anchors;	/* built from the needles */
	size_t n;
	size_t maxlen;
	uint64_t *pairs;	/* bitset of anchors' first two bytes */
	size_t first[257];	/* anchors starting with byte c: [first[c], first[c + 1]) */
};

void filter_add(struct filter *f, const char *s, size_t len);

/* Turn the needles into a few shared-prefix anchors; call before filter_any. */
void filter_build(struct filter *f);

/* Might @buf contain one of the needles? False means certainly not. */
bool filter_any(const struct filter *f, const char *buf, size_t len);

void filter_free(struct filter *f);

#endif
