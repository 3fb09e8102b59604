// SPDX-License-Identifier: GPL-2.0
/*
 * cscan leak: private symbols used outside their directory, and exported
 * from inside it.
 *
 * The threads only record positions: references, comment mentions, the
 * file's own declarations of a name, public declarations, exports, and
 * includes of the private headers. Whether a name is public is known only
 * once every public header has been read, so the findings are decided
 * afterwards, in path order.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cscan.h"
#include "filter.h"
#include "symset.h"
#include "util.h"

enum {
	H_REF,			/* code reference */
	H_MENTION,		/* word in a comment */
	H_OWN,			/* the file declares its own entity of the name */
	H_PUBLIC,		/* a public header declares the name */
	H_INCLUDE,		/* #include reaching a private header: sym is its priv index */
	H_EXPORT,		/* EXPORT_SYMBOL*(name) inside the name's directory */
};
/* H_OWN hits also carry the declaration kind and whether it is a definition. */
#define H_OWN_KIND(kind, defn) (H_OWN | (unsigned int)(defn) << 7 | (unsigned int)(kind) << 8)
#define H_TYPE(k) ((k) & 0x7f)
#define H_DEFN(k) ((k) & 0x80)
#define H_DECL(k) ((enum decl_kind)((k) >> 8))

struct leak {
	struct symset set;
	struct filter filter;
	int kdirfd;
	bool exports;		/* some header without GLOBs: scan its directory for exports */
};

/* Per-file context of the declaration callback. */
struct leak_file {
	const struct leak *lk;
	struct file *f;
	bool header;
	bool public;	/* on a global include path: its declarations make names public */
};

/* Is @path inside the directory that name @id is private to? */
static bool inside(const struct symset *set, uint32_t id, const char *path)
{
	return path_under(path, sym_priv(set, id)->dir);
}

static void leak_decl(void *ctx, const struct token *name, enum decl_kind kind, bool defn)
{
	struct leak_file *lf = ctx;
	uint32_t id = nameset_find(&lf->lk->set.names, name->text, name->len);

	if (id == NAME_NONE || (!(lf->f->flags & F_OUTSIDE) && inside(&lf->lk->set, id, lf->f->path)))
		return;
	if (lf->public)
		hits_add(&lf->f->hits, name->line, name->col, id, H_PUBLIC);
	else if (defn || lf->header)
		hits_add(&lf->f->hits, name->line, name->col, id, H_OWN_KIND(kind, defn));
}

static bool ends_with_file(const struct token *t, const char *base)
{
	size_t n = strlen(base);

	return t->len >= n && !memcmp(t->text + t->len - n, base, n) &&
	       (t->len == n || t->text[t->len - n - 1] == '/');
}

/* Is @path inside one of the private directories? */
static bool in_private_dir(const struct symset *set, const char *path)
{
	size_t i;

	for (i = 0; i < set->nprivs; i++)
		if (path_under(path, set->privs[i].dir))
			return true;
	return false;
}

/* Is @path outside one of the private directories: checked for leaks? */
static bool outside_private_dir(const struct symset *set, const char *path)
{
	size_t i;

	for (i = 0; i < set->nprivs; i++)
		if (!path_under(path, set->privs[i].dir))
			return true;
	return false;
}

/* An #include of @f reaching a private header from outside its directory. */
static void check_include(const struct leak *lk, struct file *f, const struct token *t)
{
	const struct symset *set = &lk->set;
	char path[PATH_MAX];
	bool resolved = false;
	size_t i;

	for (i = 0; i < set->nprivs; i++) {
		const struct priv *p = &set->privs[i];
		const char *base = strrchr(p->header, '/') + 1;

		if (!ends_with_file(t, base))
			continue;
		if (!resolved && !resolve_include(lk->kdirfd, f->path, f->flags & F_OUTSIDE, t,
						  path, sizeof(path)))
			return;
		resolved = true;
		if (!strcmp(path, p->header) &&
		    ((f->flags & F_OUTSIDE) || !path_under(f->path, p->dir)))
			hits_add(&f->hits, t->line, t->col, (uint32_t)i, H_INCLUDE);
	}
}

/* Is @t the name in EXPORT_SYMBOL*(name)? */
static bool is_exported(const struct tokvec *tv, size_t i)
{
	static const char exp[] = "EXPORT_SYMBOL";
	const struct token *m;

	if (i < 2 || !decl_punct(&tv->v[i - 1], '('))
		return false;
	m = &tv->v[i - 2];
	return m->kind == TOK_IDENT && m->len >= sizeof(exp) - 1 &&
	       !memcmp(m->text, exp, sizeof(exp) - 1) &&
	       (m->len == sizeof(exp) - 1 || m->text[sizeof(exp) - 1] == '_');
}

