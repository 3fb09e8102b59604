// SPDX-License-Identifier: GPL-2.0
/*
 * Needles that share a long prefix (FOO_*, __foo_get*) collapse into
 * one anchor, so the common case is a handful of anchors. Up to MAX_SIMD
 * anchors are searched in one pass with SSE2 "packed pairs": for each
 * anchor, compare 16 positions at once on its two rarest bytes (by their
 * frequency in kernel C) and verify the few candidates with memcmp. More
 * anchors, or no SSE2, use a bitset of each anchor's first two bytes.
 * Needles are identifiers or file names, so a match must start a word:
 * "FOO_" must not match inside "XFOO_".
 */
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "filter.h"
#include "util.h"

#define MIN_ANCHOR 4
#define MAX_SIMD 8

struct anchor {
	const char *s;
	size_t len;
	size_t i1, i2;		/* offsets of the two rarest bytes */
};

/* Rank of each byte by its frequency in the kernel's C sources (255: most). */
static const uint8_t byte_rank[256] = {
	  0,   1,   2,   3,   4,   5,   6,   7,   8, 248, 251,   9, 151,  10,  11,  12,	/* 0x00 */
	 13,  14,  15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,	/* 0x10 */
	255, 168, 192, 209, 161, 169, 181, 164, 215, 216, 214, 171, 220, 200, 198, 199,	/* 0x20 */
	252, 217, 212, 203, 197, 186, 188, 182, 189, 177, 176, 208, 173, 204, 194, 163,	/* 0x30 */
	165, 242, 211, 245, 229, 247, 222, 219, 207, 235, 166, 201, 227, 232, 234, 231,	/* 0x40 */
	233, 178, 239, 237, 244, 218, 195, 187, 196, 190, 180, 175, 183, 174, 160, 254,	/* 0x50 */
	159, 238, 205, 236, 241, 253, 228, 213, 210, 250, 167, 202, 226, 224, 246, 230,	/* 0x60 */
	223, 179, 243, 240, 249, 225, 206, 193, 221, 191, 172, 185, 170, 184, 162,  29,	/* 0x70 */
	157, 116, 144,  30, 109,  31, 145,  32, 141, 110,  33,  34, 117,  35,  36, 111,	/* 0x80 */
	133, 128, 123, 146, 156,  37, 112,  38, 124, 139, 104,  39, 147, 149,  40, 125,	/* 0x90 */
	152, 138, 118,  41, 143,  42, 105, 121, 129, 153,  43, 106, 119,  44, 136, 113,	/* 0xa0 */
	142,  45, 126, 137, 120, 148, 150, 127, 107, 114, 122,  46, 135,  47,  48,  49,	/* 0xb0 */
	 50,  51, 155, 154,  52, 130,  53,  54,  55,  56,  57,  58,  59,  60, 140,  61,	/* 0xc0 */
	 62,  63,  64,  65,  66,  67,  68,  69,  70,  71,  72,  73,  74,  75,  76,  77,	/* 0xd0 */
	 78,  79, 158,  80,  81, 131, 134, 132,  82, 115,  83,  84,  85,  86,  87, 108,	/* 0xe0 */
	 88,  89,  90,  91,  92,  93,  94,  95,  96,  97,  98,  99, 100, 101, 102, 103,	/* 0xf0 */
};

