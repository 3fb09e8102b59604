// SPDX-License-Identifier: GPL-2.0
/*
 * The one place where diagnostic lines are formatted (diag.h). Nothing here
 * allocates, so that die_oom() can report through it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

static const char *const sev_names[] = {
	[SEV_ERROR] = "error",
	[SEV_WARNING] = "warning",
	[SEV_NOTE] = "note",
};

const char *severity_name(enum severity sev)
{
	return sev_names[sev];
}

const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* The message and a newline. */
static void vline(FILE *out, const char *fmt, va_list ap)
{
	vfprintf(out, fmt, ap);
	fputc('\n', out);
}

void diag_vat(FILE *out, const char *path, uint32_t line, uint32_t col, enum severity sev,
	      const char *fmt, va_list ap)
{
	fprintf(out, "%s:%u:%u: %s: ", path, line, col, severity_name(sev));
	vline(out, fmt, ap);
}

void diag_at(FILE *out, const char *path, uint32_t line, uint32_t col, enum severity sev,
	     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(out, path, line, col, sev, fmt, ap);
	va_end(ap);
}

void diag_file(const char *path, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: error: ", path);
	va_start(ap, fmt);
	vline(stderr, fmt, ap);
	va_end(ap);
}

void diag_unreadable(const char *path, int err)
{
	diag_file(path, "cannot read: %s", strerror(err));
}

static void verror(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: error: ", progname);
	vline(stderr, fmt, ap);
}

void diag_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
}

int usage_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
	return 2;
}

_Noreturn void usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
	exit(2);
}

void diag_prog(FILE *out, const char *mode, const char *fmt, ...)
{
	va_list ap;

	fprintf(out, "%s%s%s: ", progname, mode ? " " : "", mode ? mode : "");
	va_start(ap, fmt);
	vline(out, fmt, ap);
	va_end(ap);
}
