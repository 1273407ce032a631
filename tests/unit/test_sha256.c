/*
 * Test plan (sha256): the message digests of FIPS 180-4 as published in
 * NIST's "Cryptographic Standards and Guidelines: Examples with
 * Intermediate Values" (SHA256.pdf) -- "abc" (one block), the 448-bit
 * two-block message, the 896-bit message and one million 'a' -- and the
 * empty message; lengths around the padding boundary (55, 56, 63, 64 and
 * 119 bytes of 'x', expected values from coreutils sha256sum); and that
 * feeding a message in uneven pieces gives the digest of feeding it whole.
 * Every test runs twice: with sha256_init (the processor's SHA
 * instructions where it has them) and with sha256_init_plain (plain C).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/base/sha256.h"

/* The test's way to start a hash: the cmocka state is one of these. */
struct way {
	void (*init)(struct sha256 *s);
};
static const struct way fast = {sha256_init}, plain = {sha256_init_plain};

static void start(void **state, struct sha256 *s)
{
	((const struct way *)*state)->init(s);
}

static void hex_of(void **state, const void *data, size_t len, char out[SHA256_HEX_LEN])
{
	struct sha256 s;
	start(state, &s);
	sha256_update(&s, data, len);
	sha256_final_hex(&s, out);
}

static void check(void **state, const char *msg, const char *want)
{
	char got[SHA256_HEX_LEN];
	hex_of(state, msg, strlen(msg), got);
	assert_string_equal(got, want);
}

static void test_fips_vectors(void **state)
{
	check(state, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check(state, "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check(state, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	check(state, "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	      "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a(void **state)
{
	static char chunk[1000];
	struct sha256 s;
	char got[SHA256_HEX_LEN];
	memset(chunk, 'a', sizeof chunk);
	start(state, &s);
	for (int i = 0; i < 1000; i++)
		sha256_update(&s, chunk, sizeof chunk);
	sha256_final_hex(&s, got);
	assert_string_equal(got, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_padding_boundaries(void **state)
{
	static const struct {
		size_t len;
		const char *want;
	} cases[] = {
		{55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
		{56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
		{63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
		{64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
		{119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"},
	};
	char msg[128], got[SHA256_HEX_LEN];
	memset(msg, 'x', sizeof msg);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		hex_of(state, msg, cases[i].len, got);
		assert_string_equal(got, cases[i].want);
	}
}

static void test_pieces_equal_whole(void **state)
{
	unsigned char msg[300];
	char whole[SHA256_HEX_LEN], pieces[SHA256_HEX_LEN];
	for (size_t i = 0; i < sizeof msg; i++)
		msg[i] = (unsigned char)(i * 7 + 3);
	hex_of(state, msg, sizeof msg, whole);
	static const size_t cuts[] = {0, 1, 63, 1, 64, 65, 3, 0, 103};
	struct sha256 s;
	size_t at = 0;
	start(state, &s);
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		sha256_update(&s, msg + at, cuts[i]);
		at += cuts[i];
	}
	assert_int_equal(at, sizeof msg);
	sha256_final_hex(&s, pieces);
	assert_string_equal(pieces, whole);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_prestate(test_fips_vectors, (void *)&fast),
		cmocka_unit_test_prestate(test_fips_vectors, (void *)&plain),
		cmocka_unit_test_prestate(test_million_a, (void *)&fast),
		cmocka_unit_test_prestate(test_million_a, (void *)&plain),
		cmocka_unit_test_prestate(test_padding_boundaries, (void *)&fast),
		cmocka_unit_test_prestate(test_padding_boundaries, (void *)&plain),
		cmocka_unit_test_prestate(test_pieces_equal_whole, (void *)&fast),
		cmocka_unit_test_prestate(test_pieces_equal_whole, (void *)&plain),
	};
	return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
