/*
 * Test plan (ledger): probability parsing (plain decimals in [0,1] only:
 * no signs, exponents, spaces, commas, nan; the very double strtod gives,
 * for every decimal of up to 4 places and for long ones, 15 to 25
 * digits, made by a fixed sequence), each column's rule, the
 * cross-column rules, the published column (a day, a month YYYY-MM, or
 * empty on candidates and rejected forecasts only; a month counts as its
 * last day for horizon and resolved_on), joining and dropping notes,
 * whitespace collapsing (tabs, newlines, no-break
 * spaces), and ids that are stable and depend on title, date and claim
 * (but not on the claim's spacing).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/core/ledger.h"

static void test_probability(void **state)
{
	double p = -1;
	(void)state;
	assert_true(ledger_parse_probability("0.7", &p));
	assert_true(p == 0.7);
	assert_true(ledger_parse_probability("1", &p) && p == 1.0);
	assert_true(ledger_parse_probability("0", &p) && p == 0.0);
	assert_true(ledger_parse_probability(".25", &p) && p == 0.25);
	assert_true(ledger_parse_probability("1.000", &p) && p == 1.0);
	const char *bad[] = {"", "1.5", "-0.1", "+0.5", "0,7", " 0.5", "0.5 ",
			     "1e-1", "nan", "inf", ".", "0x1", "70%", NULL};
	for (int i = 0; bad[i]; i++)
		assert_false(ledger_parse_probability(bad[i], &p));
}

/* Whether ledger_parse_probability reads s as strtod does, to the bit. */
static void assert_as_strtod(const char *s)
{
	double p = -1;
	assert_true(ledger_parse_probability(s, &p));
	double want = strtod(s, NULL);
	if (memcmp(&p, &want, sizeof p) != 0)
		fail_msg("%s: %.17g, strtod %.17g", s, p, want);
}

static void test_probability_as_strtod(void **state)
{
	(void)state;
	char s[40];
	for (int i = 0; i <= 10000; i++) {
		snprintf(s, sizeof s, "%d.%04d", i / 10000, i % 10000);
		assert_as_strtod(s);
		snprintf(s, sizeof s, "0.%d", i);
		assert_as_strtod(s);
	}
	/* 0. and 13 to 23 more digits, around the 15 a double holds exactly */
	uint32_t x = 12345;
	for (int i = 0; i < 20000; i++) {
		int len = 13 + i % 11;
		s[0] = '0';
		s[1] = '.';
		for (int k = 0; k < len; k++) {
			x = x * 1664525u + 1013904223u;
			s[2 + k] = (char)('0' + (x >> 24) % 10);
		}
		s[2 + len] = '\0';
		assert_as_strtod(s);
	}
	assert_as_strtod("0.1");
	assert_as_strtod("0.3");
	assert_as_strtod("0.000000000000001");
	assert_as_strtod("0.999999999999999");
	assert_as_strtod("0.99999999999999999999");
	assert_as_strtod("00000000000000000000.5");
}

static void test_field_rules(void **state)
{
	(void)state;
	assert_null(ledger_check_field(COL_ID, "a1b2"));
	assert_non_null(ledger_check_field(COL_ID, ""));
	assert_non_null(ledger_check_field(COL_ID, "a b"));
	assert_null(ledger_check_field(COL_PUBLISHED, "2016-10-03"));
	/* empty is a field the status decides on (ledger_check_record) */
	assert_null(ledger_check_field(COL_PUBLISHED, ""));
	assert_non_null(ledger_check_field(COL_PUBLISHED, "2017-02-29"));
	assert_null(ledger_check_field(COL_PUBLISHED, "2017-02"));
	assert_non_null(ledger_check_field(COL_PUBLISHED, "2017-13"));
	assert_non_null(ledger_check_field(COL_PUBLISHED, "2017"));
	assert_non_null(ledger_check_field(COL_PUBLISHED, "2017-2"));
	/* horizon and resolved_on stay full days */
	assert_non_null(ledger_check_field(COL_HORIZON, "2017-02"));
	assert_non_null(ledger_check_field(COL_RESOLVED_ON, "2017-02"));
	assert_null(ledger_check_field(COL_HORIZON, ""));
	assert_non_null(ledger_check_field(COL_HORIZON, "2017-13-01"));
	assert_null(ledger_check_field(COL_PROBABILITY, ""));
	assert_non_null(ledger_check_field(COL_PROBABILITY, "2"));
	assert_null(ledger_check_field(COL_STATUS, "accepted"));
	assert_non_null(ledger_check_field(COL_STATUS, "Accepted"));
	assert_non_null(ledger_check_field(COL_STATUS, ""));
	assert_null(ledger_check_field(COL_OUTCOME, ""));
	assert_null(ledger_check_field(COL_OUTCOME, "partial"));
	assert_non_null(ledger_check_field(COL_OUTCOME, "maybe"));
	assert_non_null(ledger_check_field(COL_CLAIM, ""));
	assert_null(ledger_check_field(COL_CLAIM, "Минск, вероятно"));
	assert_non_null(ledger_check_field(COL_CLAIM, "bad \xC0\xAF utf-8"));
	assert_non_null(ledger_check_field(COL_NOTE, "surrogate \xED\xA0\x80"));
}

