// SPDX-License-Identifier: GPL-2.0
/*
 * cmove: move declarations from one file of a tree to another, comments,
 * order and conditional groups kept, and add the #include to the files in
 * scope that use them; or delete them once nothing uses them. The command
 * line only; the rest is move*.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "move.h"
#include "util.h"

static const char usage_text[] =
	"usage: cmove [-n] [-v] [-j N] [--scope DIR]... [--include HDR]... KDIR FROM TO SYM...\n"
	"       cmove --delete [-n] [-v] [-j N] KDIR FILE SYM...\n"
	"       cmove --list KDIR FILE...\n"
	"\n"
	"Moves every file-scope declaration of each SYM (prototypes, static inline\n"
	"functions, macros, struct/union/enum definitions by tag, typedefs, extern\n"
	"variables) from FROM to TO, paths relative to KDIR: with the comment block\n"
	"right above and the comments on its lines, in FROM's order; a conditional\n"
	"group that moves entirely moves as it is, one that keeps something is\n"
	"copied around what leaves it. TO gets them before the #endif of its include\n"
	"guard; when missing it is created with an SPDX line, the guard (__FOO_BAR_H\n"
	"for foo/bar.h) and an #include <HDR> per --include (HDR as is when it starts\n"
	"with < or \"). Every file under a scope DIR (default: TO's directory) that\n"
	"uses a moved name in code gets #include \"TO relative to it\" after its last\n"
	"local #include; a file that declares the name itself (its own macro, type,\n"
	"enumerator, static function or variable) is no user.\n"
	"\n"
	"Refused (exit 1, nothing changed): a use outside the scope, a use in what\n"
	"stays in FROM, a name TO already declares, a user with no #include.\n"
	"A SYM that only TO declares has moved already: nothing to do for it.\n"
	"\n"
	"--delete removes every declaration of each SYM from FILE, as a move would\n"
	"cut it (comments and conditional groups included), all or nothing. Refused\n"
	"(exit 1, nothing changed) while any file of KDIR, FILE included, uses a SYM\n"
	"in code: one error per use, the first 20 shown.\n"
	"\n"
	"  -n         print what would change (lines prefixed \"would: \"), change nothing\n"
	"  -v         also print each moving declaration with its lines in FROM\n"
	"  -j N       threads for the tree scan (default: online CPUs)\n"
	"  --list     print each FILE's declarations as FILE:START-END: KIND NAME, KIND one of\n"
	"             macro, function, type, enum-constant, variable; START-END are the\n"
	"             lines that would move, comments included\n"
	"\n"
	"Exit: 0 moved or nothing to do, 1 refused, 2 usage or I/O error.\n";

/* A path relative to KDIR, normalized; "" allowed only when @dir. */
static char *rel_path(const char *what, const char *p, bool dir)
{
	char norm[PATH_MAX];

	if (*p == '/' || !path_normalize(p, norm, sizeof(norm)) || (!dir && !*norm))
		usage_error("%s '%s' is not a path relative to KDIR; write it like foo/bar.h",
			    what, p);
	return xstrdup(norm);
}

static int open_kdir(const char *kdir)
{
	int fd = open(kdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		usage_error("KDIR '%s': %s; pass the top directory of a tree", kdir, strerror(errno));
	return fd;
}

/* --list KDIR FILE...: an unreadable FILE is reported and the others listed. */
static int do_list(const char *kdir, char **files, size_t n)
{
	int fd = open_kdir(kdir), err, ret = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		struct mv_model m = { 0 };
		char *path = rel_path("FILE", files[i], false);

		err = mv_model_read(&m, fd, path);
		if (err) {
			fflush(stdout);
			ret = usage_fail("%s: cannot read: %s", path, strerror(err));
		} else {
			mv_list(stdout, &m);
			mv_model_free(&m);
		}
		free(path);
	}
	close(fd);
	return fflush(stdout) || ferror(stdout) ? 2 : ret;
}

static void push_syms(struct mv_opts *o, char **syms, size_t n, const char *verb)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_ident(syms[i], strlen(syms[i])))
			usage_error("'%s' is not a C identifier; name the symbols to %s", syms[i], verb);
		strv_push(&o->syms, &o->nsyms, syms[i]);
	}
}

