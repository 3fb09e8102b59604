// SPDX-License-Identifier: GPL-2.0
/*
 * All or nothing: every new content goes to a temporary file next to its
 * target first; only when all are written are they renamed over, and a
 * rename that fails puts back, from memory, what was renamed before it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "move.h"
#include "util.h"
#include "wfile.h"

static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* Put back @e (renamed already): its old content, or no file. */
static void restore(const char *full, const struct mv_edit *e, mode_t mode)
{
	char *tmp;
	int err;

	if (!e->old) {
		if (unlink(full))
			diag_error("cannot remove %s: %s", full, strerror(errno));
		return;
	}
	err = write_temp(full, e->old, e->oldlen, mode, &tmp);
	if (!err && rename(tmp, full))
		err = errno;
	if (err) {
		diag_error("cannot restore %s: %s", full, strerror(err));
		if (tmp)
			unlink(tmp);
	}
	free(tmp);
}

int mv_write_all(const char *kdir, const struct mv_edits *e)
{
	char **full = xmalloc((e->n + 1) * sizeof(*full));
	char **tmp = xmalloc((e->n + 1) * sizeof(*tmp));
	mode_t *mode = xmalloc((e->n + 1) * sizeof(*mode));
	size_t i, done = 0;
	int ret = 0, err = 0;

	memset(tmp, 0, (e->n + 1) * sizeof(*tmp));
	for (i = 0; i < e->n; i++)
		full[i] = xasprintf("%s/%s", kdir, e->v[i].path);
	for (i = 0; i < e->n; i++) {
		struct stat st;

		if (e->v[i].old) {
			if (stat(full[i], &st)) {
				err = errno;
				break;
			}
			mode[i] = st.st_mode & 07777;
		} else {
			mode[i] = new_file_mode();
		}
		err = write_temp(full[i], e->v[i].new, e->v[i].newlen, mode[i], &tmp[i]);
		if (err)
			break;
	}
	if (err) {
		diag_error("cannot write %s: %s; nothing changed", full[i], strerror(err));
		ret = 2;
		goto out;
	}
	for (i = 0; i < e->n; i++) {
		if (!e->v[i].old && access(full[i], F_OK) == 0) {
			err = EEXIST;
			break;
		}
		if (rename(tmp[i], full[i])) {
			err = errno;
			break;
		}
		free(tmp[i]);
		tmp[i] = NULL;
		done++;
	}
	if (err) {
		diag_error("cannot replace %s: %s; putting back what changed", full[i],
			   strerror(err));
		for (i = 0; i < done; i++)
			restore(full[i], &e->v[i], mode[i]);
		ret = 2;
	}
out:
	for (i = 0; i < e->n; i++) {
		if (tmp[i])
			unlink(tmp[i]);
		free(tmp[i]);
		free(full[i]);
	}
	free(full);
	free(tmp);
	free(mode);
	return ret;
}

void mv_edits_free(struct mv_edits *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		free(e->v[i].path);
		free(e->v[i].old);
		free(e->v[i].new);
		free(e->v[i].msg);
	}
	free(e->v);
	memset(e, 0, sizeof(*e));
}
