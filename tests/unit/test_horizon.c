/*
 * Test plan (horizon): the cases in tests/extract/horizons.tsv, one per
 * line (from a forecast dated 2017-10-02 unless the line says): table phrases
 * give date + months (soon 6, in the near future 12, in the coming years
 * 36, in the long term 60, case-insensitive, "as soon as" is not "soon");
 * explicit forms resolve to the date they name (by 2020, by the end of
 * 2018, next year, this year, within two years / 2 years / six months,
 * by March 2019, by mid-2019, by Q3 2019, before 2020, in 2019) and win
 * over a table phrase; a named date before the forecast is ignored; no
 * phrase gives 12 months; the phrase is reported as written; "for 2024"
 * and year ranges ("2019–20") end with the later year.  Without a
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

#include "likely/base/date.h"
#include "likely/extract/horizon.h"

#include "load_text.h"

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

#define CASES "tests/extract/horizons.tsv"

/* Every line of horizons.tsv: from, due, phrase (or -), sentence. */
static void test_cases_file(void **state)
{
	struct horizon_table t;
	(void)state;
	horizon_init_default(&t);
	FILE *fp = fopen(CASES, "r");
	assert_non_null(fp);
	char line[1024];
	unsigned long lineno = 0, cases = 0, bad = 0;
	while (fgets(line, sizeof line, fp)) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *col[4] = {line, NULL, NULL, NULL};
		for (int k = 1; k < 4; k++) {
			col[k] = col[k - 1] ? strchr(col[k - 1], '\t') : NULL;
			if (col[k])
				*col[k]++ = '\0';
		}
		long from;
		if (!col[3] || !date_parse_iso(col[0], &from)) {
			printf("# %s:%lu: want from, due, phrase, sentence\n", CASES, lineno);
			bad++;
			continue;
		}
		cases++;
		struct horizon_match m;
		char due[DATE_ISO_LEN], phrase[256] = "-";
		horizon_find(&t, col[3], strlen(col[3]), from, &m);
		date_format_iso(m.due, due);
		if (m.found)
			snprintf(phrase, sizeof phrase, "%.*s", (int)(m.end - m.start),
				 col[3] + m.start);
		if (strcmp(due, col[1]) != 0 || strcmp(phrase, col[2]) != 0) {
			printf("# %s:%lu: \"%s\": got %s %s, want %s %s\n", CASES,
			       lineno, col[3], due, phrase, col[1], col[2]);
			bad++;
		}
	}
	fclose(fp);
	printf("# horizons.tsv: %lu cases, %lu wrong\n", cases, bad);
	horizon_release(&t);
	assert_true(cases > 40);
	assert_int_equal(bad, 0);
}

static int load_file(void *table, const char *path, struct diag *d)
{
	return horizon_load(table, path, d);
}

/* Loads text; returns the code and the diagnostics in msgs. */
static int load(struct horizon_table *t, const char *text, char *msgs, size_t cap)
{
	return load_text(load_file, t, text, msgs, cap);
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
		cmocka_unit_test(test_cases_file),
		cmocka_unit_test(test_undated),
		cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests_name("horizon", tests, NULL, NULL);
}
