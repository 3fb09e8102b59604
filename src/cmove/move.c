// SPDX-License-Identifier: GPL-2.0
/*
 * The plan of a move, all in memory: which items of FROM move (every
 * declaration of each SYM), the text TO gets and the lines FROM loses
 * (move_cut.c), the #include each user in scope needs, and the refusals:
 * users outside the scope, users in what stays of FROM, names TO already
 * declares. A deletion is a move to nowhere: FROM loses the same lines,
 * and any use left in the tree is a refusal. Nothing is written unless the
 * whole plan holds.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "move.h"
#include "nameset.h"
#include "util.h"
#include "walk.h"

/* Refusals printed at most; the rest are counted. */
#define MAX_SHOWN 20

struct finding {
	char *path;
	uint32_t line, col;
	char *msg;
};

struct plan {
	const struct mv_opts *o;
	struct mv_model from, to;
	bool to_exists;
	struct mv_cut cut;	/* what moves, what TO gets, what FROM loses */
	struct nameset names;	/* every name the moving items declare */
	struct finding *finds;
	size_t nfinds, cfinds;
	struct mv_edits edits;
};

static __attribute__((format(printf, 5, 6)))
void finding(struct plan *p, const char *path, uint32_t line, uint32_t col, const char *fmt, ...)
{
	struct finding *f;
	va_list ap;

	GROW(p->finds, p->nfinds + 1, p->cfinds);
	f = &p->finds[p->nfinds++];
	f->path = xstrdup(path);
	f->line = line;
	f->col = col;
	va_start(ap, fmt);
	f->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

static int finding_cmp(const void *pa, const void *pb)
{
	const struct finding *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->col > b->col) - (a->col < b->col);
}

/* Does the directory of @path (relative to KDIR) exist? */
static bool dir_exists(int kdirfd, const char *path)
{
	const char *slash = strrchr(path, '/');
	struct stat st;
	char *dir;
	bool ok;

	if (!slash)
		return true;
	dir = xstrndup(path, (size_t)(slash - path));
	ok = !fstatat(kdirfd, dir, &st, 0) && S_ISDIR(st.st_mode);
	free(dir);
	return ok;
}

static bool tok_eq(const struct token *t, const char *s)
{
	return strlen(s) == t->len && !memcmp(t->text, s, t->len);
}

/* Does @m declare @sym outside its guard? The first such declaration, or MV_NONE. */
static uint32_t declared(const struct mv_model *m, const char *sym)
{
	size_t i;

	for (i = 0; i < m->decls.n; i++) {
		uint32_t it = m->decl_item[i];

		if (it != MV_NONE && !m->items[it].guard && tok_eq(&m->tv.v[m->decls.v[i].tok], sym))
			return (uint32_t)i;
	}
	return MV_NONE;
}

/* Mark the items declaring @sym; false when FROM has none. */
static bool select_sym(struct plan *p, const char *sym)
{
	const struct mv_model *m = &p->from;
	bool found = false;
	size_t i;

	for (i = 0; i < m->decls.n; i++) {
		uint32_t it = m->decl_item[i];

		if (it == MV_NONE || m->items[it].guard || !tok_eq(&m->tv.v[m->decls.v[i].tok], sym))
			continue;
		p->cut.moved[it] = true;
		found = true;
	}
	return found;
}

/* A file whose conditionals do not balance cannot be modelled: refuse it. */
static void check_balance(struct plan *p, const struct mv_model *m)
{
	const char *why;
	uint32_t line = mv_unbalanced(m, &why);

	if (line)
		finding(p, m->path, line, 1,
			"%s: cmove cannot model %s; balance its conditionals, or edit it by hand",
			why, m->path);
}

/* Refuse moving an item that crosses a group's directives or sits in an open group. */
static void check_tangles(struct plan *p)
{
	const struct mv_model *m = &p->from;
	size_t i;

	for (i = 0; i < m->nitems; i++) {
		const struct mv_item *it = &m->items[i];
		uint32_t g;

		if (!p->cut.moved[i])
			continue;
		if (it->tangled) {
			finding(p, m->path, it->first, 1,
				"this declaration crosses #if/#else/#endif lines it does not close; move it by hand");
			continue;
		}
		for (g = it->group; g != MV_NONE; g = m->groups[g].parent)
			if (m->groups[g].endif == MV_NONE) {
				finding(p, m->path, m->items[m->groups[g].dirs[0]].first, 1,
					"this conditional has no #endif; cannot move what it holds");
				break;
			}
	}
}

