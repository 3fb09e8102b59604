// SPDX-License-Identifier: GPL-2.0
/*
 * Who uses what moves: the tree walk and thread pool of the scanner, the
 * byte prefilter, then lexing and the declaration reader for the files
 * that may mention a moved name. A file that declares a name itself
 * (its own macro, type, enumerator, static function or variable) does not
 * use ours; a non-static function or variable of that name does, since it
 * needs the prototype. A function-like macro is used only where it is
 * called (shape.h): FROM and TO, not users, are read for what they say.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "filter.h"
#include "hits.h"
#include "move.h"
#include "nameset.h"
#include "shape.h"
#include "util.h"
#include "walk.h"

enum { HIT_REF, HIT_OWN };

struct scan {
	const struct nameset *names;
	struct filter filter;
	struct shapes shapes;
	const char *skip1, *skip2;
};

static bool own(const struct mv_decl *d)
{
	if (d->kind == MN_FUNC || d->kind == MN_VAR)
		return d->is_static;
	return true;
}

_Static_assert(MN_MACRO == (int)DK_MACRO && MN_FUNC == (int)DK_FUNC &&
	       MN_TYPE == (int)DK_TYPE && MN_ENUMC == (int)DK_ENUMC,
	       "enum mv_name_kind begins with enum decl_kind's kinds, in order");

static void scan_file(struct worker *w, struct file *f)
{
	const struct scan *s = w->pool->arg;
	struct mv_decls d = { 0 };
	/* FROM and TO are read only for what they say of the names */
	bool skip = !strcmp(f->path, s->skip1) || !strcmp(f->path, s->skip2);
	size_t i;

	if (!filter_any(&s->filter, w->buf.p, w->buf.len))
		return;
	lex_all(&w->lx, w->buf.p, w->buf.len, 0, &w->tv);
	mv_decls_read(&w->tv, &d);
	for (i = 0; i < d.n; i++) {
		const struct token *t = &w->tv.v[d.v[i].tok];
		uint32_t id = nameset_find(s->names, t->text, t->len);

		/* a variable is what shapes_scan() finds at file scope */
		if (d.v[i].kind != MN_VAR)
			shapes_decl((void *)&s->shapes, t, (enum decl_kind)d.v[i].kind, d.v[i].defn);
		/* a variable does not hide a function-like macro's calls */
		if (id != NAME_NONE && !skip && own(&d.v[i]))
			hits_add(&f->hits, t->line, t->col, id,
				 shape_use(&w->tv, d.v[i].tok) ? HIT_OWN : HIT_OWN | HIT_PLAIN);
	}
	mv_decls_free(&d);
	shapes_scan(&s->shapes, &w->tv, f->path);
	for (i = 0; !skip && i < w->tv.n; i++) {
		const struct token *t = &w->tv.v[i];
		uint32_t id;

		if (!mv_is_ref(t))
			continue;
		id = nameset_find(s->names, t->text, t->len);
		if (id != NAME_NONE)
			hits_add(&f->hits, t->line, t->col, id,
				 shape_use(&w->tv, i) ? HIT_REF : HIT_REF | HIT_PLAIN);
	}
}

/* Keep the references to names the file does not declare itself. */
static void drop_own(struct file *f, size_t nnames)
{
	bool *mine;
	size_t i, o = 0;

	if (!f->hits.n)
		return;
	mine = xmalloc(nnames * sizeof(*mine));
	memset(mine, 0, nnames * sizeof(*mine));
	for (i = 0; i < f->hits.n; i++)
		if (f->hits.v[i].kind == HIT_OWN)
			mine[f->hits.v[i].sym] = true;
	for (i = 0; i < f->hits.n; i++)
		if (f->hits.v[i].kind == HIT_REF && !mine[f->hits.v[i].sym])
			f->hits.v[o++] = f->hits.v[i];
	f->hits.n = o;
	hits_sort(&f->hits);
	free(mine);
}

size_t mv_scan(const struct mv_opts *o, const struct nameset *names, const char *skip1,
	       const char *skip2, struct filelist *fl)
{
	struct scan s = { .names = names, .skip1 = skip1, .skip2 = skip2 };
	struct pool p = { .kdirfd = o->kdirfd, .jobs = o->jobs, .files = fl,
			  .fn = scan_file, .arg = &s };
	size_t i, bad = 0;

	for (i = 0; i < names->n; i++)
		filter_add(&s.filter, names->names[i].s, strlen(names->names[i].s));
	filter_build(&s.filter);
	shapes_init(&s.shapes, names);
	pool_walk(&p);
	files_sort(fl);
	filter_free(&s.filter);
	for (i = 0; i < fl->n; i++) {
		struct file *f = &fl->v[i];

		if (f->err) {
			diag_unreadable(f->path, f->err);
			bad++;
			continue;
		}
		shapes_filter(&s.shapes, &f->hits);
		drop_own(f, names->n);
	}
	shapes_free(&s.shapes);
	return bad;
}
