/*
 * page: a line-driven state machine.  Each article has a header (before
 * its first body paragraph) where dates, bylines and headlines are
 * metadata, and a body where they announce the next article.  Headline-
 * like lines met in a body wait ("pending") until the next significant
 * line shows whether they open a new article (a date or byline follows)
 * or were sub-headings of this one.  Everything is decided line by line,
 * so memory stays bounded whatever the page size.
 */
#include "likely/page.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "likely/buf.h"
#include "likely/diag.h"
#include "likely/pagedate.h"
#include "likely/sentence.h"
#include "likely/text.h"
#include "likely/utf8.h"

#define MAX_HEADS 8
#define HEADING_MAX 200  /* bytes: longer lines are body text */
#define CONTINUE_MIN 40  /* a line this long may have been wrapped */
#define SHORT_LABEL_WORDS 3

/* ---- classification ---- */

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Case-insensitive ASCII prefix of the n-byte lower-case pattern p. */
static bool iprefix_n(const char *s, size_t len, const char *p, size_t n)
{
	if (len < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (ascii_lower(s[i]) != p[i])
			return false;
	return true;
}

/* iprefix, iequal and word_prefix test every line against dozens of
 * literals: the first byte settles most of them before strlen (and
 * iprefix is inline, where strlen of a literal is a constant). */
static inline bool iprefix(const char *s, size_t len, const char *p)
{
	if (p[0] && (len == 0 || ascii_lower(s[0]) != p[0]))
		return false;
	return iprefix_n(s, len, p, strlen(p));
}

static bool iequal(const char *s, size_t len, const char *p)
{
	if (len > 0 && ascii_lower(s[0]) != p[0])
		return false;
	return strlen(p) == len && iprefix_n(s, len, p, len);
}

/* Case-insensitive ASCII substring of the short lower-case literal p.
 * Every line up to 400 bytes is searched several times, so this is
 * Boyer-Moore-Horspool over the lowered text: most of a line is passed
 * over n bytes at a time instead of being tried at every position. */
static bool icontains(const char *s, size_t len, const char *p)
{
	unsigned char shift[256];
	size_t n = strlen(p);
	if (n == 0)
		return true;
	if (n > len)
		return false;
	/* a shift capped at UCHAR_MAX is shorter than allowed, never wrong */
	memset(shift, (int)(n < UCHAR_MAX ? n : UCHAR_MAX), sizeof shift);
	for (size_t k = 0; k + 1 < n; k++)
		shift[(unsigned char)p[k]] =
			(unsigned char)(n - 1 - k < UCHAR_MAX ? n - 1 - k : UCHAR_MAX);
	for (size_t i = 0; i + n <= len;) {
		char last = ascii_lower(s[i + n - 1]);
		if (last == p[n - 1] && iprefix_n(s + i, n - 1, p, n - 1))
			return true;
		i += shift[(unsigned char)last];
	}
	return false;
}

static size_t count_words(const char *s, size_t len)
{
	size_t n = 0, i = 0, k;
	bool in = false;
	while (i < len) {
		if ((k = text_space_len(s + i, len - i))) {
			in = false;
			i += k;
			continue;
		}
		if (!in)
			n++;
		in = true;
		i++;
	}
	return n;
}

/* Prefix followed by a non-letter (so "Фото" does not match "Фотограф"). */
static bool word_prefix(const char *s, size_t len, const char *p)
{
	if (p[0] && (len == 0 || s[0] != p[0]))
		return false;
	size_t n = strlen(p), k;
	if (len < n || memcmp(s, p, n) != 0)
		return false;
	return n == len || !text_is_wordchar(s + n, len - n, &k);
}

static bool is_credit(const char *s, size_t len)
{
	static const char *const ascii[] = {
		"photo:", "photo by", "photos:", "photo credit", "photograph:",
		"image:", "images:", "picture:", "illustration:", "source:",
		"credit:", "credits:", "video:", "caption:", "(photo", NULL};
	static const char *const cyr[] = {
		"\xd0\xa4\xd0\xbe\xd1\x82\xd0\xbe",         /* Фото */
		"\xd1\x84\xd0\xbe\xd1\x82\xd0\xbe",         /* фото */
		"\xd0\xa4\xd0\xbe\xd1\x82\xd0\xb0",         /* Фота */
		"\xd1\x84\xd0\xbe\xd1\x82\xd0\xb0",         /* фота */
		"\xd0\x98\xd1\x81\xd1\x82\xd0\xbe\xd1\x87\xd0\xbd\xd0\xb8\xd0\xba", /* Источник */
		"\xd0\x9a\xd1\x80\xd1\x8b\xd0\xbd\xd1\x96\xd1\x86\xd0\xb0", /* Крыніца */
		"\xd0\x98\xd0\xbb\xd0\xbb\xd1\x8e\xd1\x81\xd1\x82\xd1\x80\xd0\xb0\xd1\x86\xd0\xb8\xd1\x8f", /* Иллюстрация */
		NULL};
	for (size_t k = 0; ascii[k]; k++)
		if (iprefix(s, len, ascii[k]))
			return true;
	for (size_t k = 0; cyr[k]; k++)
		if (word_prefix(s, len, cyr[k]))
			return true;
	return false;
}

/* A literal with its length, known at compile time. */
struct literal {
	const char *s;
	size_t n;
};
#define LITERAL(s) {s, sizeof(s) - 1}

static bool is_marker(const char *s, size_t len)
{
	static const struct literal markers[] = {
		LITERAL("similar articles"), LITERAL("related articles"),
		LITERAL("related"), LITERAL("related news"),
		LITERAL("related stories"), LITERAL("related posts"),
		LITERAL("related content"), LITERAL("related reading"),
		LITERAL("read more"), LITERAL("read also"), LITERAL("also read"),
		LITERAL("see also"), LITERAL("more on this topic"),
		LITERAL("more on the topic"), LITERAL("more on this subject"),
		LITERAL("more articles"), LITERAL("more news"),
		LITERAL("more stories"), LITERAL("other articles"),
		LITERAL("other news"), LITERAL("latest news"),
		LITERAL("latest articles"), LITERAL("recommended"),
		LITERAL("recommended articles"), LITERAL("you may also like"),
		LITERAL("you might also like"), LITERAL("you may be interested"),
		LITERAL("most read"), LITERAL("most popular"),
		LITERAL("popular articles"), LITERAL("further reading"),
		LITERAL("\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 \xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5"), /* читайте также */
		LITERAL("\xd0\x9f\xd0\xbe \xd1\x82\xd0\xb5\xd0\xbc\xd0\xb5"), /* По теме */
	};
	while (len && (s[len - 1] == ':' || s[len - 1] == '.'))
		len--;
	/* every line comes here: the length rules out nearly all markers;
	 * the Cyrillic entries match the line's first letter as capital or
	 * small, the rest exactly */
	for (size_t k = 0; k < sizeof markers / sizeof markers[0]; k++) {
		const char *m = markers[k].s;
		if (markers[k].n != len)
			continue;
		if (iprefix_n(s, len, m, len))
			return true;
		if ((unsigned char)m[0] >= 0x80 && memcmp(s + 2, m + 2, len - 2) == 0)
			return true;
	}
	return false;
}

/* "By Name Surname", "by" alone, "Author: Name". */
static bool is_byline(const char *s, size_t len, size_t *ns, size_t *ne)
{
	size_t start;
	if (iequal(s, len, "by")) {
		*ns = *ne = len;
		return true;
	}
	if (iprefix(s, len, "by ") || iprefix(s, len, "by\xc2\xa0"))
		start = s[2] == ' ' ? 3 : 4;
	else if (iprefix(s, len, "author:"))
		start = 7;
	else if (iprefix(s, len, "authors:"))
		start = 8;
	else if (len > 11 && memcmp(s, "\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80:", 11) == 0)
		start = 11; /* Автор: */
	else
		return false;
	size_t a = start, b = len;
	text_trim(s, &a, &b);
	while (b > a && (s[b - 1] == ',' || s[b - 1] == ';'))
		b--;
	if (a == b || b - a > 120 || s[b - 1] == '.')
		return false;
	/* every word a capitalised name or a joiner */
	size_t i = a, n;
	while (i < b) {
		size_t k;
		if ((k = text_space_len(s + i, b - i))) {
			i += k;
			continue;
		}
		size_t w = i;
		while (i < b && !text_space_len(s + i, b - i))
			i++;
		if (iequal(s + w, i - w, "and") || iequal(s + w, i - w, "&") ||
		    iequal(s + w, i - w, "and,"))
			continue;
		enum text_case c = text_char_case(s + w, i - w, &n);
		if (c != TEXT_UPPER && c != TEXT_OTHER)
			return false;
	}
	if (count_words(s + a, b - a) > 6)
		return false;
	/* "By Anna Nowak, Reuters", "By Jane Smith, Minsk": a single word after
	 * the last comma is an agency or a place, not part of the name */
	for (size_t c = b; c > a; c--) {
		if (s[c - 1] != ',')
			continue;
		size_t w = c, e = b;
		text_trim(s, &w, &e);
		if (w < e && count_words(s + w, e - w) == 1 && count_words(s + a, c - 1 - a) >= 2)
			b = c - 1;
		break;
	}
	*ns = a;
	*ne = b;
	return true;
}

static bool is_newsletter(const char *s, size_t len)
{
	if (len > 200)
		return false;
	return icontains(s, len, "newsletter") || icontains(s, len, "subscribed") ||
	       iprefix(s, len, "subscribe") || iprefix(s, len, "sign up") ||
	       iprefix(s, len, "unsubscribe");
}

/* Navigation and breadcrumbs: "Home | World | Politics", "News > Europe >
 * Belarus", "Home » Analysis".  Two or more separators in a short line
 * that does not end a sentence. */
static bool is_navigation(const char *s, size_t len)
{
	size_t seps = 0;
	if (len > 200)
		return false;
	for (size_t i = 0; i + 2 < len; i++) {
		if (s[i] != ' ')
			continue;
		if ((s[i + 1] == '|' || s[i + 1] == '>') && s[i + 2] == ' ')
			seps++;
		else if (i + 3 < len && (unsigned char)s[i + 1] == 0xC2 &&
			 ((unsigned char)s[i + 2] == 0xBB || (unsigned char)s[i + 2] == 0xB7) &&
			 s[i + 3] == ' ') /* » and · */
			seps++;
		else if (i + 4 < len && (unsigned char)s[i + 1] == 0xE2 &&
			 (unsigned char)s[i + 2] == 0x80 && (unsigned char)s[i + 3] == 0xBA &&
			 s[i + 4] == ' ') /* › */
			seps++;
	}
	return seps >= 2 && s[len - 1] != '.';
}

static bool is_boiler(const char *s, size_t len)
{
	if (is_navigation(s, len))
		return true;
	if (iprefix(s, len, "http://") || iprefix(s, len, "https://") ||
	    iprefix(s, len, "www."))
		return count_words(s, len) == 1;
	if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA9)
		return true; /* © */
	if (iprefix(s, len, "copyright") || icontains(s, len, "all rights reserved"))
		return len < 300;
	if ((iprefix(s, len, "read more:") || iprefix(s, len, "read also:") ||
	     iprefix(s, len, "see also:") || iprefix(s, len, "tags:") ||
	     iprefix(s, len, "share:") || iprefix(s, len, "advertisement")) &&
	    len < 300)
		return true;
	return false;
}

