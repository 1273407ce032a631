/*
 * Test plan (screen, issue 11): the size comes from the terminal, else
 * $COLUMNS/$LINES, else 80x24, never narrower than 40 columns; garbage in
 * the environment is ignored.  Wrapping breaks between words, never inside
 * one unless the word is longer than a line, counts code points (Cyrillic)
 * and the indent, and a line limit ends the last line in "...".  A cut
 * line keeps its spacing (the legend's double spaces) and loses its breaks.  A table
 * keeps its rank-0 columns (the id) and drops whole ranks, highest first,
 * to leave the free text its minimum; cells are cut or padded to width.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "likely/cli/screen.h"

static void test_size_sources(void **state)
{
	struct screen_size sz;
	(void)state;
	screen_size_from(0, 0, NULL, NULL, &sz);
	assert_int_equal(sz.cols, 80);
	assert_int_equal(sz.rows, 24);
	screen_size_from(0, 0, "132", "50", &sz);
	assert_int_equal(sz.cols, 132);
	assert_int_equal(sz.rows, 50);
	screen_size_from(100, 30, "132", "50", &sz); /* the terminal wins */
	assert_int_equal(sz.cols, 100);
	assert_int_equal(sz.rows, 30);
	screen_size_from(0, 0, "wide", "-3", &sz);
	assert_int_equal(sz.cols, 80);
	assert_int_equal(sz.rows, 24);
	screen_size_from(0, 0, "12", "", &sz);
	assert_int_equal(sz.cols, SCREEN_MIN_COLS);
}

static void check_wrap(const char *in, size_t width, const char *indent,
		       size_t max, const char *want, size_t want_lines)
{
	struct buf b;
	buf_init(&b);
	assert_int_equal(screen_wrap(&b, in, width, indent, max), want_lines);
	assert_string_equal(b.data, want);
	buf_release(&b);
}

static void test_wrap_at_words(void **state)
{
	(void)state;
	check_wrap("Minsk is likely to strengthen cooperation", 16, "", 0,
		   "Minsk is likely\nto strengthen\ncooperation\n", 3);
	/* exactly full lines; whitespace collapsed */
	check_wrap("aaaa  bbbb\n\tcccc", 9, "", 0, "aaaa bbbb\ncccc\n", 2);
	check_wrap("aaaa bbbb cccc", 11, "  ", 0, "  aaaa bbbb\n  cccc\n", 2);
	check_wrap("", 10, "  ", 0, "", 0);
}

static void test_wrap_long_word_and_utf8(void **state)
{
	(void)state;
	check_wrap("abcdefghij kl", 4, "", 0, "abcd\nefgh\nij\nkl\n", 4);
	/* ten Cyrillic letters are ten characters, not twenty bytes */
	check_wrap("Минск вероятно", 10, "", 0, "Минск\nвероятно\n", 2);
}

static void test_wrap_line_limit(void **state)
{
	(void)state;
	check_wrap("one two three four five six", 9, "", 2,
		   "one two\nthree...\n", 2);
	check_wrap("one two three four", 13, "", 1, "one two th...\n", 1);
}

static void test_cut_keeps_spacing(void **state)
{
	struct buf b;
	(void)state;
	buf_init(&b);
	screen_cut(&b, "a accept  r reject", 40);
	assert_string_equal(b.data, "a accept  r reject");
	buf_reset(&b);
	screen_cut(&b, "two\nlines\tand a tab", 40);
	assert_string_equal(b.data, "two lines and a tab");
	buf_reset(&b);
	screen_cut(&b, "Минск вероятно", 8);
	assert_string_equal(b.data, "Минск...");
	buf_release(&b);
}

static void test_table_fit(void **state)
{
	struct screen_col cols[] = {
		{"ID", 16, 0, false, false},
		{"P", 4, 1, false, false},
		{"WHO", 14, 2, false, false},
		{"HORIZON", 10, 3, false, false},
	};
	(void)state;
	/* 80: 18 + 6 + 16 = 40 leaves 40; HORIZON would leave 28 < 30 */
	assert_int_equal(screen_table_fit(cols, 4, 80, 30), 40);
	assert_true(cols[0].shown && cols[1].shown && cols[2].shown);
	assert_false(cols[3].shown);
	assert_int_equal(screen_table_fit(cols, 4, 200, 30), 200 - 52);
	assert_true(cols[3].shown);
	/* too narrow for anything optional: the id stays, text gets 10 */
	assert_int_equal(screen_table_fit(cols, 4, 20, 30), 10);
	assert_true(cols[0].shown);
	assert_false(cols[1].shown);

	struct buf line;
	buf_init(&line);
	struct screen_col n = {"N", 5, 0, true, true};
	screen_cell(&line, &n, "12d");
	struct screen_col w = {"WHO", 6, 0, false, true};
	screen_cell(&line, &w, "Andrei Parotnikau");
	struct screen_col hidden = {"X", 6, 1, false, false};
	screen_cell(&line, &hidden, "never");
	assert_string_equal(line.data, "  12d  And...  ");
	buf_release(&line);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size_sources),
		cmocka_unit_test(test_wrap_at_words),
		cmocka_unit_test(test_wrap_long_word_and_utf8),
		cmocka_unit_test(test_wrap_line_limit),
		cmocka_unit_test(test_cut_keeps_spacing),
		cmocka_unit_test(test_table_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
