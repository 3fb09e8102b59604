// SPDX-License-Identifier: GPL-2.0
/*
 * cscan: the toolkit's C symbol scanner. Command line parsing only; each
 * mode lives in its own file.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cscan.h"
#include "diag.h"
#include "util.h"

static const char usage_text[] =
	"usage: cscan leak --private HEADER[=GLOB[,GLOB...]]... [-j N] [-v] [--list-symbols] [--audit]\n"
	"                  [--exclude DIR]... KDIR [FILE...]\n"
	"       cscan api --allow SYM=DIR[,DIR...]... [-j N] [--exclude DIR]... KDIR [FILE...]\n"
	"       cscan refs [-l | --rename] [-j N] [--exclude DIR]... KDIR SYM... [-- FILE...]\n"
	"       cscan tokens FILE\n"
	"\n"
	"  leak    private symbols used outside their directory. Each --private\n"
	"          HEADER (e.g. foo/bar.h) makes names private to its directory\n"
	"          (foo/): without GLOBs all it declares, and an #include reaching\n"
	"          it from outside is an error; with GLOBs (shell patterns, FOO_*)\n"
	"          the names that match one, and such an #include is a note naming\n"
	"          what it exposes. Names that include/ or arch/*/include/ declare\n"
	"          are public. Code references are errors; comment mentions and own\n"
	"          definitions are notes; inside the directory, an EXPORT_SYMBOL*\n"
	"          of a function that a header without GLOBs declares is an error.\n"
	"          --audit adds the other names of GLOB headers, as warnings;\n"
	"          -v (stderr) or --list-symbols (instead of the scan) print the set.\n"
	"  api     code references of each SYM outside its DIRs are errors.\n"
	"  refs    code references of the SYMs, as path:line:col: SYM sorted by\n"
	"          position; -l prints only the paths. Exit 0 found or not.\n"
	"          --rename: each SYM is OLD=NEW, and each reference found is\n"
	"          also renamed in its file, in place, nothing else changed (a\n"
	"          name split by a line continuation is left, with a warning).\n"
	"  tokens  the declarations and the token stream of FILE, one a line.\n"
	"\n"
	"Paths are relative to KDIR. FILE arguments (files or directories; relative\n"
	"to KDIR or to the current directory, or absolute) restrict the scan; without\n"
	"them every .c and .h file of KDIR is read. Member names, strings and\n"
	"comments are never code references.\n"
	"-j N: threads (default: online CPUs). Exit: 0 clean, 1 errors found,\n"
	"2 usage or I/O error (1 wins when errors were found anyway).\n";

static char *dup_dir(const char *d)
{
	char norm[PATH_MAX];

	if (*d == '/' || !path_normalize(d, norm, sizeof(norm)) || !*norm)
		usage_error("'%s' is not a directory relative to KDIR; write it like foo/", d);
	return xstrdup(norm);
}

static void parse_allow(struct cli *c, const char *arg)
{
	const char *eq = strchr(arg, '=');
	struct allow *a;
	char *dirs, *d, *save = NULL;

	size_t i;

	if (!eq || eq == arg || !eq[1])
		usage_error("--allow '%s' is malformed; write --allow SYM=DIR[,DIR...]", arg);
	/* the same SYM twice: its directories add up */
	for (i = 0; i < c->nallows; i++)
		if (strlen(c->allows[i].sym) == (size_t)(eq - arg) &&
		    !strncmp(c->allows[i].sym, arg, (size_t)(eq - arg)))
			break;
	if (i == c->nallows) {
		c->allows = xrealloc(c->allows, (c->nallows + 1) * sizeof(*c->allows));
		a = &c->allows[c->nallows++];
		memset(a, 0, sizeof(*a));
		a->sym = xstrndup(arg, (size_t)(eq - arg));
	}
	a = &c->allows[i];
	dirs = xstrdup(eq + 1);
	for (d = strtok_r(dirs, ",", &save); d; d = strtok_r(NULL, ",", &save)) {
		a->dirs = xrealloc(a->dirs, (a->ndirs + 1) * sizeof(*a->dirs));
		a->dirs[a->ndirs++] = dup_dir(d);
	}
	free(dirs);
	if (!a->ndirs)
		usage_error("--allow '%s' names no directory; write --allow SYM=DIR[,DIR...]", arg);
}

static void add_private(struct cli *c, const char *arg)
{
	struct priv p;
	size_t i;

	priv_parse(&p, arg);
	for (i = 0; i < c->nprivs; i++)
		if (!strcmp(c->privs[i].header, p.header))
			usage_error("--private %s given twice; give it once, its GLOBs joined by commas",
				    p.header);
	c->privs = xrealloc(c->privs, (c->nprivs + 1) * sizeof(*c->privs));
	c->privs[c->nprivs++] = p;
}

static void check_option(const struct cli *c, const char *opt, const char *modes)
{
	if (!strstr(modes, c->mode))
		usage_error("%s does not apply to '%s'; see '%s --help'", opt, c->mode, progname);
}

