// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the lexer: each case lexes a snippet and compares the token
 * stream, printed as by "cscan tokens", with the expected one.
 */
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "tap.h"

static char *dump(const char *src, size_t len, unsigned int opts)
{
	struct lexer lx = { 0 };
	struct token t;
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);

	if (!f)
		abort();
	lex_init(&lx, src, len, opts);
	while (lex_next(&lx, &t))
		tok_print(f, &t);
	tok_print(f, &t);
	fclose(f);
	lex_free(&lx);
	return out;
}

static void check(const char *name, const char *src, size_t len, unsigned int opts,
		  const char *want)
{
	char *got = dump(src, len, opts);

	is_str(got, want, name);
	free(got);
}

/* sizeof keeps NUL bytes inside the snippet */
#define LEX(name, src, want) check(name, src, sizeof(src) - 1, LEX_MENTIONS, want)
#define LEX_CODE(name, src, want) check(name, src, sizeof(src) - 1, 0, want)

static void comments(void)
{
	LEX("block and line comments",
	    "a /* b */ c // d\ne",
	    "1:1 ident a\n"
	    "1:6 mention b\n"
	    "1:11 ident c\n"
	    "1:16 mention d\n"
	    "2:1 ident e\n"
	    "2:2 eof\n");
	LEX_CODE("comment words are not tokens without LEX_MENTIONS",
		 "a /* b */ c // d\ne",
		 "1:1 ident a\n"
		 "1:11 ident c\n"
		 "2:1 ident e\n"
		 "2:2 eof\n");
	LEX("comments do not nest",
	    "/* a /* b */ c */",
	    "1:4 mention a\n"
	    "1:9 mention b\n"
	    "1:14 ident c\n"
	    "1:16 punct *\n"
	    "1:17 punct /\n"
	    "1:18 eof\n");
	LEX("a multi-line comment counts lines",
	    "/*\n * x\n */ y",
	    "2:4 mention x\n"
	    "3:5 ident y\n"
	    "3:6 eof\n");
	LEX("mentions are whole ASCII words not starting with a digit",
	    "/* 9abc abc9 caf\xc3\xa9 x.y */",
	    "1:9 mention abc9\n"
	    "1:14 mention caf\n"
	    "1:20 mention x\n"
	    "1:22 mention y\n"
	    "1:26 eof\n");
	LEX("'//' inside a block comment and '/*' inside a line comment",
	    "/* // */ a // /* \nb */",
	    "1:10 ident a\n"
	    "2:1 ident b\n"
	    "2:3 punct *\n"
	    "2:4 punct /\n"
	    "2:5 eof\n");
	LEX("comment delimiters inside strings are string bytes",
	    "\"/* x */\" y '//' z",
	    "1:1 string \"/* x */\"\n"
	    "1:11 ident y\n"
	    "1:13 char '//'\n"
	    "1:18 ident z\n"
	    "1:19 eof\n");
}

static void literals(void)
{
	LEX("escaped quotes stay inside a string",
	    "\"a\\\"b\" x \"\\\\\" y",
	    "1:1 string \"a\\x5c\"b\"\n"
	    "1:8 ident x\n"
	    "1:10 string \"\\x5c\\x5c\"\n"
	    "1:15 ident y\n"
	    "1:16 eof\n");
	LEX("character constants with quotes and escapes",
	    "'\\'' '\"' '\\\\' x",
	    "1:1 char '\\x5c''\n"
	    "1:6 char '\"'\n"
	    "1:10 char '\\x5c\\x5c'\n"
	    "1:15 ident x\n"
	    "1:16 eof\n");
	LEX("prefixed literals",
	    "L\"w\" u\"x\" U\"y\" u8\"z\" L'a' u8x R\"r\"",
	    "1:1 string L\"w\"\n"
	    "1:6 string u\"x\"\n"
	    "1:11 string U\"y\"\n"
	    "1:16 string u8\"z\"\n"
	    "1:22 char L'a'\n"
	    "1:27 ident u8x\n"
	    "1:31 ident R\n"
	    "1:32 string \"r\"\n"
	    "1:35 eof\n");
	LEX("an identifier inside a string is no identifier",
	    "f(\"ALLOC_CPUSET\");",
	    "1:1 ident f\n"
	    "1:2 punct (\n"
	    "1:3 string \"ALLOC_CPUSET\"\n"
	    "1:17 punct )\n"
	    "1:18 punct ;\n"
	    "1:19 eof\n");
	LEX("numbers are single tokens",
	    "0x1fULL 1e+5 .5 1.0f 3.p-2 a.b",
	    "1:1 number 0x1fULL\n"
	    "1:9 number 1e+5\n"
	    "1:14 number .5\n"
	    "1:17 number 1.0f\n"
	    "1:22 number 3.p-2\n"
	    "1:28 ident a\n"
	    "1:29 punct .\n"
	    "1:30 ident+member b\n"
	    "1:31 eof\n");
	LEX("punctuators take the longest match",
	    "a<<=b->c...d##e",
	    "1:1 ident a\n"
	    "1:2 punct <<=\n"
	    "1:5 ident b\n"
	    "1:6 punct ->\n"
	    "1:8 ident+member c\n"
	    "1:9 punct ...\n"
	    "1:12 ident d\n"
	    "1:13 punct ##\n"
	    "1:15 ident e\n"
	    "1:16 eof\n");
}

