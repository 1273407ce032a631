/*
 * suggest: the closest known name to a mistyped one, for "did you mean"
 * in usage errors.  Names are a few dozen short words, so a plain dynamic
 * programme over three rows on the stack is all it needs.
 */
#include "likely/cli/suggest.h"

#include <string.h>

#include "likely/base/buf.h"

static size_t min2(size_t a, size_t b)
{
	return a < b ? a : b;
}

size_t suggest_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	/* rows i-2, i-1 and i of the distance table, indexed by j */
	size_t rows[3][SUGGEST_MAX_LEN + 1];

	if (alen > SUGGEST_MAX_LEN || blen > SUGGEST_MAX_LEN)
		return SUGGEST_MAX_LEN + 1;
	for (size_t j = 0; j <= blen; j++)
		rows[0][j] = j;
	for (size_t i = 1; i <= alen; i++) {
		size_t *cur = rows[i % 3], *prev = rows[(i - 1) % 3], *prev2 = rows[(i + 1) % 3];
		cur[0] = i;
		for (size_t j = 1; j <= blen; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t d = min2(min2(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
				d = min2(d, prev2[j - 2] + 1);
			cur[j] = d;
		}
	}
	return rows[alen % 3][blen];
}

void suggest_init(struct suggest *s, const char *typed, size_t len)
{
	memset(s, 0, sizeof *s);
	s->typed = typed;
	s->typed_len = len;
	s->best_dist = SUGGEST_MAX_LEN + 1;
}

/* How far name is from what was typed, counting a typed word that starts
 * the name ("--dry" for "--dry-run") as one edit. */
static size_t distance_to(const struct suggest *s, const char *name, size_t len)
{
	size_t d = suggest_distance(s->typed, s->typed_len, name, len);
	if (s->typed_len >= 3 && s->typed_len < len && d > 1 &&
	    memcmp(s->typed, name, s->typed_len) == 0)
		d = 1;
	return d;
}

void suggest_offer(struct suggest *s, const char *name, size_t len)
{
	size_t d = distance_to(s, name, len);
	if (d == s->best_dist && s->best &&
	    (s->best_len != len || memcmp(s->best, name, len) != 0)) {
		s->tied = true;
	} else if (d < s->best_dist) {
		s->best = name;
		s->best_len = len;
		s->best_dist = d;
		s->tied = false;
	}
}

const char *suggest_best(const struct suggest *s, size_t *len)
{
	size_t allowed = s->typed_len <= 5 ? 1 : 2;
	if (!s->best || s->tied || s->best_dist == 0 || s->best_dist > allowed)
		return NULL;
	*len = s->best_len;
	return s->best;
}

void suggest_hint(const struct suggest *s, const char *prefix, struct buf *out)
{
	size_t len;
	const char *name = suggest_best(s, &len);
	if (name)
		buf_printf(out, " (did you mean '%s%.*s'?)", prefix, (int)len, name);
}