static void parse_args(struct cli *c, int argc, char **argv)
{
	char **pos = NULL;
	size_t npos = 0, i;
	bool dashdash = false;
	int k;

	for (k = 2; k < argc; k++) {
		const char *a = argv[k];

		if (dashdash || a[0] != '-' || !a[1]) {
			if (dashdash)
				strv_push(&c->files, &c->nfiles, argv[k]);
			else
				strv_push(&pos, &npos, argv[k]);
		} else if (!strcmp(a, "--")) {
			check_option(c, "--", "refs");
			dashdash = true;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage_text, stdout);
			exit(0);
		} else if (opt_is(a, "-j") || opt_is(a, "--jobs")) {
			c->jobs = parse_jobs(opt_value(argc, argv, &k, a[1] == 'j' ? "-j" : "--jobs"));
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			c->verbose = true;
		} else if (!strcmp(a, "-l")) {
			check_option(c, a, "refs");
			c->list_files = true;
		} else if (!strcmp(a, "--rename")) {
			check_option(c, a, "refs");
			c->rename = true;
		} else if (!strcmp(a, "--audit")) {
			check_option(c, a, "leak");
			c->audit = true;
		} else if (!strcmp(a, "--list-symbols")) {
			check_option(c, a, "leak");
			c->list_symbols = true;
		} else if (opt_is(a, "--allow")) {
			check_option(c, "--allow", "api");
			parse_allow(c, opt_value(argc, argv, &k, "--allow"));
		} else if (opt_is(a, "--private")) {
			check_option(c, "--private", "leak");
			add_private(c, opt_value(argc, argv, &k, "--private"));
		} else if (opt_is(a, "--exclude")) {
			strv_push(&c->excludes, &c->nexcludes,
				  dup_dir(opt_value(argc, argv, &k, "--exclude")));
		} else {
			usage_error("unknown option '%s'; see '%s --help'", a, progname);
		}
	}
	if (!npos)
		usage_error("%s needs KDIR; usage: %s %s [options] KDIR%s", c->mode, progname,
			    c->mode, strcmp(c->mode, "refs") ? " [FILE...]" : " SYM...");
	c->kdir = pos[0];
	for (i = 1; i < npos; i++) {
		if (!strcmp(c->mode, "refs"))
			strv_push(&c->syms, &c->nsyms, pos[i]);
		else
			strv_push(&c->files, &c->nfiles, pos[i]);
	}
	free(pos);
	if (c->rename && c->list_files)
		usage_error("-l and --rename do not go together; drop -l, which stops at a file's first reference");
	if (!strcmp(c->mode, "refs") && !c->nsyms)
		usage_error("refs needs at least one SYM; usage: %s refs [-l] KDIR SYM... [-- FILE...]",
			    progname);
	if (!strcmp(c->mode, "api") && !c->nallows)
		usage_error("api needs at least one --allow SYM=DIR[,DIR...]; e.g. --allow foo_alloc=foo/");
	if (!strcmp(c->mode, "leak") && !c->nprivs)
		usage_error("leak needs at least one --private HEADER[=GLOB[,GLOB...]]; e.g. --private foo/bar.h='FOO_*'");
}

static void open_kdir(struct cli *c)
{
	c->kdirfd = open(c->kdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (c->kdirfd < 0)
		usage_error("KDIR '%s': %s; pass the top directory of a kernel tree",
			    c->kdir, strerror(errno));
	c->kdir_real = realpath(c->kdir, NULL);
	if (!c->kdir_real)
		usage_error("KDIR '%s': %s; pass the top directory of a kernel tree",
			    c->kdir, strerror(errno));
}

static void cli_free(struct cli *c)
{
	size_t i, j;

	for (i = 0; i < c->nexcludes; i++)
		free(c->excludes[i]);
	for (i = 0; i < c->nallows; i++) {
		for (j = 0; j < c->allows[i].ndirs; j++)
			free(c->allows[i].dirs[j]);
		free(c->allows[i].dirs);
		free(c->allows[i].sym);
	}
	free(c->allows);
	for (i = 0; i < c->nprivs; i++)
		priv_free(&c->privs[i]);
	free(c->privs);
	free(c->excludes);
	free(c->files);
	free(c->syms);
	free(c->kdir_real);
}

int main(int argc, char **argv)
{
	struct cli c = { .jobs = 0 };
	int ret;

	if (argc < 2)
		usage_error("no mode given; usage: %s leak|api|refs|tokens ... (see --help)",
			    progname);
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs(usage_text, stdout);
		return 0;
	}
	c.mode = argv[1];
	if (!strcmp(c.mode, "tokens")) {
		if (argc != 3 || argv[2][0] == '-')
			usage_error("tokens takes exactly one FILE; usage: %s tokens FILE", progname);
		return mode_tokens(argv[2]);
	}
	if (strcmp(c.mode, "leak") && strcmp(c.mode, "api") && strcmp(c.mode, "refs"))
		usage_error("unknown mode '%s'; use leak, api, refs or tokens", c.mode);
	c.jobs = online_cpus();
	parse_args(&c, argc, argv);
	open_kdir(&c);
	if (!strcmp(c.mode, "leak"))
		ret = mode_leak(&c);
	else if (!strcmp(c.mode, "api"))
		ret = mode_api(&c);
	else
		ret = mode_refs(&c);
	close(c.kdirfd);
	cli_free(&c);
	return ret;
}