static bool is_status(const char *s, size_t len)
{
	if (icontains(s, len, "status:") || iprefix(s, len, "status "))
		return len < 100;
	if ((iprefix(s, len, "the situation ") || iprefix(s, len, "situation has")) &&
	    count_words(s, len) <= 8 && s[len - 1] != '.')
		return true;
	return false;
}

/* Ends like a sentence: . ! ? … or one of them before closing quotes. */
static bool ends_sentence(const char *s, size_t len)
{
	while (len) {
		unsigned char c = (unsigned char)s[len - 1];
		if (c == '"' || c == '\'' || c == ')') {
			len--;
			continue;
		}
		if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 &&
		    (unsigned char)s[len - 2] == 0x80) {
			if (c == 0x9D || c == 0x99) { /* ” ’ */
				len -= 3;
				continue;
			}
			return c == 0xA6; /* … */
		}
		if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && c == 0xBB) {
			len -= 2;
			continue;
		}
		return c == '.' || c == '!' || c == '?';
	}
	return false;
}

enum page_line_kind page_classify(const char *s, size_t len, long *date,
				  size_t *name_start, size_t *name_end)
{
	size_t a = 0, b = len, ns, ne;
	long d;
	text_trim(s, &a, &b);
	if (a == b)
		return PAGE_LINE_BLANK;
	s += a;
	len = b - a;
	if (is_credit(s, len))
		return PAGE_LINE_CREDIT;
	if (len > 400)
		return PAGE_LINE_TEXT;
	switch (pagedate_parse(s, len, &d)) {
	case PAGEDATE_DATE:
		if (date)
			*date = d;
		return PAGE_LINE_DATE;
	case PAGEDATE_UNDATED:
		return PAGE_LINE_UNDATED;
	case PAGEDATE_NONE:
		break;
	}
	if (is_marker(s, len))
		return PAGE_LINE_MARKER;
	if (is_byline(s, len, &ns, &ne)) {
		if (name_start)
			*name_start = a + ns;
		if (name_end)
			*name_end = a + ne;
		return PAGE_LINE_BYLINE;
	}
	if (is_newsletter(s, len))
		return PAGE_LINE_NEWSLETTER;
	if (is_boiler(s, len))
		return PAGE_LINE_BOILER;
	if (is_status(s, len))
		return PAGE_LINE_STATUS;
	/* the word count matters only for lines that do not end a
	 * sentence, so most lines never pay for it */
	if (s[len - 1] == ':' && count_words(s, len) <= 6)
		return PAGE_LINE_LABEL;
	if (len <= HEADING_MAX && !ends_sentence(s, len) &&
	    !strchr(",;:", s[len - 1])) {
		size_t n;
		enum text_case c = text_char_case(s, len, &n);
		if (c != TEXT_LOWER)
			return count_words(s, len) > SHORT_LABEL_WORDS
				       ? PAGE_LINE_HEADING
				       : PAGE_LINE_LABEL;
	}
	if (len <= HEADING_MAX && (s[len - 1] == '?' || s[len - 1] == '!') &&
	    count_words(s, len) <= SHORT_LABEL_WORDS)
		return PAGE_LINE_LABEL;
	return PAGE_LINE_TEXT;
}

