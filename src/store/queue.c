/*
 * queue: the review queue -- accepted forecasts past their horizon that
 * nobody has settled -- in forecast_due_order, for `due` and `review`.
 */
#include "likely/store/queue.h"

#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/base/date.h"
#include "likely/store/store.h"

static int queue_add(const struct forecast *f, void *data)
{
	struct queue *l = data;
	long horizon;

	if (!date_parse_iso(f->col[COL_HORIZON], &horizon) || horizon >= l->as_of)
		return 0;
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	struct queue_item *it = &l->items[l->count++];
	forecast_init(&it->f);
	for (int c = 0; c < LEDGER_NCOLS; c++)
		forecast_set(&it->f, c, f->col[c]);
	it->overdue = l->as_of - horizon;
	return 0;
}

static int by_horizon(const void *pa, const void *pb)
{
	const struct queue_item *a = pa, *b = pb;
	return forecast_due_order(&a->f, &b->f);
}

int queue_collect(struct store *s, long as_of, struct queue *l)
{
	struct forecast_filter open = {.open_only = true};
	memset(l, 0, sizeof *l);
	l->as_of = as_of;
	int rc = store_forecast_each(s, &open, queue_add, l);
	if (!rc && l->count) /* qsort(NULL, 0, ...) is undefined */
		qsort(l->items, l->count, sizeof *l->items, by_horizon);
	return rc;
}

void queue_release(struct queue *l)
{
	for (size_t i = 0; i < l->count; i++)
		forecast_release(&l->items[i].f);
	free(l->items);
	memset(l, 0, sizeof *l);
}