static void test_record_rules(void **state)
{
	struct forecast f;
	enum ledger_column bad = COL_ID;
	(void)state;
	forecast_init(&f);
	forecast_set(&f, COL_PUBLISHED, "2016-10-03");
	forecast_set(&f, COL_STATUS, "accepted");
	assert_null(ledger_check_record(&f, &bad));
	forecast_set(&f, COL_OUTCOME, "yes");
	assert_non_null(ledger_check_record(&f, &bad));
	assert_int_equal(bad, COL_RESOLVED_ON);
	forecast_set(&f, COL_RESOLVED_ON, "2016-10-02");
	assert_non_null(ledger_check_record(&f, &bad));
	assert_int_equal(bad, COL_RESOLVED_ON);
	forecast_set(&f, COL_RESOLVED_ON, "2016-10-03");
	assert_null(ledger_check_record(&f, &bad));
	forecast_set(&f, COL_STATUS, "candidate");
	assert_non_null(ledger_check_record(&f, &bad));
	assert_int_equal(bad, COL_OUTCOME);
	forecast_release(&f);
}

static void test_undated_and_month(void **state)
{
	struct forecast f;
	enum ledger_column bad = COL_ID;
	(void)state;
	forecast_init(&f);
	forecast_set(&f, COL_STATUS, "candidate");
	forecast_set(&f, COL_HORIZON, "2020-12-31"); /* "by 2020" needs no date */
	assert_null(ledger_check_record(&f, &bad));
	forecast_set(&f, COL_STATUS, "rejected");
	assert_null(ledger_check_record(&f, &bad));
	forecast_set(&f, COL_STATUS, "accepted");
	assert_non_null(ledger_check_record(&f, &bad));
	assert_int_equal(bad, COL_PUBLISHED);

	/* March 2020 counts as 2020-03-31 */
	forecast_set(&f, COL_PUBLISHED, "2020-03");
	forecast_set(&f, COL_HORIZON, "2020-03-31");
	assert_null(ledger_check_record(&f, &bad));
	forecast_set(&f, COL_HORIZON, "2020-03-30");
	assert_non_null(ledger_check_record(&f, &bad));
	assert_int_equal(bad, COL_HORIZON);
	forecast_set(&f, COL_HORIZON, "2021-03-31");
	forecast_set(&f, COL_OUTCOME, "yes");
	forecast_set(&f, COL_RESOLVED_ON, "2020-03-15");
	assert_non_null(ledger_check_record(&f, &bad));
	assert_int_equal(bad, COL_RESOLVED_ON);
	forecast_set(&f, COL_RESOLVED_ON, "2020-04-01");
	assert_null(ledger_check_record(&f, &bad));
	forecast_release(&f);

	long day = 7;
	assert_true(ledger_published_day("2020-02", &day));
	assert_int_equal(day, 18321); /* 2020-02-29 */
	assert_true(ledger_published_day("2020-02-03", &day));
	assert_int_equal(day, 18295);
	day = 7;
	assert_false(ledger_published_day("", &day));
	assert_false(ledger_published_day("2020-02-30", &day));
	assert_int_equal(day, 7);
}