static void splices(void)
{
	LEX("a macro continued over lines",
	    "#define A(x) \\\n\tx + B\nC",
	    "1:1 punct+pp+directive #\n"
	    "1:2 ident+pp+directive define\n"
	    "1:9 ident+pp+define A\n"
	    "1:10 punct+pp (\n"
	    "1:11 ident+pp x\n"
	    "1:12 punct+pp )\n"
	    "2:2 ident+pp x\n"
	    "2:4 punct+pp +\n"
	    "2:6 ident+pp B\n"
	    "3:1 ident C\n"
	    "3:2 eof\n");
	LEX("a line comment continued over lines",
	    "// c \\\n d\nx",
	    "1:4 mention c\n"
	    "2:2 mention d\n"
	    "3:1 ident x\n"
	    "3:2 eof\n");
	LEX("a block comment closed across a splice",
	    "/* a *\\\n/ b",
	    "1:4 mention a\n"
	    "2:3 ident b\n"
	    "2:4 eof\n");
	LEX("a string continued over lines",
	    "\"ab\\\ncd\" x",
	    "1:1 string \"abcd\"\n"
	    "2:5 ident x\n"
	    "2:6 eof\n");
	LEX("an identifier split by a splice",
	    "AB\\\nCD EF",
	    "1:1 ident ABCD\n"
	    "2:4 ident EF\n"
	    "2:6 eof\n");
	LEX("a splice inside '->' and a mention",
	    "a-\\\n>b /* AL\\\nLOC */",
	    "1:1 ident a\n"
	    "1:2 punct ->\n"
	    "2:2 ident+member b\n"
	    "2:7 mention ALLOC\n"
	    "3:7 eof\n");
	LEX("a backslash not before a newline is a stray byte",
	    "a \\ b",
	    "1:1 ident a\n"
	    "1:3 punct \\x5c\n"
	    "1:5 ident b\n"
	    "1:6 eof\n");
}

