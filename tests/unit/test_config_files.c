/*
 * Test plan (config files): the built-in tables are made at build time
 * from the shipped predictions/config files by scripts/config-table.awk;
 * an outlet's copy of those files is read at run time by the config
 * loader.  The two readers must agree entry for entry and in order, so
 * that `--config predictions/config` and no --config at all extract the
 * same (a build reader that mangled a value or dropped a row would
 * fail here).  Runs from the project root, as make check does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/extract/horizon.h"
#include "likely/extract/lexicon.h"
#include "likely/extract/topic.h"

static void test_lexicon_file(void **state)
{
	struct lexicon builtin, shipped;
	struct diag d;
	(void)state;
	diag_init(&d, stderr);
	lexicon_init_default(&builtin);
	lexicon_init_empty(&shipped);
	assert_int_equal(lexicon_load(&shipped, "predictions/config/lexicon.csv", &d), 0);
	assert_int_equal(shipped.n, builtin.n);
	for (size_t i = 0; i < builtin.n; i++) {
		assert_string_equal(shipped.e[i].cue, builtin.e[i].cue);
		assert_true(shipped.e[i].p == builtin.e[i].p);
	}
	lexicon_release(&builtin);
	lexicon_release(&shipped);
}

static void test_horizons_file(void **state)
{
	struct horizon_table builtin, shipped;
	struct diag d;
	(void)state;
	diag_init(&d, stderr);
	horizon_init_default(&builtin);
	horizon_init_empty(&shipped);
	assert_int_equal(horizon_load(&shipped, "predictions/config/horizons.csv", &d), 0);
	assert_int_equal(shipped.n, builtin.n);
	for (size_t i = 0; i < builtin.n; i++) {
		assert_string_equal(shipped.r[i].phrase, builtin.r[i].phrase);
		assert_int_equal(shipped.r[i].months, builtin.r[i].months);
	}
	horizon_release(&builtin);
	horizon_release(&shipped);
}

static void test_topics_file(void **state)
{
	struct topic_rules builtin, shipped;
	struct diag d;
	(void)state;
	diag_init(&d, stderr);
	topic_init_default(&builtin);
	topic_init_empty(&shipped);
	assert_int_equal(topic_load(&shipped, "predictions/config/topics.csv", &d), 0);
	assert_int_equal(shipped.n, builtin.n);
	for (size_t i = 0; i < builtin.n; i++) {
		assert_string_equal(shipped.r[i].topic, builtin.r[i].topic);
		assert_string_equal(shipped.r[i].keyword, builtin.r[i].keyword);
	}
	topic_release(&builtin);
	topic_release(&shipped);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lexicon_file),
		cmocka_unit_test(test_horizons_file),
		cmocka_unit_test(test_topics_file),
	};
	return cmocka_run_group_tests_name("config files", tests, NULL, NULL);
}
