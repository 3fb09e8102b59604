// SPDX-License-Identifier: GPL-2.0
/*
 * cscan leak: mm-private symbols used outside mm/.
 *
 * The threads only record positions: references, comment mentions, the
 * file's own declarations of a name, public declarations, and includes of
 * the mm headers. Whether a name is public is known only once every public
 * header has been read, so the findings are decided afterwards, in path
 * order.
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
	H_INC_PAGE_ALLOC,	/* #include reaching mm/page_alloc.h */
	H_INC_INTERNAL,		/* #include reaching mm/internal.h */
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
};

/* Per-file context of the declaration callback. */
struct leak_file {
	const struct leak *lk;
	struct file *f;
	bool header;
	bool public;	/* on a global include path: its declarations make names public */
};

static void leak_decl(void *ctx, const struct token *name, enum decl_kind kind, bool defn)
{
	struct leak_file *lf = ctx;
	uint32_t id = nameset_find(&lf->lk->set.names, name->text, name->len);

	if (id == NAME_NONE)
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

/*
 * Where #include @t of @f leads, as the preprocessor would look: the
 * including file's directory (for "x" only), then include/, then KDIR
 * itself. The first candidate that exists wins.
 */
static bool resolve_include(int kdirfd, const struct file *f, const struct token *t,
			    char *out, size_t outsz)
{
	char name[PATH_MAX], cand[PATH_MAX * 2];
	const char *slash = strrchr(f->path, '/');
	int dirlen = slash ? (int)(slash - f->path) + 1 : 0;
	int i = (t->flags & TF_ANGLE) || (f->flags & F_OUTSIDE) ? 1 : 0;

	if (t->len >= sizeof(name) || !t->len || t->text[0] == '/')
		return false;
	memcpy(name, t->text, t->len);
	name[t->len] = '\0';
	for (; i < 3; i++) {
		if (i == 0)
			snprintf(cand, sizeof(cand), "%.*s%s", dirlen, f->path, name);
		else
			snprintf(cand, sizeof(cand), "%s%s", i == 1 ? "include/" : "", name);
		if (path_normalize(cand, out, outsz) && *out &&
		    faccessat(kdirfd, out, F_OK, 0) == 0)
			return true;
	}
	return false;
}

/* Remember the local headers a file with references includes. */
static void record_includes(const struct leak *lk, struct file *f, const struct tokvec *tv)
{
	char path[PATH_MAX], *buf = NULL;
	size_t len = 0, cap = 0, i, n;

	for (i = 0; i < tv->n; i++) {
		const struct token *t = &tv->v[i];

		if (t->kind != TOK_INCLUDE || (t->flags & TF_ANGLE) ||
		    !resolve_include(lk->kdirfd, f, t, path, sizeof(path)) || path_under(path, "mm"))
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
	char path[PATH_MAX];

	if (!filter_any(&lk->filter, w->buf.p, w->buf.len))
		return;
	lf.header = n > 2 && !strcmp(f->path + n - 2, ".h");
	lf.public = !(f->flags & F_OUTSIDE) && is_public_header(f->path);
	lex_file(w, !(f->flags & F_ONLY_DECLS), leak_decl, &lf);
	if (f->flags & F_ONLY_DECLS)
		return;
	for (i = 0; i < w->tv.n; i++) {
		const struct token *t = &w->tv.v[i];
		uint32_t id;

		if (t->kind == TOK_INCLUDE) {
			bool internal = ends_with_file(t, "internal.h");

			if ((internal || ends_with_file(t, "page_alloc.h")) &&
			    resolve_include(lk->kdirfd, f, t, path, sizeof(path)) &&
			    !strcmp(path, internal ? MM_INTERNAL : MM_PAGE_ALLOC))
				hits_add(&f->hits, t->line, t->col, 0,
					 internal ? H_INC_INTERNAL : H_INC_PAGE_ALLOC);
			continue;
		}
		if (t->kind == TOK_MENTION || (is_ref(t) && !(t->flags & TF_DEFINE))) {
			id = nameset_find(&lk->set.names, t->text, t->len);
			if (id == NAME_NONE)
				continue;
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

		fprintf(out, "%s %s:%u %s", set->names.names[ids[i]].s, s->header, s->line,
			decl_kind_name(s->kind));
		if (s->public_at)
			fprintf(out, " [public: %s]", s->public_at);
		else if (s->audit)
			fprintf(out, " [audit]");
		checked += !s->public_at;
		fputc('\n', out);
	}
	fprintf(out, "%s leak: %zu mm-private symbols, %zu more declared outside mm/\n",
		progname, checked, set->nv - checked);
	free(ids);
}

/* "ALLOC_CMA, ALLOC_CPUSET, ...": what including mm/internal.h exposes. */
static char *exposed(const struct symset *set)
{
	uint32_t *ids = sorted_ids(set);
	char *s = NULL, *t;
	size_t i;

	for (i = 0; i < set->nv; i++) {
		const struct sym *y = &set->v[ids[i]];

		if (y->public_at || y->audit ||
		    (strcmp(y->header, MM_INTERNAL) && !set->internal_has_page_alloc))
			continue;
		t = xasprintf("%s%s%s", s ? s : "", s ? ", " : "", set->names.names[ids[i]].s);
		free(s);
		s = t;
	}
	free(ids);
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

static void report_include(struct report *rep, const struct file *f, const struct hit *h,
			   const char *exposes)
{
	if (H_TYPE(h->kind) == H_INC_PAGE_ALLOC)
		report(rep, f, h, SEV_ERROR, "includes %s, which is private to mm/", MM_PAGE_ALLOC);
	else if (exposes)
		report(rep, f, h, SEV_NOTE, "includes %s, exposing mm-private %s", MM_INTERNAL,
		       exposes);
	else
		report(rep, f, h, SEV_NOTE, "includes %s, which is private to mm/", MM_INTERNAL);
}

static void report_sym(struct report *rep, const struct leak *lk, const struct filelist *fl,
		       const struct file *f, const struct hit *h)
{
	const struct sym *s = &lk->set.v[h->sym];
	const char *name = lk->set.names.names[h->sym].s;

	if (s->public_at)
		return;
	if (s->audit) {
		/* --audit widens the set to warnings about code references */
		if (H_TYPE(h->kind) == H_REF && !owns(fl, f, h->sym))
			report(rep, f, h, SEV_WARNING, "%s is internal to mm/ (%s:%u)",
			       name, s->header, s->line);
		return;
	}
	switch (H_TYPE(h->kind)) {
	case H_REF:
		if (!owns(fl, f, h->sym))
			report(rep, f, h, SEV_ERROR, "%s is private to mm/ (%s:%u)",
			       name, s->header, s->line);
		break;
	case H_MENTION:
		report(rep, f, h, SEV_NOTE, "comment mentions %s, private to mm/ (%s:%u)",
		       name, s->header, s->line);
		break;
	case H_OWN:
		report(rep, f, h, SEV_NOTE, "%s its own %s %s, not the mm-private one (%s:%u)",
		       H_DEFN(h->kind) ? "defines" : "declares", decl_kind_name(H_DECL(h->kind)),
		       name, s->header, s->line);
		break;
	}
}

static void report_file(struct report *rep, const struct leak *lk, const struct filelist *fl,
			struct file *f, const char *exposes)
{
	size_t j;

	hits_sort(&f->hits);
	for (j = 0; j < f->hits.n; j++) {
		const struct hit *h = &f->hits.v[j];

		if (H_TYPE(h->kind) == H_INC_PAGE_ALLOC || H_TYPE(h->kind) == H_INC_INTERNAL)
			report_include(rep, f, h, exposes);
		else
			report_sym(rep, lk, fl, f, h);
	}
}

static bool outside_mm(const char *path, const void *arg)
{
	(void)arg;
	return !path_under(path, "mm");
}

/*
 * Read the tree outside mm/, or the FILEs and the public headers, or for
 * --list-symbols the public headers only.
 */
static void leak_scan(const struct cli *c, struct pool *p)
{
	if (!c->nfiles && !c->list_symbols) {
		scan_files(c, p, outside_mm, NULL);
		return;
	}
	if (!c->list_symbols)
		collect_args(c, p->files, outside_mm, NULL);
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
	char *exposes;
	size_t i;
	int ret = symset_derive(&lk.set, c->kdirfd, c->audit);

	if (ret)
		return ret;
	for (i = 0; i < lk.set.nv; i++)
		filter_add(&lk.filter, lk.set.names.names[i].s, strlen(lk.set.names.names[i].s));
	/*
	 * From outside mm/, an #include can only reach mm/<x>.h when its
	 * name has an "mm" component: see resolve_include().
	 */
	filter_add(&lk.filter, "mm/", 3);
	filter_build(&lk.filter);
	leak_scan(c, &p);
	mark_public(&lk.set, &fl);

	if (c->list_symbols || c->verbose)
		list_symbols(&lk.set, c->list_symbols ? stdout : stderr);
	exposes = exposed(&lk.set);
	for (i = 0; i < fl.n; i++) {
		struct file *f = &fl.v[i];

		if (report_io(&rep, f) || (f->flags & F_ONLY_DECLS))
			continue;
		rep.files++;
		report_file(&rep, &lk, &fl, f, exposes);
	}
	if (c->list_symbols)
		ret = fflush(stdout) || rep.unreadable ? 2 : 0;
	else
		ret = report_done(&rep, c->audit);
	free(exposes);
	files_free(&fl);
	filter_free(&lk.filter);
	symset_free(&lk.set);
	return ret;
}
