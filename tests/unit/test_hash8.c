/*
 * Test plan (hash8): fixed values, worked out by a separate Python
 * transcription of the definition in hash8.h (rotate left 29, XOR the
 * next eight bytes read little-endian, times 0x9E3779B97F4A7C15; the last
 * 0-7 bytes zero-filled as one more word, the length as one more, then h
 * XOR h >> 32), for the empty text, one byte, 7, 8 and 9 bytes (either
 * side of a whole word), a sentence and a Cyrillic one (bytes of 0x80 and
 * more, read unsigned); a digest of two parts differs when the same bytes
 * are cut elsewhere ("ab" + "c", "a" + "bc"), since each part's length
 * counts; and hash8_load reads the lowest byte first on any machine.
 * The values pin the digest stored for each article: a change to hash8
 * shows here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/base/hash8.h"

static uint64_t of(const char *s)
{
	return hash8(HASH8_START, s, strlen(s));
}

static void test_vectors(void **state)
{
	(void)state;
	assert_true(of("") == UINT64_C(0xa327b29b0eb2cf35));
	assert_true(of("a") == UINT64_C(0x3d76bf4467dc1185));
	assert_true(of("abcdefg") == UINT64_C(0xd838b485e02a0459));
	assert_true(of("abcdefgh") == UINT64_C(0x8daf5a007708c815));
	assert_true(of("abcdefghi") == UINT64_C(0x376e6d2bcd359c2d));
	assert_true(of("The Fed will raise rates.") == UINT64_C(0x66d0e3813d16f33c));
	assert_true(
		of("\xd0\xa6\xd1\x96\xd0\xbd\xd0\xb8 \xd0\xb7\xd1\x80\xd0\xbe\xd1\x81\xd1\x82"
		   "\xd1\x83\xd1\x82\xd1\x8c \xd1\x83 2025 \xd1\x80\xd0\xbe\xd1\x86\xd1\x96.") ==
		UINT64_C(0xadfa83ae3ec70959)); /* "Ціни зростуть у 2025 році." */
}

static void test_parts(void **state)
{
	(void)state;
	uint64_t one = hash8(hash8(HASH8_START, "ab", 2), "c", 1);
	uint64_t two = hash8(hash8(HASH8_START, "a", 1), "bc", 2);
	assert_true(one == UINT64_C(0x4d667ee090d35e66));
	assert_true(two == UINT64_C(0x0518b0de20687f94));
	assert_true(one != two);
}

static void test_load(void **state)
{
	(void)state;
	assert_true(hash8_load("\x01\x02\x03\x04\x05\x06\x07\x08") == UINT64_C(0x0807060504030201));
	assert_true(hash8_load_part("\x01\x02\xff", 3) == UINT64_C(0xff0201));
	assert_true(hash8_load_part("", 0) == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_parts),
		cmocka_unit_test(test_load),
	};
	return cmocka_run_group_tests_name("hash8", tests, NULL, NULL);
}
