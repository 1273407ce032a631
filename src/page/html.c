/*
 * html: the HTML page source (html.h): encoding, SAX events, blocks,
 * metadata.  The main-text policy lives in htmlmain.c.
 */
#include "likely/page/html.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

#include "likely/base/buf.h"
#include "likely/base/date.h"
#include "likely/page/htmlmain.h"
#include "likely/core/ledger.h"
#include "likely/page/pagedate.h"
#include "likely/text/pagevocab.h"
#include "likely/text/text.h"
#include "likely/base/utf8.h"

#define PRESCAN     1024
#define CAPTURE_MAX ((size_t)1 << 20) /* a JSON-LD block or <title> */
#define MAX_DEPTH   4096
/* text inside <article>/<main> that makes them the page's scope */
#define SCOPE_MIN 200

/* ---- dates ---- */

static bool digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

bool html_parse_date(const char *s, long *days, bool *month_only)
{
	int y, m, d;
	size_t len;
	struct pagedate pd;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	len = strlen(s);
	*month_only = false;
	/* ISO: 2023-10-10, 2023/10/10, 2023-10, 20231010 */
	if (len >= 7 && digits(s, 4, &y) && (s[4] == '-' || s[4] == '/') && digits(s + 5, 2, &m)) {
		if (len >= 10 && s[7] == s[4] && digits(s + 8, 2, &d) &&
		    (len == 10 || !(s[10] >= '0' && s[10] <= '9'))) {
			if (!date_valid(y, m, d))
				return false;
			*days = date_from_ymd(y, m, d);
			return true;
		}
		if ((len == 7 || s[7] == ' ') && date_valid(y, m, 1)) {
			*days = date_from_ymd(y, m, 1);
			*month_only = true;
			return true;
		}
		return false;
	}
	if (len >= 8 && digits(s, 4, &y) && digits(s + 4, 2, &m) && digits(s + 6, 2, &d) &&
	    (len == 8 || s[8] == 'T')) {
		if (!date_valid(y, m, d))
			return false;
		*days = date_from_ymd(y, m, d);
		return true;
	}
	/* RFC 822: [Tue, ]10 Oct 2023 08:30:00 +0200 */
	const char *p = s;
	if (len > 5 && p[3] == ',')
		p += 4;
	while (*p == ' ')
		p++;
	char *end;
	long dd = strtol(p, &end, 10);
	if (end != p && *end == ' ' && dd >= 1 && dd <= 31) {
		int mo = 0; /* "Oct", and the month's other names */
		const char *q = end + 1 + vocab_prefix(vocab_months, end + 1, strlen(end + 1), &mo);
		if (*q == '.') /* "Sept." */
			q++;
		if (mo && *q == ' ' && digits(q + 1, 4, &y) && date_valid(y, mo, (int)dd)) {
			*days = date_from_ymd(y, mo, (int)dd);
			return true;
		}
	}
	/* any form of the visible text ("October 10, 2023") */
	if (pagedate_read(s, len, &pd) == PAGEDATE_DATE || pagedate_read_prefix(s, len, &pd)) {
		*days = pagedate_days(&pd);
		*month_only = pd.d == 0;
		return true;
	}
	return false;
}

/* ---- metadata ---- */

/* who set a field: a higher one replaces a lower one.  PRI_TIME_OUT: a
 * <time> outside any <article>/<main>, which one inside replaces */
enum {
	PRI_NONE,
	PRI_TITLE,
	PRI_TIME_OUT,
	PRI_TIME,
	PRI_META,
	PRI_JSONLD
};

struct meta_field {
	struct buf val;
	int pri; /* who set it: a higher one replaces it */
};

static void field_set(struct meta_field *f, int pri, const char *s)
{
	if (!s || pri <= f->pri)
		return;
	size_t a = 0, b = strlen(s);
	text_trim(s, &a, &b);
	if (a == b)
		return;
	buf_reset(&f->val);
	buf_add(&f->val, s + a, b - a);
	f->pri = pri;
}

struct date_field {
	bool set, month;
	long days;
	int pri;
};

static void date_set(struct date_field *f, int pri, const char *s)
{
	long d;
	bool month;
	if (!s || pri <= f->pri || !html_parse_date(s, &d, &month))
		return;
	f->set = true;
	f->days = d;
	f->month = month;
	f->pri = pri;
}

/* ---- the SAX state ---- */

/* what an open element is, kept for its end (the end tag is not
 * compared again) */
enum {
	F_DROP = 1,
	F_ARTICLE = 2,
	F_LINK = 4,
	F_CAPTURE = 8,
	F_BLOCK = 16,
	F_BR = 32,
	F_HEAD = 64 /* h1, h2 */,
	F_H1 = 128
};
enum {
	CAP_NONE,
	CAP_TITLE,
	CAP_JSONLD
};

struct html_sax {
	struct page_articles *m;
	struct html_reader *page; /* NULL for a fragment */
	size_t cap;

	unsigned char flags[MAX_DEPTH];
	unsigned depth, drop, article;
	unsigned in_link;
	int capture;
	struct buf cap_buf;

