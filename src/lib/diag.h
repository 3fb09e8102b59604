/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every diagnostic line cscan and cmove print is formatted here, in one of
 * four shapes:
 *
 *   path:line:col: error|warning|note: message  a finding (diag_at)
 *   path: error: message                        a file's I/O error (diag_file)
 *   PROGNAME: error: message                    a usage or I/O error
 *                                               (diag_error, usage_fail)
 *   PROGNAME[ MODE]: message                    a count or summary (diag_prog)
 *
 * Nothing here flushes stdout: a caller whose stderr lines must come after
 * what it printed on stdout so far flushes first.
 */
#ifndef SRC_LIB_DIAG_H
#define SRC_LIB_DIAG_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

enum severity { SEV_ERROR, SEV_WARNING, SEV_NOTE };

/* "error", "warning" or "note". */
const char *severity_name(enum severity sev);

/* "path:line:col: severity: message" and a newline on @out. */
void diag_at(FILE *out, const char *path, uint32_t line, uint32_t col, enum severity sev,
	     const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void diag_vat(FILE *out, const char *path, uint32_t line, uint32_t col, enum severity sev,
	      const char *fmt, va_list ap)
	__attribute__((format(printf, 6, 0)));

/* "path: error: message" and a newline on stderr. */
void diag_file(const char *path, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "path: error: cannot read: strerror(err)" on stderr. */
void diag_unreadable(const char *path, int err);

/* "PROGNAME: error: message" and a newline on stderr. */
void diag_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/*
 * "PROGNAME: error: message" on stderr, for a usage or I/O error:
 * usage_fail() returns 2, the exit status, usage_error() exits 2.
 */
int usage_fail(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
_Noreturn void usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* "PROGNAME: message", or "PROGNAME MODE: message" with a @mode, on @out. */
void diag_prog(FILE *out, const char *mode, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* "s" unless @n is 1: "1 error", "2 errors". */
const char *plural(size_t n);

#endif
