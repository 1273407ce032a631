/*
 * feed: RSS, Atom and WXR items as articles (feed.h).
 */
#include "likely/page/feed.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "likely/base/buf.h"
#include "likely/page/html.h"
#include "likely/core/ledger.h"
#include "likely/text/text.h"

enum field {
	FD_NONE,
	FD_TITLE,
	FD_LINK,
	FD_PUBDATE,
	FD_PUBLISHED,
	FD_DCDATE,
	FD_UPDATED,
	FD_CREATOR,
	FD_AUTHOR,
	FD_AUTHOR_NAME,
	FD_ENCODED,
	FD_CONTENT,
	FD_DESCRIPTION,
	FD_SUMMARY,
	FD_POST_TYPE,
	FD_SKIP,
	FD_COUNT
};

struct feed_reader {
	struct page_articles *m;
	size_t cap;
	xmlParserCtxtPtr ctxt;
	bool failed;
	unsigned depth;
	unsigned item_depth;     /* depth of the open item/entry, 0 outside */
	enum field capture, sub; /* sub: a child of an Atom author */
	unsigned capture_depth, sub_depth;
	bool xhtml; /* Atom content type="xhtml": markup as text */
	struct buf field[FD_COUNT];
	struct buf atom_link;
	struct buf feed_author; /* an Atom feed's own author */
	char *warning;
};

static void warn(struct feed_reader *f, const char *msg)
{
	if (!f->warning)
		f->warning = xstrdup(msg);
}

const char *feed_warning(const struct feed_reader *f)
{
	return f->warning;
}

/* The value of attribute name into val (cut to size), or NULL. */
static const char *attr(int n, const xmlChar **a, const char *name, char *val, size_t size)
{
	/* SAX2 attributes: localname, prefix, URI, value, end */
	for (int i = 0; i < n; i++)
		if (strcmp((const char *)a[i * 5], name) == 0) {
			size_t len = (size_t)(a[i * 5 + 4] - a[i * 5 + 3]);
			if (len >= size)
				len = size - 1;
			memcpy(val, a[i * 5 + 3], len);
			val[len] = '\0';
			return val;
		}
	return NULL;
}

static enum field field_of(const char *name, const char *prefix)
{
	if (prefix && strcmp(prefix, "content") == 0)
		return strcmp(name, "encoded") == 0 ? FD_ENCODED : FD_NONE;
	if (prefix && strcmp(prefix, "dc") == 0)
		return strcmp(name, "creator") == 0 ? FD_CREATOR
		       : strcmp(name, "date") == 0  ? FD_DCDATE
		       : strcmp(name, "title") == 0 ? FD_TITLE
						    : FD_NONE;
	if (prefix && strcmp(prefix, "wp") == 0)
		return strcmp(name, "post_type") == 0 ? FD_POST_TYPE : FD_NONE;
	static const struct {
		const char *n;
		enum field f;
	} names[] = {{"title", FD_TITLE},      {"link", FD_LINK},
		     {"pubDate", FD_PUBDATE},  {"published", FD_PUBLISHED},
		     {"issued", FD_PUBLISHED}, {"updated", FD_UPDATED},
		     {"modified", FD_UPDATED}, {"author", FD_AUTHOR},
		     {"content", FD_CONTENT},  {"description", FD_DESCRIPTION},
		     {"summary", FD_SUMMARY}};
	if (prefix)
		return FD_NONE;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].n) == 0)
			return names[i].f;
	return FD_NONE;
}

static void add_field(struct feed_reader *f, enum field fd, const char *s, size_t len)
{
	struct buf *b = &f->field[fd];
	if (b->len + len > FEED_FIELD_MAX) {
		warn(f, "an item's field is longer than 16 MiB: the rest is cut");
		len = b->len < FEED_FIELD_MAX ? FEED_FIELD_MAX - b->len : 0;
	}
	buf_add(b, s, len);
}

static void add_escaped(struct feed_reader *f, const char *s, size_t len)
{
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		const char *e = s[i] == '<' ? "&lt;" : s[i] == '&' ? "&amp;" : NULL;
		if (!e)
			continue;
		add_field(f, f->capture, s + run, i - run);
		add_field(f, f->capture, e, strlen(e));
		run = i + 1;
	}
	add_field(f, f->capture, s + run, len - run);
}