	/* the block being built */
	struct buf block;
	size_t link_bytes;
	unsigned links;
	bool space;    /* a space is due before the next text */
	bool heading;  /* in h1/h2 */
	bool h1;       /* in h1 */
	bool after_br; /* the last block boundary was a <br> */
	bool item;     /* an <li> opened: its first line is a list item */
};

struct html_reader {
	struct page_articles *m;
	size_t cap;
	struct html_sax sax;
	htmlParserCtxtPtr ctxt;
	bool started, failed_parser;

	/* encoding */
	struct buf head; /* the first bytes, until the prescan is done */
	iconv_t cd;      /* (iconv_t)-1: UTF-8, validated by hand */
	unsigned char pend[8];
	size_t npend;
	struct buf conv;

	/* metadata */
	struct meta_field title, author, url, og_url, doc_title;
	struct date_field date, modified;
	/* the text of an element marked as the author (rel="author",
	 * itemprop="author") */
	struct {
		bool active;
		unsigned depth;
		struct buf text;
	} author_capture;
	bool document; /* a doctype or <html> opens it: it should close too */
	size_t tail_len;
	char tail[16]; /* the last bytes, to see "</html>" */

	/* the line queue: [flags][u32 length][bytes], length 0 a blank line */
	struct buf queue;
	size_t article_text;  /* bytes of text kept inside <article>/<main> */
	size_t all_text;      /* bytes of text kept anywhere */
	bool scoped;          /* enough of it: text outside them is dropped */
	bool article_started; /* a line inside them went on */
	bool direct;
	char *warning;
};

/* ---- lines to the state machine ---- */

static void replay(struct html_reader *h);

/* Queue record flags */
enum {
	Q_ARTICLE = 1,
	Q_H1 = 2
};

/* Whether a line is kept: once the page has shown an <article> or
 * <main> with text in it, what stands outside them is page furniture,
 * but for a top-level headline (some pages print it above the article). */
static bool in_scope(struct html_reader *h, unsigned flags, const char *s, size_t len)
{
	if (!h->scoped || (flags & (Q_ARTICLE | Q_H1))) {
		h->article_started |= (flags & Q_ARTICLE) != 0;
		return true;
	}
	/* the byline and date printed above the article, outside it */
	if (h->article_started)
		return false;
	enum page_line_kind k = page_classify(s, len, NULL, NULL, NULL);
	return k == PAGE_LINE_BYLINE || k == PAGE_LINE_DATE;
}

static void put_line(struct html_sax *x, const char *s, size_t len)
{
	struct html_reader *h = x->page;
	unsigned flags = (x->article ? Q_ARTICLE : 0) | (x->h1 ? Q_H1 : 0);
	if (h && len && (flags & Q_ARTICLE))
		h->article_text += len;
	if (h)
		h->all_text += len;
	if (!h) {
		page_articles_line(x->m, s, len);
		return;
	}
	if (h->direct) {
		if (!len || in_scope(h, flags, s, len))
			page_articles_line(x->m, s, len);
		return;
	}
	uint32_t n = (uint32_t)len;
	unsigned char f = (unsigned char)flags;
	buf_add(&h->queue, &f, 1);
	buf_add(&h->queue, &n, sizeof n);
	buf_add(&h->queue, s, len);
	if (h->queue.len > HTML_QUEUE_MAX)
		replay(h);
}

/* Ends the line being built; paragraph: a blank line follows. */
static void end_line(struct html_sax *x, bool paragraph)
{
	size_t a = 0, b = x->block.len;
	text_trim(x->block.data, &a, &b);
	if (a < b &&
	    htmlmain_keep_block(x->block.data + a, b - a, x->link_bytes, x->links, x->heading)) {
		if (x->item) {
			/* a list item keeps its marker for the state machine */
			struct buf it;
			buf_init(&it);
			buf_adds(&it, "\xe2\x80\xa2 ");
			buf_add(&it, x->block.data + a, b - a);
			put_line(x, it.data, it.len);
			buf_release(&it);
		} else {
			put_line(x, x->block.data + a, b - a);
		}
		x->item = false;
	}
	if (paragraph && (a < b || x->block.len == 0))
		put_line(x, "", 0);
	buf_reset(&x->block);
	x->link_bytes = 0;
	x->links = 0;
	x->space = false;
}

/* A very long block goes on in lines cut at the last sentence end or
 * space before cap, so memory stays bounded. */
