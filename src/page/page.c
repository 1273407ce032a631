/*
 * page: the text page source.  It validates UTF-8 on the way, drops a
 * leading BOM, cuts the bytes into lines (LF or CRLF), and hands each
 * line to the article state machine (pagearticle), which does the rest.
 * A line longer than the paragraph cap is cut at its last sentence end
 * and handed on in pieces, so memory stays bounded whatever the page.
 * The reader first looks at the page's first bytes (page_sniff): a
 * doctype or <html makes it HTML (html.c), an RSS, Atom or RDF root a
 * feed (feed.c); both hand the same machine their blocks.  An empty page
 * and one with a NUL byte among its first bytes (binary) are refused.
 */
#include "likely/page/page.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "likely/base/buf.h"
#include "likely/base/diag.h"
#include "likely/page/feed.h"
#include "likely/page/html.h"
#include "likely/page/pagearticle.h"
#include "likely/text/sentence.h"
#include "likely/text/text.h"
#include "likely/base/utf8.h"

#define SNIFF 4096

struct page_reader {
	enum page_format format; /* AUTO until the first bytes decide */
	struct buf sniff;        /* the first bytes, while format is AUTO */
	unsigned long long total;
	struct html_reader *html;
	struct feed_reader *feed;
	char *error;

	struct page_articles *articles;
	size_t cap;
	struct utf8_validator utf8;
	unsigned char bom[3];
	size_t bom_len;
	bool bom_done;
	int stop;

	struct buf line;
	bool line_long; /* the current line already overflowed: it is text */
	bool started;   /* the format is known and the first bytes went on */
};

struct page_reader *page_reader_new(const struct page_callbacks *cb, size_t max_paragraph)
{
	struct page_reader *r = xcalloc(1, sizeof *r);
	r->cap = max_paragraph ? max_paragraph : PAGE_MAX_PARAGRAPH;
	if (r->cap < 64)
		r->cap = 64;
	r->articles = page_articles_new(cb, r->cap);
	utf8_init(&r->utf8);
	buf_init(&r->line);
	buf_init(&r->sniff);
	return r;
}

void page_reader_set_format(struct page_reader *r, enum page_format f)
{
	r->format = f;
}

enum page_format page_reader_format(const struct page_reader *r)
{
	return r->format;
}

const char *page_format_name(enum page_format f)
{
	static const char *const names[] = {"auto", "text", "html", "feed"};
	return names[f];
}

bool page_format_parse(const char *s, enum page_format *f)
{
	for (int i = PAGE_FORMAT_AUTO; i <= PAGE_FORMAT_FEED; i++)
		if (strcmp(s, page_format_name((enum page_format)i)) == 0) {
			*f = (enum page_format)i;
			return true;
		}
	return false;
}

const char *page_date_source_name(enum page_date_source s)
{
	static const char *const names[] = {"none", "json-ld", "meta", "time", "text", "manifest"};
	return names[s];
}

const char *page_error(const struct page_reader *r)
{
	return r->error ? r->error : "";
}

const char *page_warning(const struct page_reader *r)
{
	if (r->html)
		return html_warning(r->html);
	if (r->feed)
		return feed_warning(r->feed);
	return NULL;
}

void page_reader_free(struct page_reader *r)
{
	if (!r)
		return;
	buf_release(&r->line);
	buf_release(&r->sniff);
	html_reader_free(r->html);
	feed_reader_free(r->feed);
	free(r->error);
	page_articles_free(r->articles);
	free(r);
}

unsigned long long page_error_offset(const struct page_reader *r)
{
	return r->utf8.bad_offset;
}

/* Where to cut an over-long line: after its last complete sentence, else
 * at its last space, else at a character boundary. */
