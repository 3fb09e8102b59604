// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the diagnostics module (src/lib/diag.c): each shape of
 * line, byte for byte, on the stream it goes to.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "tap.h"
#include "util.h"

static FILE *err_file;
static int saved_fd = -1;

/* Send stderr to a temporary file until err_end(). */
static void err_begin(void)
{
	err_file = tmpfile();
	if (!err_file)
		abort();
	fflush(stderr);
	saved_fd = dup(2);
	if (saved_fd < 0 || dup2(fileno(err_file), 2) < 0)
		abort();
}

/* What went to stderr since err_begin(), stderr put back; to be freed. */
static char *err_end(void)
{
	char *s;
	long n;

	fflush(stderr);
	if (dup2(saved_fd, 2) < 0)
		abort();
	close(saved_fd);
	n = ftell(err_file);
	s = xmalloc((size_t)(n > 0 ? n : 0) + 1);
	rewind(err_file);
	n = (long)fread(s, 1, (size_t)(n > 0 ? n : 0), err_file);
	s[n] = '\0';
	fclose(err_file);
	return s;
}

static void check_err(char *got, const char *want, const char *name)
{
	is_str(got, want, name);
	free(got);
}

/* A stream into memory: *@out once it is closed. */
static FILE *mem_open(char **out, size_t *n)
{
	FILE *f = open_memstream(out, n);

	if (!f)
		abort();
	return f;
}

static void test_stdout_shapes(void)
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = mem_open(&out, &n);

	diag_at(f, "mm/a.c", 3, 14, SEV_ERROR, "uses %s", "ALLOC_X");
	diag_at(f, "b.h", 1, 1, SEV_WARNING, "w");
	diag_at(f, "c.h", 10, 2, SEV_NOTE, "%d notes", 2);
	diag_prog(f, NULL, "and %d more", 3);
	diag_prog(f, "leak", "%zu error%s", (size_t)1, plural(1));
	fclose(f);
	is_str(out, "mm/a.c:3:14: error: uses ALLOC_X\n"
		    "b.h:1:1: warning: w\n"
		    "c.h:10:2: note: 2 notes\n"
		    "cscan: and 3 more\n"
		    "cscan leak: 1 error\n", "diag_at for each severity, diag_prog");
	free(out);
}

static void test_stderr(void)
{
	err_begin();
	diag_unreadable("x/y.c", ENOENT);
	check_err(err_end(), "x/y.c: error: cannot read: No such file or directory\n",
		  "diag_unreadable");

	err_begin();
	diag_file("z.c", "cannot write: %s; nothing renamed there", "full");
	check_err(err_end(), "z.c: error: cannot write: full; nothing renamed there\n",
		  "diag_file");

	err_begin();
	diag_error("KDIR has no %s", "mm/internal.h");
	check_err(err_end(), "cscan: error: KDIR has no mm/internal.h\n", "diag_error");

	progname = "cmove";
	err_begin();
	ok(usage_fail("FROM and TO are both %s", "a.h") == 2, "usage_fail returns 2");
	check_err(err_end(), "cmove: error: FROM and TO are both a.h\n",
		  "usage_fail: the program's name");
	progname = "cscan";
}

int main(void)
{
	test_stdout_shapes();
	test_stderr();
	ok(!strcmp(plural(0), "s") && !*plural(1) && !strcmp(plural(2), "s"), "plural");
	ok(!strcmp(severity_name(SEV_NOTE), "note"), "severity_name");
	return tap_done();
}
