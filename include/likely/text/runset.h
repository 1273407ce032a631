/*
 * runset: the distinct runs of a text, a run being bytes between white
 * space (here: any byte up to 0x20, the ASCII controls and the space).
 *
 * The store feeds the full-text index with them rather than the whole
 * text: the index only says which article holds which word, and a word
 * never spans a byte of 0x20 or below (SQLite's unicode61 tokenizer
 * splits at every ASCII byte that is not a letter or a digit), so the
 * distinct runs of a text hold exactly its words, at a fraction of the
 * tokenizing (store_article.c).
 */
#ifndef LIKELY_RUNSET_H
#define LIKELY_RUNSET_H

#include <stddef.h>
#include <stdint.h>

#include "likely/base/buf.h"

/* The hash table, kept between calls so that its memory is reused. */
struct runset {
	struct runset_slot *slot;
	size_t cap; /* slots allocated */
};

void runset_init(struct runset *r);
void runset_release(struct runset *r);

/*
 * Appends to out the distinct runs of s[0..len), each once, in the order
 * of their first occurrence, one space between two, and none before the
 * first or after the last (nothing when s has no run).  Runs are the same
 * when their bytes are (no folding of case or anything).  A text of 4 GiB
 * or more is appended as it is: its runs are its own.  Never fails.
 */
void runset_distinct(struct runset *r, const char *s, size_t len, struct buf *out);

#endif
