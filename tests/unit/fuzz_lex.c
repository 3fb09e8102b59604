// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the lexer and the declaration reader on any bytes.
 * Besides the sanitizers, it checks two invariants: tokens come in
 * increasing (line, column) order, and lexing with comment mentions yields
 * the same code tokens as lexing without.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decl.h"
#include "filter.h"
#include "lex.h"

static void no_decl(void *ctx, const struct token *name, enum decl_kind kind, bool defn)
{
	(void)ctx;
	(void)defn;
	if (name->kind != TOK_IDENT || kind >= DK_NKINDS)
		abort();
}

static bool same(const struct token *a, const struct token *b)
{
	return a->kind == b->kind && a->flags == b->flags && a->line == b->line &&
	       a->col == b->col && a->len == b->len && !memcmp(a->text, b->text, a->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct lexer lx1, lx2;
	static struct tokvec with, without;
	static struct filter f;
	size_t i, j;

	if (!f.n) {
		filter_add(&f, "ALLOC_CPUSET", 12);
		filter_add(&f, "mm/", 3);
		filter_build(&f);
	}
	filter_any(&f, (const char *)data, size);

	lex_all(&lx1, data, size, LEX_MENTIONS, &with);
	lex_all(&lx2, data, size, 0, &without);
	for (i = 1; i < with.n; i++) {
		const struct token *p = &with.v[i - 1], *t = &with.v[i];

		if (t->line < p->line || (t->line == p->line && t->col <= p->col) ||
		    t->len > size)
			abort();
	}
	for (i = 0, j = 0; i < with.n; i++) {
		if (with.v[i].kind == TOK_MENTION)
			continue;
		if (j >= without.n || !same(&with.v[i], &without.v[j++]))
			abort();
	}
	if (j != without.n)
		abort();
	decl_scan(&with, no_decl, NULL);
	return 0;
}
