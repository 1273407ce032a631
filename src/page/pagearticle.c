/*
 * pagearticle: a line-driven state machine.  Each article has a header
 * (before its first body paragraph) where dates, bylines, names and
 * headlines are metadata, and a body where a date or byline announces the
 * next article.  Headline-like lines met in a body wait ("pending") until
 * the next significant line shows whether they open a new article (a date
 * or byline follows) or were sub-headings of this one.  The article is
 * reported when its first body paragraph starts, so everything printed
 * above that paragraph -- and a wire dateline at its start -- can date
 * it; nothing later can (the reader streams).
 *
 * Page-wide evidence carried from article to article: the last full date
 * seen (a dateline without a year takes its year), and the order of the
 * page's slash dates once one of them shows it.
 */
#include "likely/page/pagearticle.h"

#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/base/date.h"
#include "likely/page/pagedate.h"
#include "likely/page/pageline.h"
#include "likely/text/pagevocab.h"
#include "likely/text/text.h"

#define MAX_HEADS    8
#define CONTINUE_MIN 40  /* a line this long may have been wrapped */
#define WRAP_MAX     120 /* longer lines were not wrapped by a fixed width */
#define WRAP_SLACK   15  /* a wrapped line is at most this much shorter */
/* A dateline's month more than this many days after the page's full
 * date belongs to the year before ("Dec 28" on a page dated 3 January). */
#define DATELINE_AHEAD 62

enum slash_order {
	SLASH_UNKNOWN,
	SLASH_DAY_FIRST,
	SLASH_MONTH_FIRST
};

struct page_articles {
	struct page_callbacks cb;
	size_t cap;
	int stop;

	/* the paragraph being built */
	struct buf para;
	enum page_para_kind para_kind;
	size_t para_last_len;  /* length of the last line put in para */
	bool para_last_term;   /* it ended a sentence */
	bool para_check_blurb; /* follows newsletter boilerplate */
	bool drop_next_para;

	/* the article being read */
	bool in_body;
	bool in_comments; /* readers' comments: dropped up to the next marker */
	unsigned next_index;
	struct buf title, author;
	bool has_date;
	bool date_is_update;      /* from an "Updated" stamp: a publication
				   * date met later in the header replaces it */
	bool date_above_headline; /* met before any headline: likewise */
	struct pagedate date;
	struct buf heads[MAX_HEADS];
	size_t nheads;
	struct buf colon_head; /* "Kazakhstan after the float:" may go on */
	struct buf pend[MAX_HEADS];
	size_t npend;
	struct buf heading;      /* the section heading of the body */
	struct buf block_author; /* a round-up's expert */
	struct page_article art;
	/* the header line just read was added to heads (a wrapped first
	 * paragraph looks like a headline until its next line) */
	bool head_just_added;
	/* heads[title_hint - 1] printed a date after a dash: the headline */
	size_t title_hint;
	/* heads[0] is the page's first line, a masthead more often than not */
	bool masthead;
	bool page_started;

	/* metadata for the next article reported (page_articles_meta) */
	bool meta_pending;
	struct buf meta_title, meta_author, meta_url, page_url, meta_fallback;
	struct page_meta meta;

	/* page-wide */
	/* the longest line seen continued on the next: the width a hard-
	 * wrapped page is wrapped at (0 until one is seen) */
	size_t wrap_width;
	bool has_ref;
	long ref_days; /* the last full date seen */
	enum slash_order slash;
};

struct page_articles *page_articles_new(const struct page_callbacks *cb, size_t cap)
{
	struct page_articles *m = xcalloc(1, sizeof *m);
	m->cb = *cb;
	m->cap = cap;
	buf_init(&m->para);
	buf_init(&m->title);
	buf_init(&m->author);
	buf_init(&m->colon_head);
	buf_init(&m->heading);
	buf_init(&m->block_author);
	buf_init(&m->meta_title);
	buf_init(&m->meta_author);
	buf_init(&m->meta_url);
	buf_init(&m->page_url);
	buf_init(&m->meta_fallback);
	for (size_t i = 0; i < MAX_HEADS; i++) {
		buf_init(&m->heads[i]);
		buf_init(&m->pend[i]);
	}
	m->para_last_term = true;
	return m;
}

