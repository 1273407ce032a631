/*
 * ledgerfeed: one thread reads and checks ledger files (ledger_file_read),
 * the calling thread takes the rows that passed.
 *
 * An import of a million rows spent about half its CPU parsing and
 * checking and half in SQLite; on two cores the two halves overlap.  The
 * reader copies each passed row into a batch (its fields one after
 * another, each with its NUL) and hands full batches over; NBATCH batches
 * circulate between a full and a free list, so the reader waits when the
 * taker falls behind and memory stays a few MiB whatever the file's size.
 *
 * The reader reports to a diag of its own that writes into memory; what
 * it wrote since the last batch rides at the end of the next one, after
 * the rows before it, and the taker relays it to the real diag when it
 * gets there.  So messages come out in file order, and when the taker
 * stops a file (a store failure) the messages after that row are dropped,
 * as reading one thread would never have reached them.
 */
#include "likely/core/ledgerfeed.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"

#define NBATCH      6
#define BATCH_ROWS  512
#define BATCH_BYTES (256 * 1024)

struct batch {
	int file;
	bool has_speaker;
	size_t nrows;
	struct buf text;                        /* the rows' fields */
	size_t start[BATCH_ROWS][LEDGER_NCOLS]; /* where each field starts */
	struct buf msgs;                        /* reported after the rows */
	enum exit_code worst;                   /* the reader's worst so far */
	unsigned long count;                    /* messages in msgs */
	bool end;                               /* the file's last batch */
	int rc;                                 /* and its result */
};

struct feed {
	char *const *paths;
	int n;

	pthread_mutex_t mu;
	pthread_cond_t filled, freed;
	struct batch *full[NBATCH], *spare[NBATCH];
	size_t full_head, full_n, spare_n;
	int skip; /* a file the taker stopped: its reading stops too */

	/* the reader's own */
	int file;
	struct batch *b;
	struct diag d;
	FILE *mem;
	char *mem_text;
	size_t mem_len, relayed;
	unsigned long counted;
};

static struct batch *take_spare(struct feed *fd)
{
	pthread_mutex_lock(&fd->mu);
	while (fd->spare_n == 0)
		pthread_cond_wait(&fd->freed, &fd->mu);
	struct batch *b = fd->spare[--fd->spare_n];
	pthread_mutex_unlock(&fd->mu);
	b->file = fd->file;
	b->nrows = 0;
	buf_reset(&b->text);
	buf_reset(&b->msgs);
	b->count = 0;
	b->end = false;
	b->rc = LIKELY_OK;
	return b;
}

/* Hands the reader's batch over with what it reported since the last
 * one.  Returns true when the taker has stopped this file. */
static bool hand_over(struct feed *fd, bool end, int rc)
{
	struct batch *b = fd->b;
	fflush(fd->mem);
	if (fd->mem_len > fd->relayed) {
		buf_add(&b->msgs, fd->mem_text + fd->relayed, fd->mem_len - fd->relayed);
		fd->relayed = fd->mem_len;
	}
	b->worst = fd->d.worst;
	b->count = fd->d.count - fd->counted;
	fd->counted = fd->d.count;
	b->end = end;
	b->rc = rc;
	fd->b = NULL;
	pthread_mutex_lock(&fd->mu);
	fd->full[(fd->full_head + fd->full_n++) % NBATCH] = b;
	bool stopped = fd->skip == fd->file;
	pthread_cond_signal(&fd->filled);
	pthread_mutex_unlock(&fd->mu);
	return stopped;
}

static int take_row(struct forecast *f, bool has_speaker, void *data)
{
	struct feed *fd = data;
	if (fd->b &&
	    (fd->b->nrows == BATCH_ROWS || fd->b->text.len >= BATCH_BYTES ||
	     fd->d.count != fd->counted) &&
	    hand_over(fd, false, LIKELY_OK))
		return LIKELY_FAILURE; /* the taker drops it: any code will do */
	if (!fd->b)
		fd->b = take_spare(fd);
	struct batch *b = fd->b;
	b->has_speaker = has_speaker;
	for (int c = 0; c < LEDGER_NCOLS; c++) {
		b->start[b->nrows][c] = b->text.len;
		buf_add(&b->text, f->col[c], strlen(f->col[c]) + 1);
	}
	b->nrows++;
	return LIKELY_OK;
}

static void *reader(void *data)
{
	struct feed *fd = data;
	for (fd->file = 0; fd->file < fd->n; fd->file++) {
		int rc = ledger_file_read(fd->paths[fd->file], take_row, fd, &fd->d);
		if (!fd->b)
			fd->b = take_spare(fd);
		hand_over(fd, true, rc);
	}
	return NULL;
}