static void collect_names(struct plan *p)
{
	const struct mv_model *m = &p->from;
	size_t i;

	for (i = 0; i < m->decls.n; i++) {
		const struct token *t = &m->tv.v[m->decls.v[i].tok];
		uint32_t it = m->decl_item[i];

		if (it != MV_NONE && p->cut.moved[it])
			nameset_add(&p->names, t->text, t->len);
	}
}

/* What stays in FROM must not use what moves. */
static void check_from(struct plan *p)
{
	const struct mv_model *m = &p->from;
	bool *seen = calloc(p->names.n + 1, sizeof(bool));
	size_t i;

	if (!seen)
		die_oom();
	for (i = 0; i < m->tv.n; i++) {
		const struct token *t = &m->tv.v[i];
		uint32_t id;

		if (!mv_is_ref(t) || p->cut.removed[t->line])
			continue;
		id = nameset_find(&p->names, t->text, t->len);
		if (id == NAME_NONE || seen[id])
			continue;
		seen[id] = true;
		if (p->o->delete)
			finding(p, m->path, t->line, t->col,
				"%s is still used; remove this use before deleting %s",
				p->names.names[id].s, p->names.names[id].s);
		else
			finding(p, m->path, t->line, t->col,
				"%s would move to %s but stays in use here: %s would need %s",
				p->names.names[id].s, p->o->to, m->path, p->o->to);
	}
	free(seen);
}

/* TO must not declare what comes. */
static void check_to(struct plan *p)
{
	const struct mv_model *m = &p->to;
	size_t i;

	for (i = 0; i < m->decls.n; i++) {
		const struct token *t = &m->tv.v[m->decls.v[i].tok];
		uint32_t it = m->decl_item[i];

		if (it == MV_NONE || m->items[it].guard ||
		    nameset_find(&p->names, t->text, t->len) == NAME_NONE)
			continue;
		finding(p, m->path, t->line, t->col, "%.*s is already declared here; it would be declared twice",
			(int)t->len, t->text);
	}
}

static char *take(struct mv_buf *b, size_t *len)
{
	char *s = b->p ? b->p : xstrdup("");

	*len = b->p ? b->len : 0;
	b->p = NULL;
	b->len = b->cap = 0;
	return s;
}

static struct mv_edit *add_edit(struct plan *p, const char *path, const char *old, size_t oldlen)
{
	struct mv_edit *e;

	GROW(p->edits.v, p->edits.n + 1, p->edits.cap);
	e = &p->edits.v[p->edits.n++];
	memset(e, 0, sizeof(*e));
	e->path = xstrdup(path);
	if (old) {
		e->old = xmalloc(oldlen + 1);
		memcpy(e->old, old, oldlen);
		e->oldlen = oldlen;
	}
	return e;
}

static uint32_t count_lines(const char *s, size_t n)
{
	uint32_t l = 0;
	size_t i;

	for (i = 0; i < n; i++)
		l += s[i] == '\n';
	return l + (n && s[n - 1] != '\n');
}

static void edit_from(struct plan *p)
{
	const struct mv_model *m = &p->from;
	struct mv_buf b = { 0 };
	struct mv_edit *e = add_edit(p, m->path, m->buf, m->len);
	uint32_t l, out = 0;

	for (l = 1; l <= m->nlines; l++) {
		if (p->cut.removed[l])
			continue;
		mv_put(&b, m->buf + m->lines[l - 1].off, m->lines[l - 1].len);
		out++;
	}
	e->new = take(&b, &e->newlen);
	e->msg = xasprintf("%s: %u line%s %s", m->path, m->nlines - out,
			   plural(m->nlines - out), p->o->delete ? "deleted" : "moved out");
}