void page_articles_free(struct page_articles *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < MAX_HEADS; i++) {
		buf_release(&m->heads[i]);
		buf_release(&m->pend[i]);
	}
	buf_release(&m->block_author);
	buf_release(&m->meta_title);
	buf_release(&m->meta_author);
	buf_release(&m->meta_url);
	buf_release(&m->page_url);
	buf_release(&m->meta_fallback);
	buf_release(&m->heading);
	buf_release(&m->colon_head);
	buf_release(&m->author);
	buf_release(&m->title);
	buf_release(&m->para);
	free(m);
}

int page_articles_status(const struct page_articles *m)
{
	return m->stop;
}

static void set_buf(struct buf *b, const char *s, size_t len)
{
	buf_reset(b);
	buf_add(b, s, len);
}

static bool same_text(const struct buf *b, const char *s, size_t len)
{
	return b->len == len && memcmp(b->data, s, len) == 0;
}

static void emit(struct page_articles *m, enum page_para_kind kind, const char *s, size_t len)
{
	if (m->stop || len == 0)
		return;
	bool title = kind == PAGE_PARA_TITLE;
	struct page_paragraph p = {kind, s, len, title ? "" : m->heading.data,
				   title ? "" : m->block_author.data};
	m->stop = m->cb.on_paragraph(&m->art, &p, m->cb.ctx);
}

static void flush_para(struct page_articles *m)
{
	if (m->para.len &&
	    !(m->para_check_blurb && vocab_contains(vocab_subscription, m->para.data,
						    m->para.len < 400 ? m->para.len : 400)))
		emit(m, m->para_kind, m->para.data, m->para.len);
	buf_reset(&m->para);
	m->para_kind = PAGE_PARA_BODY;
	m->para_last_len = 0;
	m->para_last_term = true;
	m->para_check_blurb = false;
}

/* ---- dates ---- */

static bool header_has_headline(const struct page_articles *m, const char *s, size_t len);

static void note_page_date(struct page_articles *m, const struct pagedate *d)
{
	if (d->slash_month_first)
		m->slash = SLASH_MONTH_FIRST;
	else if (d->slash_day_first)
		m->slash = SLASH_DAY_FIRST;
	if (d->d != 0) {
		m->has_ref = true;
		m->ref_days = pagedate_days(d);
	}
}

/* A date line in the header.  Returns false when it cannot belong to
 * this header (it already has its publication date): the caller starts
 * a new article. */
static bool header_date(struct page_articles *m, struct pagedate d)
{
	if (d.slash_ambiguous && m->slash == SLASH_MONTH_FIRST)
		pagedate_swap(&d);
	bool update = d.label == VOCAB_LABEL_UPDATED;
	if (m->has_date) {
		if (update || d.d == 0)
			return true; /* the publication date wins */
		/* a date printed above any headline ("Monday, 8 March 2021"
		 * in the masthead) is the site's, not the article's: a later
		 * one replaces it; a second date after a dated headline
		 * starts the next entry of a list */
		if (!m->date_is_update && !m->date_above_headline)
			return false;
	}
	m->has_date = true;
	m->date_is_update = update;
	m->date_above_headline = !header_has_headline(m, "", 0);
	m->date = d;
	return true;
}

/* "MOSCOW, March 28. /Agency/. The ...": the dateline is cut off, and
 * when the article has no date it takes the year of the page's date. */
