/*
 * Test plan (diag, the exit policy's order):
 *  - diag_worse: OK loses to every code; each code of SPEC.md's list
 *    outranks the ones before it (1, 2, 65, 66, 73, 74, 75), whichever
 *    argument it is; a code against itself is itself;
 *  - diag_report raises the sink's worst code, never lowers it, counts
 *    every message, and returns the code it was given;
 *  - diag_relay (a worker's report) raises the worst code the same way;
 *  - a file name with a line break, a tab or a byte that is not UTF-8
 *    comes out escaped (\xNN), so a message stays one line; Cyrillic is
 *    kept as it is.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>

#include "likely/base/diag.h"

static const enum exit_code by_severity[] = {
	LIKELY_OK, LIKELY_FAILURE, LIKELY_USAGE, LIKELY_DATAERR,
	LIKELY_NOINPUT, LIKELY_CANTCREAT, LIKELY_IOERR, LIKELY_TEMPFAIL,
};
#define NCODES (sizeof by_severity / sizeof by_severity[0])

static void test_worse_order(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCODES; i++)
		for (size_t j = 0; j < NCODES; j++) {
			enum exit_code want = by_severity[i > j ? i : j];
			assert_int_equal(diag_worse(by_severity[i], by_severity[j]), want);
		}
}

static void test_report_keeps_worst(void **state)
{
	(void)state;
	struct diag d;
	FILE *sink = tmpfile();
	assert_non_null(sink);
	diag_init(&d, sink);
	assert_int_equal(d.worst, LIKELY_OK);
	assert_int_equal(diag_report(&d, LIKELY_NOINPUT, "a", 0, "missing"), LIKELY_NOINPUT);
	assert_int_equal(diag_report(&d, LIKELY_DATAERR, "b", 3, "bad"), LIKELY_DATAERR);
	assert_int_equal(d.worst, LIKELY_NOINPUT);
	diag_note(&d, "a note is not a problem");
	assert_int_equal(d.worst, LIKELY_NOINPUT);
	assert_int_equal(d.count, 2);
	diag_relay(&d, "x\n", 2, LIKELY_TEMPFAIL, 1);
	assert_int_equal(d.worst, LIKELY_TEMPFAIL);
	assert_int_equal(d.count, 3);
	fclose(sink);
}

static void test_file_name_escaped(void **state)
{
	(void)state;
	char out[256] = {0};
	struct diag d;
	FILE *sink = fmemopen(out, sizeof out - 1, "w");
	assert_non_null(sink);
	diag_init(&d, sink);
	diag_report(&d, LIKELY_DATAERR, "a\nb\t\xff.txt", 3, "bad %s", "row");
	diag_report(&d, LIKELY_NOINPUT, "\xd0\x9c\xd1\x96\xd0\xbd\xd1\x81\xd0\xba.txt", 0, "missing");
	fclose(sink);
	assert_string_equal(out, "likely: a\\x0Ab\\x09\\xFF.txt:3: bad row\n"
				 "likely: \xd0\x9c\xd1\x96\xd0\xbd\xd1\x81\xd0\xba.txt: missing\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worse_order),
		cmocka_unit_test(test_report_keeps_worst),
		cmocka_unit_test(test_file_name_escaped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
