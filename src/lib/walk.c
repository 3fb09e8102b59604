// SPDX-License-Identifier: GPL-2.0
/*
 * The pool's threads take batches of files from a queue: slices of a list
 * built beforehand, or what the tree walk has found so far, so that reading
 * starts while the walk goes on. Results stay with each file and are put in
 * path order afterwards: the order of work never shows.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
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

/* "dir/name", or "name" when @dir is empty: cheaper than a printf. */
static char *join(const char *dir, const char *name)
{
	size_t d = strlen(dir), n = strlen(name);
	char *p = xmalloc(d + n + 2);

	if (d) {
		memcpy(p, dir, d);
		p[d++] = '/';
	}
	memcpy(p + d, name, n + 1);
	return p;
}

#define BATCH 64

struct batch {
	struct batch *next;	/* in the queue */
	struct batch *all;	/* the walk's batches, collected at the end */
	struct file *v;
	size_t n;
	bool slice;		/* of a list built beforehand: freed once done */
};

struct walk_queue {
	pthread_mutex_t lock;
	pthread_cond_t ready;
	struct batch *head;
	struct batch **tail;
	bool done;		/* nothing more will come */
};

/* Where the walk puts what it finds: a list, or batches for a pool. */
struct sink {
	struct filelist *fl;
	struct pool *pool;
	struct batch *cur;	/* being filled */
	struct batch *all;
};

static void queue_push(struct walk_queue *q, struct batch *b)
{
	pthread_mutex_lock(&q->lock);
	b->next = NULL;
	*q->tail = b;
	q->tail = &b->next;
	pthread_cond_signal(&q->ready);
	pthread_mutex_unlock(&q->lock);
}

static void queue_close(struct walk_queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->done = true;
	pthread_cond_broadcast(&q->ready);
	pthread_mutex_unlock(&q->lock);
}

static struct batch *queue_pop(struct walk_queue *q)
{
	struct batch *b;

	pthread_mutex_lock(&q->lock);
	while (!q->head && !q->done)
		pthread_cond_wait(&q->ready, &q->lock);
	b = q->head;
	if (b) {
		q->head = b->next;
		if (!q->head)
			q->tail = &q->head;
	}
	pthread_mutex_unlock(&q->lock);
	return b;
}

/* Take @path (allocated), with @err when it could not be read. */
static void sink_add(struct sink *s, char *path, int err)
{
	struct file *f;

	if (!s->pool) {
		files_add(s->fl, path, 0)->err = err;
		return;
	}
	if (s->pool->keep && !s->pool->keep(path, s->pool->keep_arg)) {
		free(path);
		return;
	}
	if (!s->cur) {
		s->cur = xmalloc(sizeof(*s->cur));
		*s->cur = (struct batch){ .all = s->all, .v = xmalloc(BATCH * sizeof(*f)) };
		s->all = s->cur;
	}
	f = &s->cur->v[s->cur->n++];
	memset(f, 0, sizeof(*f));
	f->path = path;
	f->err = err;
	if (s->cur->n == BATCH) {
		queue_push(s->pool->q, s->cur);
		s->cur = NULL;
	}
}

/* Walk the directory @fd (closed here) whose path is @path ("" for KDIR). */
static void walk_dir(int fd, const char *path, struct sink *s)
{
	DIR *d = fdopendir(fd);
	struct dirent *de;

	if (!d) {
		sink_add(s, xstrdup(*path ? path : "."), errno);
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
			sink_add(s, join(path, de->d_name), 0);
		} else if (type == DT_DIR) {
			int sfd = openat(dirfd(d), de->d_name,
					 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

			sub = join(path, de->d_name);
			if (sfd < 0)
				sink_add(s, xstrdup(sub), errno);
			else
				walk_dir(sfd, sub, s);
			free(sub);
		}
	}
	if (errno)
		sink_add(s, xstrdup(*path ? path : "."), errno);
	closedir(d);
}

static void walk_root(int kdirfd, const char *sub, struct sink *s)
{
	int fd = openat(kdirfd, *sub ? sub : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0)
		walk_dir(fd, sub, s);
	else if (errno != ENOENT && errno != ENOTDIR)
		sink_add(s, xstrdup(*sub ? sub : "."), errno);
}

void walk_tree(int kdirfd, const char *sub, struct filelist *fl)
{
	struct sink s = { .fl = fl };

	walk_root(kdirfd, sub, &s);
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
	struct batch *b;
	size_t i;

	while ((b = queue_pop(p->q)) != NULL) {
		for (i = 0; i < b->n; i++) {
			struct file *f = &b->v[i];

			if (!f->err)
				f->err = read_at(f->flags & F_OUTSIDE ? AT_FDCWD : p->kdirfd,
						 f->path, &w.buf);
			if (!f->err)
				p->fn(&w, f);
		}
		if (b->slice)
			free(b);
	}
	lex_free(&w.lx);
	free(w.tv.v);
	free(w.buf.p);
	free(w.priv);
	return NULL;
}

/* Run @n threads on the queue while @feed (on this thread) fills it. */
static void pool_go(struct pool *p, size_t n, void (*feed)(struct pool *p, void *ctx), void *ctx)
{
	struct walk_queue q = { .tail = &q.head };
	pthread_t *tids = xmalloc((n ? n : 1) * sizeof(*tids));
	size_t i, started = 0;

	pthread_mutex_init(&q.lock, NULL);
	pthread_cond_init(&q.ready, NULL);
	p->q = &q;
	for (i = 0; i < n; i++)
		if (pthread_create(&tids[started], NULL, pool_thread, p) == 0)
			started++;
	feed(p, ctx);
	queue_close(&q);
	if (!started)
		pool_thread(p);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	free(tids);
	pthread_cond_destroy(&q.ready);
	pthread_mutex_destroy(&q.lock);
	p->q = NULL;
}

static void feed_list(struct pool *p, void *ctx)
{
	size_t i;

	(void)ctx;
	for (i = 0; i < p->files->n; i += BATCH) {
		struct batch *b = xmalloc(sizeof(*b));

		*b = (struct batch){ .v = &p->files->v[i], .slice = true,
				     .n = p->files->n - i < BATCH ? p->files->n - i : BATCH };
		queue_push(p->q, b);
	}
}

static void feed_walk(struct pool *p, void *ctx)
{
	struct sink *s = ctx;

	walk_root(p->kdirfd, "", s);
	if (s->cur)
		queue_push(p->q, s->cur);
}

static size_t threads(const struct pool *p)
{
	return p->jobs > 0 ? (size_t)p->jobs : 1;
}

void pool_run(struct pool *p)
{
	size_t n = threads(p);

	/* one thread, or one batch: no need for more threads than this one */
	pool_go(p, n > 1 && p->files->n > BATCH ? n : 0, feed_list, NULL);
}

void pool_walk(struct pool *p)
{
	struct sink s = { .pool = p };
	struct batch *b;

	pool_go(p, threads(p), feed_walk, &s);
	while ((b = s.all) != NULL) {
		size_t i;

		for (i = 0; i < b->n; i++)
			*files_add(p->files, NULL, 0) = b->v[i];
		s.all = b->all;
		free(b->v);
		free(b);
	}
}
