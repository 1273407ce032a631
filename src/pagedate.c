/*
 * pagedate: a small hand-written parser (NOTES-dependencies.md §2: no
 * library in Debian parses these forms correctly; strptime's %b stops at
 * "Sep" of "Sept."; getdate/GLib guess).  Numeric dates are read as
 * day.month.year only with dots, the European order the outlets use;
 * slashed dates are ambiguous (M/D or D/M) and are not accepted.
 */
#include "likely/pagedate.h"

#include <stdbool.h>
#include <string.h>

#include "likely/date.h"
#include "likely/text.h"

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

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static void skip_ws(struct cur *c)
{
	size_t k;
	while (c->i < c->len && (k = text_space_len(c->s + c->i, c->len - c->i)))
		c->i += k;
}

/* The ASCII word at the cursor, lowercased into w (at most cap-1 bytes).
 * Returns its length, 0 when there is none or it is too long. */
static size_t word_at(const struct cur *c, char *w, size_t cap)
{
	size_t n = 0;
	while (c->i + n < c->len && is_alpha(c->s[c->i + n])) {
		if (n + 1 >= cap)
			return 0;
		w[n] = lower(c->s[c->i + n]);
		n++;
	}
	w[n] = '\0';
	return n;
}

int pagedate_month(const char *s, size_t len, size_t *n)
{
	static const char *const names[12] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"};
	struct cur c = {s, 0, len};
	char w[16];
	size_t wl = word_at(&c, w, sizeof w);
	if (wl < 3)
		return 0;
	/* every form of a month begins with its own three letters, so the
	 * rest is compared only for the one month whose letters agree (the
	 * cue rules ask this of every word of a forecast) */
	for (int m = 0; m < 12; m++) {
		if (memcmp(w, names[m], 3) != 0)
			continue;
		bool full = strcmp(w, names[m]) == 0;
		bool abbr = wl == 3;
		if (m == 8 && strcmp(w, "sept") == 0)
			abbr = true;
		if (!full && !abbr)
			continue;
		*n = wl;
		if (wl < len && s[wl] == '.')
			(*n)++;
		return m + 1;
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

static bool lit(struct cur *c, char ch)
{
	if (c->i < c->len && c->s[c->i] == ch) {
		c->i++;
		return true;
	}
	return false;
}

/* Hyphen, en dash (U+2013), em dash (U+2014) or minus sign (U+2212). */
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
	char w[8];
	size_t wl = word_at(c, w, sizeof w);
	for (int k = 0; k < 4 && wl == 2; k++)
		if (strcmp(w, sfx[k]) == 0)
			c->i += 2;
}

static bool month_word(struct cur *c, int *m)
{
	size_t n;
	*m = pagedate_month(c->s + c->i, c->len - c->i, &n);
	if (*m)
		c->i += n;
	return *m != 0;
}

/* A year: exactly four digits, not followed by another digit or ':'
 * (so "2017 10:43" is fine but "2017:" is not a year). */
static bool year(struct cur *c, int *y)
{
	struct cur save = *c;
	if (digits(c, 4, y) != 4 || (c->i < c->len && c->s[c->i] == ':')) {
		*c = save;
		return false;
	}
	return true;
}

struct ymd {
	int y, m, d; /* y == 0: no year */
};

/* "Month D[,] [YYYY]" or "D Month[,] [YYYY]", ISO, or D.M.YYYY. */
/* "[,] YYYY" after a day and month; *y is 0 (and nothing is used) when
 * no year follows. */
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

static bool one_date(struct cur *c, struct ymd *r, bool allow_bare_day)
{
	struct cur save = *c;
	int v;
	r->y = 0;
	/* ISO */
	if (digits(c, 4, &v) == 4 && lit(c, '-')) {
		r->y = v;
		if (digits(c, 2, &r->m) == 2 && lit(c, '-') &&
		    digits(c, 2, &r->d) == 2)
			return true;
		*c = save;
		return false;
	}
	*c = save;
	/* D.M.YYYY */
	if (digits(c, 2, &r->d) && lit(c, '.') && digits(c, 2, &r->m) &&
	    lit(c, '.') && digits(c, 4, &r->y) == 4)
		return true;
	*c = save;
	r->y = 0;
	/* Month D[,] [YYYY] */
	if (month_word(c, &r->m)) {
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
	/* D Month[,] [YYYY], or a bare day in the second half of a range */
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

/* [,|at|-] HH:MM[:SS] [am|pm] [zone] ; returns false on a bad time. */
static bool time_of_day(struct cur *c)
{
	struct cur save = *c;
	int h, mi, se = 0;
	char w[8];
	skip_ws(c);
	if (lit(c, ',') || lit(c, '|'))
		skip_ws(c);
	else if (word_at(c, w, sizeof w) == 2 && strcmp(w, "at") == 0) {
		c->i += 2;
		skip_ws(c);
	}
	if (!digits(c, 2, &h) || !lit(c, ':')) {
		*c = save;
		return true; /* no time at all */
	}
	if (digits(c, 2, &mi) != 2)
		return false;
	if (lit(c, ':') && digits(c, 2, &se) != 2)
		return false;
	if (lit(c, '.')) { /* fractions of a second */
		int f;
		if (!digits(c, 9, &f))
			return false;
	}
	skip_ws(c);
	size_t wl = word_at(c, w, sizeof w);
	bool ampm = wl == 2 && (strcmp(w, "am") == 0 || strcmp(w, "pm") == 0);
	if (ampm)
		c->i += 2;
	if (h > (ampm ? 12 : 23) || mi > 59 || se > 60)
		return false;
	skip_ws(c);
	if (lit(c, 'Z'))
		return true;
	if (c->i < c->len && (c->s[c->i] == '+' || c->s[c->i] == '-')) {
		int zh, zm = 0;
		c->i++;
		if (!digits(c, 2, &zh))
			return false;
		if (lit(c, ':'))
			digits(c, 2, &zm);
		return true;
	}
	wl = word_at(c, w, sizeof w);
	if (wl >= 2 && wl <= 4)
		c->i += wl; /* UTC, GMT, MSK, CEST */
	return true;
}

static void label(struct cur *c)
{
	static const char *const labels[] = {"posted", "published", "updated",
					     "date", "dated", NULL};
	static const char *const days[] = {
		"monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
		"thur", "thurs", "fri", "sat", "sun", NULL};
	char w[16];
	size_t wl = word_at(c, w, sizeof w);
	/* every line of a page comes here: the first letter rules out most
	 * words before strcmp is called */
	for (int k = 0; wl && labels[k]; k++) {
		if (w[0] == labels[k][0] && strcmp(w, labels[k]) == 0) {
			c->i += wl;
			lit(c, ':');
			if (c->i + 3 <= c->len && memcmp(c->s + c->i, " on", 3) == 0)
				c->i += 3;
			skip_ws(c);
			wl = word_at(c, w, sizeof w);
			break;
		}
	}
	for (int k = 0; wl && days[k]; k++) {
		if (w[0] == days[k][0] && strcmp(w, days[k]) == 0) {
			c->i += wl;
			lit(c, '.');
			lit(c, ',');
			skip_ws(c);
			return;
		}
	}
}

static bool at_end(struct cur *c)
{
	skip_ws(c);
	return c->i == c->len;
}

enum pagedate_kind pagedate_parse(const char *s, size_t len, long *days)
{
	struct cur c = {s, 0, len};
	struct ymd a, b;
	skip_ws(&c);
	label(&c);
	/* "Updated: 14:32, 5 May 2021": a time of day may come first */
	struct cur before_time = c;
	if (time_of_day(&c) && c.i > before_time.i) {
		skip_ws(&c);
		if (lit(&c, ','))
			skip_ws(&c);
	} else {
		c = before_time;
	}
	if (!one_date(&c, &a, true))
		return PAGEDATE_NONE;
	struct ymd last = a;
	struct cur before_range = c;
	skip_ws(&c);
	if (dash(&c)) {
		skip_ws(&c);
		if (!one_date(&c, &b, true))
			return PAGEDATE_NONE;
		if (a.m == 0 && b.m == 0)
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
		c = before_range;
	}
	if (c.i < c.len && c.s[c.i] == 'T') { /* ISO date-time */
		c.i++;
	}
	if (!time_of_day(&c) || !at_end(&c))
		return PAGEDATE_NONE;
	if (last.y == 0)
		return last.d >= 1 && last.d <= 31 && last.m >= 1 && last.m <= 12
			       ? PAGEDATE_UNDATED
			       : PAGEDATE_NONE;
	if (last.y < 1000 || !date_valid(last.y, last.m, last.d))
		return PAGEDATE_NONE;
	if (a.y && !date_valid(a.y, a.m, a.d))
		return PAGEDATE_NONE;
	*days = date_from_ymd(last.y, last.m, last.d);
	return PAGEDATE_DATE;
}
