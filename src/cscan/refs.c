// SPDX-License-Identifier: GPL-2.0
/*
 * cscan refs: where the given symbols are referenced in code, to pick the
 * files a semantic patch or an include edit must visit and the objects to
 * build. With --rename, each SYM is OLD=NEW and every reference found is
 * also renamed in its file, in place, byte-minimal: the rename step of a
 * tree-wide migration in one read of the tree (and of the files renamed,
 * once the whole tree has said which references count). Exit 0 whether
 * or not anything is found; 2 on unreadable or unwritable files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cscan.h"
#include "diag.h"
#include "util.h"
#include "wfile.h"

struct refs {
	struct refscan rs;
	char **news;		/* --rename: the new name of each name id, else NULL */
	const char *kdir;	/* where paths are relative to */
};

/* A hit's kind under --rename, once refscan_settle() kept it. */
enum { RENAMED, NOT_RENAMED };

static void refs_hit(struct file *f, const struct token *t, uint32_t id, bool plain, const void *arg)
{
	(void)arg;
	hits_add(&f->hits, t->line, t->col, id, plain ? HIT_PLAIN : RENAMED);
}

/*
 * @f's text (in @b, @len bytes) with every hit renamed, written back in
 * place. The lexer found each hit's token at its position, so only a line
 * continuation inside it makes the bytes there differ from its name: such
 * a hit is left, its kind NOT_RENAMED. A write that fails leaves the file
 * as it was and its reason in f->aux.
 */
static void rename_hits(struct file *f, const char *b, size_t len, const struct refs *r)
{
	size_t line = 1, bol = 0, copied = 0, n = 0, cap = 0, i;
	char *out = NULL, *path;
	int err;

	for (i = 0; i < f->hits.n; i++) {
		struct hit *h = &f->hits.v[i];
		const char *old = r->rs.names.names[h->sym].s, *new = r->news[h->sym];
		size_t olen = strlen(old), nlen = strlen(new), at;

		for (; line < h->line && bol < len; line++) {
			const char *nl = memchr(b + bol, '\n', len - bol);

			bol = nl ? (size_t)(nl - b) + 1 : len;
		}
		at = bol + h->col - 1;
		if (at + olen > len || memcmp(b + at, old, olen)) {
			h->kind = NOT_RENAMED;
			continue;
		}
		GROW(out, n + (at - copied) + nlen, cap);
		memcpy(out + n, b + copied, at - copied);
		n += at - copied;
		memcpy(out + n, new, nlen);
		n += nlen;
		copied = at + olen;
	}
	if (!copied)
		return;
	GROW(out, n + (len - copied), cap);
	memcpy(out + n, b + copied, len - copied);
	n += len - copied;
	path = f->flags & F_OUTSIDE ? xstrdup(f->path) : xasprintf("%s/%s", r->kdir, f->path);
	err = replace_file(path, out, n);
	if (err)
		f->aux = xstrdup(strerror(err));
	free(path);
	free(out);
}

static void refs_file(struct worker *w, struct file *f)
{
	const struct refs *r = w->pool->arg;

	find_refs(w, f, &r->rs, refs_hit, NULL);
}

static void rename_file(struct worker *w, struct file *f)
{
	rename_hits(f, w->buf.p, w->buf.len, w->pool->arg);
}

/*
 * --rename, once the scan has settled which references count: the files
 * that have some are read again and renamed, on the pool's threads.
 */
static void rename_all(struct pool *p, struct filelist *fl, const struct refs *r)
{
	struct filelist hit = { 0 };
	struct pool rp = { .kdirfd = p->kdirfd, .jobs = p->jobs, .files = &hit,
			   .fn = rename_file, .arg = (void *)r };
	size_t i, j = 0;

	for (i = 0; i < fl->n; i++)
		if (!fl->v[i].err && fl->v[i].hits.n)
			*files_add(&hit, NULL, 0) = fl->v[i];
	pool_run(&rp);
	for (i = 0; i < fl->n; i++) {
		if (fl->v[i].err || !fl->v[i].hits.n)
			continue;
		fl->v[i].err = hit.v[j].err;	/* could not read it again */
		fl->v[i].aux = hit.v[j++].aux;
	}
	free(hit.v);
}

/* --rename's OLD=NEW: OLD into the name set, NEW kept by its id. */
static void add_rename(struct refs *r, const char *arg, size_t *cap)
{
	const char *eq = strchr(arg, '=');
	size_t known;
	uint32_t id;

	if (!eq || !is_ident(arg, (size_t)(eq - arg)) || !is_ident(eq + 1, strlen(eq + 1)))
		usage_error("--rename takes OLD=NEW pairs of identifiers, not '%s'; e.g. del_timer=timer_delete",
			    arg);
	known = r->rs.names.n;
	id = refscan_add(&r->rs, arg, (size_t)(eq - arg));
	if (r->rs.names.n == known)
		usage_error("'%.*s' is renamed twice; give each OLD once", (int)(eq - arg), arg);
	GROW(r->news, id + 1, *cap);
	r->news[id] = xstrdup(eq + 1);
}

int mode_refs(struct cli *c)
{
	struct refs r = { .kdir = c->kdir_real };
	struct filelist fl = { 0 };
	struct pool p = { .kdirfd = c->kdirfd, .jobs = c->jobs, .files = &fl,
			  .fn = refs_file, .arg = &r };
	struct report rep = { .mode = "refs" };
	size_t i, j, news_cap = 0, unwritable = 0;

	for (i = 0; i < c->nsyms; i++) {
		if (c->rename) {
			add_rename(&r, c->syms[i], &news_cap);
			continue;
		}
		refscan_add(&r.rs, c->syms[i], strlen(c->syms[i]));
	}
	refscan_build(&r.rs);
	scan_files(c, &p, NULL, NULL);
	refscan_settle(c, &r.rs, &fl, !c->nfiles);
	if (r.news)
		rename_all(&p, &fl, &r);

	for (i = 0; i < fl.n; i++) {
		struct file *f = &fl.v[i];

		if (report_io(&rep, f) || !f->hits.n)
			continue;
		if (f->aux) {
			fflush(stdout);
			diag_file(f->path, "cannot write: %s; nothing renamed there",
				  (char *)f->aux);
			unwritable++;
			continue;
		}
		if (c->list_files) {
			printf("%s\n", f->path);
			continue;
		}
		for (j = 0; j < f->hits.n; j++) {
			const struct hit *h = &f->hits.v[j];
			const char *name = r.rs.names.names[h->sym].s;

			printf("%s:%u:%u: %s\n", f->path, h->line, h->col, name);
			if (h->kind == NOT_RENAMED) {
				fflush(stdout);
				diag_at(stderr, f->path, h->line, h->col, SEV_WARNING,
					"%s is split by a line continuation; not renamed", name);
			}
		}
	}
	if (c->verbose)
		diag_prog(stderr, "refs", "%zu files", fl.n);
	files_free(&fl);
	for (i = 0; r.news && i < r.rs.names.n; i++)
		free(r.news[i]);
	free(r.news);
	refscan_free(&r.rs);
	if (fflush(stdout) || ferror(stdout))
		return 2;
	return rep.unreadable || unwritable ? 2 : 0;
}
