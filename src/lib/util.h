/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers shared by the scanner and the mover: allocation, growable
 * arrays, paths and command line options; their error messages come from
 * diag.h.
 */
#ifndef SRC_LIB_UTIL_H
#define SRC_LIB_UTIL_H

#include <stdarg.h>
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
char *xvasprintf(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

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

/* Is @path under one of the @ndirs directories @dirs? */
bool path_under_any(const char *path, char *const *dirs, size_t ndirs);

/* Append @s to the array *@v of *@n strings. */
void strv_push(char ***v, size_t *n, char *s);

/*
 * Does argument @a name the option @name: "--name", "--name=V", and for a
 * one-letter option also "-jV"?
 */
bool opt_is(const char *a, const char *name);

/*
 * The value of option @name at argv[*@i]: "--name=V", "--name V", "-jV" or
 * "-j V" (then *@i steps over V). A usage error when V is missing.
 */
const char *opt_value(int argc, char **argv, int *i, const char *name);

/* The value of -j: a thread count from 1 to 1024, or a usage error. */
int parse_jobs(const char *s);

/* The default thread count: the online CPUs, at least 1. */
int online_cpus(void);

#endif
