/*
 * report: the files `likely score` leaves in its output directory (SPEC
 * §7) -- scores.csv, calibration.csv, forecasts.csv, report.md,
 * calibration.svg, scorecard.xlsx, trend.csv and trend.svg -- made from
 * a finished scoreboard and the recorded runs.
 *
 * Every file is written under a temporary name and renamed into place
 * only when all of them were written without error, so a failed run
 * leaves the previous reports as they were.  Nothing written depends on
 * the clock, the locale or the order of anything but the inputs: the same
 * scoreboard, options and previous run give the same bytes.
 *
 * The scored forecasts are streamed: report_forecast appends one record
 * to forecasts.csv and to the digest as the caller reads the ledger, so
 * no file needs the whole ledger in memory.  It may be called on another
 * thread than the other functions (score writes the rows on a thread of
 * its own), one call at a time, all of them over (the thread joined)
 * before report_digest.  The report starts threads of its own and waits
 * for them before it returns to the caller or reports anything.
 */
#ifndef LIKELY_REPORT_H
#define LIKELY_REPORT_H

#include <stdbool.h>

#include "likely/base/diag.h"
#include "likely/core/ledger.h"
#include "likely/report/scoreboard.h"
#include "likely/base/sha256.h"

struct lexicon;

struct report_options {
	const char *dir;               /* --out: created (with parents) when missing */
	const char *as_of;             /* ISO date */
	int bins;                      /* 0 exact, else N equal-width bins */
	bool exclude_partial;          /* --partial exclude */
	long min_n;                    /* --min-n: fewer scored forecasts are not ranked */
	bool excel;                    /* BOM and CRLF in the CSV files */
	const char *options;           /* the options in force, as the report names them */
	const char *narrowed;          /* --author/--topic/--from/--to in words, NULL: all */
	const char *config;            /* configuration directory in force, NULL: built in */
	const struct lexicon *lexicon; /* the cue table in force */
};

/* What the report says about the previous run (store_score_previous). */
struct report_previous {
	long long run; /* its number in the database */
	const char *as_of;
	const char *options;
	long scored;
	double brier; /* NAN when it scored nothing */
};

struct report;

/*
 * Creates o->dir when missing and the temporary files, and starts
 * forecasts.csv and the digest.  Returns LIKELY_OK with *out set, or
 * LIKELY_CANTCREAT (reported to d) with *out NULL.  o and its strings must
 * outlive the report.
 */
int report_open(const struct report_options *o, struct diag *d, struct report **out);

/* Appends one scored forecast, its (p - o)^2 being score, to forecasts.csv
 * and to the digest, in the order given (ledger order). */
void report_forecast(struct report *r, const struct forecast *f, double score);

/*
 * The SHA-256 (hex) of the scored records: the ledger CSV that `likely
 * export` would write for exactly these forecasts -- its header line and
 * their records, in the order they were given.  Ends the digest: call once,
 * after the last report_forecast.
 */
void report_digest(struct report *r, char out[SHA256_HEX_LEN]);

/* Tells the report about the previous run (copied); without this call the
 * report says there is none.  Then report_previous_group for its groups
 * "all" and "author" (others are ignored), to show each change. */
void report_previous(struct report *r, const struct report_previous *prev);
void report_previous_group(struct report *r, const char *by, const char *author, double brier);

/*
 * Adds one point of an earlier run to the trend (store_score_trend order:
 * by as-of date, "all" first, then authors); strings are copied.  The
 * points of this run are added by report_write from the scoreboard.
 */
void report_trend_point(struct report *r, const char *as_of, const char *by, const char *author,
			long n, double brier);

/*
 * Writes scores.csv, calibration.csv, report.md, calibration.svg,
 * trend.csv, trend.svg and scorecard.xlsx from sb (finished) and the
 * trend points into their temporary files.  Returns LIKELY_OK, or
 * LIKELY_IOERR (reported) when a file could not be written.
 */
int report_write(struct report *r, const struct scoreboard *sb);

/* Moves every file into place.  LIKELY_OK, or the first error (74 write,
 * 73 rename; reported); files not yet moved are removed. */
int report_commit(struct report *r);

/* Frees the report; files not committed are removed.  NULL is fine. */
void report_free(struct report *r);

#endif
