/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmove, the declaration mover: what it knows of a file (its lines, its
 * file-scope declarations with the lines each one spans, its conditional
 * groups), the plan of a move, and the writes. Built on the scanner's
 * lexer and declaration reader.
 */
#ifndef CMOVE_MOVE_H
#define CMOVE_MOVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lex.h"

#define MV_NONE UINT32_MAX

/* Units of a sequence: an item index, or a group index with this bit. */
#define MV_GROUP (UINT32_C(1) << 31)

enum mv_line_flag {
	ML_CODE		= 1 << 0,	/* code, a literal or a directive */
	ML_COMMENT	= 1 << 1,	/* some of a comment, or starts inside one */
	ML_INSIDE	= 1 << 2,	/* starts inside a block comment */
	ML_CONT		= 1 << 3,	/* goes on: ends in a splice or an open comment */
	ML_SPDX		= 1 << 4,	/* the license line */
};

struct mv_line {
	size_t off;	/* of the first byte */
	size_t len;	/* newline included */
	uint8_t flags;
};

/* The first four are decl.h's kinds, in its order (move_scan.c casts). */
enum mv_name_kind {
	MN_MACRO,
	MN_FUNC,
	MN_TYPE,
	MN_ENUMC,
	MN_VAR,
	MN_NKINDS
};

/* One declared name, from the declaration reader or the variable reader. */
struct mv_decl {
	uint32_t tok;		/* the name's token */
	uint32_t seg;		/* its code segment, MV_NONE for a macro outside one */
	uint8_t kind;
	bool defn;
	bool is_static;
};

/*
 * A code segment: the tokens of one file-scope declaration, from its first
 * code token to its ';' or to the '}' of a function body.
 */
struct mv_seg {
	uint32_t tok0, tok1;	/* [tok0, tok1) */
	bool body;		/* ends with a function body */
};

struct mv_decls {
	struct mv_decl *v;
	size_t n, cap;
	struct mv_seg *segs;
	size_t nsegs, csegs;
};

/*
 * The file-scope declarations of @tv (lexed without mentions): names with
 * their segments, sorted by token. Marks members TF_MEMBER as decl_scan()
 * does. Resets @d first.
 */
void mv_decls_read(struct tokvec *tv, struct mv_decls *d);
void mv_decls_free(struct mv_decls *d);

const char *mv_kind_name(unsigned int kind);

/* A code reference: an identifier in code or a directive, not a member. */
static inline bool mv_is_ref(const struct token *t)
{
	return t->kind == TOK_IDENT && !(t->flags & (TF_MEMBER | TF_DIRECTIVE | TF_DEFINE));
}

enum mv_item_kind {
	MI_CODE,	/* a declaration, with any directives inside it */
	MI_DEFINE,
	MI_IF,		/* #if, #ifdef, #ifndef */
	MI_ELSE,	/* #elif and friends, #else */
	MI_ENDIF,
	MI_INCLUDE,
	MI_PP,		/* any other directive */
};

/* A run of whole lines the mover handles as one: a declaration or a directive. */
struct mv_item {
	uint8_t kind;
	bool tangled;	/* spans a conditional directive it does not close */
	bool guard;	/* a directive of the include guard */
	bool angle;	/* MI_INCLUDE of <...> */
	uint32_t first, last;	/* 1-based, trailing comments and splices included */
	uint32_t lead;		/* first line of the comment block right above, or first */
	uint32_t tok0, tok1;	/* tokens [tok0, tok1) */
	uint32_t group;		/* innermost enclosing group, MV_NONE at top level */
	uint32_t branch;	/* in that group */
	uint32_t dir_of;	/* conditional directives: their group, else MV_NONE */
};

struct mv_seq {
	uint32_t *v;
	size_t n, cap;
};

/* #if ... #elif/#else ... #endif. */
struct mv_group {
	uint32_t parent, pbranch;	/* where it sits: MV_NONE at top level */
	uint32_t *dirs;			/* items: the #if, then each #elif/#else */
	struct mv_seq *br;		/* the units of each branch */
	uint32_t ndirs;
	uint32_t endif;			/* item, MV_NONE when unterminated */
};

struct mv_model {
	char *path;		/* relative to KDIR */
	char *buf;
	size_t len;
	struct mv_line *lines;	/* lines[0] is line 1 */
	uint32_t nlines;
	struct lexer lx;
	struct tokvec tv;
	struct mv_decls decls;
	uint32_t *decl_item;	/* by decl: its item */
	struct mv_item *items;
	size_t nitems, citems;
	struct mv_group *groups;
	size_t ngroups, cgroups;
	struct mv_seq root;	/* the top-level units (inside the guard) */
	uint32_t guard_if, guard_endif;	/* items, MV_NONE without a guard */
};

