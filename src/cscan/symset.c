// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "decl.h"
#include "diag.h"
#include "lex.h"
#include "symset.h"
#include "util.h"
#include "walk.h"

#define PRIVATE_USAGE "write --private HEADER[=GLOB[,GLOB...]], e.g. --private foo/bar.h='FOO_*'"

void priv_parse(struct priv *p, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *head = eq ? xstrndup(arg, (size_t)(eq - arg)) : xstrdup(arg);
	char norm[PATH_MAX], *slash, *globs, *g, *save = NULL;

	memset(p, 0, sizeof(*p));
	if (!*head || *head == '/' || !path_normalize(head, norm, sizeof(norm)) ||
	    !(slash = strrchr(norm, '/')))
		usage_error("--private '%s' does not name a header in a directory of KDIR; %s",
			    arg, PRIVATE_USAGE);
	free(head);
	p->header = xstrdup(norm);
	p->dir = xstrndup(norm, (size_t)(slash - norm) + 1);
	p->label = xasprintf("%.*s-private", (int)(slash - norm), norm);
	if (!eq)
		return;
	globs = xstrdup(eq + 1);
	for (g = strtok_r(globs, ",", &save); g; g = strtok_r(NULL, ",", &save))
		strv_push(&p->globs, &p->nglobs, xstrdup(g));
	free(globs);
	if (!p->nglobs)
		usage_error("--private '%s' has '=' but no GLOB; %s", arg, PRIVATE_USAGE);
}

void priv_free(struct priv *p)
{
	size_t i;

	for (i = 0; i < p->nglobs; i++)
		free(p->globs[i]);
	free(p->globs);
	free(p->reaches);
	free(p->header);
	free(p->dir);
	free(p->label);
	memset(p, 0, sizeof(*p));
}

struct derive {
	struct symset *set;
	uint32_t priv;
	bool audit;
};

static void add(struct symset *s, const struct token *t, enum decl_kind kind,
		uint32_t priv, bool audit)
{
	uint32_t id = nameset_add(&s->names, t->text, t->len);

	if (id == s->nv) {
		GROW(s->v, ++s->nv, s->cap);
		s->v[id] = (struct sym){ .priv = priv, .line = t->line,
					 .kind = (uint8_t)kind, .audit = audit };
	} else if (s->v[id].audit && !audit) {
		s->v[id].audit = false;	/* named by both: the stricter set wins */
	}
}

static bool matches(const struct priv *p, const struct token *t)
{
	char name[256];
	size_t i;

	if (!p->nglobs)
		return true;
	if (t->len >= sizeof(name))
		return false;
	memcpy(name, t->text, t->len);
	name[t->len] = '\0';
	for (i = 0; i < p->nglobs; i++)
		if (!fnmatch(p->globs[i], name, 0))
			return true;
	return false;
}

static void derive_decl(void *ctx, const struct token *name, enum decl_kind kind, bool defn)
{
	struct derive *d = ctx;

	(void)defn;
	if (matches(&d->set->privs[d->priv], name))
		add(d->set, name, kind, d->priv, false);
	else if (d->audit)
		add(d->set, name, kind, d->priv, true);
}

bool resolve_include(int kdirfd, const char *from, bool outside, const struct token *t,
		     char *out, size_t outsz)
{
	char name[PATH_MAX], cand[PATH_MAX * 2];
	const char *slash = strrchr(from, '/');
	int dirlen = slash ? (int)(slash - from) + 1 : 0;
	int i = (t->flags & TF_ANGLE) || outside ? 1 : 0;

	if (t->len >= sizeof(name) || !t->len || t->text[0] == '/')
		return false;
	memcpy(name, t->text, t->len);
	name[t->len] = '\0';
	for (; i < 3; i++) {
		if (i == 0)
			snprintf(cand, sizeof(cand), "%.*s%s", dirlen, from, name);
		else
			snprintf(cand, sizeof(cand), "%s%s", i == 1 ? "include/" : "", name);
		if (path_normalize(cand, out, outsz) && *out &&
		    faccessat(kdirfd, out, F_OK, 0) == 0)
			return true;
	}
	return false;
}

/* Lex one private header into the set and note which others it includes; 0 or an errno. */
static int read_header(struct derive *d, int kdirfd)
{
	struct symset *s = d->set;
	struct priv *p = &s->privs[d->priv];
	struct rbuf b = { 0 };
	struct lexer lx = { 0 };
	struct tokvec tv = { 0 };
	char path[PATH_MAX];
	size_t i, j;
	int err = read_at(kdirfd, p->header, &b);

	if (!err) {
		lex_all(&lx, b.p, b.len, 0, &tv);
		decl_scan(&tv, derive_decl, d);
		for (i = 0; i < tv.n; i++) {
			if (tv.v[i].kind != TOK_INCLUDE ||
			    !resolve_include(kdirfd, p->header, false, &tv.v[i], path, sizeof(path)))
				continue;
			for (j = 0; j < s->nprivs; j++)
				if (!strcmp(path, s->privs[j].header))
					p->reaches[j] = true;
		}
	}
	lex_free(&lx);
	free(tv.v);
	free(b.p);
	return err;
}

/* reaches[] through any chain of includes: Warshall's closure. */
static void close_reaches(struct symset *s)
{
	size_t i, j, k;

	for (k = 0; k < s->nprivs; k++)
		for (i = 0; i < s->nprivs; i++)
			for (j = 0; s->privs[i].reaches[k] && j < s->nprivs; j++)
				s->privs[i].reaches[j] |= s->privs[k].reaches[j];
}

/* "a", "a nor b", "a nor b nor c": the headers, for an error message. */
static char *header_list(const struct symset *s)
{
	char *l = NULL, *t;
	size_t i;

	for (i = 0; i < s->nprivs; i++) {
		t = xasprintf("%s%s%s", l ? l : "", l ? " nor " : "", s->privs[i].header);
		free(l);
		l = t;
	}
	return l;
}

int symset_derive(struct symset *s, int kdirfd, struct priv *privs, size_t nprivs, bool audit)
{
	struct derive d = { .set = s, .audit = audit };
	size_t i, found = 0;
	char *list;
	int err;

	s->privs = privs;
	s->nprivs = nprivs;
	s->one_dir = true;
	for (i = 0; i < nprivs; i++) {
		privs[i].reaches = calloc(nprivs, sizeof(bool));
		if (!privs[i].reaches)
			die_oom();
		privs[i].reaches[i] = true;
		s->one_dir &= !strcmp(privs[i].dir, privs[0].dir);
	}
	for (i = 0; i < nprivs; i++) {
		d.priv = (uint32_t)i;
		err = read_header(&d, kdirfd);
		if (err && err != ENOENT) {
			diag_unreadable(privs[i].header, err);
			return 2;
		}
		found += !err;
	}
	if (!found) {
		list = header_list(s);
		diag_error("KDIR has no %s; pass the top of a kernel source tree", list);
		free(list);
		return 2;
	}
	close_reaches(s);
	return 0;
}

const char *symset_label(const struct symset *s)
{
	return s->one_dir && s->nprivs ? s->privs[0].label : "private";
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
