// SPDX-License-Identifier: GPL-2.0
/*
 * File-scope declarations with their extent in tokens. The scanner's
 * decl_scan() names macros, functions, types and enumerators; this file
 * cuts the code into segments (one declaration each: up to its ';', or to
 * the '}' of a function body) so that each name has tokens around it, and
 * adds what decl_scan() leaves out: variables ("extern int x;"), and
 * whether a function or variable is static.
 */
#include <stdlib.h>
#include <string.h>

#include "decl.h"
#include "move.h"
#include "util.h"

/* MN_* extend DK_*, named as decl_kind_name() names them but for enum constants. */
_Static_assert((int)MN_MACRO == DK_MACRO && (int)MN_FUNC == DK_FUNC &&
	       (int)MN_TYPE == DK_TYPE && (int)MN_ENUMC == DK_ENUMC,
	       "mv_name_kind extends decl_kind");

const char *mv_kind_name(unsigned int kind)
{
	if (kind == MN_ENUMC)
		return "enum-constant";
	if (kind == MN_VAR)
		return "variable";
	return decl_kind_name((enum decl_kind)kind);
}

static bool is_code(const struct token *t)
{
	return t->kind != TOK_MENTION && !(t->flags & TF_PP);
}

static void add_seg(struct mv_decls *d, uint32_t tok0, uint32_t tok1, bool body)
{
	GROW(d->segs, d->nsegs + 1, d->csegs);
	d->segs[d->nsegs++] = (struct mv_seg){ .tok0 = tok0, .tok1 = tok1, .body = body };
}

/*
 * A macro that declares something: DEFINE_GUARD, not an attribute such as
 * __printf (upper case, no lower case letter).
 */
static bool macro_name(const struct token *t)
{
	uint32_t i;

	if (t->kind != TOK_IDENT)
		return false;
	for (i = 0; i < t->len; i++)
		if (t->text[i] >= 'a' && t->text[i] <= 'z')
			return false;
	return true;
}

/* The code token after @i, or NULL. */
static const struct token *next_code(const struct tokvec *tv, size_t i)
{
	for (i++; i < tv->n; i++)
		if (is_code(&tv->v[i]))
			return &tv->v[i];
	return NULL;
}

/*
 * Cut the code tokens into declarations. A '{' right after a ')' at the
 * top opens a function body, which ends the declaration at its '}'
 * (unless the parentheses were an attribute's); other braces (records,
 * initializers) run on to the ';'. A leading upper-case macro invocation
 * alone on its lines ("DEFINE_GUARD(...)" without a ';') is a declaration
 * of its own; "__printf(1, 2)" on the line above a prototype is not.
 */
static void segment(const struct tokvec *tv, struct mv_decls *d)
{
	uint32_t start = MV_NONE, prev = MV_NONE, head = MV_NONE, ntok = 0;
	unsigned int paren = 0, brace = 0;
	bool body = false, call = false;
	size_t i;

	for (i = 0; i < tv->n; i++) {
		const struct token *t = &tv->v[i], *n;
		bool end = false;

		if (!is_code(t))
			continue;
		if (start == MV_NONE) {
			start = (uint32_t)i;
			ntok = 0;
		}
		ntok++;
		if (ntok == 2 && decl_punct(t, '(') && brace == 0 && macro_name(&tv->v[prev]))
			call = true;
		if (decl_punct(t, '(') || decl_punct(t, '[')) {
			if (paren++ == 0 && brace == 0)
				head = prev;
		} else if (decl_punct(t, ')') || decl_punct(t, ']')) {
			if (paren && --paren == 0 && brace == 0 && call) {
				call = false;
				n = next_code(tv, i);
				end = n && n->line > t->line && n->kind == TOK_IDENT &&
				      !(n->len > 1 && n->text[0] == '_' && n->text[1] == '_');
			}
		} else if (decl_punct(t, '{')) {
			if (brace == 0) {
				body = paren == 0 && prev != MV_NONE &&
				       decl_punct(&tv->v[prev], ')') &&
				       !(head != MV_NONE && (tok_is(&tv->v[head], "__attribute__") ||
							     tok_is(&tv->v[head], "__aligned")));
				paren = 0;
			}
			brace++;
		} else if (decl_punct(t, '}')) {
			if (brace == 0)
				end = true;	/* unbalanced: a separator */
			else if (--brace == 0 && body)
				end = true;
			else
				body = body && brace;
			if (brace == 0)
				paren = 0;
		} else if (decl_punct(t, ';') && paren == 0 && brace == 0) {
			end = true;
		}
		prev = (uint32_t)i;
		if (end) {
			add_seg(d, start, (uint32_t)i + 1, body && decl_punct(t, '}'));
			start = MV_NONE;
			paren = brace = 0;
			body = call = false;
			head = MV_NONE;
		}
	}
	if (start != MV_NONE)
		add_seg(d, start, prev + 1, false);
}

