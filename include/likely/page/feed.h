/*
 * feed: the news-feed source of the page reader (internal; page.h is the
 * interface).  RSS 2.0 (and RSS 1.0/RDF), Atom, and WordPress exports
 * (WXR: RSS whose items carry wp:post_type; only posts are read) are
 * parsed with libxml2's XML push parser through SAX callbacks.  Each item
 * or entry is an article of its own: its title, date (pubDate, published,
 * dc:date, else updated), author (dc:creator, author/name, an Atom feed's author, the name in
 * "mail@example.org (Name)"), link, and its content -- content:encoded,
 * Atom content, else description or summary -- read as HTML (html.h).
 * An item's fields are held until it ends (each up to FEED_FIELD_MAX
 * bytes; more is cut, with a warning); nothing else of the feed is held.
 * Ill-formed XML is read as far as libxml2 can recover, with a warning.
 */
#ifndef LIKELY_FEED_H
#define LIKELY_FEED_H

#include <stddef.h>

#include "likely/page/pagearticle.h"

#define FEED_FIELD_MAX ((size_t)16 << 20)

struct feed_reader;

struct feed_reader *feed_reader_new(struct page_articles *m, size_t cap);
void feed_reader_free(struct feed_reader *f);
void feed_feed(struct feed_reader *f, const char *data, size_t len);
void feed_finish(struct feed_reader *f);
/* A warning about the feed (ill-formed XML, a field cut), or NULL. */
const char *feed_warning(const struct feed_reader *f);

#endif