static size_t cut_point(const char *s, size_t len)
{
	struct sentence_iter it;
	size_t st, en, cut = 0;
	/* only the tail is searched, so a long line is split once, not twice;
	 * the window starts at a space so it does not begin mid-word */
	size_t from = len > 65536 ? len - 65536 : 0;
	while (from > 0 && from < len && s[from - 1] != ' ')
		from++;
	sentence_iter_init(&it, s + from, len - from);
	while (sentence_next(&it, &st, &en))
		if (it.pos < len - from)
			cut = from + en;
	if (cut)
		return cut;
	for (size_t i = len; i-- > len / 2;)
		if (s[i] == ' ')
			return i + 1;
	cut = len;
	while (cut > 1 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	return cut;
}

static void overflow(struct page_reader *r)
{
	size_t cut = cut_point(r->line.data, r->line.len);
	size_t a = 0, b = cut;
	text_trim(r->line.data, &a, &b);
	/* the first piece of a very long line may continue a wrapped
	 * paragraph; the later ones continue the first */
	bool cont = r->line_long || page_articles_wrapped(r->articles);
	if (a < b)
		page_articles_piece(r->articles, r->line.data + a, b - a, cont);
	memmove(r->line.data, r->line.data + cut, r->line.len - cut);
	r->line.len -= cut;
	r->line.data[r->line.len] = '\0';
	r->line_long = true;
}

static void end_line(struct page_reader *r)
{
	if (r->line.len && r->line.data[r->line.len - 1] == '\r')
		r->line.len--;
	if (r->line_long) {
		size_t a = 0, b = r->line.len;
		text_trim(r->line.data, &a, &b);
		if (a < b)
			page_articles_piece(r->articles, r->line.data + a, b - a, true);
		page_articles_line(r->articles, "", 0); /* ends the paragraph */
	} else {
		page_articles_line(r->articles, r->line.data, r->line.len);
	}
	buf_reset(&r->line);
	r->line_long = false;
	r->stop = page_articles_status(r->articles);
}

static void consume(struct page_reader *r, const char *p, size_t len)
{
	while (len && !r->stop) {
		const char *nl = memchr(p, '\n', len);
		size_t seg = nl ? (size_t)(nl - p) : len;
		size_t done = 0;
		while (done < seg && !r->stop) {
			size_t room = r->cap - r->line.len;
			size_t take = seg - done < room ? seg - done : room;
			buf_add(&r->line, p + done, take);
			done += take;
			if (r->line.len >= r->cap) {
				overflow(r);
				r->stop = page_articles_status(r->articles);
			}
		}
		if (!nl)
			return;
		end_line(r);
		p += seg + 1;
		len -= seg + 1;
	}
}

static void set_error(struct page_reader *r, const char *fmt, unsigned long long n)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, fmt, n);
	free(r->error);
	r->error = buf_detach(&b);
	buf_release(&b);
}

static int text_feed(struct page_reader *r, const void *data, size_t len)
{
	const char *p = data;
	if (r->stop)
		return r->stop;
	if (!utf8_feed(&r->utf8, data, len)) {
		set_error(r, "invalid UTF-8 at byte %llu", r->utf8.bad_offset);
		return r->stop = LIKELY_DATAERR;
	}
	while (!r->bom_done && len) {
		static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
		if ((unsigned char)*p == bom[r->bom_len]) {
			r->bom[r->bom_len++] = (unsigned char)*p;
			p++;
			len--;
			if (r->bom_len == 3)
				r->bom_done = true;
			continue;
		}
		r->bom_done = true;
		consume(r, (const char *)r->bom, r->bom_len);
	}
	consume(r, p, len);
	return r->stop;
}

static int text_finish(struct page_reader *r)
{
	if (r->stop)
		return r->stop;
	if (!utf8_finish(&r->utf8)) {
		set_error(r, "invalid UTF-8 at byte %llu", r->utf8.bad_offset);
		return r->stop = LIKELY_DATAERR;
	}
	if (!r->bom_done) {
		r->bom_done = true;
		consume(r, (const char *)r->bom, r->bom_len);
	}
	if (r->line.len || r->line_long)
		end_line(r);
	page_articles_finish(r->articles);
	return r->stop = page_articles_status(r->articles);
}

/* ---- format by content ---- */

static bool starts(const char *s, size_t len, size_t at, const char *word)
{
	size_t n = strlen(word);
	return at + n <= len && strncasecmp(s + at, word, n) == 0;
}

static const char *find(const char *s, size_t len, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(s + i, what, n) == 0)
			return s + i;
	return NULL;
}

/* What the first bytes say: the format, or AUTO when they do not say it
 * yet (more bytes may).  eof: there are no more. */
static enum page_format sniff(const char *s, size_t len, bool eof);

