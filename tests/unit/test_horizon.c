/*
 * Test plan (horizon): from a forecast dated 2017-10-02, table phrases
 * give date + months (soon 6, in the near future 12, in the coming years
 * 36, in the long term 60, case-insensitive, "as soon as" is not "soon");
 * explicit forms resolve to the date they name (by 2020, by the end of
 * 2018, next year, this year, within two years / 2 years / six months,
 * by March 2019, by mid-2019, by Q3 2019, before 2020, in 2019) and win
 * over a table phrase; a named date before the forecast is ignored; no
 * phrase gives 12 months; the phrase is reported as written.  Without a
 * forecast date only a phrase that names its own date gives a horizon
 * (by 2020, by the end of 2018, by Q3 2019, before 2020); relative ones
 * (next year, within two years, by March, table phrases) and none give
 * none, though the phrase seen is still reported.
 * horizons.csv replaces the table and is validated (header, months a
 * whole number 0..1200, phrase non-empty and unique) with exit 65.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "likely/date.h"
#include "likely/horizon.h"

/* The phrase m found in s is `phrase` as written; NULL: none found. */
static void expect_phrase(const char *s, const struct horizon_match *m,
			  const char *phrase)
{
	if (!phrase) {
		assert_false(m->found);
		return;
	}
	assert_true(m->found);
	assert_int_equal(m->end - m->start, strlen(phrase));
	assert_memory_equal(s + m->start, phrase, strlen(phrase));
}

static void expect(const struct horizon_table *t, const char *s,
		   const char *iso, const char *phrase)
{
	struct horizon_match m;
	char out[DATE_ISO_LEN];
	horizon_find(t, s, strlen(s), date_from_ymd(2017, 10, 2), &m);
	date_format_iso(m.due, out);
	if (strcmp(out, iso) != 0)
		fail_msg("\"%s\": %s, want %s", s, out, iso);
	expect_phrase(s, &m, phrase);
}

static void test_table(void **state)
{
	struct horizon_table t;
	(void)state;
	horizon_init_default(&t);
	expect(&t, "It may soon change.", "2018-04-02", "soon");
	expect(&t, "It will shortly change.", "2018-04-02", "shortly");
	expect(&t, "It will grow In The Near Future.", "2018-10-02", "In The Near Future");
	expect(&t, "in the coming months", "2018-10-02", "in the coming months");
	expect(&t, "in the coming years", "2020-10-02", "in the coming years");
	expect(&t, "in the medium term", "2020-10-02", "in the medium term");
	expect(&t, "in the long term", "2022-10-02", "in the long term");
	expect(&t, "in the coming weeks", "2017-12-02", "in the coming weeks");
	expect(&t, "for years to come", "2020-10-02", "for years to come");
	expect(&t, "in the foreseeable future", "2018-10-02", "in the foreseeable future");
	expect(&t, "Reply as soon as possible.", "2018-10-02", NULL);
	expect(&t, "No phrase at all.", "2018-10-02", NULL);
	horizon_release(&t);
}

static void test_explicit(void **state)
{
	struct horizon_table t;
	(void)state;
	horizon_init_default(&t);
	expect(&t, "by 2020", "2020-12-31", "by 2020");
	expect(&t, "by the end of 2018", "2018-12-31", "by the end of 2018");
	expect(&t, "by end-2018", "2018-12-31", "by end-2018");
	expect(&t, "It will happen next year.", "2018-12-31", "next year");
	expect(&t, "It will happen this year.", "2017-12-31", "this year");
	expect(&t, "by the end of the year", "2017-12-31", "by the end of the year");
	expect(&t, "by the end of next year", "2018-12-31", "by the end of next year");
	expect(&t, "within two years", "2019-10-02", "within two years");
	expect(&t, "within 2 years", "2019-10-02", "within 2 years");
	expect(&t, "within six months", "2018-04-02", "within six months");
	expect(&t, "within a year", "2018-10-02", "within a year");
	expect(&t, "in the next three years", "2020-10-02", "in the next three years");
	expect(&t, "by March 2019", "2019-03-31", "by March 2019");
	expect(&t, "by mid-2019", "2019-06-30", "by mid-2019");
	expect(&t, "by Q3 2019", "2019-09-30", "by Q3 2019");
	expect(&t, "before 2020", "2019-12-31", "before 2020");
	expect(&t, "in 2019", "2019-12-31", "in 2019");
	expect(&t, "by February 2020", "2020-02-29", "by February 2020");
	expect(&t, "next month", "2017-11-30", "next month");
	expect(&t, "soon, by 2019", "2019-12-31", "by 2019"); /* explicit wins */
	expect(&t, "In May 2015 it began.", "2018-10-02", NULL); /* the past */
	expect(&t, "by 2015", "2018-10-02", NULL);
	/* halves, seasons and decades (once fell back to 12 months) */
	expect(&t, "in the second half of 2018", "2018-12-31", "in the second half of 2018");
	expect(&t, "in the first half of 2019", "2019-06-30", "in the first half of 2019");
	expect(&t, "by spring", "2018-05-31", "by spring");
	expect(&t, "by summer 2019", "2019-08-31", "by summer 2019");
	expect(&t, "by winter", "2018-02-28", "by winter");
	expect(&t, "by the autumn", "2017-11-30", "by the autumn");
	expect(&t, "by the fall of 2018", "2018-11-30", "by the fall of 2018");
	expect(&t, "after the fall of the regime", "2018-10-02", NULL);
	expect(&t, "in the fall of the regime", "2018-10-02", NULL);
	expect(&t, "over the next decade", "2027-10-02", "over the next decade");
	expect(&t, "in the next decade", "2027-10-02", "in the next decade");
	expect(&t, "this decade", "2019-12-31", "this decade");
	horizon_release(&t);
}

