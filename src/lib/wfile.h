/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Writing a file whole: the new content goes to a temporary file beside it,
 * which is then renamed over it, so that a reader never sees half of it.
 */
#ifndef SRC_LIB_WFILE_H
#define SRC_LIB_WFILE_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Write @n bytes at @p to a new temporary file beside @path (named after it
 * and the program) with @mode; its name in *@tmp, NULL on failure. 0 or an
 * errno value.
 */
int write_temp(const char *path, const char *p, size_t n, mode_t mode, char **tmp);

/* Replace the content of @path, keeping its mode, as above. 0 or an errno value. */
int replace_file(const char *path, const char *p, size_t n);

#endif