static void start_ns(void *ud, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
		     int nns, const xmlChar **ns, int nattr, int ndef, const xmlChar **attrs)
{
	struct feed_reader *f = ud;
	const char *name = (const char *)local;
	(void)uri, (void)nns, (void)ns, (void)ndef;
	f->depth++;
	if (f->capture != FD_NONE) {
		if (f->xhtml) { /* markup of an xhtml content, as HTML text */
			add_field(f, f->capture, "<", 1);
			add_field(f, f->capture, name, strlen(name));
			add_field(f, f->capture, ">", 1);
		} else if (f->capture == FD_AUTHOR && f->sub == FD_NONE) {
			/* Atom: <author><name>Anna Reed</name><email>... */
			f->sub = strcmp(name, "name") == 0 ? FD_AUTHOR_NAME : FD_SKIP;
			f->sub_depth = f->depth;
		}
		return;
	}
	if (!f->item_depth) {
		/* Atom: the feed's author is its entries' when they name none */
		if (f->depth == 2 && strcmp(name, "author") == 0 && !prefix) {
			buf_reset(&f->field[FD_AUTHOR]);
			buf_reset(&f->field[FD_AUTHOR_NAME]);
			f->capture = FD_AUTHOR;
			f->capture_depth = f->depth;
			return;
		}
		if (strcmp(name, "item") == 0 || strcmp(name, "entry") == 0) {
			f->item_depth = f->depth;
			for (int i = 0; i < FD_COUNT; i++)
				buf_reset(&f->field[i]);
			buf_reset(&f->atom_link);
		}
		return;
	}
	if (f->depth != f->item_depth + 1)
		return;
	enum field fd = field_of(name, (const char *)prefix);
	if (fd == FD_LINK) {
		char hv[2048], rv[64];
		const char *href = attr(nattr, attrs, "href", hv, sizeof hv);
		const char *rel = attr(nattr, attrs, "rel", rv, sizeof rv);
		if (href && (!rel || strcmp(rel, "alternate") == 0) && !f->atom_link.len)
			buf_adds(&f->atom_link, href);
	}
	if (fd == FD_NONE || f->field[fd].len)
		return; /* the first of each field */
	char tv[64];
	const char *type = attr(nattr, attrs, "type", tv, sizeof tv);
	f->xhtml = fd == FD_CONTENT && type && strcmp(type, "xhtml") == 0;
	f->capture = fd;
	f->capture_depth = f->depth;
}

static const char *field_str(struct feed_reader *f, enum field fd)
{
	return f->field[fd].len ? f->field[fd].data : NULL;
}

/* "anna@example.org (Anna Reed)" -> "Anna Reed"; a bare address: none */
static char *author_name(const char *s)
{
	if (!s)
		return NULL;
	char *c = ledger_collapse_space(s);
	char *open = strchr(c, '(');
	if (strchr(c, '@') && open && strchr(open, ')')) {
		char *close = strrchr(open, ')');
		*close = '\0';
		char *n = xstrdup(open + 1);
		free(c);
		return n;
	}
	if (!*c || (strchr(c, '@') && !strchr(c, ' '))) {
		free(c);
		return NULL;
	}
	return c;
}

static void end_item(struct feed_reader *f)
{
	const char *type = field_str(f, FD_POST_TYPE);
	if (type) {
		char *t = ledger_collapse_space(type);
		bool post = strcmp(t, "post") == 0;
		free(t);
		if (!post)
			return; /* WXR attachments, pages, menu items */
	}
	struct page_meta meta = {0};
	char *title =
		field_str(f, FD_TITLE) ? ledger_collapse_space(f->field[FD_TITLE].data) : NULL;
	const char *creator = field_str(f, FD_CREATOR);
	if (!creator)
		creator = field_str(f, FD_AUTHOR_NAME);
	if (!creator)
		creator = field_str(f, FD_AUTHOR);
	if (!creator && f->feed_author.len)
		creator = f->feed_author.data;
	char *author = author_name(creator);
	char *link = f->atom_link.len        ? ledger_collapse_space(f->atom_link.data)
		     : field_str(f, FD_LINK) ? ledger_collapse_space(f->field[FD_LINK].data)
					     : NULL;
	static const enum field dates[] = {FD_PUBDATE, FD_PUBLISHED, FD_DCDATE, FD_UPDATED};
	for (size_t i = 0; i < 4 && !meta.has_date; i++) {
		bool month;
		const char *d = field_str(f, dates[i]);
		if (d && html_parse_date(d, &meta.date, &month)) {
			meta.has_date = true;
			meta.precision = month ? PAGE_DATE_MONTH : PAGE_DATE_DAY;
		}
	}
	meta.source = PAGE_SRC_META;
	meta.title = title;
	meta.author = author;
	meta.url = link;
	page_articles_break(f->m);
	page_articles_meta(f->m, &meta);
	if (title && *title) {
		page_articles_line(f->m, title, strlen(title));
		page_articles_line(f->m, "", 0);
	}
	static const enum field bodies[] = {FD_ENCODED, FD_CONTENT, FD_DESCRIPTION, FD_SUMMARY};
	for (size_t i = 0; i < 4; i++)
		if (f->field[bodies[i]].len) {
			html_fragment(f->m, f->cap, f->field[bodies[i]].data,
				      f->field[bodies[i]].len);
			break;
		}
	free(title);
	free(author);
	free(link);
}

