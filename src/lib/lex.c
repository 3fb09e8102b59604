// SPDX-License-Identifier: GPL-2.0
/*
 * The lexer: a character-class table, a punctuator table and a three-state
 * machine (code, block comment, line comment). Backslash-newline splices
 * are skipped by peek() wherever they occur, as translation phase 2 does,
 * so they work inside identifiers, literals, comments and directives alike.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "util.h"

enum { ST_CODE, ST_BLOCK, ST_LINE };

/* What a directive expects next. */
enum { PP_NONE, PP_NAME, PP_HEADER, PP_MACRO };

enum {
	C_ID	= 1 << 0,	/* identifier byte in code: letters, '_', '$', >= 0x80 */
	C_DIGIT	= 1 << 1,
	C_SPACE	= 1 << 2,	/* blank other than newline; NUL is ignored like one */
	C_WORD	= 1 << 3,	/* ASCII word byte, for mentions inside comments */
	C_PUNCT2 = 1 << 4,	/* may start a punctuator of two or more bytes */
	C_CSTOP	= 1 << 5,	/* newline, '*' or backslash: may end a comment */
};

#define S_ C_SPACE
#define I_ (C_ID | C_WORD)
#define D_ (C_DIGIT | C_WORD)
#define H_ C_ID		/* '$' and bytes >= 0x80: identifier, but not a word */
#define P_ C_PUNCT2
#define K_ C_CSTOP
#define X_ (C_PUNCT2 | C_CSTOP)	/* '*' */
static const uint8_t cclass[256] = {
	S_, 0,  0,  0,  0,  0,  0,  0,  0,  S_, K_, S_, S_, S_, 0,  0,	/* 0x00 */
	0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,	/* 0x10 */
	S_, P_, 0,  P_, H_, P_, P_, 0,  0,  0,  X_, P_, 0,  P_, P_, P_,	/* 0x20 */
	D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, P_, 0,  P_, P_, P_, 0,	/* 0x30 */
	0,  I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_,	/* 0x40 */
	I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, 0,  K_, 0,  P_, I_,	/* 0x50 */
	0,  I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_,	/* 0x60 */
	I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, I_, 0,  P_, 0,  0,  0,	/* 0x70 */
	H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,	/* 0x80 */
	H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,	/* 0x90 */
	H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,	/* 0xa0 */
	H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,	/* 0xb0 */
	H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,	/* 0xc0 */
	H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,	/* 0xd0 */
	H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,	/* 0xe0 */
	H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_,	/* 0xf0 */
};
#undef S_
#undef I_
#undef D_
#undef H_
#undef P_
#undef K_
#undef X_

/* Multi-byte punctuators, longest first; anything else is one byte. */
static const struct {
	char s[5];
	uint8_t len;
} puncts[] = {
	{ "%:%:", 4 }, { "...", 3 }, { "<<=", 3 }, { ">>=", 3 },
	{ "->", 2 }, { "++", 2 }, { "--", 2 }, { "<<", 2 }, { ">>", 2 }, { "<=", 2 },
	{ ">=", 2 }, { "==", 2 }, { "!=", 2 }, { "&&", 2 }, { "||", 2 }, { "*=", 2 },
	{ "/=", 2 }, { "%=", 2 }, { "+=", 2 }, { "-=", 2 }, { "&=", 2 }, { "^=", 2 },
	{ "|=", 2 }, { "##", 2 }, { "<:", 2 }, { ":>", 2 }, { "<%", 2 }, { "%>", 2 },
	{ "%:", 2 },
};

static const char *const kind_names[TOK_NKINDS] = {
	[TOK_EOF] = "eof",
	[TOK_IDENT] = "ident",
	[TOK_NUMBER] = "number",
	[TOK_STRING] = "string",
	[TOK_CHAR] = "char",
	[TOK_PUNCT] = "punct",
	[TOK_INCLUDE] = "include",
	[TOK_MENTION] = "mention",
};

const char *tok_kind_name(unsigned int kind)
{
	return kind < TOK_NKINDS ? kind_names[kind] : "?";
}

static const char *const flag_names[] = {
	"member", "pp", "directive", "define", "angle", "open",
};

