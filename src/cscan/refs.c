// SPDX-License-Identifier: GPL-2.0
/*
 * cscan refs: where the given symbols are referenced in code, to pick the
 * files a semantic patch or an include edit must visit and the objects to
 * build. Exit 0 whether or not anything is found; 2 on unreadable files.
 */
#include <stdio.h>
#include <string.h>

#include "cscan.h"
#include "filter.h"
#include "nameset.h"
#include "util.h"

struct refs {
	struct nameset names;
	struct filter filter;
	bool first_only;	/* -l */
};

static bool refs_hit(struct file *f, const struct token *t, uint32_t id, const void *arg)
{
	const struct refs *r = arg;

	hits_add(&f->hits, t->line, t->col, id, 0);
	return !r->first_only;	/* -l: one is enough */
}

static void refs_file(struct worker *w, struct file *f)
{
	const struct refs *r = w->pool->arg;

	find_refs(w, f, &r->filter, &r->names, refs_hit, r);
}

int mode_refs(struct cli *c)
{
	struct refs r = { .first_only = c->list_files };
	struct filelist fl = { 0 };
	struct pool p = { .kdirfd = c->kdirfd, .jobs = c->jobs, .files = &fl,
			  .fn = refs_file, .arg = &r };
	struct report rep = { .mode = "refs" };
	size_t i, j;

	for (i = 0; i < c->nsyms; i++) {
		nameset_add(&r.names, c->syms[i], strlen(c->syms[i]));
		filter_add(&r.filter, c->syms[i], strlen(c->syms[i]));
	}
	filter_build(&r.filter);
	scan_files(c, &p, NULL, NULL);

	for (i = 0; i < fl.n; i++) {
		struct file *f = &fl.v[i];

		if (report_io(&rep, f) || !f->hits.n)
			continue;
		if (c->list_files) {
			printf("%s\n", f->path);
			continue;
		}
		for (j = 0; j < f->hits.n; j++)
			printf("%s:%u:%u: %s\n", f->path, f->hits.v[j].line, f->hits.v[j].col,
			       r.names.names[f->hits.v[j].sym].s);
	}
	if (c->verbose)
		fprintf(stderr, "%s refs: %zu files\n", progname, fl.n);
	files_free(&fl);
	filter_free(&r.filter);
	nameset_free(&r.names);
	if (fflush(stdout) || ferror(stdout))
		return 2;
	return rep.unreadable ? 2 : 0;
}
