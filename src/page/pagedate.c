/*
 * pagedate: a small hand-written parser (NOTES-dependencies.md §2: no
 * library in Debian parses these forms correctly; strptime's %b stops at
 * "Sept."; getdate/GLib guess).  Every word it knows -- months in four
 * languages, weekdays, labels, "г." after a year -- comes from the tables
 * in pagevocab.c.
 *
 * Numeric dates: dots and dashes are read day.month.year, the order the
 * outlets that use them write; slashes are read by the field above 12,
 * else day-first and flagged, so the page's other slash dates can decide
 * (page reader).  A year alone is never a date.
 */
#include "likely/page/pagedate.h"

#include <string.h>

#include "likely/base/date.h"
#include "likely/text/pagevocab.h"
#include "likely/text/text.h"

struct cur {
	const char *s;
	size_t i, len;
};

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void skip_ws(struct cur *c)
{
	size_t k;
	while (c->i < c->len && (k = text_space_len(c->s + c->i, c->len - c->i)))
		c->i += k;
}

static bool lit(struct cur *c, char ch)
{
	if (c->i < c->len && c->s[c->i] == ch) {
		c->i++;
		return true;
	}
	return false;
}

/* A word of the table t at the cursor; moves past it. */
static bool vocab_at(struct cur *c, const struct vocab_entry *t, int *value)
{
	size_t n = vocab_prefix(t, c->s + c->i, c->len - c->i, value);
	c->i += n;
	return n != 0;
}

int pagedate_month(const char *s, size_t len, size_t *n)
{
	char w[10];
	size_t wl = 0;
	/* asked of every capitalised word of a forecast: a short ASCII
	 * word, compared with the English entries of the one table */
	while (wl < len && is_alpha(s[wl])) {
		if (wl == sizeof w)
			return 0;
		w[wl] = (char)(s[wl] | 32);
		wl++;
	}
	if (wl < 3)
		return 0;
	for (size_t k = 0; vocab_months[k].word; k++) {
		const char *m = vocab_months[k].word;
		if (m[0] != w[0] || (unsigned char)m[0] >= 0x80 || strlen(m) != wl ||
		    memcmp(m, w, wl) != 0)
			continue;
		*n = wl + (wl < len && s[wl] == '.');
		return vocab_months[k].value;
	}
	return 0;
}

/* Reads 1..max digits; returns the count (0: none, or too many). */
static int digits(struct cur *c, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (c->i < c->len && is_digit(c->s[c->i])) {
		if (++n > max)
			return 0;
		*v = *v * 10 + (c->s[c->i] - '0');
		c->i++;
	}
	return n;
}

/* Hyphen, en dash, em dash or minus sign. */
static bool dash(struct cur *c)
{
	if (lit(c, '-'))
		return true;
	if (c->i + 3 <= c->len) {
		const unsigned char *u = (const unsigned char *)c->s + c->i;
		if ((u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94)) ||
		    (u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92)) {
			c->i += 3;
			return true;
		}
	}
	return false;
}

static void ordinal_suffix(struct cur *c)
{
	static const char *const sfx[] = {"st", "nd", "rd", "th"};
	if (c->i + 2 > c->len || (c->i + 2 < c->len && is_alpha(c->s[c->i + 2])))
		return;
	for (int k = 0; k < 4; k++)
		if ((c->s[c->i] | 32) == sfx[k][0] && (c->s[c->i + 1] | 32) == sfx[k][1])
			c->i += 2;
}

static bool month_word(struct cur *c, int *m)
{
	if (!vocab_at(c, vocab_months, m))
		return false;
	lit(c, '.');
	return true;
}

/* Exactly four digits, not followed by a digit or ':' ("2017:" is a
 * time's start, not a year), then an optional "г."-style mark. */
static bool year(struct cur *c, int *y)
{
	struct cur save = *c;
	if (digits(c, 4, y) != 4 || (c->i < c->len && c->s[c->i] == ':')) {
		*c = save;
		return false;
	}
	struct cur before_mark = *c;
	skip_ws(c);
	if (!vocab_at(c, vocab_year_marks, NULL))
		*c = before_mark;
	return true;
}

/* "[,] YYYY" after a day and month; *y is 0 when no year follows. */
static void optional_year(struct cur *c, int *y)
{
	struct cur before_year = *c;
	lit(c, ',');
	skip_ws(c);
	if (!year(c, y)) {
		*c = before_year;
		*y = 0;
	}
}

