/*
 * fnv: FNV-1a, 64-bit (Fowler, Noll, Vo), the program's one string hash.
 * Stable across platforms and runs, so it also makes the forecast ids
 * (ledger_make_id); the hash tables use it too (text_hash, strset).
 */
#ifndef LIKELY_FNV_H
#define LIKELY_FNV_H

#include <stddef.h>
#include <stdint.h>

#define FNV1A_START UINT64_C(0xcbf29ce484222325)

static inline uint64_t fnv1a_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * UINT64_C(0x100000001b3);
}

/* h advanced over the len bytes at p */
static inline uint64_t fnv1a(uint64_t h, const void *p, size_t len)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < len; i++)
		h = fnv1a_byte(h, s[i]);
	return h;
}

/* h advanced over the NUL-terminated s */
static inline uint64_t fnv1a_str(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = fnv1a_byte(h, (unsigned char)*s);
	return h;
}

#endif
