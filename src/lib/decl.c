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
	size_t *decl;		/* declarations being read, as entries of code[] */
	size_t ndecl;
	size_t cap;
	size_t base;		/* where the innermost one starts in decl[] */
	decl_fn *fn;
	void *ctx;
};

/*
 * Words that are never declarator names: C keywords and the kernel's
 * attribute macros (compiler_attributes.h, init.h, cache.h, sparse
 * annotations), sorted bytewise for bsearch().
 */
static const char *const keywords[] = {
	"_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic",
	"_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local",
	"____cacheline_aligned", "____cacheline_aligned_in_smp",
	"____cacheline_internodealigned_in_smp", "__acquires", "__alias",
	"__aligned", "__aligned_largest", "__alloc_size", "__always_inline",
	"__always_unused", "__always_used", "__asm", "__asm__",
	"__assume_aligned", "__attribute", "__attribute__",
	"__attribute_const__", "__bitwise", "__cacheline_aligned",
	"__cacheline_aligned_in_smp", "__cleanup", "__cold", "__cond_acquires",
	"__cond_releases", "__const", "__copy", "__counted_by", "__cpuidle",
	"__data_racy", "__deprecated", "__designated_init", "__exit",
	"__exitdata", "__extension__", "__flatten", "__force", "__gnu_inline",
	"__init", "__init_or_module", "__initconst", "__initdata", "__inline",
	"__inline__", "__iomem", "__irq_entry", "__kprobes",
	"__latent_entropy", "__malloc", "__maybe_unused", "__meminit",
	"__meminitconst", "__meminitdata", "__must_check", "__must_hold",
	"__naked", "__net_exit", "__net_init", "__no_kcsan", "__no_profile",
	"__no_randomize_layout", "__no_stack_protector", "__nocfi",
	"__noclone", "__noreturn", "__nosavedata", "__packed",
	"__page_aligned_bss", "__page_aligned_data", "__percpu", "__printf",
	"__private", "__pure", "__randomize_layout", "__rcu", "__read_mostly",
	"__realloc_size", "__ref", "__refconst", "__refdata", "__releases",
	"__restrict", "__restrict__", "__ro_after_init", "__scanf", "__sched",
	"__section", "__signed__", "__typeof", "__typeof__", "__uninitialized",
	"__used", "__user", "__visible", "__volatile__", "__weak", "asm",
	"asmlinkage", "auto", "break", "case", "char", "const", "continue",
	"default", "do", "double", "else", "enum", "extern", "float", "for",
	"goto", "if", "inline", "int", "long", "noinline", "noinstr",
	"notrace", "register", "restrict", "return", "short", "signed",
	"sizeof", "static", "static_assert", "struct", "switch", "typedef",
	"typeof", "union", "unsigned", "void", "volatile", "while",
};

static const char *const kind_names[DK_NKINDS] = {
	[DK_MACRO] = "macro",
	[DK_FUNC] = "function",
	[DK_TYPE] = "type",
	[DK_ENUMC] = "enumerator",
};

const char *decl_kind_name(enum decl_kind kind)
{
	return kind < DK_NKINDS ? kind_names[kind] : "?";
}

static int word_cmp(const void *key, const void *elem)
{
	const struct token *t = key;
	const char *k = *(const char *const *)elem;
	size_t n = strlen(k);
	int c = strncmp(t->text, k, t->len < n ? t->len : n);

	return c ? c : (t->len > n) - (t->len < n);
}

static bool word_in(const struct token *t, const char *const *words, size_t n)
{
	return t->kind == TOK_IDENT && bsearch(t, words, n, sizeof(*words), word_cmp) != NULL;
}

bool decl_keyword(const struct token *t)
{
	return word_in(t, keywords, ARRAY_SIZE(keywords));
}

static bool dunder(const struct token *t)
{
	return t->kind == TOK_IDENT && t->len > 2 && t->text[0] == '_' && t->text[1] == '_';
}

