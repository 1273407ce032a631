/*
 * horizon: table phrases are matched as whole folded words; explicit forms
 * are recognised by a small hand-written grammar over the same tokens.
 * Dates are day numbers (date.h), so no time zone is involved.
 */
#include "likely/extract/horizon.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/extract/cfgtable.h"
#include "likely/base/date.h"
#include "likely/page/pagedate.h"

static const struct {
	const char *phrase;
	int months;
} builtin[] = {
/* made by the build from predictions/config/horizons.csv (scripts/config-table.awk):
 * the shipped file is the built-in table */
#include "horizons.inc"
};

void horizon_init_empty(struct horizon_table *t)
{
	memset(t, 0, sizeof *t);
}

void horizon_release(struct horizon_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->r[i].phrase);
		free(t->r[i].words[0]);
		free(t->r[i].words);
	}
	free(t->r);
	horizon_init_empty(t);
}

/* Adds a phrase.  Returns 0, or -1 when it is empty or already there. */
static int horizon_add(struct horizon_table *t, const char *phrase, int months)
{
	struct text_tokens tok;
	struct buf folded, words;
	int rc = -1;
	text_tokens_init(&tok);
	buf_init(&folded);
	buf_init(&words);
	text_tokenize(&tok, phrase, strlen(phrase));
	for (size_t i = 0; i < tok.n; i++) {
		if (i)
			buf_addc(&folded, ' ');
		buf_adds(&folded, text_tok(&tok, i));
		buf_add(&words, text_tok(&tok, i), strlen(text_tok(&tok, i)) + 1);
	}
	if (tok.n == 0)
		goto out;
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->r[i].phrase, folded.data) == 0)
			goto out;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->r = xrealloc(t->r, t->cap * sizeof *t->r);
	}
	struct horizon_rule *r = &t->r[t->n++];
	r->phrase = buf_detach(&folded);
	r->months = months;
	r->nwords = tok.n;
	r->words = xmalloc(tok.n * sizeof *r->words);
	char *w = buf_detach(&words);
	for (size_t i = 0; i < tok.n; i++) {
		r->words[i] = w;
		w += strlen(w) + 1;
	}
	rc = 0;
out:
	buf_release(&words);
	buf_release(&folded);
	text_tokens_release(&tok);
	return rc;
}

void horizon_init_default(struct horizon_table *t)
{
	horizon_init_empty(t);
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		horizon_add(t, builtin[i].phrase, builtin[i].months);
}

/* The checked integer parser for months: digits only, 0..1200. */
static bool parse_months(const char *s, int *out)
{
	char *end;
	if (!*s || !(*s >= '0' && *s <= '9'))
		return false;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < 0 || v > 1200)
		return false;
	*out = (int)v;
	return true;
}

static const char *check_row(const char *key, const char *value, const char **column, void *ctx)
{
	int months;
	if (!parse_months(value, &months)) {
		*column = "months";
		return "not a whole number of months in 0..1200";
	}
	if (horizon_add(ctx, key, months) != 0)
		return "duplicate phrase";
	return NULL;
}

int horizon_load(struct horizon_table *t, const char *path, struct diag *d)
{
	struct horizon_table fresh;
	horizon_init_empty(&fresh);
	int rc = cfgtable_read(path, "phrase", "months", check_row, &fresh, d);
	if (rc != LIKELY_OK) {
		horizon_release(&fresh);
		return rc;
	}
	horizon_release(t);
	*t = fresh;
	return LIKELY_OK;
}

/* ---- explicit forms ---- */

struct scan {
	const struct text_tokens *tok;
	long from;
	int fy, fm, fd; /* the forecast date */
};

/* w_at and is are asked about every token of every forecast, and most
 * tokens differ from w in the first byte: inline, and strcmp only when
 * the first bytes agree. */
static inline const char *w_at(const struct scan *s, size_t i)
{
	if (i >= s->tok->n || s->tok->tok[i].kind != TOK_WORD)
		return "";
	return s->tok->norm.data + s->tok->tok[i].norm;
}

static inline bool is(const struct scan *s, size_t i, const char *w)
{
	const char *t = w_at(s, i);
	return t[0] == w[0] && strcmp(t, w) == 0;
}

static bool year_of(const char *w, int *y);