enum { SEEN_ANY = 1, SEEN_FUNC = 2 };

static void add_decl(struct mv_decls *d, uint32_t tok, uint8_t kind, bool defn)
{
	GROW(d->v, d->n + 1, d->cap);
	d->v[d->n++] = (struct mv_decl){ .tok = tok, .seg = MV_NONE, .kind = kind, .defn = defn };
}

struct reader {
	struct tokvec *tv;
	struct mv_decls *d;
};

static void on_decl(void *ctx, const struct token *name, enum decl_kind kind, bool defn)
{
	struct reader *r = ctx;
	static const uint8_t map[DK_NKINDS] = {
		[DK_MACRO] = MN_MACRO, [DK_FUNC] = MN_FUNC,
		[DK_TYPE] = MN_TYPE, [DK_ENUMC] = MN_ENUMC,
	};

	if (kind < DK_NKINDS)
		add_decl(r->d, (uint32_t)(name - r->tv->v), map[kind], defn);
}

/* The segment holding token @tok, or MV_NONE. */
static uint32_t seg_of(const struct mv_decls *d, uint32_t tok)
{
	size_t lo = 0, hi = d->nsegs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->segs[mid].tok1 <= tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nsegs && d->segs[lo].tok0 <= tok ? (uint32_t)lo : MV_NONE;
}

/*
 * A function decl_scan() missed: it takes a word right after a type name
 * for an attribute when it starts with "__" ("pte_t __foo(pte_t pte)").
 * The first top-level '(' after a word that follows a word or a '*', its
 * ')' followed by a body, a ';' or an attribute. Returns the name's token.
 */
static uint32_t seg_func(const struct tokvec *tv, const struct mv_seg *g)
{
	uint32_t i, p1 = MV_NONE, p2 = MV_NONE;

	for (i = g->tok0; i < g->tok1; i++) {
		const struct token *t = &tv->v[i];

		if (!is_code(t))
			continue;
		if (decl_punct(t, '=') || decl_punct(t, '{') || decl_punct(t, '['))
			return MV_NONE;
		if (decl_punct(t, '(')) {
			unsigned int depth = 0;
			const struct token *n;

			if (p1 == MV_NONE || tv->v[p1].kind != TOK_IDENT ||
			    decl_keyword(&tv->v[p1]) || p2 == MV_NONE ||
			    !(tv->v[p2].kind == TOK_IDENT || decl_punct(&tv->v[p2], '*')))
				return MV_NONE;
			for (; i < g->tok1; i++) {
				t = &tv->v[i];
				if (!is_code(t))
					continue;
				if (decl_punct(t, '('))
					depth++;
				else if (decl_punct(t, ')') && --depth == 0)
					break;
			}
			n = next_code(tv, i);
			if (g->body || (n && (decl_punct(n, ';') || n->kind == TOK_IDENT)))
				return p1;
			return MV_NONE;
		}
		p2 = p1;
		p1 = i;
	}
	return MV_NONE;
}

/*
 * The variables a segment declares, when decl_scan() found no function in
 * it and it is no typedef: in each top-level declarator, the last word that
 * can be a name, not a tag, not called, before any initializer.
 */
