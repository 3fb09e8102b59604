// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: cmove's view of a file and the cut of a move, on any
 * bytes. Besides the sanitizers, it checks that items come in file order
 * without sharing a line, each with its comment block above it and below
 * the item before; that --list prints; and that a cut of every other item
 * that may move takes from the file only lines that the destination gets,
 * in the same order.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "move.h"

static void check_items(const struct mv_model *m)
{
	uint32_t prev = 0;
	size_t i;

	for (i = 0; i < m->nitems; i++) {
		const struct mv_item *it = &m->items[i];

		if (it->lead < 1 || it->lead > it->first || it->first > it->last ||
		    it->last > m->nlines || it->lead <= prev || it->tok0 >= it->tok1)
			abort();
		prev = it->last;
	}
	for (i = 0; i < m->ngroups; i++) {
		const struct mv_group *g = &m->groups[i];
		uint32_t d;

		for (d = 1; d < g->ndirs; d++)
			if (g->dirs[d] <= g->dirs[d - 1])
				abort();
		if (g->endif != MV_NONE && g->endif <= g->dirs[g->ndirs - 1])
			abort();
	}
}

/* May item @i move: no directive of a group, not tangled, every group around it closed? */
static bool movable(const struct mv_model *m, size_t i)
{
	const struct mv_item *it = &m->items[i];
	uint32_t g;

	if (it->guard || it->tangled || it->dir_of != MV_NONE)
		return false;
	for (g = it->group; g != MV_NONE; g = m->groups[g].parent)
		if (m->groups[g].endif == MV_NONE)
			return false;
	return true;
}

static size_t line_len(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);

	return nl ? (size_t)(nl - s) + 1 : n;
}

/* The removed lines, blank ones aside, are a subsequence of the body's lines. */
static void check_cut(const struct mv_model *m, const struct mv_cut *c)
{
	const char *b = c->body.p ? c->body.p : "";
	size_t blen = c->body.len, off = 0;
	uint32_t l;

	for (l = 1; l <= m->nlines; l++) {
		const struct mv_line *ln = &m->lines[l - 1];
		size_t n = ln->len;

		if (!c->removed[l] || mv_blank(m, l))
			continue;
		if (n && m->buf[ln->off + n - 1] == '\n')
			n--;
		for (;;) {
			size_t k;

			if (off >= blen)
				abort();
			k = line_len(b + off, blen - off);
			if (k - (b[off + k - 1] == '\n') == n && !memcmp(b + off, m->buf + ln->off, n)) {
				off += k;
				break;
			}
			off += k;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct mv_model m = { 0 };
	struct mv_cut c;
	char *buf = malloc(size + 1);
	size_t i;

	if (!buf)
		abort();
	if (!null)
		null = fopen("/dev/null", "w");
	memcpy(buf, data, size);
	buf[size] = '\0';
	mv_model_build(&m, "fuzz.h", buf, size);
	check_items(&m);
	if (null)
		mv_list(null, &m);
	mv_cut_init(&c, &m);
	for (i = 0; i < m.nitems; i++)
		c.moved[i] = (i + size) % 2 && movable(&m, i);
	mv_cut_run(&c);
	check_cut(&m, &c);
	mv_cut_free(&c);
	mv_model_free(&m);
	return 0;
}
