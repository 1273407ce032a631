/*
 * Test plan (lexicon): the built-in table holds the SPEC.md §3 cues with
 * their probabilities, negatives as entries of their own; cues are folded
 * (case, curly apostrophes, spacing, contractions); the intensifier moves
 * one level outward and stops at the ends; lexicon.csv replaces the table
 * and is validated -- exact header, probability a plain decimal in [0,1],
 * cue non-empty, no duplicates after folding -- with every bad row
 * reported as FILE:LINE: column: reason and exit code 65, leaving the
 * table unchanged; a missing file is 66.
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

#include "likely/extract/lexicon.h"

#include "load_text.h"

static void test_builtin(void **state)
{
	struct lexicon lx;
	(void)state;
	lexicon_init_default(&lx);
	const struct { const char *cue; double p; } want[] = {
		{"almost certainly", 0.95}, {"very likely", 0.85},
		{"likely to", 0.70}, {"set to", 0.70}, {"probably", 0.70},
		{"more likely than not", 0.60}, {"toss-up", 0.50},
		{"not likely to", 0.30}, {"unlikely to", 0.20},
		{"highly unlikely", 0.10}, {"remote chance", 0.05},
		{"almost certainly not", 0.05}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct lexicon_entry *e = lexicon_find(&lx, want[i].cue);
		assert_non_null(e);
		assert_true(e->p == want[i].p);
	}
	/* negatives are their own entries, not 1 - p */
	assert_true(lexicon_find(&lx, "not likely to")->p != 1 - 0.70);
	assert_null(lexicon_find(&lx, "high confidence"));
	lexicon_release(&lx);
}

static void test_folding(void **state)
{
	struct lexicon lx;
	(void)state;
	lexicon_init_empty(&lx);
	assert_int_equal(lexicon_add(&lx, "  Isn\xe2\x80\x99t   LIKELY to ", 0.3), 0);
	assert_non_null(lexicon_find(&lx, "is not likely to"));
	assert_int_equal(lexicon_find(&lx, "is not likely to")->nwords, 4);
	assert_int_equal(lexicon_add(&lx, "is not likely to", 0.4), -1);
	assert_int_equal(lexicon_add(&lx, "   ", 0.4), -1);
	lexicon_release(&lx);
}

static void test_intensify(void **state)
{
	struct lexicon lx;
	(void)state;
	lexicon_init_default(&lx);
	assert_true(lexicon_intensify(&lx, 0.70) == 0.85);
	assert_true(lexicon_intensify(&lx, 0.85) == 0.95);
	assert_true(lexicon_intensify(&lx, 0.95) == 0.95);
	assert_true(lexicon_intensify(&lx, 0.20) == 0.10);
	assert_true(lexicon_intensify(&lx, 0.05) == 0.05);
	assert_true(lexicon_intensify(&lx, 0.50) == 0.50);
	lexicon_release(&lx);
}

static int load_file(void *table, const char *path, struct diag *d)
{
	return lexicon_load(table, path, d);
}

/* Loads text; returns the code and the diagnostics in msgs. */
static int load(struct lexicon *lx, const char *text, char *msgs, size_t cap)
{
	return load_text(load_file, lx, text, msgs, cap);
}

static void test_load_good(void **state)
{
	struct lexicon lx;
	char msgs[1024] = "";
	(void)state;
	lexicon_init_default(&lx);
	assert_int_equal(load(&lx, "\xef\xbb\xbf" "cue,probability\r\nlikely to,0.75\r\n"
				   "\"not likely to\",.3\r\nwill,1\r\n", msgs, sizeof msgs),
			 0);
	assert_int_equal(lx.n, 3);
	assert_true(lexicon_find(&lx, "likely to")->p == 0.75);
	assert_null(lexicon_find(&lx, "set to"));
	lexicon_release(&lx);
}

static void test_load_bad(void **state)
{
	struct lexicon lx;
	char msgs[2048] = "";
	(void)state;
	lexicon_init_default(&lx);
	size_t before = lx.n;
	assert_int_equal(load(&lx, "cue,probability\nlikely to,1.5\n,0.5\nsoon,abc\n"
				   "Likely  To,0.7\nlikely to,0.7\nx,0.1,extra\nset to,-0.1\n",
				   msgs, sizeof msgs),
			 65);
	assert_int_equal(lx.n, before); /* unchanged */
	assert_non_null(strstr(msgs, ":2: probability: not a decimal in [0,1]: \"1.5\""));
	assert_non_null(strstr(msgs, ":3: cue: empty"));
	assert_non_null(strstr(msgs, ":4: probability: not a decimal in [0,1]: \"abc\""));
	assert_non_null(strstr(msgs, ":6: cue: duplicate cue: \"likely to\""));
	assert_non_null(strstr(msgs, ":7: expected 2 fields, found 3"));
	assert_non_null(strstr(msgs, ":8: probability"));
	assert_null(strstr(msgs, ":5:"));

	msgs[0] = '\0';
	assert_int_equal(load(&lx, "cue,p\nlikely to,0.7\n", msgs, sizeof msgs), 65);
	assert_non_null(strstr(msgs, ":1: header: expected \"cue,probability\""));
	assert_int_equal(load(&lx, "", msgs, sizeof msgs), 65);

	struct diag d;
	FILE *err = fmemopen(msgs, sizeof msgs, "w");
	diag_init(&d, err);
	assert_int_equal(lexicon_load(&lx, "/nonexistent/lexicon.csv", &d), 66);
	fclose(err);
	lexicon_release(&lx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin),
		cmocka_unit_test(test_folding),
		cmocka_unit_test(test_intensify),
		cmocka_unit_test(test_load_good),
		cmocka_unit_test(test_load_bad),
	};
	return cmocka_run_group_tests_name("lexicon", tests, NULL, NULL);
}
