// SPDX-License-Identifier: GPL-2.0
/*
 * Declarations are read one at a time: the tokens from the end of the
 * previous one up to ';' (or to the '{' of a function body), with nested
 * brace groups kept as a single '{' entry. In each comma-separated
 * declarator, the name is the last identifier in a declarator position:
 * not a keyword, not a struct tag, not a leading macro invocation, and
 * followed by what may follow a declarator name. Identifiers starting with
 * "__" right after the name or a ')' are attributes (__read_mostly,
 * __acquires(x)), not names.
 */
#include <stdlib.h>
#include <string.h>

#include "decl.h"
#include "util.h"

#define MAX_NEST 64

enum scope { SC_FILE, SC_RECORD };

struct dscan {
	struct token *t;
	size_t *code;		/* indices of code tokens (no directives, no comments) */
	size_t n;
	size_t i;		/* the next entry of code[] */
	size_t *decl;		/* the declaration being read, as entries of code[] */
	size_t ndecl;
	size_t cap;
	decl_fn *fn;
	void *ctx;
};

/* Sorted: bsearch'ed. Words that are never declarator names. */
static const char *const keywords[] = {
	"_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic",
	"_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local",
	"__asm", "__asm__", "__attribute", "__attribute__", "__const",
	"__extension__", "__inline", "__inline__", "__restrict", "__restrict__",
	"__signed__", "__typeof", "__typeof__", "__volatile__",
	"asm", "auto", "break", "case", "char", "const", "continue", "default",
	"do", "double", "else", "enum", "extern", "float", "for", "goto", "if",
	"inline", "int", "long", "register", "restrict", "return", "short",
	"signed", "sizeof", "static", "static_assert", "struct", "switch",
	"typedef", "typeof", "union", "unsigned", "void", "volatile", "while",
};

static const char *const kind_names[DK_NKINDS] = {
	[DK_MACRO] = "macro",
	[DK_FUNC] = "function",
	[DK_TYPE] = "type",
	[DK_ENUMC] = "enum constant",
};

const char *decl_kind_name(enum decl_kind kind)
{
	return kind < DK_NKINDS ? kind_names[kind] : "?";
}

static int kw_cmp(const void *key, const void *elem)
{
	const struct token *t = key;
	const char *k = *(const char *const *)elem;
	size_t n = strlen(k);
	int c = strncmp(t->text, k, t->len < n ? t->len : n);

	return c ? c : (t->len > n) - (t->len < n);
}

static bool is_keyword(const struct token *t)
{
	return bsearch(t, keywords, ARRAY_SIZE(keywords), sizeof(*keywords), kw_cmp) != NULL;
}

static bool is_punct(const struct token *t, char c)
{
	return t->kind == TOK_PUNCT && t->len == 1 && t->text[0] == c;
}

static bool is_tag_kw(const struct token *t)
{
	return t->kind == TOK_IDENT &&
	       (tok_is(t, "struct") || tok_is(t, "union") || tok_is(t, "enum"));
}

static bool dunder(const struct token *t)
{
	return t->kind == TOK_IDENT && t->len > 2 && t->text[0] == '_' && t->text[1] == '_';
}

/* The token of the declaration entry @k, or NULL past its end. */
static struct token *dtok(struct dscan *s, size_t k)
{
	return k < s->ndecl ? &s->t[s->code[s->decl[k]]] : NULL;
}

/* Entry after the group opened at @k ('(' or '['), or the end. */
static size_t skip_group(struct dscan *s, size_t k)
{
	char open = dtok(s, k)->text[0], close = open == '(' ? ')' : ']';
	size_t depth = 0;

	for (; k < s->ndecl; k++) {
		struct token *t = dtok(s, k);

		if (is_punct(t, open))
			depth++;
		else if (is_punct(t, close) && --depth == 0)
			return k + 1;
	}
	return k;
}

/* Can @t follow a declarator name? */
static bool name_follows(const struct token *t)
{
	if (!t)
		return true;
	if (t->kind == TOK_IDENT)
		return dunder(t);
	return t->kind == TOK_PUNCT && t->len == 1 && strchr(";,[)(=:", t->text[0]);
}

