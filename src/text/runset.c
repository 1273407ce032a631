/*
 * runset: one pass over the text, eight bytes at a time, finding where
 * each run ends and hashing it in the same step; a run is looked up in an
 * open-addressing table (linear probing) whose slots say where the run's
 * first copy stands in the output, and is written out when new.
 *
 * It runs over every byte of every article stored (60 MB in make bench's
 * pages), so it is made to cost a few cycles a run: most runs are a word,
 * shorter than eight bytes, found and hashed with one load.  A run is
 * taken as a duplicate only when its bytes are the same as the first
 * copy's; the hash only picks the slot.
 */
#include "likely/text/runset.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/hash8.h"
#include "likely/text/text.h"

struct runset_slot {
	uint64_t first; /* the run's first eight bytes (a shorter one: zero bytes after) */
	uint32_t hash;  /* of the whole run */
	uint32_t at;    /* where its first copy stands in the output, plus one; 0: empty */
};

#define ONES UINT64_C(0x0101010101010101)

/* Bit 7 of each byte of w that is 0x20 or below: the "has less than"
 * test (Hacker's Delight, 6-1).  Exact for the lowest byte flagged, the
 * only one used: a wrong flag needs a borrow from a byte below it, which
 * only a flagged byte gives. */
static inline uint64_t spaces8(uint64_t w)
{
	return (w - ONES * 0x21) & ~w & ONES << 7;
}

/* Makes the table of cap slots twice as big, each taken slot moved to
 * its place; returns the new table. */
static struct runset_slot *grow(struct runset *r, size_t *cap)
{
	size_t old = *cap, mask = 2 * old - 1;
	struct runset_slot *was = r->slot;
	r->cap = 2 * old;
	r->slot = xcalloc(r->cap, sizeof *r->slot);
	for (size_t i = 0; i < old; i++) {
		if (!was[i].at)
			continue;
		size_t k = was[i].hash & mask;
		while (r->slot[k].at)
			k = (k + 1) & mask;
		r->slot[k] = was[i];
	}
	free(was);
	*cap = r->cap;
	return r->slot;
}

/* Whether the run s[0..n) of the given first eight bytes and hash is the
 * one in slot t.  The output holds each run followed by a space, and no
 * run holds one; a run shorter than eight bytes is its first eight
 * bytes, since a zero byte cannot be in a run.  So when the first eight
 * bytes are the same, a run of eight bytes or more is the same as the
 * first copy when a space follows its n bytes there, and the bytes past
 * the eighth are the same. */
static bool same_run(const struct runset_slot *t, uint64_t first, uint32_t hash, const char *s,
		     size_t n, const struct buf *out, size_t base)
{
	if (t->first != first || t->hash != hash)
		return false;
	if (n < 8)
		return true;
	size_t at = base + t->at - 1;
	return at + n < out->len && out->data[at + n] == ' ' &&
	       memcmp(out->data + at + 8, s + 8, n - 8) == 0;
}

void runset_init(struct runset *r)
{
	r->slot = NULL;
	r->cap = 0;
}

void runset_release(struct runset *r)
{
	free(r->slot);
	runset_init(r);
}

void runset_distinct(struct runset *r, const char *s, size_t len, struct buf *out)
{
	size_t base = out->len; /* where the runs start: out may hold more before */
	if (len >= UINT32_MAX - 1) {
		buf_add(out, s, len);
		return;
	}
	/* a table for a thirty-second of the bytes, growing when half full:
	 * a page of prose has a distinct word in every 20 to 60 bytes */
	size_t cap = 64, used = 0;
	while (cap < len / 32)
		cap *= 2;
	if (r->cap < cap) {
		free(r->slot);
		r->slot = xmalloc(cap * sizeof *r->slot);
		r->cap = cap;
	}
	memset(r->slot, 0, cap * sizeof *r->slot);
	struct runset_slot *table = r->slot; /* a local: the compiler keeps it in a register */

	for (size_t i = 0; i < len;) {
		if ((unsigned char)s[i] <= ' ') {
			i++;
			continue;
		}
		/* the run at i, n bytes: the first eight bytes (or fewer, zero
		 * bytes after) are first; the hash takes the run's words as
		 * hash8 does, without the length, which the zero bytes of the
		 * last word tell */
		const char *run = s + i;
		uint64_t w = len - i >= 8 ? hash8_load(run) : hash8_load_part(run, len - i);
		uint64_t m = spaces8(w), first, h;
		size_t n;
		if (m) { /* most runs: a word shorter than eight bytes */
			n = text_first8(m);
			first = w & ((UINT64_C(1) << 8 * n) - 1);
			h = hash8_step(0, first);
		} else {
			first = w;
			h = hash8_step(0, w);
			for (n = 8;; n += 8) {
				size_t left = len - i - n;
				w = left >= 8 ? hash8_load(run + n)
					      : hash8_load_part(run + n, left);
				if ((m = spaces8(w)) != 0)
					break;
				h = hash8_step(h, w);
			}
			size_t k = text_first8(m);
			if (k) {
				h = hash8_step(h, w & ((UINT64_C(1) << 8 * k) - 1));
				n += k;
			}
		}
		i += n + 1; /* and the byte that ends it, if any */
		uint32_t hash = (uint32_t)(h >> 32);
		size_t mask = cap - 1, slot = hash & mask;
		while (table[slot].at && !same_run(&table[slot], first, hash, run, n, out, base))
			slot = (slot + 1) & mask;
		if (table[slot].at)
			continue;
		table[slot] = (struct runset_slot){first, hash, (uint32_t)(out->len - base) + 1};
		buf_add(out, run, n);
		buf_addc(out, ' ');
		if (++used > cap / 2)
			table = grow(r, &cap);
	}
	if (out->len > base) /* the space after the last run */
		out->data[--out->len] = '\0';
}
