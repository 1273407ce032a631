/*
 * Test plan (sentence): boundaries by byte offset on hand-labelled
 * paragraphs, one per trap: abbreviations (U.S., Mr., Dr., Gen., e.g.,
 * i.e., etc. before lowercase, Dec. 7, Jan. 31, No. 5), initials in Latin
 * and Cyrillic (J. R. R. Tolkien, А. Лукашенко, Д. and г.), decimals and
 * domains (3.5, belta.by), quotes curly and straight (a sentence ends
 * inside its closing quote), ellipsis, "?" and "!", dashes, hard-wrapped
 * lines, no final stop, and leading/trailing space trimmed.  Offsets are
 * checked to point into the original text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "likely/text/sentence.h"

/* Splits s and compares with the expected sentences (NULL-terminated). */
static void expect_split(const char *s, const char *const *want)
{
	struct sentence_iter it;
	size_t a, b, k = 0, len = strlen(s);
	sentence_iter_init(&it, s, len);
	while (sentence_next(&it, &a, &b)) {
		assert_true(a < b && b <= len);
		if (!want[k])
			fail_msg("extra sentence: \"%.*s\"", (int)(b - a), s + a);
		if (strlen(want[k]) != b - a || memcmp(want[k], s + a, b - a) != 0)
			fail_msg("sentence %zu: got \"%.*s\", want \"%s\"", k,
				 (int)(b - a), s + a, want[k]);
		k++;
	}
	if (want[k])
		fail_msg("missing sentence: \"%s\"", want[k]);
}

#define SPLIT(s, ...) expect_split(s, (const char *const[]){__VA_ARGS__, NULL})

static void test_abbreviations(void **state)
{
	(void)state;
	SPLIT("The U.S. envoy arrived. Talks began.", "The U.S. envoy arrived.", "Talks began.");
	SPLIT("He moved to the U.S. The talks failed.", "He moved to the U.S.", "The talks failed.");
	SPLIT("Mr. Avdonin noted it. Dr. Smith and Gen. Khrenin agreed.",
	      "Mr. Avdonin noted it.", "Dr. Smith and Gen. Khrenin agreed.");
	SPLIT("Some states, e.g. China, agree. Others, i.e. Russia, do not.",
	      "Some states, e.g. China, agree.", "Others, i.e. Russia, do not.");
	SPLIT("Tanks, guns, etc. are in demand. Prices rise.",
	      "Tanks, guns, etc. are in demand.", "Prices rise.");
	SPLIT("It happened on Dec. 7 in Minsk. On Jan. 31 it ended.",
	      "It happened on Dec. 7 in Minsk.", "On Jan. 31 it ended.");
	SPLIT("It ends on Sept. 30 as planned. Talks resume on Feb. 2 next year.",
	      "It ends on Sept. 30 as planned.", "Talks resume on Feb. 2 next year.");
	/* "May" is a whole month name, no abbreviation: its stop ends a
	 * sentence before a number */
	SPLIT("Talks resumed in May. 12 delegates came.", "Talks resumed in May.",
	      "12 delegates came.");
	SPLIT("Decree No. 5 was signed. It changed nothing.",
	      "Decree No. 5 was signed.", "It changed nothing.");
	SPLIT("Prices rose, etc. Analysts disagree.", "Prices rose, etc.", "Analysts disagree.");
}

static void test_initials(void **state)
{
	(void)state;
	SPLIT("J. R. R. Tolkien wrote it. He died.", "J. R. R. Tolkien wrote it.", "He died.");
	SPLIT("J.R.R. Tolkien wrote it. He died.", "J.R.R. Tolkien wrote it.", "He died.");
	SPLIT("\xd0\x90. \xd0\x9b\xd1\x83\xd0\xba\xd0\xb0\xd1\x88\xd0\xb5\xd0\xbd\xd0\xba\xd0\xbe "
	      "\xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb. \xd0\x92\xd1\x81\xd0\xb5.",
	      "\xd0\x90. \xd0\x9b\xd1\x83\xd0\xba\xd0\xb0\xd1\x88\xd0\xb5\xd0\xbd\xd0\xba\xd0\xbe "
	      "\xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb.",
	      "\xd0\x92\xd1\x81\xd0\xb5.");
	/* "Д." an initial, "г." (year) before a lowercase word */
	SPLIT("\xd0\x94. \xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2 \xd0\xb2 2017 \xd0\xb3. "
	      "\xd0\xb2\xd1\x81\xd1\x82\xd1\x80\xd0\xb5\xd1\x82\xd0\xb8\xd0\xbb\xd1\x81\xd1\x8f.",
	      "\xd0\x94. \xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2 \xd0\xb2 2017 \xd0\xb3. "
	      "\xd0\xb2\xd1\x81\xd1\x82\xd1\x80\xd0\xb5\xd1\x82\xd0\xb8\xd0\xbb\xd1\x81\xd1\x8f.");
	SPLIT("It was Plan B. The plan failed.", "It was Plan B.", "The plan failed.");
}