/* ---- the reader ---- */

struct page_reader {
	struct page_callbacks cb;
	size_t cap;
	struct utf8_validator utf8;
	unsigned char bom[3];
	size_t bom_len;
	bool bom_done;
	int stop;

	struct buf line;
	bool line_long; /* the current line already overflowed: it is text */

	struct buf para;
	size_t para_last_len;  /* length of the last line put in para */
	bool para_last_term;   /* it ended a sentence */
	bool para_check_blurb; /* follows newsletter boilerplate */
	bool drop_next_para;

	/* the article being read */
	bool in_body;
	unsigned next_index;
	struct buf title, author;
	bool has_date;
	long date;
	struct buf heads[MAX_HEADS];
	size_t nheads;
	struct buf pend[MAX_HEADS];
	size_t npend;
	struct page_article art;
};

struct page_reader *page_reader_new(const struct page_callbacks *cb,
				    size_t max_paragraph)
{
	struct page_reader *r = xcalloc(1, sizeof *r);
	r->cb = *cb;
	r->cap = max_paragraph ? max_paragraph : PAGE_MAX_PARAGRAPH;
	if (r->cap < 64)
		r->cap = 64;
	utf8_init(&r->utf8);
	buf_init(&r->line);
	buf_init(&r->para);
	buf_init(&r->title);
	buf_init(&r->author);
	for (size_t i = 0; i < MAX_HEADS; i++) {
		buf_init(&r->heads[i]);
		buf_init(&r->pend[i]);
	}
	return r;
}

