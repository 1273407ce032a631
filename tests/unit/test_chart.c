/*
 * Unit tests for the reliability diagram (src/report/chart.c).
 *
 * Test plan:
 *  - XML escaping: the five special characters, UTF-8 passed through,
 *    invalid UTF-8 (stray, overlong, surrogate, truncated) and control
 *    characters replaced by U+FFFD, tab and newline kept;
 *  - the title is escaped in both <title> and the visible heading;
 *  - the empty chart (no bins, or only bins with n = 0 or NAN) says
 *    "no scored forecasts" and draws no point;
 *  - elements: XML declaration, svg root, axis labels, the dashed
 *    diagonal, one point per bin at the right coordinates, the Wilson bar,
 *    "n=" labels, radius growing with n, balanced elements, no nan/inf;
 *  - axes in percent; the base-rate line; the count histogram (sharpness);
 *  - determinism: the same bins give the same bytes; output is appended;
 *  - the trend chart: dates along x, points at the right place, a line
 *    broken where a run scored nothing, the legend escaped, the empty chart.
 * Whether it renders is checked by hand with xmllint and rsvg-convert
 * (see the report that came with this file); a unit test cannot look.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "likely/base/buf.h"
#include "likely/report/chart.h"
#include "likely/report/score.h"

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void check_escape(const char *in, const char *want)
{
	struct buf b;
	buf_init(&b);
	chart_xml_escape(&b, in);
	assert_string_equal(b.data, want);
	buf_release(&b);
}

static void test_escape(void **state)
{
	(void)state;
	check_escape("a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&apos;f");
	check_escape("", "");
	check_escape("Ўлада — “quoted”", "Ўлада — “quoted”");
	check_escape("\xF0\x9F\x93\x88 up", "\xF0\x9F\x93\x88 up");
	check_escape("tab\there\nline", "tab\there\nline");
	/* Stray continuation, 0xFF, overlong '/', a surrogate, a control. */
	check_escape("a\x80z", "a\xEF\xBF\xBDz");
	check_escape("\xFF", "\xEF\xBF\xBD");
	check_escape("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD");
	check_escape("\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	check_escape("bell\x07", "bell\xEF\xBF\xBD");
	/* U+FFFF is not an XML character. */
	check_escape("\xEF\xBF\xBF", "\xEF\xBF\xBD");
	/* Truncated at the end of the string: each byte replaced. */
	check_escape("x\xE2\x80", "x\xEF\xBF\xBD\xEF\xBF\xBD");
}

static void test_title_escaped(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	chart_reliability_svg(&b, NULL, 0, NAN, "Tom & Jerry's <b>\"best\"</b>");
	const char *esc = "Tom &amp; Jerry&apos;s &lt;b&gt;&quot;best&quot;"
	                  "&lt;/b&gt;";
	assert_non_null(strstr(b.data, "<title>"));
	assert_int_equal(count_of(b.data, esc), 2); /* <title> and heading */
	assert_null(strstr(b.data, "<b>"));
	assert_null(strstr(b.data, "Jerry's"));
	buf_release(&b);

	/* No title: a generic <title>, no heading. */
	buf_init(&b);
	chart_reliability_svg(&b, NULL, 0, NAN, NULL);
	assert_non_null(strstr(b.data, "<title>Reliability diagram</title>"));
	assert_null(strstr(b.data, "font-weight=\"bold\""));
	buf_release(&b);
}

static void test_empty(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	chart_reliability_svg(&b, NULL, 0, NAN, "empty");
	assert_non_null(strstr(b.data, "no scored forecasts"));
	assert_null(strstr(b.data, "<circle"));
	assert_null(strstr(b.data, ">base rate "));
	assert_null(strstr(b.data, "id=\"counts\""));
	assert_non_null(strstr(b.data, "stated probability"));
	buf_release(&b);

	/* Bins that cannot be drawn count as none. */
	struct score_bin bad[2] = {
	    {0.1, 0.2, 0, NAN, NAN, NAN, NAN},
	    {0.2, 0.3, 5, 0.25, NAN, 0.1, 0.9},
	};
	buf_init(&b);
	chart_reliability_svg(&b, bad, 2, NAN, "empty");
	assert_non_null(strstr(b.data, "no scored forecasts"));
	assert_null(strstr(b.data, "<circle"));
	buf_release(&b);
}

