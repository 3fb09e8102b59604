// SPDX-License-Identifier: GPL-2.0
/* The parts of a scan every mode shares: the file list and lexing a file. */
#include <errno.h>
#include <stdlib.h>

#include "cscan.h"
#include "filter.h"
#include "nameset.h"
#include "util.h"

bool cli_excluded(const struct cli *c, const char *path)
{
	return path_under_any(path, c->excludes, c->nexcludes);
}

/* What the walk keeps: not excluded, and wanted by the mode. */
struct keep {
	const struct cli *c;
	keep_fn *mode;
	const void *arg;
};

static bool keep_file(const char *path, const void *arg)
{
	const struct keep *k = arg;

	return !cli_excluded(k->c, path) && (!k->mode || k->mode(path, k->arg));
}

void collect_args(const struct cli *c, struct filelist *fl, keep_fn *keep, const void *arg)
{
	struct keep k = { .c = c, .mode = keep, .arg = arg };
	struct filelist all = { 0 };
	size_t i;

	for (i = 0; i < c->nfiles; i++)
		if (!files_add_arg(c->kdirfd, c->kdir_real, c->files[i], &all))
			files_add(&all, xstrdup(c->files[i]), F_OUTSIDE)->err = ENOENT;
	for (i = 0; i < all.n; i++) {
		struct file *f = &all.v[i];

		if (!(f->flags & F_OUTSIDE) && !keep_file(f->path, &k)) {
			free(f->path);
			continue;
		}
		*files_add(fl, NULL, 0) = *f;
	}
	free(all.v);
}

void scan_files(const struct cli *c, struct pool *p, keep_fn *keep, const void *arg)
{
	struct keep k = { .c = c, .mode = keep, .arg = arg };

	if (c->nfiles) {
		collect_args(c, p->files, keep, arg);
		files_sort(p->files);
		pool_run(p);
	} else {
		p->keep = keep_file;
		p->keep_arg = &k;
		pool_walk(p);
		files_sort(p->files);
	}
}

void lex_file(struct worker *w, bool mentions, decl_fn *fn, void *ctx)
{
	lex_all(&w->lx, w->buf.p, w->buf.len, mentions ? LEX_MENTIONS : 0, &w->tv);
	decl_scan(&w->tv, fn, ctx);
}

uint32_t refscan_add(struct refscan *rs, const char *name, size_t len)
{
	filter_add(&rs->filter, name, len);
	return nameset_add(&rs->names, name, len);
}

void refscan_build(struct refscan *rs)
{
	filter_build(&rs->filter);
	shapes_init(&rs->shapes, &rs->names);
}

void refscan_free(struct refscan *rs)
{
	shapes_free(&rs->shapes);
	filter_free(&rs->filter);
	nameset_free(&rs->names);
}

void find_refs(struct worker *w, struct file *f, const struct refscan *rs, ref_fn *fn,
	       const void *arg)
{
	size_t i;

	if (!filter_any(&rs->filter, w->buf.p, w->buf.len))
		return;
	lex_file(w, false, shapes_decl, (void *)&rs->shapes);
	shapes_scan(&rs->shapes, &w->tv, f->path);
	for (i = 0; fn && i < w->tv.n; i++) {
		const struct token *t = &w->tv.v[i];
		uint32_t id;

		if (!is_ref(t))
			continue;
		id = nameset_find(&rs->names, t->text, t->len);
		if (id != NAME_NONE)
			fn(f, t, id, !shape_use(&w->tv, i), arg);
	}
}

/* The rest of the tree, read for what it declares. */
static void note_file(struct worker *w, struct file *f)
{
	find_refs(w, f, w->pool->arg, NULL, NULL);
}

static bool some_open(const struct refscan *rs, const struct filelist *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		if (shapes_open(&rs->shapes, &fl->v[i].hits))
			return true;
	return false;
}

void refscan_settle(const struct cli *c, const struct refscan *rs, struct filelist *fl, bool whole)
{
	size_t i;

	if (!whole && some_open(rs, fl)) {
		struct cli all = *c;
		struct filelist rest = { 0 };
		struct pool p = { .kdirfd = c->kdirfd, .jobs = c->jobs, .files = &rest,
				  .fn = note_file, .arg = (void *)rs };

		all.nfiles = 0;
		scan_files(&all, &p, NULL, NULL);
		files_free(&rest);
	}
	for (i = 0; i < fl->n; i++)
		shapes_filter(&rs->shapes, &fl->v[i].hits);
}