void page_reader_free(struct page_reader *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < MAX_HEADS; i++) {
		buf_release(&r->heads[i]);
		buf_release(&r->pend[i]);
	}
	buf_release(&r->author);
	buf_release(&r->title);
	buf_release(&r->para);
	buf_release(&r->line);
	free(r);
}

unsigned long long page_error_offset(const struct page_reader *r)
{
	return r->utf8.bad_offset;
}

static void emit(struct page_reader *r, enum page_para_kind kind,
		 const char *s, size_t len)
{
	if (r->stop || len == 0)
		return;
	struct page_paragraph p = {kind, s, len, "", ""};
	r->stop = r->cb.on_paragraph(&r->art, &p, r->cb.ctx);
}

static bool mentions_subscription(const char *s, size_t len)
{
	static const char *const words[] = {"newsletter", "subscri", "week",
					    "commentar", "e-mail", "email",
					    "inbox", "digest", NULL};
	for (size_t k = 0; words[k]; k++)
		if (icontains(s, len, words[k]))
			return true;
	return false;
}

static void flush_para(struct page_reader *r)
{
	if (r->para.len) {
		if (!(r->para_check_blurb &&
		      mentions_subscription(r->para.data, r->para.len)))
			emit(r, PAGE_PARA_BODY, r->para.data, r->para.len);
	}
	buf_reset(&r->para);
	r->para_last_len = 0;
	r->para_last_term = true;
	r->para_check_blurb = false;
}

