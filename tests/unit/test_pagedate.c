/*
 * Test plan (pagedate): every form of SPEC.md §2 and the common English
 * ones gives the right day: "October 03, 2016 11:24", "September 18, 2017
 * 10:43", ranges with en dash, hyphen and em dash give their LAST day
 * (also "May 11 – May 17, 2020" and "11 – 17 December 2017"), "Posted:
 * 08.11.2023 16:38:00" is day.month.year, ISO with and without a time,
 * "3 October 2016", "Oct. 3, 2016", "Sept. 9, 2025", "3 Oct 2016".
 * Traps: a range or date without a year is UNDATED (navigation), not a
 * date; impossible days and times are rejected; a sentence that contains
 * a date is not a date line; slashed dates (M/D or D/M?) are refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/date.h"
#include "likely/pagedate.h"

static void expect(const char *s, const char *iso)
{
	long d = -1;
	char out[DATE_ISO_LEN];
	enum pagedate_kind k = pagedate_parse(s, strlen(s), &d);
	if (k != PAGEDATE_DATE)
		fail_msg("not a date: \"%s\"", s);
	date_format_iso(d, out);
	assert_string_equal(out, iso);
}

static void expect_kind(const char *s, enum pagedate_kind want)
{
	long d = 12345;
	assert_int_equal(pagedate_parse(s, strlen(s), &d), want);
	if (want != PAGEDATE_DATE)
		assert_int_equal(d, 12345);
}

static void test_corpus_forms(void **state)
{
	(void)state;
	expect("October 03, 2016 11:24", "2016-10-03");
	expect("September 18, 2017 10:43", "2017-09-18");
	expect("December 11 \xe2\x80\x93 December 17, 2017", "2017-12-17");
	expect("May 11 \xe2\x80\x93 May 17, 2020", "2020-05-17");
	expect("Posted: 08.11.2023 16:38:00", "2023-11-08");
	expect("2017-12-17", "2017-12-17");
	expect("  October 03, 2016 11:24\r", "2016-10-03");
}

static void test_range_dashes(void **state)
{
	(void)state;
	expect("December 11 - December 17, 2017", "2017-12-17");
	expect("December 11 \xe2\x80\x94 December 17, 2017", "2017-12-17");
	expect("December 11-17, 2017", "2017-12-17");
	expect("11 \xe2\x80\x93 17 December 2017", "2017-12-17");
	expect("December 28, 2017 \xe2\x80\x93 January 3, 2018", "2018-01-03");
}

static void test_english_forms(void **state)
{
	(void)state;
	expect("3 October 2016", "2016-10-03");
	expect("Oct. 3, 2016", "2016-10-03");
	expect("Sept. 9, 2025", "2025-09-09");
	expect("3 Oct 2016", "2016-10-03");
	expect("October 3rd, 2016", "2016-10-03");
	expect("Monday, October 3, 2016", "2016-10-03");
	expect("Published: 3 October 2016 at 10:15 UTC", "2016-10-03");
	expect("2017-12-17T10:00:00Z", "2017-12-17");
	expect("2017-12-17 10:00", "2017-12-17");
	expect("oct 3, 2016 2:30 pm", "2016-10-03");
	/* the time of day before the date (was not a date) */
	expect("Updated: 14:32, 5 May 2021", "2021-05-05");
	expect("10:15 3 October 2016", "2016-10-03");
	expect_kind("14:32", PAGEDATE_NONE);
}

static void test_undated_ranges(void **state)
{
	(void)state;
	expect_kind("March 18 \xe2\x80\x93 March 24", PAGEDATE_UNDATED);
	expect_kind("May 13 \xe2\x80\x93 May 19", PAGEDATE_UNDATED);
	expect_kind("March 18", PAGEDATE_UNDATED);
}

static void test_impossible(void **state)
{
	(void)state;
	expect_kind("February 30, 2017", PAGEDATE_NONE);
	expect_kind("February 29, 2017", PAGEDATE_NONE);
	expect_kind("31.04.2020", PAGEDATE_NONE);
	expect_kind("2017-13-01", PAGEDATE_NONE);
	expect_kind("October 03, 2016 25:10", PAGEDATE_NONE);
	expect_kind("October 03, 2016 11:61", PAGEDATE_NONE);
	expect_kind("December 30 \xe2\x80\x93 December 32, 2017", PAGEDATE_NONE);
	expect("February 29, 2016", "2016-02-29");
}

static void test_not_dates(void **state)
{
	(void)state;
	expect_kind("On May 14th, 2020, the ministers talked.", PAGEDATE_NONE);
	expect_kind("October 2016", PAGEDATE_NONE);
	expect_kind("12/07/2025", PAGEDATE_NONE);
	expect_kind("2017", PAGEDATE_NONE);
	expect_kind("Security issues", PAGEDATE_NONE);
	expect_kind("Mayday 3, 2016", PAGEDATE_NONE);
	expect_kind("", PAGEDATE_NONE);
	expect_kind("17", PAGEDATE_NONE);
}

static void test_month_names(void **state)
{
	size_t n;
	(void)state;
	assert_int_equal(pagedate_month("Sept. 9", 7, &n), 9);
	assert_int_equal(n, 5);
	assert_int_equal(pagedate_month("DECEMBER", 8, &n), 12);
	assert_int_equal(pagedate_month("Ma", 2, &n), 0);
	assert_int_equal(pagedate_month("Marching", 8, &n), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_forms),
		cmocka_unit_test(test_range_dashes),
		cmocka_unit_test(test_english_forms),
		cmocka_unit_test(test_undated_ranges),
		cmocka_unit_test(test_impossible),
		cmocka_unit_test(test_not_dates),
		cmocka_unit_test(test_month_names),
	};
	return cmocka_run_group_tests_name("pagedate", tests, NULL, NULL);
}
