/*
 * utf8: a strict UTF-8 validator (RFC 3629 / Unicode Table 3-7) that can
 * be fed a stream in chunks of any size, so a page is checked once, as it
 * is read, without holding it in memory.
 *
 * Rejected: stray continuation bytes, overlong forms (C0, C1, E0 80..9F,
 * F0 80..8F), UTF-16 surrogates (ED A0..BF), code points above U+10FFFF
 * (F4 90.., F5..FF), and a sequence cut short by a non-continuation byte
 * or by the end of the stream.  The offset reported is that of the first
 * byte of the ill-formed sequence, counted from the start of the stream.
 */
#ifndef LIKELY_UTF8_H
#define LIKELY_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct utf8_validator {
	unsigned long long offset;    /* bytes accepted so far */
	unsigned long long seq_start; /* stream offset of the pending lead byte */
	unsigned need;                /* continuation bytes still expected */
	unsigned char lo, hi;         /* allowed range of the next one */
	bool failed;
	unsigned long long bad_offset; /* valid once failed */
};

void utf8_init(struct utf8_validator *v);
/*
 * Checks the next len bytes of the stream.  Returns true while everything
 * seen is well-formed (a sequence may still be pending across the chunk
 * boundary).  Returns false on the first ill-formed sequence, sets
 * v->failed and v->bad_offset, and keeps returning false afterwards.
 */
bool utf8_feed(struct utf8_validator *v, const void *data, size_t len);
/*
 * Ends the stream.  Returns false when it was ill-formed, including a
 * sequence left incomplete at the end (bad_offset = its lead byte).
 */
bool utf8_finish(struct utf8_validator *v);
/*
 * One-shot check of a whole buffer.  Returns true when valid; otherwise
 * false with *bad_offset (if not NULL) set to the first bad byte's offset.
 */
bool utf8_valid(const void *data, size_t len, size_t *bad_offset);
/*
 * Length in bytes of the well-formed character that starts at s (at most
 * n bytes available), or 0 when the bytes there are not one.
 */
size_t utf8_char_len(const void *s, size_t n);
/*
 * The code point of the well-formed character at s (at most n bytes
 * available) into *cp, returning its length in bytes, or 0 when the bytes
 * there are not one (overlong forms, surrogates, past U+10FFFF, cut off).
 */
size_t utf8_decode(const void *s, size_t n, uint32_t *cp);

#endif