static void start_body(struct page_reader *r)
{
	size_t pick = MAX_HEADS;
	for (size_t i = 0; i < r->nheads; i++)
		if (count_words(r->heads[i].data, r->heads[i].len) > SHORT_LABEL_WORDS) {
			pick = i;
			break;
		}
	if (pick == MAX_HEADS && r->nheads)
		pick = 0;
	buf_reset(&r->title);
	if (pick != MAX_HEADS)
		buf_add(&r->title, r->heads[pick].data, r->heads[pick].len);
	r->nheads = 0;
	r->in_body = true;
	r->art.index = r->next_index++;
	r->art.title = r->title.data;
	r->art.author = r->author.data;
	r->art.has_date = r->has_date;
	r->art.date = r->has_date ? r->date : 0;
	r->art.precision = PAGE_DATE_DAY;
	if (!r->stop)
		r->stop = r->cb.on_article(&r->art, r->cb.ctx);
	if (r->title.len)
		emit(r, PAGE_PARA_TITLE, r->title.data, r->title.len);
}

static bool same_text(const struct buf *b, const char *s, size_t len)
{
	return b->len == len && memcmp(b->data, s, len) == 0;
}

/* Body headings that did not open an article: sub-headings of this one;
 * those of four words or more are kept as text (headlines count). */
static void resolve_pending(struct page_reader *r)
{
	for (size_t i = 0; i < r->npend; i++) {
		struct buf *p = &r->pend[i];
		if (same_text(&r->title, p->data, p->len) ||
		    count_words(p->data, p->len) <= SHORT_LABEL_WORDS)
			continue;
		flush_para(r);
		emit(r, PAGE_PARA_BODY, p->data, p->len);
	}
	r->npend = 0;
}

/* A new article begins; with carry, the pending headings are its header. */
static void new_article(struct page_reader *r, bool carry)
{
	if (!carry)
		resolve_pending(r);
	flush_para(r);
	r->in_body = false;
	r->has_date = false;
	buf_reset(&r->title);
	buf_reset(&r->author);
	r->nheads = 0;
	if (carry) {
		for (size_t i = 0; i < r->npend; i++) {
			buf_reset(&r->heads[i]);
			buf_add(&r->heads[i], r->pend[i].data, r->pend[i].len);
		}
		r->nheads = r->npend;
	}
	r->npend = 0;
	r->drop_next_para = false;
}

