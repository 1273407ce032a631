/*
 * Test plan (evidence): what `evidence` searches for.  The claim's
 * content words -- four characters or more (code points, so Cyrillic
 * counts letters, not bytes), common and estimative words left out --
 * quoted and OR-ed in the order they stand; a claim with none gives 0
 * and adds nothing.  The day after which an article may settle a
 * forecast: the day itself, a month's last day for a month-only date,
 * "" for an undated forecast.  bm25 as FTS5 computes it (fts5_aux.c,
 * k1 = 1.2, b = 0.75), worked by hand: the weight of a phrase in 2 of 5
 * sentences is ln(3.5 / 2.5); one in 2 of 3 would be negative and counts
 * 1e-6; a sentence of average length holding a phrase once scores its
 * weight (f (k1 + 1) / (f + k1) = 1), half as long holding it twice
 * 2 * 2.2 / (2 + 1.2 * (0.25 + 0.375)) = 1.6 times it; negated.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/core/evidence.h"

static void query_is(const char *claim, int words, const char *want)
{
	struct buf q;
	buf_init(&q);
	assert_int_equal(claim_search_query(claim, &q), words);
	assert_string_equal(q.data ? q.data : "", want);
	buf_release(&q);
}

static void test_content_words(void **state)
{
	(void)state;
	query_is("Ukraine and Poland are likely to sign a transit agreement in the "
		 "coming months, analysts say.", 6,
		 "\"Ukraine\" OR \"Poland\" OR \"sign\" OR \"transit\" OR "
		 "\"agreement\" OR \"analysts\"");
	/* "Минск" is five letters in ten bytes; "ЕС" two letters */
	query_is("Минск, вероятно, получит ЕС.", 3,
		 "\"Минск\" OR \"вероятно\" OR \"получит\"");
}

static void test_nothing_to_search(void **state)
{
	(void)state;
	query_is("It is likely that they will.", 0, "");
	query_is("", 0, "");
}

static void test_after(void **state)
{
	char after[DATE_ISO_LEN];
	(void)state;
	evidence_after("2021-03-03", after);
	assert_string_equal(after, "2021-03-03");
	evidence_after("2020-02", after);
	assert_string_equal(after, "2020-02-29");
	evidence_after("", after);
	assert_string_equal(after, "");
}

static void test_bm25(void **state)
{
	(void)state;
	assert_float_equal(evidence_idf(5, 2), 0.33647223662121289, 1e-12);
	assert_float_equal(evidence_idf(3, 2), 1e-6, 0);
	assert_float_equal(evidence_idf(1, 1), 1e-6, 0);
	double idf[] = {0.5, 0.7}, once[] = {1, 0}, twice[] = {2, 0}, both[] = {1, 1};
	assert_float_equal(evidence_bm25(once, idf, 2, 10, 10), -0.5, 1e-12);
	assert_float_equal(evidence_bm25(twice, idf, 2, 5, 10), -0.8, 1e-12);
	assert_float_equal(evidence_bm25(both, idf, 2, 10, 10), -1.2, 1e-12);
	/* a longer sentence with the same words ranks lower (less negative) */
	assert_true(evidence_bm25(both, idf, 2, 20, 10) > evidence_bm25(both, idf, 2, 10, 10));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_words),
		cmocka_unit_test(test_nothing_to_search),
		cmocka_unit_test(test_after),
		cmocka_unit_test(test_bm25),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
