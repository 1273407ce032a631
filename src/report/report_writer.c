/*
 * report_writer: the scored forecasts written on a second thread.
 *
 * At a million forecasts `score` spent a quarter of its time formatting
 * each scored record as the ledger writes it, hashing it for the digest
 * and writing it to forecasts.csv and the workbook, all on the thread
 * that reads the database and fills the scoreboard.  That work needs
 * nothing but the record and its score, in order, so the caller copies
 * each record into a batch (its fields one after another, each with its
 * NUL) and hands full batches to a writer thread, which does the rest
 * (report_row).  NBATCH batches circulate between a full and a free
 * list, as in core/ledgerfeed.c: the caller waits when the writer falls
 * behind, and memory stays a few hundred KiB whatever the ledger's size.
 *
 * The writer touches the report's forecast writer, digest, number cache
 * and workbook, and nothing else; the caller touches none of them until
 * report_writer_stop has joined it.  It reports nothing (a write error
 * is found by the flush in report_write), so the messages need no relay.
 */
#include "report_impl.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NBATCH      4
#define BATCH_ROWS  1024
#define BATCH_BYTES (512 * 1024)

struct batch {
	size_t nrows;
	struct buf text;                        /* the rows' fields */
	size_t start[BATCH_ROWS][LEDGER_NCOLS]; /* where each field starts */
	double score[BATCH_ROWS];
	bool end; /* the last batch: the writer stops after it */
};

struct report_writer {
	struct report *r;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t filled, freed;
	struct batch batches[NBATCH];
	struct batch *full[NBATCH], *spare[NBATCH];
	size_t full_head, full_n, spare_n;
	struct batch *b; /* the caller's batch being filled, or NULL */
};

static struct batch *take_full(struct report_writer *w)
{
	pthread_mutex_lock(&w->mu);
	while (w->full_n == 0)
		pthread_cond_wait(&w->filled, &w->mu);
	struct batch *b = w->full[w->full_head];
	w->full_head = (w->full_head + 1) % NBATCH;
	w->full_n--;
	pthread_mutex_unlock(&w->mu);
	return b;
}

static void give_back(struct report_writer *w, struct batch *b)
{
	pthread_mutex_lock(&w->mu);
	w->spare[w->spare_n++] = b;
	pthread_cond_signal(&w->freed);
	pthread_mutex_unlock(&w->mu);
}

static void *writer(void *data)
{
	struct report_writer *w = data;
	for (;;) {
		struct batch *b = take_full(w);
		for (size_t i = 0; i < b->nrows; i++) {
			struct forecast f;
			for (int c = 0; c < LEDGER_NCOLS; c++)
				f.col[c] = b->text.data + b->start[i][c];
			f.context = NULL;
			report_row(w->r, &f, b->score[i]);
		}
		bool end = b->end;
		give_back(w, b);
		if (end)
			return NULL;
	}
}

static struct batch *take_spare(struct report_writer *w)
{
	pthread_mutex_lock(&w->mu);
	while (w->spare_n == 0)
		pthread_cond_wait(&w->freed, &w->mu);
	struct batch *b = w->spare[--w->spare_n];
	pthread_mutex_unlock(&w->mu);
	b->nrows = 0;
	buf_reset(&b->text);
	b->end = false;
	return b;
}

static void hand_over(struct report_writer *w, bool end)
{
	struct batch *b = w->b ? w->b : take_spare(w);
	b->end = end;
	w->b = NULL;
	pthread_mutex_lock(&w->mu);
	w->full[(w->full_head + w->full_n++) % NBATCH] = b;
	pthread_cond_signal(&w->filled);
	pthread_mutex_unlock(&w->mu);
}

static void writer_free(struct report_writer *w)
{
	for (int i = 0; i < NBATCH; i++)
		buf_release(&w->batches[i].text);
	free(w);
}

void report_writer_start(struct report *r)
{
	struct report_writer *w = xcalloc(1, sizeof *w);
	w->r = r;
	for (int i = 0; i < NBATCH; i++) {
		buf_init(&w->batches[i].text);
		w->spare[w->spare_n++] = &w->batches[i];
	}
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->filled, NULL);
	pthread_cond_init(&w->freed, NULL);
	if (pthread_create(&w->thread, NULL, writer, w) != 0) {
		/* no thread: the rows are written on the caller's */
		pthread_cond_destroy(&w->freed);
		pthread_cond_destroy(&w->filled);
		pthread_mutex_destroy(&w->mu);
		writer_free(w);
		return;
	}
	r->writer = w;
}

void report_writer_put(struct report *r, const struct forecast *f, double score)
{
	struct report_writer *w = r->writer;
	if (w->b && (w->b->nrows == BATCH_ROWS || w->b->text.len >= BATCH_BYTES))
		hand_over(w, false);
	if (!w->b)
		w->b = take_spare(w);
	struct batch *b = w->b;
	for (int c = 0; c < LEDGER_NCOLS; c++) {
		b->start[b->nrows][c] = b->text.len;
		buf_add(&b->text, f->col[c], strlen(f->col[c]) + 1);
	}
	b->score[b->nrows++] = score;
}

void report_writer_stop(struct report *r)
{
	struct report_writer *w = r->writer;
	if (!w)
		return;
	hand_over(w, true);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->freed);
	pthread_cond_destroy(&w->filled);
	pthread_mutex_destroy(&w->mu);
	writer_free(w);
	r->writer = NULL;
}
