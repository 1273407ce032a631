/*
 * splitmix.h: the test-data generators' random numbers (splitmix64:
 * small, fast, good enough for test data, and the same sequence for the
 * same seed everywhere, so a generated file can be made again).
 */
#ifndef LIKELY_TESTS_SPLITMIX_H
#define LIKELY_TESTS_SPLITMIX_H

#include <stdint.h>

static uint64_t rng_state;

/* A number in [0, n). */
static inline uint32_t rnd(uint32_t n)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z ^= z >> 31;
	return (uint32_t)(z % n);
}

#endif
