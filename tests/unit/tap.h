/* SPDX-License-Identifier: GPL-2.0 */
/* Minimal TAP output for the C unit tests, read by prove. */
#ifndef TESTS_TAP_H
#define TESTS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed;

static __attribute__((format(printf, 2, 3))) int ok(int pass, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", pass ? "" : "not ", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	tap_failed += !pass;
	return pass;
}

/* Print @s as TAP diagnostics, one "#   " line per line. */
static void diag(const char *label, const char *s)
{
	printf("# %s:\n", label);
	while (*s) {
		const char *nl = strchr(s, '\n');
		int n = nl ? (int)(nl - s) : (int)strlen(s);

		printf("#   %.*s\n", n, s);
		s += n + (nl != NULL);
	}
}

static int is_str(const char *got, const char *want, const char *name)
{
	if (ok(strcmp(got, want) == 0, "%s", name))
		return 1;
	diag("got", got);
	diag("want", want);
	return 0;
}

static int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
