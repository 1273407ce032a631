/*
 * page: the streaming reader of scraped article pages (SPEC.md §2).
 *
 * Fed a page in chunks of any size, it first tells what the page is by
 * its first bytes (page_reader_set_format forces it): a doctype or <html
 * is HTML (html.h: any declared charset, libxml2's SAX parser, metadata,
 * the main-text rules of htmlmain.h), an RSS, Atom or RDF root a feed
 * (feed.h: each item an article), anything else UTF-8 text, validated on
 * the way and split into lines (LF or CRLF; a leading BOM is dropped).
 * An empty page and a binary one are refused (LIKELY_DATAERR, page_error
 * says why).  Every source hands its lines or blocks to the article state
 * machine (pagearticle.h), which emits articles and their paragraphs
 * through the callbacks below.  Memory is bounded by the paragraph cap
 * (default 1 MiB): a longer line or paragraph is emitted in pieces cut at
 * sentence ends.
 *
 * Articles: the page's main one, then one after every related-articles
 * marker and one at a date line (or byline after headings) met inside a
 * body.  Each has its own title, date (pagedate.h: many forms, the
 * publication date over an update stamp, a wire dateline's year from the
 * page, month precision for "September 2015") and byline.  An article is
 * reported when its first body paragraph starts; one without any body (a
 * list of links) is never reported.  Paragraphs carry their kind (a list
 * item loses its marker), the section heading they sit under and a
 * round-up block's expert.  Boilerplate, credits, navigation and reader
 * comments are dropped (README, "What is read from a page").
 */
#ifndef LIKELY_PAGE_H
#define LIKELY_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#define PAGE_MAX_PARAGRAPH ((size_t)1 << 20)

/* How much of an article's date the page gives. */
enum page_date_precision {
	PAGE_DATE_DAY,  /* a full date */
	PAGE_DATE_MONTH /* "September 2015": date is the month's first day */
};

/* Where an article's date came from, most reliable first. */
enum page_date_source {
	PAGE_SRC_NONE,    /* no date */
	PAGE_SRC_JSONLD,  /* JSON-LD datePublished */
	PAGE_SRC_META,    /* <meta> (Open Graph, article:published_time, ...),
			   * itemprop, a feed item's date */
	PAGE_SRC_TIME,    /* <time datetime> in the article */
	PAGE_SRC_TEXT,    /* the visible text */
	PAGE_SRC_MANIFEST /* given by the caller */
};

/* "none", "json-ld", "meta", "time", "text", "manifest" */
const char *page_date_source_name(enum page_date_source s);

struct page_article {
	unsigned index;     /* 0 for the first article reported, then 1, 2 ... */
	const char *title;  /* "" when none was found */
	const char *author; /* "" when none */
	bool has_date;
	long date;                          /* day number (date.h), when has_date */
	enum page_date_precision precision; /* when has_date */
	enum page_date_source date_source;  /* PAGE_SRC_NONE without a date */
	const char *url;                    /* canonical link, og:url, a feed item's link; "" */
};

/* What a page is read as. */
enum page_format {
	PAGE_FORMAT_AUTO, /* by content: a doctype or <html is HTML, an RSS,
			   * Atom or RDF root a feed, anything else text */
	PAGE_FORMAT_TEXT,
	PAGE_FORMAT_HTML,
	PAGE_FORMAT_FEED
};

enum page_para_kind {
	PAGE_PARA_TITLE, /* the article's headline, as a paragraph of its own */
	PAGE_PARA_BODY,
	PAGE_PARA_ITEM /* a list item, its marker ("–", "•", "1.") removed */
};

/* One paragraph as the reader hands it on. */
struct page_paragraph {
	enum page_para_kind kind;
	const char *text; /* not NUL-terminated */
	size_t len;
	/* the section heading the paragraph sits under ("Outlook for
	 * 2024:"), "" when none: an outlook heading gives its items their
	 * horizon */
	const char *heading;
	/* who writes this block when it is not the article's byline (the
	 * expert under a "Name: Title" line of a round-up); "" otherwise */
	const char *author;
};

