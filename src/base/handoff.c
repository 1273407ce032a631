/*
 * handoff: see the header.  The full buffers are a ring (oldest first),
 * the spare ones a stack; one mutex guards both and the signal.
 */
#include "likely/base/handoff.h"

void handoff_init(struct handoff *h, void *const *buffers, size_t n, int signal)
{
	pthread_mutex_init(&h->mu, NULL);
	pthread_cond_init(&h->filled, NULL);
	pthread_cond_init(&h->freed, NULL);
	h->n = n < HANDOFF_MAX ? n : HANDOFF_MAX;
	h->full_head = h->full_n = h->spare_n = 0;
	for (size_t i = 0; i < h->n; i++)
		h->spare[h->spare_n++] = buffers[i];
	h->signal = signal;
}

void handoff_destroy(struct handoff *h)
{
	pthread_cond_destroy(&h->freed);
	pthread_cond_destroy(&h->filled);
	pthread_mutex_destroy(&h->mu);
}

void *handoff_take_spare(struct handoff *h)
{
	pthread_mutex_lock(&h->mu);
	while (h->spare_n == 0)
		pthread_cond_wait(&h->freed, &h->mu);
	void *b = h->spare[--h->spare_n];
	pthread_mutex_unlock(&h->mu);
	return b;
}

int handoff_hand_over(struct handoff *h, void *buffer)
{
	pthread_mutex_lock(&h->mu);
	h->full[(h->full_head + h->full_n++) % h->n] = buffer;
	int signal = h->signal;
	pthread_cond_signal(&h->filled);
	pthread_mutex_unlock(&h->mu);
	return signal;
}

void *handoff_take_full(struct handoff *h)
{
	pthread_mutex_lock(&h->mu);
	while (h->full_n == 0)
		pthread_cond_wait(&h->filled, &h->mu);
	void *b = h->full[h->full_head];
	h->full_head = (h->full_head + 1) % h->n;
	h->full_n--;
	pthread_mutex_unlock(&h->mu);
	return b;
}

void handoff_give_back(struct handoff *h, void *buffer)
{
	pthread_mutex_lock(&h->mu);
	h->spare[h->spare_n++] = buffer;
	pthread_cond_signal(&h->freed);
	pthread_mutex_unlock(&h->mu);
}

void handoff_set_signal(struct handoff *h, int signal)
{
	pthread_mutex_lock(&h->mu);
	h->signal = signal;
	pthread_mutex_unlock(&h->mu);
}
