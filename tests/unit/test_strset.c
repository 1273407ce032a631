/*
 * Test plan (strset): a key added once is there with its value, a second
 * add of it is refused and reports the first value; the empty key and
 * keys that are prefixes of one another are distinct; values survive the
 * table's growth (200,000 keys, far past the first 64 slots, each found
 * again with its own value, none missing, an absent key absent); keys
 * that differ only past their first bytes, or share a slot, stay apart;
 * strset_prefetch, asked before an add or a get (present key or not),
 * changes nothing the set answers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>

#include "likely/base/strset.h"

static void test_add_get(void **state)
{
	(void)state;
	struct strset *s = strset_new();
	long v = 0;
	assert_false(strset_get(s, "a", &v));
	assert_true(strset_add(s, "a", 7, NULL));
	assert_true(strset_add(s, "", 8, NULL));
	assert_true(strset_add(s, "ab", 9, NULL));
	assert_true(strset_get(s, "a", &v));
	assert_int_equal(v, 7);
	assert_true(strset_get(s, "", &v));
	assert_int_equal(v, 8);
	assert_true(strset_get(s, "ab", NULL));
	assert_false(strset_add(s, "a", 10, &v));
	assert_int_equal(v, 7); /* the first value, not the refused one */
	assert_false(strset_add(s, "ab", 11, NULL));
	assert_int_equal(strset_count(s), 3);
	strset_free(s);
	strset_free(NULL);
}

static void test_growth(void **state)
{
	(void)state;
	enum { N = 200000 };
	struct strset *s = strset_new();
	char key[32];
	long v;
	for (long i = 0; i < N; i++) {
		snprintf(key, sizeof key, "id-%08lx", (unsigned long)i * 2654435761UL);
		if (i % 2)
			strset_prefetch(s, key);
		assert_true(strset_add(s, key, i, NULL));
	}
	assert_int_equal(strset_count(s), N);
	for (long i = 0; i < N; i++) {
		snprintf(key, sizeof key, "id-%08lx", (unsigned long)i * 2654435761UL);
		strset_prefetch(s, key);
		assert_true(strset_get(s, key, &v));
		assert_int_equal(v, i);
		assert_false(strset_add(s, key, -1, &v));
		assert_int_equal(v, i);
	}
	strset_prefetch(s, "id-absent");
	assert_false(strset_get(s, "id-absent", NULL));
	assert_int_equal(strset_count(s), N);
	strset_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_get),
		cmocka_unit_test(test_growth),
	};
	return cmocka_run_group_tests_name("strset", tests, NULL, NULL);
}
