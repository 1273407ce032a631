/*
 * Test plan (pagedate): the cases are data.
 *  - tests/extract/dates.tsv: each line of a page with the date it gives
 *    (ISO, YYYY-MM for month precision, "-" for none), read with
 *    pagedate_read and, failing that, as a title ending in a date;
 *  - tests/extract/datelines.tsv: wire and city datelines, the text left
 *    after the cut and the month and day they name;
 *  - pagedate_month on the English words the cue rules ask about.
 * Adding a case is adding a line; a failing line is printed with what
 * was read instead.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "likely/base/date.h"
#include "likely/page/pagedate.h"

/* Calls fn on every data line's TAB-separated fields; returns the number
 * of lines that failed. */
static int each_line(const char *path, int (*fn)(char **f, int n))
{
	char line[1024];
	int bad = 0, cases = 0;
	FILE *in = fopen(path, "r");
	if (!in)
		fail_msg("cannot open %s (run from the top of the tree)", path);
	while (fgets(line, sizeof line, in)) {
		char *f[4];
		int n = 0;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (char *p = line; n < 4;) {
			f[n++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		cases++;
		bad += fn(f, n);
	}
	fclose(in);
	assert_true(cases > 0);
	return bad;
}

static int check_date(char **f, int n)
{
	struct pagedate pd;
	size_t head;
	char got[DATE_ISO_LEN] = "-";
	assert_int_equal(n, 2);
	if (pagedate_read(f[0], strlen(f[0]), &pd) == PAGEDATE_DATE ||
	    pagedate_title_tail(f[0], strlen(f[0]), &pd, &head)) {
		date_format_iso(pagedate_days(&pd), got);
		if (pd.d == 0)
			got[7] = '\0';
	}
	if (strcmp(got, f[1]) == 0)
		return 0;
	print_error("dates.tsv: \"%s\": want %s, got %s\n", f[0], f[1], got);
	return 1;
}

static void test_dates_tsv(void **state)
{
	(void)state;
	assert_int_equal(each_line("tests/extract/dates.tsv", check_date), 0);
}

static int check_dateline(char **f, int n)
{
	int m, d;
	char got[8] = "-";
	assert_int_equal(n, 3);
	size_t cut = pagedate_dateline(f[0], strlen(f[0]), &m, &d);
	if (m)
		snprintf(got, sizeof got, "%02d-%02d", m, d);
	if (strcmp(f[0] + cut, f[1]) == 0 && strcmp(got, f[2]) == 0)
		return 0;
	print_error("datelines.tsv: \"%s\": want \"%s\" %s, got \"%s\" %s\n",
		    f[0], f[1], f[2], f[0] + cut, got);
	return 1;
}

static void test_datelines_tsv(void **state)
{
	(void)state;
	assert_int_equal(each_line("tests/extract/datelines.tsv", check_dateline), 0);
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
		cmocka_unit_test(test_dates_tsv),
		cmocka_unit_test(test_datelines_tsv),
		cmocka_unit_test(test_month_names),
	};
	return cmocka_run_group_tests_name("pagedate", tests, NULL, NULL);
}
