/* SPDX-License-Identifier: GPL-2.0 */
/* The file list (tree walk or explicit files) and the thread pool over it. */
#ifndef SRC_LIB_WALK_H
#define SRC_LIB_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "hits.h"
#include "lex.h"

enum file_flag {
	F_OUTSIDE	= 1 << 0,	/* not below KDIR: path is as given, opened from cwd */
	F_ONLY_DECLS	= 1 << 1,	/* read for declarations, not checked */
};

struct file {
	char *path;		/* relative to KDIR unless F_OUTSIDE */
	unsigned int flags;
	int err;		/* errno when the file could not be read */
	struct hits hits;
	void *aux;		/* more per-file results of the mode */
};

struct filelist {
	struct file *v;
	size_t n;
	size_t cap;
};

struct file *files_add(struct filelist *fl, char *path, unsigned int flags);

/*
 * Add every .c and .h file below @sub of the tree at @kdirfd ("" for all of
 * it), skipping hidden entries such as .git and symbolic links. A directory
 * that cannot be read becomes an entry with err set; a missing @sub is
 * no error.
 */
void walk_tree(int kdirfd, const char *sub, struct filelist *fl);

/*
 * Add a file named on the command line, or the .c and .h files below a
 * directory: relative to KDIR when it exists there, else relative to the
 * current directory or absolute. Returns false when it exists nowhere.
 */
bool files_add_arg(int kdirfd, const char *kdir, const char *arg, struct filelist *fl);

/* Sort by path and merge duplicates (flags are ANDed: checking wins). */
void files_sort(struct filelist *fl);

void files_free(struct filelist *fl);

/* A reusable read buffer, one spare NUL byte past the end. */
struct rbuf {
	char *p;
	size_t len;
	size_t cap;
};

/* Read all of @path into @b; 0 or an errno value. */
int read_at(int dirfd, const char *path, struct rbuf *b);

struct worker;
typedef void scan_fn(struct worker *w, struct file *f);

/* Whether a file the walk finds is wanted at all. */
typedef bool keep_fn(const char *path, const void *arg);

struct walk_queue;

struct pool {
	int kdirfd;
	int jobs;
	struct filelist *files;
	scan_fn *fn;
	void *arg;		/* the mode's shared, read-only state */
	keep_fn *keep;		/* pool_walk(): NULL keeps every file */
	const void *keep_arg;
	struct walk_queue *q;	/* private: batches of files for the threads */
};

/* Per-thread state handed to scan_fn. */
struct worker {
	struct pool *pool;
	struct rbuf buf;	/* the file being scanned */
	struct lexer lx;
	struct tokvec tv;
	void *priv;		/* the mode's per-thread scratch, freed after */
};

/* Read every file of p->files and call fn on it, on @jobs threads. */
void pool_run(struct pool *p);

/*
 * Walk all of KDIR as walk_tree() does, and scan the files on the pool's
 * threads while the walk goes on. p->files gets every entry kept, unsorted.
 */
void pool_walk(struct pool *p);

#endif
