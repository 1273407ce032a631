/*
 * Test plan (utf8): well-formed text of 1-4 byte characters passes; each
 * ill-formed class of Unicode Table 3-7 fails at the offset of the bad
 * sequence's first byte: stray continuation, overlong 2/3/4-byte forms
 * (C0 AF, E0 80 AF, F0 80 80 AF), surrogates (ED A0 80), above U+10FFFF
 * (F4 90 80 80, F5), a sequence cut by an ASCII byte, and one cut by the
 * end of the stream.  Streaming: the same answer whatever the chunking,
 * including a character split across chunks, and offsets counted from
 * the start of the stream; once failed, the validator stays failed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/base/utf8.h"

static void test_valid(void **state)
{
	(void)state;
	const char *ok = "plain ASCII, \xc2\xa0 caf\xc3\xa9 \xd0\x9c\xd0\xb8\xd0\xbd\xd1\x81\xd0\xba "
			 "\xe2\x80\x9cquote\xe2\x80\x9d \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf";
	size_t off = 99;
	assert_true(utf8_valid(ok, strlen(ok), &off));
	assert_int_equal(off, 99);
	assert_true(utf8_valid("", 0, NULL));
}

static void expect_bad(const char *s, size_t len, size_t at)
{
	size_t off = 0;
	assert_false(utf8_valid(s, len, &off));
	assert_int_equal(off, at);
}

static void test_invalid_classes(void **state)
{
	(void)state;
	expect_bad("ab\x80", 3, 2);              /* stray continuation */
	expect_bad("a\xc0\xaf", 3, 1);           /* overlong '/' */
	expect_bad("a\xc1\xbf", 3, 1);
	expect_bad("ab\xe0\x80\xaf", 5, 2);      /* overlong 3-byte */
	expect_bad("\xf0\x80\x80\xaf", 4, 0);    /* overlong 4-byte */
	expect_bad("xx\xed\xa0\x80", 5, 2);      /* surrogate U+D800 */
	expect_bad("\xf4\x90\x80\x80", 4, 0);    /* U+110000 */
	expect_bad("ok\xf5\x80\x80\x80", 6, 2);  /* F5 never appears */
	expect_bad("ok\xff", 3, 2);
	expect_bad("\xe2\x80" "A", 3, 0);        /* cut by an ASCII byte */
	expect_bad("abc\xe2\x80", 5, 3);         /* cut by the end */
	expect_bad("abc\xf0\x9f\x98", 6, 3);
}

static void test_streaming_chunks(void **state)
{
	(void)state;
	const char *s = "\xd0\x9c\xd0\xb8\xd0\xbd\xd1\x81\xd0\xba \xe2\x80\x94 \xf0\x9f\x98\x80 end";
	size_t len = strlen(s);
	for (size_t step = 1; step <= len; step++) {
		struct utf8_validator v;
		utf8_init(&v);
		for (size_t i = 0; i < len; i += step)
			assert_true(utf8_feed(&v, s + i, len - i < step ? len - i : step));
		assert_true(utf8_finish(&v));
	}
}

static void test_char_len(void **state)
{
	(void)state;
	assert_int_equal(utf8_char_len("a", 1), 1);
	assert_int_equal(utf8_char_len("\xD0\x91x", 3), 2);     /* Б */
	assert_int_equal(utf8_char_len("\xE2\x80\x94", 3), 3); /* em dash */
	assert_int_equal(utf8_char_len("\xF0\x9F\x98\x80", 4), 4);
	assert_int_equal(utf8_char_len("\x80", 1), 0);           /* stray */
	assert_int_equal(utf8_char_len("\xC0\xAF", 2), 0);       /* overlong */
	assert_int_equal(utf8_char_len("\xE2\x80", 2), 0);       /* cut short */
	assert_int_equal(utf8_char_len("", 0), 0);
}

static void test_streaming_offset(void **state)
{
	struct utf8_validator v;
	(void)state;
	utf8_init(&v);
	char big[1000];
	memset(big, 'a', sizeof big);
	assert_true(utf8_feed(&v, big, sizeof big));
	assert_true(utf8_feed(&v, "\xd0", 1));      /* lead byte ends a chunk */
	assert_false(utf8_feed(&v, "x", 1));        /* not a continuation */
	assert_int_equal(v.bad_offset, 1000);
	assert_false(utf8_feed(&v, "fine", 4));     /* stays failed */
	assert_false(utf8_finish(&v));
	assert_int_equal(v.bad_offset, 1000);

	utf8_init(&v);
	assert_true(utf8_feed(&v, big, 10));
	assert_true(utf8_feed(&v, "\xe2\x80", 2));
	assert_false(utf8_finish(&v));              /* truncated at the end */
	assert_int_equal(v.bad_offset, 10);
}

/* utf8_decode: the code point of each well-formed character, 0 for what
 * the validator refuses (checked against code points written out). */
static void test_decode(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(utf8_decode("\xd0\x91", 2, &cp), 2); /* Б */
	assert_int_equal(cp, 0x411);
	assert_int_equal(utf8_decode("\xe2\x80\x9c", 3, &cp), 3); /* “ */
	assert_int_equal(cp, 0x201C);
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4); /* U+1F600 */
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(utf8_decode("\xc0\x80", 2, &cp), 0);      /* overlong */
	assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &cp), 0); /* surrogate */
	assert_int_equal(utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0); /* past U+10FFFF */
	assert_int_equal(utf8_decode("\xe2\x80", 2, &cp), 0);     /* cut off */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_invalid_classes),
		cmocka_unit_test(test_streaming_chunks),
		cmocka_unit_test(test_streaming_offset),
		cmocka_unit_test(test_char_len),
		cmocka_unit_test(test_decode),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
