/*
 * Test plan (csvio): reading -- quoted commas, doubled quotes, embedded
 * newlines (and the line each record starts on), Cyrillic, a BOM, CRLF,
 * spaces kept around unquoted fields, empty cells, a stray quote and an
 * unterminated quote rejected with their line; writing -- text always
 * quoted, numbers unquoted with '.', empty for NaN/inf, the shortest
 * round-trip number form, figures at 12 significant digits, the formula guard, CRLF and BOM for Excel.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/io/csvio.h"

struct collected {
	struct buf text; /* records as "line:f1|f2|...\n" */
};

static int collect(const struct csv_record *r, void *data)
{
	struct collected *c = data;
	buf_printf(&c->text, "%lu:", r->line);
	for (size_t i = 0; i < r->count; i++)
		buf_printf(&c->text, "%s%s", i ? "|" : "", r->fields[i]);
	buf_addc(&c->text, '\n');
	return 0;
}

/* Parses s; returns the exit code, the records in *out, diag text in *err. */
static int parse(const char *s, char **out, char **err)
{
	struct collected c;
	struct diag d;
	char *errbuf = NULL;
	size_t errlen = 0;
	FILE *errfp = open_memstream(&errbuf, &errlen);
	FILE *in = fmemopen((void *)s, strlen(s), "r");
	buf_init(&c.text);
	diag_init(&d, errfp);
	int rc = csvio_read(in, "t.csv", collect, &c, &d);
	fclose(in);
	fclose(errfp);
	*out = buf_detach(&c.text);
	buf_release(&c.text);
	*err = errbuf;
	return rc;
}

#define EXPECT_PARSE(input, want_rc, want_out, want_err)                   \
	do {                                                               \
		char *out_, *err_;                                         \
		assert_int_equal(parse(input, &out_, &err_), want_rc);     \
		assert_string_equal(out_, want_out);                       \
		assert_string_equal(err_, want_err);                       \
		free(out_);                                                \
		free(err_);                                                \
	} while (0)

static void test_quoting(void **state)
{
	(void)state;
	EXPECT_PARSE("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", 0,
		     "1:a|b\n2:x, y|say \"hi\"\n", "");
}

static void test_embedded_newline_lines(void **state)
{
	(void)state;
	EXPECT_PARSE("h\n\"one\ntwo\"\nnext\n\"a\r\nb\"\n", 0,
		     "1:h\n2:one\ntwo\n4:next\n5:a\r\nb\n", "");
}

static void test_bom_crlf_cyrillic(void **state)
{
	(void)state;
	EXPECT_PARSE("\xEF\xBB\xBFid,claim\r\n1,\"Минск, вероятно\"\r\n", 0,
		     "1:id|claim\n2:1|Минск, вероятно\n", "");
}

static void test_spaces_kept_and_empty(void **state)
{
	(void)state;
	EXPECT_PARSE("a,b,c\n  x ,,\"\"\n", 0, "1:a|b|c\n2:  x ||\n", "");
}

static void test_last_line_without_newline(void **state)
{
	(void)state;
	EXPECT_PARSE("a,b\n1,2", 0, "1:a|b\n2:1|2\n", "");
}

static void test_stray_quote(void **state)
{
	(void)state;
	EXPECT_PARSE("a,b\n1,2\n3,x\"y\n", 65, "1:a|b\n2:1|2\n",
		     "likely: t.csv:3: malformed CSV: a quote inside an unquoted "
		     "field, or text after a closing quote\n");
}

static void test_unterminated_quote(void **state)
{
	(void)state;
	EXPECT_PARSE("a\n\"open\nstill open\n", 65, "1:a\n",
		     "likely: t.csv:2: unterminated quoted field (the closing "
		     "quote is missing)\n");
}

static char *write_with(unsigned flags, void (*fn)(struct csv_writer *))
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	struct csv_writer w;
	csvw_init(&w, fp, flags);
	fn(&w);
	fclose(fp);
	return text;
}

