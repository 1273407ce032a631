/*
 * pagearticle: the article state machine of the page reader (internal).
 *
 * A page source -- the text reader in page.c, the HTML reader (html.c),
 * the feed reader (feed.c) -- cuts a page into lines (blocks) and hands
 * them here; this module decides what they are where they stand (header
 * or body, main article or embedded one), keeps each article's title,
 * date, byline, section heading and round-up author, and emits articles
 * and paragraphs through the page callbacks.  Metadata found outside the
 * visible text (page_articles_meta) wins over what the lines say.  Memory is bounded: a few header
 * lines and the paragraph being built.
 */
#ifndef LIKELY_PAGEARTICLE_H
#define LIKELY_PAGEARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/page/page.h"

struct page_articles;

/* A machine calling cb; paragraphs longer than cap are emitted in pieces.
 * Never returns NULL. */
struct page_articles *page_articles_new(const struct page_callbacks *cb, size_t cap);
void page_articles_free(struct page_articles *m);

/* One whole line (trimmed or not, without its line break). */
void page_articles_line(struct page_articles *m, const char *s, size_t len);
/* A piece of a line too long to hold: body text; continuation joins it to
 * the paragraph being built.  Ends that paragraph afterwards. */
void page_articles_piece(struct page_articles *m, const char *s, size_t len, bool continuation);
/* Whether the paragraph being built may continue on the next line (its
 * last line was long and did not end a sentence). */
bool page_articles_wrapped(const struct page_articles *m);
/* End of the page: pending headings and the last paragraph go out. */
void page_articles_finish(struct page_articles *m);
/* Metadata of the next article reported (a page's main one, a feed's
 * item), found outside the visible text (JSON-LD, <meta>, a feed item's
 * fields): each field given wins over what the visible text says.  NULL
 * or "" strings and has_date false leave the visible-text rules to it. */
struct page_meta {
	const char *title, *author, *url;
	const char *fallback_title; /* when neither title nor the text gives one */
	/* a date for when neither has_date nor the text gives one (a date in
	 * the url, a modification date): date_source META */
	bool fallback_has_date;
	long fallback_date;
	enum page_date_precision fallback_precision;
	bool has_date;
	long date;
	enum page_date_precision precision;
	enum page_date_source source;
};
void page_articles_meta(struct page_articles *m, const struct page_meta *meta);
/* The page-wide url (a page's canonical link): every article has it
 * unless its own metadata gives another. */
void page_articles_page_url(struct page_articles *m, const char *url);
/* A new article starts here, whatever the lines say (a feed's item). */
void page_articles_break(struct page_articles *m);

/* 0, or the non-zero code a callback returned (nothing is emitted after). */
int page_articles_status(const struct page_articles *m);

#endif
