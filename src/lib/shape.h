/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A function-like macro's name is not its uses. The preprocessor expands
 * NAME only when '(' follows it, so a parameter, a variable or a member
 * of that name is another identifier. While a scan reads the files that
 * may name what it looks for, the shapes note what the tree says each name
 * is; once every file is read, a name used only as a call keeps the hits
 * that are calls (or in a directive) and loses the others.
 *
 * A name counts only as calls when the tree defines it as a function-like
 * macro ("#define NAME(", no blank before '(') and as nothing else but
 * prototypes (a macro invoked at file scope reads as one); or when nothing
 * in the tree declares it at all (no macro, function, type, enumerator,
 * nor a variable a header declares) and it has a lower-case letter: a
 * macro a "move to: none" deleted, whose calls must still be found while
 * its namesakes must not. Every other name (object-like macros,
 * functions, types, enumerators, variables of headers, capitals-only
 * names) counts everywhere.
 */
#ifndef SRC_LIB_SHAPE_H
#define SRC_LIB_SHAPE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decl.h"
#include "hits.h"
#include "lex.h"
#include "nameset.h"

/* A hit's kind bit: its name is not called there (see shape_use()). */
#define HIT_PLAIN (UINT32_C(1) << 31)

struct shapes {
	const struct nameset *names;
	atomic_uchar *seen;	/* by name id: what the files read so far say (SEEN_*) */
};

/* Start knowing nothing of @names, which must not change any more. */
void shapes_init(struct shapes *s, const struct nameset *names);
void shapes_free(struct shapes *s);

/* A decl_fn for decl_scan(); @ctx is the struct shapes. Threads may share it. */
void shapes_decl(void *ctx, const struct token *name, enum decl_kind kind, bool defn);

/*
 * What the tokens of the file at @path (after decl_scan()) say of the
 * names: their macro definitions and, in a header, mentions at file scope
 * other than calls and parameters (a variable declared for other files,
 * "extern int NAME;", or by a macro, "DECLARE_PER_CPU(int, NAME)").
 */
void shapes_scan(const struct shapes *s, const struct tokvec *tv, const char *path);

/*
 * Is token @i of @tv a use whatever its name is: followed by '(' in code
 * (blanks and comments between), or in a directive (a definition, a macro
 * body, #ifdef, #undef)? Otherwise its hit gets HIT_PLAIN.
 */
bool shape_use(const struct tokvec *tv, size_t i);

/*
 * Could files not read yet change what becomes of @h's plain hits? True
 * when one of them names a name the files read so far do not settle.
 */
bool shapes_open(const struct shapes *s, const struct hits *h);

/*
 * Once every file is read: drop the plain hits of the names that count
 * only as calls, and clear HIT_PLAIN from the others.
 */
void shapes_filter(const struct shapes *s, struct hits *h);

#endif