static void end_ns(void *ud, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	struct feed_reader *f = ud;
	(void)prefix, (void)uri;
	if (f->capture != FD_NONE) {
		if (f->sub != FD_NONE && f->depth == f->sub_depth) {
			f->sub = FD_NONE;
		} else if (f->depth == f->capture_depth) {
			if (!f->item_depth && f->capture == FD_AUTHOR) {
				buf_reset(&f->feed_author);
				buf_adds(&f->feed_author, f->field[FD_AUTHOR_NAME].data);
			}
			f->capture = FD_NONE;
			f->xhtml = false;
		} else if (f->xhtml) {
			add_field(f, f->capture, "</", 2);
			add_field(f, f->capture, (const char *)local, strlen((const char *)local));
			add_field(f, f->capture, ">", 1);
		}
	}
	if (f->item_depth && f->depth == f->item_depth) {
		f->item_depth = 0;
		end_item(f);
	}
	f->depth--;
}

static void text(void *ud, const xmlChar *s, int len)
{
	struct feed_reader *f = ud;
	if (f->capture == FD_NONE || len <= 0)
		return;
	if (f->sub == FD_SKIP)
		return;
	if (f->sub != FD_NONE)
		add_field(f, f->sub, (const char *)s, (size_t)len);
	else if (f->xhtml)
		add_escaped(f, (const char *)s, (size_t)len);
	else
		add_field(f, f->capture, (const char *)s, (size_t)len);
}

static void silent(void *ud, xmlErrorPtr e)
{
	struct feed_reader *f = ud;
	(void)e;
	warn(f, "ill-formed XML: read as far as it goes");
}

struct feed_reader *feed_reader_new(struct page_articles *m, size_t cap)
{
	struct feed_reader *f = xcalloc(1, sizeof *f);
	xmlSAXHandler s;
	f->m = m;
	f->cap = cap;
	for (int i = 0; i < FD_COUNT; i++)
		buf_init(&f->field[i]);
	buf_init(&f->atom_link);
	buf_init(&f->feed_author);
	memset(&s, 0, sizeof s);
	s.initialized = XML_SAX2_MAGIC;
	s.startElementNs = start_ns;
	s.endElementNs = end_ns;
	s.characters = text;
	s.cdataBlock = text;
	s.serror = silent;
	f->ctxt = xmlCreatePushParserCtxt(&s, f, NULL, 0, NULL);
	if (f->ctxt)
		xmlCtxtUseOptions(f->ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
						   XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	return f;
}

void feed_reader_free(struct feed_reader *f)
{
	if (!f)
		return;
	if (f->ctxt)
		xmlFreeParserCtxt(f->ctxt);
	for (int i = 0; i < FD_COUNT; i++)
		buf_release(&f->field[i]);
	buf_release(&f->atom_link);
	buf_release(&f->feed_author);
	free(f->warning);
	free(f);
}

void feed_feed(struct feed_reader *f, const char *data, size_t len)
{
	while (f->ctxt && len) {
		size_t n = len < ((size_t)1 << 30) ? len : ((size_t)1 << 30);
		xmlParseChunk(f->ctxt, data, (int)n, 0);
		data += n;
		len -= n;
	}
}

void feed_finish(struct feed_reader *f)
{
	if (f->ctxt) {
		xmlParseChunk(f->ctxt, NULL, 0, 1);
		if (!f->ctxt->wellFormed)
			warn(f, "ill-formed XML: read as far as it goes");
	}
}
