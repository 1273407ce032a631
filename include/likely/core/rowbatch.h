/*
 * rowbatch: ledger rows copied into one buffer, for handing from one
 * thread to another (ledgerfeed, forecastpipe): each row's fields one
 * after another, each with its NUL, and where each starts.  A batch is
 * full at ROWBATCH_ROWS rows or ROWBATCH_BYTES of text.
 */
#ifndef LIKELY_ROWBATCH_H
#define LIKELY_ROWBATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/base/buf.h"
#include "likely/core/ledger.h"

#define ROWBATCH_ROWS  1024
#define ROWBATCH_BYTES (512 * 1024)

struct rowbatch {
	size_t nrows;
	struct buf text;
	size_t start[ROWBATCH_ROWS][LEDGER_NCOLS];
};

void rowbatch_init(struct rowbatch *b);
void rowbatch_release(struct rowbatch *b);
void rowbatch_reset(struct rowbatch *b);
bool rowbatch_full(const struct rowbatch *b);
/* Copies f's columns (not its context) in as the next row. */
void rowbatch_add(struct rowbatch *b, const struct forecast *f);
/* Row i as a forecast whose columns point into the batch (no context). */
void rowbatch_view(const struct rowbatch *b, size_t i, struct forecast *f);

#endif
