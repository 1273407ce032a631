/*
 * store_score: the store's record of scoring runs (tables score_run and
 * score_group of schema step 1), so a report can show what changed since
 * the previous run.  Part of the store module (src/store/store_score.c); kept in
 * its own header because only `score` needs it.  Same conventions as
 * store.h: every function returns an exit code and reports through the
 * store's diag sink.
 */
#ifndef LIKELY_STORE_SCORE_H
#define LIKELY_STORE_SCORE_H

#include <stdbool.h>

#include "likely/report/score.h"
#include "likely/store/store.h"

/* One run as recorded; brier is NAN when nothing was scored. */
struct score_run_rec {
	long long id;           /* set by store_score_run_add / read back */
	const char *as_of;      /* ISO date */
	const char *created_at; /* when the run was made (ctx->now) */
	const char *options;    /* the options in force, as the report names them */
	const char *digest;     /* SHA-256 of the scored records */
	long scored;
	double brier;
};

/* One group of a run; NAN figures are stored as NULL and read back NAN.
 * The counts have the members of struct sb_group (score_figures.h). */
struct score_group_rec {
	const char *by, *author, *topic;
	long open, overdue, void_count, hedged;
	struct score_figures fig; /* fig.n: forecasts scored */
};

/* Records a run (r->id is ignored) and sets *id to its row id. */
int store_score_run_add(struct store *s, const struct score_run_rec *r, long long *id);
/* Records one group of run run_id. */
int store_score_group_add(struct store *s, long long run_id, const struct score_group_rec *g);

/*
 * Finds the previous run for a run as of `as_of`: among the recorded runs
 * with an as-of date before it, the one with the latest as-of date, and of
 * several such the last recorded.  *found says whether there was one; its
 * fields are then filled and its strings (as_of, options, digest,
 * created_at) are malloc'd -- release them with store_score_run_release.
 */
int store_score_previous(struct store *s, const char *as_of, struct score_run_rec *r, bool *found);
void store_score_run_release(struct score_run_rec *r);

/*
 * Calls fn for each group of run run_id whose `by` is by (NULL: every
 * group), in no particular order.  fn returns 0 to go on or an exit code
 * to stop, which is then returned.  The record is valid during the call.
 */
int store_score_group_each(struct store *s, long long run_id, const char *by,
			   int (*fn)(const struct score_group_rec *g, void *ctx), void *ctx);

/* One point of the trend: a group's figures in one recorded run. */
struct score_trend_rec {
	const char *as_of, *by, *author;
	long n;
	double brier; /* NAN when nothing was scored */
};

/*
 * Calls fn for the groups "all" and "author" of the recorded runs as of a
 * date before as_of -- of several runs as of one date, the last recorded
 * -- ordered by as-of date, then "all" before "author", then author (byte
 * order).  fn returns 0 to go on or an exit code to stop, which is then
 * returned.  The record is valid during the call.
 */
int store_score_trend(struct store *s, const char *as_of,
		      int (*fn)(const struct score_trend_rec *t, void *ctx), void *ctx);

#endif