static void seg_vars(const struct tokvec *tv, struct mv_decls *d, uint32_t s)
{
	const struct mv_seg *g = &d->segs[s];
	uint32_t i, cand = MV_NONE, saved = MV_NONE, prev = MV_NONE;
	unsigned int depth = 0;
	bool init = false;

	for (i = g->tok0; i < g->tok1; i++) {
		const struct token *t = &tv->v[i];

		if (!is_code(t))
			continue;
		if (depth) {
			if (decl_punct(t, '(') || decl_punct(t, '[') || decl_punct(t, '{'))
				depth++;
			else if (decl_punct(t, ')') || decl_punct(t, ']') || decl_punct(t, '}'))
				depth--;
		} else if (tok_is(t, "typedef")) {
			return;
		} else if (decl_punct(t, '(') || decl_punct(t, '[') || decl_punct(t, '{')) {
			if (decl_punct(t, '(') && cand != MV_NONE && cand == prev)
				cand = saved;	/* a macro call or an attribute */
			depth++;
		} else if (decl_punct(t, ',') || decl_punct(t, ';')) {
			if (cand != MV_NONE && !init)
				add_decl(d, cand, MN_VAR, false);
			cand = saved = MV_NONE;
			init = false;
		} else if (decl_punct(t, '=') || decl_punct(t, ':')) {
			if (cand != MV_NONE && !init)
				add_decl(d, cand, MN_VAR, false);
			init = true;
		} else if (!init && t->kind == TOK_IDENT && !decl_keyword(t) &&
			   !(prev != MV_NONE && decl_tag_kw(&tv->v[prev]))) {
			saved = cand;
			cand = i;
		}
		prev = i;
	}
	if (cand != MV_NONE && !init && depth == 0)
		add_decl(d, cand, MN_VAR, false);
}

/*
 * What decl_scan() leaves out of segment @s (@seen: flags of what it
 * reported there): a function it missed, or variables.
 */
static void seg_extra(const struct tokvec *tv, struct mv_decls *d, uint32_t s, uint8_t seen)
{
	uint32_t f;

	if (seen & SEEN_FUNC)
		return;
	if (!seen) {
		f = seg_func(tv, &d->segs[s]);
		if (f != MV_NONE) {
			add_decl(d, f, MN_FUNC, d->segs[s].body);
			return;
		}
	}
	if (!d->segs[s].body)
		seg_vars(tv, d, s);
}

/* Is there a "static" at the top of the segment before token @tok? */
static bool seg_static(const struct tokvec *tv, const struct mv_seg *g, uint32_t tok)
{
	unsigned int depth = 0;
	uint32_t i;

	for (i = g->tok0; i < tok && i < g->tok1; i++) {
		const struct token *t = &tv->v[i];

		if (!is_code(t))
			continue;
		if (decl_punct(t, '(') || decl_punct(t, '[') || decl_punct(t, '{'))
			depth++;
		else if ((decl_punct(t, ')') || decl_punct(t, ']') || decl_punct(t, '}')) && depth)
			depth--;
		else if (!depth && tok_is(t, "static"))
			return true;
	}
	return false;
}

static int decl_cmp(const void *pa, const void *pb)
{
	const struct mv_decl *a = pa, *b = pb;

	return (a->tok > b->tok) - (a->tok < b->tok);
}

void mv_decls_read(struct tokvec *tv, struct mv_decls *d)
{
	struct reader r = { .tv = tv, .d = d };
	size_t i, k, nscan;
	uint8_t *seen;

	d->n = 0;
	d->nsegs = 0;
	decl_scan(tv, on_decl, &r);
	segment(tv, d);
	nscan = d->n;
	for (i = 0; i < nscan; i++)
		d->v[i].seg = seg_of(d, d->v[i].tok);
	seen = calloc(d->nsegs ? d->nsegs : 1, sizeof(*seen));
	if (!seen)
		die_oom();
	for (i = 0; i < nscan; i++)
		if (d->v[i].seg != MV_NONE)
			seen[d->v[i].seg] |= SEEN_ANY | (d->v[i].kind == MN_FUNC ? SEEN_FUNC : 0);
	for (k = 0; k < d->nsegs; k++)
		seg_extra(tv, d, (uint32_t)k, seen[k]);
	free(seen);
	for (i = nscan; i < d->n; i++)
		d->v[i].seg = seg_of(d, d->v[i].tok);
	for (i = 0; i < d->n; i++) {
		struct mv_decl *x = &d->v[i];

		if (x->seg != MV_NONE && (x->kind == MN_FUNC || x->kind == MN_VAR))
			x->is_static = seg_static(tv, &d->segs[x->seg], x->tok);
	}
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), decl_cmp);
}

void mv_decls_free(struct mv_decls *d)
{
	free(d->v);
	free(d->segs);
	memset(d, 0, sizeof(*d));
}