static size_t dateline(struct page_articles *m, const char *s, size_t len)
{
	int mo, dd, y, yy, md, ddd;
	size_t cut = pagedate_dateline(s, len, &mo, &dd);
	if (!cut || !mo || m->has_date || !m->has_ref)
		return cut;
	date_to_ymd(m->ref_days, &y, &md, &ddd);
	yy = y;
	if (date_valid(yy, mo, dd) && date_from_ymd(yy, mo, dd) - m->ref_days > DATELINE_AHEAD)
		yy--;
	if (!date_valid(yy, mo, dd))
		return cut;
	m->has_date = true;
	m->date = (struct pagedate){.y = yy, .m = mo, .d = dd};
	return cut;
}

/* ---- articles ---- */

/* Site names in capitals and "Section / Subsection" lines are headline-
 * shaped but are not headlines. */
static bool title_like(const struct buf *h)
{
	size_t n;
	bool lower = false;
	if (page_count_words(h->data, h->len) <= PAGELINE_SHORT_WORDS)
		return false;
	if (page_menu_like(h->data, h->len))
		return false;
	for (size_t i = 0; i < h->len; i += n)
		if (text_char_case(h->data + i, h->len - i, &n) == TEXT_LOWER)
			lower = true;
	return lower;
}

static void start_body(struct page_articles *m)
{
	size_t pick = m->title_hint ? m->title_hint - 1 : MAX_HEADS;
	for (size_t i = m->masthead; i < m->nheads && pick == MAX_HEADS; i++)
		if (title_like(&m->heads[i]))
			pick = i;
	for (size_t i = 0; i < m->nheads && pick == MAX_HEADS; i++)
		if (page_count_words(m->heads[i].data, m->heads[i].len) > PAGELINE_SHORT_WORDS)
			pick = i;
	if (pick == MAX_HEADS && m->nheads)
		pick = 0;
	buf_reset(&m->title);
	if (pick != MAX_HEADS)
		buf_add(&m->title, m->heads[pick].data, m->heads[pick].len);
	/* a short label after the headline ("Overview") heads the body */
	buf_reset(&m->heading);
	if (m->nheads && pick != m->nheads - 1 &&
	    page_count_words(m->heads[m->nheads - 1].data, m->heads[m->nheads - 1].len) <=
		    PAGELINE_SHORT_WORDS)
		set_buf(&m->heading, m->heads[m->nheads - 1].data, m->heads[m->nheads - 1].len);
	size_t nheads = m->nheads;
	m->nheads = 0;
	m->title_hint = 0;
	m->masthead = false;
	buf_reset(&m->colon_head);
	m->in_body = true;
	m->art.index = m->next_index++;
	m->art.title = m->title.data;
	m->art.author = m->author.data;
	m->art.has_date = m->has_date;
	m->art.date = m->has_date ? pagedate_days(&m->date) : 0;
	m->art.precision = m->has_date && m->date.d == 0 ? PAGE_DATE_MONTH : PAGE_DATE_DAY;
	m->art.date_source = m->has_date ? PAGE_SRC_TEXT : PAGE_SRC_NONE;
	m->art.url = m->page_url.data;
	if (m->meta_pending) { /* metadata wins over the visible text */
		m->meta_pending = false;
		if (m->meta_title.len)
			m->art.title = m->meta_title.data;
		else if (!m->title.len && m->meta_fallback.len)
			m->art.title = m->meta_fallback.data;
		if (m->meta_author.len)
			m->art.author = m->meta_author.data;
		if (m->meta_url.len)
			m->art.url = m->meta_url.data;
		if (m->meta.has_date) {
			m->art.has_date = true;
			m->art.date = m->meta.date;
			m->art.precision = m->meta.precision;
			m->art.date_source = m->meta.source;
		} else if (!m->art.has_date && m->meta.fallback_has_date) {
			m->art.has_date = true;
			m->art.date = m->meta.fallback_date;
			m->art.precision = m->meta.fallback_precision;
			m->art.date_source = PAGE_SRC_META;
		}
	}
	if (!m->stop)
		m->stop = m->cb.on_article(&m->art, m->cb.ctx);
	if (m->title.len)
		emit(m, PAGE_PARA_TITLE, m->title.data, m->title.len);
	/* headline-shaped lines under the title (a standfirst without a
	 * full stop, a digest's first headline) are text */
	for (size_t i = pick == MAX_HEADS ? nheads : pick + 1; i < nheads; i++)
		if (title_like(&m->heads[i]))
			emit(m, PAGE_PARA_BODY, m->heads[i].data, m->heads[i].len);
}

