/*
 * date: calendar dates as a count of days since 1970-01-01 in the
 * proleptic Gregorian calendar.  Plain integer arithmetic (Howard
 * Hinnant's days-from-civil), so nothing depends on TZ, DST or mktime.
 */
#ifndef LIKELY_DATE_H
#define LIKELY_DATE_H

#include <stdbool.h>

#define DATE_ISO_LEN 11 /* "YYYY-MM-DD" and its NUL */

/* True when y-m-d exists on the calendar (years 1..9999). */
bool date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);
/* Day number of a valid y-m-d; the caller checks date_valid first. */
long date_from_ymd(int y, int m, int d);
void date_to_ymd(long days, int *y, int *m, int *d);
/*
 * Parses exactly "YYYY-MM-DD" naming a real day.  Returns true and sets
 * *days; on anything else returns false and leaves *days alone.
 */
bool date_parse_iso(const char *s, long *days);
/*
 * Parses exactly "YYYY-MM" naming a real month (a month-only publication
 * date).  Returns true and sets *first to the month's first day; on
 * anything else returns false and leaves *first alone.
 */
bool date_parse_month(const char *s, long *first);
/* The last day of the month that holds day. */
long date_month_last(long day);
/* days moved into 0001-01-01..9999-12-31, the dates ISO text can hold. */
long date_clamp(long days);
/* Writes "YYYY-MM" (the month of day) into out; a day outside
 * 0001..9999 is clamped first (date_clamp). */
void date_format_month(long day, char out[DATE_ISO_LEN]);
/* Writes "YYYY-MM-DD" into out, clamped as date_format_month. */
void date_format_iso(long days, char out[DATE_ISO_LEN]);
/*
 * Adds whole months; a day past the end of the new month becomes its last
 * day (2024-01-31 + 1 month = 2024-02-29).
 */
long date_add_months(long days, int months);

#endif
