/*
 * rowbatch: see the header.
 */
#include "likely/core/rowbatch.h"

#include <string.h>

void rowbatch_init(struct rowbatch *b)
{
	b->nrows = 0;
	buf_init(&b->text);
}

void rowbatch_release(struct rowbatch *b)
{
	buf_release(&b->text);
}

void rowbatch_reset(struct rowbatch *b)
{
	b->nrows = 0;
	buf_reset(&b->text);
}

bool rowbatch_full(const struct rowbatch *b)
{
	return b->nrows == ROWBATCH_ROWS || b->text.len >= ROWBATCH_BYTES;
}

void rowbatch_add(struct rowbatch *b, const struct forecast *f)
{
	/* room for the whole row first, then the fields copied in */
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
	b->nrows++;
}

void rowbatch_view(const struct rowbatch *b, size_t i, struct forecast *f)
{
	for (int c = 0; c < LEDGER_NCOLS; c++)
		f->col[c] = b->text.data + b->start[i][c];
	f->context = NULL;
}
