// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
#include "wfile.h"

static int write_full(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int write_temp(const char *path, const char *p, size_t n, mode_t mode, char **tmp)
{
	const char *slash = strrchr(path, '/');
	int fd, err;

	/* mkstemp() replaces the six X's with a unique suffix. */
	*tmp = xasprintf("%.*s.%s.%s-XXXXXX", slash ? (int)(slash - path + 1) : 0, path,
			 slash ? slash + 1 : path, progname);
	fd = mkstemp(*tmp);
	if (fd < 0) {
		err = errno;
		free(*tmp);
		*tmp = NULL;
		return err;
	}
	err = write_full(fd, p, n);
	if (!err && fchmod(fd, mode))
		err = errno;
	if (close(fd) && !err)
		err = errno;
	if (err) {
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
	}
	return err;
}

int replace_file(const char *path, const char *p, size_t n)
{
	struct stat st;
	char *tmp;
	int err;

	if (stat(path, &st))
		return errno;
	err = write_temp(path, p, n, st.st_mode & 07777, &tmp);
	if (err)
		return err;
	if (rename(tmp, path)) {
		err = errno;
		unlink(tmp);
	}
	free(tmp);
	return err;
}
