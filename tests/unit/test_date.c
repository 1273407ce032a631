/*
 * Test plan (date): the calendar -- leap years by the Gregorian rule
 * (2000 leap, 1900 not), round trips between y-m-d and day numbers across
 * the epoch, strict ISO parsing (impossible days, wrong widths, trailing
 * text), month-only dates "YYYY-MM" (parsed to the first day, the last
 * day of a month incl. February in leap and common years, formatted back),
 * and month arithmetic that clamps to the month's last day; days past
 * 9999-12-31 (9999-12-03 + 12 months, issue 12 D11) are written as the
 * last day ISO can hold, never 0000-00-00.
 * Expected day numbers are from `date -u -d ... +%s` / 86400.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/base/date.h"

static void test_known_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_from_ymd(2016, 10, 3), 17077);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
}

static void test_round_trip(void **state)
{
	(void)state;
	for (long d = -719000; d < 800000; d += 37) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		assert_true(date_valid(y, m, dd));
		assert_int_equal(date_from_ymd(y, m, dd), d);
	}
}

static void test_leap_years(void **state)
{
	(void)state;
	assert_true(date_valid(2000, 2, 29));
	assert_false(date_valid(1900, 2, 29));
	assert_true(date_valid(2024, 2, 29));
	assert_false(date_valid(2023, 2, 29));
	assert_false(date_valid(2023, 4, 31));
	assert_false(date_valid(2023, 13, 1));
	assert_false(date_valid(2023, 0, 1));
	assert_false(date_valid(0, 1, 1));
}

static void test_parse_iso(void **state)
{
	long d = 42;
	(void)state;
	assert_true(date_parse_iso("2016-10-03", &d));
	assert_int_equal(d, 17077);
	d = 42;
	assert_false(date_parse_iso("2017-02-29", &d));
	assert_false(date_parse_iso("2017-2-03", &d));
	assert_false(date_parse_iso("2017-02-03 ", &d));
	assert_false(date_parse_iso("2017/02/03", &d));
	assert_false(date_parse_iso("03.02.2017", &d));
	assert_false(date_parse_iso("", &d));
	assert_false(date_parse_iso("2017-02-0", &d));
	assert_false(date_parse_iso("+017-02-03", &d));
	assert_int_equal(d, 42); /* untouched on failure */
}

static void test_format(void **state)
{
	char out[DATE_ISO_LEN];
	(void)state;
	date_format_iso(17077, out);
	assert_string_equal(out, "2016-10-03");
	date_format_iso(date_from_ymd(9, 1, 2), out);
	assert_string_equal(out, "0009-01-02");
}

static void test_add_months_clamps(void **state)
{
	char out[DATE_ISO_LEN];
	(void)state;
	date_format_iso(date_add_months(date_from_ymd(2024, 1, 31), 1), out);
	assert_string_equal(out, "2024-02-29");
	date_format_iso(date_add_months(date_from_ymd(2016, 10, 3), 12), out);
	assert_string_equal(out, "2017-10-03");
	date_format_iso(date_add_months(date_from_ymd(2016, 10, 3), 60), out);
	assert_string_equal(out, "2021-10-03");
	date_format_iso(date_add_months(date_from_ymd(2020, 3, 31), -1), out);
	assert_string_equal(out, "2020-02-29");
}

/* A month-only publication date: "2020-02" is February 2020; horizons
 * count from its last day, the 29th (2020 is a leap year). */
static void test_format_beyond_9999(void **state)
{
	char out[DATE_ISO_LEN];
	long d;
	(void)state;
	assert_true(date_parse_iso("9999-12-03", &d));
	date_format_iso(date_add_months(d, 12), out);
	assert_string_equal(out, "9999-12-31");
	date_format_iso(d + 400, out);
	assert_string_equal(out, "9999-12-31");
	date_format_month(d + 40, out);
	assert_string_equal(out, "9999-12");
	assert_true(date_parse_iso("0001-01-01", &d));
	date_format_iso(d - 1, out);
	assert_string_equal(out, "0001-01-01");
}

static void test_month_only(void **state)
{
	long d = 0;
	char out[DATE_ISO_LEN];
	(void)state;
	assert_true(date_parse_month("2020-02", &d));
	assert_int_equal(d, date_from_ymd(2020, 2, 1));
	assert_int_equal(date_month_last(d), date_from_ymd(2020, 2, 29));
	assert_int_equal(date_month_last(date_from_ymd(2019, 2, 10)),
			 date_from_ymd(2019, 2, 28));
	assert_int_equal(date_month_last(date_from_ymd(1900, 2, 1)),
			 date_from_ymd(1900, 2, 28));
	assert_int_equal(date_month_last(date_from_ymd(2018, 12, 31)),
			 date_from_ymd(2018, 12, 31));
	assert_int_equal(date_month_last(date_from_ymd(2018, 4, 1)),
			 date_from_ymd(2018, 4, 30));
	date_format_month(date_from_ymd(2018, 4, 17), out);
	assert_string_equal(out, "2018-04");
	d = 42;
	assert_false(date_parse_month("2020-13", &d));
	assert_false(date_parse_month("2020-00", &d));
	assert_false(date_parse_month("2020-2", &d));
	assert_false(date_parse_month("2020-02-01", &d));
	assert_false(date_parse_month("2020-02 ", &d));
	assert_false(date_parse_month("0000-01", &d));
	assert_false(date_parse_month("202-01", &d));
	assert_false(date_parse_month("", &d));
	assert_false(date_parse_month(NULL, &d));
	assert_int_equal(d, 42);
	/* a full date is not a month, nor a month a full date */
	assert_false(date_parse_iso("2020-02", &d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_day_numbers),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_parse_iso),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_add_months_clamps),
		cmocka_unit_test(test_month_only),
		cmocka_unit_test(test_format_beyond_9999),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