/* Body headings that did not open an article: sub-headings of this one.
 * The last becomes the section heading; those of four words or more are
 * also text (headlines count). */
static void resolve_pending(struct page_articles *m)
{
	for (size_t i = 0; i < m->npend; i++) {
		struct buf *p = &m->pend[i];
		if (same_text(&m->title, p->data, p->len))
			continue;
		flush_para(m);
		set_buf(&m->heading, p->data, p->len);
		if (page_count_words(p->data, p->len) > PAGELINE_SHORT_WORDS)
			emit(m, PAGE_PARA_BODY, p->data, p->len);
	}
	m->npend = 0;
}

/* "Growth seen at 4.5% this year – 21/06/2021" in a list of related
 * links: a headline that prints its own date is an article even when no
 * body follows it. */
static void report_dated_headline(struct page_articles *m)
{
	if (!m->in_body && m->title_hint && m->has_date)
		start_body(m);
}

/* A new article begins; with carry, the pending headings are its header. */
static void new_article(struct page_articles *m, bool carry)
{
	if (!carry) {
		report_dated_headline(m);
		resolve_pending(m);
	}
	flush_para(m);
	m->in_body = false;
	m->has_date = false;
	m->date_is_update = false;
	m->date_above_headline = false;
	buf_reset(&m->title);
	buf_reset(&m->author);
	buf_reset(&m->heading);
	buf_reset(&m->block_author);
	buf_reset(&m->colon_head);
	m->nheads = 0;
	m->title_hint = 0;
	m->masthead = false;
	if (carry) {
		for (size_t i = 0; i < m->npend; i++)
			set_buf(&m->heads[i], m->pend[i].data, m->pend[i].len);
		m->nheads = m->npend;
	}
	m->npend = 0;
	m->drop_next_para = false;
}

static void add_heading(struct page_articles *m, const char *s, size_t len)
{
	if (!m->in_body) {
		for (size_t i = 0; i < m->nheads; i++)
			if (same_text(&m->heads[i], s, len))
				return;
		if (m->nheads < MAX_HEADS) {
			set_buf(&m->heads[m->nheads], s, len);
			m->nheads++;
			m->head_just_added = true;
		}
		return;
	}
	if (same_text(&m->title, s, len))
		return;
	if (m->npend == MAX_HEADS) { /* keep memory bounded: oldest is text */
		struct buf keep = m->pend[0];
		memmove(m->pend, m->pend + 1, (MAX_HEADS - 1) * sizeof m->pend[0]);
		m->pend[MAX_HEADS - 1] = keep;
		m->npend--;
		if (page_count_words(keep.data, keep.len) > PAGELINE_SHORT_WORDS) {
			flush_para(m);
			emit(m, PAGE_PARA_BODY, keep.data, keep.len);
		}
	}
	set_buf(&m->pend[m->npend], s, len);
	m->npend++;
	m->head_just_added = true;
}

/* Whether the header holds a headline already (a line of four words or
 * more other than s). */
static bool header_has_headline(const struct page_articles *m, const char *s, size_t len)
{
	bool title = false;
	for (size_t i = 0; i < m->nheads; i++) {
		if (same_text(&m->heads[i], s, len))
			return false;
		if (title_like(&m->heads[i]))
			title = true;
	}
	return title;
}

/* ---- paragraphs ---- */

static void add_line_to_para(struct page_articles *m, const char *s, size_t len)
{
	if (m->para.len) {
		buf_addc(&m->para, '\n');
		if (m->para_last_len > m->wrap_width && m->para_last_len <= WRAP_MAX)
			m->wrap_width = m->para_last_len;
	}
	buf_add(&m->para, s, len);
	m->para_last_len = len;
	m->para_last_term = page_ends_sentence(s, len);
}

