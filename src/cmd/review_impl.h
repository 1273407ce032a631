/*
 * review_impl: what the two halves of `likely review` share -- the
 * session (review.c: the queue, the keys, undo, the tally) and its screen
 * (review_screen.c: one forecast laid out to fit the terminal).
 */
#ifndef LIKELY_REVIEW_IMPL_H
#define LIKELY_REVIEW_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/base/buf.h"
#include "likely/cli/cli.h"
#include "likely/core/ledger.h"
#include "likely/cli/screen.h"

/* What an answer did; the tally counts them and undo names them. */
enum review_act {
	ACT_ACCEPT,
	ACT_REJECT,
	ACT_EDIT,
	ACT_SKIP,
	ACT_YES,
	ACT_NO,
	ACT_PARTIAL,
	ACT_VOID,
	REVIEW_NACT
};

/* One answer, kept so that `u` can take it back. */
struct review_answer {
	size_t at; /* its place in the queue */
	enum review_act act;
	bool saved;             /* it changed the forecast; before is valid */
	struct forecast before; /* the forecast as it was */
	char *id;
};

struct review {
	struct ctx *ctx;
	struct screen_size sz;
	char **ids; /* the queue: candidates, then due forecasts */
	size_t count, cap;
	size_t n_cand;  /* ids[0..n_cand) are the candidates */
	bool due_added; /* the due part is in the queue */
	size_t at;
	struct review_answer *answers; /* the undo stack, oldest first */
	size_t n_answers, cap_answers;
	unsigned long tally[REVIEW_NACT], undone;
	struct buf status; /* the line under the legend */
};

/* Whether the forecast at the queue's current place is a due one. */
bool review_in_due(const struct review *rv);

/*
 * Draws the whole screen for f (the top, then as much of the forecast,
 * its context and, for a due one, possible evidence as fits) and the key
 * prompt.  Returns the store's code (evidence is looked up).
 */
int review_draw(struct review *rv, const struct forecast *f);
/* Draws the top and the claim alone: the start of a dialog (edit, settle,
 * a date), which then asks its questions one line each. */
void review_draw_dialog(struct review *rv, const struct forecast *f);
/* Draws the list of keys, for `?`. */
void review_draw_help(struct review *rv, const struct forecast *f);

/* The prompt after which review reads one key. */
#define REVIEW_KEY_PROMPT "key> "

#endif
