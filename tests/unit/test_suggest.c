/*
 * Test plan (suggest, "did you mean"):
 *  - the distance: identical words 0, one insertion, deletion, substitution
 *    or swap of neighbours 1 each ("scroe" -> "score" is one swap, where
 *    plain Levenshtein counts 2), empty words, words over the limit;
 *  - the choice: the closest name wins whatever the order offered; one
 *    edit is allowed up to five characters, two beyond; the start of a
 *    name (three characters or more) is suggested; a tie suggests nothing;
 *    nothing far off is suggested; the exact name is not "suggested";
 *  - the hint text, with and without the "--" prefix, and empty when
 *    there is nothing to suggest.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "likely/base/buf.h"
#include "likely/cli/suggest.h"

static size_t dist(const char *a, const char *b)
{
	return suggest_distance(a, strlen(a), b, strlen(b));
}

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(dist("score", "score"), 0);
	assert_int_equal(dist("scor", "score"), 1);    /* insertion */
	assert_int_equal(dist("scoore", "score"), 1);  /* deletion */
	assert_int_equal(dist("scare", "score"), 1);   /* substitution */
	assert_int_equal(dist("scroe", "score"), 1);   /* swap */
	assert_int_equal(dist("sroce", "score"), 2);   /* not neighbours */
	assert_int_equal(dist("", "list"), 4);
	assert_int_equal(dist("list", ""), 4);
	assert_int_equal(dist("kitten", "sitting"), 3);
	char longer[SUGGEST_MAX_LEN + 2];
	memset(longer, 'a', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	assert_int_equal(dist(longer, "a"), SUGGEST_MAX_LEN + 1);
}

/* The suggestion for typed among the NULL-terminated names, or NULL. */
static const char *pick(const char *typed, const char *const *names, char *out)
{
	struct suggest s;
	size_t len;
	suggest_init(&s, typed, strlen(typed));
	for (size_t i = 0; names[i]; i++)
		suggest_offer(&s, names[i], strlen(names[i]));
	const char *best = suggest_best(&s, &len);
	if (!best)
		return NULL;
	memcpy(out, best, len);
	out[len] = '\0';
	return out;
}

static const char *const commands[] = {"accept", "due", "edit", "export", "extract",
				       "import", "init", "list", "read", "reject",
				       "resolve", "review", "score", "show", NULL};

static void test_choice(void **state)
{
	(void)state;
	char out[SUGGEST_MAX_LEN + 1];
	assert_string_equal(pick("scroe", commands, out), "score");
	assert_string_equal(pick("lst", commands, out), "list");
	assert_string_equal(pick("exprot", commands, out), "export");
	assert_string_equal(pick("reviw", commands, out), "review");
	/* two edits: allowed for a long word, not for a short one */
	assert_string_equal(pick("resovle", commands, out), "resolve");
	assert_string_equal(pick("reslve", commands, out), "resolve");
	assert_null(pick("shw", (const char *const[]){"shower", NULL}, out));
	assert_null(pick("sxox", commands, out));  /* two edits from show */
	/* the start of a name */
	assert_string_equal(pick("dry", (const char *const[]){"format", "dry-run", NULL}, out),
			    "dry-run");
	assert_null(pick("dr", (const char *const[]){"dry-run", NULL}, out));
	/* equally close: no guess */
	assert_null(pick("rad", (const char *const[]){"read", "red", "raid", NULL}, out));
	assert_null(pick("ex", commands, out));
	assert_null(pick("frobnicate", commands, out));
	assert_null(pick("score", commands, out));
	/* the closest wins whatever the order */
	assert_string_equal(pick("as-off", (const char *const[]){"as", "as-of", NULL}, out),
			    "as-of");
	assert_string_equal(pick("as-off", (const char *const[]){"as-of", "as", NULL}, out),
			    "as-of");
}

static void test_hint(void **state)
{
	(void)state;
	struct suggest s;
	struct buf b;
	buf_init(&b);
	suggest_init(&s, "statu", 5);
	suggest_offer(&s, "status=", 6); /* a length, not the terminator, ends a name */
	suggest_hint(&s, "--", &b);
	assert_string_equal(b.data, " (did you mean '--status'?)");
	buf_reset(&b);
	suggest_init(&s, "scroe", 5);
	suggest_offer(&s, "score", 5);
	suggest_hint(&s, "", &b);
	assert_string_equal(b.data, " (did you mean 'score'?)");
	buf_reset(&b);
	suggest_init(&s, "colour", 6);
	suggest_offer(&s, "format", 6);
	suggest_hint(&s, "--", &b);
	assert_string_equal(b.data, "");
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_choice),
		cmocka_unit_test(test_hint),
	};
	return cmocka_run_group_tests_name("suggest", tests, NULL, NULL);
}