/* A/B/YY[YY]: the field above 12 is the day; else day-first, flagged. */
static bool slash_date(struct cur *c, struct pagedate *r)
{
	int a, b, y, n;
	if (!digits(c, 2, &a) || !lit(c, '/') || !digits(c, 2, &b) || !lit(c, '/'))
		return false;
	n = digits(c, 4, &y);
	if (n == 2)
		y += y < 70 ? 2000 : 1900;
	else if (n != 4)
		return false;
	r->y = y;
	if (b > 12) {
		r->m = a;
		r->d = b;
		r->slash_month_first = true;
	} else {
		r->d = a;
		r->m = b;
		r->slash_day_first = a > 12;
		r->slash_ambiguous = a <= 12 && a != b;
	}
	return true;
}

/* One date: ISO, D.M.YYYY, D-M-YYYY, slashes, "Month D[,] [YYYY]",
 * "D Month[,] [YYYY]", "Month YYYY", or (in a range) a bare day. */
static bool one_date(struct cur *c, struct pagedate *r, bool allow_bare_day)
{
	struct cur save = *c;
	int v;
	r->y = 0;
	/* ISO 2021-03-03, and 2021/03/03: year first is never ambiguous */
	if (digits(c, 4, &v) == 4 && (lit(c, '-') || lit(c, '/'))) {
		char sep = c->s[c->i - 1];
		r->y = v;
		if (digits(c, 2, &r->m) == 2 && lit(c, sep) && digits(c, 2, &r->d) == 2)
			return true;
		*c = save;
		return false;
	}
	*c = save;
	/* 03.03.2021, 03-03-2021, and 03.03.21 (two-digit years: dots only) */
	if (digits(c, 2, &r->d) && (lit(c, '.') || lit(c, '-'))) {
		char sep = c->s[c->i - 1];
		int n;
		if (digits(c, 2, &r->m) && lit(c, sep) &&
		    ((n = digits(c, 4, &r->y)) == 4 || (n == 2 && sep == '.'))) {
			if (n == 2)
				r->y += r->y < 70 ? 2000 : 1900;
			return true;
		}
	}
	*c = save;
	if (slash_date(c, r))
		return true;
	*c = save;
	r->y = 0;
	if (month_word(c, &r->m)) {
		struct cur after_month = *c;
		skip_ws(c);
		if (year(c, &r->y)) { /* "September 2015" */
			r->d = 0;
			return true;
		}
		*c = after_month;
		skip_ws(c);
		if (!digits(c, 2, &r->d)) {
			*c = save;
			return false;
		}
		ordinal_suffix(c);
		optional_year(c, &r->y);
		return true;
	}
	*c = save;
	if (digits(c, 2, &r->d)) {
		ordinal_suffix(c);
		struct cur after_day = *c;
		skip_ws(c);
		if (month_word(c, &r->m)) {
			optional_year(c, &r->y);
			return true;
		}
		if (allow_bare_day) {
			*c = after_day;
			r->m = 0;
			optional_year(c, &r->y);
			return true;
		}
	}
	*c = save;
	return false;
}

/* A zone after a time: "Z", "+03:00", "GMT", "GMT+3", "ET", "IST". */
static void zone(struct cur *c)
{
	int v;
	skip_ws(c);
	if (lit(c, 'Z'))
		return;
	size_t n = 0;
	while (c->i + n < c->len && c->s[c->i + n] >= 'A' && c->s[c->i + n] <= 'Z')
		n++;
	if (n >= 2 && n <= 4 && (c->i + n == c->len || !is_alpha(c->s[c->i + n])))
		c->i += n;
	if (c->i < c->len && (c->s[c->i] == '+' || c->s[c->i] == '-')) {
		struct cur save = *c;
		c->i++;
		if (!digits(c, 2, &v)) {
			*c = save;
			return;
		}
		if (lit(c, ':'))
			digits(c, 2, &v);
	}
}

/* [,|at|в] HH:MM[:SS] [am|pm] [zone]; false on a bad time.  After a date
 * (after_date) "10.02" is a time too; before one it would be a day. */
static bool time_of_day(struct cur *c, bool after_date)
{
	struct cur save = *c;
	int h, mi, se = 0, f;
	skip_ws(c);
	if (lit(c, ',') || lit(c, '|'))
		skip_ws(c);
	else if (vocab_at(c, vocab_time_leads, NULL))
		skip_ws(c);
	if (!digits(c, 2, &h) || !(lit(c, ':') || (after_date && lit(c, '.')))) {
		*c = save;
		return true; /* no time at all */
	}
	if (digits(c, 2, &mi) != 2)
		return false;
	if (lit(c, ':') && digits(c, 2, &se) != 2)
		return false;
	if (lit(c, '.') && !digits(c, 9, &f))
		return false;
	struct cur before_ampm = *c;
	skip_ws(c);
	bool ampm = c->i + 2 <= c->len && ((c->s[c->i] | 32) == 'a' || (c->s[c->i] | 32) == 'p') &&
		    (c->s[c->i + 1] | 32) == 'm' &&
		    (c->i + 2 == c->len || !is_alpha(c->s[c->i + 2]));
	/* "a.m." and "p.m." (news agencies' style) */
	bool dotted =
		c->i + 4 <= c->len && ((c->s[c->i] | 32) == 'a' || (c->s[c->i] | 32) == 'p') &&
		c->s[c->i + 1] == '.' && (c->s[c->i + 2] | 32) == 'm' && c->s[c->i + 3] == '.';
	if (ampm)
		c->i += 2;
	else if (dotted)
		c->i += 4;
	else
		*c = before_ampm;
	ampm |= dotted;
	if (h > (ampm ? 12 : 23) || mi > 59 || se > 60)
		return false;
	zone(c);
	return true;
}