/*
 * Callbacks return 0 to go on, or a non-zero code that stops the reader
 * (page_feed/page_finish then return it).  Text is not NUL-terminated and
 * is valid only during the call.
 */
struct page_callbacks {
	int (*on_article)(const struct page_article *a, void *ctx);
	int (*on_paragraph)(const struct page_article *a, const struct page_paragraph *p,
			    void *ctx);
	void *ctx;
};

enum page_line_kind {
	PAGE_LINE_BLANK,
	PAGE_LINE_TEXT,
	PAGE_LINE_HEADING, /* short, no final stop, four words or more */
	PAGE_LINE_LABEL,   /* short label or navigation item */
	PAGE_LINE_DATE,
	PAGE_LINE_UNDATED, /* a date or range without a year: navigation */
	PAGE_LINE_MARKER,  /* "Similar articles": embedded articles follow */
	PAGE_LINE_BYLINE,
	PAGE_LINE_CREDIT,     /* photo / image / source credit */
	PAGE_LINE_NEWSLETTER, /* newsletter boilerplate */
	PAGE_LINE_BOILER,     /* URL, copyright, inline "Read more: ..." link */
	PAGE_LINE_STATUS,     /* "The situation has not changed" */
	PAGE_LINE_COMMENTS,   /* "Leave a Reply", "12 comments": readers follow */
	PAGE_LINE_EXPERT,     /* "Olga Petrenko: senior fellow, ...": a round-up
			       * block's author; the name is [name_start,
			       * name_end) */
	PAGE_LINE_NAME        /* "Anna Reed" or "Anna Reed, Agency" alone: a
			       * byline when it sits under a title */
};

/*
 * Classifies one line (trimmed or not).  Pure; exposed for tests.  When
 * the kind is PAGE_LINE_DATE, *date is set; for PAGE_LINE_BYLINE,
 * [*name_start, *name_end) is the author's name (empty for a bare "by").
 * date, name_start and name_end may be NULL.
 */
enum page_line_kind page_classify(const char *s, size_t len, long *date, size_t *name_start,
				  size_t *name_end);

struct page_reader;

/* A reader calling cb; max_paragraph 0 means PAGE_MAX_PARAGRAPH (values
 * below 64 are raised to 64).  Never returns NULL. */
struct page_reader *page_reader_new(const struct page_callbacks *cb, size_t max_paragraph);
void page_reader_free(struct page_reader *r);
/* Forces a format (before the first page_feed); the default is AUTO. */
void page_reader_set_format(struct page_reader *r, enum page_format f);
/* The format the page is read as (AUTO until its first bytes are in). */
enum page_format page_reader_format(const struct page_reader *r);
/* The format a page's first len bytes say it is in, as the reader would
 * take it, or PAGE_FORMAT_AUTO when they do not say yet (more bytes
 * would); eof: the page has no more. */
enum page_format page_format_sniff(const char *s, size_t len, bool eof);
/* "text", "html", "feed" */
const char *page_format_name(enum page_format f);
/* Parses "text", "html", "feed" (and "auto"); false for anything else. */
bool page_format_parse(const char *s, enum page_format *f);
/*
 * Reads the next len bytes of the page.  Returns 0, a callback's code, or
 * LIKELY_DATAERR when the bytes are not UTF-8 (page_error_offset then
 * tells where).  After a non-zero return the reader only repeats it.
 */
int page_feed(struct page_reader *r, const void *data, size_t len);
/* Ends the page: flushes the last line and paragraph.  Same returns. */
int page_finish(struct page_reader *r);
/* Offset from the start of the page of the first byte that is not UTF-8. */
unsigned long long page_error_offset(const struct page_reader *r);
/* After LIKELY_DATAERR: what is wrong ("invalid UTF-8 at byte 12",
 * "empty file", "binary file (a NUL byte at 40)"). */
const char *page_error(const struct page_reader *r);
/* A warning about a page read to its end anyway ("truncated markup: read
 * as far as it goes"), or NULL. */
const char *page_warning(const struct page_reader *r);

#endif
