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
#include <string.h>
#include <cmocka.h>

#include "likely/text/textfield.h"

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

/* The scan passes over eight bytes at a time: a control character at
 * every position of a long field, after ASCII and after Cyrillic, and
 * DEL, must still be found. */
static void test_controls_found_anywhere(void **state)
{
	(void)state;
	const unsigned char bad[] = {0x01, 0x1F, 0x7F, '\r', '\v'};
	for (size_t b = 0; b < sizeof bad; b++)
		for (size_t at = 0; at < 40; at++) {
			char s[48];
			memset(s, 'a', sizeof s - 1);
			s[sizeof s - 1] = '\0';
			if (at % 3 == 1 && at >= 2) { /* a two-byte letter before it */
				s[at - 2] = (char)0xD0;
				s[at - 1] = (char)0xB0;
			}
			s[at] = (char)bad[b];
			assert_non_null(textfield_check_str(s, 0));
			assert_non_null(textfield_check_str(s, TEXTFIELD_MULTILINE));
		}
	/* and bytes of 0x80 and more (Cyrillic, curly quotes) are no alarm */
	assert_null(textfield_check_str("\xd0\x91\xd0\xb5\xd0\xbb\xd0\xb0\xd1\x80\xd1\x83\xd1\x81\xd1\x8c "
					"\xe2\x80\x9cquoted\xe2\x80\x9d text of some length", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_passes),
		cmocka_unit_test(test_controls_fail),
		cmocka_unit_test(test_line_breaks_where_allowed),
		cmocka_unit_test(test_invalid_utf8_fails),
		cmocka_unit_test(test_required_not_blank),
		cmocka_unit_test(test_controls_found_anywhere),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
