/*
 * Test plan (text): folding and tokenizing, the parts rewritten for speed
 * (folding in place, words kept where they were folded), pinned by hand:
 *  - text_fold appends to what the buffer holds; ASCII lowered; Russian
 *    and Belarusian capitals (including Ё, І, Ў) lowered; Latin-1 capitals
 *    lowered but × kept; curly apostrophes (also the last bytes) become
 *    "'"; a lead byte cut off at the end is copied as it is;
 *  - text_space_len on each kind of space and on printable ASCII;
 *  - text_word_has finds a byte at each of the eight places, and not its
 *    neighbours (c - 1, c + 1, c ^ 0x80) nor in a word without it;
 *  - text_tokenize: contractions split ("can't", "won't", "they'll",
 *    "CANNOT", "shan't"), the capital kept on the first half; a word of
 *    64 bytes or more is never split; punctuation and quotes as tokens;
 *    every token's hash is text_hash of its folded text; ASCII words
 *    (folded and hashed in one pass) beside the ones that go on with a
 *    hyphen, an apostrophe or a non-ASCII letter, or end at a dash;
 *  - text_letters8 flags exactly A-Z and a-z, at each of the eight
 *    places and in a short tail; text_first8 finds the first flag;
 *  - text_fit: runs of white space (a tab, a line break, a no-break and a
 *    thin space) become one space and the ends are trimmed; a value that
 *    fits is kept whole, padded or not; a longer one is cut to width
 *    characters ending in "..."; Cyrillic counts by characters, not
 *    bytes; a width of 3 or less is not cut.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/text/text.h"

static void fold_is(const char *prefix, const char *in, const char *want)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, prefix);
	text_fold(&b, in, strlen(in));
	assert_string_equal(b.data, want);
	assert_int_equal(b.len, strlen(want));
	buf_release(&b);
}

static void test_fold(void **state)
{
	(void)state;
	fold_is("X:", "ABC def 12!", "X:abc def 12!");
	fold_is("", "", "");
	/* ПРИВЕТ Ёж -> привет ёж; І Ў -> і ў */
	fold_is("", "\xd0\x9f\xd0\xa0\xd0\x98\xd0\x92\xd0\x95\xd0\xa2 \xd0\x81\xd0\xb6",
		"\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd1\x91\xd0\xb6");
	fold_is("", "\xd0\x86 \xd0\x8e", "\xd1\x96 \xd1\x9e");
	/* ÀÉ× -> àé× */
	fold_is("", "\xc3\x80\xc3\x89\xc3\x97", "\xc3\xa0\xc3\xa9\xc3\x97");
	/* Belarus’ it‘s -> belarus' it's, the last one too */
	fold_is("", "Belarus\xe2\x80\x99 it\xe2\x80\x98s", "belarus' it's");
	fold_is("", "Minsk\xe2\x80\x99", "minsk'");
	fold_is("", "\xe2\x80\x9cQ\xe2\x80\x9d", "\xe2\x80\x9cq\xe2\x80\x9d");
	fold_is("a", "\xd0", "a\xd0");
	fold_is("", "Z\xe2\x80", "z\xe2\x80");
}

static void test_space_len(void **state)
{
	(void)state;
	assert_int_equal(text_space_len(" x", 2), 1);
	assert_int_equal(text_space_len("\t", 1), 1);
	assert_int_equal(text_space_len("\v", 1), 1);
	assert_int_equal(text_space_len("\xc2\xa0", 2), 2);
	assert_int_equal(text_space_len("\xc2\xa0", 1), 0);
	assert_int_equal(text_space_len("\xe2\x80\x8a", 3), 3);
	assert_int_equal(text_space_len("\xe2\x80\xaf", 3), 3);
	assert_int_equal(text_space_len("\xe2\x80\x99", 3), 0);
	assert_int_equal(text_space_len("\xe3\x80\x80", 3), 3);
	assert_int_equal(text_space_len("a", 1), 0);
	assert_int_equal(text_space_len("~", 1), 0);
	assert_int_equal(text_space_len("\x7f", 1), 0);
	assert_int_equal(text_space_len("", 0), 0);
}

static void test_word_has(void **state)
{
	static const unsigned char probe[] = {0x00, '.', '"', 0x7F, 0x80, 0xC2, 0xE2, 0xFF};
	(void)state;
	for (size_t k = 0; k < sizeof probe; k++)
		for (size_t at = 0; at < 8; at++) {
			unsigned char c = probe[k], b[8];
			uint64_t w;
			memset(b, 'a', 8); /* no probe is 'a' or next to it */
			b[at] = c;
			memcpy(&w, b, 8);
			assert_true(text_word_has(w, c));
			assert_false(text_word_has(w, (unsigned char)(c + 1)));
			assert_false(text_word_has(w, (unsigned char)(c - 1)));
			assert_false(text_word_has(w, (unsigned char)(c ^ 0x80)));
		}
}

