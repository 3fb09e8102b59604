// SPDX-License-Identifier: GPL-2.0
/*
 * cscan tokens FILE: the declarations, then the token stream, one a line,
 * for tests and debugging. Members declared in structs show as +member.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cscan.h"
#include "decl.h"
#include "diag.h"
#include "lex.h"
#include "util.h"
#include "walk.h"

static void print_decl(void *ctx, const struct token *name, enum decl_kind kind, bool defn)
{
	(void)ctx;
	printf("%u:%u decl %s%s %.*s\n", name->line, name->col, decl_kind_name(kind),
	       defn ? "+defn" : "", (int)name->len, name->text);
}

int mode_tokens(const char *path)
{
	struct lexer lx = { 0 };
	struct tokvec tv = { 0 };
	struct rbuf b = { 0 };
	struct token eof;
	size_t i;
	int err = read_at(AT_FDCWD, path, &b);

	if (err) {
		diag_unreadable(path, err);
		free(b.p);
		return 2;
	}
	lex_all(&lx, b.p, b.len, LEX_MENTIONS, &tv);
	decl_scan(&tv, print_decl, NULL);
	for (i = 0; i < tv.n; i++)
		tok_print(stdout, &tv.v[i]);
	lex_next(&lx, &eof);	/* where the lexer ended */
	tok_print(stdout, &eof);
	lex_free(&lx);
	free(tv.v);
	free(b.p);
	return ferror(stdout) ? 2 : 0;
}
