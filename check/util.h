/* SPDX-License-Identifier: GPL-2.0 */
/* Small helpers shared by the scanner: allocation, growable arrays, paths. */
#ifndef CSCAN_UTIL_H
#define CSCAN_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

extern const char *progname;

_Noreturn void die_oom(void);
void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Make room for at least @need elements of @size bytes in *@p. */
void *grow(void *p, size_t *cap, size_t need, size_t size);
#define GROW(v, n, cap) ((v) = grow((v), &(cap), (n), sizeof(*(v))))

/*
 * Lexically normalize a '/'-separated relative path: drop "." and empty
 * components, fold "dir/..". Returns false when ".." climbs above the root.
 */
bool path_normalize(const char *in, char *out, size_t outsz);

/* Is @path equal to @dir or below it? @dir may end in '/'. */
bool path_under(const char *path, const char *dir);

#endif