static void cut_long(struct html_sax *x)
{
	size_t cut = 0;
	for (size_t i = x->block.len; i-- > x->block.len / 2;)
		if (x->block.data[i] == ' ') {
			cut = i;
			if (i > 0 && strchr(".!?", x->block.data[i - 1]))
				break;
		}
	if (!cut)
		cut = x->block.len;
	while (cut < x->block.len && ((unsigned char)x->block.data[cut] & 0xC0) == 0x80)
		cut++;
	struct buf rest;
	buf_init(&rest);
	buf_add(&rest, x->block.data + cut, x->block.len - cut);
	x->block.len = cut;
	x->block.data[cut] = '\0';
	end_line(x, false);
	buf_add(&x->block, rest.data, rest.len);
	buf_release(&rest);
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Appends text with its white space (and no-break spaces) collapsed: the
 * bytes are copied at once, then collapsed in place. */
static void add_text(struct html_sax *x, const unsigned char *s, size_t len)
{
	size_t before = x->block.len;
	/* a space due from the last call goes before text that starts now
	 * (written here, so the in-place pass never writes ahead of itself) */
	if (x->space && len && !is_space(s[0]) && !(s[0] == 0xC2 && len > 1 && s[1] == 0xA0)) {
		buf_addc(&x->block, ' ');
		x->space = false;
	}
	size_t start = x->block.len;
	buf_add(&x->block, s, len);
	char *d = x->block.data;
	size_t w = start, end = x->block.len;
	for (size_t r = start; r < end; r++) {
		unsigned char c = (unsigned char)d[r];
		if (is_space(c)) {
			x->space = w > 0;
			continue;
		}
		if (c == 0xC2 && r + 1 < end && (unsigned char)d[r + 1] == 0xA0) {
			x->space = w > 0;
			r++;
			continue;
		}
		if (x->space) {
			d[w++] = ' ';
			x->space = false;
		}
		d[w++] = (char)c;
	}
	x->block.len = w;
	d[w] = '\0';
	if (x->in_link)
		x->link_bytes += x->block.len - before;
	if (x->block.len >= x->cap)
		cut_long(x);
}

/* ---- JSON-LD ---- */

static bool article_type(json_t *t)
{
	static const char *const types[] = {"Article",
					    "NewsArticle",
					    "BlogPosting",
					    "ReportageNewsArticle",
					    "AnalysisNewsArticle",
					    "OpinionNewsArticle",
					    "ReviewNewsArticle",
					    "BackgroundNewsArticle",
					    "Report",
					    "ScholarlyArticle",
					    "TechArticle",
					    "LiveBlogPosting",
					    "SocialMediaPosting",
					    NULL};
	if (json_is_array(t)) {
		for (size_t i = 0; i < json_array_size(t); i++) {
			json_t *v = json_array_get(t, i);
			if (article_type(v))
				return true;
		}
		return false;
	}
	if (!json_is_string(t))
		return false;
	const char *s = json_string_value(t);
	const char *colon = strrchr(s, '/'); /* "http://schema.org/NewsArticle" */
	if (colon)
		s = colon + 1;
	for (size_t i = 0; types[i]; i++)
		if (strcmp(s, types[i]) == 0)
			return true;
	return false;
}

static void add_author_name(struct buf *names, json_t *a)
{
	const char *n = NULL;
	if (json_is_string(a))
		n = json_string_value(a);
	else if (json_is_object(a)) {
		/* an organisation is a publisher, not a byline */
		const char *type = json_string_value(json_object_get(a, "@type"));
		if (type && strcmp(type, "Person") != 0)
			return;
		n = json_string_value(json_object_get(a, "name"));
	}
	if (!n || !*n || strstr(n, "://"))
		return;
	if (strncasecmp(n, "by ", 3) == 0)
		n += 3;
	if (names->len)
		buf_adds(names, ", ");
	buf_adds(names, n);
}

static bool jsonld_article(struct html_reader *h, json_t *o)
{
	if (!json_is_object(o))
		return false;
	json_t *graph = json_object_get(o, "@graph");
	if (json_is_array(graph)) {
		for (size_t i = 0; i < json_array_size(graph); i++) {
			json_t *v = json_array_get(graph, i);
			if (jsonld_article(h, v))
				return true;
		}
	}
	if (!article_type(json_object_get(o, "@type")))
		return false;
	field_set(&h->title, PRI_JSONLD, json_string_value(json_object_get(o, "headline")));
	date_set(&h->date, PRI_JSONLD, json_string_value(json_object_get(o, "datePublished")));
	date_set(&h->modified, PRI_JSONLD, json_string_value(json_object_get(o, "dateModified")));
	json_t *a = json_object_get(o, "author");
	struct buf names;
	buf_init(&names);
	if (json_is_array(a)) {
		for (size_t i = 0; i < json_array_size(a); i++) {
			json_t *v = json_array_get(a, i);
			add_author_name(&names, v);
		}
	} else {
		add_author_name(&names, a);
	}
	field_set(&h->author, PRI_JSONLD, names.data);
	buf_release(&names);
	const char *u = json_string_value(json_object_get(o, "url"));
	if (u && strstr(u, "://"))
		field_set(&h->og_url, PRI_JSONLD, u);
	return true;
}

/* No article object: a WebPage's (or any object's) datePublished still
 * dates the page, as a <meta> tag would. */
static void jsonld_any_date(struct html_reader *h, json_t *v, int depth)
{
	if (depth > 3)
		return;
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++)
			jsonld_any_date(h, json_array_get(v, i), depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	date_set(&h->date, PRI_META, json_string_value(json_object_get(v, "datePublished")));
	jsonld_any_date(h, json_object_get(v, "@graph"), depth + 1);
}

static void jsonld(struct html_reader *h, const char *s, size_t len)
{
	json_error_t err;
	json_t *root = json_loadb(s, len, JSON_DECODE_ANY, &err);
	if (!root)
		return;
	bool found = false;
	if (h->title.pri < PRI_JSONLD || h->date.pri < PRI_JSONLD) {
		if (json_is_array(root)) {
			for (size_t i = 0; i < json_array_size(root) && !found; i++)
				found = jsonld_article(h, json_array_get(root, i));
		} else {
			found = jsonld_article(h, root);
		}
	}
	if (!found)
		jsonld_any_date(h, root, 0);
	json_decref(root);
}

/* ---- <meta>, <link>, <time> ---- */

static const char *attr(const xmlChar **attrs, const char *name)
{
	for (size_t i = 0; attrs && attrs[i]; i += 2)
		if (strcasecmp((const char *)attrs[i], name) == 0)
			return attrs[i + 1] ? (const char *)attrs[i + 1] : "";
	return NULL;
}

static void on_meta(struct html_reader *h, const xmlChar **attrs)
{
	static const char *const date_names[] = {"article:published_time",
						 "og:published_time",
						 "date",
						 "pubdate",
						 "publishdate",
						 "publish-date",
						 "publish_date",
						 "published_time",
						 "publication_date",
						 "dc.date.issued",
						 "dcterms.issued",
						 "dc.date",
						 "dcterms.date",
						 "dcterms.created",
						 "dc.date.created",
						 "article.published",
						 "article_date_original",
						 "sailthru.date",
						 "parsely-pub-date",
						 "citation_publication_date",
						 "citation_date",
						 "datepublished",
						 "date.published",
						 "originalpublicationdate",
						 NULL};
	static const char *const author_names[] = {"author",
						   "article:author",
						   "dc.creator",
						   "dcterms.creator",
						   "parsely-author",
						   "sailthru.author",
						   "byl",
						   "citation_author",
						   NULL};
	const char *key = attr(attrs, "property");
	const char *content = attr(attrs, "content");
	if (!key)
		key = attr(attrs, "name");
	if (!key)
		key = attr(attrs, "itemprop");
	if (!key || !content)
		return;
	static const char *const modified_names[] = {"article:modified_time",
						     "og:updated_time",
						     "last-modified",
						     "dateModified",
						     "dcterms.modified",
						     "dc.date.modified",
						     NULL};
	for (size_t i = 0; date_names[i]; i++)
		if (strcasecmp(key, date_names[i]) == 0)
			date_set(&h->date, PRI_META, content);
	for (size_t i = 0; modified_names[i]; i++)
		if (strcasecmp(key, modified_names[i]) == 0)
			date_set(&h->modified, PRI_META, content);
	for (size_t i = 0; author_names[i]; i++)
		if (strcasecmp(key, author_names[i]) == 0 && !strstr(content, "://")) {
			/* "By Anna Reed" */
			if (strncasecmp(content, "by ", 3) == 0)
				content += 3;
			field_set(&h->author, PRI_META, content);
		}
	if (strcasecmp(key, "og:title") == 0)
		field_set(&h->title, PRI_META, content);
	if (strcasecmp(key, "og:url") == 0)
		field_set(&h->og_url, PRI_META, content);
}

/* A name of two to five words, no longer than a name */
static void author_candidate(struct html_reader *h)
{
	char *t = ledger_collapse_space(h->author_capture.text.data);
	size_t len = strlen(t), words = 1;
	for (size_t i = 0; i < len; i++)
		words += t[i] == ' ';
	const char *n = t;
	if (strncasecmp(n, "by ", 3) == 0)
		n += 3, words--;
	if (len && len <= 60 && words >= 2 && words <= 5 && !strchr(n, '@'))
		field_set(&h->author, PRI_TIME, n);
	free(t);
}

static bool in_article(const struct html_sax *x)
{
	return x->article > 0;
}

/* ---- SAX callbacks ---- */

static void sax_start(void *ud, const xmlChar *name_x, const xmlChar **attrs)
{
	struct html_sax *x = ud;
	const char *name = (const char *)name_x;
	struct html_reader *h = x->page;
	unsigned char fl = 0;

	if (x->depth >= MAX_DEPTH) { /* too deep to remember: text only */
		x->depth++;
		return;
	}

	if (h) {
		switch (name[0]) {
		case 'm':
			if (strcmp(name, "meta") == 0)
				on_meta(h, attrs);
			break;
		case 'l':
			if (strcmp(name, "link") == 0) {
				const char *rel = attr(attrs, "rel"), *href = attr(attrs, "href");
				if (rel && href && strcasecmp(rel, "canonical") == 0)
					field_set(&h->url, PRI_META, href);
			}
			break;
		case 't':
			if (strcmp(name, "title") == 0 && !h->doc_title.pri &&
			    x->capture == CAP_NONE) {
				x->capture = CAP_TITLE;
				fl |= F_CAPTURE;
			}
			break;
		case 's':
			if (strcmp(name, "script") == 0 && x->capture == CAP_NONE) {
				const char *type = attr(attrs, "type");
				if (type && strcasecmp(type, "application/ld+json") == 0) {
					x->capture = CAP_JSONLD;
					fl |= F_CAPTURE;
				}
			}
			break;
		default:
			break;
		}
	}
	if (name[0] == 'h' && (name[1] == '1' || name[1] == '2') && !name[2])
		fl |= name[1] == '1' ? F_HEAD | F_H1 : F_HEAD;
	if (name[0] == 'b' && name[1] == 'r' && !name[2])
		fl |= F_BR;
	if (!x->drop && htmlmain_is_block(name)) {
		bool br = fl & F_BR;
		/* "text<br><br>text": two line breaks end a paragraph */
		bool blank = br && x->after_br && x->block.len == 0;
		end_line(x, !br || blank);
		x->after_br = br;
		fl |= F_BLOCK;
	}
	if (!x->drop) {
		if (htmlmain_drop_element(name, (const char *const *)attrs, in_article(x)) ||
		    strcmp(name, "title") == 0) {
			fl |= F_DROP;
			x->drop++;
		} else {
			if (strcmp(name, "article") == 0 || strcmp(name, "main") == 0) {
				fl |= F_ARTICLE;
				x->article++;
			}
			/* rel, itemprop, datetime, content: one pass */
			const char *rel = NULL, *ip = NULL, *dt = NULL, *ct = NULL;
			for (size_t i = 0; h && attrs && attrs[i]; i += 2) {
				const char *a = (const char *)attrs[i];
				const char *v = attrs[i + 1] ? (const char *)attrs[i + 1] : "";
				if (a[0] == 'r' && strcmp(a, "rel") == 0)
					rel = v;
				else if (a[0] == 'i' && strcmp(a, "itemprop") == 0)
					ip = v;
				else if (a[0] == 'd' && strcmp(a, "datetime") == 0)
					dt = v;
				else if (a[0] == 'c' && strcmp(a, "content") == 0)
					ct = v;
			}
			if (h && !h->author_capture.active && x->capture == CAP_NONE &&
			    ((rel && strcasecmp(rel, "author") == 0) ||
			     (ip && strcasecmp(ip, "author") == 0))) {
				h->author_capture.active = true;
				h->author_capture.depth = x->depth;
				buf_reset(&h->author_capture.text);
			}
			if (name[0] == 'a' && !name[1]) {
				fl |= F_LINK;
				x->in_link++;
				x->links++;
			}
			if (name[0] == 'l' && name[1] == 'i' && !name[2])
				x->item = true;
			if (fl & F_HEAD)
				x->heading = true;
			if (fl & F_H1)
				x->h1 = true;
			bool time = name[0] == 't' && strcmp(name, "time") == 0;
			if (h && (time || ip)) {
				if (!dt)
					dt = ct;
				if (ip && strcasecmp(ip, "datePublished") == 0)
					date_set(&h->date, PRI_META, dt);
				else if (time && dt && (!ip || strcasecmp(ip, "dateModified") != 0))
					date_set(&h->date, in_article(x) ? PRI_TIME : PRI_TIME_OUT,
						 dt);
			}
		}
	}
	if (x->depth < MAX_DEPTH)
		x->flags[x->depth] = fl;
	x->depth++;
}

static void sax_end(void *ud, const xmlChar *name_x)
{
	struct html_sax *x = ud;
	(void)name_x;
	if (!x->depth)
		return;
	x->depth--;
	unsigned char fl = x->depth < MAX_DEPTH ? x->flags[x->depth] : 0;
	if (x->page && x->page->author_capture.active &&
	    x->page->author_capture.depth == x->depth) {
		x->page->author_capture.active = false;
		author_candidate(x->page);
	}
	if (fl & F_CAPTURE) {
		if (x->capture == CAP_JSONLD)
			jsonld(x->page, x->cap_buf.data, x->cap_buf.len);
		else if (x->capture == CAP_TITLE) {
			char *t = ledger_collapse_space(x->cap_buf.data);
			field_set(&x->page->doc_title, PRI_TITLE, t);
			free(t);
		}
		x->capture = CAP_NONE;
		buf_reset(&x->cap_buf);
	}
	if (fl & F_DROP)
		x->drop--;
	/* the block ends inside the article it closes */
	if (fl & F_BLOCK && !x->drop) {
		end_line(x, !(fl & F_BR));
		if (!(fl & F_BR))
			x->after_br = false;
		if (fl & F_HEAD)
			x->heading = false;
		if (fl & F_H1)
			x->h1 = false;
	}
	if (fl & F_ARTICLE)
		x->article--;
	if (fl & F_LINK)
		x->in_link--;
}

static void sax_text(void *ud, const xmlChar *s, int len)
{
	struct html_sax *x = ud;
	if (len <= 0)
		return;
	if (x->capture != CAP_NONE) {
		if (x->cap_buf.len + (size_t)len <= CAPTURE_MAX)
			buf_add(&x->cap_buf, s, (size_t)len);
		return;
	}
	if (x->drop)
		return;
	if (x->after_br) {
		for (int i = 0; i < len; i++)
			if (s[i] > ' ' && s[i] != 0xC2) {
				x->after_br = false;
				break;
			}
	}
	if (x->page && x->page->author_capture.active && x->page->author_capture.text.len < 256)
		buf_add(&x->page->author_capture.text, s, (size_t)len);
	add_text(x, s, (size_t)len);
}

static void sax_silent(void *ud, const char *msg, ...)
{
	(void)ud;
	(void)msg;
}

static void structured_silent(void *ud, xmlErrorPtr e)
{
	(void)ud;
	(void)e;
}

static htmlSAXHandler sax_handler(void)
{
	htmlSAXHandler s;
	memset(&s, 0, sizeof s);
	s.startElement = sax_start;
	s.endElement = sax_end;
	s.characters = sax_text;
	s.cdataBlock = sax_text;
	s.warning = sax_silent;
	s.error = sax_silent;
	s.fatalError = sax_silent;
	return s;
}

/*
 * libxml2 2.9's HTML push parser resumes a failed look-ahead (for the
 * '<' that ends a text, the '>' that ends a tag) at ctxt->checkIndex, an
 * offset into its input buffer that goes stale when the parser shrinks
 * that buffer: it then waits for the end of the page, holding all of it.
 * Starting each chunk's look-ahead afresh costs a rescan of the pending
 * bytes and keeps the parser streaming.
 */
static void push(htmlParserCtxtPtr c, const char *s, size_t len)
{
	c->checkIndex = 0;
	htmlParseChunk(c, s, (int)len, 0);
}

static htmlParserCtxtPtr new_parser(struct html_sax *x)
{
	htmlSAXHandler s = sax_handler();
	xmlSetStructuredErrorFunc(NULL, structured_silent);
	htmlParserCtxtPtr c =
		htmlCreatePushParserCtxt(&s, x, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
	if (c)
		htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					      HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
					      HTML_PARSE_IGNORE_ENC);
	return c;
}

static void sax_init(struct html_sax *x, struct page_articles *m, struct html_reader *page,
		     size_t cap)
{
	memset(x, 0, sizeof *x);
	x->m = m;
	x->page = page;
	x->cap = cap;
	buf_init(&x->cap_buf);
	buf_init(&x->block);
}

static void sax_release(struct html_sax *x)
{
	buf_release(&x->cap_buf);
	buf_release(&x->block);
}

void html_fragment(struct page_articles *m, size_t cap, const char *s, size_t len)
{
	struct html_sax x;
	sax_init(&x, m, NULL, cap);
	htmlParserCtxtPtr c = new_parser(&x);
	if (c) {
		/* libxml2 takes an int length: feed in pieces */
		for (size_t i = 0; i < len; i += 1 << 20) {
			size_t n = len - i < (1 << 20) ? len - i : (1 << 20);
			push(c, s + i, n);
		}
		htmlParseChunk(c, NULL, 0, 1);
		htmlFreeParserCtxt(c);
	}
	end_line(&x, true);
	sax_release(&x);
}

/* ---- the page reader ---- */

static void release_meta(struct html_reader *h)
{
	buf_release(&h->title.val);
	buf_release(&h->author.val);
	buf_release(&h->url.val);
	buf_release(&h->og_url.val);
	buf_release(&h->doc_title.val);
	buf_release(&h->author_capture.text);
}

struct html_reader *html_reader_new(struct page_articles *m, size_t cap)
{
	struct html_reader *h = xcalloc(1, sizeof *h);
	h->m = m;
	h->cap = cap;
	sax_init(&h->sax, m, h, cap);
	buf_init(&h->head);
	buf_init(&h->conv);
	buf_init(&h->queue);
	buf_init(&h->title.val);
	buf_init(&h->author.val);
	buf_init(&h->url.val);
	buf_init(&h->og_url.val);
	buf_init(&h->doc_title.val);
	buf_init(&h->author_capture.text);
	h->cd = (iconv_t)-1;
	return h;
}

void html_reader_free(struct html_reader *h)
{
	if (!h)
		return;
	if (h->ctxt)
		htmlFreeParserCtxt(h->ctxt);
	if (h->cd != (iconv_t)-1)
		iconv_close(h->cd);
	sax_release(&h->sax);
	release_meta(h);
	buf_release(&h->head);
	buf_release(&h->conv);
	buf_release(&h->queue);
	free(h->warning);
	free(h);
}

const char *html_warning(const struct html_reader *h)
{
	return h->warning;
}

/* "| Vistula Times": a site name after the last bar or dash of <title> */
static void strip_site(struct buf *t)
{
	static const char *const seps[] = {
		" | ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " - ", " :: ", " \xc2\xbb ", NULL};
	size_t best = 0;
	for (size_t k = 0; seps[k]; k++) {
		size_t n = strlen(seps[k]);
		for (size_t i = 1; i + n <= t->len; i++)
			if (memcmp(t->data + i, seps[k], n) == 0 && i > best && t->len - i - n < i)
				best = i;
	}
	if (best) {
		t->len = best;
		t->data[best] = '\0';
	}
}

/* "https://example.org/news/2023/10/10/title", ".../2023-10-10-title",
 * ".../2023/10/title": the date a url carries, or false. */
static bool url_date(const char *u, long *days, bool *month_only)
{
	for (const char *p = u; *p; p++) {
		int y, m, d;
		if (*p != '/' || !digits(p + 1, 4, &y) || y < 1990 || y > 2100)
			continue;
		char sep = p[5];
		if ((sep != '/' && sep != '-') || !digits(p + 6, 2, &m))
			continue;
		if (p[8] == sep && digits(p + 9, 2, &d) && !(p[11] >= '0' && p[11] <= '9') &&
		    date_valid(y, m, d)) {
			*days = date_from_ymd(y, m, d);
			*month_only = false;
			return true;
		}
		if (sep == '/' && p[8] == '/' && date_valid(y, m, 1)) {
			*days = date_from_ymd(y, m, 1);
			*month_only = true;
			return true;
		}
	}
	return false;
}

/* The metadata goes to the state machine, then the lines that waited. */
static void replay(struct html_reader *h)
{
	struct page_meta meta = {0};
	if (h->direct)
		return;
	h->direct = true;
	strip_site(&h->doc_title.val);
	meta.title = h->title.pri ? h->title.val.data : NULL;
	meta.author = h->author.pri ? h->author.val.data : NULL;
	meta.has_date = h->date.set;
	meta.date = h->date.days;
	meta.precision = h->date.month ? PAGE_DATE_MONTH : PAGE_DATE_DAY;
	meta.source = h->date.pri == PRI_JSONLD ? PAGE_SRC_JSONLD
		      : h->date.pri == PRI_META ? PAGE_SRC_META
						: PAGE_SRC_TIME;
	meta.fallback_title = h->doc_title.val.data;
	/* when neither metadata nor the text dates it: the url's date, else
	 * the modification date */
	const char *u = h->url.pri ? h->url.val.data : h->og_url.val.data;
	bool month;
	if (url_date(u, &meta.fallback_date, &month)) {
		meta.fallback_has_date = true;
		meta.fallback_precision = month ? PAGE_DATE_MONTH : PAGE_DATE_DAY;
	} else if (h->modified.set) {
		meta.fallback_has_date = true;
		meta.fallback_date = h->modified.days;
		meta.fallback_precision = h->modified.month ? PAGE_DATE_MONTH : PAGE_DATE_DAY;
	}
	page_articles_meta(h->m, &meta);
	page_articles_page_url(h->m, h->url.pri ? h->url.val.data : h->og_url.val.data);
	/* enough text inside <article>/<main>: the rest is furniture */
	/* ... and a third of the page's text at least: <article> cards of
	 * teasers beside a story printed outside them do not scope it */
	h->scoped = h->article_text >= SCOPE_MIN && h->article_text * 3 >= h->all_text;
	for (size_t i = 0; i + 5 <= h->queue.len;) {
		uint32_t n;
		unsigned char f = (unsigned char)h->queue.data[i++];
		memcpy(&n, h->queue.data + i, sizeof n);
		i += sizeof n;
		if (!n || in_scope(h, f, h->queue.data + i, n))
			page_articles_line(h->m, h->queue.data + i, n);
		i += n;
	}
	buf_release(&h->queue);
	buf_init(&h->queue);
}

/* The charset a <meta> of the first bytes declares, into out. */
static bool prescan_charset(const char *s, size_t len, char out[40])
{
	for (size_t i = 0; i + 5 < len; i++) {
		if (s[i] != '<' || strncasecmp(s + i + 1, "meta", 4) != 0)
			continue;
		size_t end = i;
		while (end < len && s[end] != '>')
			end++;
		for (size_t j = i; j + 7 < end; j++) {
			if (strncasecmp(s + j, "charset", 7) != 0)
				continue;
			size_t k = j + 7;
			while (k < end && (s[k] == ' ' || s[k] == '='))
				k++;
			while (k < end && (s[k] == '"' || s[k] == '\''))
				k++;
			size_t n = 0;
			while (k < end && n < 39 && s[k] != '"' && s[k] != '\'' && s[k] != ';' &&
			       s[k] != ' ' && s[k] != '/' && s[k] != '>')
				out[n++] = s[k++];
			out[n] = '\0';
			if (n)
				return true;
		}
	}
	return false;
}

static void open_encoding(struct html_reader *h, const char *s, size_t len)
{
	char cs[40];
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		return; /* UTF-8 BOM: libxml2 skips it */
	if (len >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 || memcmp(s, "\xfe\xff", 2) == 0)) {
		h->cd = iconv_open("UTF-8", "UTF-16");
		return;
	}
	if (!prescan_charset(s, len, cs))
		return;
	for (char *p = cs; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	if (strcmp(cs, "utf-8") == 0 || strcmp(cs, "utf8") == 0 ||
	    strncmp(cs, "utf-16", 6) == 0) /* a UTF-16 page declares in ASCII?
					    * it is not UTF-16 then */
		return;
	/* what browsers do: these labels mean windows-1252 */
	if (strcmp(cs, "iso-8859-1") == 0 || strcmp(cs, "latin1") == 0 ||
	    strcmp(cs, "us-ascii") == 0 || strcmp(cs, "ascii") == 0 ||
	    strcmp(cs, "iso8859-1") == 0 || strcmp(cs, "l1") == 0)
		snprintf(cs, sizeof cs, "%s", "windows-1252");
	h->cd = iconv_open("UTF-8", cs);
	if (h->cd == (iconv_t)-1) {
		free(h->warning);
		struct buf w;
		buf_init(&w);
		buf_printf(&w, "unknown encoding '%s': read as UTF-8", cs);
		h->warning = buf_detach(&w);
		buf_release(&w);
	}
}

static void parse(struct html_reader *h, const char *s, size_t len)
{
	if (!h->ctxt && !h->failed_parser) {
		h->ctxt = new_parser(&h->sax);
		h->failed_parser = !h->ctxt;
	}
	if (h->ctxt && len)
		push(h->ctxt, s, len);
}

/* UTF-8 in, bad sequences replaced by U+FFFD. */
static void utf8_clean(struct html_reader *h, const char *s, size_t len, bool last)
{
	size_t i = 0, run = 0;
	buf_reset(&h->conv);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n = utf8_char_len(s + i, len - i);
		if (n) {
			i += n;
			continue;
		}
		/* a sequence cut by the chunk's end waits for the next */
		if (!last && len - i < 4) {
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			bool prefix = c >= 0xC2 && c <= 0xF4 && len - i < need;
			for (size_t k = i + 1; k < len && prefix; k++)
				prefix = ((unsigned char)s[k] & 0xC0) == 0x80;
			if (prefix) {
				buf_add(&h->conv, s + run, i - run);
				memcpy(h->pend, s + i, len - i);
				h->npend = len - i;
				parse(h, h->conv.data, h->conv.len);
				return;
			}
		}
		buf_add(&h->conv, s + run, i - run);
		buf_adds(&h->conv, "\xef\xbf\xbd");
		i++;
		run = i;
	}
	if (run == 0) {
		parse(h, s, len);
		return;
	}
	buf_add(&h->conv, s + run, len - run);
	parse(h, h->conv.data, h->conv.len);
}

static void convert(struct html_reader *h, const char *s, size_t len, bool last)
{
	if (h->cd == (iconv_t)-1) {
		if (h->npend) {
			/* a character cut by the last chunk's end: join it to
			 * this chunk (a copy, at most once a chunk) */
			struct buf joined;
			buf_init(&joined);
			buf_add(&joined, h->pend, h->npend);
			buf_add(&joined, s, len);
			h->npend = 0;
			utf8_clean(h, joined.data, joined.len, last);
			buf_release(&joined);
			return;
		}
		utf8_clean(h, s, len, last);
		return;
	}
	/* iconv: held bytes of a cut sequence first */
	struct buf in;
	buf_init(&in);
	buf_add(&in, h->pend, h->npend);
	buf_add(&in, s, len);
	h->npend = 0;
	char *ip = in.data;
	size_t il = in.len;
	buf_reset(&h->conv);
	while (il) {
		char out[16384];
		char *op = out;
		size_t ol = sizeof out;
		size_t r = iconv(h->cd, &ip, &il, &op, &ol);
		buf_add(&h->conv, out, (size_t)(op - out));
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !last && il < sizeof h->pend) {
			memcpy(h->pend, ip, il);
			h->npend = il;
			break;
		}
		/* not of the encoding: U+FFFD */
		buf_adds(&h->conv, "\xef\xbf\xbd");
		ip++;
		il--;
	}
	buf_release(&in);
	parse(h, h->conv.data, h->conv.len);
}