void filter_add(struct filter *f, const char *s, size_t len)
{
	GROW(f->needles, f->nneedles + 1, f->cap);
	f->needles[f->nneedles++] = xstrndup(s, len);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int anchor_cmp(const void *a, const void *b)
{
	const struct anchor *x = a, *y = b;

	return (unsigned char)x->s[0] - (unsigned char)y->s[0];
}

static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;

	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

static void pick_pair(struct anchor *a)
{
	size_t i;

	a->i1 = 0;
	a->i2 = a->len > 1 ? 1 : 0;
	for (i = 0; i < a->len; i++) {
		uint8_t r = byte_rank[(unsigned char)a->s[i]];

		if (r < byte_rank[(unsigned char)a->s[a->i1]]) {
			if (i != a->i1)
				a->i2 = a->i1;
			a->i1 = i;
		} else if (i != a->i1 && (a->i2 == a->i1 ||
					  r < byte_rank[(unsigned char)a->s[a->i2]])) {
			a->i2 = i;
		}
	}
}

void filter_build(struct filter *f)
{
	size_t i, j;

	qsort(f->needles, f->nneedles, sizeof(*f->needles), str_cmp);
	f->anchors = xmalloc((f->nneedles + 1) * sizeof(*f->anchors));
	for (i = 0; i < f->nneedles; i++) {
		const char *s = f->needles[i];
		struct anchor *last = f->n ? &f->anchors[f->n - 1] : NULL;
		size_t lcp = last ? common_prefix(last->s, s) : 0;

		if (!*s)
			continue;
		if (last && lcp >= last->len)
			continue;	/* the last anchor is a prefix of s */
		if (last && lcp >= MIN_ANCHOR) {
			last->len = lcp;
			continue;
		}
		f->anchors[f->n++] = (struct anchor){ .s = s, .len = strlen(s) };
	}
	/* An anchor containing another one is redundant. */
	for (i = 0; i < f->n; i++) {
		for (j = 0; j < f->n; j++) {
			if (i != j && f->anchors[j].len <= f->anchors[i].len &&
			    memmem(f->anchors[i].s, f->anchors[i].len,
				   f->anchors[j].s, f->anchors[j].len) &&
			    (f->anchors[j].len < f->anchors[i].len || j < i))
				break;
		}
		if (j < f->n) {
			f->anchors[i--] = f->anchors[--f->n];
			continue;
		}
		pick_pair(&f->anchors[i]);
		if (f->anchors[i].len > f->maxlen)
			f->maxlen = f->anchors[i].len;
	}
	/* by first byte, for match_at() */
	qsort(f->anchors, f->n, sizeof(*f->anchors), anchor_cmp);
	for (i = 0, j = 0; i < 256; i++) {
		f->first[i] = j;
		while (j < f->n && (unsigned char)f->anchors[j].s[0] == i)
			j++;
	}
	f->first[256] = j;
	f->pairs = xmalloc(1024 * sizeof(*f->pairs));
	memset(f->pairs, 0, 1024 * sizeof(*f->pairs));
	for (i = 0; i < f->n; i++) {
		const unsigned char *s = (const unsigned char *)f->anchors[i].s;
		unsigned int h;

		if (f->anchors[i].len < 2) {
			/* every pair starting with this byte */
			for (h = s[0]; h < 65536; h += 256)
				f->pairs[h >> 6] |= 1ull << (h & 63);
			continue;
		}
		h = s[0] | (unsigned int)s[1] << 8;
		f->pairs[h >> 6] |= 1ull << (h & 63);
	}
}

static bool word_byte(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       c == '_';
}

/* Does an anchor start a word at @p (in a buffer starting at @buf)? */
static bool match_at(const struct filter *f, const char *buf, const char *p, size_t left)
{
	size_t i;
	unsigned char c = (unsigned char)p[0];

	if (p > buf && word_byte(p[-1]))
		return false;
	for (i = f->first[c]; i < f->first[c + 1]; i++)
		if (f->anchors[i].len <= left && memcmp(p, f->anchors[i].s, f->anchors[i].len) == 0)
			return true;
	return false;
}

static bool scan_pairs(const struct filter *f, const char *buf, size_t len, size_t p)
{
	const unsigned char *u = (const unsigned char *)buf;

	for (; p + 1 < len; p++) {
		unsigned int h = u[p] | (unsigned int)u[p + 1] << 8;

		if ((f->pairs[h >> 6] >> (h & 63) & 1) && match_at(f, buf, buf + p, len - p))
			return true;
	}
	return p < len && match_at(f, buf, buf + p, len - p);
}

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_AVX2 1
/* 32 positions at a time: compiled for AVX2, used when the CPU has it. */
__attribute__((target("avx2")))
static bool scan_avx2(const struct filter *f, const char *buf, size_t len)
{
	__m256i v1[MAX_SIMD], v2[MAX_SIMD];
	size_t i, p = 0;

	for (i = 0; i < f->n; i++) {
		v1[i] = _mm256_set1_epi8(f->anchors[i].s[f->anchors[i].i1]);
		v2[i] = _mm256_set1_epi8(f->anchors[i].s[f->anchors[i].i2]);
	}
	for (; p + 32 + f->maxlen <= len; p += 32) {
		for (i = 0; i < f->n; i++) {
			const struct anchor *a = &f->anchors[i];
			__m256i x = _mm256_loadu_si256((const void *)(buf + p + a->i1));
			__m256i y = _mm256_loadu_si256((const void *)(buf + p + a->i2));
			unsigned int m = (unsigned int)_mm256_movemask_epi8(
				_mm256_and_si256(_mm256_cmpeq_epi8(x, v1[i]), _mm256_cmpeq_epi8(y, v2[i])));

			for (; m; m &= m - 1) {
				const char *q = buf + p + __builtin_ctz(m);

				if (memcmp(q, a->s, a->len) == 0 && (q == buf || !word_byte(q[-1])))
					return true;
			}
		}
	}
	return scan_pairs(f, buf, len, p);
}
#endif

bool filter_any(const struct filter *f, const char *buf, size_t len)
{
	if (!f->n)
		return false;
#ifdef HAVE_AVX2
	if (f->n <= MAX_SIMD && __builtin_cpu_supports("avx2"))
		return scan_avx2(f, buf, len);
#endif
	return scan_pairs(f, buf, len, 0);
}

void filter_free(struct filter *f)
{
	size_t i;

	for (i = 0; i < f->nneedles; i++)
		free(f->needles[i]);
	free(f->needles);
	free(f->anchors);
	free(f->pairs);
	memset(f, 0, sizeof(*f));
}
