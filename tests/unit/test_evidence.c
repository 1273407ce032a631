/*
 * Test plan (evidence): what `evidence` searches for.  The claim's
 * content words -- four characters or more (code points, so Cyrillic
 * counts letters, not bytes), common and estimative words left out --
 * quoted and OR-ed in the order they stand; a claim with none gives 0
 * and adds nothing.  The day after which an article may settle a
 * forecast: the day itself, a month's last day for a month-only date,
 * "" for an undated forecast.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/buf.h"
#include "likely/evidence.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_words),
		cmocka_unit_test(test_nothing_to_search),
		cmocka_unit_test(test_after),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