static void test_letters8(void **state)
{
	(void)state;
	for (int c = 0; c < 256; c++)
		for (size_t at = 0; at < 8; at++) {
			char b[8];
			memset(b, ' ', 8);
			b[at] = (char)c;
			bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
			uint64_t m = text_letters8(b, 8);
			assert_int_equal(m, letter ? UINT64_C(0x80) << 8 * at : 0);
			if (letter)
				assert_int_equal(text_first8(m), at);
			/* only the first at bytes: b[at] is not looked at */
			assert_int_equal(text_letters8(b, at), 0);
		}
	assert_int_equal(text_letters8("ab1Z", 4), UINT64_C(0x80008080));
}

static void tokens_are(const char *in, const char *const *want, size_t n)
{
	struct text_tokens t;
	text_tokens_init(&t);
	text_tokenize(&t, in, strlen(in));
	assert_int_equal(t.n, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(text_tok(&t, i), want[i]);
		assert_int_equal(t.tok[i].norm_len, strlen(want[i]));
		assert_int_equal(t.tok[i].hash, text_hash(want[i], strlen(want[i])));
	}
	text_tokens_release(&t);
}

static void test_tokenize(void **state)
{
	(void)state;
	static const char *const want[] = {
		"it", "can", "not", ",", "will", "not", ";", "they", "will",
		"can", "not", "shall", "not", "go", "\"", "toss-up", "\xe2\x80\x9c",
		"minsk's", "\xe2\x80\x9d", "."};
	tokens_are("It can't, won't; they'll CANNOT shan\xe2\x80\x99t go \"toss-up "
		   "\xe2\x80\x9cMinsk\xe2\x80\x99s\xe2\x80\x9d.",
		   want, sizeof want / sizeof want[0]);

	struct text_tokens t;
	text_tokens_init(&t);
	text_tokenize(&t, "CANNOT Won't", 12);
	assert_int_equal(t.n, 4);
	assert_true(t.tok[0].upper_initial);
	assert_false(t.tok[1].upper_initial);
	assert_true(t.tok[2].upper_initial);
	assert_int_equal(t.tok[3].kind, TOK_WORD);
	assert_int_equal(t.tok[2].start, 7);
	assert_int_equal(t.tok[3].end, 12);
	text_tokens_release(&t);

	char longw[80];
	memset(longw, 'A', 67);
	memcpy(longw + 67, "n't", 4);
	char folded[80];
	memset(folded, 'a', 67);
	memcpy(folded + 67, "n't", 4);
	const char *one[] = {folded};
	tokens_are(longw, one, 1);

	static const char *const mixed[] = {
		"na\xc3\xafve", "2023", "3", ".", "5", "u", ".", "s", ".", "abc",
		"\xe2\x80\x94", "def", "x", "-", "well-known", "it's", "o", "'",
		"\xd0\xbc\xd0\xb8\xd0\xbd\xd1\x81\xd0\xba", "minsk"};
	tokens_are("Na\xc3\xafve 2023 3.5 U.S. Abc\xe2\x80\x94" "def x- Well-known it's O' "
		   "\xd0\x9c\xd0\xb8\xd0\xbd\xd1\x81\xd0\xba MINSK",
		   mixed, sizeof mixed / sizeof mixed[0]);
}

static void fit(const char *s, size_t width, bool pad, const char *want)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "|");
	text_fit(&b, s, width, pad);
	assert_string_equal(b.data + 1, want);
	buf_release(&b);
}

static void test_fit(void **state)
{
	(void)state;
	fit("  a\tb \n c  ", 10, false, "a b c");
	fit("a\xc2\xa0\xc2\xa0" "b\xe2\x80\x89" "c", 10, true, "a b c     ");
	fit("abcdefghij", 10, true, "abcdefghij");
	fit("abcdefghijk", 10, false, "abcdefg...");
	fit("\xd0\x9c\xd1\x96\xd0\xbd\xd1\x81\xd0\xba \xd1\x96 \xd0\x91\xd1\x80\xd1\x8d\xd1\x81\xd1\x82",
	    8, false, "\xd0\x9c\xd1\x96\xd0\xbd\xd1\x81\xd0\xba...");
	fit("abcdef", 3, false, "abcdef");
	fit("", 4, true, "    ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_space_len),
		cmocka_unit_test(test_word_has),
		cmocka_unit_test(test_letters8),
		cmocka_unit_test(test_tokenize),
		cmocka_unit_test(test_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
