/*
 * Test plan (handoff): with 3 buffers going round, 10,000 numbers reach
 * the emptier in the order handed over, and the filler is never more than
 * 3 ahead (it waits: the signal set at N/2 comes back within 3
 * hand-overs); the signal the emptier sets (its stop, say) is what
 * the filler's next hand-over returns, and the initial signal until then.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>

#include "likely/base/handoff.h"

#define N 10000

struct run {
	struct handoff h;
	long got[N];
	long n;
};

static void *empty(void *data)
{
	struct run *r = data;
	while (r->n < N) {
		long *b = handoff_take_full(&r->h);
		r->got[r->n++] = *b;
		if (*b == N / 2)
			handoff_set_signal(&r->h, 65);
		handoff_give_back(&r->h, b);
	}
	return NULL;
}

static void in_order_and_bounded(void **state)
{
	(void)state;
	static struct run r;
	long buffers[3];
	void *b[3] = {&buffers[0], &buffers[1], &buffers[2]};
	pthread_t t;
	handoff_init(&r.h, b, 3, -1);
	assert_int_equal(pthread_create(&t, NULL, empty, &r), 0);
	long first_65 = -1;
	for (long i = 0; i < N; i++) {
		long *spare = handoff_take_spare(&r.h);
		*spare = i;
		int signal = handoff_hand_over(&r.h, spare);
		if (signal == 65 && first_65 < 0)
			first_65 = i;
		else if (first_65 < 0)
			assert_int_equal(signal, -1);
	}
	pthread_join(t, NULL);
	handoff_destroy(&r.h);
	for (long i = 0; i < N; i++)
		assert_int_equal(r.got[i], i);
	/* set when N/2 was taken: seen no sooner, and within the 3
	 * buffers handed over after it */
	assert_true(first_65 > N / 2 && first_65 <= N / 2 + 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(in_order_and_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
