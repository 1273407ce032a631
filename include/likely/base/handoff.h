/*
 * handoff: buffers going round between two threads, one filling them and
 * the other emptying them, in order.  The filler takes a spare buffer,
 * fills it and hands it over; the emptier takes the oldest full one,
 * empties it and gives it back.  With n buffers in all, the filler waits
 * when the emptier is n behind, so memory stays what the buffers hold,
 * however much goes through.  The buffers are the caller's; the handoff
 * only passes pointers to them.  One more int goes the other way: a
 * signal the emptier sets (that it stopped, say) and the filler reads
 * when it hands a buffer over.
 */
#ifndef LIKELY_HANDOFF_H
#define LIKELY_HANDOFF_H

#include <pthread.h>
#include <stddef.h>

#define HANDOFF_MAX 16

struct handoff {
	pthread_mutex_t mu;
	pthread_cond_t filled, freed;
	void *full[HANDOFF_MAX], *spare[HANDOFF_MAX];
	size_t n, full_head, full_n, spare_n;
	int signal;
};

/* n (at most HANDOFF_MAX) buffers, all spare at first; the signal is
 * signal. */
void handoff_init(struct handoff *h, void *const *buffers, size_t n, int signal);
void handoff_destroy(struct handoff *h);

/* The filler's side.  handoff_hand_over returns the signal as it is. */
void *handoff_take_spare(struct handoff *h);
int handoff_hand_over(struct handoff *h, void *buffer);

/* The emptier's side. */
void *handoff_take_full(struct handoff *h);
void handoff_give_back(struct handoff *h, void *buffer);
void handoff_set_signal(struct handoff *h, int signal);

#endif