void tok_print(FILE *out, const struct token *t)
{
	size_t i;

	fprintf(out, "%u:%u %s", t->line, t->col, tok_kind_name(t->kind));
	for (i = 0; i < ARRAY_SIZE(flag_names); i++)
		if (t->flags & (1u << i))
			fprintf(out, "+%s", flag_names[i]);
	if (t->kind != TOK_EOF)
		fputc(' ', out);
	/* bytes that are not printable ASCII, and backslashes, as \xNN */
	for (i = 0; i < t->len; i++) {
		unsigned char c = (unsigned char)t->text[i];

		if (c < 0x20 || c >= 0x7f || c == '\\')
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
	fputc('\n', out);
}

bool tok_is(const struct token *tok, const char *s)
{
	size_t n = strlen(s);

	return tok->len == n && memcmp(tok->text, s, n) == 0;
}

/* Spellings of tokens that contained splices live in these chunks. */
struct lex_chunk {
	struct lex_chunk *next;
	size_t used;
	size_t cap;
	char data[];
};

#define CHUNK_SIZE 4096

static char *chunk_alloc(struct lexer *lx, size_t n)
{
	struct lex_chunk *c = lx->chunks;

	if (!c || c->cap - c->used < n) {
		size_t cap = n > CHUNK_SIZE ? n : CHUNK_SIZE;

		c = xmalloc(sizeof(*c) + cap);
		c->used = 0;
		c->cap = cap;
		c->next = lx->chunks;
		lx->chunks = c;
	}
	c->used += n;
	return c->data + c->used - n;
}

void lex_free(struct lexer *lx)
{
	while (lx->chunks) {
		struct lex_chunk *next = lx->chunks->next;

		free(lx->chunks);
		lx->chunks = next;
	}
}

void lex_init(struct lexer *lx, const void *buf, size_t len, unsigned int opts)
{
	struct lex_chunk *keep = lx->chunks;

	/* Keep one chunk for the next file; splices are rare. */
	if (keep) {
		lx->chunks = keep->next;
		lex_free(lx);
		keep->next = NULL;
		keep->used = 0;
	}
	memset(lx, 0, sizeof(*lx));
	lx->chunks = keep;
	lx->buf = buf;
	lx->len = len;
	lx->line = 1;
	lx->opts = opts;
	lx->bol = true;
}

/* Length of a line splice (backslash, optional CR, newline) at @p, or 0. */
static size_t splice_at(const struct lexer *lx, size_t p)
{
	const unsigned char *b = lx->buf;

	if (p + 1 >= lx->len || b[p] != '\\')
		return 0;
	if (b[p + 1] == '\n')
		return 2;
	if (b[p + 1] == '\r' && p + 2 < lx->len && b[p + 2] == '\n')
		return 3;
	return 0;
}

static int peek_slow(struct lexer *lx)
{
	size_t n;

	while ((n = splice_at(lx, lx->pos)) != 0) {
		lx->pos += n;
		lx->line++;
		lx->line_start = lx->pos;
		lx->spliced = true;
	}
	return lx->pos < lx->len ? lx->buf[lx->pos] : -1;
}

/* The byte at pos once splices are skipped, or -1 at the end. */
static inline int peek(struct lexer *lx)
{
	if (lx->pos < lx->len && lx->buf[lx->pos] != '\\')
		return lx->buf[lx->pos];
	return peek_slow(lx);
}

/* Copy up to @max logical bytes from pos into @out, without moving. */
static size_t look(const struct lexer *lx, char *out, size_t max)
{
	size_t p = lx->pos, n = 0, s;

	while (n < max) {
		while ((s = splice_at(lx, p)) != 0)
			p += s;
		if (p >= lx->len)
			break;
		out[n++] = (char)lx->buf[p++];
	}
	return n;
}

/* The logical byte after the one at pos (pos must be peeked). */
static int peek_next(const struct lexer *lx)
{
	char c[2];

	return look(lx, c, 2) == 2 ? (unsigned char)c[1] : -1;
}

/* Consume @n logical bytes; none of them may be a newline. */
static void skip(struct lexer *lx, size_t n)
{
	while (n--) {
		peek(lx);
		lx->pos++;
	}
}

static void newline(struct lexer *lx)
{
	lx->pos++;
	lx->line++;
	lx->line_start = lx->pos;
}

static void set_pos(struct lexer *lx, struct token *t)
{
	size_t col = lx->pos - lx->line_start + 1;

	t->line = lx->line;
	t->col = col > UINT32_MAX ? UINT32_MAX : (uint32_t)col;
}

/* Give @t the bytes [start, end), with any splices removed. */
static void set_text(struct lexer *lx, struct token *t, size_t start, size_t end)
{
	const char *s = (const char *)lx->buf + start;
	size_t n = end - start, i, o = 0;
	/* peek() skipped a splice since the last token: maybe inside this one */
	const char *bs = lx->spliced ? memchr(s, '\\', n) : NULL;
	char *d;

	lx->spliced = false;
	for (; bs; bs = memchr(bs + 1, '\\', n - (size_t)(bs + 1 - s)))
		if (splice_at(lx, (size_t)(bs - (const char *)lx->buf)))
			break;
	if (bs) {
		d = chunk_alloc(lx, n);
		for (i = 0; i < n; i++) {
			size_t sp = splice_at(lx, start + i);

			if (sp && start + i + sp <= end) {
				i += sp - 1;
				continue;
			}
			d[o++] = s[i];
		}
		s = d;
		n = o;
	}
	t->text = s;
	t->len = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

static void end_directive(struct lexer *lx)
{
	lx->in_pp = false;
	lx->pp = PP_NONE;
	lx->member = false;
}

/* Scan comment text; true when a mention was produced into @t. */
static bool comment(struct lexer *lx, struct token *t)
{
	unsigned int stop = C_CSTOP | (lx->opts & LEX_MENTIONS ? C_WORD : 0);

	for (;;) {
		int c;
		size_t start, end;

		while (lx->pos < lx->len && !(cclass[lx->buf[lx->pos]] & stop))
			lx->pos++;
		c = peek(lx);
		if (c < 0) {
			lx->state = ST_CODE;
			return false;
		}
		if (c == '\n') {
			if (lx->state == ST_LINE) {
				lx->state = ST_CODE;	/* the newline is code's */
				return false;
			}
			newline(lx);
			continue;
		}
		if (c == '*' && lx->state == ST_BLOCK && peek_next(lx) == '/') {
			skip(lx, 2);
			lx->state = ST_CODE;
			return false;
		}
		if (!(cclass[c] & C_WORD)) {
			lx->pos++;
			continue;
		}
		set_pos(lx, t);
		start = lx->pos;
		do {
			end = ++lx->pos;
			c = peek(lx);
		} while (c >= 0 && (cclass[c] & C_WORD));
		if ((cclass[lx->buf[start]] & C_DIGIT) || !(lx->opts & LEX_MENTIONS))
			continue;
		set_text(lx, t, start, end);
		t->kind = TOK_MENTION;
		t->flags = 0;
		return true;
	}
}

/* A quoted literal from the opening quote at pos; stops at a newline. */
static size_t literal(struct lexer *lx, int quote, uint8_t *flags)
{
	size_t end;

	lx->pos++;
	end = lx->pos;
	for (;;) {
		int c = peek(lx);

		if (c < 0 || c == '\n') {
			*flags |= TF_OPEN;
			return end;
		}
		end = ++lx->pos;
		if (c == quote)
			return end;
		if (c == '\\') {
			c = peek(lx);
			if (c >= 0 && c != '\n')
				end = ++lx->pos;
		}
	}
}

/* The header name of #include, from '"' or '<' at pos; no escapes. */
static void header_name(struct lexer *lx, struct token *t, int open)
{
	int close = open == '<' ? '>' : '"';
	size_t start, end;

	lx->pos++;
	start = end = lx->pos;
	for (;;) {
		int c = peek(lx);

		if (c < 0 || c == '\n') {
			t->flags |= TF_OPEN;
			break;
		}
		lx->pos++;
		if (c == close)
			break;
		end = lx->pos;
	}
	set_text(lx, t, start, end);
	t->kind = TOK_INCLUDE;
	if (open == '<')
		t->flags |= TF_ANGLE;
}

/* A preprocessing number from the digit, or '.' and digit, at pos. */
static size_t number(struct lexer *lx)
{
	size_t end = lx->pos;
	int c;

	while ((c = peek(lx)) >= 0 && ((cclass[c] & (C_ID | C_DIGIT)) || c == '.')) {
		end = ++lx->pos;
		if (c == 'e' || c == 'E' || c == 'p' || c == 'P') {
			c = peek(lx);
			if (c == '+' || c == '-')
				end = ++lx->pos;
		}
	}
	return end;
}

/* The punctuator starting with @c at pos: the longest that matches. */
static size_t punct(struct lexer *lx, int c)
{
	char s[4];
	size_t n, i, best = 1;

	if (!(cclass[c] & C_PUNCT2)) {
		lx->pos++;
		return lx->pos;
	}
	n = look(lx, s, sizeof(s));
	for (i = 0; i < ARRAY_SIZE(puncts); i++) {
		if (puncts[i].s[0] == s[0] && puncts[i].len <= n &&
		    memcmp(s, puncts[i].s, puncts[i].len) == 0) {
			best = puncts[i].len;
			break;
		}
	}
	lx->member = (best == 1 && s[0] == '.') || (best == 2 && s[0] == '-' && s[1] == '>');
	skip(lx, best);
	return lx->pos;
}

/* Identifier spellings that make a following quote a prefixed literal. */
static bool literal_prefix(const struct lexer *lx, size_t start, size_t end)
{
	const unsigned char *s = lx->buf + start;
	size_t n = end - start;

	if (n == 1)
		return s[0] == 'L' || s[0] == 'u' || s[0] == 'U';
	return n == 2 && s[0] == 'u' && s[1] == '8';
}

static void directive_name(struct lexer *lx, struct token *t)
{
	t->flags |= TF_DIRECTIVE;
	if (tok_is(t, "include") || tok_is(t, "include_next") || tok_is(t, "import"))
		lx->pp = PP_HEADER;
	else if (tok_is(t, "define"))
		lx->pp = PP_MACRO;
}

static void code_token(struct lexer *lx, struct token *t, int c)
{
	size_t start = lx->pos, end;
	bool bol = lx->bol, member = lx->member;
	uint8_t pp = lx->pp;
	int d;

	set_pos(lx, t);
	t->flags = lx->in_pp ? TF_PP : 0;
	lx->bol = false;
	lx->member = false;
	lx->pp = PP_NONE;

	if (bol && (c == '#' || (c == '%' && peek_next(lx) == ':'))) {
		end = punct(lx, c);
		lx->member = false;
		lx->in_pp = true;
		lx->pp = PP_NAME;
		t->kind = TOK_PUNCT;
		t->flags = TF_PP | TF_DIRECTIVE;
		set_text(lx, t, start, end);
		return;
	}
	if (pp == PP_HEADER && (c == '"' || c == '<')) {
		header_name(lx, t, c);
		return;
	}
	if (cclass[c] & C_ID) {
		do {
			end = ++lx->pos;
			c = peek(lx);
		} while (c >= 0 && (cclass[c] & (C_ID | C_DIGIT)));
		if ((c == '"' || c == '\'') && literal_prefix(lx, start, end)) {
			end = literal(lx, c, &t->flags);
			t->kind = c == '"' ? TOK_STRING : TOK_CHAR;
			set_text(lx, t, start, end);
			return;
		}
		t->kind = TOK_IDENT;
		set_text(lx, t, start, end);
		if (member)
			t->flags |= TF_MEMBER;
		if (pp == PP_NAME)
			directive_name(lx, t);
		else if (pp == PP_MACRO)
			t->flags |= TF_DEFINE;
		return;
	}
	if ((cclass[c] & C_DIGIT) ||
	    (c == '.' && (d = peek_next(lx)) >= 0 && (cclass[d] & C_DIGIT))) {
		end = number(lx);
		t->kind = TOK_NUMBER;
	} else if (c == '"' || c == '\'') {
		end = literal(lx, c, &t->flags);
		t->kind = c == '"' ? TOK_STRING : TOK_CHAR;
	} else {
		end = punct(lx, c);
		t->kind = TOK_PUNCT;
	}
	set_text(lx, t, start, end);
}

bool lex_next(struct lexer *lx, struct token *t)
{
	for (;;) {
		int c;

		if (lx->state != ST_CODE) {
			if (comment(lx, t))
				return true;
			continue;
		}
		c = peek(lx);
		if (c < 0)
			break;
		if (c == '\n') {
			newline(lx);
			lx->bol = true;
			if (lx->in_pp)
				end_directive(lx);
			continue;
		}
		if (cclass[c] & C_SPACE) {
			do
				lx->pos++;
			while (lx->pos < lx->len && (cclass[lx->buf[lx->pos]] & C_SPACE));
			continue;
		}
		if (c == '/') {
			int d = peek_next(lx);

			if (d == '*' || d == '/') {
				skip(lx, 2);
				lx->state = d == '*' ? ST_BLOCK : ST_LINE;
				continue;
			}
		}
		code_token(lx, t, c);
		return true;
	}
	set_pos(lx, t);
	t->kind = TOK_EOF;
	t->flags = 0;
	t->text = "";
	t->len = 0;
	return false;
}

void lex_all(struct lexer *lx, const void *buf, size_t len, unsigned int opts,
	     struct tokvec *tv)
{
	lex_init(lx, buf, len, opts);
	tv->n = 0;
	for (;;) {
		if (tv->n == tv->cap)
			GROW(tv->v, tv->n + 1, tv->cap);
		if (!lex_next(lx, &tv->v[tv->n]))
			break;
		tv->n++;
	}
}

bool is_ident(const char *s, size_t n)
{
	size_t i;

	if (!n || (cclass[(unsigned char)s[0]] & C_DIGIT))
		return false;
	for (i = 0; i < n; i++)
		if (!(cclass[(unsigned char)s[i]] & C_WORD))
			return false;
	return true;
}
