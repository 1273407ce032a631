/*
 * forecastpipe: see the header.  As in ledgerfeed.c, NBATCH batches
 * circulate between a full and a free list: each batch holds its records'
 * fields one after another, each with its NUL, and where each starts.
 * The handing thread fills one batch at a time and takes a lock only to
 * hand it over (once every BATCH_ROWS records), and the consumer's stop
 * code comes back the same way.
 */
#include "likely/core/forecastpipe.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"

/* Sixteen, not four: with four, the handing thread waited 0.08 s of a
 * one-second pass over a million records, and 0.4 s while another
 * program took turns on the cores (each thread's pace varies: a write
 * held up by the disk, a core lent out); with sixteen, 0.05 s at most.
 * About 350 KiB a batch. */
#define NBATCH      16
#define BATCH_ROWS  1024
#define BATCH_BYTES (512 * 1024)

struct batch {
	size_t nrows;
	struct buf text;                        /* the records' fields */
	size_t start[BATCH_ROWS][LEDGER_NCOLS]; /* where each field starts */
	double value[BATCH_ROWS];
	bool end; /* the last batch: the consumer returns after it */
};

struct forecastpipe {
	forecastpipe_fn fn;
	void *ctx;
	bool threaded;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t filled, freed;
	struct batch batches[NBATCH];
	struct batch *full[NBATCH], *spare[NBATCH];
	size_t full_head, full_n, spare_n;
	int stopped;     /* fn's stop code, under mu */
	struct batch *b; /* the handing thread's batch being filled, or NULL */
};

static struct batch *take_full(struct forecastpipe *p)
{
	pthread_mutex_lock(&p->mu);
	while (p->full_n == 0)
		pthread_cond_wait(&p->filled, &p->mu);
	struct batch *b = p->full[p->full_head];
	p->full_head = (p->full_head + 1) % NBATCH;
	p->full_n--;
	pthread_mutex_unlock(&p->mu);
	return b;
}

/* Gives b back, with fn's stop code when it stopped in it. */
static void give_back(struct forecastpipe *p, struct batch *b, int rc)
{
	pthread_mutex_lock(&p->mu);
	p->spare[p->spare_n++] = b;
	if (rc && !p->stopped)
		p->stopped = rc;
	pthread_cond_signal(&p->freed);
	pthread_mutex_unlock(&p->mu);
}

static void *consume(void *data)
{
	struct forecastpipe *p = data;
	int rc = 0;
	for (;;) {
		struct batch *b = take_full(p);
		for (size_t i = 0; i < b->nrows && !rc; i++) {
			struct forecast f;
			for (int c = 0; c < LEDGER_NCOLS; c++)
				f.col[c] = b->text.data + b->start[i][c];
			f.context = NULL;
			rc = p->fn(&f, b->value[i], p->ctx);
		}
		bool end = b->end;
		give_back(p, b, rc);
		if (end)
			return NULL;
	}
}

static struct batch *take_spare(struct forecastpipe *p)
{
	pthread_mutex_lock(&p->mu);
	while (p->spare_n == 0)
		pthread_cond_wait(&p->freed, &p->mu);
	struct batch *b = p->spare[--p->spare_n];
	pthread_mutex_unlock(&p->mu);
	b->nrows = 0;
	buf_reset(&b->text);
	b->end = false;
	return b;
}

/* Hands the batch being filled over; returns fn's stop code so far. */
static int hand_over(struct forecastpipe *p, bool end)
{
	struct batch *b = p->b ? p->b : take_spare(p);
	b->end = end;
	p->b = NULL;
	pthread_mutex_lock(&p->mu);
	p->full[(p->full_head + p->full_n++) % NBATCH] = b;
	int stopped = p->stopped;
	pthread_cond_signal(&p->filled);
	pthread_mutex_unlock(&p->mu);
	return stopped;
}

struct forecastpipe *forecastpipe_start(forecastpipe_fn fn, void *ctx)
{
	struct forecastpipe *p = xcalloc(1, sizeof *p);
	p->fn = fn;
	p->ctx = ctx;
	for (int i = 0; i < NBATCH; i++) {
		buf_init(&p->batches[i].text);
		p->spare[p->spare_n++] = &p->batches[i];
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->filled, NULL);
	pthread_cond_init(&p->freed, NULL);
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
	if (p->b && (p->b->nrows == BATCH_ROWS || p->b->text.len >= BATCH_BYTES))
		rc = hand_over(p, false);
	if (rc)
		return rc;
	if (!p->b)
		p->b = take_spare(p);
	struct batch *b = p->b;
	/* room for the whole record first, then the fields copied in */
	size_t len[LEDGER_NCOLS], total = 0;
	for (int c = 0; c < LEDGER_NCOLS; c++)
		total += len[c] = strlen(f->col[c]) + 1;
	buf_reserve(&b->text, total);
	char *at = b->text.data + b->text.len;
	for (int c = 0; c < LEDGER_NCOLS; c++) {
		b->start[b->nrows][c] = (size_t)(at - b->text.data);
		memcpy(at, f->col[c], len[c]);
		at += len[c];
	}
	b->text.len += total;
	b->text.data[b->text.len] = '\0';
	b->value[b->nrows++] = value;
	return 0;
}

int forecastpipe_finish(struct forecastpipe *p)
{
	if (!p)
		return 0;
	if (p->threaded) {
		hand_over(p, true);
		pthread_join(p->thread, NULL);
	}
	int rc = p->stopped;
	pthread_cond_destroy(&p->freed);
	pthread_cond_destroy(&p->filled);
	pthread_mutex_destroy(&p->mu);
	for (int i = 0; i < NBATCH; i++)
		buf_release(&p->batches[i].text);
	free(p);
	return rc;
}
