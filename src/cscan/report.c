// SPDX-License-Identifier: GPL-2.0
/*
 * The findings of a mode, counted by severity, and its summary line; the
 * lines themselves are formatted by diag.c.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cscan.h"
#include "diag.h"
#include "util.h"

void report(struct report *r, const struct file *f, const struct hit *h,
	    enum severity sev, const char *fmt, ...)
{
	va_list ap;

	r->counts[sev]++;
	va_start(ap, fmt);
	diag_vat(stdout, f->path, h->line, h->col, sev, fmt, ap);
	va_end(ap);
}

bool report_io(struct report *r, const struct file *f)
{
	if (!f->err)
		return false;
	fflush(stdout);
	diag_unreadable(f->path, f->err);
	r->unreadable++;
	return true;
}

int report_done(struct report *r, bool show_warnings)
{
	size_t e = r->counts[SEV_ERROR], w = r->counts[SEV_WARNING], n = r->counts[SEV_NOTE];
	char ws[48] = "", us[48] = "";

	if (show_warnings || w)
		snprintf(ws, sizeof(ws), ", %zu warning%s", w, plural(w));
	if (r->unreadable)
		snprintf(us, sizeof(us), ", %zu unreadable", r->unreadable);
	diag_prog(stdout, r->mode, "%zu error%s%s, %zu note%s in %zu file%s%s", e, plural(e), ws,
		  n, plural(n), r->files, plural(r->files), us);
	if (fflush(stdout) || ferror(stdout))
		return 2;
	return e ? 1 : r->unreadable ? 2 : 0;
}