static void put_include(struct mv_buf *b, const char *hdr)
{
	mv_puts(b, "#include ");
	if (hdr[0] == '<' || hdr[0] == '"') {
		mv_puts(b, hdr);
	} else {
		mv_puts(b, "<");
		mv_puts(b, hdr);
		mv_puts(b, ">");
	}
	mv_puts(b, "\n");
}

static void edit_to(struct plan *p)
{
	const struct mv_opts *o = p->o;
	const struct mv_model *m = &p->to;
	struct mv_buf b = { 0 };
	struct mv_edit *e;
	uint32_t n;
	size_t i;

	if (!p->to_exists) {
		char *guard = mv_guard_name(o->to);

		e = add_edit(p, o->to, NULL, 0);
		mv_puts(&b, "/* SPDX-License-Identifier: GPL-2.0 */\n#ifndef ");
		mv_puts(&b, guard);
		mv_puts(&b, "\n#define ");
		mv_puts(&b, guard);
		mv_puts(&b, "\n\n");
		for (i = 0; i < o->nincludes; i++)
			put_include(&b, o->includes[i]);
		if (o->nincludes)
			mv_puts(&b, "\n");
		mv_put(&b, p->cut.body.p, p->cut.body.len);
		mv_puts(&b, "\n#endif /* ");
		mv_puts(&b, guard);
		mv_puts(&b, " */\n");
		free(guard);
		e->new = take(&b, &e->newlen);
		n = count_lines(e->new, e->newlen);
		e->msg = xasprintf("%s: created, %u line%s", o->to, n, plural(n));
		return;
	}
	e = add_edit(p, m->path, m->buf, m->len);
	if (m->guard_endif != MV_NONE) {
		uint32_t end = m->items[m->guard_endif].first, last = end - 1;

		while (last > 1 && mv_blank(m, last))
			last--;
		mv_put_lines(&b, m, 1, last);
		mv_puts(&b, "\n");
		mv_put(&b, p->cut.body.p, p->cut.body.len);
		mv_puts(&b, "\n");
		mv_put(&b, m->buf + m->lines[end - 1].off, m->len - m->lines[end - 1].off);
	} else {
		uint32_t last = m->nlines;

		while (last >= 1 && mv_blank(m, last))
			last--;
		if (last) {
			mv_put_lines(&b, m, 1, last);
			mv_puts(&b, "\n");
		}
		mv_put(&b, p->cut.body.p, p->cut.body.len);
	}
	e->new = take(&b, &e->newlen);
	n = count_lines(e->new, e->newlen) - m->nlines;
	e->msg = xasprintf("%s: %u line%s added", m->path, n, plural(n));
}

/*
 * Where "#include" goes: after the last local include at the top level
 * (inside the guard), else after the group holding the last local one;
 * the same with <...> includes when there is no local one. 0: none.
 */
static uint32_t include_point(const struct mv_model *m)
{
	int pass;
	size_t i;

	for (pass = 0; pass < 4; pass++) {
		bool local = pass < 2, top = !(pass & 1);
		uint32_t best = MV_NONE, g;

		for (i = 0; i < m->nitems; i++) {
			const struct mv_item *it = &m->items[i];

			if (it->kind == MI_INCLUDE && !it->tangled && it->angle != local &&
			    (!top || it->group == MV_NONE))
				best = (uint32_t)i;
		}
		if (best == MV_NONE)
			continue;
		g = m->items[best].group;
		if (g == MV_NONE)
			return m->items[best].last;
		while (m->groups[g].parent != MV_NONE)
			g = m->groups[g].parent;
		return mv_unit_last(m, g | MV_GROUP);
	}
	return 0;
}

static void scope_list(const struct mv_opts *o, struct mv_buf *b)
{
	size_t i;

	for (i = 0; i < o->nscopes; i++) {
		if (i)
			mv_puts(b, ", ");
		mv_puts(b, *o->scopes[i] ? o->scopes[i] : ".");
		mv_puts(b, *o->scopes[i] ? "/" : "");
	}
}

