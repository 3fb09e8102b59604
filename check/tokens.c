// SPDX-License-Identifier: GPL-2.0
/* cscan tokens FILE: dump the token stream, one token a line, for tests. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cscan.h"
#include "lex.h"
#include "walk.h"

static const char *const flag_names[] = {
	"member", "pp", "directive", "define", "angle", "open",
};

/* Print @s with bytes that are not printable ASCII as \xNN. */
static void put_escaped(FILE *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c >= 0x7f || c == '\\')
			fprintf(out, "\\x%02x", c);
		else
			putc(c, out);
	}
}

int mode_tokens(const char *path)
{
	struct lexer lx = { 0 };
	struct rbuf b = { 0 };
	struct token t;
	int err = read_at(AT_FDCWD, path, &b);

	if (err) {
		fprintf(stderr, "%s: error: cannot read: %s\n", path, strerror(err));
		free(b.p);
		return 2;
	}
	lex_init(&lx, b.p, b.len, LEX_MENTIONS);
	while (lex_next(&lx, &t)) {
		size_t i;

		printf("%u:%u %s", t.line, t.col, tok_kind_name(t.kind));
		for (i = 0; i < ARRAY_SIZE(flag_names); i++)
			if (t.flags & (1u << i))
				printf("+%s", flag_names[i]);
		putchar(' ');
		put_escaped(stdout, t.text, t.len);
		putchar('\n');
	}
	printf("%u:%u eof\n", t.line, t.col);
	lex_free(&lx);
	free(b.p);
	return ferror(stdout) ? 2 : 0;
}