/* "\xff\xfe<\0h\0t\0..." : a UTF-16 page with its BOM, or 0 */
static int utf16_bom(const char *s, size_t len)
{
	if (len >= 2 && (unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE)
		return 1; /* little-endian */
	if (len >= 2 && (unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)
		return 2;
	return 0;
}

/* A UTF-16 page: its ASCII characters, sniffed as a page of bytes. */
static enum page_format sniff_utf16(const char *s, size_t len, bool eof, int order)
{
	char ascii[SNIFF / 2];
	size_t n = 0;
	for (size_t i = 2; i + 1 < len && n < sizeof ascii; i += 2) {
		unsigned char lo = (unsigned char)s[order == 1 ? i : i + 1];
		unsigned char hi = (unsigned char)s[order == 1 ? i + 1 : i];
		ascii[n++] = hi == 0 && lo < 0x80 ? (char)lo : '?';
	}
	return sniff(ascii, n, eof || n == sizeof ascii);
}

static enum page_format sniff(const char *s, size_t len, bool eof)
{
	size_t i = 0;
	int order = utf16_bom(s, len);
	if (order)
		return sniff_utf16(s, len, eof, order);
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (;;) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
				   s[i] == '\f'))
			i++;
		if (i >= len || (i + 16 > len && !eof))
			return eof ? PAGE_FORMAT_TEXT : PAGE_FORMAT_AUTO;
		if (s[i] != '<')
			return PAGE_FORMAT_TEXT;
		const char *close = NULL;
		if (starts(s, len, i, "<?"))
			close = "?>";
		else if (starts(s, len, i, "<!--"))
			close = "-->";
		else if (starts(s, len, i, "<!doctype html"))
			return PAGE_FORMAT_HTML;
		else if (starts(s, len, i, "<!doctype"))
			close = ">";
		else if (starts(s, len, i, "<html") &&
			 (i + 5 == len || strchr(" \t\r\n>", s[i + 5])))
			return PAGE_FORMAT_HTML;
		else if (starts(s, len, i, "<rss") || starts(s, len, i, "<feed") ||
			 starts(s, len, i, "<rdf:rdf"))
			return PAGE_FORMAT_FEED;
		else
			return PAGE_FORMAT_TEXT;
		const char *end = find(s + i, len - i, close);
		if (!end)
			return eof || len >= SNIFF ? PAGE_FORMAT_TEXT : PAGE_FORMAT_AUTO;
		i = (size_t)(end - s) + strlen(close);
	}
}

enum page_format page_format_sniff(const char *s, size_t len, bool eof)
{
	return sniff(s, len, eof);
}

static int run(struct page_reader *r, const char *data, size_t len)
{
	switch (r->format) {
	case PAGE_FORMAT_HTML:
		html_feed(r->html, data, len);
		return r->stop = page_articles_status(r->articles);
	case PAGE_FORMAT_FEED:
		feed_feed(r->feed, data, len);
		return r->stop = page_articles_status(r->articles);
	default:
		return text_feed(r, data, len);
	}
}

static int start(struct page_reader *r, bool eof)
{
	const char *s = r->sniff.data;
	size_t len = r->sniff.len;
	if (r->format == PAGE_FORMAT_AUTO) {
		r->format = sniff(s, len, eof);
		if (r->format == PAGE_FORMAT_AUTO)
			return 0;
	}
	if (len == 0 && eof) {
		set_error(r, "empty file%.0llu", 0);
		return r->stop = LIKELY_DATAERR;
	}
	/* UTF-16 (with its BOM) is full of NUL bytes: not binary for HTML
	 * and feeds, whose parsers convert it */
	const char *nul = memchr(s, '\0', len);
	if (nul && utf16_bom(s, len) && r->format == PAGE_FORMAT_TEXT) {
		set_error(r,
			  "UTF-16 text%.0llu: text pages must be UTF-8 (convert it, "
			  "e.g. with iconv -f UTF-16 -t UTF-8)",
			  0);
		return r->stop = LIKELY_DATAERR;
	}
	if (nul && !utf16_bom(s, len)) {
		set_error(r, "binary file (a NUL byte at %llu), not a page",
			  (unsigned long long)(nul - s));
		return r->stop = LIKELY_DATAERR;
	}
	if (r->format == PAGE_FORMAT_HTML)
		r->html = html_reader_new(r->articles, r->cap);
	else if (r->format == PAGE_FORMAT_FEED)
		r->feed = feed_reader_new(r->articles, r->cap);
	struct buf held = r->sniff;
	buf_init(&r->sniff);
	int rc = run(r, held.data, held.len);
	buf_release(&held);
	r->started = true;
	return rc;
}

int page_feed(struct page_reader *r, const void *data, size_t len)
{
	if (r->stop)
		return r->stop;
	r->total += len;
	if (!r->started) {
		buf_add(&r->sniff, data, len);
		if (r->sniff.len < SNIFF && r->format == PAGE_FORMAT_AUTO &&
		    sniff(r->sniff.data, r->sniff.len, false) == PAGE_FORMAT_AUTO)
			return 0;
		if (r->sniff.len < 16 && r->format != PAGE_FORMAT_AUTO)
			return 0; /* the NUL test wants a few bytes */
		return start(r, false);
	}
	return run(r, data, len);
}

int page_finish(struct page_reader *r)
{
	if (r->stop)
		return r->stop;
	if (!r->started) {
		int rc = start(r, true);
		if (rc)
			return rc;
	}
	switch (r->format) {
	case PAGE_FORMAT_HTML:
		html_finish(r->html);
		page_articles_finish(r->articles);
		return r->stop = page_articles_status(r->articles);
	case PAGE_FORMAT_FEED:
		feed_finish(r->feed);
		page_articles_finish(r->articles);
		return r->stop = page_articles_status(r->articles);
	default:
		return text_finish(r);
	}
}
