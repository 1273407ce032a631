/*
 * pagedate: the date line of an article.  A line is a date only when it
 * holds nothing but a date (an optional "Posted:"-style label, weekday and
 * time of day are allowed around it), so a sentence that mentions a date
 * is never taken for one.
 *
 * Forms: "October 03, 2016 11:24", "Oct. 3, 2016", "Sept. 9, 2025",
 * "3 October 2016", "3 Oct 2016", "Posted: 08.11.2023 16:38:00"
 * (day.month.year), ISO "2017-12-17" (also "2017-12-17T10:00:00Z"), and
 * week ranges "December 11 – December 17, 2017" / "May 11 - 17, 2020"
 * joined by an en dash, em dash or hyphen, which name their LAST day.
 */
#ifndef LIKELY_PAGEDATE_H
#define LIKELY_PAGEDATE_H

#include <stddef.h>

enum pagedate_kind {
	PAGEDATE_NONE,   /* not a date line (or a day that does not exist) */
	PAGEDATE_DATE,   /* a date; *days is set */
	PAGEDATE_UNDATED /* a date or range without a year ("March 18 – March
			  * 24"): site navigation, not an article's date */
};

/*
 * Classifies the line s[0..len) (need not be NUL-terminated).  Sets *days
 * only for PAGEDATE_DATE.  Never fails otherwise; impossible dates
 * ("February 30, 2017", "31.04.2020") and times ("25:10") give NONE.
 */
enum pagedate_kind pagedate_parse(const char *s, size_t len, long *days);

/*
 * An English month name at s: full ("September"), three-letter or "Sept"
 * abbreviation, any case, with an optional final ".".  Returns 1..12 and
 * the bytes used in *n, or 0 when s does not start with a whole month
 * word.
 */
int pagedate_month(const char *s, size_t len, size_t *n);

#endif