static void directives(void)
{
	LEX("#include with quotes and angle brackets",
	    "#include \"x.h\"\n# include <linux/y.h>\n#include_next <z.h>\n",
	    "1:1 punct+pp+directive #\n"
	    "1:2 ident+pp+directive include\n"
	    "1:10 include+pp x.h\n"
	    "2:1 punct+pp+directive #\n"
	    "2:3 ident+pp+directive include\n"
	    "2:11 include+pp+angle linux/y.h\n"
	    "3:1 punct+pp+directive #\n"
	    "3:2 ident+pp+directive include_next\n"
	    "3:15 include+pp+angle z.h\n"
	    "4:1 eof\n");
	LEX("#include of a macro and an unterminated header name",
	    "#include HDR\n#include \"open\nx",
	    "1:1 punct+pp+directive #\n"
	    "1:2 ident+pp+directive include\n"
	    "1:10 ident+pp HDR\n"
	    "2:1 punct+pp+directive #\n"
	    "2:2 ident+pp+directive include\n"
	    "2:10 include+pp+open open\n"
	    "3:1 ident x\n"
	    "3:2 eof\n");
	LEX("#define names only the macro",
	    "#define FOO 1\n#  define BAR(x) FOO\nBAR(2)",
	    "1:1 punct+pp+directive #\n"
	    "1:2 ident+pp+directive define\n"
	    "1:9 ident+pp+define FOO\n"
	    "1:13 number+pp 1\n"
	    "2:1 punct+pp+directive #\n"
	    "2:4 ident+pp+directive define\n"
	    "2:11 ident+pp+define BAR\n"
	    "2:14 punct+pp (\n"
	    "2:15 ident+pp x\n"
	    "2:16 punct+pp )\n"
	    "2:18 ident+pp FOO\n"
	    "3:1 ident BAR\n"
	    "3:4 punct (\n"
	    "3:5 number 2\n"
	    "3:6 punct )\n"
	    "3:7 eof\n");
	LEX("'#' starts a directive only at the start of a line",
	    "a # b\n  /* c */ #define X\n",
	    "1:1 ident a\n"
	    "1:3 punct #\n"
	    "1:5 ident b\n"
	    "2:6 mention c\n"
	    "2:11 punct+pp+directive #\n"
	    "2:12 ident+pp+directive define\n"
	    "2:19 ident+pp+define X\n"
	    "3:1 eof\n");
	LEX("a comment over lines does not end a directive",
	    "#define A 1 /* x\n y */ 2\nB",
	    "1:1 punct+pp+directive #\n"
	    "1:2 ident+pp+directive define\n"
	    "1:9 ident+pp+define A\n"
	    "1:11 number+pp 1\n"
	    "1:16 mention x\n"
	    "2:2 mention y\n"
	    "2:7 number+pp 2\n"
	    "3:1 ident B\n"
	    "3:2 eof\n");
	LEX("a digraph directive",
	    "%:define X %:%: Y",
	    "1:1 punct+pp+directive %:\n"
	    "1:3 ident+pp+directive define\n"
	    "1:10 ident+pp+define X\n"
	    "1:12 punct+pp %:%:\n"
	    "1:17 ident+pp Y\n"
	    "1:18 eof\n");
	LEX("an apostrophe in #error ends with its line",
	    "#error don't\nx",
	    "1:1 punct+pp+directive #\n"
	    "1:2 ident+pp+directive error\n"
	    "1:8 ident+pp don\n"
	    "1:11 char+pp+open 't\n"
	    "2:1 ident x\n"
	    "2:2 eof\n");
}

static void members(void)
{
	LEX("member access after '.' and '->'",
	    "a.b->c . d ->e f",
	    "1:1 ident a\n"
	    "1:2 punct .\n"
	    "1:3 ident+member b\n"
	    "1:4 punct ->\n"
	    "1:6 ident+member c\n"
	    "1:8 punct .\n"
	    "1:10 ident+member d\n"
	    "1:12 punct ->\n"
	    "1:14 ident+member e\n"
	    "1:16 ident f\n"
	    "1:17 eof\n");
	LEX("designated initializers name members",
	    "{ .x = 1, [2] = y, .z /* c */ = w }",
	    "1:1 punct {\n"
	    "1:3 punct .\n"
	    "1:4 ident+member x\n"
	    "1:6 punct =\n"
	    "1:8 number 1\n"
	    "1:9 punct ,\n"
	    "1:11 punct [\n"
	    "1:12 number 2\n"
	    "1:13 punct ]\n"
	    "1:15 punct =\n"
	    "1:17 ident y\n"
	    "1:18 punct ,\n"
	    "1:20 punct .\n"
	    "1:21 ident+member z\n"
	    "1:26 mention c\n"
	    "1:31 punct =\n"
	    "1:33 ident w\n"
	    "1:35 punct }\n"
	    "1:36 eof\n");
	LEX("'...' is no member access",
	    "f(a, ...) b",
	    "1:1 ident f\n"
	    "1:2 punct (\n"
	    "1:3 ident a\n"
	    "1:4 punct ,\n"
	    "1:6 punct ...\n"
	    "1:9 punct )\n"
	    "1:11 ident b\n"
	    "1:12 eof\n");
}