/* Entries in the innermost declaration. */
static size_t dlen(const struct dscan *s)
{
	return s->ndecl - s->base;
}

/* The token of entry @k of the innermost declaration, or NULL past its end. */
static struct token *dtok(const struct dscan *s, size_t k)
{
	return k < dlen(s) ? &s->t[s->code[s->decl[s->base + k]]] : NULL;
}

static void dpush(struct dscan *s, size_t i)
{
	GROW(s->decl, s->ndecl + 1, s->cap);
	s->decl[s->ndecl++] = i;
}

/* Entry after the group opened at @k ('(' or '['), or the end. */
static size_t skip_group(const struct dscan *s, size_t k)
{
	char open = dtok(s, k)->text[0], close = open == '(' ? ')' : ']';
	size_t depth = 0;

	for (; k < dlen(s); k++) {
		struct token *t = dtok(s, k);

		if (decl_punct(t, open))
			depth++;
		else if (decl_punct(t, close) && --depth == 0)
			return k + 1;
	}
	return k;
}

/* Can @t (NULL: the end) follow a declarator name? */
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
static struct declarator declarator(const struct dscan *s, size_t *k)
{
	struct declarator d = { 0 };
	size_t depth = 0;	/* declarator parentheses: "(*name)" */
	struct token *prev = NULL;