/* A user in scope gets the include; one outside is refused. */
static int plan_users(struct plan *p)
{
	const struct mv_opts *o = p->o;
	struct filelist fl = { 0 };
	struct mv_buf scopes = { 0 };
	size_t i, j, bad;

	bad = mv_scan(o, &p->names, o->from, o->to, &fl);
	scope_list(o, &scopes);
	for (i = 0; i < fl.n; i++) {
		struct file *f = &fl.v[i];
		struct mv_model m = { 0 };
		struct mv_buf b = { 0 };
		struct mv_edit *e;
		uint32_t at;
		char *rel;
		int err;

		if (f->err || !f->hits.n)
			continue;
		if (!path_under_any(f->path, o->scopes, o->nscopes)) {
			bool *seen = calloc(p->names.n + 1, sizeof(bool));

			if (!seen)
				die_oom();
			for (j = 0; j < f->hits.n; j++) {
				const struct hit *h = &f->hits.v[j];

				if (seen[h->sym])
					continue;
				seen[h->sym] = true;
				finding(p, f->path, h->line, h->col,
					"uses %s, which would move to %s; this file is outside the scope (%s)",
					p->names.names[h->sym].s, o->to, scopes.p);
			}
			free(seen);
			continue;
		}
		err = mv_model_read(&m, o->kdirfd, f->path);
		if (err) {
			diag_unreadable(f->path, err);
			bad++;
			continue;
		}
		if (mv_includes(&m, o->to)) {
			mv_model_free(&m);
			continue;
		}
		at = include_point(&m);
		rel = mv_relpath(f->path, o->to);
		if (!at) {
			finding(p, f->path, f->hits.v[0].line, f->hits.v[0].col,
				"uses %s but has no #include to put #include \"%s\" after",
				p->names.names[f->hits.v[0].sym].s, rel);
		} else {
			e = add_edit(p, f->path, m.buf, m.len);
			mv_put_lines(&b, &m, 1, at);
			mv_puts(&b, "#include \"");
			mv_puts(&b, rel);
			mv_puts(&b, "\"\n");
			if (at < m.nlines)
				mv_put(&b, m.buf + m.lines[at].off, m.len - m.lines[at].off);
			e->new = take(&b, &e->newlen);
			e->msg = xasprintf("%s: #include \"%s\" added after line %u", f->path, rel, at);
		}
		free(rel);
		mv_model_free(&m);
	}
	free(scopes.p);
	files_free(&fl);
	return bad ? 2 : 0;
}

/* Every use left in the tree of what would be deleted is a refusal. */
static int plan_delete_users(struct plan *p)
{
	struct filelist fl = { 0 };
	size_t i, j, bad;

	bad = mv_scan(p->o, &p->names, p->o->from, p->o->from, &fl);
	for (i = 0; i < fl.n; i++) {
		const struct file *f = &fl.v[i];

		for (j = 0; !f->err && j < f->hits.n; j++) {
			const char *name = p->names.names[f->hits.v[j].sym].s;

			finding(p, f->path, f->hits.v[j].line, f->hits.v[j].col,
				"%s is still used; remove this use before deleting %s from %s",
				name, name, p->o->from);
		}
	}
	files_free(&fl);
	return bad ? 2 : 0;
}

/* -v: each moving declaration with its lines. */
static void print_moving(const struct plan *p, const char *prefix)
{
	const struct mv_model *m = &p->from;
	size_t i;

	for (i = 0; i < m->decls.n; i++) {
		const struct mv_decl *d = &m->decls.v[i];
		const struct token *t = &m->tv.v[d->tok];
		uint32_t it = m->decl_item[i];

		if (it == MV_NONE || !p->cut.moved[it])
			continue;
		printf("%s%s: %s %s:%u-%u: %s %.*s\n", prefix, progname,
		       p->o->delete ? "deleting" : "moving", m->path,
		       m->items[it].lead, m->items[it].last, mv_kind_name(d->kind),
		       (int)t->len, t->text);
	}
}

static void plan_free(struct plan *p)
{
	size_t i;

	mv_model_free(&p->from);
	mv_model_free(&p->to);
	mv_cut_free(&p->cut);
	nameset_free(&p->names);
	for (i = 0; i < p->nfinds; i++) {
		free(p->finds[i].path);
		free(p->finds[i].msg);
	}
	free(p->finds);
	mv_edits_free(&p->edits);
}