static int load(struct horizon_table *t, const char *text, char *msgs, size_t cap)
{
	char path[] = "/tmp/likely-horizons-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	FILE *err = fmemopen(msgs, cap, "w");
	struct diag d;
	diag_init(&d, err);
	int rc = horizon_load(t, path, &d);
	fclose(err);
	unlink(path);
	return rc;
}

static void undated(const struct horizon_table *t, const char *s,
		    const char *iso, const char *phrase)
{
	struct horizon_match m;
	struct text_tokens tok;
	char out[DATE_ISO_LEN];
	text_tokens_init(&tok);
	text_tokenize(&tok, s, strlen(s));
	bool has = horizon_find_undated(t, &tok, &m);
	text_tokens_release(&tok);
	if (!iso) {
		if (has)
			fail_msg("\"%s\": a horizon without a date", s);
	} else {
		if (!has)
			fail_msg("\"%s\": no horizon, want %s", s, iso);
		date_format_iso(m.due, out);
		assert_string_equal(out, iso);
	}
	expect_phrase(s, &m, phrase);
}

static void test_undated(void **state)
{
	struct horizon_table t;
	(void)state;
	horizon_init_default(&t);
	undated(&t, "Minsk is likely to act by 2020.", "2020-12-31", "by 2020");
	undated(&t, "It is likely by the end of 2018.", "2018-12-31",
		"by the end of 2018");
	undated(&t, "It is likely by Q3 2019.", "2019-09-30", "by Q3 2019");
	undated(&t, "It is likely before 2020.", "2019-12-31", "before 2020");
	undated(&t, "It is likely by March 2019.", "2019-03-31", "by March 2019");
	undated(&t, "It is likely next year.", NULL, "next year");
	undated(&t, "It is likely within two years.", NULL, "within two years");
	undated(&t, "It is likely by March.", NULL, "by March");
	undated(&t, "It is likely by the end of the year.", NULL,
		"by the end of the year");
	undated(&t, "It is likely in the coming months.", NULL,
		"in the coming months");
	undated(&t, "It is likely to happen.", NULL, NULL);
	horizon_release(&t);
}

static void test_csv(void **state)
{
	struct horizon_table t;
	char msgs[1024] = "";
	(void)state;
	horizon_init_default(&t);
	assert_int_equal(load(&t, "phrase,months\nbefore long,3\nIn Due Course,24\n", msgs,
			      sizeof msgs), 0);
	assert_int_equal(t.n, 2);
	expect(&t, "It will end before long.", "2018-01-02", "before long");
	expect(&t, "soon", "2018-10-02", NULL); /* the table was replaced */
	assert_int_equal(load(&t, "phrase,months\nsoon,x\n,3\nlater,1201\nlater,5\nlater,6\n",
			      msgs, sizeof msgs), 65);
	assert_non_null(strstr(msgs, ":2: months: not a whole number of months in 0..1200: \"x\""));
	assert_non_null(strstr(msgs, ":3: phrase: empty"));
	assert_non_null(strstr(msgs, ":4: months"));
	assert_non_null(strstr(msgs, ":6: phrase: duplicate phrase: \"later\""));
	assert_int_equal(t.n, 2); /* unchanged */
	assert_int_equal(load(&t, "phrase,month\nsoon,6\n", msgs, sizeof msgs), 65);
	horizon_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_explicit),
		cmocka_unit_test(test_undated),
		cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests_name("horizon", tests, NULL, NULL);
}
