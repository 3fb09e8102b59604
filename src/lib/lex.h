/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small C lexer that tells code from comments, literals and preprocessor
 * directives, in the spirit of sparse's tokenize.c. It never fails: any byte
 * sequence (binary, NUL bytes, invalid UTF-8, unterminated constructs) yields
 * a finite token stream ending in TOK_EOF.
 */
#ifndef SRC_LIB_LEX_H
#define SRC_LIB_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum tok_kind {
	TOK_EOF,
	TOK_IDENT,	/* identifier or keyword, in code or in a directive */
	TOK_NUMBER,	/* preprocessing number */
	TOK_STRING,	/* string literal, prefix and quotes included */
	TOK_CHAR,	/* character constant, prefix and quotes included */
	TOK_PUNCT,	/* punctuator, or one stray byte */
	TOK_INCLUDE,	/* header name of #include, without delimiters */
	TOK_MENTION,	/* identifier-like word inside a comment */
	TOK_NKINDS
};

enum tok_flag {
	TF_MEMBER	= 1 << 0,	/* member name: after '.' or '->', or declared in a struct */
	TF_PP		= 1 << 1,	/* inside a preprocessor directive */
	TF_DIRECTIVE	= 1 << 2,	/* the '#' or the name of a directive */
	TF_DEFINE	= 1 << 3,	/* the macro name of a #define */
	TF_ANGLE	= 1 << 4,	/* #include <x> rather than #include "x" */
	TF_OPEN		= 1 << 5,	/* literal or header name not terminated */
};

struct token {
	const char *text;	/* spelling with line splices removed; not NUL-terminated */
	uint32_t len;
	uint32_t line;		/* 1-based physical line of the first byte */
	uint32_t col;		/* 1-based byte column of the first byte */
	uint8_t kind;
	uint8_t flags;
};

enum lex_opt {
	LEX_MENTIONS = 1 << 0,	/* report words inside comments as TOK_MENTION */
};

struct lex_chunk;

struct lexer {
	const unsigned char *buf;
	size_t len;
	size_t pos;
	size_t line_start;	/* offset of the current physical line */
	uint32_t line;
	unsigned int opts;
	uint8_t state;		/* code, block comment or line comment */
	uint8_t pp;		/* what the directive expects next */
	bool bol;		/* nothing but blanks and comments since a newline */
	bool in_pp;		/* inside a directive */
	bool member;		/* the previous code token was '.' or '->' */
	bool spliced;		/* a splice was skipped since the last token */
	struct lex_chunk *chunks;	/* spellings of tokens that contained splices */
};

/*
 * Start lexing @len bytes at @buf; the buffer must outlive the tokens. A
 * lexer must be zeroed before its first use; later calls reuse its storage.
 */
void lex_init(struct lexer *lx, const void *buf, size_t len, unsigned int opts);

/* Next token into @tok; returns false (and TOK_EOF) at the end. */
bool lex_next(struct lexer *lx, struct token *tok);

/* Release the spellings; tokens from this lexer become invalid. */
void lex_free(struct lexer *lx);

struct tokvec {
	struct token *v;
	size_t n;
	size_t cap;
};

/* Lex the whole buffer into @tv (reset first); the EOF token is not stored. */
void lex_all(struct lexer *lx, const void *buf, size_t len, unsigned int opts,
	     struct tokvec *tv);

const char *tok_kind_name(unsigned int kind);

/* "LINE:COL KIND[+FLAG...] TEXT", other bytes than printable ASCII as \xNN. */
void tok_print(FILE *out, const struct token *t);

/* Does @tok spell @s? */
bool tok_is(const struct token *tok, const char *s);

/*
 * Are the @n bytes at @s a name as a user writes one: ASCII letters, digits
 * and '_', no digit first (the lexer's word bytes)?
 */
bool is_ident(const char *s, size_t n);

#endif
