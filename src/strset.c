/*
 * strset: open addressing with linear probing, FNV-1a hashes, kept at most
 * half full so probes stay short.
 */
#include "likely/strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "likely/buf.h"
#include "likely/fnv.h"

struct slot {
	char *key; /* NULL: empty */
	long value;
	uint64_t hash;
};

struct strset {
	struct slot *slots;
	size_t cap; /* power of two */
	size_t count;
};


struct strset *strset_new(void)
{
	struct strset *s = xcalloc(1, sizeof *s);
	s->cap = 64;
	s->slots = xcalloc(s->cap, sizeof *s->slots);
	return s;
}

void strset_free(struct strset *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->cap; i++)
		free(s->slots[i].key);
	free(s->slots);
	free(s);
}

static struct slot *find_slot(struct slot *slots, size_t cap, const char *key,
			      uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);
	while (slots[i].key &&
	       (slots[i].hash != h || strcmp(slots[i].key, key) != 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static void grow(struct strset *s)
{
	size_t cap = s->cap * 2;
	struct slot *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].key)
			*find_slot(slots, cap, s->slots[i].key, s->slots[i].hash) =
				s->slots[i];
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
}

bool strset_add(struct strset *s, const char *key, long value, long *existing)
{
	uint64_t h = fnv1a_str(FNV1A_START, key);
	struct slot *slot = find_slot(s->slots, s->cap, key, h);
	if (slot->key) {
		if (existing)
			*existing = slot->value;
		return false;
	}
	slot->key = xstrdup(key);
	slot->value = value;
	slot->hash = h;
	if (++s->count * 2 > s->cap)
		grow(s);
	return true;
}

bool strset_get(const struct strset *s, const char *key, long *value)
{
	struct slot *slot = find_slot(s->slots, s->cap, key, fnv1a_str(FNV1A_START, key));
	if (slot->key && value)
		*value = slot->value;
	return slot->key != NULL;
}

