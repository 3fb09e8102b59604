// SPDX-License-Identifier: GPL-2.0
/* Open addressing with linear probing; the table stays at most half full. */
#include <stdlib.h>
#include <string.h>

#include "nameset.h"
#include "util.h"

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static size_t probe(const struct nameset *s, const char *name, size_t len, uint32_t h)
{
	size_t i = h & s->mask;

	for (;; i = (i + 1) & s->mask) {
		uint32_t id = s->slots[i];

		if (!id)
			return i;
		id--;
		if (s->names[id].hash == h && strncmp(s->names[id].s, name, len) == 0 &&
		    s->names[id].s[len] == '\0')
			return i;
	}
}

uint32_t nameset_find(const struct nameset *s, const char *name, size_t len)
{
	uint32_t id;

	if (!(s->lens >> (len & 63) & 1))
		return NAME_NONE;
	id = s->slots[probe(s, name, len, hash(name, len))];
	return id ? id - 1 : NAME_NONE;
}

static void rehash(struct nameset *s, size_t size)
{
	size_t i;

	free(s->slots);
	s->slots = xmalloc(size * sizeof(*s->slots));
	memset(s->slots, 0, size * sizeof(*s->slots));
	s->mask = size - 1;
	for (i = 0; i < s->n; i++)
		s->slots[probe(s, s->names[i].s, strlen(s->names[i].s), s->names[i].hash)] =
			(uint32_t)i + 1;
}

uint32_t nameset_add(struct nameset *s, const char *name, size_t len)
{
	uint32_t h = hash(name, len);
	size_t i;

	if ((s->n + 1) * 2 > s->mask + 1)
		rehash(s, s->slots ? (s->mask + 1) * 2 : 64);
	i = probe(s, name, len, h);
	if (s->slots[i])
		return s->slots[i] - 1;
	GROW(s->names, s->n + 1, s->cap);
	s->names[s->n].s = xstrndup(name, len);
	s->names[s->n].hash = h;
	s->lens |= 1ull << (len & 63);
	s->slots[i] = (uint32_t)++s->n;
	return (uint32_t)(s->n - 1);
}

void nameset_free(struct nameset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->names[i].s);
	free(s->names);
	free(s->slots);
	memset(s, 0, sizeof(*s));
}
