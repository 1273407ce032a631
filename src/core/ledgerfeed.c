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
#include "likely/base/handoff.h"
#include "likely/core/rowbatch.h"

#define NBATCH 6

struct batch {
	int file;
	bool has_speaker;
	struct rowbatch rows;
	struct buf msgs;      /* reported after the rows */
	enum exit_code worst; /* the reader's worst so far */
	unsigned long count;  /* messages in msgs */
	bool end;             /* the file's last batch */
	int rc;               /* and its result */
};

struct feed {
	char *const *paths;
	int n;

	/* the handoff's signal is a file the taker stopped (-1: none): its
	 * reading stops too */
	struct handoff handoff;

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
	struct batch *b = handoff_take_spare(&fd->handoff);
	b->file = fd->file;
	rowbatch_reset(&b->rows);
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
	return handoff_hand_over(&fd->handoff, b) == fd->file;
}

static int take_row(struct forecast *f, bool has_speaker, void *data)
{
	struct feed *fd = data;
	if (fd->b && (rowbatch_full(&fd->b->rows) || fd->d.count != fd->counted) &&
	    hand_over(fd, false, LIKELY_OK))
		return LIKELY_FAILURE; /* the taker drops it: any code will do */
	if (!fd->b)
		fd->b = take_spare(fd);
	struct batch *b = fd->b;
	b->has_speaker = has_speaker;
	rowbatch_add(&b->rows, f);
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

static void stop_file(struct feed *fd, int file)
{
	handoff_set_signal(&fd->handoff, file);
}

/* The taker's side: every batch of every file, in order. */
static int take_all(struct feed *fd, const struct ledger_sink *sink, struct diag *d)
{
	int last = LIKELY_OK, file = -1, rc = LIKELY_OK;
	bool dropping = false;
	for (;;) {
		struct batch *b = handoff_take_full(&fd->handoff);
		if (b->file != file) {
			file = b->file;
			rc = sink->begin(file, sink->ctx);
			dropping = rc != LIKELY_OK;
			if (dropping)
				stop_file(fd, file);
		}
		for (size_t i = 0; i < b->rows.nrows && !dropping; i++) {
			struct forecast f;
			rowbatch_view(&b->rows, i, &f);
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
		handoff_give_back(&fd->handoff, b);
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
	fd->mem = open_memstream(&fd->mem_text, &fd->mem_len);
	if (!fd->mem || n < 1) {
		rc = read_here(paths, n, sink, d);
		goto out;
	}
	diag_init(&fd->d, fd->mem);
	void *buffers[NBATCH];
	for (int i = 0; i < NBATCH; i++) {
		rowbatch_init(&batches[i].rows);
		buf_init(&batches[i].msgs);
		buffers[i] = &batches[i];
	}
	handoff_init(&fd->handoff, buffers, NBATCH, -1);
	if (pthread_create(&thread, NULL, reader, fd) != 0) {
		rc = read_here(paths, n, sink, d);
	} else {
		rc = take_all(fd, sink, d);
		pthread_join(thread, NULL);
	}
	handoff_destroy(&fd->handoff);
	for (int i = 0; i < NBATCH; i++) {
		rowbatch_release(&batches[i].rows);
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
