// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decl.h"
#include "lex.h"
#include "symset.h"
#include "util.h"
#include "walk.h"

struct derive {
	struct symset *set;
	const char *header;
	bool page_alloc;	/* reading mm/page_alloc.h: all of it is private */
	bool audit;
};

static void add(struct symset *s, const struct token *t, enum decl_kind kind,
		const char *header, bool audit)
{
	uint32_t id = nameset_add(&s->names, t->text, t->len);

	if (id == s->nv) {
		GROW(s->v, ++s->nv, s->cap);
		s->v[id] = (struct sym){ .header = header, .line = t->line,
					 .kind = (uint8_t)kind, .audit = audit };
	} else if (s->v[id].audit && !audit) {
		s->v[id].audit = false;	/* named by both: the stricter set wins */
	}
}

static void derive_decl(void *ctx, const struct token *name, enum decl_kind kind, bool defn)
{
	struct derive *d = ctx;
	bool alloc = kind == DK_MACRO && name->len > 6 && !memcmp(name->text, "ALLOC_", 6);

	(void)defn;
	if (d->page_alloc || alloc)
		add(d->set, name, kind, d->header, false);
	else if (d->audit)
		add(d->set, name, kind, d->header, true);
}

/* Lex one mm header into the set; 0, ENOENT or another errno. */
static int read_header(struct derive *d, int kdirfd)
{
	struct rbuf b = { 0 };
	struct lexer lx = { 0 };
	struct tokvec tv = { 0 };
	size_t i;
	int err = read_at(kdirfd, d->header, &b);

	if (!err) {
		lex_all(&lx, b.p, b.len, 0, &tv);
		decl_scan(&tv, derive_decl, d);
		for (i = 0; i < tv.n; i++)
			if (tv.v[i].kind == TOK_INCLUDE && !(tv.v[i].flags & TF_ANGLE) &&
			    !d->page_alloc && tok_is(&tv.v[i], "page_alloc.h"))
				d->set->internal_has_page_alloc = true;
	}
	lex_free(&lx);
	free(tv.v);
	free(b.p);
	return err;
}

int symset_derive(struct symset *s, int kdirfd, bool audit)
{
	struct derive d = { .set = s, .audit = audit };
	const char *const headers[] = { MM_INTERNAL, MM_PAGE_ALLOC };
	int err[2];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(headers); i++) {
		d.header = headers[i];
		d.page_alloc = i == 1;
		err[i] = read_header(&d, kdirfd);
		if (err[i] && err[i] != ENOENT) {
			fprintf(stderr, "%s: error: cannot read: %s\n", headers[i], strerror(err[i]));
			return 2;
		}
	}
	if (err[0] && err[1]) {
		fprintf(stderr, "%s: error: KDIR has no %s nor %s; pass the top of a kernel source tree\n",
			progname, MM_INTERNAL, MM_PAGE_ALLOC);
		return 2;
	}
	return 0;
}

bool is_public_header(const char *path)
{
	const char *p;
	size_t n = strlen(path);

	if (n < 2 || strcmp(path + n - 2, ".h"))
		return false;
	if (!strncmp(path, "include/", 8))
		return true;
	if (strncmp(path, "arch/", 5))
		return false;
	p = strchr(path + 5, '/');
	return p && p > path + 5 && !strncmp(p, "/include/", 9);
}

void symset_free(struct symset *s)
{
	size_t i;

	for (i = 0; i < s->nv; i++)
		free(s->v[i].public_at);
	free(s->v);
	nameset_free(&s->names);
	memset(s, 0, sizeof(*s));
}