/* The end of a range that starts in year y, written w: a later year
 * within a decade ("2020") or its last two digits ("20"). */
static bool range_end_of(const char *w, int y, int *end)
{
	if (year_of(w, end))
		return *end > y && *end - y <= 10;
	if (strlen(w) != 2 || w[0] < '0' || w[0] > '9' || w[1] < '0' || w[1] > '9')
		return false;
	*end = y - y % 100 + (w[0] - '0') * 10 + (w[1] - '0');
	return *end > y;
}

/* "2019–20", "2019-2020", "2019/20" after the year y at token i: the
 * range's last year in *end. */
static bool year_range_end(const struct scan *s, size_t i, int y, int *end)
{
	if (i + 2 >= s->tok->n || s->tok->tok[i + 1].kind != TOK_PUNCT)
		return false;
	const char *d = text_tok(s->tok, i + 1);
	if (strcmp(d, "\xe2\x80\x93") != 0 && strcmp(d, "-") != 0 && strcmp(d, "/") != 0)
		return false;
	return range_end_of(w_at(s, i + 2), y, end);
}

/* One word "2019-2020" or "2019-20" (a hyphen joins them into one
 * token): the years in *y and *end. */
static bool fused_year_range(const char *w, int *y, int *end)
{
	char first[5];
	size_t n = strlen(w);
	if ((n != 9 && n != 7) || w[4] != '-')
		return false;
	memcpy(first, w, 4);
	first[4] = '\0';
	return year_of(first, y) && range_end_of(w + 5, *y, end);
}

/* A four-digit year 1000..9999 spelled exactly so (e.g. "2019"). */
static bool year_of(const char *w, int *y)
{
	if (strlen(w) != 4)
		return false;
	int v = 0;
	for (int k = 0; k < 4; k++) {
		if (w[k] < '0' || w[k] > '9')
			return false;
		v = v * 10 + (w[k] - '0');
	}
	if (v < 1000)
		return false;
	*y = v;
	return true;
}

