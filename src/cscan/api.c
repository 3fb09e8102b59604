// SPDX-License-Identifier: GPL-2.0
/*
 * cscan api: each --allow SYM=DIR,... confines SYM's code references to
 * those directories; a reference anywhere else is an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cscan.h"
#include "util.h"

struct api {
	const struct cli *cli;
	struct refscan rs;		/* name id: index into cli->allows */
};

static bool allowed(const struct allow *a, const char *path)
{
	return path_under_any(path, a->dirs, a->ndirs);
}

/* Where every symbol is allowed, there is nothing to look for. */
static bool some_forbidden(const char *path, const void *arg)
{
	const struct cli *c = arg;
	size_t i;

	for (i = 0; i < c->nallows; i++)
		if (!allowed(&c->allows[i], path))
			return true;
	return false;
}

static void api_hit(struct file *f, const struct token *t, uint32_t id, bool plain, const void *arg)
{
	const struct api *st = arg;

	if ((f->flags & F_OUTSIDE) || !allowed(&st->cli->allows[id], f->path))
		hits_add(&f->hits, t->line, t->col, id, plain ? HIT_PLAIN : 0);
}

static void api_file(struct worker *w, struct file *f)
{
	const struct api *st = w->pool->arg;

	find_refs(w, f, &st->rs, api_hit, st);
}

/* "foo/", "foo/ and bar/", "a/, b/ and c/" */
static char *dir_list(const struct allow *a)
{
	char *s = xstrdup(""), *t;
	size_t i;

	for (i = 0; i < a->ndirs; i++) {
		t = xasprintf("%s%s%s/", s, i == 0 ? "" : i + 1 == a->ndirs ? " and " : ", ",
			      a->dirs[i]);
		free(s);
		s = t;
	}
	return s;
}

int mode_api(struct cli *c)
{
	struct api st = { .cli = c };
	struct filelist fl = { 0 };
	struct pool p = { .kdirfd = c->kdirfd, .jobs = c->jobs, .files = &fl,
			  .fn = api_file, .arg = &st };
	struct report rep = { .mode = "api" };
	char **where;
	size_t i, j;
	int ret;

	for (i = 0; i < c->nallows; i++) {
		const char *s = c->allows[i].sym;

		refscan_add(&st.rs, s, strlen(s));	/* ids follow c->allows */
	}
	refscan_build(&st.rs);
	scan_files(c, &p, some_forbidden, c);
	/* the allowed directories were not read */
	refscan_settle(c, &st.rs, &fl, false);

	where = xmalloc(c->nallows * sizeof(*where));
	for (i = 0; i < c->nallows; i++)
		where[i] = dir_list(&c->allows[i]);
	for (i = 0; i < fl.n; i++) {
		struct file *f = &fl.v[i];

		if (report_io(&rep, f))
			continue;
		rep.files++;
		for (j = 0; j < f->hits.n; j++) {
			const struct hit *h = &f->hits.v[j];

			report(&rep, f, h, SEV_ERROR,
			       "%s is private to %s; use a public interface outside %s",
			       c->allows[h->sym].sym, where[h->sym],
			       c->allows[h->sym].ndirs > 1 ? "them" : "it");
		}
	}
	ret = report_done(&rep, false);
	for (i = 0; i < c->nallows; i++)
		free(where[i]);
	free(where);
	files_free(&fl);
	refscan_free(&st.rs);
	return ret;
}