/* "– a; – b": items run together on one line; the length of the first
 * one (its "; " included), or len. */
static size_t next_item(const char *s, size_t len)
{
	for (size_t i = 0; i + 2 < len; i++)
		if (s[i] == ';' && s[i + 1] == ' ' && page_list_marker(s + i + 2, len - i - 2))
			return i + 1;
	return len;
}

/* A line opening with a list marker: every item but the last of a line
 * that holds several goes out now; the last one (*s, *len, its marker
 * removed) is left to fill the paragraph being built, as wrapped lines
 * may continue it. */
static void split_items(struct page_articles *m, const char **s, size_t *len)
{
	size_t mk = page_list_marker(*s, *len);
	*s += mk;
	*len -= mk;
	m->para_kind = PAGE_PARA_ITEM;
	for (size_t first; (first = next_item(*s, *len)) < *len;) {
		size_t a = first, b = *len;
		add_line_to_para(m, *s, first - 1); /* without its ";" */
		flush_para(m);
		text_trim(*s, &a, &b);
		mk = page_list_marker(*s + a, b - a);
		*s += a + mk;
		*len = b - a - mk;
		m->para_kind = PAGE_PARA_ITEM;
	}
}

static void add_text(struct page_articles *m, const char *s, size_t len, bool continuation)
{
	if (!continuation) {
		resolve_pending(m);
		if (!m->in_body) {
			size_t cut = dateline(m, s, len);
			s += cut;
			len -= cut;
			start_body(m);
		}
		flush_para(m);
		m->para_check_blurb = m->drop_next_para;
		m->drop_next_para = false;
		if (page_list_marker(s, len))
			split_items(m, &s, &len);
	} else if (m->para.len + 1 + len > m->cap) {
		bool blurb = m->para_check_blurb;
		enum page_para_kind kind = m->para_kind;
		flush_para(m);
		m->para_check_blurb = blurb;
		m->para_kind = kind;
	}
	add_line_to_para(m, s, len);
}

bool page_articles_wrapped(const struct page_articles *m)
{
	return m->para.len && m->para_last_len >= CONTINUE_MIN && !m->para_last_term;
}

void page_articles_piece(struct page_articles *m, const char *s, size_t len, bool continuation)
{
	if (m->in_comments)
		return;
	add_text(m, s, len, continuation);
	flush_para(m);
	/* the rest of the line continues it */
	m->para_last_len = CONTINUE_MIN;
	m->para_last_term = false;
}

/* ---- lines ---- */

static void process(struct page_articles *m, const char *s, size_t len);

/*
 * "VALDEN. Dec 22 /Press/. The grid will have to rely on" / "rolling cuts
 * until spring.": a line that looked like a headline, followed at once by
 * a line starting in lower case -- or, on a hard-wrapped page, by any text
 * when it runs to the wrapping width -- was the first line of a wrapped
 * paragraph.  It goes back to the text (in a header, it opens the body).
 */
static bool unwrap_first_line(struct page_articles *m, const char *s, size_t len,
			      const struct page_line *l)
{
	size_t n;
	if (l->kind != PAGE_LINE_TEXT && l->kind != PAGE_LINE_HEADING)
		return false;
	/* in a header the line is the last head; in a body, the last
	 * pending heading */
	struct buf *h = m->in_body ? (m->npend ? &m->pend[m->npend - 1] : NULL)
				   : (m->nheads ? &m->heads[m->nheads - 1] : NULL);
	if (!h || h->len < CONTINUE_MIN || (!m->in_body && m->title_hint == m->nheads))
		return false;
	/* the next line starts in small letters, or the page is hard-
	 * wrapped and this "headline" runs to the wrapping width */
	bool full_width = m->wrap_width >= CONTINUE_MIN && h->len + WRAP_SLACK >= m->wrap_width;
	bool lower = l->kind == PAGE_LINE_TEXT && text_char_case(s, len, &n) == TEXT_LOWER;
	if (!lower && !full_width)
		return false;
	struct buf first;
	buf_init(&first);
	buf_add(&first, h->data, h->len);
	if (m->in_body)
		m->npend--;
	else
		m->nheads--;
	add_text(m, first.data, first.len, false);
	buf_release(&first);
	add_text(m, s, len, true);
	return true;
}

