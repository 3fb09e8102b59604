// SPDX-License-Identifier: GPL-2.0
/*
 * The tree walk builds the whole file list first (readdir is cheap next to
 * reading the files); the pool then hands out list entries to threads
 * through one atomic counter, so the order of work never affects results.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
#include "walk.h"

struct file *files_add(struct filelist *fl, char *path, unsigned int flags)
{
	struct file *f;

	GROW(fl->v, fl->n + 1, fl->cap);
	f = &fl->v[fl->n++];
	memset(f, 0, sizeof(*f));
	f->path = path;
	f->flags = flags;
	return f;
}

static bool wanted(const char *name)
{
	size_t n = strlen(name);

	return n > 2 && name[n - 2] == '.' && (name[n - 1] == 'c' || name[n - 1] == 'h');
}

/* Walk the directory @fd (closed here) whose path is @path ("" for KDIR). */
static void walk_dir(int fd, const char *path, struct filelist *fl)
{
	DIR *d = fdopendir(fd);
	struct dirent *de;

	if (!d) {
		files_add(fl, xstrdup(*path ? path : "."), 0)->err = errno;
		close(fd);
		return;
	}
	while ((errno = 0, de = readdir(d)) != NULL) {
		unsigned char type = de->d_type;
		char *sub;

		if (de->d_name[0] == '.')
			continue;
		if (type == DT_UNKNOWN) {
			struct stat st;

			if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW))
				continue;
			type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
		}
		if (type == DT_REG && wanted(de->d_name)) {
			files_add(fl, *path ? xasprintf("%s/%s", path, de->d_name)
					    : xstrdup(de->d_name), 0);
		} else if (type == DT_DIR) {
			int sfd = openat(dirfd(d), de->d_name,
					 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

			sub = *path ? xasprintf("%s/%s", path, de->d_name) : xstrdup(de->d_name);
			if (sfd < 0)
				files_add(fl, xstrdup(sub), 0)->err = errno;
			else
				walk_dir(sfd, sub, fl);
			free(sub);
		}
	}
	if (errno)
		files_add(fl, xstrdup(*path ? path : "."), 0)->err = errno;
	closedir(d);
}

void walk_tree(int kdirfd, const char *sub, struct filelist *fl)
{
	int fd = openat(kdirfd, *sub ? sub : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0)
		walk_dir(fd, sub, fl);
	else if (errno != ENOENT && errno != ENOTDIR)
		files_add(fl, xstrdup(*sub ? sub : "."), 0)->err = errno;
}

bool files_add_arg(int kdirfd, const char *kdir, const char *arg, struct filelist *fl)
{
	char norm[PATH_MAX], *real, *rel = NULL;
	struct stat st;
	size_t n = strlen(kdir), i, first = fl->n;
	bool outside = false;

	if (arg[0] != '/' && fstatat(kdirfd, arg, &st, 0) == 0 &&
	    path_normalize(arg, norm, sizeof(norm))) {
		rel = xstrdup(norm);
	} else {
		real = realpath(arg, NULL);
		if (!real || stat(real, &st)) {
			free(real);
			return false;
		}
		if (strncmp(real, kdir, n) == 0 && (real[n] == '/' || !real[n]))
			rel = xstrdup(real[n] ? real + n + 1 : "");
		free(real);
		outside = !rel;
	}
	if (!S_ISDIR(st.st_mode)) {
		files_add(fl, outside ? xstrdup(arg) : rel, outside ? F_OUTSIDE : 0);
		return true;
	}
	/* a directory: its .c and .h files */
	walk_tree(outside ? AT_FDCWD : kdirfd, outside ? arg : rel, fl);
	for (i = first; outside && i < fl->n; i++)
		fl->v[i].flags |= F_OUTSIDE;
	free(rel);
	return true;
}

static int file_cmp(const void *pa, const void *pb)
{
	const struct file *a = pa, *b = pb;

	return strcmp(a->path, b->path);
}

void files_sort(struct filelist *fl)
{
	size_t i, o = 0;

	if (fl->n > 1)
		qsort(fl->v, fl->n, sizeof(*fl->v), file_cmp);
	for (i = 0; i < fl->n; i++) {
		if (o && strcmp(fl->v[o - 1].path, fl->v[i].path) == 0) {
			fl->v[o - 1].flags &= fl->v[i].flags;
			free(fl->v[i].path);
			continue;
		}
		fl->v[o++] = fl->v[i];
	}
	fl->n = o;
}

void files_free(struct filelist *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++) {
		free(fl->v[i].path);
		hits_free(&fl->v[i].hits);
		free(fl->v[i].aux);
	}
	free(fl->v);
	memset(fl, 0, sizeof(*fl));
}

int read_at(int dirfd, const char *path, struct rbuf *b)
{
	int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	int err = 0;

	b->len = 0;
	if (fd < 0)
		return errno;
	if (fstat(fd, &st)) {
		err = errno;
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		err = EISDIR;
		goto out;
	}
	/* st_size is a hint only: the file may grow or be a pipe. */
	b->p = grow(b->p, &b->cap, (S_ISREG(st.st_mode) ? (size_t)st.st_size : 0) + 2, 1);
	for (;;) {
		ssize_t r;

		if (b->cap - b->len < 2)
			b->p = grow(b->p, &b->cap, b->cap + 1, 1);
		r = read(fd, b->p + b->len, b->cap - b->len - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			err = errno;
			break;
		}
		if (r == 0)
			break;
		b->len += (size_t)r;
		/* all of a regular file: spare the read() that would return 0 */
		if (S_ISREG(st.st_mode) && b->len == (size_t)st.st_size)
			break;
	}
	b->p[b->len] = '\0';
out:
	close(fd);
	return err;
}

static void *pool_thread(void *arg)
{
	struct worker w = { .pool = arg };
	struct pool *p = w.pool;
	size_t i;

	while ((i = atomic_fetch_add(&p->next, 1)) < p->files->n) {
		struct file *f = &p->files->v[i];

		f->err = read_at(f->flags & F_OUTSIDE ? AT_FDCWD : p->kdirfd, f->path, &w.buf);
		if (!f->err)
			p->fn(&w, f);
	}
	lex_free(&w.lx);
	free(w.tv.v);
	free(w.buf.p);
	free(w.priv);
	return NULL;
}

void pool_run(struct pool *p)
{
	size_t n = p->jobs > 0 ? (size_t)p->jobs : 1, i, started = 0;
	pthread_t *tids;

	atomic_store(&p->next, 0);
	if (n > p->files->n)
		n = p->files->n;
	if (n <= 1) {
		pool_thread(p);
		return;
	}
	tids = xmalloc(n * sizeof(*tids));
	for (i = 0; i < n; i++)
		if (pthread_create(&tids[started], NULL, pool_thread, p) == 0)
			started++;
	if (!started)
		pool_thread(p);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	free(tids);
}
