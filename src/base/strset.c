/*
 * strset: open addressing with linear probing over FNV-1a hashes.
 *
 * Sized for the largest user, import's set of every id in a ledger (ten
 * million of them at most, we hope): the keys sit one after another in one
 * arena, each after its value, and a slot is one 64-bit word, the key's
 * place in the arena (low 40 bits, plus one: 0 is an empty slot) and 24
 * bits of its hash, so most probes that miss never touch the arena.  That
 * is 8 bytes a slot, at most 3/4 full, against 24 bytes a slot, half full,
 * and a malloc'd copy of each key before: about 40 instead of 130 bytes
 * for a 16-character id (1.4 GiB for ten million ids before).
 */
#include "likely/base/strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/base/fnv.h"

#define OFFSET_BITS 40
#define OFFSET_MASK ((UINT64_C(1) << OFFSET_BITS) - 1)

struct strset {
	uint64_t *slots;
	size_t cap; /* power of two */
	size_t count;
	struct buf arena; /* per key: its long value, its bytes, a NUL */
};

/* FNV-1a, then MurmurHash3's 64-bit finaliser: FNV alone leaves the low
 * bits, which pick the slot, alike for keys that differ only in their last
 * characters (g0000001, g0000002, ...), and linear probing then walks long
 * runs of taken slots (a tenth of an import's time at a million ids). */
static uint64_t hash_str(const char *s)
{
	uint64_t h = fnv1a_str(FNV1A_START, s);
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* The slot's tag: the hash's top 24 bits, in the slot's top 24 bits. */
static uint64_t tag_of(uint64_t h)
{
	return h & ~OFFSET_MASK;
}

static const char *key_at(const struct strset *s, uint64_t slot)
{
	return s->arena.data + ((slot & OFFSET_MASK) - 1) + sizeof(long);
}

static long value_at(const struct strset *s, uint64_t slot)
{
	long v;
	memcpy(&v, s->arena.data + ((slot & OFFSET_MASK) - 1), sizeof v);
	return v;
}

struct strset *strset_new(void)
{
	struct strset *s = xcalloc(1, sizeof *s);
	s->cap = 64;
	s->slots = xcalloc(s->cap, sizeof *s->slots);
	buf_init(&s->arena);
	return s;
}

void strset_free(struct strset *s)
{
	if (!s)
		return;
	free(s->slots);
	buf_release(&s->arena);
	free(s);
}

/* The slot holding key, or the empty slot where it would go. */
static uint64_t *find_slot(const struct strset *s, const char *key, uint64_t h)
{
	size_t i = (size_t)h & (s->cap - 1);
	uint64_t tag = tag_of(h);
	while (s->slots[i] &&
	       (tag_of(s->slots[i]) != tag || strcmp(key_at(s, s->slots[i]), key) != 0))
		i = (i + 1) & (s->cap - 1);
	return &s->slots[i];
}

static void grow(struct strset *s)
{
	uint64_t *old = s->slots;
	size_t old_cap = s->cap;
	s->cap *= 2;
	s->slots = xcalloc(s->cap, sizeof *s->slots);
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i])
			continue;
		size_t j = (size_t)hash_str(key_at(s, old[i])) & (s->cap - 1);
		while (s->slots[j])
			j = (j + 1) & (s->cap - 1);
		s->slots[j] = old[i];
	}
	free(old);
}

bool strset_add(struct strset *s, const char *key, long value, long *existing)
{
	uint64_t h = hash_str(key);
	uint64_t *slot = find_slot(s, key, h);
	if (*slot) {
		if (existing)
			*existing = value_at(s, *slot);
		return false;
	}
	/* 40 bits of offset: a terabyte of keys, far past any memory */
	uint64_t at = s->arena.len;
	buf_add(&s->arena, &value, sizeof value);
	buf_add(&s->arena, key, strlen(key) + 1);
	*slot = tag_of(h) | (at + 1);
	if (++s->count * 4 > s->cap * 3)
		grow(s);
	return true;
}

bool strset_get(const struct strset *s, const char *key, long *value)
{
	uint64_t *slot = find_slot(s, key, hash_str(key));
	if (*slot && value)
		*value = value_at(s, *slot);
	return *slot != 0;
}

void strset_prefetch(const struct strset *s, const char *key)
{
#if defined(__GNUC__) || defined(__clang__)
	__builtin_prefetch(&s->slots[(size_t)hash_str(key) & (s->cap - 1)]);
#else
	(void)s;
	(void)key;
#endif
}

size_t strset_count(const struct strset *s)
{
	return s->count;
}
