/*
 * page: the text page source.  It validates UTF-8 on the way, drops a
 * leading BOM, cuts the bytes into lines (LF or CRLF), and hands each
 * line to the article state machine (pagearticle), which does the rest.
 * A line longer than the paragraph cap is cut at its last sentence end
 * and handed on in pieces, so memory stays bounded whatever the page.
 * An HTML source would hand the same machine its blocks instead.
 */
#include "likely/page.h"

#include <stdlib.h>
#include <string.h>

#include "likely/buf.h"
#include "likely/diag.h"
#include "likely/pagearticle.h"
#include "likely/sentence.h"
#include "likely/text.h"
#include "likely/utf8.h"

struct page_reader {
	struct page_articles *articles;
	size_t cap;
	struct utf8_validator utf8;
	unsigned char bom[3];
	size_t bom_len;
	bool bom_done;
	int stop;

	struct buf line;
	bool line_long; /* the current line already overflowed: it is text */
};

struct page_reader *page_reader_new(const struct page_callbacks *cb,
				    size_t max_paragraph)
{
	struct page_reader *r = xcalloc(1, sizeof *r);
	r->cap = max_paragraph ? max_paragraph : PAGE_MAX_PARAGRAPH;
	if (r->cap < 64)
		r->cap = 64;
	r->articles = page_articles_new(cb, r->cap);
	utf8_init(&r->utf8);
	buf_init(&r->line);
	return r;
}

void page_reader_free(struct page_reader *r)
{
	if (!r)
		return;
	buf_release(&r->line);
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

int page_feed(struct page_reader *r, const void *data, size_t len)
{
	const char *p = data;
	if (r->stop)
		return r->stop;
	if (!utf8_feed(&r->utf8, data, len))
		return r->stop = LIKELY_DATAERR;
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

int page_finish(struct page_reader *r)
{
	if (r->stop)
		return r->stop;
	if (!utf8_finish(&r->utf8))
		return r->stop = LIKELY_DATAERR;
	if (!r->bom_done) {
		r->bom_done = true;
		consume(r, (const char *)r->bom, r->bom_len);
	}
	if (r->line.len || r->line_long)
		end_line(r);
	page_articles_finish(r->articles);
	return r->stop = page_articles_status(r->articles);
}