static const struct score_bin two_bins[] = {
    {0.7, 0.8, 100, 0.75, 0.5, 0.25, 0.75},
    {0.1, 0.2, 1, 0.1, 0.0, 0.0, 0.79},
};

static void test_elements(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	chart_reliability_svg(&b, two_bins, 2, 0.4, "t");
	const char *s = b.data;
	assert_int_equal(strncmp(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 39), 0);
	assert_non_null(strstr(s, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	assert_int_equal(strcmp(s + b.len - 7, "</svg>\n"), 0);
	assert_non_null(strstr(s, ">stated probability</text>"));
	assert_non_null(strstr(s, ">observed frequency</text>"));
	/* The diagonal from (0,0) to (1,1), dashed. */
	assert_non_null(strstr(s, "<line x1=\"70.0\" y1=\"450.0\" x2=\"470.0\" "
	                          "y2=\"50.0\" stroke=\"#999999\""));
	assert_non_null(strstr(s, "stroke-dasharray"));
	/* Ticks labelled 0%, 20%, ..., 100% on both axes, as report.md
	 * writes probabilities. */
	assert_int_equal(count_of(s, ">40%</text>"), 2);
	assert_int_equal(count_of(s, ">100%</text>"), 2);
	assert_null(strstr(s, ">0.4</text>"));
	/* The base rate 0.4: a dotted line across the plot at y = 290. */
	assert_non_null(strstr(s, "<line x1=\"70.0\" y1=\"290.0\" x2=\"470.0\" y2=\"290.0\""));
	assert_non_null(strstr(s, ">base rate 40.0%</text>"));
	/* Sharpness: one count bar per bin under the plot, the tallest (n =
	 * 100) 60 px high across its bin 0.7-0.8, n = 1 at least 1 px. */
	assert_non_null(strstr(s, "<g><title>n=100</title><rect x=\"351.0\" y=\"480.0\" "
	                          "width=\"38.0\" height=\"60.0\"/>"));
	assert_non_null(strstr(s, "<g><title>n=1</title><rect x=\"111.0\" y=\"539.0\" "
	                          "width=\"38.0\" height=\"1.0\"/>"));
	assert_non_null(strstr(s, ">n (max 100)</text>"));
	/* One point per bin at (mean p, observed), area growing with n. */
	assert_int_equal(count_of(s, "<circle"), 2);
	assert_non_null(strstr(s, "<circle cx=\"370.0\" cy=\"250.0\" r=\"10.0\""));
	assert_non_null(strstr(s, "<circle cx=\"110.0\" cy=\"450.0\" r=\"3.7\""));
	/* The Wilson bar from 0.75 down to 0.25, with caps. */
	assert_non_null(strstr(s, "<line x1=\"370.0\" y1=\"150.0\" x2=\"370.0\" "
	                          "y2=\"350.0\""));
	assert_non_null(strstr(s, "<line x1=\"366.0\" y1=\"150.0\" x2=\"374.0\" "
	                          "y2=\"150.0\""));
	assert_non_null(strstr(s, ">n=100</text>"));
	assert_non_null(strstr(s, ">n=1</text>"));
	/* A hover text per point, numbers with a decimal point. */
	assert_non_null(strstr(s, "<title>stated 75.0%, observed 50.0% (95% "
	                          "interval 25.0%\xE2\x80\x93"
	                          "75.0%), n=100"));
	assert_null(strstr(s, "no scored forecasts"));
	/* Balanced, and nothing undefined leaked into the numbers. */
	assert_int_equal(count_of(s, "<g"), count_of(s, "</g>"));
	assert_int_equal(count_of(s, "<text"), count_of(s, "</text>"));
	assert_int_equal(count_of(s, "<title>"), count_of(s, "</title>"));
	assert_null(strstr(s, "nan"));
	assert_null(strstr(s, "inf"));
	assert_null(strstr(s, "NAN"));
	buf_release(&b);
}

static void test_deterministic_and_appends(void **state)
{
	(void)state;
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	buf_adds(&b, "keep");
	chart_reliability_svg(&a, two_bins, 2, NAN, "same");
	chart_reliability_svg(&b, two_bins, 2, NAN, "same");
	assert_int_equal(b.len, a.len + 4);
	assert_memory_equal(b.data, "keep", 4);
	assert_memory_equal(a.data, b.data + 4, a.len);
	buf_release(&a);
	buf_release(&b);
}

static void test_close_labels_do_not_collide(void **state)
{
	(void)state;
	/* v4's exact bins: 0.70, 0.74, 0.78 sit 16 px apart. */
	const struct score_bin close[] = {
	    {0.70, 0.70, 2, 0.70, 0.5, 0.0945312057342, 0.905468794266},
	    {0.74, 0.74, 3, 0.74, 2.0 / 3, 0.207659600802, 0.93850805528},
	    {0.78, 0.78, 4, 0.78, 0.75, 0.300641842582, 0.95441273919},
	};
	struct buf b;
	buf_init(&b);
	chart_reliability_svg(&b, close, 3, NAN, "v4");
	/* Each label got its own anchor: right, left or above/below. */
	const char *n2 = strstr(b.data, ">n=2<");
	const char *n3 = strstr(b.data, ">n=3<");
	const char *n4 = strstr(b.data, ">n=4<");
	assert_non_null(n2);
	assert_non_null(n3);
	assert_non_null(n4);
	assert_int_equal(count_of(b.data, "text-anchor=\"start\" fill=\"#333333\">n=") +
	                     count_of(b.data, "text-anchor=\"end\" fill=\"#333333\">n=") +
	                     count_of(b.data, "text-anchor=\"middle\" fill=\"#333333\">n="),
	                 3);
	/* Not all three on the right, where they would overlap the bars. */
	assert_true(count_of(b.data, "text-anchor=\"start\" fill=\"#333333\">n=") < 3);
	buf_release(&b);
}

/*
 * The trend chart: three runs, two lines (all, one author with a run
 * where nothing was scored); x from the first to the last day, y from 0
 * to the largest value rounded up to a tenth (0.37 -> 0.4).
 */
static void test_trend(void **state)
{
	(void)state;
	static const long day[] = {17000, 17100, 17200};
	static const double all[] = {0.37, 0.2, 0.1};
	static const double ann[] = {0.3, NAN, 0.05};
	struct chart_line lines[] = {{"all forecasts", 3, day, all}, {"Ann & Lee", 3, day, ann}};
	struct buf b;
	buf_init(&b);
	chart_trend_svg(&b, lines, 2, "Brier", "Brier score");
	const char *s = b.data;
	assert_non_null(strstr(s, ">0.40</text>"));
	assert_non_null(strstr(s, ">2016-07-18</text>")); /* day 17000 (Python datetime) */
	assert_non_null(strstr(s, ">2017-02-03</text>")); /* day 17200 */
	/* 0.37 of 0.4 on a 220 px plot from y = 50: y = 50 + 220 * 0.075 */
	assert_non_null(strstr(s, "<circle cx=\"70.0\" cy=\"66.5\""));
	assert_non_null(strstr(s, "<circle cx=\"470.0\" cy=\"242.5\""));
	/* all: 3 points, 2 segments; Ann: 2 points, no segment over the gap */
	assert_int_equal(count_of(s, "<circle"), 5);
	assert_int_equal(count_of(s, "stroke-width=\"2.5\"/>"), 3); /* 2 + legend */
	assert_int_equal(count_of(s, "stroke-width=\"1.5\"/>"), 1); /* legend only */
	assert_non_null(strstr(s, ">Ann &amp; Lee</text>"));
	assert_int_equal(count_of(s, "<g"), count_of(s, "</g>"));
	assert_null(strstr(s, "nan"));
	buf_release(&b);

	buf_init(&b);
	chart_trend_svg(&b, lines, 0, "Brier", "Brier score");
	assert_non_null(strstr(b.data, "no recorded runs yet"));
	assert_int_equal(strcmp(b.data + b.len - 7, "</svg>\n"), 0);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_escape),
	    cmocka_unit_test(test_title_escaped),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_elements),
	    cmocka_unit_test(test_deterministic_and_appends),
	    cmocka_unit_test(test_close_labels_do_not_collide),
	    cmocka_unit_test(test_trend),
	};
	return cmocka_run_group_tests_name("chart", tests, NULL, NULL);
}
