/*
 * queue: the review queue that `due` lists and `review` walks, read from
 * the store in one order (forecast_due_order, which the scorecard's queue
 * uses too).
 */
#ifndef LIKELY_QUEUE_H
#define LIKELY_QUEUE_H

#include <stddef.h>

#include "likely/core/ledger.h"

struct store;

/* One forecast of the review queue. */
struct queue_item {
	struct forecast f;
	long overdue; /* days past the horizon on the as-of date */
};

struct queue {
	long as_of;
	struct queue_item *items;
	size_t count, cap;
};

/*
 * The review queue as of a day: accepted forecasts with no outcome whose
 * horizon is before it, oldest horizon first (ties by publication date,
 * then id).  `due` and `review` both show it, in this one order.  l is
 * filled here; release it with queue_release, also after an error.
 */
int queue_collect(struct store *s, long as_of, struct queue *l);
void queue_release(struct queue *l);

#endif
