// SPDX-License-Identifier: GPL-2.0
/*
 * The cut, in memory: with the moving items chosen, what TO gets (in
 * FROM's order, conditional groups moved whole or copied around what
 * leaves them, spacing kept) and which lines FROM loses (with the blank
 * lines that separated only moving pieces, and no doubled blank line
 * where they were).
 */
#include <stdlib.h>
#include <string.h>

#include "move.h"
#include "util.h"

/* has[] and whole[] of group @g, from the inside out. */
static void weigh_group(struct mv_cut *c, uint32_t g)
{
	const struct mv_group *gr = &c->m->groups[g];
	bool has = false, whole = gr->endif != MV_NONE;
	uint32_t b;
	size_t k;

	for (b = 0; b < gr->ndirs; b++) {
		for (k = 0; k < gr->br[b].n; k++) {
			uint32_t u = gr->br[b].v[k];

			if (u & MV_GROUP) {
				weigh_group(c, u & ~MV_GROUP);
				has |= c->has[u & ~MV_GROUP];
				whole &= c->whole[u & ~MV_GROUP];
			} else {
				has |= c->moved[u];
				whole &= c->moved[u];
			}
		}
	}
	c->has[g] = has;
	c->whole[g] = has && whole;
}

static void put_blanks(struct mv_cut *c, uint32_t from, uint32_t to)
{
	if (from <= to)
		mv_put_lines(&c->body, c->m, from, to);
}

static bool all_blank(const struct mv_model *m, uint32_t from, uint32_t to)
{
	for (; from <= to; from++)
		if (!mv_blank(m, from))
			return false;
	return true;
}

static void emit_seq(struct mv_cut *c, const struct mv_seq *q, uint32_t open_last, uint32_t close_first);

/* A copy of the directives of group @g around what moves out of it. */
static void emit_copy(struct mv_cut *c, uint32_t g)
{
	const struct mv_model *m = c->m;
	const struct mv_group *gr = &m->groups[g];
	uint32_t b, lastb = 0;
	size_t k;

	for (b = 0; b < gr->ndirs; b++)
		for (k = 0; k < gr->br[b].n; k++) {
			uint32_t u = gr->br[b].v[k];

			if ((u & MV_GROUP) ? c->has[u & ~MV_GROUP] : c->moved[u])
				lastb = b;
		}
	for (b = 0; b <= lastb; b++) {
		const struct mv_item *d = &m->items[gr->dirs[b]];
		uint32_t close = b + 1 < gr->ndirs ? m->items[gr->dirs[b + 1]].first :
			m->items[gr->endif].first;

		mv_put_lines(&c->body, m, d->first, d->last);
		emit_seq(c, &gr->br[b], d->last, close);
	}
	mv_put_lines(&c->body, m, m->items[gr->endif].first, m->items[gr->endif].last);
}

/*
 * What moves out of the sequence @q, in order, into the body; FROM loses
 * it. Consecutive pieces keep the blank lines between them; pieces that
 * were apart get one blank line at the top level, and inside a group at
 * most the one above the later piece. @open_last and @close_first are the
 * lines of the directives around a branch (0 at the top level).
 */