static struct batch *take_full(struct feed *fd)
{
	pthread_mutex_lock(&fd->mu);
	while (fd->full_n == 0)
		pthread_cond_wait(&fd->filled, &fd->mu);
	struct batch *b = fd->full[fd->full_head];
	fd->full_head = (fd->full_head + 1) % NBATCH;
	fd->full_n--;
	pthread_mutex_unlock(&fd->mu);
	return b;
}

static void give_back(struct feed *fd, struct batch *b)
{
	pthread_mutex_lock(&fd->mu);
	fd->spare[fd->spare_n++] = b;
	pthread_cond_signal(&fd->freed);
	pthread_mutex_unlock(&fd->mu);
}

static void stop_file(struct feed *fd, int file)
{
	pthread_mutex_lock(&fd->mu);
	fd->skip = file;
	pthread_mutex_unlock(&fd->mu);
}

/* The taker's side: every batch of every file, in order. */
static int take_all(struct feed *fd, const struct ledger_sink *sink, struct diag *d)
{
	int last = LIKELY_OK, file = -1, rc = LIKELY_OK;
	bool dropping = false;
	for (;;) {
		struct batch *b = take_full(fd);
		if (b->file != file) {
			file = b->file;
			rc = sink->begin(file, sink->ctx);
			dropping = rc != LIKELY_OK;
			if (dropping)
				stop_file(fd, file);
		}
		for (size_t i = 0; i < b->nrows && !dropping; i++) {
			struct forecast f;
			for (int c = 0; c < LEDGER_NCOLS; c++)
				f.col[c] = b->text.data + b->start[i][c];
			f.context = NULL;
			rc = sink->row(&f, b->has_speaker, sink->ctx);
			dropping = rc != LIKELY_OK;
			if (dropping)
				stop_file(fd, file);
		}
		if (!dropping && b->msgs.len)
			diag_relay(d, b->msgs.data, b->msgs.len, b->worst, b->count);
		bool end = b->end;
		if (end && !dropping)
			rc = b->rc;
		give_back(fd, b);
		if (end) {
			int result = sink->end(file, rc, sink->ctx);
			if (result)
				last = result;
			if (file == fd->n - 1)
				return last;
		}
	}
}

/* The same, on this thread alone. */
static int read_here(char *const *paths, int n, const struct ledger_sink *sink, struct diag *d)
{
	int last = LIKELY_OK;
	for (int i = 0; i < n; i++) {
		int rc = sink->begin(i, sink->ctx);
		if (!rc)
			rc = ledger_file_read(paths[i], sink->row, sink->ctx, d);
		rc = sink->end(i, rc, sink->ctx);
		if (rc)
			last = rc;
	}
	return last;
}

int ledger_files_read(char *const *paths, int n, const struct ledger_sink *sink, struct diag *d)
{
	struct feed *fd = xcalloc(1, sizeof *fd);
	struct batch *batches = xcalloc(NBATCH, sizeof *batches);
	pthread_t thread;
	int rc;

	fd->paths = paths;
	fd->n = n;
	fd->skip = -1;
	fd->mem = open_memstream(&fd->mem_text, &fd->mem_len);
	if (!fd->mem || n < 1) {
		rc = read_here(paths, n, sink, d);
		goto out;
	}
	diag_init(&fd->d, fd->mem);
	for (int i = 0; i < NBATCH; i++) {
		buf_init(&batches[i].text);
		buf_init(&batches[i].msgs);
		fd->spare[fd->spare_n++] = &batches[i];
	}
	pthread_mutex_init(&fd->mu, NULL);
	pthread_cond_init(&fd->filled, NULL);
	pthread_cond_init(&fd->freed, NULL);
	if (pthread_create(&thread, NULL, reader, fd) != 0) {
		rc = read_here(paths, n, sink, d);
	} else {
		rc = take_all(fd, sink, d);
		pthread_join(thread, NULL);
	}
	pthread_cond_destroy(&fd->freed);
	pthread_cond_destroy(&fd->filled);
	pthread_mutex_destroy(&fd->mu);
	for (int i = 0; i < NBATCH; i++) {
		buf_release(&batches[i].text);
		buf_release(&batches[i].msgs);
	}
out:
	if (fd->mem)
		fclose(fd->mem);
	free(fd->mem_text);
	free(batches);
	free(fd);
	return rc;
}