/*
 * Read @path (relative to the directory @dirfd) into @m and analyse it.
 * Returns 0 or an errno value.
 */
int mv_model_read(struct mv_model *m, int dirfd, const char *path);

/* Analyse @len bytes at @buf (taken over, malloc()ed) as the file @path. */
void mv_model_build(struct mv_model *m, const char *path, char *buf, size_t len);

void mv_model_free(struct mv_model *m);

static inline bool mv_blank(const struct mv_model *m, uint32_t line)
{
	return !(m->lines[line - 1].flags & (ML_CODE | ML_COMMENT));
}

/* The first and last line of a unit of a sequence, leading comment included. */
uint32_t mv_unit_lead(const struct mv_model *m, uint32_t unit);
uint32_t mv_unit_last(const struct mv_model *m, uint32_t unit);

/* The item holding token @tok, or MV_NONE. */
uint32_t mv_item_of_tok(const struct mv_model *m, uint32_t tok);

/*
 * The line of the first conditional directive that does not balance (an
 * #else or #endif without #if, else the innermost #if left open), with
 * what is wrong in *@why; 0 when they all balance.
 */
uint32_t mv_unbalanced(const struct mv_model *m, const char **why);

/* "FILE:START-END: KIND NAME" for each declaration, sorted by line. */
void mv_list(FILE *out, const struct mv_model *m);

/* Include guard name for a path: foo/bar_baz.h -> __FOO_BAR_BAZ_H. */
char *mv_guard_name(const char *path);

/* @to relative to the directory of @from (both relative to KDIR). */
char *mv_relpath(const char *from, const char *to);

/* Does some #include of @m reach @to (file's dir, KDIR, KDIR/include)? */
bool mv_includes(const struct mv_model *m, const char *to);

/* A growable byte buffer. */
struct mv_buf {
	char *p;
	size_t len, cap;
};

void mv_put(struct mv_buf *b, const void *s, size_t n);
void mv_puts(struct mv_buf *b, const char *s);
/* Lines [from, to] of @m, with a newline added to a last line without one. */
void mv_put_lines(struct mv_buf *b, const struct mv_model *m, uint32_t from, uint32_t to);

/* What moves out of a file, what the destination gets, what the file loses. */
struct mv_cut {
	const struct mv_model *m;
	bool *moved;		/* by item: set by the caller */
	bool *has;		/* by group: something in it moves */
	bool *whole;		/* by group: all of it moves */
	bool *removed;		/* by line, 1-based */
	struct mv_buf body;	/* the moving lines, for the destination */
};

void mv_cut_init(struct mv_cut *c, const struct mv_model *m);

/*
 * With c->moved set (none tangled, none in a group without #endif), fill
 * has, whole, removed and body.
 */
void mv_cut_run(struct mv_cut *c);
void mv_cut_free(struct mv_cut *c);

/* The file edits of a move, written all or nothing. */
struct mv_edit {
	char *path;		/* relative to KDIR */
	char *old;		/* NULL: the file is created */
	size_t oldlen;
	char *new;
	size_t newlen;
	char *msg;		/* "path: what changed" */
};

struct mv_edits {
	struct mv_edit *v;
	size_t n, cap;
};

/*
 * Write every edit: each to a temporary file in its directory, then all
 * renamed over; a failed rename puts back what was already renamed.
 * Modes are kept; created files get 0666 less the umask. Returns 0, or 2
 * after an error message on stderr.
 */
int mv_write_all(const char *kdir, const struct mv_edits *e);

void mv_edits_free(struct mv_edits *e);

/* The options of a move. */
struct mv_opts {
	const char *kdir;
	int kdirfd;
	int jobs;
	bool dry_run;
	bool verbose;
	char **scopes;		/* normalized, relative to KDIR */
	size_t nscopes;
	char **includes;	/* as given */
	size_t nincludes;
	bool delete;		/* --delete: FROM loses the SYMs, TO is NULL */
	char *from, *to;	/* normalized */
	char **syms;
	size_t nsyms;
};

struct nameset;
struct filelist;

/*
 * Scan every .c and .h file of KDIR but @skip1 and @skip2 on the thread
 * pool for code references to @names. @fl gets every file read, sorted;
 * a file's hits are its references (line, col, name id), less those to a
 * name the file declares itself: a macro, a type or enumerator, a static
 * function or variable. Unreadable files are reported on stderr; returns
 * how many.
 */
size_t mv_scan(const struct mv_opts *o, const struct nameset *names, const char *skip1,
	       const char *skip2, struct filelist *fl);

/*
 * The whole move, or with o->delete the deletion: 0 done (or nothing to
 * do), 1 refused, 2 usage or I/O error.
 */
int mv_run(const struct mv_opts *o);

#endif
