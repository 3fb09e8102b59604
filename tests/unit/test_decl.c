// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the declaration reader, the prefilter, the name set and the
 * path helpers. Declarations print as "LINE:COL KIND[+defn] NAME", then
 * every identifier flagged as a member as "LINE:COL member NAME".
 */
#include <stdlib.h>
#include <string.h>

#include "decl.h"
#include "filter.h"
#include "lex.h"
#include "nameset.h"
#include "tap.h"
#include "util.h"

static void print_decl(void *ctx, const struct token *name, enum decl_kind kind, bool defn)
{
	fprintf(ctx, "%u:%u %s%s %.*s\n", name->line, name->col, decl_kind_name(kind),
		defn ? "+defn" : "", (int)name->len, name->text);
}

static void check(const char *name, const char *src, const char *want)
{
	struct lexer lx = { 0 };
	struct tokvec tv = { 0 };
	char *out = NULL;
	size_t n = 0, i;
	FILE *f = open_memstream(&out, &n);

	if (!f)
		abort();
	lex_all(&lx, src, strlen(src), 0, &tv);
	decl_scan(&tv, print_decl, f);
	for (i = 0; i < tv.n; i++)
		if (tv.v[i].kind == TOK_IDENT && (tv.v[i].flags & TF_MEMBER))
			fprintf(f, "%u:%u member %.*s\n", tv.v[i].line, tv.v[i].col,
				(int)tv.v[i].len, tv.v[i].text);
	fclose(f);
	is_str(out, want, name);
	free(out);
	free(tv.v);
	lex_free(&lx);
}

static void declarations(void)
{
	check("macros", "#define M 1\n#define F(x) x\n#undef M\n",
	      "1:9 macro+defn M\n"
	      "2:9 macro+defn F\n");
	check("prototypes and definitions",
	      "int f(void);\n"
	      "static inline int g(int x) { return x; }\n"
	      "struct page *h(gfp_t gfp, unsigned int order);\n"
	      "void __init ini(void) {}\n"
	      "unsigned long __must_check __foo(void);\n",
	      "1:5 function f\n"
	      "2:19 function+defn g\n"
	      "3:14 function h\n"
	      "4:13 function+defn ini\n"
	      "5:28 function __foo\n");
	check("attributes before and after a function",
	      "__printf(1, 2) int pr(const char *fmt, ...);\n"
	      "int k(void) __attribute__((cold));\n"
	      "int get(void) __acquires(x);\n"
	      "static __always_inline struct folio *fo(void) { }\n",
	      "1:20 function pr\n"
	      "2:5 function k\n"
	      "3:5 function get\n"
	      "4:38 function+defn fo\n");
	check("not function declarations",
	      "extern int var;\n"
	      "int (*fp)(void);\n"
	      "DECLARE_BITMAP(bits, 10);\n"
	      "EXPORT_SYMBOL(f);\n"
	      "int arr[] = { 1, 2 };\n"
	      "static struct ops o = { .open = f };\n"
	      "int x __read_mostly;\n"
	      "int y = g(1, 2), z;\n",
	      "6:26 member open\n");
	check("typedefs",
	      "typedef unsigned long ul_t;\n"
	      "typedef struct { int a; } anon_t;\n"
	      "typedef int (*fn_t)(int a, char *b);\n"
	      "typedef int arr_t[4];\n"
	      "typedef u32 __bitwise bw_t;\n"
	      "typedef void fnty_t(int);\n",
	      "1:23 type+defn ul_t\n"
	      "2:27 type+defn anon_t\n"
	      "3:15 type+defn fn_t\n"
	      "4:13 type+defn arr_t\n"
	      "5:23 type+defn bw_t\n"
	      "6:14 type+defn fnty_t\n"
	      "2:22 member a\n");
	check("tags, forward declarations and enumerators",
	      "struct fwd;\n"
	      "union u { int i; };\n"
	      "enum e { A, B = 2, C = (1 << 3), D = F(1, 2), };\n"
	      "struct __packed p { char c; };\n"
	      "struct { int n; } anon;\n",
	      "1:8 type fwd\n"
	      "2:7 type+defn u\n"
	      "3:6 type+defn e\n"
	      "3:10 enumerator+defn A\n"
	      "3:13 enumerator+defn B\n"
	      "3:20 enumerator+defn C\n"
	      "3:34 enumerator+defn D\n"
	      "4:17 type+defn p\n"
	      "2:15 member i\n"
	      "4:26 member c\n"
	      "5:14 member n\n");
	check("struct members are another namespace",
	      "struct s {\n"
	      "\tint m;\n"
	      "\tstruct t *n;\n"
	      "\tint (*fp)(void *arg);\n"
	      "\tunsigned b : 3, c : 1;\n"
	      "\tint arr[N];\n"
	      "\tu64 al __aligned(8);\n"
	      "\tstruct in { int x; } in;\n"
	      "\tenum { E1 } e;\n"
	      "};\n",
	      "1:8 type+defn s\n"
	      "8:9 type+defn in\n"
	      "9:9 enumerator+defn E1\n"
	      "2:6 member m\n"
	      "3:12 member n\n"
	      "4:8 member fp\n"
	      "5:11 member b\n"
	      "5:18 member c\n"
	      "6:6 member arr\n"
	      "7:6 member al\n"
	      "8:18 member x\n"
	      "8:23 member in\n"
	      "9:14 member e\n");
	check("function bodies are skipped",
	      "void b(void) { int inner(void); struct q { int z; } v; }\n"
	      "int after(void);\n",
	      "1:6 function+defn b\n"
	      "2:5 function after\n");
	check("directives other than #define are not declarations",
	      "#ifdef CONFIG_X\nint a(void);\n#else\nstatic inline int a(void) { return 0; }\n#endif\n",
	      "2:5 function a\n"
	      "4:19 function+defn a\n");
	check("unbalanced braces do not derail what follows",
	      "}\n} int after1(void);\n",
	      "2:7 function after1\n");
}