struct declarator {
	struct token *name;
	bool func;	/* followed by a parameter list */
};

/*
 * Find the name of the declarator starting at entry *@k; leaves *@k at
 * the ',' that ends it or at the end of the declaration.
 */
static struct declarator declarator(struct dscan *s, size_t *k)
{
	struct declarator d = { 0 };
	size_t depth = 0;	/* declarator parentheses: "(*name)" */
	struct token *prev = NULL;

	while (*k < s->ndecl) {
		struct token *t = dtok(s, *k), *next = dtok(s, *k + 1);

		if (depth == 0 && is_punct(t, ','))
			break;
		if (is_punct(t, '(')) {
			if (next && (is_punct(next, '*') || is_punct(next, '^') ||
				     is_punct(next, '(')) && !(d.name && prev == d.name)) {
				depth++;
				prev = t;
				(*k)++;
				continue;
			}
			*k = skip_group(s, *k);	/* parameters or attribute arguments */
			prev = dtok(s, *k - 1);
			continue;
		}
		if (is_punct(t, '[')) {
			*k = skip_group(s, *k);
			prev = dtok(s, *k - 1);
			continue;
		}
		if (depth > 0 && is_punct(t, ')'))
			depth--;
		if (depth == 0 && (is_punct(t, '=') || is_punct(t, ':'))) {
			/* initializer or bit-field width: nothing more to name */
			while (*k < s->ndecl && !is_punct(dtok(s, *k), ','))
				(*k)++;
			if (d.name && *k < s->ndecl)
				break;
			continue;
		}
		if (t->kind == TOK_IDENT && !is_keyword(t) && name_follows(next) &&
		    !(s->decl[0] == s->decl[*k]) && !(prev && is_tag_kw(prev)) &&
		    !(dunder(t) && d.name && (prev == d.name || is_punct(prev, ')')))) {
			d.name = t;
			d.func = next && is_punct(next, '(');
		}
		prev = t;
		(*k)++;
	}
	return d;
}

static void emit(struct dscan *s, const struct token *name, enum decl_kind kind, bool defn)
{
	if (s->fn)
		s->fn(s->ctx, name, kind, defn);
}

/*
 * The declaration in s->decl is complete. Returns whether its last
 * declarator is a function (for a following body).
 */
static bool finish_decl(struct dscan *s, enum scope sc, bool body)
{
	bool is_typedef = false, func = false;
	size_t k;

	if (!s->ndecl)
		return false;
	/* "struct foo;" announces a tag */
	if (s->ndecl == 2 && sc == SC_FILE && is_tag_kw(dtok(s, 0)) &&
	    dtok(s, 1)->kind == TOK_IDENT && !body) {
		emit(s, dtok(s, 1), DK_TYPE, false);
		s->ndecl = 0;
		return false;
	}
	for (k = 0; k < s->ndecl; k++)
		if (tok_is(dtok(s, k), "typedef"))
			is_typedef = true;
	for (k = 0; k < s->ndecl; k++) {
		struct declarator d = declarator(s, &k);

		func = d.name && d.func;
		if (!d.name)
			continue;
		if (sc == SC_RECORD)
			d.name->flags |= TF_MEMBER;
		else if (is_typedef)
			emit(s, d.name, DK_TYPE, true);
		else if (d.func)
			emit(s, d.name, DK_FUNC, body);
	}
	s->ndecl = 0;
	return func;
}

static struct token *cur(struct dscan *s)
{
	return s->i < s->n ? &s->t[s->code[s->i]] : NULL;
}

/* Skip the brace group whose '{' is current; leaves i after its '}'. */
static void skip_braces(struct dscan *s)
{
	size_t depth = 0;
	struct token *t;

	for (; (t = cur(s)) != NULL; s->i++) {
		if (is_punct(t, '{'))
			depth++;
		else if (is_punct(t, '}') && --depth == 0) {
			s->i++;
			return;
		}
	}
}

