/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a file declares, from its token stream: macros, functions, types
 * (struct/union/enum tags and typedefs) and enum constants. A heuristic
 * reader, not a parser: it must cope with macros it cannot expand, so it
 * looks for declarator shapes rather than following the grammar.
 */
#ifndef SRC_LIB_DECL_H
#define SRC_LIB_DECL_H

#include <stdbool.h>

#include "lex.h"

enum decl_kind {
	DK_MACRO,
	DK_FUNC,
	DK_TYPE,
	DK_ENUMC,
	DK_NKINDS
};

/*
 * @defn: the declaration defines the name (macro, function body, tag body,
 * typedef, enumerator) rather than only announcing it (prototype,
 * forward declaration).
 */
typedef void decl_fn(void *ctx, const struct token *name, enum decl_kind kind, bool defn);

/*
 * Report the file-scope declarations of @tv to @fn, and flag the member
 * names declared inside struct and union bodies with TF_MEMBER, since
 * they live in another namespace than ordinary identifiers.
 */
void decl_scan(struct tokvec *tv, decl_fn *fn, void *ctx);

const char *decl_kind_name(enum decl_kind kind);

/* The reader's token tests, for other readers of declarations (cmove). */

/* Is @t (NULL: no) the one-byte punctuator @c? */
static inline bool decl_punct(const struct token *t, char c)
{
	return t && t->kind == TOK_PUNCT && t->len == 1 && t->text[0] == c;
}

/* Is @t (NULL: no) the keyword struct, union or enum? */
static inline bool decl_tag_kw(const struct token *t)
{
	return t && t->kind == TOK_IDENT &&
	       (tok_is(t, "struct") || tok_is(t, "union") || tok_is(t, "enum"));
}

/*
 * Is @t a word that never names a declaration: a C keyword or one of the
 * kernel's attribute and qualifier macros (__packed, __init, __rcu)?
 */
bool decl_keyword(const struct token *t);

#endif