/*
 * A short line of several metadata parts: "By Ivan Petrov | March 3,
 * 2021", "Published 12 May 2022 | Updated 14 May 2022", "Posted on April
 * 21st 2023 by Anna Reed".  When a part is a date or a byline, those parts
 * are read as lines of their own and the rest (times, "5 min read") is
 * dropped.  Returns false, doing nothing, for any other line.
 */
static bool split_metadata(struct page_articles *m, const char *s, size_t len)
{
	size_t seplen, at, i;
	struct page_line l;
	struct pagedate d;
	bool useful = false;

	if (len > 160)
		return false;
	/* "Posted by Jane Okafor on March 3, 2021" */
	for (i = 0; i + 4 < len; i++) {
		if (memcmp(s + i, " on ", 4) != 0 ||
		    pagedate_read(s + i + 4, len - i - 4, &d) != PAGEDATE_DATE)
			continue;
		page_line_classify(s, i, &l);
		if (l.kind != PAGE_LINE_BYLINE)
			break;
		process(m, s, i);
		process(m, s + i + 4, len - i - 4);
		return true;
	}
	if (pagedate_read_prefix(s, len, &d) && d.end < len) {
		size_t a = d.end, b = len;
		text_trim(s, &a, &b);
		page_line_classify(s + a, b - a, &l);
		if (l.kind == PAGE_LINE_BYLINE) {
			process(m, s, d.end);
			process(m, s + a, b - a);
			return true;
		}
	}
	if (page_next_separator(s, len, 0, &seplen) == len)
		return false;
	for (i = 0; i < len; i = at + seplen) {
		at = page_next_separator(s, len, i, &seplen);
		page_line_classify(s + i, at - i, &l);
		useful |= l.kind == PAGE_LINE_DATE || l.kind == PAGE_LINE_BYLINE;
		if (at == len)
			break;
	}
	if (!useful)
		return false;
	for (i = 0; i < len; i = at + seplen) {
		at = page_next_separator(s, len, i, &seplen);
		page_line_classify(s + i, at - i, &l);
		/* "Jane Okafor | 3 March 2021": a name beside a date */
		if (l.kind == PAGE_LINE_DATE || l.kind == PAGE_LINE_BYLINE ||
		    l.kind == PAGE_LINE_NAME)
			process(m, s + i, at - i);
		if (at == len)
			break;
	}
	return true;
}

static void on_date(struct page_articles *m, const struct pagedate *d)
{
	flush_para(m);
	/* an article dated by its metadata prints its own date (or an update
	 * stamp) below a standfirst: not the start of another article */
	if (m->in_body && m->art.date_source != PAGE_SRC_TEXT &&
	    m->art.date_source != PAGE_SRC_NONE &&
	    (d->label == VOCAB_LABEL_UPDATED || (d->d != 0 && pagedate_days(d) == m->art.date)))
		return;
	if (m->in_body) {
		if (d->d == 0)
			return; /* "March 2021" in a body is a section label */
		new_article(m, true);
	} else if (!header_date(m, *d)) {
		new_article(m, false);
	}
	if (!m->has_date)
		header_date(m, *d);
	note_page_date(m, d);
}

/* "PETER HOLM" -> "Peter Holm": a name printed in capitals is kept as
 * the name is written elsewhere (ASCII and Cyrillic letters). */