static void test_numbers_and_domains(void **state)
{
	(void)state;
	SPLIT("Growth was 3.5 percent. See www.belta.by for more.",
	      "Growth was 3.5 percent.", "See www.belta.by for more.");
	SPLIT("In 2017. 2018 was worse.", "In 2017.", "2018 was worse.");
}

/* Scraped text glues sentences: "easily.Firstly" splits, while domains,
 * decimals, abbreviations with inner dots and titles stay whole. */
static void test_glued(void **state)
{
	(void)state;
	SPLIT("Prices will not fall that easily.Firstly, supply is short.",
	      "Prices will not fall that easily.", "Firstly, supply is short.");
	SPLIT("Shares fell yesterday.\u201cWe expect more,\u201d he said.",
	      "Shares fell yesterday.\u201cWe expect more,\u201d he said.");
	SPLIT("Read belta.by daily. Growth was 3.5 percent.",
	      "Read belta.by daily.", "Growth was 3.5 percent.");
	SPLIT("The U.S.Army will stay. Mr.Smith agreed.",
	      "The U.S.Army will stay.", "Mr.Smith agreed.");
	SPLIT("Он уедет завтра.Потом вернётся.", "Он уедет завтра.", "Потом вернётся.");
}

static void test_quotes(void **state)
{
	(void)state;
	SPLIT("He said, \xe2\x80\x9cThis is equal.\xe2\x80\x9d Then he left.",
	      "He said, \xe2\x80\x9cThis is equal.\xe2\x80\x9d", "Then he left.");
	SPLIT("He said \"it is over.\" They left.", "He said \"it is over.\"", "They left.");
	SPLIT("\xe2\x80\x9cIs it over?\xe2\x80\x9d he asked. No.",
	      "\xe2\x80\x9cIs it over?\xe2\x80\x9d he asked.", "No.");
	SPLIT("It ended. \xe2\x80\x9cWe won,\xe2\x80\x9d he said.",
	      "It ended.", "\xe2\x80\x9cWe won,\xe2\x80\x9d he said.");
}

static void test_marks_and_ellipsis(void **state)
{
	(void)state;
	SPLIT("Will it last? Nobody knows! Wait... it did\xe2\x80\xa6 Then it ended.",
	      "Will it last?", "Nobody knows!", "Wait... it did\xe2\x80\xa6", "Then it ended.");
	SPLIT("It fell \xe2\x80\x93 as expected. Next.", "It fell \xe2\x80\x93 as expected.", "Next.");
}

static void test_wrapped_and_unterminated(void **state)
{
	(void)state;
	SPLIT("  Belarus is likely\nto expand. And then\r\nsome more  ",
	      "Belarus is likely\nto expand.", "And then\r\nsome more");
	SPLIT("No final stop", "No final stop");
	SPLIT("   ", NULL);
	SPLIT("", NULL);
}

/* The stop bytes at every offset from a long run without any (the
 * splitter passes over eight bytes at a time): "!", "?", "." and "…". */
static void test_stops_at_every_offset(void **state)
{
	static const char *const stops[] = {"!", "?", ".", "\xe2\x80\xa6"};
	(void)state;
	for (size_t k = 0; k < 4; k++)
		for (size_t n = 1; n <= 20; n++) {
			char text[64], first[32];
			memset(first, 'a', n);
			first[0] = 'A';
			memcpy(first + n, stops[k], strlen(stops[k]) + 1);
			snprintf(text, sizeof text, "%s The end \xe2\x80\x93 done.", first);
			const char *want[] = {first, "The end \xe2\x80\x93 done.", NULL};
			expect_split(text, want);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_initials),
		cmocka_unit_test(test_numbers_and_domains),
		cmocka_unit_test(test_glued),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_marks_and_ellipsis),
		cmocka_unit_test(test_wrapped_and_unterminated),
		cmocka_unit_test(test_stops_at_every_offset),
	};
	return cmocka_run_group_tests_name("sentence", tests, NULL, NULL);
}
