/*
 * scoreboard: sorts forecasts into the groups of SPEC §6 as of a date and
 * keeps, per group, exact score tables and the counts around them (open,
 * overdue, void, hedged).  It takes ledger records one at a time and never
 * holds them: memory grows with the number of groups and distinct
 * probabilities, not with the number of forecasts.  Besides the groups it
 * keeps only a few whole records for the report -- the most confident
 * misses, the best calls and the oldest of the review queue.
 *
 * No SQLite, no files: the caller streams records in (from the store) and
 * reads groups back (for the reports and the run record).
 *
 * What happens to a record, as of the date D:
 *   - not accepted, or published after D: ignored entirely;
 *   - every other record counts in `hedged` when it has no probability;
 *   - no outcome, or an outcome settled after D: `overdue` when its
 *     horizon is before D, else `open`;
 *   - void settled by D: `void`;
 *   - yes/no/partial settled by D with a probability: scored (`n`), unless
 *     it is partial and partials are excluded.
 */
#ifndef LIKELY_SCOREBOARD_H
#define LIKELY_SCOREBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/core/ledger.h"
#include "likely/report/score.h"

/* Group kinds, numbered in the byte order of their names so that sorting
 * by kind sorts the `by` column of the reports. */
enum sb_by {
	SB_ALL,              /* "all" */
	SB_AUTHOR,           /* "author" */
	SB_AUTHOR_TOPIC,     /* "author+topic" */
	SB_CUE,              /* "cue": scored forecasts only, for calibration */
	SB_FORECASTER,       /* "forecaster": the speaker when there is one, else
			      * the author; names normalised (speaker.h) */
	SB_FORECASTER_TOPIC, /* "forecaster+topic" */
	SB_TOPIC,            /* "topic" */
};

/* The name of a kind as the reports write it ("author+topic"). */
const char *sb_by_name(enum sb_by by);

struct sb_options {
	const char *as_of;    /* ISO date D */
	bool exclude_partial; /* --partial exclude */
	int bins;             /* 0 exact, else N equal-width bins */
};

struct sb_group {
	enum sb_by by;
	char *author; /* "" for none (unattributed) or when not by author;
		       * the forecaster for the forecaster kinds (as first
		       * met: names differing only in case are one group) */
	bool own;     /* forecaster kinds: an author of the outlet (some of
		       * the group's forecasts are in the article's own voice) */
	char *topic;  /* "" when not by topic */
	char *cue;    /* "" when not by cue */
	long open, overdue, void_count, hedged;
	struct score_table *table; /* the scored forecasts */
	struct score_figures fig;  /* filled by scoreboard_finish */
};

/* A record kept for the report, with what the report says about it. */
struct sb_pick {
	struct forecast f;
	double p;       /* stated probability (NAN when hedged) */
	int half_units; /* outcome 0, 1 (partial) or 2; -1 when unsettled */
	double score;   /* (p - o)^2, NAN when not scored */
	long overdue;   /* days past the horizon on D (review queue) */
};

enum sb_class {
	SB_IGNORED, /* not accepted, or published after D */
	SB_SCORED,
	SB_OPEN,
	SB_OVERDUE,
	SB_VOID,
	SB_UNSCORED, /* settled yes/no/partial but hedged, or an excluded partial */
};

/* Totals over every record offered, for the report's summary. */
struct sb_totals {
	long offered;         /* records passed to scoreboard_add */
	long accepted;        /* accepted and published by D */
	long later;           /* accepted but published after D */
	long settled_later;   /* settled after D, so counted as unsettled */
	long partial_dropped; /* partials left out (--partial exclude) */
	long partial_scored;  /* partials scored as 0.5 */
};

struct scoreboard;

/* A new, empty scoreboard; o->as_of is copied.  Never NULL. */
struct scoreboard *scoreboard_new(const struct sb_options *o);
/* Frees everything; NULL is a no-op. */
void scoreboard_free(struct scoreboard *sb);

/*
 * Sorts one record into its groups and returns what it was (see the top
 * of this file); *score gets (p - o)^2 when it is SB_SCORED, else NAN.
 * The record is only read during the call.  Cannot fail: a probability
 * or date the ledger checks would have refused counts as hedged / no
 * horizon.
 */
enum sb_class scoreboard_add(struct scoreboard *sb, const struct forecast *f, double *score);

/*
 * Computes every group's figures with the bins in force and sorts the
 * groups by kind, author, topic and cue (byte order).  Call once, after
 * the last scoreboard_add; scoreboard_add must not be called after it.
 */
void scoreboard_finish(struct scoreboard *sb);

/* The groups in sorted order (after scoreboard_finish); *n gets the count.
 * The "all" group is always there, first. */
const struct sb_group *scoreboard_groups(const struct scoreboard *sb, size_t *n);
/* The "all" group. */
const struct sb_group *scoreboard_all(const struct scoreboard *sb);
const struct sb_totals *scoreboard_totals(const struct scoreboard *sb);

/* How many picks each list keeps at most. */
#define SB_TOP_K   5
#define SB_QUEUE_K 20

/*
 * The kept records, each list at most SB_TOP_K (SB_QUEUE_K) long:
 *   misses: scored yes/no forecasts on the wrong side of 50% ((p - o)^2
 *     above 0.25), largest (p - o)^2 first;
 *   best calls: scored yes/no forecasts on the right side ((p - o)^2
 *     below 0.25), smallest first;
 *   (ties by id; partial outcomes are neither a hit nor a miss)
 *   review queue: accepted, unsettled on D, horizon before D; oldest
 *     horizon first, then publication date, then id (as `likely due`).
 * Each returns the count and sets *out; the records live as long as the
 * scoreboard.  scoreboard_queue_total says how long the whole queue is.
 */
size_t scoreboard_misses(const struct scoreboard *sb, const struct sb_pick **out);
size_t scoreboard_best(const struct scoreboard *sb, const struct sb_pick **out);
size_t scoreboard_queue(const struct scoreboard *sb, const struct sb_pick **out);
long scoreboard_queue_total(const struct scoreboard *sb);

#endif
