/*
 * Test plan (textfield): the one rule for text fields (issue 12).  Plain
 * and non-ASCII text passes; a NUL (inside the given length), C0 controls
 * and DEL fail; tab, LF and CR LF pass only where a field may span lines,
 * a CR without LF never; ill-formed UTF-8 (a stray continuation byte, an
 * overlong form, a surrogate, a cut sequence) fails; a required field
 * fails when empty or only white space (no-break space included).  The
 * scan that skips eight plain bytes at a time misses no control byte:
 * every byte value, at every position of a 21-byte field, gives the
 * answer a byte-by-byte reading gives.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

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

static void test_every_byte_every_position(void **state)
{
	(void)state;
	char s[21];
	for (int at = 0; at < (int)sizeof s; at++) {
		for (int c = 1; c < 0x80; c++) {
			memset(s, 'a', sizeof s);
			s[at] = (char)c;
			bool control = c < 0x20 || c == 0x7F;
			const char *why = textfield_check(s, sizeof s, 0);
			if (control)
				assert_non_null(why);
			else
				assert_null(why);
		}
		/* a plain byte beside a non-ASCII character */
		memset(s, 'a', sizeof s);
		if (at + 2 <= (int)sizeof s) {
			memcpy(s + at, "\xC3\xA9", 2);
			assert_null(textfield_check(s, sizeof s, 0));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_passes),
		cmocka_unit_test(test_controls_fail),
		cmocka_unit_test(test_line_breaks_where_allowed),
		cmocka_unit_test(test_invalid_utf8_fails),
		cmocka_unit_test(test_required_not_blank),
		cmocka_unit_test(test_every_byte_every_position),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
