/* SPDX-License-Identifier: GPL-2.0 */
/* The command line, the per-file pipeline and the report shared by the modes. */
#ifndef CSCAN_H
#define CSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decl.h"
#include "diag.h"
#include "filter.h"
#include "hits.h"
#include "nameset.h"
#include "shape.h"
#include "symset.h"
#include "walk.h"

struct allow {
	char *sym;
	char **dirs;
	size_t ndirs;
};

struct cli {
	const char *mode;
	const char *kdir;	/* as given */
	char *kdir_real;	/* resolved, for FILE arguments */
	int kdirfd;
	int jobs;
	bool verbose;
	bool audit;
	bool list_symbols;
	bool list_files;	/* refs -l */
	bool rename;		/* refs --rename */
	char **files;		/* FILE arguments */
	size_t nfiles;
	char **syms;		/* refs SYM arguments */
	size_t nsyms;
	char **excludes;	/* directory prefixes relative to KDIR */
	size_t nexcludes;
	struct allow *allows;
	size_t nallows;
	struct priv *privs;	/* leak --private */
	size_t nprivs;
};

int mode_leak(struct cli *c);
int mode_api(struct cli *c);
int mode_refs(struct cli *c);
int mode_tokens(const char *path);

/*
 * Add the FILE arguments to @fl (directories stand for their .c and .h
 * files); those below an --exclude directory or that @keep (may be NULL)
 * rejects are left out.
 */
void collect_args(const struct cli *c, struct filelist *fl, keep_fn *keep, const void *arg);

/*
 * Scan on the pool @p the FILE arguments when there are any, else every .c
 * and .h file of KDIR as the walk finds them, less what collect_args()
 * leaves out. p->files ends up sorted by path.
 */
void scan_files(const struct cli *c, struct pool *p, keep_fn *keep, const void *arg);

bool cli_excluded(const struct cli *c, const char *path);

/*
 * Lex the worker's buffer into w->tv (with comment mentions when asked),
 * then read its declarations: @fn gets them, members get TF_MEMBER.
 */
void lex_file(struct worker *w, bool mentions, decl_fn *fn, void *ctx);

/* A code reference: an identifier outside comments and literals, not a member. */
static inline bool is_ref(const struct token *t)
{
	return t->kind == TOK_IDENT && !(t->flags & (TF_MEMBER | TF_DIRECTIVE));
}

/*
 * The names a mode looks for: their prefilter, and what the tree says each
 * is, so that a function-like macro's name counts only where it is called
 * (src/lib/shape.h).
 */
struct refscan {
	struct nameset names;
	struct filter filter;
	struct shapes shapes;
};

/* Look for @name too; its id. */
uint32_t refscan_add(struct refscan *rs, const char *name, size_t len);

/* Every name added: ready to scan. */
void refscan_build(struct refscan *rs);

void refscan_free(struct refscan *rs);

/*
 * Called for a reference @t to name @id of @f: @plain when it is not
 * called there (its hit must get HIT_PLAIN, for refscan_settle()).
 */
typedef void ref_fn(struct file *f, const struct token *t, uint32_t id, bool plain, const void *arg);

/*
 * The code references in the worker's file @f to the names of @rs, unless
 * the filter shows the file holds none of them: lex it, note what it says
 * of the names and hand each reference to @fn (NULL: only note).
 */
void find_refs(struct worker *w, struct file *f, const struct refscan *rs, ref_fn *fn,
	       const void *arg);

/*
 * Once find_refs() has seen every file of @fl: the plain hits of a name
 * that counts only as calls go. When the scan did not read all the files
 * it would read without FILE arguments (@whole false) and they could
 * decide, those are read first, for what they declare.
 */
void refscan_settle(const struct cli *c, const struct refscan *rs, struct filelist *fl, bool whole);

struct report {
	const char *mode;
	size_t counts[3];	/* by severity */
	size_t files;		/* files checked */
	size_t unreadable;
};

/* "path:line:col: severity: message" on stdout (diag_at()). */
void report(struct report *r, const struct file *f, const struct hit *h,
	    enum severity sev, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* "path: error: cannot read: reason" on stderr, when @f could not be read. */
bool report_io(struct report *r, const struct file *f);

/* The summary line; returns the exit code: 1 on errors, else 2 on I/O errors, else 0. */
int report_done(struct report *r, bool show_warnings);

#endif
