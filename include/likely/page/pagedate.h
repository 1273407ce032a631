/*
 * pagedate: dates as pages print them (PHENOMENA §1).  A line is a date
 * line only when it holds nothing but a date -- an optional label
 * ("Published:", "Last updated", "Опубликовано"), weekday and time of day
 * are allowed around it -- so a sentence that mentions a date is never
 * taken for one.
 *
 * Forms: English months ("March 3, 2021", "Mar. 3 2021", "3rd March,
 * 2021"), Russian, Belarusian and Ukrainian months in nominative or
 * genitive ("28 марта 2021 г.", "28 сакавіка 2021"), day.month.year
 * ("03.03.2021"), day-month-year with dashes ("03-03-2021"), slashes
 * ("14/06/2023", "11/14/22": see pagedate.slash_ambiguous), ISO with or
 * without a time, month and year alone ("September 2015": month
 * precision), and week ranges ("December 11 – 17, 2017", which name their
 * LAST day).  A year alone ("© 2017") is never a date.
 */
#ifndef LIKELY_PAGEDATE_H
#define LIKELY_PAGEDATE_H

#include <stdbool.h>
#include <stddef.h>

enum pagedate_kind {
	PAGEDATE_NONE,   /* not a date line (or a day that does not exist) */
	PAGEDATE_DATE,   /* a date; the struct's fields are set */
	PAGEDATE_UNDATED /* a date or range without a year ("March 18 – March
			  * 24"): site navigation, not an article's date */
};

struct pagedate {
	int y, m, d; /* d == 0: only the month is given */
	int label;   /* enum vocab_label of the label before it, if any */
	/* "06/07/2021": both fields could be the month.  It is read
	 * day-first (m = 7); a page whose other slash dates show it writes
	 * month first swaps d and m (pagedate_swap). */
	bool slash_ambiguous;
	/* a slash date whose fields settle the page's order */
	bool slash_day_first, slash_month_first;
	size_t end; /* bytes of the line the date used */
};

/* Classifies the line s[0..len) (need not be NUL-terminated).  Fills *pd
 * only for PAGEDATE_DATE.  Impossible dates ("February 30, 2017") and
 * times ("25:10") give NONE. */
enum pagedate_kind pagedate_read(const char *s, size_t len, struct pagedate *pd);

/* Like pagedate_read, but the date may be followed by more text (a
 * byline: "Posted on April 21st 2023 by Anna Reed"); pd->end says where
 * the date ends.  Only full dates count. */
bool pagedate_read_prefix(const char *s, size_t len, struct pagedate *pd);

/* "Weekly Review — January 18, 2022": a line that ends with a full date
 * after a dash or bar.  Sets *head_len to the length of the text before
 * the separator.  */
bool pagedate_title_tail(const char *s, size_t len, struct pagedate *pd, size_t *head_len);

/*
 * A wire or city dateline opening a first paragraph: "MOSCOW, March 28.
 * /Agency/. ", "KYIV. Dec 22 ", "WASHINGTON, Oct. 25 - ", "TBILISI — ",
 * "KARACHI: ".  Returns how many bytes to cut (0: none) and sets *m, *d
 * to the month and day it names (0 when it names none).
 */
size_t pagedate_dateline(const char *s, size_t len, int *m, int *d);

/* Swaps day and month of an ambiguous slash date (see above). */
void pagedate_swap(struct pagedate *pd);

/* The date's day number (date.h); the first of the month when d == 0. */
long pagedate_days(const struct pagedate *pd);

/*
 * An English month name at s: full ("September"), three-letter or "Sept"
 * abbreviation, any case, with an optional final ".".  Returns 1..12 and
 * the bytes used in *n, or 0 when s does not start with a whole month
 * word.  (The cue and horizon rules ask it of words.)
 */
int pagedate_month(const char *s, size_t len, size_t *n);

#endif
