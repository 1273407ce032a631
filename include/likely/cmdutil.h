/*
 * cmdutil: checks and formatting that several commands share -- option
 * values (status, format, dates) and fitting text into a table column.
 * Each check reports a usage error through ctx's diag and returns its code.
 */
#ifndef LIKELY_CMDUTIL_H
#define LIKELY_CMDUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/ledger.h"

/* NULL is fine; else one of candidate, accepted, rejected. */
int opt_status(struct ctx *ctx, const char *value);
/* --format table|csv (NULL = table); sets *csv. */
int opt_format(struct ctx *ctx, const char *value, bool *csv);
/* A date option (--as-of, --on): ISO, a real day.  NULL leaves *days. */
/* Checks a text option by the textfield rule (TEXTFIELD_* flags); NULL
 * passes.  LIKELY_USAGE (reported) when it fails. */
int opt_text(struct ctx *ctx, const char *option, const char *value, unsigned flags);
int opt_date(struct ctx *ctx, const char *option, const char *value,
	     long *days);
/* A non-negative integer option (--min-n, --limit, --bins). */
int opt_count(struct ctx *ctx, const char *option, const char *value,
	      long max, long *out);

/* What a forecast is looked up for: a command that changes data needs a
 * longer prefix (ID_PREFIX_MIN_CHANGE characters), so that a slip of one
 * character cannot name a forecast by accident. */
enum id_use { ID_READ, ID_CHANGE };
#define ID_PREFIX_MIN_CHANGE 4

/*
 * Reads forecast id into f (initialised here; release it either way).  id
 * is a whole id, or the start of exactly one (for ID_CHANGE at least
 * ID_PREFIX_MIN_CHANGE characters).  An unknown or ambiguous id is a data
 * error (65); a prefix too short for a change is a usage error (2).
 */
int forecast_load(struct ctx *ctx, const char *id, enum id_use use,
		  struct forecast *f);
/*
 * Stores f, recording each changed column in its history with reason.
 * Returns the store's code.
 */
int forecast_save(struct ctx *ctx, const struct forecast *f, const char *reason);

/* One forecast of the review queue. */
struct due_item {
	struct forecast f;
	long overdue; /* days past the horizon on the as-of date */
};

struct due_list {
	long as_of;
	struct due_item *items;
	size_t count, cap;
};

/*
 * The review queue as of a day: accepted forecasts with no outcome whose
 * horizon is before it, oldest horizon first (ties by publication date,
 * then id).  `due` and `review` both show it, in this one order.  l is
 * filled here; release it with due_list_release, also after an error.
 */
int due_collect(struct ctx *ctx, long as_of, struct due_list *l);
void due_list_release(struct due_list *l);

struct extract_config;
/*
 * Loads the configuration in force (SPEC.md §3): --config/$LIKELY_CONFIG,
 * else predictions/config/ when it exists, else the built-in tables.  A
 * named directory that does not exist is LIKELY_NOINPUT; a bad file
 * LIKELY_DATAERR.  cfg is initialised here either way.
 */
int config_load(struct ctx *ctx, struct extract_config *cfg);

/*
 * Appends s to b on one line: whitespace collapsed, cut to at most width
 * characters (code points) with "..." when cut, padded with spaces to
 * width when pad is set.
 */
void text_fit(struct buf *b, const char *s, size_t width, bool pad);

#endif