/* "Published on", "Updated at:", "Last updated:", then a weekday. */
static void label(struct cur *c, struct pagedate *pd)
{
	int v = VOCAB_LABEL_NEUTRAL;
	pd->label = VOCAB_LABEL_NEUTRAL;
	if (vocab_at(c, vocab_date_labels, &v)) {
		pd->label = v;
		lit(c, ':');
		struct cur save = *c;
		skip_ws(c);
		if (c->i + 2 <= c->len && (c->s[c->i] | 32) == 'o' &&
		    (c->s[c->i + 1] | 32) == 'n' &&
		    (c->i + 2 == c->len || c->s[c->i + 2] == ' ' || c->s[c->i + 2] == ':'))
			c->i += 2;
		else
			*c = save;
		lit(c, ':');
		skip_ws(c);
	}
	if (vocab_at(c, vocab_weekdays, NULL)) {
		lit(c, '.');
		lit(c, ',');
		skip_ws(c);
	}
}

/* After a full date: "Updated 3 hours ago" and other stamps of the same
 * line say nothing about the publication date. */
static bool at_end_or_update(struct cur *c)
{
	int v;
	skip_ws(c);
	lit(c, '|');
	lit(c, ',');
	skip_ws(c);
	if (c->i == c->len)
		return true;
	return vocab_prefix(vocab_date_labels, c->s + c->i, c->len - c->i, &v) &&
	       v == VOCAB_LABEL_UPDATED;
}

static bool valid(const struct pagedate *p)
{
	if (p->y < 1000)
		return false;
	if (p->d == 0)
		return p->m >= 1 && p->m <= 12;
	return date_valid(p->y, p->m, p->d);
}

/* The date (or range) at the cursor after the label; leaves the cursor
 * after it and its time.  Returns NONE, DATE or UNDATED. */
static enum pagedate_kind date_body(struct cur *c, struct pagedate *pd)
{
	struct pagedate a = *pd, b = *pd;
	/* "Updated: 14:32, 5 May 2021": a time of day may come first */
	struct cur before_time = *c;
	if (time_of_day(c, false) && c->i > before_time.i) {
		skip_ws(c);
		lit(c, ',');
		skip_ws(c);
	} else {
		*c = before_time;
	}
	if (!one_date(c, &a, true))
		return PAGEDATE_NONE;
	struct pagedate last = a;
	struct cur before_range = *c;
	skip_ws(c);
	if (a.d != 0 && dash(c)) {
		skip_ws(c);
		if (!one_date(c, &b, true))
			return PAGEDATE_NONE;
		if ((a.m == 0 && b.m == 0) || b.d == 0)
			return PAGEDATE_NONE;
		if (a.m == 0) /* "11 – 17 December 2017" */
			a.m = b.m;
		if (b.m == 0)
			b.m = a.m;
		if (b.y == 0)
			b.y = a.y;
		last = b;
	} else {
		if (a.m == 0) /* a bare number is not a date */
			return PAGEDATE_NONE;
		*c = before_range;
	}
	if (c->i < c->len && c->s[c->i] == 'T') /* ISO date-time */
		c->i++;
	if (last.d != 0 && !time_of_day(c, true))
		return PAGEDATE_NONE;
	if (last.y == 0)
		return last.d >= 1 && last.d <= 31 && last.m >= 1 && last.m <= 12 ? PAGEDATE_UNDATED
										  : PAGEDATE_NONE;
	if (!valid(&last) || (a.y && a.d && !date_valid(a.y, a.m, a.d)))
		return PAGEDATE_NONE;
	*pd = last;
	pd->end = c->i;
	return PAGEDATE_DATE;
}