/* The export of a private function inside its directory. */
static void check_export(const struct leak *lk, struct file *f, const struct tokvec *tv,
			 size_t i, uint32_t id)
{
	const struct symset *set = &lk->set;
	const struct sym *s = &set->v[id];

	if (s->kind == DK_FUNC && !s->audit && !sym_priv(set, id)->nglobs && is_exported(tv, i))
		hits_add(&f->hits, tv->v[i - 2].line, tv->v[i - 2].col, id, H_EXPORT);
}

/* Remember the local headers a file with references includes. */
static void record_includes(const struct leak *lk, struct file *f, const struct tokvec *tv)
{
	char path[PATH_MAX], *buf = NULL;
	size_t len = 0, cap = 0, i, n;

	for (i = 0; i < tv->n; i++) {
		const struct token *t = &tv->v[i];

		if (t->kind != TOK_INCLUDE || (t->flags & TF_ANGLE) ||
		    !resolve_include(lk->kdirfd, f->path, f->flags & F_OUTSIDE, t, path, sizeof(path)) ||
		    in_private_dir(&lk->set, path))
			continue;
		n = strlen(path) + 1;
		GROW(buf, len + n + 1, cap);
		memcpy(buf + len, path, n);
		len += n;
	}
	if (buf) {
		buf[len] = '\0';	/* the list ends with an empty path */
		f->aux = buf;
	}
}

static void leak_file(struct worker *w, struct file *f)
{
	const struct leak *lk = w->pool->arg;
	struct leak_file lf = { .lk = lk, .f = f };
	bool refs = false;
	size_t i, n = strlen(f->path);

	if (!filter_any(&lk->filter, w->buf.p, w->buf.len))
		return;
	lf.header = n > 2 && !strcmp(f->path + n - 2, ".h");
	lf.public = !(f->flags & F_OUTSIDE) && is_public_header(f->path) &&
		    !in_private_dir(&lk->set, f->path);
	lex_file(w, !(f->flags & F_ONLY_DECLS), leak_decl, &lf);
	if (f->flags & F_ONLY_DECLS)
		return;
	for (i = 0; i < w->tv.n; i++) {
		const struct token *t = &w->tv.v[i];
		uint32_t id;

		if (t->kind == TOK_INCLUDE) {
			check_include(lk, f, t);
			continue;
		}
		if (t->kind == TOK_MENTION || (is_ref(t) && !(t->flags & TF_DEFINE))) {
			id = nameset_find(&lk->set.names, t->text, t->len);
			if (id == NAME_NONE)
				continue;
			if (!(f->flags & F_OUTSIDE) && inside(&lk->set, id, f->path)) {
				if (lk->exports && t->kind != TOK_MENTION)
					check_export(lk, f, &w->tv, i, id);
				continue;
			}
			refs |= t->kind != TOK_MENTION;
			hits_add(&f->hits, t->line, t->col, id,
				 t->kind == TOK_MENTION ? H_MENTION : H_REF);
		}
	}
	if (refs)
		record_includes(lk, f, &w->tv);
}

