// SPDX-License-Identifier: GPL-2.0
/* Which names sought count only as calls: see shape.h. */
#include <stdlib.h>
#include <string.h>

#include "shape.h"
#include "util.h"

enum seen {
	SEEN_FNMACRO	= 1 << 0,	/* #define NAME( */
	SEEN_DEFINED	= 1 << 1,	/* object-like macro, function body, type, enumerator */
	SEEN_PROTO	= 1 << 2,	/* a prototype, or a macro invoked at file scope */
	SEEN_MENTION	= 1 << 3,	/* at a header's file scope, neither called nor a parameter */
};

void shapes_init(struct shapes *s, const struct nameset *names)
{
	size_t i;

	s->names = names;
	s->seen = xmalloc((names->n ? names->n : 1) * sizeof(*s->seen));
	for (i = 0; i < names->n; i++)
		atomic_init(&s->seen[i], 0);
}

void shapes_free(struct shapes *s)
{
	free(s->seen);
	s->seen = NULL;
}

static void note(const struct shapes *s, const struct token *t, unsigned int bits)
{
	uint32_t id = nameset_find(s->names, t->text, t->len);

	/* most files say what others said already: look before writing */
	if (id != NAME_NONE && (atomic_load_explicit(&s->seen[id], memory_order_relaxed) & bits) != bits)
		atomic_fetch_or_explicit(&s->seen[id], bits, memory_order_relaxed);
}

void shapes_decl(void *ctx, const struct token *name, enum decl_kind kind, bool defn)
{
	/* shapes_scan() tells a function-like macro from an object-like one */
	if (kind != DK_MACRO)
		note(ctx, name, kind == DK_FUNC && !defn ? SEEN_PROTO : SEEN_DEFINED);
}

bool shape_use(const struct tokvec *tv, size_t i)
{
	const struct token *next = i + 1 < tv->n ? &tv->v[i + 1] : NULL;

	if (tv->v[i].flags & TF_PP)
		return true;
	return decl_punct(next, '(') && !(next->flags & TF_PP);
}

/* Is the macro that #define token @i of @tv names function-like: '(' right after it? */
static bool fn_like(const struct tokvec *tv, size_t i)
{
	const struct token *t = &tv->v[i], *next = i + 1 < tv->n ? t + 1 : NULL;

	return decl_punct(next, '(') && next->line == t->line && next->col == t->col + t->len;
}

/* A parameter's name: inside parentheses, right after a type's last word or a '*'. */
static bool param(const struct token *prev, unsigned int parens)
{
	return parens && prev && (decl_punct(prev, '*') || prev->kind == TOK_IDENT);
}

/* Follow brace and parenthesis depth; a ';' at file scope ends any unbalanced '('. */
static void nest(const struct token *t, unsigned int *braces, unsigned int *parens)
{
	if (decl_punct(t, '{'))
		++*braces;
	else if (decl_punct(t, '}') && *braces)
		--*braces;
	else if (decl_punct(t, '('))
		++*parens;
	else if (decl_punct(t, ')') && *parens)
		--*parens;
	else if (decl_punct(t, ';') && !*braces)
		*parens = 0;
}

void shapes_scan(const struct shapes *s, const struct tokvec *tv, const char *path)
{
	const struct token *prev = NULL;	/* the previous code token */
	unsigned int braces = 0, parens = 0;
	size_t n = strlen(path), i;
	/* a .c file's variables are its own: only a header declares one for others */
	bool header = n > 2 && !strcmp(path + n - 2, ".h");

	for (i = 0; i < tv->n; i++) {
		const struct token *t = &tv->v[i];

		if (t->flags & TF_PP) {
			if (t->kind == TOK_IDENT && (t->flags & TF_DEFINE))
				note(s, t, fn_like(tv, i) ? SEEN_FNMACRO : SEEN_DEFINED);
			continue;
		}
		if (header && t->kind == TOK_IDENT && !(t->flags & TF_MEMBER) && !braces &&
		    !shape_use(tv, i) && !param(prev, parens))
			note(s, t, SEEN_MENTION);
		nest(t, &braces, &parens);
		prev = t;
	}
}

static unsigned int seen(const struct shapes *s, uint32_t id)
{
	return atomic_load_explicit(&s->seen[id], memory_order_relaxed);
}

/*
 * A name nothing declares any more is most likely a macro a move deleted;
 * kernel style spells constants in capitals, parameters and variables not.
 */
static bool calls_only(const struct shapes *s, uint32_t id)
{
	unsigned int k = seen(s, id);

	if (k & SEEN_FNMACRO)
		return !(k & (SEEN_DEFINED | SEEN_MENTION));
	return !k && strpbrk(s->names->names[id].s, "abcdefghijklmnopqrstuvwxyz");
}

bool shapes_open(const struct shapes *s, const struct hits *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if ((h->v[i].kind & HIT_PLAIN) && !(seen(s, h->v[i].sym) & SEEN_DEFINED))
			return true;
	return false;
}

void shapes_filter(const struct shapes *s, struct hits *h)
{
	size_t i, o = 0;

	for (i = 0; i < h->n; i++) {
		struct hit x = h->v[i];

		if ((x.kind & HIT_PLAIN) && calls_only(s, x.sym))
			continue;
		x.kind &= ~HIT_PLAIN;
		h->v[o++] = x;
	}
	h->n = o;
}