static void emit_seq(struct mv_cut *c, const struct mv_seq *q, uint32_t open_last, uint32_t close_first)
{
	const struct mv_model *m = c->m;
	uint32_t prev = 0, lead, last, l;
	bool any = false;
	size_t k;

	for (k = 0; k < q->n; k++) {
		uint32_t u = q->v[k], g = u & ~MV_GROUP;
		bool copy = false;

		if (u & MV_GROUP) {
			if (!c->has[g])
				continue;
			copy = !c->whole[g];
			lead = copy ? m->items[m->groups[g].dirs[0]].first : mv_unit_lead(m, u);
		} else {
			if (!c->moved[u])
				continue;
			lead = m->items[u].lead;
		}
		last = mv_unit_last(m, u);
		if (any && all_blank(m, prev + 1, lead - 1)) {
			put_blanks(c, prev + 1, lead - 1);
		} else if (any && !open_last) {
			mv_puts(&c->body, "\n");
		} else if (any) {
			if (lead > 1 && mv_blank(m, lead - 1))
				mv_puts(&c->body, "\n");
		} else if (open_last && all_blank(m, open_last + 1, lead - 1)) {
			put_blanks(c, open_last + 1, lead - 1);
		}
		if (copy) {
			emit_copy(c, g);
		} else {
			mv_put_lines(&c->body, m, lead, last);
			for (l = lead; l <= last; l++)
				c->removed[l] = true;
		}
		prev = last;
		any = true;
	}
	if (any && close_first && all_blank(m, prev + 1, close_first - 1))
		put_blanks(c, prev + 1, close_first - 1);
}

/*
 * FROM without what moved, and without the blank lines that separated
 * only moved pieces: where a block went, at most one blank line stays,
 * and none right inside a conditional directive or at the ends of the file.
 */
static void tidy_blanks(struct mv_cut *c)
{
	const struct mv_model *m = c->m;
	uint32_t n = m->nlines, l, a, b;
	bool *opener = calloc(n + 2, sizeof(bool)), *closer = calloc(n + 2, sizeof(bool));
	size_t i;

	if (!opener || !closer)
		die_oom();
	for (i = 0; i < m->nitems; i++) {
		const struct mv_item *it = &m->items[i];

		if (it->guard || it->dir_of == MV_NONE)
			continue;
		if (it->kind == MI_IF || it->kind == MI_ELSE)
			opener[it->last] = true;
		if (it->kind == MI_ELSE || it->kind == MI_ENDIF)
			closer[it->first] = true;
	}
	/* blank runs with moved lines on both sides */
	for (l = 1; l <= n; l++) {
		if (c->removed[l] || !mv_blank(m, l))
			continue;
		for (b = l; b + 1 <= n && !c->removed[b + 1] && mv_blank(m, b + 1); b++)
			;
		if (l > 1 && c->removed[l - 1] && b < n && c->removed[b + 1])
			for (a = l; a <= b; a++)
				c->removed[a] = true;
		l = b;
	}
	for (l = 1; l <= n; l++) {
		bool bb, ab;

		if (!c->removed[l])
			continue;
		a = l;
		for (b = l; b + 1 <= n && c->removed[b + 1]; b++)
			;
		bb = a > 1 && mv_blank(m, a - 1);
		ab = b < n && mv_blank(m, b + 1);
		if (ab && (bb || a == 1 || opener[a - 1]))
			c->removed[b + 1] = true;
		else if (bb && (b == n || closer[b + 1]))
			c->removed[a - 1] = true;
		l = b + 1;
	}
	free(opener);
	free(closer);
}

void mv_cut_init(struct mv_cut *c, const struct mv_model *m)
{
	memset(c, 0, sizeof(*c));
	c->m = m;
	c->moved = calloc(m->nitems + 1, sizeof(bool));
	c->has = calloc(m->ngroups + 1, sizeof(bool));
	c->whole = calloc(m->ngroups + 1, sizeof(bool));
	c->removed = calloc(m->nlines + 2, sizeof(bool));
	if (!c->moved || !c->has || !c->whole || !c->removed)
		die_oom();
}

void mv_cut_run(struct mv_cut *c)
{
	size_t i;

	for (i = 0; i < c->m->ngroups; i++)
		if (c->m->groups[i].parent == MV_NONE)
			weigh_group(c, (uint32_t)i);
	emit_seq(c, &c->m->root, 0, 0);
	tidy_blanks(c);
}

void mv_cut_free(struct mv_cut *c)
{
	free(c->moved);
	free(c->has);
	free(c->whole);
	free(c->removed);
	free(c->body.p);
	memset(c, 0, sizeof(*c));
}
