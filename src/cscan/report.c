// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cscan.h"
#include "util.h"

static const char *const sev_names[] = {
	[SEV_ERROR] = "error",
	[SEV_WARNING] = "warning",
	[SEV_NOTE] = "note",
};

void report(struct report *r, const struct file *f, const struct hit *h,
	    enum severity sev, const char *fmt, ...)
{
	va_list ap;

	r->counts[sev]++;
	printf("%s:%u:%u: %s: ", f->path, h->line, h->col, sev_names[sev]);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

bool report_io(struct report *r, const struct file *f)
{
	if (!f->err)
		return false;
	fflush(stdout);
	fprintf(stderr, "%s: error: cannot read: %s\n", f->path, strerror(f->err));
	r->unreadable++;
	return true;
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

int report_done(struct report *r, bool show_warnings)
{
	size_t e = r->counts[SEV_ERROR], w = r->counts[SEV_WARNING], n = r->counts[SEV_NOTE];

	printf("%s %s: %zu error%s", progname, r->mode, e, plural(e));
	if (show_warnings || w)
		printf(", %zu warning%s", w, plural(w));
	printf(", %zu note%s in %zu file%s", n, plural(n), r->files, plural(r->files));
	if (r->unreadable)
		printf(", %zu unreadable", r->unreadable);
	putchar('\n');
	if (fflush(stdout) || ferror(stdout))
		return 2;
	return e ? 1 : r->unreadable ? 2 : 0;
}