enum pagedate_kind pagedate_read(const char *s, size_t len, struct pagedate *pd)
{
	struct cur c = {s, 0, len};
	struct pagedate r = {0};
	skip_ws(&c);
	label(&c, &r);
	enum pagedate_kind k = date_body(&c, &r);
	if (k == PAGEDATE_NONE)
		return k;
	if (k == PAGEDATE_DATE ? !at_end_or_update(&c) : (skip_ws(&c), c.i != c.len))
		return PAGEDATE_NONE;
	if (k == PAGEDATE_DATE)
		*pd = r;
	return k;
}

bool pagedate_read_prefix(const char *s, size_t len, struct pagedate *pd)
{
	struct cur c = {s, 0, len};
	struct pagedate r = {0};
	skip_ws(&c);
	label(&c, &r);
	if (date_body(&c, &r) != PAGEDATE_DATE || r.d == 0)
		return false;
	*pd = r;
	return true;
}

bool pagedate_title_tail(const char *s, size_t len, struct pagedate *pd, size_t *head_len)
{
	/* the separator is the last " — ", " – ", " - " or " | " */
	for (size_t i = len; i-- > 1;) {
		size_t n = 0;
		const unsigned char *u = (const unsigned char *)s + i;
		if (s[i - 1] != ' ')
			continue;
		if (s[i] == '-' || s[i] == '|')
			n = 1;
		else if (i + 3 <= len && u[0] == 0xE2 && u[1] == 0x80 &&
			 (u[2] == 0x93 || u[2] == 0x94))
			n = 3;
		if (!n || i + n >= len || s[i + n] != ' ')
			continue;
		struct pagedate r;
		if (pagedate_read(s + i + n, len - i - n, &r) != PAGEDATE_DATE || r.d == 0)
			return false;
		*pd = r;
		*head_len = i - 1;
		return i > 1;
	}
	return false;
}

/* A word in capitals (Latin or Cyrillic), two letters or more. */
static size_t caps_word(const char *s, size_t len)
{
	size_t i = 0, letters = 0, n;
	while (i < len) {
		if (s[i] == '-' || s[i] == '\'') {
			i++;
			continue;
		}
		enum text_case k = text_char_case(s + i, len - i, &n);
		if (k != TEXT_UPPER)
			break;
		letters++;
		i += n;
	}
	return letters >= 2 ? i : 0;
}

/* "/Agency/." or "(Agency)" after a wire dateline's date. */
static void agency(struct cur *c)
{
	struct cur save = *c;
	skip_ws(c);
	char close = lit(c, '/') ? '/' : lit(c, '(') ? ')' : 0;
	if (!close) {
		*c = save;
		return;
	}
	const char *e = memchr(c->s + c->i, close, c->len - c->i);
	if (!e || e - (c->s + c->i) > 40) {
		*c = save;
		return;
	}
	c->i = (size_t)(e - c->s) + 1;
	lit(c, '.');
}

size_t pagedate_dateline(const char *s, size_t len, int *m, int *d)
{
	struct cur c = {s, 0, len};
	size_t n, words = 0;
	*m = *d = 0;
	/* the place: one to three words in capitals ("NEW DELHI") */
	while ((n = caps_word(s + c.i, len - c.i)) != 0 && words < 3) {
		c.i += n;
		words++;
		if (c.i < len && s[c.i] == ' ' && c.i + 1 < len &&
		    caps_word(s + c.i + 1, len - c.i - 1))
			c.i++;
		else
			break;
	}
	if (!words)
		return 0;
	struct cur after_place = c;
	/* "TBILISI — ", "KARACHI: " */
	skip_ws(&c);
	if (c.i > after_place.i ? dash(&c) : lit(&c, ':')) {
		if (c.i < len && s[c.i] == ' ')
			return c.i + 1;
		return 0;
	}
	c = after_place;
	/* "MOSCOW, March 28. /Agency/. ", "KYIV. Dec 22 ", "WASHINGTON, Oct. 25 - " */
	if (!lit(&c, ',') && !lit(&c, '.'))
		return 0;
	skip_ws(&c);
	struct pagedate r = {0};
	if (!one_date(&c, &r, false) || r.y != 0 || r.m == 0 || r.d < 1 || r.d > 31)
		return 0;
	lit(&c, '.');
	agency(&c);
	skip_ws(&c);
	if (dash(&c) || lit(&c, ':'))
		skip_ws(&c);
	if (c.i < len && text_char_case(s + c.i, len - c.i, &n) != TEXT_UPPER && s[c.i] != '"' &&
	    (unsigned char)s[c.i] < 0x80)
		return 0;
	*m = r.m;
	*d = r.d;
	return c.i;
}

void pagedate_swap(struct pagedate *pd)
{
	int t = pd->d;
	pd->d = pd->m;
	pd->m = t;
	pd->slash_ambiguous = false;
}

long pagedate_days(const struct pagedate *pd)
{
	return date_from_ymd(pd->y, pd->m, pd->d ? pd->d : 1);
}