static void enum_body(struct dscan *s)
{
	bool expect = true;	/* at the start of an enumerator */
	size_t depth = 0;
	struct token *t;

	for (s->i++; (t = cur(s)) != NULL; s->i++) {
		if (is_punct(t, '(') || is_punct(t, '[') || is_punct(t, '{'))
			depth++;
		else if ((is_punct(t, ')') || is_punct(t, ']')) && depth)
			depth--;
		else if (is_punct(t, '}') && depth-- == 0) {
			s->i++;
			return;
		} else if (is_punct(t, ',') && !depth)
			expect = true;
		else if (expect && t->kind == TOK_IDENT) {
			emit(s, t, DK_ENUMC, true);
			expect = false;
		} else if (is_punct(t, ';')) {
			return;	/* unbalanced: resynchronize on the caller's ';' */
		}
	}
}

static void body(struct dscan *s, enum scope sc, unsigned int nest);

/* At a '{' that follows the current declaration: what does it open? */
static void open_brace(struct dscan *s, enum scope sc, unsigned int nest)
{
	size_t k = s->ndecl;
	struct token *last = k ? dtok(s, k - 1) : NULL;
	struct token *tag = NULL, *kw = NULL;
	size_t brace = s->i;

	/* struct/union/enum [tag] {, with attributes between allowed */
	while (k > 0 && s->ndecl - k < 8) {
		struct token *t = dtok(s, --k);

		if (is_tag_kw(t)) {
			kw = t;
			break;
		}
		if (t->kind == TOK_IDENT && !dunder(t))
			tag = t;
		else if (t->kind != TOK_IDENT && !is_punct(t, '(') && !is_punct(t, ')'))
			break;
	}
	if (kw) {
		if (tag)
			emit(s, tag, DK_TYPE, true);
		if (tok_is(kw, "enum")) {
			enum_body(s);
		} else if (nest < MAX_NEST) {
			s->i++;
			body(s, SC_RECORD, nest + 1);
		} else {
			skip_braces(s);
		}
	} else if (last && (is_punct(last, '=') || is_punct(last, ','))) {
		skip_braces(s);	/* initializer */
	} else if (sc == SC_FILE) {
		finish_decl(s, sc, true);	/* a function body, or unknown */
		skip_braces(s);
		return;
	} else {
		skip_braces(s);
	}
	/* the group stays in the declaration as its '{' */
	GROW(s->decl, s->ndecl + 1, s->cap);
	s->decl[s->ndecl++] = brace;
}

/* Read declarations until the '}' closing this scope, or the end. */
static void body(struct dscan *s, enum scope sc, unsigned int nest)
{
	struct token *t;
	size_t outer = s->ndecl;

	/* The enclosing declaration waits below this scope's entries. */
	s->decl += outer;
	s->ndecl = 0;
	s->cap -= outer;
	while ((t = cur(s)) != NULL) {
		if (is_punct(t, ';')) {
			finish_decl(s, sc, false);
			s->i++;
		} else if (is_punct(t, '{')) {
			open_brace(s, sc, nest);
		} else if (is_punct(t, '}')) {
			s->i++;
			if (sc == SC_RECORD)
				break;
			s->ndecl = 0;	/* unbalanced, e.g. across #if branches */
		} else {
			GROW(s->decl, s->ndecl + 1, s->cap);
			s->decl[s->ndecl++] = s->i++;
		}
	}
	finish_decl(s, sc, false);
	s->decl -= outer;
	s->cap += outer;
	s->ndecl = outer;
}

void decl_scan(struct tokvec *tv, decl_fn *fn, void *ctx)
{
	struct dscan s = { .t = tv->v, .fn = fn, .ctx = ctx };
	size_t i;

	s.code = xmalloc((tv->n + 1) * sizeof(*s.code));
	for (i = 0; i < tv->n; i++) {
		struct token *t = &tv->v[i];

		if (t->kind == TOK_IDENT && (t->flags & TF_DEFINE))
			emit(&s, t, DK_MACRO, true);
		else if (!(t->flags & TF_PP) && t->kind != TOK_MENTION)
			s.code[s.n++] = i;
	}
	body(&s, SC_FILE, 0);
	free(s.decl);
	free(s.code);
}