/* --delete KDIR FILE SYM... */
static int delete_main(struct mv_opts *o, char **pos, size_t npos)
{
	int ret;

	if (o->nscopes || o->nincludes)
		usage_error("--delete takes no --scope or --include: every file of KDIR counts; usage: %s --delete [-n] [-v] KDIR FILE SYM...",
			    progname);
	if (npos < 3)
		usage_error("--delete needs KDIR FILE SYM...; usage: %s --delete [-n] [-v] KDIR FILE SYM...",
			    progname);
	o->delete = true;
	o->kdir = pos[0];
	o->from = rel_path("FILE", pos[1], false);
	push_syms(o, pos + 2, npos - 2, "delete");
	o->kdirfd = open_kdir(o->kdir);
	ret = mv_run(o);
	close(o->kdirfd);
	free(o->syms);
	free(o->from);
	free(pos);
	return ret;
}

int cmove_main(int argc, char **argv);

int cmove_main(int argc, char **argv)
{
	struct mv_opts o = { 0 };
	char **pos = NULL;
	size_t npos = 0, i;
	bool list = false, dashdash = false, del = false;
	int k, ret;

	progname = "cmove";
	o.jobs = online_cpus();
	for (k = 1; k < argc; k++) {
		const char *a = argv[k];

		if (dashdash || a[0] != '-' || !a[1]) {
			strv_push(&pos, &npos, argv[k]);
		} else if (!strcmp(a, "--")) {
			dashdash = true;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage_text, stdout);
			return 0;
		} else if (!strcmp(a, "-n") || !strcmp(a, "--dry-run")) {
			o.dry_run = true;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			o.verbose = true;
		} else if (!strcmp(a, "--list")) {
			list = true;
		} else if (!strcmp(a, "--delete")) {
			del = true;
		} else if (opt_is(a, "-j") || opt_is(a, "--jobs")) {
			o.jobs = parse_jobs(opt_value(argc, argv, &k, a[1] == 'j' ? "-j" : "--jobs"));
		} else if (opt_is(a, "--scope")) {
			strv_push(&o.scopes, &o.nscopes,
				  rel_path("--scope", opt_value(argc, argv, &k, "--scope"), true));
		} else if (opt_is(a, "--include")) {
			const char *h = opt_value(argc, argv, &k, "--include");

			if (!*h || strchr(h, '\n'))
				usage_error("--include '%s' is not a header; write it like linux/types.h", h);
			strv_push(&o.includes, &o.nincludes, (char *)h);
		} else {
			usage_error("unknown option '%s'; see '%s --help'", a, progname);
		}
	}
	if (list) {
		if (npos < 2 || o.dry_run || o.nscopes || o.nincludes || del)
			usage_error("--list takes KDIR and FILEs, no other option; usage: %s --list KDIR FILE...",
				    progname);
		ret = do_list(pos[0], pos + 1, npos - 1);
		free(pos);
		return ret;
	}
	if (del)
		return delete_main(&o, pos, npos);
	if (npos < 4)
		usage_error("need KDIR FROM TO SYM...; usage: %s [-n] [-v] [--scope DIR]... [--include HDR]... KDIR FROM TO SYM...",
			    progname);
	o.kdir = pos[0];
	o.from = rel_path("FROM", pos[1], false);
	o.to = rel_path("TO", pos[2], false);
	if (!strcmp(o.from, o.to))
		usage_error("FROM and TO are both %s; name two files", o.from);
	push_syms(&o, pos + 3, npos - 3, "move");
	if (!o.nscopes) {
		const char *slash = strrchr(o.to, '/');

		strv_push(&o.scopes, &o.nscopes,
			  xstrndup(o.to, slash ? (size_t)(slash - o.to) : 0));
	}
	o.kdirfd = open_kdir(o.kdir);
	ret = mv_run(&o);
	close(o.kdirfd);
	for (i = 0; i < o.nscopes; i++)
		free(o.scopes[i]);
	free(o.scopes);
	free(o.includes);
	free(o.syms);
	free(o.from);
	free(o.to);
	free(pos);
	return ret;
}

int main(int argc, char **argv)
{
	return cmove_main(argc, argv);
}
