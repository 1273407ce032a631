/*
 * report_impl: what report.c (CSV files, chart, orchestration) and
 * report_md.c (report.md) share and nobody else may see.
 */
#ifndef LIKELY_REPORT_IMPL_H
#define LIKELY_REPORT_IMPL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "likely/base/buf.h"
#include "likely/io/csvio.h"
#include "likely/io/fileset.h"
#include "likely/report/report.h"
#include "likely/base/strset.h"
#include "likely/report/xlsx.h"

enum report_file {
	RF_SCORES,
	RF_CALIBRATION,
	RF_FORECASTS,
	RF_MARKDOWN,
	RF_CHART,
	RF_XLSX,
	RF_TREND,
	RF_TREND_CHART,
	RF_NFILES
};

/* One point of the trend: a group's Brier score as of a date. */
struct report_trend_point {
	char *as_of, *by, *author;
	long n;
	double brier;
};

struct xlsx;
struct forecastpipe;

#define FIGURE_CACHE 4096

struct report {
	const struct report_options *o;
	struct diag *diag;
	struct fileset *set;
	struct {
		FILE *fp;
		const char *path;
	} file[RF_NFILES]; /* the set's files */
	struct csv_writer forecasts;
	/* scorecard.xlsx, written by name inside the set (report_xlsx.c) */
	struct xlsx *xlsx;
	char *xlsx_path;
	/* the forecasts sheet's rows: their thread, how many it was given,
	 * how many more were scored */
	struct forecastpipe *xlsx_rows;
	long xlsx_kept, xlsx_forecasts_dropped;
	/* its thread (report_xlsx_start) and what it leaves for
	 * report_xlsx_finish */
	pthread_t xlsx_thread;
	bool xlsx_threaded;
	const struct scoreboard *xlsx_sb;
	long xlsx_dropped[4];
	int xlsx_bad;
	const char *xlsx_why;
	struct xlsx_column forecast_cols[LEDGER_NCOLS + 1];
	/* the trend: earlier runs, then this one */
	struct report_trend_point *trend;
	size_t trend_n, trend_cap;
	/* The digest: each record is formatted as `likely export` would, into
	 * row, then hashed. */
	struct sha256 sha;
	struct buf row;
	struct csv_writer row_w;
	char digest[SHA256_HEX_LEN];
	/* Formatting a double (shortest text that reads back) is the main
	 * cost of writing the CSV files, and most values repeat: a score
	 * (p - o)^2 takes a few hundred values, bin edges and mean
	 * probabilities recur in every group.  Remember recent ones
	 * (direct-mapped; a miss just formats again). */
	struct {
		uint64_t bits;
		char text[32];
		bool used;
	} num_cache[4096];
	long scored;
	/* the workbook's figures (report_xlsx.c), the same way; touched by
	 * whichever thread writes the workbook at the time */
	struct {
		uint64_t bits;
		double value;
		bool used;
	} figure_cache[FIGURE_CACHE];
	/* The previous run, if any, and its Brier per author. */
	bool has_prev;
	struct report_previous prev;
	double prev_all_brier;
	struct strset *prev_authors; /* author -> index in prev_brier */
	double *prev_brier;
	size_t prev_n, prev_cap;
};

/* The file names, in enum report_file order. */
extern const char *const report_file_names[RF_NFILES];

/*
 * Appends to b the name of group g as the `group` column gives it, which
 * no two kinds of group share: "all forecasts"; an author or forecaster,
 * "unattributed" for none; "all authors / TOPIC" for a topic;
 * "AUTHOR / TOPIC" for a pair; "cue: CUE".
 */
void report_group_name(const struct sb_group *g, struct buf *b);

/* scorecard.xlsx (report_xlsx.c): open starts the workbook in a
 * temporary file (LIKELY_OK, or reported 73/1); forecast adds one row to
 * the forecasts sheet (made on a thread of its own until start; only the
 * first rows, the others counted); start fills the other sheets from sb (finished)
 * and the trend and writes the file, on a thread of its own when one can
 * be started -- neither may change until finish, which waits for it and
 * reports what it found (LIKELY_OK or reported 74); release removes the
 * temporary file. */
int report_xlsx_open(struct report *r);
void report_xlsx_forecast(struct report *r, const struct forecast *f, double score);
void report_xlsx_start(struct report *r, const struct scoreboard *sb);
int report_xlsx_finish(struct report *r);
void report_xlsx_release(struct report *r);

/* The name of a trend point's group, as report_group_name gives it. */
const char *report_trend_name(const struct report_trend_point *t);

/* Writes report.md into b. */
void report_markdown(struct report *r, const struct scoreboard *sb, struct buf *b);

#endif