static void row_mixed(struct csv_writer *w)
{
	csvw_text(w, "a, \"b\"");
	csvw_double(w, 0.7);
	csvw_double(w, NAN);
	csvw_double(w, INFINITY);
	csvw_raw(w, "2016-10-03");
	csvw_text(w, "");
	csvw_long(w, -3);
	csvw_text(w, "=1+1");
	csvw_end(w);
}

static void test_writer_plain(void **state)
{
	(void)state;
	char *s = write_with(0, row_mixed);
	assert_string_equal(s, "\"a, \"\"b\"\"\",0.7,,,2016-10-03,,-3,\"=1+1\"\n");
	free(s);
}

static void test_writer_excel_guard(void **state)
{
	(void)state;
	char *s = write_with(CSVW_CRLF | CSVW_BOM | CSVW_GUARD_FORMULAS, row_mixed);
	assert_string_equal(s, "\xEF\xBB\xBF\"a, \"\"b\"\"\",0.7,,,2016-10-03,,-3,"
			       "\"'=1+1\"\r\n");
	free(s);
}

static void guard_each(struct csv_writer *w)
{
	const char *cells[] = {"+x", "-x", "@x", "\tx", "\rx", "x=", NULL};
	for (int i = 0; cells[i]; i++)
		csvw_text(w, cells[i]);
	csvw_end(w);
}

static void test_guard_every_trigger(void **state)
{
	(void)state;
	char *s = write_with(CSVW_GUARD_FORMULAS, guard_each);
	assert_string_equal(s, "\"'+x\",\"'-x\",\"'@x\",\"'\tx\",\"'\rx\",\"x=\"\n");
	free(s);
}

static void test_number_format(void **state)
{
	char out[32];
	(void)state;
	csv_format_double(0.1 + 0.2, out);
	assert_string_equal(out, "0.30000000000000004");
	assert_true(strtod(out, NULL) == 0.1 + 0.2);
	csv_format_double(0.25, out);
	assert_string_equal(out, "0.25");
	csv_format_double(-0.0, out);
	assert_string_equal(out, "0");
	csv_format_double(1.0 / 3.0, out);
	assert_true(strtod(out, NULL) == 1.0 / 3.0);
	csv_format_double(NAN, out);
	assert_string_equal(out, "");
}

/* Figures for spreadsheets: 12 significant digits, so the noise in the
 * last digits of a computed double (issue 11) never shows. */
static void test_figure_format(void **state)
{
	char out[32];
	(void)state;
	csv_format_figure(0.015 + 1e-16, out); /* 0.015000000000000101 */
	assert_string_equal(out, "0.015");
	csv_format_figure(0.1 + 0.2, out);
	assert_string_equal(out, "0.3");
	csv_format_figure(0.010000000000000002, out);
	assert_string_equal(out, "0.01");
	csv_format_figure(-1.0 / 3.0, out);
	assert_string_equal(out, "-0.333333333333");
	csv_format_figure(123456789.123456, out);
	assert_string_equal(out, "123456789.123");
	csv_format_figure(0.0004963364204703941, out);
	assert_string_equal(out, "0.00049633642047");
	csv_format_figure(-0.0, out);
	assert_string_equal(out, "0");
	csv_format_figure(INFINITY, out);
	assert_string_equal(out, "");
	csv_format_figure(NAN, out);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_embedded_newline_lines),
		cmocka_unit_test(test_bom_crlf_cyrillic),
		cmocka_unit_test(test_spaces_kept_and_empty),
		cmocka_unit_test(test_last_line_without_newline),
		cmocka_unit_test(test_stray_quote),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_writer_plain),
		cmocka_unit_test(test_writer_excel_guard),
		cmocka_unit_test(test_guard_every_trigger),
		cmocka_unit_test(test_number_format),
		cmocka_unit_test(test_figure_format),
	};
	return cmocka_run_group_tests_name("csvio", tests, NULL, NULL);
}
