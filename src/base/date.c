/*
 * date: civil-date arithmetic without the C library's time functions,
 * which depend on TZ and cannot represent dates before 1970 portably.
 * Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
 * (days_from_civil / civil_from_days).
 */
#include "likely/base/date.h"

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

long date_from_ymd(int y, int m, int d)
{
	long yy = m <= 2 ? y - 1 : y;
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(long days, int *y, int *m, int *d)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool date_parse_iso(const char *s, long *days)
{
	if (!s)
		return false;
	for (int i = 0; i < 10; i++)
		if (s[i] == '\0')
			return false;
	if (s[4] != '-' || s[7] != '-' || s[10] != '\0')
		return false;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_valid(y, m, d))
		return false;
	*days = date_from_ymd(y, m, d);
	return true;
}

bool date_parse_month(const char *s, long *first)
{
	if (!s)
		return false;
	for (int i = 0; i < 7; i++)
		if (s[i] == '\0')
			return false;
	if (s[4] != '-' || s[7] != '\0')
		return false;
	int y = digits(s, 4), m = digits(s + 5, 2);
	if (y < 0 || m < 0 || !date_valid(y, m, 1))
		return false;
	*first = date_from_ymd(y, m, 1);
	return true;
}

long date_month_last(long day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

/*
 * Arithmetic can leave the calendar ISO dates can write (a page dated
 * 9999-12-03 plus twelve months): such a day is written as the nearest
 * one that exists, never as "0000-00-00", which no date check accepts and
 * which made an exported ledger unimportable.
 */
long date_clamp(long days)
{
	long lo = date_from_ymd(1, 1, 1), hi = date_from_ymd(9999, 12, 31);
	return days < lo ? lo : days > hi ? hi : days;
}

/* n (0 <= n < 10^width) in width digits at out.  Every forecast's
 * horizon is formatted: digits by hand, not snprintf's format parser. */
static char *put_digits(char *out, int n, int width)
{
	for (int k = width - 1; k >= 0; k--) {
		out[k] = (char)('0' + n % 10);
		n /= 10;
	}
	return out + width;
}

void date_format_month(long day, char out[DATE_ISO_LEN])
{
	int y, m, d;
	date_to_ymd(date_clamp(day), &y, &m, &d);
	char *p = put_digits(out, y, 4);
	*p++ = '-';
	*put_digits(p, m, 2) = '\0';
}

void date_format_iso(long days, char out[DATE_ISO_LEN])
{
	int y, m, d;
	date_to_ymd(date_clamp(days), &y, &m, &d);
	char *p = put_digits(out, y, 4);
	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	*put_digits(p, d, 2) = '\0';
}

long date_add_months(long days, int months)
{
	int y, m, d;
	date_to_ymd(days, &y, &m, &d);
	long total = (long)y * 12 + (m - 1) + months;
	int ny = (int)(total / 12), nm = (int)(total % 12) + 1;
	int last = date_days_in_month(ny, nm);
	return date_from_ymd(ny, nm, d > last ? last : d);
}