static void odd_input(void)
{
	LEX("an unterminated comment at the end",
	    "a /* b",
	    "1:1 ident a\n"
	    "1:6 mention b\n"
	    "1:7 eof\n");
	LEX("an unterminated string and char at the end",
	    "a \"bc",
	    "1:1 ident a\n"
	    "1:3 string+open \"bc\n"
	    "1:6 eof\n");
	LEX("a string ends at an unspliced newline",
	    "\"ab\ncd\" 'e\n",
	    "1:1 string+open \"ab\n"
	    "2:1 ident cd\n"
	    "2:3 string+open \" 'e\n"
	    "3:1 eof\n");
	LEX("a backslash at the very end",
	    "x \"a\\",
	    "1:1 ident x\n"
	    "1:3 string+open \"a\\x5c\n"
	    "1:6 eof\n");
	LEX("NUL bytes are blanks",
	    "a\0b \0 c",
	    "1:1 ident a\n"
	    "1:3 ident b\n"
	    "1:7 ident c\n"
	    "1:8 eof\n");
	LEX("invalid UTF-8 is identifier bytes in code, separators in comments",
	    "\xff\xfe x /* \xc3(y */ \x80",
	    "1:1 ident \\xff\\xfe\n"
	    "1:4 ident x\n"
	    "1:11 mention y\n"
	    "1:16 ident \\x80\n"
	    "1:17 eof\n");
	LEX("CRLF line endings",
	    "#define A 1\r\nB\r\n// c\r\nD \\\r\nE\r\n",
	    "1:1 punct+pp+directive #\n"
	    "1:2 ident+pp+directive define\n"
	    "1:9 ident+pp+define A\n"
	    "1:11 number+pp 1\n"
	    "2:1 ident B\n"
	    "3:4 mention c\n"
	    "4:1 ident D\n"
	    "5:1 ident E\n"
	    "6:1 eof\n");
	LEX("control bytes are stray punctuators",
	    "a\x01" "b",
	    "1:1 ident a\n"
	    "1:2 punct \\x01\n"
	    "1:3 ident b\n"
	    "1:4 eof\n");
	LEX("empty input",
	    "",
	    "1:1 eof\n");
	LEX("only splices",
	    "\\\n\\\n\\",
	    "3:1 punct \\x5c\n"
	    "3:2 eof\n");
}

/* Huge and pathological buffers: the lexer must end, and count right. */
static void big_input(void)
{
	size_t n = 16 << 20, i, count = 0;
	char *buf = malloc(n);
	struct lexer lx = { 0 };
	struct token t;
	unsigned int seed = 12345;

	if (!buf)
		abort();
	for (i = 0; i < n; i++) {
		seed = seed * 1103515245 + 12345;
		buf[i] = (char)(seed >> 16);
	}
	lex_init(&lx, buf, n, LEX_MENTIONS);
	while (lex_next(&lx, &t))
		count++;
	ok(t.kind == TOK_EOF && count > 0, "16 MiB of random bytes: %zu tokens, then eof", count);

	for (i = 0; i + 1 < n; i += 2) {
		buf[i] = '\\';
		buf[i + 1] = '\n';
	}
	lex_init(&lx, buf, n, LEX_MENTIONS);
	count = 0;
	while (lex_next(&lx, &t))
		count++;
	ok(count == 0 && t.line == n / 2 + 1, "8 Mi splices: no tokens, eof on line %u", t.line);

	memset(buf, '"', n);
	lex_init(&lx, buf, n, 0);
	count = 0;
	while (lex_next(&lx, &t))
		count++;
	ok(count == n / 2, "16 Mi quotes: %zu empty strings", count);

	memcpy(buf, "/*", 2);
	memset(buf + 2, '*', n - 2);
	lex_init(&lx, buf, n, LEX_MENTIONS);
	ok(!lex_next(&lx, &t), "an unterminated comment of 16 MiB: eof only");
	lex_free(&lx);
	free(buf);
}

static void lex_all_keeps_spellings(void)
{
	static const char src[] = "A\\\nB C\\\nD E";
	struct lexer lx = { 0 };
	struct tokvec tv = { 0 };

	lex_all(&lx, src, sizeof(src) - 1, 0, &tv);
	ok(tv.n == 3 && tok_is(&tv.v[0], "AB") && tok_is(&tv.v[1], "CD") && tok_is(&tv.v[2], "E"),
	   "lex_all: spliced spellings stay valid until the next file");
	lex_all(&lx, "x", 1, 0, &tv);
	ok(tv.n == 1 && tok_is(&tv.v[0], "x"), "lex_all: a lexer is reusable");
	lex_free(&lx);
	free(tv.v);
}

int main(void)
{
	comments();
	literals();
	splices();
	directives();
	members();
	odd_input();
	big_input();
	lex_all_keeps_spellings();
	return tap_done();
}