static int refuse(struct plan *p)
{
	size_t i;

	qsort(p->finds, p->nfinds, sizeof(*p->finds), finding_cmp);
	for (i = 0; i < p->nfinds && i < MAX_SHOWN; i++)
		diag_at(stderr, p->finds[i].path, p->finds[i].line, p->finds[i].col, SEV_ERROR,
			"%s", p->finds[i].msg);
	if (p->nfinds > MAX_SHOWN)
		diag_prog(stderr, NULL, "and %zu more", p->nfinds - MAX_SHOWN);
	diag_prog(stderr, NULL, "refused: %zu error%s; nothing changed", p->nfinds,
		  plural(p->nfinds));
	return 1;
}

/* The SYMs: those FROM declares move; those only TO declares have moved already. */
static int select_syms(struct plan *p, struct mv_buf *already)
{
	const struct mv_opts *o = p->o;
	size_t i;

	for (i = 0; i < o->nsyms; i++) {
		if (select_sym(p, o->syms[i]))
			continue;
		if (!o->delete && p->to_exists && declared(&p->to, o->syms[i]) != MV_NONE) {
			if (already->len)
				mv_puts(already, " ");
			mv_puts(already, o->syms[i]);
			continue;
		}
		return usage_fail("%s is not declared in %s", o->syms[i], o->from);
	}
	return 0;
}

int mv_run(const struct mv_opts *o)
{
	struct plan p = { .o = o };
	struct mv_buf already = { 0 };
	const char *pre = o->dry_run ? "would: " : "";
	bool any = false;
	size_t i;
	int err, ret;

	err = mv_model_read(&p.from, o->kdirfd, o->from);
	if (err) {
		ret = usage_fail("%s: cannot read: %s", o->from, strerror(err));
		goto out;
	}
	err = o->delete ? ENOENT : mv_model_read(&p.to, o->kdirfd, o->to);
	if (err && err != ENOENT) {
		ret = usage_fail("%s: cannot read: %s", o->to, strerror(err));
		goto out;
	}
	p.to_exists = !err;
	if (!o->delete && !p.to_exists && !dir_exists(o->kdirfd, o->to)) {
		ret = usage_fail("%s: its directory does not exist; create it first", o->to);
		goto out;
	}
	check_balance(&p, &p.from);
	if (p.to_exists)
		check_balance(&p, &p.to);
	if (p.nfinds) {
		ret = refuse(&p);
		goto out;
	}
	mv_cut_init(&p.cut, &p.from);
	ret = select_syms(&p, &already);
	if (ret)
		goto out;
	for (i = 0; i < p.from.nitems; i++)
		any |= p.cut.moved[i];
	if (!any) {
		printf("%s: nothing to do: %s already in %s\n", progname, already.p, o->to);
		ret = 0;
		goto out;
	}
	if (already.len)
		printf("%s%s: %s already in %s\n", pre, progname, already.p, o->to);
	collect_names(&p);
	check_tangles(&p);
	if (p.nfinds) {
		ret = refuse(&p);
		goto out;
	}
	mv_cut_run(&p.cut);
	check_from(&p);
	if (p.to_exists)
		check_to(&p);
	edit_from(&p);
	if (o->delete) {
		ret = plan_delete_users(&p);
	} else {
		edit_to(&p);
		ret = plan_users(&p);
	}
	if (p.nfinds) {
		ret = refuse(&p);
		goto out;
	}
	if (ret)
		goto out;
	if (!o->dry_run) {
		ret = mv_write_all(o->kdir, &p.edits);
		if (ret)
			goto out;
	}
	if (o->verbose)
		print_moving(&p, pre);
	for (i = 0; i < p.edits.n; i++)
		printf("%s%s: %s\n", pre, progname, p.edits.v[i].msg);
	if (fflush(stdout) || ferror(stdout))
		ret = 2;
out:
	free(already.p);
	plan_free(&p);
	return ret;
}
