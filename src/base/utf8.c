/*
 * utf8: byte-at-a-time state machine over Unicode Table 3-7 (the
 * well-formed byte sequences), with an eight-byte ASCII fast path; runs
 * of ASCII dominate real pages, so the whole-word test keeps validation
 * far above the rest of the pipeline (NOTES-dependencies.md: 1.7 GB/s).
 */
#include "likely/base/utf8.h"

#include <stdint.h>
#include <string.h>

void utf8_init(struct utf8_validator *v)
{
	memset(v, 0, sizeof *v);
}

static bool fail(struct utf8_validator *v, unsigned long long at)
{
	v->failed = true;
	v->bad_offset = at;
	return false;
}

bool utf8_feed(struct utf8_validator *v, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i = 0;
	if (v->failed)
		return false;
	while (i < len) {
		if (v->need == 0) {
			/* fast path: eight ASCII bytes at once */
			while (i + 8 <= len) {
				uint64_t w;
				memcpy(&w, p + i, 8);
				if (w & UINT64_C(0x8080808080808080))
					break;
				i += 8;
			}
			if (i >= len)
				break;
			unsigned char c = p[i];
			if (c < 0x80) {
				i++;
				continue;
			}
			v->seq_start = v->offset + i;
			if (c >= 0xC2 && c <= 0xDF) {
				v->need = 1;
				v->lo = 0x80;
				v->hi = 0xBF;
			} else if (c == 0xE0) {
				v->need = 2;
				v->lo = 0xA0;
				v->hi = 0xBF;
			} else if (c == 0xED) {
				v->need = 2;
				v->lo = 0x80;
				v->hi = 0x9F;
			} else if (c >= 0xE1 && c <= 0xEF) {
				v->need = 2;
				v->lo = 0x80;
				v->hi = 0xBF;
			} else if (c == 0xF0) {
				v->need = 3;
				v->lo = 0x90;
				v->hi = 0xBF;
			} else if (c >= 0xF1 && c <= 0xF3) {
				v->need = 3;
				v->lo = 0x80;
				v->hi = 0xBF;
			} else if (c == 0xF4) {
				v->need = 3;
				v->lo = 0x80;
				v->hi = 0x8F;
			} else {
				v->offset += i;
				return fail(v, v->seq_start);
			}
			i++;
			continue;
		}
		unsigned char c = p[i];
		if (c < v->lo || c > v->hi) {
			v->offset += i;
			return fail(v, v->seq_start);
		}
		v->lo = 0x80;
		v->hi = 0xBF;
		v->need--;
		i++;
	}
	v->offset += len;
	return true;
}

bool utf8_finish(struct utf8_validator *v)
{
	if (v->failed)
		return false;
	if (v->need)
		return fail(v, v->seq_start);
	return true;
}

bool utf8_valid(const void *data, size_t len, size_t *bad_offset)
{
	struct utf8_validator v;
	utf8_init(&v);
	if (utf8_feed(&v, data, len) && utf8_finish(&v))
		return true;
	if (bad_offset)
		*bad_offset = (size_t)v.bad_offset;
	return false;
}

size_t utf8_decode(const void *s, size_t n, uint32_t *cp)
{
	/* the validator decides what is well formed; this only adds up bits */
	size_t len = utf8_char_len(s, n);
	const unsigned char *p = s;
	static const unsigned char lead_bits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
	if (len == 0)
		return 0;
	uint32_t v = p[0] & lead_bits[len];
	for (size_t i = 1; i < len; i++)
		v = (v << 6) | (p[i] & 0x3Fu);
	*cp = v;
	return len;
}

size_t utf8_char_len(const void *s, size_t n)
{
	const unsigned char *p = s;
	if (n == 0)
		return 0;
	size_t want = p[0] < 0x80 ? 1 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
	if (want > n)
		return 0;
	return utf8_valid(p, want, NULL) ? want : 0;
}
