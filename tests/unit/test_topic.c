/*
 * Test plan (topic): built-in rules match keywords case-insensitively at
 * word starts ("militar" in "Military", not "defence" inside a word);
 * several topics are joined with ";" in table order; nothing matched
 * leaves the result empty (the caller writes "general"); a word prefix is
 * not a substring ("important" does not match "imports"); Cyrillic
 * keywords fold too; topics.csv replaces the rules and is validated
 * (header, both fields non-empty, no ";" in a topic, no duplicate pair).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "likely/extract/topic.h"

#include "load_text.h"

static void expect(const struct topic_rules *t, const char *s, const char *want)
{
	struct buf out;
	buf_init(&out);
	topic_match(t, s, strlen(s), &out);
	assert_string_equal(out.data, want);
	buf_release(&out);
}

static void test_builtin(void **state)
{
	struct topic_rules t;
	(void)state;
	topic_init_default(&t);
	expect(&t, "Military cooperation will grow.", "military");
	expect(&t, "The Church and the army: DEFENCE spending and trade.",
	       "military;economy;religion");
	expect(&t, "The death penalty will stay.", "human rights");
	expect(&t, "Russia will remain an important partner.", "");
	expect(&t, "Nondefence matters.", "");
	expect(&t, "The opposition will act.", "domestic politics");
	topic_release(&t);
}

/* Keywords sharing first bytes, at the start and end of the text, after
 * punctuation and digits, and inside words where they must not match. */
static void test_word_starts(void **state)
{
	struct topic_rules t;
	(void)state;
	topic_init_default(&t);
	expect(&t, "Armed drones and ALLIES' arms", "military;foreign policy");
	expect(&t, "Disarmament and turmoil, 2army", "");
	expect(&t, "GDP-linked (oil)", "economy");
	expect(&t, "oil", "economy");
	expect(&t, "a turmoil", "");
	expect(&t, "\"church\"/mosque", "religion");
	topic_release(&t);
}

static int load_file(void *table, const char *path, struct diag *d)
{
	return topic_load(table, path, d);
}

/* Loads text; returns the code and the diagnostics in msgs. */
static int load(struct topic_rules *t, const char *text, char *msgs, size_t cap)
{
	return load_text(load_file, t, text, msgs, cap);
}

static void test_csv(void **state)
{
	struct topic_rules t;
	char msgs[1024] = "";
	(void)state;
	topic_init_default(&t);
	assert_int_equal(load(&t, "topic,keyword\nenergy,nuclear\nenergy,oil\n"
				  "security,\xd0\x90\xd1\x80\xd0\xbc\xd0\xb8\xd1\x8f\n"
				  "energy,power plant\n", msgs, sizeof msgs), 0);
	expect(&t, "The nuclear POWER PLANT in Astravets.", "energy");
	expect(&t, "\xd0\x90\xd0\xa0\xd0\x9c\xd0\x98\xd0\xaf \xd0\xb8 oil", "energy;security");
	expect(&t, "Military cooperation will grow.", "");
	assert_int_equal(load(&t, "topic,keyword\na;b,x\nenergy,\n,oil\nx,y\nx,Y\n", msgs,
			      sizeof msgs), 65);
	assert_non_null(strstr(msgs, ":2: topic: must not contain"));
	assert_non_null(strstr(msgs, ":3: keyword: empty"));
	assert_non_null(strstr(msgs, ":4: topic: empty"));
	assert_non_null(strstr(msgs, ":6: topic: duplicate topic and keyword"));
	assert_int_equal(load(&t, "keyword,topic\nx,y\n", msgs, sizeof msgs), 65);
	expect(&t, "oil", "energy"); /* unchanged */
	topic_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin),
		cmocka_unit_test(test_word_starts),
		cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests_name("topic", tests, NULL, NULL);
}