static void add_heading(struct page_reader *r, const char *s, size_t len)
{
	if (!r->in_body) {
		for (size_t i = 0; i < r->nheads; i++)
			if (same_text(&r->heads[i], s, len))
				return;
		if (r->nheads < MAX_HEADS) {
			buf_reset(&r->heads[r->nheads]);
			buf_add(&r->heads[r->nheads], s, len);
			r->nheads++;
		}
		return;
	}
	if (same_text(&r->title, s, len))
		return;
	if (r->npend == MAX_HEADS) { /* keep memory bounded: oldest is text */
		struct buf keep = r->pend[0];
		memmove(r->pend, r->pend + 1, (MAX_HEADS - 1) * sizeof r->pend[0]);
		r->pend[MAX_HEADS - 1] = keep;
		r->npend--;
		if (count_words(keep.data, keep.len) > SHORT_LABEL_WORDS) {
			flush_para(r);
			emit(r, PAGE_PARA_BODY, keep.data, keep.len);
		}
	}
	buf_reset(&r->pend[r->npend]);
	buf_add(&r->pend[r->npend], s, len);
	r->npend++;
}

/* In a header that has a date and a headline already, is this line (not
 * a repeat of a header line) more text rather than another headline? */
static bool header_has_title(const struct page_reader *r, const char *s,
			     size_t len)
{
	bool title = false;
	if (r->in_body || !r->has_date)
		return false;
	for (size_t i = 0; i < r->nheads; i++) {
		if (same_text(&r->heads[i], s, len))
			return false;
		if (count_words(r->heads[i].data, r->heads[i].len) > SHORT_LABEL_WORDS)
			title = true;
	}
	return title;
}

static void add_text(struct page_reader *r, const char *s, size_t len,
		     bool continuation)
{
	if (!continuation) {
		resolve_pending(r);
		if (!r->in_body)
			start_body(r);
		flush_para(r);
		r->para_check_blurb = r->drop_next_para;
		r->drop_next_para = false;
	} else if (r->para.len + 1 + len > r->cap) {
		bool blurb = r->para_check_blurb;
		flush_para(r);
		r->para_check_blurb = blurb;
	}
	if (r->para.len)
		buf_addc(&r->para, '\n');
	buf_add(&r->para, s, len);
	r->para_last_len = len;
	r->para_last_term = ends_sentence(s, len);
}

static void process_line(struct page_reader *r, const char *s, size_t len);

/* Where a metadata separator (" | ", " / ", " · ", " • ") starts at or
 * after i, and how long it is; len when there is none. */
static size_t next_separator(const char *s, size_t len, size_t i, size_t *seplen)
{
	for (; i + 2 < len; i++) {
		if (s[i] != ' ')
			continue;
		if ((s[i + 1] == '|' || s[i + 1] == '/') && s[i + 2] == ' ') {
			*seplen = 3;
			return i;
		}
		if (i + 3 < len && (unsigned char)s[i + 1] == 0xC2 &&
		    (unsigned char)s[i + 2] == 0xB7 && s[i + 3] == ' ') {
			*seplen = 4; /* · */
			return i;
		}
		if (i + 4 < len && (unsigned char)s[i + 1] == 0xE2 &&
		    (unsigned char)s[i + 2] == 0x80 && (unsigned char)s[i + 3] == 0xA2 &&
		    s[i + 4] == ' ') {
			*seplen = 5; /* • */
			return i;
		}
	}
	*seplen = 0;
	return len;
}

/*
 * A short line of several metadata parts: "By Ivan Petrov | March 3,
 * 2021", "March 3, 2021 / 5:42 PM / Updated 2 hours ago".  When a part is
 * a date or a byline, those parts are read as lines of their own and the
 * rest (times, "Updated 2 hours ago", "5 min read") is dropped.  Returns
 * false, doing nothing, for any other line.
 */
static bool split_metadata(struct page_reader *r, const char *s, size_t len)
{
	size_t seplen, at, i = 0, ns, ne;
	bool useful = false;
	long d;

	if (len > 160 || next_separator(s, len, 0, &seplen) == len)
		return false;
	for (i = 0; i < len; i = at + seplen) {
		at = next_separator(s, len, i, &seplen);
		enum page_line_kind k = page_classify(s + i, at - i, &d, &ns, &ne);
		useful |= k == PAGE_LINE_DATE || k == PAGE_LINE_BYLINE;
		if (at == len)
			break;
	}
	if (!useful)
		return false;
	for (i = 0; i < len; i = at + seplen) {
		at = next_separator(s, len, i, &seplen);
		enum page_line_kind k = page_classify(s + i, at - i, &d, &ns, &ne);
		if (k == PAGE_LINE_DATE || k == PAGE_LINE_BYLINE)
			process_line(r, s + i, at - i);
		if (at == len)
			break;
	}
	return true;
}

