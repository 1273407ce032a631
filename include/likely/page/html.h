/*
 * html: the HTML page source of the page reader (internal; page.h is the
 * interface).  Bytes in, in chunks of any size: the encoding is taken
 * from a BOM or from a <meta charset> / http-equiv declaration in the
 * first 1024 bytes (UTF-8 when none; iso-8859-1 and us-ascii are read as
 * windows-1252, as browsers do) and converted to UTF-8 with iconv, a byte
 * that is not of the encoding becoming U+FFFD.  libxml2's HTML push
 * parser reads the result through SAX callbacks, so no tree is built and
 * memory stays bounded whatever the page's size; the main-text rules
 * (htmlmain.h) drop the boilerplate, and each block of text goes to the
 * article state machine as a line, headings and list items included.
 *
 * Metadata, most reliable first: JSON-LD (an Article, NewsArticle,
 * BlogPosting, ReportageNewsArticle ... object, in @graph or an array
 * too: headline, datePublished, author names), <meta> (og:title,
 * article:published_time, name=date|pubdate|DC.date.issued|..., author),
 * itemprop=datePublished, the first <time datetime> of the main text;
 * the url from the canonical link or og:url; <title> (without its " |
 * Site" tail) when nothing else gives a title.  It wins over the visible
 * text for the page's main article.  Once the page has shown an
 * <article> or <main> holding a third of its text, blocks outside them
 * are dropped (but for an <h1> and the byline and date lines above).  Blocks wait in a queue (up to
 * HTML_QUEUE_MAX bytes) before they reach the state machine so that
 * metadata printed after the article text (JSON-LD at the end of
 * <body>) is known in time; past that, lines go on directly.
 */
#ifndef LIKELY_HTML_H
#define LIKELY_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/page/pagearticle.h"

#define HTML_QUEUE_MAX ((size_t)4 << 20)

struct html_reader;

/* A reader handing lines to m (which it does not own). */
struct html_reader *html_reader_new(struct page_articles *m, size_t cap);
void html_reader_free(struct html_reader *h);
void html_feed(struct html_reader *h, const char *data, size_t len);
void html_finish(struct html_reader *h);
/* A warning about the page (truncated markup), or NULL. */
const char *html_warning(const struct html_reader *h);

/* An HTML fragment already in UTF-8 (a feed item's content), read into m
 * as the page's blocks are; no metadata is taken from it. */
void html_fragment(struct page_articles *m, size_t cap, const char *s, size_t len);

/* A date as metadata writes it: ISO 8601 ("2023-10-10T08:30:00+02:00",
 * "2023-10", "20231010"), RFC 822 ("Tue, 10 Oct 2023 08:30:00 +0200"), or
 * any form the visible-text rules read.  The date is the one written (its
 * own time zone's day). */
bool html_parse_date(const char *s, long *days, bool *month_only);

#endif
