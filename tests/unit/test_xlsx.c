/*
 * Test plan (xlsx): a sheet keeps the rows its limit allows and counts
 * the rest (xlsx_limit_rows; the scorecard caps its big sheets so), the
 * limit never goes past the format's own, xlsx_row_kept says beforehand
 * whether the row being written will be kept (so a caller can skip
 * formatting cells that would be dropped), and a workbook so cut is still
 * written whole.  Cell contents are checked end to end through
 * LibreOffice in tests/e2e/score-workbook.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "likely/report/xlsx.h"

static const struct xlsx_column cols[] = {{"name", XLSX_TEXT}, {"n", XLSX_INTEGER}};

static void write_rows(struct xlsx *x, size_t sheet, int rows)
{
	for (int i = 0; i < rows; i++) {
		/* the first three rows of the capped sheet 0 fit */
		assert_int_equal(xlsx_row_kept(x, sheet), sheet != 0 || i < 3);
		xlsx_text(x, sheet, "row");
		xlsx_number(x, sheet, i);
		xlsx_end_row(x, sheet);
	}
}

static void test_limit_rows(void **state)
{
	(void)state;
	char path[] = "/tmp/likely-xlsx-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	struct xlsx *x = xlsx_new(path, "test", 1700000000);
	assert_non_null(x);
	xlsx_add_sheet(x, "capped", cols, 2);
	xlsx_add_sheet(x, "whole", cols, 2);
	xlsx_limit_rows(x, 0, 3);
	write_rows(x, 0, 5);
	write_rows(x, 1, 5);
	assert_int_equal(xlsx_dropped(x, 0), 2); /* rows 4 and 5 */
	assert_int_equal(xlsx_dropped(x, 1), 0);
	const char *why = NULL;
	assert_int_equal(xlsx_close(x, &why), 0);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fgetc(fp), 'P'); /* a zip file: "PK" */
	fclose(fp);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limit_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