static void process_line(struct page_reader *r, const char *s, size_t len)
{
	size_t a = 0, b = len, ns = 0, ne = 0;
	long d = 0;
	text_trim(s, &a, &b);
	if (a == b) {
		flush_para(r);
		return;
	}
	enum page_line_kind k = page_classify(s + a, b - a, &d, &ns, &ne);
	if ((k == PAGE_LINE_TEXT || k == PAGE_LINE_HEADING || k == PAGE_LINE_LABEL) &&
	    split_metadata(r, s + a, b - a))
		return;
	bool wrapped = r->para.len && r->para_last_len >= CONTINUE_MIN &&
		       !r->para_last_term;
	switch (k) {
	case PAGE_LINE_DATE:
		flush_para(r);
		if (r->in_body)
			new_article(r, true);
		else if (r->has_date)
			new_article(r, false);
		r->has_date = true;
		r->date = d;
		return;
	case PAGE_LINE_UNDATED:
		flush_para(r);
		return;
	case PAGE_LINE_MARKER:
		new_article(r, false);
		return;
	default:
		break;
	}
	if (wrapped) {
		add_text(r, s + a, b - a, true);
		return;
	}
	switch (k) {
	case PAGE_LINE_BYLINE:
		flush_para(r);
		if (r->in_body && r->npend)
			new_article(r, true);
		if (!r->in_body && !r->author.len) {
			buf_reset(&r->author);
			buf_add(&r->author, s + a + ns, ne - ns);
		}
		return;
	case PAGE_LINE_NEWSLETTER:
		flush_para(r);
		r->drop_next_para = true;
		return;
	case PAGE_LINE_LABEL:
		flush_para(r);
		/* A short line before the body is a section label or a short
		 * headline ("Transit deal signed"); keep it as a weak title,
		 * used only when no longer headline comes (start_body). */
		if (!r->in_body && s[b - 1] != ':')
			add_heading(r, s + a, b - a);
		return;
	case PAGE_LINE_CREDIT:
	case PAGE_LINE_BOILER:
	case PAGE_LINE_STATUS:
		flush_para(r);
		return;
	case PAGE_LINE_HEADING:
		flush_para(r);
		if (header_has_title(r, s + a, b - a)) {
			/* the header already has its date and headline: another
			 * long unterminated line is a standfirst or the first
			 * paragraph (short, or cut off), so it is text */
			add_text(r, s + a, b - a, false);
			return;
		}
		add_heading(r, s + a, b - a);
		return;
	default:
		add_text(r, s + a, b - a, false);
		return;
	}
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
	if (!r->line_long) {
		/* first piece of a very long line: it is body text */
		bool wrapped = r->para.len && r->para_last_len >= CONTINUE_MIN &&
			       !r->para_last_term;
		if (a < b)
			add_text(r, r->line.data + a, b - a, wrapped);
	} else if (a < b) {
		add_text(r, r->line.data + a, b - a, true);
	}
	flush_para(r);
	memmove(r->line.data, r->line.data + cut, r->line.len - cut);
	r->line.len -= cut;
	r->line.data[r->line.len] = '\0';
	r->line_long = true;
	r->para_last_len = CONTINUE_MIN; /* the rest continues it */
	r->para_last_term = false;
}

static void end_line(struct page_reader *r)
{
	if (r->line.len && r->line.data[r->line.len - 1] == '\r')
		r->line.len--;
	if (r->line_long) {
		size_t a = 0, b = r->line.len;
		text_trim(r->line.data, &a, &b);
		if (a < b)
			add_text(r, r->line.data + a, b - a, false);
		flush_para(r);
	} else {
		process_line(r, r->line.data, r->line.len);
	}
	buf_reset(&r->line);
	r->line_long = false;
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
			if (r->line.len >= r->cap)
				overflow(r);
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
	resolve_pending(r);
	flush_para(r);
	return r->stop;
}
