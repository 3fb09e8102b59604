// SPDX-License-Identifier: GPL-2.0
/* The parts of a scan every mode shares: the file list and lexing a file. */
#include <errno.h>
#include <stdlib.h>

#include "cscan.h"
#include "util.h"

bool cli_excluded(const struct cli *c, const char *path)
{
	size_t i;

	for (i = 0; i < c->nexcludes; i++)
		if (path_under(path, c->excludes[i]))
			return true;
	return false;
}

void collect_files(const struct cli *c, struct filelist *fl)
{
	struct filelist all = { 0 };
	size_t i;

	if (c->nfiles) {
		for (i = 0; i < c->nfiles; i++)
			if (!files_add_arg(c->kdirfd, c->kdir_real, c->files[i], &all))
				files_add(&all, xstrdup(c->files[i]), F_OUTSIDE)->err = ENOENT;
	} else {
		walk_tree(c->kdirfd, "", &all);
	}
	for (i = 0; i < all.n; i++) {
		struct file *f = &all.v[i];

		if (!f->err && !(f->flags & F_OUTSIDE) && cli_excluded(c, f->path)) {
			free(f->path);
			continue;
		}
		*files_add(fl, f->path, f->flags) = *f;
	}
	free(all.v);
	files_sort(fl);
}

void lex_file(struct worker *w, bool mentions, decl_fn *fn, void *ctx)
{
	lex_all(&w->lx, w->buf.p, w->buf.len, mentions ? LEX_MENTIONS : 0, &w->tv);
	decl_scan(&w->tv, fn, ctx);
}
