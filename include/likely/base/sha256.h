/*
 * sha256: the SHA-256 hash of FIPS 180-4, small and dependency-free, for
 * the digest that lets a published scorecard be rebuilt and checked
 * (SPEC §7).  Streaming: init, any number of updates, final.
 */
#ifndef LIKELY_SHA256_H
#define LIKELY_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_LEN 32
#define SHA256_HEX_LEN    65 /* 64 hex digits and the NUL */

struct sha256 {
	/* the compression function over n 64-byte blocks at p: plain C or
	 * the processor's SHA instructions */
	void (*blocks)(uint32_t h[8], const unsigned char *p, size_t n);
	uint32_t h[8];
	uint64_t bytes;          /* message length so far */
	unsigned char block[64]; /* the partial block */
	size_t fill;             /* bytes in block */
};

/* Starts a new hash, with the processor's SHA instructions where it has
 * them.  Cannot fail. */
void sha256_init(struct sha256 *s);
/* The same in plain C always (for the tests, which run both). */
void sha256_init_plain(struct sha256 *s);
/* Adds len bytes of data (len may be 0).  Cannot fail. */
void sha256_update(struct sha256 *s, const void *data, size_t len);
/* Finishes the hash into out; s must be initialised again before reuse. */
void sha256_final(struct sha256 *s, unsigned char out[SHA256_DIGEST_LEN]);
/* Finishes the hash into out as 64 lowercase hex digits and a NUL. */
void sha256_final_hex(struct sha256 *s, char out[SHA256_HEX_LEN]);

#endif