static void title_case(struct buf *b)
{
	size_t n;
	for (size_t i = 0; i < b->len; i += n)
		if (text_char_case(b->data + i, b->len - i, &n) == TEXT_LOWER)
			return;
	for (size_t i = 0; i < b->len; i += n) {
		bool first = i == 0 || b->data[i - 1] == ' ' || b->data[i - 1] == '-';
		text_char_case(b->data + i, b->len - i, &n);
		if (!first)
			vocab_lower(b->data + i, n, b->data + i);
	}
}

static void on_byline(struct page_articles *m, const char *name, size_t len)
{
	flush_para(m);
	if (m->in_body && m->npend)
		new_article(m, true);
	if (!m->in_body && !m->author.len) {
		set_buf(&m->author, name, len);
		title_case(&m->author);
	}
}

/* "Kazakhstan after the float:" / "why the tenge will stay weak": a
 * header line ending in a colon goes on when the next is no sentence. */
static bool continue_colon_head(struct page_articles *m, const char *s, size_t len,
				const struct page_line *l)
{
	bool goes_on = !m->in_body && len <= PAGELINE_HEADING_MAX && !page_ends_sentence(s, len) &&
		       (l->kind == PAGE_LINE_TEXT || l->kind == PAGE_LINE_HEADING ||
			l->kind == PAGE_LINE_LABEL);
	if (goes_on) {
		buf_addc(&m->colon_head, ' ');
		buf_add(&m->colon_head, s, len);
		add_heading(m, m->colon_head.data, m->colon_head.len);
	}
	buf_reset(&m->colon_head);
	return goes_on;
}

/* A short label line, or a name that is not a byline. */
static void on_label(struct page_articles *m, const char *s, size_t len)
{
	flush_para(m);
	if (m->in_body) {
		/* "Outlook for 2024:", "Kazakhstan": a section; a round-up's
		 * expert block ends at one */
		resolve_pending(m);
		set_buf(&m->heading, s, len);
		buf_reset(&m->block_author);
	} else if (s[len - 1] != ':') {
		/* a section label or a short headline ("Transit deal
		 * signed"): a weak title, used only when no longer headline
		 * comes (start_body) */
		add_heading(m, s, len);
	} else if (page_count_words(s, len) >= 2) {
		set_buf(&m->colon_head, s, len);
	}
}

static void on_heading(struct page_articles *m, const char *s, size_t len,
		       const struct page_line *l, bool first_line)
{
	flush_para(m);
	if (l->title_len) { /* "Weekly Review — January 18, 2022" */
		if (m->in_body)
			new_article(m, true);
		else if (m->title_hint)
			new_article(m, false);
		add_heading(m, s, l->title_len);
		m->title_hint = m->nheads;
		if (!m->has_date)
			header_date(m, l->date);
		note_page_date(m, &l->date);
		return;
	}
	if (!m->in_body && m->has_date && header_has_headline(m, s, len)) {
		/* the header already has its date and headline: another
		 * long unterminated line is a standfirst or the first
		 * paragraph (short, or cut off) */
		add_text(m, s, len, false);
		return;
	}
	add_heading(m, s, len);
	if (first_line && m->nheads == 1)
		m->masthead = true;
}

/* Lines that mean the same wherever they stand, even inside a wrapped
 * paragraph.  Returns false for the others. */
static bool on_structure(struct page_articles *m, const struct page_line *l)
{
	switch (l->kind) {
	case PAGE_LINE_DATE:
		on_date(m, &l->date);
		return true;
	case PAGE_LINE_UNDATED:
		flush_para(m);
		return true;
	case PAGE_LINE_MARKER:
		new_article(m, false);
		m->in_comments = false;
		return true;
	default:
		return false;
	}
}