static void deep_nesting(void)
{
	size_t n = 1 << 20, i;
	char *src = malloc(2 * n + 64);

	if (!src)
		abort();
	strcpy(src, "int ok(void);\n");
	for (i = 0; i < n; i++)
		strcat(src + 14 + i, "{");
	check("a million open braces", src, "1:5 function ok\n");
	for (i = 0; i < n; i++)
		memcpy(src + 14 + 7 * (i % 10000), "struct{", 7);
	src[14 + 7 * 10000] = '\0';
	check("ten thousand nested structs", src, "1:5 function ok\n");
	free(src);
}

static void prefilter(void)
{
	struct filter f = { 0 };
	char big[4096];

	filter_add(&f, "ALLOC_CPUSET", 12);
	filter_add(&f, "ALLOC_CMA", 9);
	filter_add(&f, "mm/", 3);
	filter_build(&f);
	ok(filter_any(&f, "x = ALLOC_CMA;", 14), "filter: finds a needle");
	ok(filter_any(&f, "ALLOC_COOKIE", 12),
	   "filter: needles sharing a prefix become one anchor, which may over-match");
	ok(!filter_any(&f, "KMALLOC_CMA", 11), "filter: a match must start a word");
	ok(filter_any(&f, "\"../mm/internal.h\"", 18), "filter: file name needles");
	ok(!filter_any(&f, "ALLOC", 5), "filter: a truncated needle is no match");
	memset(big, 'x', sizeof(big));
	memcpy(big + sizeof(big) - 6, " mm/", 4);
	ok(filter_any(&f, big, sizeof(big)), "filter: a needle near the end of a long buffer");
	memcpy(big + sizeof(big) - 6, "xmm/", 4);
	ok(!filter_any(&f, big, sizeof(big)), "filter: no needle in a long buffer");
	filter_free(&f);
}

static void many_needles(void)
{
	struct filter f = { 0 };
	char name[32];
	int i;

	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "%cneedle%d", 'a' + i % 26, i);
		filter_add(&f, name, strlen(name));
	}
	filter_build(&f);
	ok(filter_any(&f, "(zneedle25)", 11), "filter: 40 needles, one found");
	ok(!filter_any(&f, "(zneedle26)", 11), "filter: 40 needles, none found");
	filter_free(&f);
}

static void names(void)
{
	struct nameset s = { 0 };
	char buf[16];
	uint32_t i;
	int good = 1;

	for (i = 0; i < 1000; i++) {
		snprintf(buf, sizeof(buf), "n%u", i);
		good &= nameset_add(&s, buf, strlen(buf)) == i;
	}
	for (i = 0; i < 1000; i++) {
		snprintf(buf, sizeof(buf), "n%u", i);
		good &= nameset_find(&s, buf, strlen(buf)) == i;
	}
	ok(good, "nameset: 1000 names keep their ids");
	ok(nameset_find(&s, "n1000", 5) == NAME_NONE && nameset_find(&s, "n1", 1) == NAME_NONE,
	   "nameset: misses, including a prefix");
	ok(nameset_add(&s, "n5", 2) == 5, "nameset: adding again returns the same id");
	nameset_free(&s);
}

static void paths(void)
{
	char out[64];

	ok(path_normalize("drivers/x/../../mm/./internal.h", out, sizeof(out)) &&
	   !strcmp(out, "mm/internal.h"), "path_normalize: folds . and ..");
	ok(path_normalize("a//b/", out, sizeof(out)) && !strcmp(out, "a/b"),
	   "path_normalize: drops empty components");
	ok(!path_normalize("a/../../b", out, sizeof(out)), "path_normalize: refuses to climb out");
	ok(path_under("mm/slab.c", "mm/") && path_under("mm", "mm") &&
	   !path_under("mmx/a.c", "mm") && !path_under("arch/x86/mm/a.c", "mm"),
	   "path_under: whole components from the top");
}

int main(void)
{
	declarations();
	deep_nesting();
	prefilter();
	many_needles();
	names();
	paths();
	return tap_done();
}