	while (*k < dlen(s)) {
		struct token *t = dtok(s, *k), *next = dtok(s, *k + 1);

		if (depth == 0 && decl_punct(t, ','))
			break;
		if (decl_punct(t, '(') && !(d.name && prev == d.name) &&
		    (decl_punct(next, '*') || decl_punct(next, '^') || decl_punct(next, '('))) {
			depth++;
		} else if (decl_punct(t, '(') || decl_punct(t, '[')) {
			/* parameters, array size or attribute arguments */
			*k = skip_group(s, *k);
			prev = dtok(s, *k - 1);
			continue;
		} else if (depth > 0 && decl_punct(t, ')')) {
			depth--;
		} else if (depth == 0 && (decl_punct(t, '=') || decl_punct(t, ':'))) {
			/* initializer or bit-field width, up to the next declarator */
			while (*k < dlen(s) && !decl_punct(dtok(s, *k), ',')) {
				if (decl_punct(dtok(s, *k), '(') || decl_punct(dtok(s, *k), '['))
					*k = skip_group(s, *k);
				else
					(*k)++;
			}
			break;
		} else if (t->kind == TOK_IDENT && *k > 0 && !decl_keyword(t) &&
			   name_follows(next) && !decl_tag_kw(prev) &&
			   !(dunder(t) && d.name && (prev == d.name || decl_punct(prev, ')')))) {
			d.name = t;
			d.func = decl_punct(next, '(');
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

/* The innermost declaration is complete: report it and start the next. */
static void finish_decl(struct dscan *s, enum scope sc, bool body)
{
	bool is_typedef = false;
	size_t k;

	/* "struct foo;" announces a tag */
	if (dlen(s) == 2 && sc == SC_FILE && !body && decl_tag_kw(dtok(s, 0)) &&
	    dtok(s, 1)->kind == TOK_IDENT) {
		emit(s, dtok(s, 1), DK_TYPE, false);
		s->ndecl = s->base;
		return;
	}
	for (k = 0; k < dlen(s); k++)
		if (tok_is(dtok(s, k), "typedef"))
			is_typedef = true;
	for (k = 0; k < dlen(s); k++) {
		struct declarator d = declarator(s, &k);

		if (!d.name)
			continue;
		if (sc == SC_RECORD)
			d.name->flags |= TF_MEMBER;
		else if (is_typedef)
			emit(s, d.name, DK_TYPE, true);
		else if (d.func)
			emit(s, d.name, DK_FUNC, body);
	}
	s->ndecl = s->base;
}

static struct token *cur(const struct dscan *s)
{
	return s->i < s->n ? &s->t[s->code[s->i]] : NULL;
}

/* Skip the brace group whose '{' is current; leaves i after its '}'. */
static void skip_braces(struct dscan *s)
{
	size_t depth = 0;
	struct token *t;

	for (; (t = cur(s)) != NULL; s->i++) {
		if (decl_punct(t, '{')) {
			depth++;
		} else if (decl_punct(t, '}') && --depth == 0) {
			s->i++;
			return;
		}
	}
}

/* From the '{' of an enum: report its constants, leave i after the '}'. */
static void enum_body(struct dscan *s)
{
	bool expect = true;	/* at the start of an enumerator */
	size_t depth = 0;
	struct token *t;

	for (s->i++; (t = cur(s)) != NULL; s->i++) {
		if (decl_punct(t, '(') || decl_punct(t, '[') || decl_punct(t, '{')) {
			depth++;
		} else if (decl_punct(t, ')') || decl_punct(t, ']') || decl_punct(t, '}')) {
			if (depth == 0) {
				s->i += decl_punct(t, '}');
				return;
			}
			depth--;
		} else if (decl_punct(t, ';')) {
			return;	/* unbalanced: resynchronize on the caller's ';' */
		} else if (decl_punct(t, ',') && depth == 0) {
			expect = true;
		} else if (expect && t->kind == TOK_IDENT) {
			emit(s, t, DK_ENUMC, true);
			expect = false;
		}
	}
}

/*
 * "struct [attributes] tag" right before a '{': returns the keyword and
 * sets *@tag (NULL when anonymous), or returns NULL.
 */
static struct token *tag_head(const struct dscan *s, struct token **tag)
{
	size_t k = dlen(s);

	*tag = NULL;
	while (k > 0 && dlen(s) - k < 32) {
		struct token *t = dtok(s, --k);

		if (decl_punct(t, ')')) {
			/* only an attribute's arguments may come here */
			size_t depth = 1;

			while (k > 0 && depth) {
				t = dtok(s, --k);
				depth += decl_punct(t, ')');
				depth -= decl_punct(t, '(');
			}
			if (depth || k == 0 || !decl_keyword(dtok(s, k - 1)))
				return NULL;
			continue;
		}
		if (decl_tag_kw(t))
			return t;
		if (t->kind != TOK_IDENT)
			return NULL;
		if (decl_keyword(t))
			continue;
		if (*tag)
			return NULL;
		*tag = t;
	}
	return NULL;
}

static void body(struct dscan *s, enum scope sc, unsigned int nest);

/* At a '{' that follows the innermost declaration: what does it open? */
static void open_brace(struct dscan *s, enum scope sc, unsigned int nest)
{
	struct token *tag, *kw = tag_head(s, &tag);
	struct token *last = dlen(s) ? dtok(s, dlen(s) - 1) : NULL;
	size_t brace = s->i;

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
	} else if (sc == SC_FILE && !decl_punct(last, '=') && !decl_punct(last, ',')) {
		finish_decl(s, sc, true);	/* a function body, or unknown */
		skip_braces(s);
		return;
	} else {
		skip_braces(s);	/* initializer, or unknown */
	}
	/* the group stays in the declaration as its '{' */
	dpush(s, brace);
}

/* Read declarations until the '}' closing this scope, or the end. */
static void body(struct dscan *s, enum scope sc, unsigned int nest)
{
	size_t outer = s->base;
	struct token *t;

	s->base = s->ndecl;
	while ((t = cur(s)) != NULL) {
		if (decl_punct(t, ';')) {
			finish_decl(s, sc, false);
			s->i++;
		} else if (decl_punct(t, '{')) {
			open_brace(s, sc, nest);
		} else if (decl_punct(t, '}')) {
			s->i++;
			if (sc == SC_RECORD)
				break;
			s->ndecl = s->base;	/* unbalanced, e.g. across #if branches */
		} else {
			dpush(s, s->i++);
		}
	}
	finish_decl(s, sc, false);
	s->base = outer;
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