static long end_of_month(int y, int m)
{
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

static long end_of_year(int y)
{
	return date_from_ymd(y, 12, 31);
}

/* Small counts in words or digits: "two", "2", "a", "few". */
static bool count_of(const char *w, int *n)
{
	static const char *const words[] = {"zero", "one",    "two",    "three", "four",
					    "five", "six",    "seven",  "eight", "nine",
					    "ten",  "eleven", "twelve", NULL};
	for (int k = 0; words[k]; k++)
		if (strcmp(w, words[k]) == 0) {
			*n = k;
			return k > 0;
		}
	if (strcmp(w, "a") == 0 || strcmp(w, "an") == 0) {
		*n = 1;
		return true;
	}
	if (strcmp(w, "few") == 0 || strcmp(w, "several") == 0) {
		*n = 3;
		return true;
	}
	size_t len = strlen(w);
	if (len == 0 || len > 3)
		return false;
	int v = 0;
	for (size_t k = 0; k < len; k++) {
		if (w[k] < '0' || w[k] > '9')
			return false;
		v = v * 10 + (w[k] - '0');
	}
	*n = v;
	return v > 0;
}

/* "early"/"mid"/"late"/"end" part of a year -> its last day. */
static bool part_of_year(const char *part, int y, long *due)
{
	if (strcmp(part, "early") == 0)
		*due = end_of_month(y, 4);
	else if (strcmp(part, "mid") == 0 || strcmp(part, "middle") == 0)
		*due = end_of_month(y, 6);
	else if (strcmp(part, "late") == 0 || strcmp(part, "end") == 0)
		*due = end_of_year(y);
	else
		return false;
	return true;
}

/* "mid-2019", "end-2018": a part and a year in one token. */
static bool fused_part(const char *w, long *due)
{
	const char *dash = strchr(w, '-');
	int y;
	if (!dash || !year_of(dash + 1, &y))
		return false;
	char part[8];
	size_t n = (size_t)(dash - w);
	if (n == 0 || n >= sizeof part)
		return false;
	memcpy(part, w, n);
	part[n] = '\0';
	return part_of_year(part, y, due);
}

/*
 * "spring", "summer 2019", "autumn"/"fall", "winter": the season's last
 * day (31 May, 31 August, 30 November, end of February after the
 * December the winter starts in).  Without a year, the first such day
 * after the forecast date.
 */
static bool season_end(const struct scan *s, size_t i, long *due, size_t *last)
{
	static const struct {
		const char *name;
		int month; /* the season's last month */
	} seasons[] = {{"spring", 5}, {"summer", 8}, {"autumn", 11}, {"fall", 11}, {"winter", 2}};
	int y;
	for (size_t k = 0; k < sizeof seasons / sizeof seasons[0]; k++) {
		if (!is(s, i, seasons[k].name))
			continue;
		int m = seasons[k].month;
		/* "the fall of the regime" is not autumn; "the fall of 2019" is */
		if (is(s, i + 1, "of") && !year_of(w_at(s, i + 2), &y))
			return false;
		if (is(s, i + 1, "of") && year_of(w_at(s, i + 2), &y)) {
			*due = end_of_month(m == 2 ? y + 1 : y, m);
			*last = i + 2;
		} else if (year_of(w_at(s, i + 1), &y)) {
			*due = end_of_month(m == 2 ? y + 1 : y, m);
			*last = i + 1;
		} else {
			*due = end_of_month(s->fy, m);
			if (*due <= s->from)
				*due = end_of_month(s->fy + 1, m);
			*last = i;
		}
		return true;
	}
	return false;
}

/* A date expression at token i: year, month [year], part year, quarter,
 * "(the) end/middle of X", "next/this year|month|week|decade".  Sets *due
 * and *last (last token used). */
static bool date_expr(const struct scan *s, size_t i, long *due, size_t *last, bool before)
{
	int y, m;
	size_t n;
	const char *w = w_at(s, i);
	if (is(s, i, "the"))
		return date_expr(s, i + 1, due, last, before);
	if (year_of(w, &y)) {
		*due = before ? end_of_year(y - 1) : end_of_year(y);
		*last = i;
		int y2;
		if (!before && year_range_end(s, i, y, &y2)) {
			*due = end_of_year(y2); /* "2019–20": the later year */
			*last = i + 2;
		}
		return true;
	}
	if (fused_part(w, due)) {
		*last = i;
		return true;
	}
	if (fused_year_range(w, &y, &m) && !before) { /* "2019-2020", "2019-20" */
		*due = end_of_year(m);
		*last = i;
		return true;
	}
	if ((strcmp(w, "early") == 0 || strcmp(w, "mid") == 0 || strcmp(w, "late") == 0) &&
	    year_of(w_at(s, i + 1), &y)) {
		part_of_year(w, y, due);
		*last = i + 1;
		return true;
	}
	if ((is(s, i, "first") || is(s, i, "second")) && is(s, i + 1, "half") &&
	    is(s, i + 2, "of") && year_of(w_at(s, i + 3), &y)) {
		*due = end_of_month(y, is(s, i, "first") ? 6 : 12);
		*last = i + 3;
		return true;
	}
	if (season_end(s, i, due, last))
		return true;
	if (w[0] == 'q' && w[1] >= '1' && w[1] <= '4' && !w[2] && year_of(w_at(s, i + 1), &y)) {
		*due = end_of_month(y, (w[1] - '0') * 3);
		*last = i + 1;
		return true;
	}
	if ((m = pagedate_month(w, strlen(w), &n)) && n == strlen(w)) {
		if (year_of(w_at(s, i + 1), &y)) {
			*last = i + 1;
		} else {
			/* "by March": the next end of March from the date on */
			y = s->fy + (m < s->fm ? 1 : 0);
			*last = i;
		}
		*due = before ? date_from_ymd(y, m, 1) - 1 : end_of_month(y, m);
		return true;
	}
	if ((is(s, i, "end") || is(s, i, "middle") || is(s, i, "close")) && is(s, i + 1, "of")) {
		size_t j = i + 2;
		if (is(s, j, "the") || is(s, j, "this"))
			j++;
		bool next = is(s, j, "next");
		if (next)
			j++;
		bool middle = is(s, i, "middle");
		if (is(s, j, "year") || is(s, j, "decade")) {
			int yy = s->fy + (next ? (is(s, j, "decade") ? 10 : 1) : 0);
			if (is(s, j, "decade"))
				yy = yy / 10 * 10 + 9;
			*due = middle ? end_of_month(yy, 6) : end_of_year(yy);
			*last = j;
			return true;
		}
		if (is(s, j, "month") && !middle) {
			long d = next ? date_add_months(s->from, 1) : s->from;
			date_to_ymd(d, &y, &m, &(int){0});
			*due = end_of_month(y, m);
			*last = j;
			return true;
		}
		if (year_of(w_at(s, j), &y)) {
			*due = middle ? end_of_month(y, 6) : end_of_year(y);
			*last = j;
			return true;
		}
		if ((m = pagedate_month(w_at(s, j), strlen(w_at(s, j)), &n)) &&
		    n == strlen(w_at(s, j)) && !middle) {
			size_t k = j;
			if (year_of(w_at(s, j + 1), &y))
				k = j + 1;
			else
				y = s->fy + (m < s->fm ? 1 : 0);
			*due = end_of_month(y, m);
			*last = k;
			return true;
		}
		return false;
	}
	return false;
}

/* "next year", "this month", "next week", "this decade", "year-end". */
static bool relative_expr(const struct scan *s, size_t i, long *due, size_t *last)
{
	int y, m, d;
	if (is(s, i, "year-end")) {
		*due = end_of_year(s->fy);
		*last = i;
		return true;
	}
	bool next = is(s, i, "next");
	if (!next && !is(s, i, "this"))
		return false;
	if (is(s, i + 1, "year")) {
		*due = end_of_year(s->fy + next);
	} else if (is(s, i + 1, "month")) {
		long base = next ? date_add_months(s->from, 1) : s->from;
		date_to_ymd(base, &y, &m, &d);
		*due = end_of_month(y, m);
	} else if (is(s, i + 1, "week")) {
		/* 1970-01-01 was a Thursday: Monday-based weekday is (d+3)%7 */
		long wd = ((s->from + 3) % 7 + 7) % 7;
		*due = s->from + (6 - wd) + (next ? 7 : 0);
	} else if (is(s, i + 1, "decade")) {
		*due = end_of_year((s->fy + (next ? 10 : 0)) / 10 * 10 + 9);
	} else {
		return false;
	}
	*last = i + 1;
	return true;
}

/* "within (the next) two years", "in the next 6 months", "over the coming
 * three years", "in two years", "within a year". */
static bool offset_expr(const struct scan *s, size_t i, long *due, size_t *last)
{
	if (!is(s, i, "within") && !is(s, i, "in") && !is(s, i, "over"))
		return false;
	size_t j = i + 1;
	bool lead = false;
	if (is(s, j, "the")) {
		j++;
		if (!is(s, j, "next") && !is(s, j, "coming"))
			return false;
	}
	if (is(s, j, "next") || is(s, j, "coming")) {
		j++;
		lead = true;
	}
	int n = 1;
	bool counted = true;
	if (is(s, j, "a") && is(s, j + 1, "few"))
		j++;
	if (!count_of(w_at(s, j), &n)) {
		if (!lead && !is(s, i, "within"))
			return false;
		n = 1; /* "within the next year" */
		counted = false;
	} else {
		j++;
	}
	const char *unit = w_at(s, j);
	/* "in the coming months" has no count: a table phrase, not an offset */
	if (!counted && unit[0] && unit[strlen(unit) - 1] == 's')
		return false;
	if (strcmp(unit, "year") == 0 || strcmp(unit, "years") == 0)
		*due = date_add_months(s->from, 12 * n);
	else if (strcmp(unit, "month") == 0 || strcmp(unit, "months") == 0)
		*due = date_add_months(s->from, n);
	else if (strcmp(unit, "decade") == 0 || strcmp(unit, "decades") == 0)
		*due = date_add_months(s->from, 120 * n); /* "over the next decade" */
	else if (strcmp(unit, "week") == 0 || strcmp(unit, "weeks") == 0)
		*due = s->from + 7L * n;
	else if (strcmp(unit, "day") == 0 || strcmp(unit, "days") == 0)
		*due = s->from + n;
	else
		return false;
	*last = j;
	return true;
}

static bool explicit_at(const struct scan *s, size_t i, long *due, size_t *last)
{
	if (offset_expr(s, i, due, last) || relative_expr(s, i, due, last))
		return true;
	bool before = is(s, i, "before");
	bool in = is(s, i, "in") || is(s, i, "during");
	int y;
	/* "for 2024" (an outlook's period): a year right after "for" */
	if (is(s, i, "for") && year_of(w_at(s, i + 1), &y))
		return date_expr(s, i + 1, due, last, false);
	if (before || in || is(s, i, "by") || is(s, i, "until") || is(s, i, "till") ||
	    is(s, i, "through")) {
		/* "by next year", "by the end of next year" */
		if (relative_expr(s, i + 1, due, last))
			return true;
		return date_expr(s, i + 1, due, last, before);
	}
	return false;
}

static bool table_at(const struct horizon_table *t, const struct scan *s, size_t i, size_t *last,
		     int *months)
{
	size_t best = 0;
	for (size_t r = 0; r < t->n; r++) {
		const struct horizon_rule *h = &t->r[r];
		if (h->nwords <= best || i + h->nwords > s->tok->n)
			continue;
		size_t k;
		for (k = 0; k < h->nwords; k++)
			if (!is(s, i + k, h->words[k]))
				break;
		if (k < h->nwords)
			continue;
		/* "as soon as" is a conjunction, not a time */
		if (h->nwords == 1 && strcmp(h->words[0], "soon") == 0 && i > 0 &&
		    is(s, i - 1, "as") && is(s, i + 1, "as"))
			continue;
		best = h->nwords;
		*months = h->months;
		*last = i + k - 1;
	}
	return best > 0;
}

static void scan_init(struct scan *s, const struct text_tokens *tok, long from)
{
	s->tok = tok;
	s->from = from;
	date_to_ymd(from, &s->fy, &s->fm, &s->fd);
}

void horizon_find_tokens(const struct horizon_table *t, const struct text_tokens *tok, long from,
			 struct horizon_match *m)
{
	struct scan s;
	size_t last;
	long due;
	int months;
	scan_init(&s, tok, from);
	m->found = false;
	m->start = m->end = 0;
	m->due = date_add_months(from, HORIZON_DEFAULT_MONTHS);
	for (size_t i = 0; i < tok->n; i++) {
		if (explicit_at(&s, i, &due, &last) && due >= from) {
			m->found = true;
			m->due = due;
			m->start = tok->tok[i].start;
			m->end = tok->tok[last].end;
			return;
		}
	}
	/* a phrase can start only at a token with the first byte of some
	 * phrase's first word; most tokens have none, so the table is not
	 * tried there */
	bool first[256] = {false};
	for (size_t r = 0; r < t->n; r++)
		first[(unsigned char)t->r[r].words[0][0]] = true;
	for (size_t i = 0; i < tok->n; i++) {
		if (!first[(unsigned char)w_at(&s, i)[0]])
			continue;
		if (table_at(t, &s, i, &last, &months)) {
			m->found = true;
			m->due = date_add_months(from, months);
			m->start = tok->tok[i].start;
			m->end = tok->tok[last].end;
			return;
		}
	}
}

/*
 * A phrase names its own date when it gives the same day counted from two
 * forecast dates centuries apart.  Both lie before the year 1000, the
 * first a year_of accepts, so no explicit year is dropped as "in the past"
 * by either; every relative form ("next year", "by March", table phrases,
 * the default) moves with the date.
 */
bool horizon_find_undated(const struct horizon_table *t, const struct text_tokens *tok,
			  struct horizon_match *m)
{
	struct horizon_match other;
	horizon_find_tokens(t, tok, date_from_ymd(100, 1, 1), m);
	if (!m->found)
		return false;
	horizon_find_tokens(t, tok, date_from_ymd(613, 7, 17), &other);
	return other.found && other.start == m->start && other.due == m->due;
}

void horizon_find(const struct horizon_table *t, const char *s, size_t len, long from,
		  struct horizon_match *m)
{
	struct text_tokens tok;
	text_tokens_init(&tok);
	text_tokenize(&tok, s, len);
	horizon_find_tokens(t, &tok, from, m);
	text_tokens_release(&tok);
}

bool horizon_present(const struct horizon_table *t, const struct text_tokens *tok, long from)
{
	struct horizon_match m;
	horizon_find_tokens(t, tok, from, &m);
	return m.found;
}
