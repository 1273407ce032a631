/*
 * Test plan (textfield): the one rule for text fields (issue 12).  Plain
 * and non-ASCII text passes; a NUL (inside the given length), C0 controls
 * and DEL fail; tab, LF and CR LF pass only where a field may span lines,
 * a CR without LF never; ill-formed UTF-8 (a stray continuation byte, an
 * overlong form, a surrogate, a cut sequence) fails; a required field
 * fails when empty or only white space (no-break space included).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "likely/textfield.h"

#define ML TEXTFIELD_MULTILINE
#define REQ TEXTFIELD_REQUIRED

static void test_plain_text_passes(void **state)
{
	(void)state;
	assert_null(textfield_check_str("Belarus is likely to expand trade", 0));
	assert_null(textfield_check_str("Минск «вероятно» — 2027 г.", REQ));
	assert_null(textfield_check_str("", 0));
	assert_null(textfield_check_str("\xC2\x85 is a C1 control, allowed", 0));
}

static void test_controls_fail(void **state)
{
	(void)state;
	assert_non_null(textfield_check("a\0b", 3, ML));
	assert_non_null(textfield_check_str("bell\x07", ML));
	assert_non_null(textfield_check_str("esc\x1b[2J", 0));
	assert_non_null(textfield_check_str("del\x7f", ML));
	assert_non_null(textfield_check_str("tab\there", 0));
	assert_non_null(textfield_check_str("two\nlines", 0));
}

static void test_line_breaks_where_allowed(void **state)
{
	(void)state;
	assert_null(textfield_check_str("tab\there", ML));
	assert_null(textfield_check_str("two\nlines", ML));
	assert_null(textfield_check_str("two\r\nlines", ML));
	assert_non_null(textfield_check_str("old\rmac", ML));
	assert_non_null(textfield_check_str("ends with CR\r", ML));
}

static void test_invalid_utf8_fails(void **state)
{
	(void)state;
	assert_non_null(textfield_check_str("\x80", 0));
	assert_non_null(textfield_check_str("\xC0\xAF", 0));
	assert_non_null(textfield_check_str("\xED\xA0\x80", 0));
	assert_non_null(textfield_check_str("cut \xE2\x80", ML));
	assert_non_null(textfield_check_str("\xFF", REQ));
}

static void test_required_not_blank(void **state)
{
	(void)state;
	assert_non_null(textfield_check_str("", REQ));
	assert_non_null(textfield_check_str("   ", REQ));
	assert_non_null(textfield_check_str(" \t\r\n \xC2\xA0", REQ | ML));
	assert_null(textfield_check_str("   ", 0));
	assert_null(textfield_check_str(" x ", REQ));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_passes),
		cmocka_unit_test(test_controls_fail),
		cmocka_unit_test(test_line_breaks_where_allowed),
		cmocka_unit_test(test_invalid_utf8_fails),
		cmocka_unit_test(test_required_not_blank),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