static void note_tail(struct html_reader *h, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\0')
			continue; /* (NUL: the other half of UTF-16) */
		if (h->tail_len == sizeof h->tail) {
			memmove(h->tail, h->tail + 1, sizeof h->tail - 1);
			h->tail_len--;
		}
		h->tail[h->tail_len++] = c;
	}
}

static bool opens_document(const char *s, size_t len)
{
	for (size_t i = 0; i + 5 <= len; i++)
		if (s[i] == '<' && (strncasecmp(s + i + 1, "html", 4) == 0 ||
				    (i + 9 <= len && strncasecmp(s + i + 1, "!doctype", 8) == 0)))
			return true;
	return false;
}

void html_feed(struct html_reader *h, const char *data, size_t len)
{
	if (len > 64)
		note_tail(h, data + len - 64, 64);
	else
		note_tail(h, data, len);
	if (!h->started) {
		buf_add(&h->head, data, len);
		if (h->head.len < PRESCAN)
			return;
		h->started = true;
		h->document = opens_document(h->head.data, h->head.len);
		open_encoding(h, h->head.data, h->head.len);
		convert(h, h->head.data, h->head.len, false);
		buf_release(&h->head);
		buf_init(&h->head);
		return;
	}
	while (len) { /* libxml2 takes an int */
		size_t n = len < ((size_t)1 << 30) ? len : ((size_t)1 << 30);
		convert(h, data, n, false);
		data += n;
		len -= n;
	}
}

void html_finish(struct html_reader *h)
{
	if (!h->started) {
		h->started = true;
		h->document = opens_document(h->head.data, h->head.len);
		open_encoding(h, h->head.data, h->head.len);
		convert(h, h->head.data, h->head.len, true);
	} else {
		convert(h, "", 0, true);
	}
	if (h->ctxt)
		htmlParseChunk(h->ctxt, NULL, 0, 1);
	end_line(&h->sax, true);
	/* a page cut off ends in the middle of a tag or of text; a whole
	 * document ends with "</html>" */
	bool whole = h->tail_len == 0 || h->tail[h->tail_len - 1] == '>';
	if (h->document)
		whole = h->tail_len >= 7 &&
			strncasecmp(h->tail + h->tail_len - 7, "</html>", 7) == 0;
	if (!whole && !h->warning) {
		h->warning = xstrdup("truncated or broken markup (no closing </html>): "
				     "read as far as it goes");
	}
	replay(h);
}
