// SPDX-License-Identifier: GPL-2.0
/*
 * A file as the mover sees it: lines classified (blank, comment, code,
 * continued), items (declarations and directives, each a run of whole
 * lines with its trailing comment and, above it, its comment block),
 * the include guard, and the tree of conditional groups whose branches
 * hold the items in order.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "move.h"
#include "util.h"
#include "walk.h"

/* Split the buffer into lines and classify each, as the lexer reads comments. */
static void classify(struct mv_model *m)
{
	enum { S_CODE, S_BLOCK, S_LINE, S_STR, S_CHR } st = S_CODE;
	const char *s = m->buf;
	size_t n = m->len, i, nl = 0;
	uint32_t l = 0;

	for (i = 0; i < n; i++)
		nl += s[i] == '\n';
	m->nlines = (uint32_t)(nl + (n && s[n - 1] != '\n'));
	m->lines = xmalloc((m->nlines + 1) * sizeof(*m->lines));
	if (!m->nlines)
		return;
	m->lines[0] = (struct mv_line){ .off = 0 };
	for (i = 0; i < n; i++) {
		struct mv_line *ln = &m->lines[l];
		char c = s[i];

		if (c == '\\' && (i + 1 < n && (s[i + 1] == '\n' ||
				 (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n')))) {
			/* a splice: the line goes on, whatever the state */
			ln->flags |= ML_CONT;
			continue;
		}
		if (c == '\n') {
			if (st == S_BLOCK)
				ln->flags |= ML_CONT;
			else if (i > 0 && s[i - 1] == '\\')
				;	/* spliced: line comments and literals go on */
			else if (!(i > 1 && s[i - 1] == '\r' && s[i - 2] == '\\'))
				st = S_CODE;
			ln->len = i + 1 - ln->off;
			if (++l < m->nlines) {
				m->lines[l] = (struct mv_line){ .off = i + 1 };
				if (st == S_BLOCK)
					m->lines[l].flags = ML_COMMENT | ML_INSIDE;
				else if (st == S_LINE)
					m->lines[l].flags = ML_COMMENT;
			}
			continue;
		}
		switch (st) {
		case S_CODE:
			if (c == '/' && i + 1 < n && (s[i + 1] == '*' || s[i + 1] == '/')) {
				st = s[i + 1] == '*' ? S_BLOCK : S_LINE;
				ln->flags |= ML_COMMENT;
				i++;
			} else if (c == '"' || c == '\'') {
				st = c == '"' ? S_STR : S_CHR;
				ln->flags |= ML_CODE;
			} else if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
				ln->flags |= ML_CODE;
			}
			break;
		case S_BLOCK:
			ln->flags |= ML_COMMENT;
			if (c == '*' && i + 1 < n && s[i + 1] == '/') {
				st = S_CODE;
				i++;
			}
			break;
		case S_LINE:
			ln->flags |= ML_COMMENT;
			break;
		case S_STR:
		case S_CHR:
			ln->flags |= ML_CODE;
			if (c == '\\' && i + 1 < n && s[i + 1] != '\n')
				i++;
			else if (c == (st == S_STR ? '"' : '\''))
				st = S_CODE;
			break;
		}
	}
	if (l < m->nlines)
		m->lines[l].len = n - m->lines[l].off;
	for (l = 0; l < m->nlines; l++) {
		static const char spdx[] = "SPDX-License-Identifier";

		if (memmem(s + m->lines[l].off, m->lines[l].len, spdx, sizeof(spdx) - 1))
			m->lines[l].flags |= ML_SPDX;
	}
}

/* The last line of what starts or ends on @line: splices and open comments. */
static uint32_t extend(const struct mv_model *m, uint32_t line)
{
	while (line < m->nlines && (m->lines[line - 1].flags & ML_CONT))
		line++;
	return line;
}

static struct mv_item *add_item(struct mv_model *m, uint8_t kind, uint32_t tok0, uint32_t tok1)
{
	struct mv_item *it;

	GROW(m->items, m->nitems + 1, m->citems);
	it = &m->items[m->nitems++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->tok0 = tok0;
	it->tok1 = tok1;
	it->first = m->tv.v[tok0].line;
	it->last = extend(m, m->tv.v[tok1 - 1].line);
	it->group = it->branch = it->dir_of = MV_NONE;
	return it;
}

static uint8_t directive_kind(const struct token *name)
{
	static const struct { const char *s; uint8_t kind; } kinds[] = {
		{ "if", MI_IF }, { "ifdef", MI_IF }, { "ifndef", MI_IF },
		{ "elif", MI_ELSE }, { "elifdef", MI_ELSE }, { "elifndef", MI_ELSE },
		{ "else", MI_ELSE }, { "endif", MI_ENDIF }, { "define", MI_DEFINE },
		{ "include", MI_INCLUDE }, { "include_next", MI_INCLUDE },
	};
	size_t i;

	if (!name)
		return MI_PP;
	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (tok_is(name, kinds[i].s))
			return kinds[i].kind;
	return MI_PP;
}

static bool is_conditional(uint8_t kind)
{
	return kind == MI_IF || kind == MI_ELSE || kind == MI_ENDIF;
}

/* The directives, as items in token order; the segments become code items. */
static void make_items(struct mv_model *m)
{
	struct mv_decls *d = &m->decls;
	struct tokvec *tv = &m->tv;
	struct mv_item *dirs = NULL;
	size_t ndirs = 0, cdirs = 0, i, k, s;

	for (i = 0; i < tv->n; i++) {
		const struct token *t = &tv->v[i];
		const struct token *name = NULL;
		size_t j;

		if (!(t->kind == TOK_PUNCT && (t->flags & TF_DIRECTIVE)))
			continue;
		for (j = i + 1; j < tv->n && (tv->v[j].flags & TF_PP) &&
		     !(tv->v[j].kind == TOK_PUNCT && (tv->v[j].flags & TF_DIRECTIVE)); j++)
			if ((tv->v[j].flags & TF_DIRECTIVE) && !name)
				name = &tv->v[j];
		GROW(dirs, ndirs + 1, cdirs);
		dirs[ndirs] = (struct mv_item){ .kind = directive_kind(name), .tok0 = (uint32_t)i,
						.tok1 = (uint32_t)j };
		for (k = i; k < j; k++)
			if (tv->v[k].kind == TOK_INCLUDE && (tv->v[k].flags & TF_ANGLE))
				dirs[ndirs].angle = true;
		ndirs++;
		i = j - 1;
	}

	/*
	 * Merge segments and directives in token order. A directive inside a
	 * segment's lines (#ifdef in a struct body) belongs to the segment;
	 * the segment is tangled when those directives do not balance.
	 */
	for (s = 0, k = 0; s < d->nsegs || k < ndirs;) {
		bool take_seg = s < d->nsegs && (k == ndirs || d->segs[s].tok0 < dirs[k].tok0);
		struct mv_item *it;

		if (take_seg) {
			int depth = 0;
			bool tangled = false;

			it = add_item(m, MI_CODE, d->segs[s].tok0, d->segs[s].tok1);
			s++;
			for (; k < ndirs && dirs[k].tok0 < it->tok1; k++) {
				if (dirs[k].kind == MI_IF)
					depth++;
				else if (dirs[k].kind == MI_ELSE)
					tangled |= depth == 0;
				else if (dirs[k].kind == MI_ENDIF && depth-- == 0)
					tangled = true;
			}
			it->tangled = tangled || depth != 0;
		} else {
			uint8_t kind = dirs[k].kind;
			bool angle = dirs[k].angle;

			it = add_item(m, kind, dirs[k].tok0, dirs[k].tok1);
			it->angle = angle;
			k++;
		}
		/* two on one line: one item */
		if (m->nitems > 1 && it->first <= m->items[m->nitems - 2].last) {
			struct mv_item *p = &m->items[m->nitems - 2];

			if (is_conditional(p->kind) || is_conditional(it->kind))
				p->tangled = true;
			p->tangled |= it->tangled;
			p->kind = MI_CODE;
			p->tok1 = it->tok1;
			if (it->last > p->last)
				p->last = it->last;
			m->nitems--;
		}
	}
	free(dirs);
}

uint32_t mv_item_of_tok(const struct mv_model *m, uint32_t tok)
{
	size_t lo = 0, hi = m->nitems;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->items[mid].tok1 <= tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->nitems && m->items[lo].tok0 <= tok ? (uint32_t)lo : MV_NONE;
}

/* The identifier a directive tests or defines: "#ifndef X", "#if !defined(X)", "#define X". */
static const struct token *directive_subject(const struct mv_model *m, const struct mv_item *it)
{
	const struct token *t = m->tv.v + it->tok0, *end = m->tv.v + it->tok1;

	if (end - t < 3)
		return NULL;
	if (tok_is(t + 1, "ifndef") || tok_is(t + 1, "define"))
		return t[2].kind == TOK_IDENT ? t + 2 : NULL;
	if (!tok_is(t + 1, "if") || end - t < 5 || !tok_is(t + 2, "!") || !tok_is(t + 3, "defined"))
		return NULL;
	if (t[4].kind == TOK_IDENT && end - t == 5)
		return t + 4;
	if (end - t == 7 && tok_is(t + 4, "(") && t[5].kind == TOK_IDENT && tok_is(t + 6, ")"))
		return t + 5;
	return NULL;
}

/* "#ifndef X" first, "#define X" next, and the matching #endif last. */
static void find_guard(struct mv_model *m)
{
	const struct token *a, *b;
	size_t i;
	int depth = 0;

	m->guard_if = m->guard_endif = MV_NONE;
	if (m->nitems < 3 || m->items[0].kind != MI_IF || m->items[1].kind != MI_DEFINE)
		return;
	a = directive_subject(m, &m->items[0]);
	b = directive_subject(m, &m->items[1]);
	if (!a || !b || a->len != b->len || memcmp(a->text, b->text, a->len))
		return;
	for (i = 0; i < m->nitems; i++) {
		const struct mv_item *it = &m->items[i];

		if (it->tangled)
			continue;
		if (it->kind == MI_IF)
			depth++;
		else if (it->kind == MI_ENDIF && --depth == 0)
			break;
	}
	if (i != m->nitems - 1)
		return;
	m->guard_if = 0;
	m->guard_endif = (uint32_t)i;
	m->items[0].guard = m->items[1].guard = m->items[i].guard = true;
}

static void seq_add(struct mv_seq *q, uint32_t unit)
{
	GROW(q->v, q->n + 1, q->cap);
	q->v[q->n++] = unit;
}

static struct mv_seq *cur_seq(struct mv_model *m, uint32_t g)
{
	struct mv_group *gr;

	if (g == MV_NONE)
		return &m->root;
	gr = &m->groups[g];
	return &gr->br[gr->ndirs - 1];
}

static void make_groups(struct mv_model *m)
{
	uint32_t *stack = NULL, top = MV_NONE;
	size_t n = 0, cap = 0, i;

	for (i = 0; i < m->nitems; i++) {
		struct mv_item *it = &m->items[i];
		struct mv_group *g;

		if (it->guard)
			continue;
		it->group = top;
		it->branch = top == MV_NONE ? MV_NONE : m->groups[top].ndirs - 1;
		if (it->kind == MI_IF && !it->tangled) {
			GROW(m->groups, m->ngroups + 1, m->cgroups);
			g = &m->groups[m->ngroups];
			memset(g, 0, sizeof(*g));
			g->parent = top;
			g->pbranch = it->branch;
			g->endif = MV_NONE;
			g->dirs = xmalloc(sizeof(*g->dirs));
			g->br = xmalloc(sizeof(*g->br));
			memset(g->br, 0, sizeof(*g->br));
			g->dirs[0] = (uint32_t)i;
			g->ndirs = 1;
			it->dir_of = (uint32_t)m->ngroups;
			seq_add(cur_seq(m, top), (uint32_t)m->ngroups | MV_GROUP);
			GROW(stack, n + 1, cap);
			stack[n++] = top;
			top = (uint32_t)m->ngroups++;
		} else if (it->kind == MI_ELSE && top != MV_NONE && !it->tangled) {
			g = &m->groups[top];
			g->dirs = xrealloc(g->dirs, (g->ndirs + 1) * sizeof(*g->dirs));
			g->br = xrealloc(g->br, (g->ndirs + 1) * sizeof(*g->br));
			memset(&g->br[g->ndirs], 0, sizeof(*g->br));
			g->dirs[g->ndirs++] = (uint32_t)i;
			it->dir_of = top;
		} else if (it->kind == MI_ENDIF && top != MV_NONE && !it->tangled) {
			m->groups[top].endif = (uint32_t)i;
			it->dir_of = top;
			top = stack[--n];
		} else {
			if (is_conditional(it->kind))
				it->tangled = true;	/* #else or #endif without #if */
			seq_add(cur_seq(m, top), (uint32_t)i);
		}
	}
	free(stack);
}

/* Comment lines right above each item, up to a blank line or another item. */
static void find_leads(struct mv_model *m)
{
	bool *owned = calloc(m->nlines + 2, sizeof(*owned));
	size_t i;
	uint32_t l;

	if (!owned)
		die_oom();
	for (i = 0; i < m->nitems; i++)
		for (l = m->items[i].first; l <= m->items[i].last && l <= m->nlines; l++)
			owned[l] = true;
	for (i = 0; i < m->nitems; i++) {
		struct mv_item *it = &m->items[i];

		l = it->first;
		while (l > 1) {
			uint8_t f = m->lines[l - 2].flags;

			if (owned[l - 1] || !(f & ML_COMMENT) || (f & (ML_CODE | ML_SPDX)))
				break;
			l--;
		}
		/* never half a comment */
		while (l < it->first && (m->lines[l - 1].flags & ML_INSIDE))
			l++;
		it->lead = l;
	}
	free(owned);
}

void mv_model_build(struct mv_model *m, const char *path, char *buf, size_t len)
{
	size_t i;

	m->path = xstrdup(path);
	m->buf = buf;
	m->len = len;
	classify(m);
	lex_all(&m->lx, m->buf, m->len, 0, &m->tv);
	mv_decls_read(&m->tv, &m->decls);
	make_items(m);
	m->decl_item = xmalloc((m->decls.n + 1) * sizeof(*m->decl_item));
	for (i = 0; i < m->decls.n; i++)
		m->decl_item[i] = mv_item_of_tok(m, m->decls.v[i].tok);
	find_guard(m);
	make_groups(m);
	find_leads(m);
}

int mv_model_read(struct mv_model *m, int dirfd, const char *path)
{
	struct rbuf b = { 0 };
	int err = read_at(dirfd, path, &b);

	if (err) {
		free(b.p);
		return err;
	}
	if (!b.p)
		b.p = xstrdup("");
	mv_model_build(m, path, b.p, b.len);
	return 0;
}

void mv_model_free(struct mv_model *m)
{
	size_t i, j;

	for (i = 0; i < m->ngroups; i++) {
		for (j = 0; j < m->groups[i].ndirs; j++)
			free(m->groups[i].br[j].v);
		free(m->groups[i].br);
		free(m->groups[i].dirs);
	}
	free(m->groups);
	free(m->root.v);
	free(m->items);
	free(m->decl_item);
	mv_decls_free(&m->decls);
	free(m->tv.v);
	lex_free(&m->lx);
	free(m->lines);
	free(m->buf);
	free(m->path);
	memset(m, 0, sizeof(*m));
}

uint32_t mv_unit_lead(const struct mv_model *m, uint32_t unit)
{
	if (unit & MV_GROUP)
		return m->items[m->groups[unit & ~MV_GROUP].dirs[0]].lead;
	return m->items[unit].lead;
}

uint32_t mv_unit_last(const struct mv_model *m, uint32_t unit)
{
	const struct mv_group *g;

	if (!(unit & MV_GROUP))
		return m->items[unit].last;
	g = &m->groups[unit & ~MV_GROUP];
	if (g->endif != MV_NONE)
		return m->items[g->endif].last;
	return m->nlines;
}

uint32_t mv_unbalanced(const struct mv_model *m, const char **why)
{
	uint32_t *open = NULL, line;
	size_t n = 0, cap = 0, i;
	const struct token *name;

	for (i = 0; i + 1 < m->tv.n; i++) {
		const struct token *t = &m->tv.v[i];

		name = &m->tv.v[i + 1];
		if (!(t->kind == TOK_PUNCT && (t->flags & TF_DIRECTIVE)) ||
		    !(name->flags & TF_DIRECTIVE) || name->kind != TOK_IDENT)
			continue;
		switch (directive_kind(name)) {
		case MI_IF:
			GROW(open, n + 1, cap);
			open[n++] = t->line;
			break;
		case MI_ELSE:
		case MI_ENDIF:
			if (!n) {
				*why = tok_is(name, "endif") ? "#endif without #if" :
					"#else or #elif without #if";
				free(open);
				return t->line;
			}
			if (directive_kind(name) == MI_ENDIF)
				n--;
			break;
		}
	}
	line = n ? open[n - 1] : 0;
	*why = "#if without #endif";
	free(open);
	return line;
}

void mv_list(FILE *out, const struct mv_model *m)
{
	size_t i;

	/* declarations are in token order, hence in item and line order */
	for (i = 0; i < m->decls.n; i++) {
		const struct mv_decl *d = &m->decls.v[i];
		const struct token *t = &m->tv.v[d->tok];
		const struct mv_item *it;

		if (m->decl_item[i] == MV_NONE)
			continue;
		it = &m->items[m->decl_item[i]];
		if (it->guard)
			continue;
		fprintf(out, "%s:%u-%u: %s %.*s\n", m->path, it->lead, it->last,
			mv_kind_name(d->kind), (int)t->len, t->text);
	}
}

char *mv_guard_name(const char *path)
{
	char *g = xasprintf("__%s", path), *p;

	for (p = g + 2; *p; p++) {
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
		else if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			*p = '_';
	}
	return g;
}

char *mv_relpath(const char *from, const char *to)
{
	const char *f = from, *t = to, *slash;
	struct mv_buf b = { 0 };

	/* drop the common directories */
	for (;;) {
		const char *fs = strchr(f, '/'), *ts = strchr(t, '/');

		if (!fs || !ts || fs - f != ts - t || memcmp(f, t, (size_t)(fs - f)))
			break;
		f = fs + 1;
		t = ts + 1;
	}
	for (slash = strchr(f, '/'); slash; slash = strchr(slash + 1, '/'))
		mv_puts(&b, "../");
	mv_puts(&b, t);
	return b.p;
}

bool mv_includes(const struct mv_model *m, const char *to)
{
	const char *slash = strrchr(m->path, '/');
	int dirlen = slash ? (int)(slash - m->path) : 0;
	char cand[PATH_MAX], norm[PATH_MAX];
	size_t i;

	for (i = 0; i < m->tv.n; i++) {
		const struct token *t = &m->tv.v[i];
		int k;

		if (t->kind != TOK_INCLUDE)
			continue;
		for (k = 0; k < 3; k++) {
			int n;

			if (k == 0)
				n = snprintf(cand, sizeof(cand), "%.*s%s%.*s", dirlen, m->path,
					     dirlen ? "/" : "", (int)t->len, t->text);
			else
				n = snprintf(cand, sizeof(cand), "%s%.*s", k == 1 ? "" : "include/",
					     (int)t->len, t->text);
			if (n < 0 || (size_t)n >= sizeof(cand) || memchr(cand, '\0', (size_t)n))
				continue;
			if (path_normalize(cand, norm, sizeof(norm)) && !strcmp(norm, to))
				return true;
		}
	}
	return false;
}

void mv_put(struct mv_buf *b, const void *s, size_t n)
{
	GROW(b->p, b->len + n + 1, b->cap);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void mv_puts(struct mv_buf *b, const char *s)
{
	mv_put(b, s, strlen(s));
}

void mv_put_lines(struct mv_buf *b, const struct mv_model *m, uint32_t from, uint32_t to)
{
	const struct mv_line *a, *z;

	if (from < 1 || from > to || to > m->nlines)
		return;
	a = &m->lines[from - 1];
	z = &m->lines[to - 1];
	mv_put(b, m->buf + a->off, z->off + z->len - a->off);
	if (!z->len || m->buf[z->off + z->len - 1] != '\n')
		mv_put(b, "\n", 1);
}
