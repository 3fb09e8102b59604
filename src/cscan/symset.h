/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The private symbol set, derived from the tree: for each --private
 * HEADER, everything it declares, or with GLOBs the names that match one
 * (with --audit, everything else it declares too, as warnings). A name is
 * private to the directory of its header. Names that a public header also
 * declares leave the set once the scan has seen that header.
 */
#ifndef CSCAN_SYMSET_H
#define CSCAN_SYMSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lex.h"
#include "nameset.h"

/* One --private HEADER[=GLOB[,GLOB...]]. */
struct priv {
	char *header;		/* normalized, relative to KDIR: foo/bar.h */
	char *dir;		/* its directory, with a trailing slash: foo/ */
	char *label;		/* "foo-private" */
	char **globs;		/* none: all it declares is private */
	size_t nglobs;
	bool *reaches;		/* by priv: this header includes that one, maybe through others */
};

struct sym {
	uint32_t priv;		/* index of its header in symset.privs */
	uint32_t line;		/* of its first declaration there */
	uint8_t kind;		/* enum decl_kind */
	bool audit;		/* only in the --audit set: findings are warnings */
	char *public_at;	/* "path:line" of a public declaration, if any */
};

struct symset {
	struct nameset names;	/* ids index v[] */
	struct sym *v;
	size_t nv;
	size_t cap;
	struct priv *privs;	/* borrowed from the command line */
	size_t nprivs;
	bool one_dir;		/* every header is in the same directory */
};

/*
 * Parse "HEADER[=GLOB[,GLOB...]]" into @p; a usage error when malformed.
 * Free with priv_free().
 */
void priv_parse(struct priv *p, const char *arg);
void priv_free(struct priv *p);

/*
 * Read the headers of @privs below @kdirfd. Returns 0, or 2 after printing
 * why when none can be read.
 */
int symset_derive(struct symset *s, int kdirfd, struct priv *privs, size_t nprivs, bool audit);

/* The header of a name of the set, and its directory. */
static inline const struct priv *sym_priv(const struct symset *s, uint32_t id)
{
	return &s->privs[s->v[id].priv];
}

/* "foo-private" when all the headers share foo/, else "private". */
const char *symset_label(const struct symset *s);

/*
 * Where #include @t of the file @from (relative to KDIR unless @outside)
 * leads, as the preprocessor would look: the including file's directory
 * (for "x" only), then include/, then KDIR itself. The first candidate that
 * exists wins.
 */
bool resolve_include(int kdirfd, const char *from, bool outside, const struct token *t,
		     char *out, size_t outsz);

/* Headers on the kernel's global include paths: include/ and arch/<arch>/include/. */
bool is_public_header(const char *path);

void symset_free(struct symset *s);

#endif