/* Metadata and boilerplate lines.  Returns false for the others. */
static bool on_meta(struct page_articles *m, const char *s, size_t len, const struct page_line *l)
{
	const char *name = s + l->name_start;
	size_t name_len = l->name_end - l->name_start;
	switch (l->kind) {
	case PAGE_LINE_BYLINE:
		on_byline(m, name, name_len);
		return true;
	case PAGE_LINE_NAME:
		/* a name alone under the headline is the byline */
		if (m->in_body || m->author.len || !header_has_headline(m, s, len))
			return false;
		flush_para(m);
		set_buf(&m->author, name, name_len);
		return true;
	case PAGE_LINE_EXPERT:
		flush_para(m);
		set_buf(&m->block_author, name, name_len);
		return true;
	case PAGE_LINE_COMMENTS:
		flush_para(m);
		if (m->in_body) {
			resolve_pending(m);
			m->in_comments = true;
		}
		return true;
	case PAGE_LINE_NEWSLETTER:
		flush_para(m);
		m->drop_next_para = true;
		return true;
	case PAGE_LINE_CREDIT:
	case PAGE_LINE_BOILER:
	case PAGE_LINE_STATUS:
		flush_para(m);
		return true;
	default:
		return false;
	}
}

static void process(struct page_articles *m, const char *s, size_t len)
{
	struct page_line l;
	size_t a = 0, b = len;
	text_trim(s, &a, &b);
	if (a == b) {
		flush_para(m);
		m->head_just_added = false;
		return;
	}
	s += a;
	len = b - a;
	page_line_classify(s, len, &l);
	if (m->in_comments && l.kind != PAGE_LINE_MARKER)
		return;
	bool after_head = m->head_just_added, first_line = !m->page_started;
	m->head_just_added = false;
	m->page_started = true;
	if (after_head && unwrap_first_line(m, s, len, &l))
		return;
	if ((l.kind == PAGE_LINE_TEXT || l.kind == PAGE_LINE_HEADING || l.kind == PAGE_LINE_LABEL ||
	     l.kind == PAGE_LINE_BOILER) &&
	    split_metadata(m, s, len))
		return;
	if (m->colon_head.len && continue_colon_head(m, s, len, &l))
		return;
	/* only the paragraph right under a newsletter line is its blurb */
	if (l.kind != PAGE_LINE_TEXT && l.kind != PAGE_LINE_NEWSLETTER)
		m->drop_next_para = false;
	bool wrapped = page_articles_wrapped(m) && !page_list_marker(s, len);
	if (on_structure(m, &l))
		return;
	if (wrapped) {
		add_text(m, s, len, true);
		return;
	}
	if (on_meta(m, s, len, &l))
		return;
	switch (l.kind) {
	case PAGE_LINE_LABEL:
	case PAGE_LINE_NAME:
		on_label(m, s, len);
		return;
	case PAGE_LINE_HEADING:
		on_heading(m, s, len, &l, first_line);
		return;
	default:
		add_text(m, s, len, false);
		return;
	}
}

void page_articles_line(struct page_articles *m, const char *s, size_t len)
{
	process(m, s, len);
}

void page_articles_meta(struct page_articles *m, const struct page_meta *meta)
{
	set_buf(&m->meta_title, "", 0);
	set_buf(&m->meta_author, "", 0);
	set_buf(&m->meta_url, "", 0);
	set_buf(&m->meta_fallback, "", 0);
	if (meta->fallback_title)
		buf_adds(&m->meta_fallback, meta->fallback_title);
	if (meta->title)
		buf_adds(&m->meta_title, meta->title);
	if (meta->author)
		buf_adds(&m->meta_author, meta->author);
	if (meta->url)
		buf_adds(&m->meta_url, meta->url);
	m->meta = *meta;
	if (m->meta.has_date && m->meta.source == PAGE_SRC_NONE)
		m->meta.source = PAGE_SRC_META;
	m->meta_pending = true;
}

void page_articles_page_url(struct page_articles *m, const char *url)
{
	set_buf(&m->page_url, url ? url : "", url ? strlen(url) : 0);
}

void page_articles_break(struct page_articles *m)
{
	new_article(m, false);
	m->in_comments = false;
	m->has_ref = false;
}

void page_articles_finish(struct page_articles *m)
{
	report_dated_headline(m);
	if (!m->in_comments)
		resolve_pending(m);
	flush_para(m);
}