/* include/ and every arch/<arch>/include/, read for declarations only. */
static void add_public_headers(int kdirfd, struct filelist *fl)
{
	int fd = openat(kdirfd, "arch", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	size_t first = fl->n, i;
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;

	walk_tree(kdirfd, "include", fl);
	while (d && (de = readdir(d)) != NULL) {
		char *sub;

		if (de->d_name[0] == '.')
			continue;
		sub = xasprintf("arch/%s/include", de->d_name);
		walk_tree(kdirfd, sub, fl);
		free(sub);
	}
	if (d)
		closedir(d);
	else if (fd >= 0)
		close(fd);
	for (i = first; i < fl->n; i++)
		fl->v[i].flags |= F_ONLY_DECLS;
}

static struct file *find_file(const struct filelist *fl, const char *path)
{
	size_t lo = 0, hi = fl->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(fl->v[mid].path, path);

		if (!c)
			return &fl->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The first public declaration, in path order, takes a name out of the set. */
static void mark_public(struct symset *set, const struct filelist *fl)
{
	size_t i, j;

	for (i = 0; i < fl->n; i++) {
		const struct file *f = &fl->v[i];

		for (j = 0; j < f->hits.n; j++) {
			struct sym *s = &set->v[f->hits.v[j].sym];

			if (H_TYPE(f->hits.v[j].kind) == H_PUBLIC && !s->public_at)
				s->public_at = xasprintf("%s:%u", f->path, f->hits.v[j].line);
		}
	}
}

static const struct symset *sort_set;

static int sym_cmp(const void *a, const void *b)
{
	return strcmp(sort_set->names.names[*(const uint32_t *)a].s,
		      sort_set->names.names[*(const uint32_t *)b].s);
}

/* The ids of the set sorted by name. */
static uint32_t *sorted_ids(const struct symset *set)
{
	uint32_t *ids = xmalloc((set->nv + 1) * sizeof(*ids));
	size_t i;

	for (i = 0; i < set->nv; i++)
		ids[i] = (uint32_t)i;
	sort_set = set;
	qsort(ids, set->nv, sizeof(*ids), sym_cmp);
	return ids;
}

static void list_symbols(const struct symset *set, FILE *out)
{
	uint32_t *ids = sorted_ids(set);
	size_t i, checked = 0;

	for (i = 0; i < set->nv; i++) {
		const struct sym *s = &set->v[ids[i]];

		fprintf(out, "%s %s:%u %s", set->names.names[ids[i]].s, sym_priv(set, ids[i])->header, s->line,
			decl_kind_name(s->kind));
		if (s->public_at)
			fprintf(out, " [public: %s]", s->public_at);
		else if (s->audit)
			fprintf(out, " [audit]");
		checked += !s->public_at;
		fputc('\n', out);
	}
	fprintf(out, "%s leak: %zu %s symbols, %zu more declared outside %s\n",
		progname, checked, symset_label(set), set->nv - checked,
		set->one_dir ? set->privs[0].dir : "their directories");
	free(ids);
}

/*
 * "FOO_A, FOO_B, ...": what including private header @priv exposes, its
 * own names and those of the private headers it includes.
 */
static char *exposed(const struct symset *set, const uint32_t *ids, size_t priv)
{
	char *s = NULL, *t;
	size_t i;

	for (i = 0; i < set->nv; i++) {
		const struct sym *y = &set->v[ids[i]];

		if (y->public_at || y->audit || !set->privs[priv].reaches[y->priv])
			continue;
		t = xasprintf("%s%s%s", s ? s : "", s ? ", " : "", set->names.names[ids[i]].s);
		free(s);
		s = t;
	}
	return s;
}

/* Does @f, or a local header it includes, declare its own @id? */
static bool owns(const struct filelist *fl, const struct file *f, uint32_t id)
{
	const char *p;
	size_t i;

	for (i = 0; i < f->hits.n; i++)
		if (f->hits.v[i].sym == id && H_TYPE(f->hits.v[i].kind) == H_OWN)
			return true;
	for (p = f->aux; p && *p; p += strlen(p) + 1) {
		const struct file *h = find_file(fl, p);

		for (i = 0; h && i < h->hits.n; i++)
			if (h->hits.v[i].sym == id && H_TYPE(h->hits.v[i].kind) == H_OWN)
				return true;
	}
	return false;
}

static void report_include(struct report *rep, const struct leak *lk, const struct file *f,
			   const struct hit *h, char *const *exposes)
{
	const struct priv *p = &lk->set.privs[h->sym];

	if (!p->nglobs)
		report(rep, f, h, SEV_ERROR, "includes %s, which is private to %s", p->header, p->dir);
	else if (exposes[h->sym])
		report(rep, f, h, SEV_NOTE, "includes %s, exposing %s %s", p->header, p->label,
		       exposes[h->sym]);
	else
		report(rep, f, h, SEV_NOTE, "includes %s, which is private to %s", p->header, p->dir);
}

static void report_sym(struct report *rep, const struct leak *lk, const struct filelist *fl,
		       const struct file *f, const struct hit *h)
{
	const struct sym *s = &lk->set.v[h->sym];
	const struct priv *p = sym_priv(&lk->set, h->sym);
	const char *name = lk->set.names.names[h->sym].s;

	if (s->public_at)
		return;
	if (s->audit) {
		/* --audit widens the set to warnings about code references */
		if (H_TYPE(h->kind) == H_REF && !owns(fl, f, h->sym))
			report(rep, f, h, SEV_WARNING, "%s is internal to %s (%s:%u)",
			       name, p->dir, p->header, s->line);
		return;
	}
	switch (H_TYPE(h->kind)) {
	case H_REF:
		if (!owns(fl, f, h->sym))
			report(rep, f, h, SEV_ERROR, "%s is private to %s (%s:%u)",
			       name, p->dir, p->header, s->line);
		break;
	case H_MENTION:
		report(rep, f, h, SEV_NOTE, "comment mentions %s, private to %s (%s:%u)",
		       name, p->dir, p->header, s->line);
		break;
	case H_OWN:
		report(rep, f, h, SEV_NOTE, "%s its own %s %s, not the %s one (%s:%u)",
		       H_DEFN(h->kind) ? "defines" : "declares", decl_kind_name(H_DECL(h->kind)),
		       name, p->label, p->header, s->line);
		break;
	case H_EXPORT:
		report(rep, f, h, SEV_ERROR,
		       "%s is private to %s (%s:%u) but exported; remove its EXPORT_SYMBOL",
		       name, p->dir, p->header, s->line);
		break;
	}
}

static void report_file(struct report *rep, const struct leak *lk, const struct filelist *fl,
			struct file *f, char *const *exposes)
{
	size_t j;

	hits_sort(&f->hits);
	for (j = 0; j < f->hits.n; j++) {
		const struct hit *h = &f->hits.v[j];

		if (H_TYPE(h->kind) == H_INCLUDE)
			report_include(rep, lk, f, h, exposes);
		else
			report_sym(rep, lk, fl, f, h);
	}
}

/*
 * What the scan reads: files outside some private directory, and with
 * exports to check, those inside a directory of a header without GLOBs.
 */
static bool keep_file(const char *path, const void *arg)
{
	const struct leak *lk = arg;
	size_t i;

	if (outside_private_dir(&lk->set, path))
		return true;
	for (i = 0; lk->exports && i < lk->set.nprivs; i++)
		if (!lk->set.privs[i].nglobs && path_under(path, lk->set.privs[i].dir))
			return true;
	return false;
}

/*
 * Read the tree as keep_file() says, or the FILEs and the public headers,
 * or for --list-symbols the public headers only.
 */
static void leak_scan(const struct cli *c, struct pool *p, const struct leak *lk)
{
	if (!c->nfiles && !c->list_symbols) {
		scan_files(c, p, keep_file, lk);
		return;
	}
	if (!c->list_symbols)
		collect_args(c, p->files, keep_file, lk);
	add_public_headers(c->kdirfd, p->files);
	files_sort(p->files);
	pool_run(p);
}

int mode_leak(struct cli *c)
{
	struct leak lk = { .kdirfd = c->kdirfd };
	struct filelist fl = { 0 };
	struct pool p = { .kdirfd = c->kdirfd, .jobs = c->jobs, .files = &fl,
			  .fn = leak_file, .arg = &lk };
	struct report rep = { .mode = "leak" };
	char **exposes;
	uint32_t *ids;
	size_t i;
	int ret = symset_derive(&lk.set, c->kdirfd, c->privs, c->nprivs, c->audit);

	if (ret)
		return ret;
	for (i = 0; i < lk.set.nv; i++) {
		filter_add(&lk.filter, lk.set.names.names[i].s, strlen(lk.set.names.names[i].s));
		lk.exports |= !sym_priv(&lk.set, (uint32_t)i)->nglobs;
	}
	/*
	 * From outside foo/bar/, an #include can only reach foo/bar/<x>.h
	 * when its name has a "bar" component: see resolve_include().
	 */
	for (i = 0; i < lk.set.nprivs; i++) {
		const char *dir = lk.set.privs[i].dir, *end = dir + strlen(dir) - 1, *b = end;

		while (b > dir && b[-1] != '/')
			b--;
		filter_add(&lk.filter, b, (size_t)(end - b) + 1);
	}
	filter_build(&lk.filter);
	leak_scan(c, &p, &lk);
	mark_public(&lk.set, &fl);

	if (c->list_symbols || c->verbose)
		list_symbols(&lk.set, c->list_symbols ? stdout : stderr);
	ids = sorted_ids(&lk.set);
	exposes = xmalloc((lk.set.nprivs + 1) * sizeof(*exposes));
	for (i = 0; i < lk.set.nprivs; i++)
		exposes[i] = exposed(&lk.set, ids, i);
	free(ids);
	for (i = 0; i < fl.n; i++) {
		struct file *f = &fl.v[i];

		if (report_io(&rep, f) || (f->flags & F_ONLY_DECLS))
			continue;
		/* files inside every private directory are read for exports only */
		rep.files += (f->flags & F_OUTSIDE) || outside_private_dir(&lk.set, f->path);
		report_file(&rep, &lk, &fl, f, exposes);
	}
	if (c->list_symbols)
		ret = fflush(stdout) || rep.unreadable ? 2 : 0;
	else
		ret = report_done(&rep, c->audit);
	for (i = 0; i < lk.set.nprivs; i++)
		free(exposes[i]);
	free(exposes);
	files_free(&fl);
	filter_free(&lk.filter);
	symset_free(&lk.set);
	return ret;
}