static void test_notes(void **state)
{
	struct forecast f;
	(void)state;
	forecast_init(&f);
	ledger_note_add(&f, LEDGER_NOTE_NO_DATE);
	assert_string_equal(f.col[COL_NOTE], "check: no date found");
	ledger_note_add(&f, LEDGER_NOTE_NO_DATE); /* once is enough */
	assert_string_equal(f.col[COL_NOTE], "check: no date found");
	ledger_note_drop(&f, LEDGER_NOTE_NO_DATE);
	assert_string_equal(f.col[COL_NOTE], "");
	forecast_set(&f, COL_NOTE, "check: reported");
	ledger_note_add(&f, LEDGER_NOTE_NO_DATE);
	assert_string_equal(f.col[COL_NOTE], "check: reported; check: no date found");
	ledger_note_drop(&f, LEDGER_NOTE_NO_DATE);
	assert_string_equal(f.col[COL_NOTE], "check: reported");
	forecast_set(&f, COL_NOTE, "check: no date found; check: schedule?");
	ledger_note_drop(&f, LEDGER_NOTE_NO_DATE);
	assert_string_equal(f.col[COL_NOTE], "check: schedule?");
	/* only a whole part is dropped */
	forecast_set(&f, COL_NOTE, "recheck: no date found later");
	ledger_note_drop(&f, LEDGER_NOTE_NO_DATE);
	assert_string_equal(f.col[COL_NOTE], "recheck: no date found later");
	forecast_release(&f);
}

static void test_collapse(void **state)
{
	(void)state;
	char *s = ledger_collapse_space("  a\t b\r\n\nc\xC2\xA0" "d  ");
	assert_string_equal(s, "a b c d");
	free(s);
	s = ledger_collapse_space("");
	assert_string_equal(s, "");
	free(s);
	/* runs of text between spaces; the lead byte 0xC2 of « is text,
	 * and other spaces (U+2009) are kept */
	s = ledger_collapse_space("\xC2\xA0\xC2\xA0long  words\xC2\xABq\xE2\x80\x89x \v");
	assert_string_equal(s, "long words\xC2\xABq\xE2\x80\x89x");
	free(s);
	s = ledger_collapse_space(" \t\n");
	assert_string_equal(s, "");
	free(s);
}

static void test_ids(void **state)
{
	char a[17], b[17], c[17], d[17];
	(void)state;
	ledger_make_id("T", "2016-10-03", "Belarus is likely to act.", a);
	ledger_make_id("T", "2016-10-03", " Belarus  is likely\nto act. ", b);
	ledger_make_id("T", "2016-10-04", "Belarus is likely to act.", c);
	ledger_make_id("U", "2016-10-03", "Belarus is likely to act.", d);
	assert_int_equal(strlen(a), 16);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_not_equal(a, d);
	/* pinned: ids are part of the ledger and must never drift */
	assert_string_equal(a, "f12a2f2ac6a00853"); /* python FNV-1a */
}

static void due(struct forecast *f, const char *horizon, const char *published,
		const char *id)
{
	forecast_init(f);
	forecast_set(f, COL_HORIZON, horizon);
	forecast_set(f, COL_PUBLISHED, published);
	forecast_set(f, COL_ID, id);
}

/* The review queue's one order: horizon, then the article's date, then
 * the id (due, review and the report all use it). */
static void test_due_order(void **state)
{
	(void)state;
	struct forecast a, b, c, d;
	due(&a, "2017-01-01", "2016-05-01", "ff");
	due(&b, "2017-06-30", "2016-01-01", "00");
	due(&c, "2017-06-30", "2016-02-01", "aa");
	due(&d, "2017-06-30", "2016-02-01", "ab");
	assert_true(forecast_due_order(&a, &b) < 0); /* the older horizon */
	assert_true(forecast_due_order(&b, &c) < 0); /* then the older article */
	assert_true(forecast_due_order(&c, &d) < 0); /* then the id */
	assert_true(forecast_due_order(&d, &a) > 0);
	assert_int_equal(forecast_due_order(&c, &c), 0);
	forecast_release(&a);
	forecast_release(&b);
	forecast_release(&c);
	forecast_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probability),
		cmocka_unit_test(test_probability_as_strtod),
		cmocka_unit_test(test_field_rules),
		cmocka_unit_test(test_record_rules),
		cmocka_unit_test(test_undated_and_month),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_collapse),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_due_order),
	};
	return cmocka_run_group_tests_name("ledger", tests, NULL, NULL);
}
