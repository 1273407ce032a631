/*
 * Test plan (forecastpipe): 10,000 records (many batches' worth), each
 * made in a buffer that is overwritten right after it is handed over,
 * reach the consumer in order with every column and value as handed
 * (long fields, past a batch's bytes, and empty ones too); a stop code
 * stops the consumer at that record (none after it is seen), comes back
 * from forecastpipe_put within the batches the queue holds, and from
 * forecastpipe_finish; a pipe finished with nothing handed over calls
 * nothing; finish of NULL is 0.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/core/forecastpipe.h"

struct seen {
	long n;        /* records seen */
	long stop_at;  /* stop with 65 at this record, -1: never */
	bool in_order; /* every record was the one expected */
};

/* Record i: column c holds "i:c", the claim is long every 997th record,
 * the note always empty. */
static void make(long i, char text[LEDGER_NCOLS][64], char *big, struct forecast *f)
{
	for (int c = 0; c < LEDGER_NCOLS; c++) {
		snprintf(text[c], 64, "%ld:%d", i, c);
		f->col[c] = text[c];
	}
	f->col[COL_NOTE] = "";
	if (i % 997 == 0) {
		memset(big, 'a' + (int)(i % 26), 600000);
		big[600000] = '\0';
		f->col[COL_CLAIM] = big;
	}
	f->context = NULL;
}

static int check(const struct forecast *f, double value, void *ctx)
{
	struct seen *s = ctx;
	long i = s->n++;
	char want[64];
	for (int c = 0; c < LEDGER_NCOLS; c++) {
		snprintf(want, sizeof want, "%ld:%d", i, c);
		if (c == COL_NOTE)
			s->in_order &= *f->col[c] == '\0';
		else if (c == COL_CLAIM && i % 997 == 0)
			s->in_order &= strlen(f->col[c]) == 600000 && f->col[c][0] == 'a' + i % 26;
		else
			s->in_order &= strcmp(f->col[c], want) == 0;
	}
	s->in_order &= f->context == NULL && (i % 3 ? value == (double)i / 4 : isnan(value));
	return i == s->stop_at ? 65 : 0;
}

static void test_order(void **state)
{
	(void)state;
	enum {
		N = 10000
	};
	struct seen s = {0, -1, true};
	char text[LEDGER_NCOLS][64];
	char *big = xmalloc(600001);
	struct forecast f;
	struct forecastpipe *p = forecastpipe_start(check, &s);
	for (long i = 0; i < N; i++) {
		make(i, text, big, &f);
		assert_int_equal(forecastpipe_put(p, &f, i % 3 ? (double)i / 4 : NAN), 0);
		memset(text, 'x', sizeof text); /* the pipe kept its own copy */
		memset(big, 'x', 600000);
	}
	assert_int_equal(forecastpipe_finish(p), 0);
	assert_int_equal(s.n, N);
	assert_true(s.in_order);
	free(big);
}

static void test_stop(void **state)
{
	(void)state;
	/* N: well past what the queue can hold beyond STOP */
	enum {
		N = 40000,
		STOP = 2500
	};
	struct seen s = {0, STOP, true};
	char text[LEDGER_NCOLS][64];
	char *big = xmalloc(600001);
	struct forecast f;
	struct forecastpipe *p = forecastpipe_start(check, &s);
	long i, stopped_at = -1;
	for (i = 0; i < N; i++) {
		make(i, text, big, &f);
		int rc = forecastpipe_put(p, &f, i % 3 ? (double)i / 4 : NAN);
		if (rc) {
			assert_int_equal(rc, 65);
			stopped_at = i;
			break;
		}
	}
	/* the code comes back within the batches in flight, not at the end */
	assert_true(stopped_at > STOP && stopped_at < N);
	assert_int_equal(forecastpipe_finish(p), 65);
	assert_int_equal(s.n, STOP + 1); /* none after the stop was seen */
	assert_true(s.in_order);
	free(big);
}

static void test_empty(void **state)
{
	(void)state;
	struct seen s = {0, -1, true};
	assert_int_equal(forecastpipe_finish(forecastpipe_start(check, &s)), 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(forecastpipe_finish(NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
