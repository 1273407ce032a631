/*
 * hash8: a 64-bit hash that takes eight bytes a step, for long texts
 * where FNV-1a (fnv.h), a byte a step, costs too much: the digest of an
 * article's sentences, the runs of runset.  Not for the forecast ids,
 * which are FNV-1a for good.
 *
 * A step: h rotated left by 29 bits, XOR the next eight bytes read as a
 * little-endian number, times 0x9E3779B97F4A7C15 (2^64 over the golden
 * ratio, odd).  hash8 takes a text's whole eight-byte words so, then the
 * last 0-7 bytes zero-filled as one more word, then the text's length as
 * one more, and ends with h XOR h >> 32.  The same on every machine and
 * in every run (tests/unit/test_hash8.c pins values); not a
 * cryptographic hash.
 */
#ifndef LIKELY_HASH8_H
#define LIKELY_HASH8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define HASH8_START UINT64_C(0x6C696B656C790a01) /* "likely", 0x0a, 0x01 */

/* The eight bytes at p as a little-endian number, whatever the machine. */
static inline uint64_t hash8_load(const void *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

/* The n < 8 bytes at p the same way, the missing bytes zero. */
static inline uint64_t hash8_load_part(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t w = 0;
	for (size_t k = n; k-- > 0;)
		w = w << 8 | s[k];
	return w;
}

/* One step: h advanced over the eight bytes w. */
static inline uint64_t hash8_step(uint64_t h, uint64_t w)
{
	h = (h << 29 | h >> 35) ^ w;
	return h * UINT64_C(0x9E3779B97F4A7C15);
}

/* h advanced over the len bytes at p (a text's digest: from HASH8_START,
 * one call per part, each part's length counted in). */
static inline uint64_t hash8(uint64_t h, const void *p, size_t len)
{
	const unsigned char *s = p;
	size_t i = 0;
	for (; len - i >= 8; i += 8)
		h = hash8_step(h, hash8_load(s + i));
	h = hash8_step(h, hash8_load_part(s + i, len - i));
	h = hash8_step(h, (uint64_t)len);
	return h ^ h >> 32;
}

#endif
