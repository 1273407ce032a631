/*
 * forecastpipe: see the header.  Batches of records (rowbatch) go round
 * between the handing thread and the consumer's (handoff); the handing
 * thread takes a lock only to hand a batch over, once every
 * ROWBATCH_ROWS records, and the consumer's stop code comes back as the
 * handoff's signal.
 */
#include "likely/core/forecastpipe.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include "likely/base/handoff.h"
#include "likely/core/rowbatch.h"

/* Sixteen, not four: with four, the handing thread waited 0.08 s of a
 * one-second pass over a million records, and 0.4 s while another
 * program took turns on the cores (each thread's pace varies: a write
 * held up by the disk, a core lent out); with sixteen, 0.05 s at most.
 * About 350 KiB a batch. */
#define NBATCH HANDOFF_MAX

struct batch {
	struct rowbatch rows;
	double value[ROWBATCH_ROWS];
	bool end; /* the last batch: the consumer returns after it */
};

struct forecastpipe {
	forecastpipe_fn fn;
	void *ctx;
	bool threaded;
	pthread_t thread;
	struct handoff handoff;
	struct batch batches[NBATCH];
	struct batch *b; /* the handing thread's batch being filled, or NULL */
	int stopped;     /* fn's stop code as last seen by the handing thread */
};

static void *consume(void *data)
{
	struct forecastpipe *p = data;
	int rc = 0;
	for (;;) {
		struct batch *b = handoff_take_full(&p->handoff);
		for (size_t i = 0; i < b->rows.nrows && !rc; i++) {
			struct forecast f;
			rowbatch_view(&b->rows, i, &f);
			if ((rc = p->fn(&f, b->value[i], p->ctx)))
				handoff_set_signal(&p->handoff, rc);
		}
		bool end = b->end;
		handoff_give_back(&p->handoff, b);
		if (end)
			return NULL;
	}
}

static struct batch *take_spare(struct forecastpipe *p)
{
	struct batch *b = handoff_take_spare(&p->handoff);
	rowbatch_reset(&b->rows);
	b->end = false;
	return b;
}

/* Hands the batch being filled over; returns fn's stop code so far. */
static int hand_over(struct forecastpipe *p, bool end)
{
	struct batch *b = p->b ? p->b : take_spare(p);
	b->end = end;
	p->b = NULL;
	return p->stopped = handoff_hand_over(&p->handoff, b);
}

struct forecastpipe *forecastpipe_start(forecastpipe_fn fn, void *ctx)
{
	struct forecastpipe *p = xcalloc(1, sizeof *p);
	void *buffers[NBATCH];
	p->fn = fn;
	p->ctx = ctx;
	for (int i = 0; i < NBATCH; i++) {
		rowbatch_init(&p->batches[i].rows);
		buffers[i] = &p->batches[i];
	}
	handoff_init(&p->handoff, buffers, NBATCH, 0);
	p->threaded = pthread_create(&p->thread, NULL, consume, p) == 0;
	return p;
}

int forecastpipe_put(struct forecastpipe *p, const struct forecast *f, double value)
{
	if (!p->threaded) {
		if (!p->stopped)
			p->stopped = p->fn(f, value, p->ctx);
		return p->stopped;
	}
	int rc = 0;
	if (p->b && rowbatch_full(&p->b->rows))
		rc = hand_over(p, false);
	if (rc)
		return rc;
	if (!p->b)
		p->b = take_spare(p);
	p->b->value[p->b->rows.nrows] = value;
	rowbatch_add(&p->b->rows, f);
	return 0;
}

int forecastpipe_finish(struct forecastpipe *p)
{
	if (!p)
		return 0;
	if (p->threaded) {
		hand_over(p, true);
		pthread_join(p->thread, NULL);
		/* joined: the consumer's last word is there to read */
		p->stopped = p->handoff.signal;
	}
	int rc = p->stopped;
	handoff_destroy(&p->handoff);
	for (int i = 0; i < NBATCH; i++)
		rowbatch_release(&p->batches[i].rows);
	free(p);
	return rc;
}
