/*
 * pagearticle: the article state machine of the page reader (internal).
 *
 * A page source -- the text reader in page.c today, an HTML reader later
 * -- cuts a page into lines (blocks) and hands them here; this module
 * decides what they are where they stand (header or body, main article or
 * embedded one), keeps each article's title, date, byline, section
 * heading and round-up author, and emits articles and paragraphs through
 * the page callbacks.  Memory is bounded: a few header lines and the
 * paragraph being built.
 */
#ifndef LIKELY_PAGEARTICLE_H
#define LIKELY_PAGEARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/page.h"

struct page_articles;

/* A machine calling cb; paragraphs longer than cap are emitted in pieces.
 * Never returns NULL. */
struct page_articles *page_articles_new(const struct page_callbacks *cb,
					size_t cap);
void page_articles_free(struct page_articles *m);

/* One whole line (trimmed or not, without its line break). */
void page_articles_line(struct page_articles *m, const char *s, size_t len);
/* A piece of a line too long to hold: body text; continuation joins it to
 * the paragraph being built.  Ends that paragraph afterwards. */
void page_articles_piece(struct page_articles *m, const char *s, size_t len,
			 bool continuation);
/* Whether the paragraph being built may continue on the next line (its
 * last line was long and did not end a sentence). */
bool page_articles_wrapped(const struct page_articles *m);
/* End of the page: pending headings and the last paragraph go out. */
void page_articles_finish(struct page_articles *m);
/* 0, or the non-zero code a callback returned (nothing is emitted after). */
int page_articles_status(const struct page_articles *m);

#endif
