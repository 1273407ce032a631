/*
 * report_xlsx: scorecard.xlsx, the scorecard as a workbook that opens
 * with no import dialog: the sheets scores, calibration and forecasts
 * hold what the CSV files of the same names hold, typed (whole numbers,
 * numbers, percentages, dates, text), and trend the recorded runs; the
 * calibration sheet carries the reliability diagram as a native chart.
 *
 * libxlsxwriter writes to a file name, not to a stream: it writes the
 * workbook's file inside the report's set (fileset_new_path), which then
 * places it with the other files (all or nothing), and a killed run
 * leaves nothing behind that the next run does not clean.
 *
 * Threads (one at a time ever touches the workbook, each handing it on by
 * being joined): the forecasts sheet's rows are made on a thread of
 * their own while the ledger is read (report_xlsx_forecast), and the
 * other sheets and the file on another while report_write writes the
 * other files (report_xlsx_start); what those threads find (rows left
 * out, a write error) is said by report_xlsx_finish, in the order it was
 * said when one thread did everything.
 */
#include "report_impl.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/date.h"
#include "likely/core/forecastpipe.h"
#include "likely/report/score.h"
#include "likely/report/xlsx.h"

enum {
	SHEET_SCORES,
	SHEET_CALIBRATION,
	SHEET_FORECASTS,
	SHEET_TREND
};

/*
 * The rows the forecasts and calibration sheets keep.  A workbook is for
 * reading in a spreadsheet; every cell costs (libxlsxwriter compresses
 * each one), and at a million scored forecasts the workbook took four
 * fifths of `score`'s time.  Beyond this the CSV files, which hold every
 * row, are the place; `score` says how many rows a sheet left out.
 */
#define WORKBOOK_SHEET_ROWS 20000L

/* by, author, topic, the counts and figures of score_figures.h, group */
#define COUNT_COLUMN(column, member, label, meaning) {column, XLSX_INTEGER},
/* clang-format off */
#define FIGURE_COLUMN(name, kind, binned, label, meaning) \
	{#name, (kind) == SCORE_SHARE ? XLSX_PERCENT : XLSX_NUMBER},
static const struct xlsx_column scores_cols[] = {
	{"by", XLSX_TEXT}, {"author", XLSX_TEXT}, {"topic", XLSX_TEXT},
	SCORE_COUNTS(COUNT_COLUMN) SCORE_FIGURES(FIGURE_COLUMN)
	{"group", XLSX_TEXT}};
/* clang-format on */

/* clang-format off */
static const struct xlsx_column calibration_cols[] = {
	{"by", XLSX_TEXT}, {"author", XLSX_TEXT}, {"topic", XLSX_TEXT}, {"cue", XLSX_TEXT},
	{"bin_low", XLSX_PERCENT}, {"bin_high", XLSX_PERCENT}, {"n", XLSX_INTEGER},
	{"mean_probability", XLSX_PERCENT}, {"observed", XLSX_PERCENT},
	{"observed_low", XLSX_PERCENT}, {"observed_high", XLSX_PERCENT},
	{"group", XLSX_TEXT}};
/* clang-format on */
enum {
	CAL_MEAN_P = 7,
	CAL_OBSERVED = 8,
	CAL_NCOLS = 12
};

static const struct xlsx_column trend_cols[] = {{"as_of", XLSX_DATE},   {"by", XLSX_TEXT},
						{"author", XLSX_TEXT},  {"n", XLSX_INTEGER},
						{"brier", XLSX_NUMBER}, {"group", XLSX_TEXT}};

/* The ledger's columns, typed; the rest are text. */
static enum xlsx_type ledger_type(int c)
{
	switch (c) {
	case COL_PUBLISHED:
	case COL_HORIZON:
	case COL_RESOLVED_ON:
		return XLSX_DATE;
	case COL_PROBABILITY:
		return XLSX_PERCENT;
	default:
		return XLSX_TEXT;
	}
}

/* A figure as the CSV files write it (12 significant digits), so a cell
 * holds the very value scores.csv shows, without the rounding noise.
 * A whole number below 10^12 is its own figure; the others go through
 * the text, remembered (direct-mapped, as report.c's num_cache): at a
 * million forecasts the workbook's thread spent a sixth of its time
 * formatting and reading back figures it had seen before. */
static void figure(struct report *r, size_t sheet, double v)
{
	if (fabs(v) < 1e12 && v == floor(v)) {
		xlsx_number(r->xlsx, sheet, v);
		return;
	}
	uint64_t bits;
	memcpy(&bits, &v, sizeof bits);
	size_t slot = (size_t)((bits ^ bits >> 17 ^ bits >> 31 ^ bits >> 47) & (FIGURE_CACHE - 1));
	if (!r->figure_cache[slot].used || r->figure_cache[slot].bits != bits) {
		char text[32];
		csv_format_figure(v, text);
		r->figure_cache[slot].bits = bits;
		r->figure_cache[slot].value = *text ? strtod(text, NULL) : NAN;
		r->figure_cache[slot].used = true;
	}
	xlsx_number(r->xlsx, sheet, r->figure_cache[slot].value);
}

int report_xlsx_open(struct report *r)
{
	long created = 0;

	r->xlsx_path = fileset_new_path(r->set, RF_XLSX);
	date_parse_iso(r->o->as_of, &created);
	r->xlsx = xlsx_new(r->xlsx_path, "likely scorecard", created);
	if (!r->xlsx)
		return diag_report(r->diag, LIKELY_FAILURE, report_file_names[RF_XLSX], 0,
				   "cannot start the workbook");

	for (int c = 0; c < LEDGER_NCOLS; c++)
		r->forecast_cols[c] = (struct xlsx_column){ledger_columns[c], ledger_type(c)};
	r->forecast_cols[LEDGER_NCOLS] = (struct xlsx_column){"score", XLSX_NUMBER};
	xlsx_add_sheet(r->xlsx, "scores", scores_cols, sizeof scores_cols / sizeof *scores_cols);
	xlsx_add_sheet(r->xlsx, "calibration", calibration_cols, CAL_NCOLS);
	xlsx_add_sheet(r->xlsx, "forecasts", r->forecast_cols, LEDGER_NCOLS + 1);
	xlsx_add_sheet(r->xlsx, "trend", trend_cols, sizeof trend_cols / sizeof *trend_cols);
	xlsx_limit_rows(r->xlsx, SHEET_FORECASTS, WORKBOOK_SHEET_ROWS);
	xlsx_limit_rows(r->xlsx, SHEET_CALIBRATION, WORKBOOK_SHEET_ROWS);
	return LIKELY_OK;
}

/* On the rows' thread: one row of the forecasts sheet. */
static int forecast_row(const struct forecast *f, double score, void *data)
{
	struct report *r = data;
	for (int c = 0; c < LEDGER_NCOLS; c++)
		xlsx_cell(r->xlsx, SHEET_FORECASTS, f->col[c]);
	figure(r, SHEET_FORECASTS, score);
	xlsx_end_row(r->xlsx, SHEET_FORECASTS);
	return 0;
}

/*
 * A row past the sheet's cap is only counted: making its cells (a date
 * parsed, a figure formatted and read back) was a tenth of `score`'s
 * time at a million forecasts.  The rows kept are made on a thread of
 * their own (a pipe, core/forecastpipe.c), which owns the workbook until
 * report_xlsx_start: the thread writing forecasts.csv spent a sixth of a
 * second on them while the thread reading the ledger waited for it.
 */
void report_xlsx_forecast(struct report *r, const struct forecast *f, double score)
{
	if (r->xlsx_kept == WORKBOOK_SHEET_ROWS) {
		r->xlsx_forecasts_dropped++;
		return;
	}
	if (!r->xlsx_rows)
		r->xlsx_rows = forecastpipe_start(forecast_row, r);
	forecastpipe_put(r->xlsx_rows, f, score);
	r->xlsx_kept++;
}

/* The workbook is this thread's again. */
static void rows_done(struct report *r)
{
	forecastpipe_finish(r->xlsx_rows);
	r->xlsx_rows = NULL;
}

static void group_text(struct report *r, size_t sheet, const struct sb_group *g)
{
	struct buf name;
	buf_init(&name);
	report_group_name(g, &name);
	xlsx_text(r->xlsx, sheet, name.data);
	buf_release(&name);
}

static void scores_sheet(struct report *r, const struct scoreboard *sb)
{
	size_t n;
	const struct sb_group *g = scoreboard_groups(sb, &n);
	for (size_t i = 0; i < n; i++, g++) {
		if (g->by == SB_CUE)
			continue;
		xlsx_text(r->xlsx, SHEET_SCORES, sb_by_name(g->by));
		xlsx_text(r->xlsx, SHEET_SCORES, g->author);
		xlsx_text(r->xlsx, SHEET_SCORES, g->topic);
#define COUNT_CELL(column, member, label, meaning)      figure(r, SHEET_SCORES, (double)g->member);
#define FIGURE_CELL(name, kind, binned, label, meaning) figure(r, SHEET_SCORES, g->fig.name);
		SCORE_COUNTS(COUNT_CELL)
		SCORE_FIGURES(FIGURE_CELL)
		group_text(r, SHEET_SCORES, g);
		xlsx_end_row(r->xlsx, SHEET_SCORES);
	}
}

/* Returns how many rows the "all" group has (the first rows, from 1). */
static long calibration_sheet(struct report *r, const struct scoreboard *sb)
{
	size_t n;
	long all_rows = 0;
	const struct sb_group *g = scoreboard_groups(sb, &n);
	for (size_t i = 0; i < n; i++, g++) {
		struct score_bin *bins;
		size_t nb = score_calibration(g->table, r->o->bins, &bins);
		if (g->by == SB_ALL)
			all_rows = (long)nb;
		for (size_t k = 0; k < nb; k++) {
			const struct score_bin *b = &bins[k];
			if (!xlsx_row_kept(r->xlsx, SHEET_CALIBRATION)) {
				xlsx_end_row(r->xlsx, SHEET_CALIBRATION);
				continue;
			}
			xlsx_text(r->xlsx, SHEET_CALIBRATION, sb_by_name(g->by));
			xlsx_text(r->xlsx, SHEET_CALIBRATION, g->author);
			xlsx_text(r->xlsx, SHEET_CALIBRATION, g->topic);
			xlsx_text(r->xlsx, SHEET_CALIBRATION, g->cue);
			const double v[] = {
				b->low,      b->high,         (double)b->n,    b->mean_probability,
				b->observed, b->observed_low, b->observed_high};
			for (size_t j = 0; j < sizeof v / sizeof v[0]; j++)
				figure(r, SHEET_CALIBRATION, v[j]);
			group_text(r, SHEET_CALIBRATION, g);
			xlsx_end_row(r->xlsx, SHEET_CALIBRATION);
		}
		free(bins);
	}
	return all_rows;
}

/* The reliability diagram of all forecasts, beside the calibration table:
 * its points are the "all" rows; the diagonal runs through (p, p) of the
 * same rows, so it needs no cells of its own. */
static void calibration_chart(struct report *r, long all_rows)
{
	if (all_rows < 1)
		return;
	const struct xlsx_series s[] = {
		{"perfect calibration", SHEET_CALIBRATION, 1, all_rows, CAL_MEAN_P, CAL_MEAN_P, 1},
		{"all forecasts", SHEET_CALIBRATION, 1, all_rows, CAL_MEAN_P, CAL_OBSERVED, 0}};
	xlsx_scatter(r->xlsx, SHEET_CALIBRATION, 1, CAL_NCOLS + 1,
		     "Reliability: stated against observed", "stated probability",
		     "observed frequency", s, 2);
}

static void trend_sheet(struct report *r)
{
	for (size_t i = 0; i < r->trend_n; i++) {
		const struct report_trend_point *t = &r->trend[i];
		xlsx_cell(r->xlsx, SHEET_TREND, t->as_of);
		xlsx_text(r->xlsx, SHEET_TREND, t->by);
		xlsx_text(r->xlsx, SHEET_TREND, t->author);
		xlsx_number(r->xlsx, SHEET_TREND, (double)t->n);
		figure(r, SHEET_TREND, t->brier);
		xlsx_text(r->xlsx, SHEET_TREND, report_trend_name(t));
		xlsx_end_row(r->xlsx, SHEET_TREND);
	}
}

/* The workbook's thread: the sheets that need the finished scoreboard,
 * then the file.  What it has to say waits in r for report_xlsx_finish. */
static void *write_workbook(void *data)
{
	struct report *r = data;
	const struct scoreboard *sb = r->xlsx_sb;

	scores_sheet(r, sb);
	calibration_chart(r, calibration_sheet(r, sb));
	trend_sheet(r);
	r->xlsx_dropped[SHEET_FORECASTS] = r->xlsx_forecasts_dropped;
	r->xlsx_dropped[SHEET_CALIBRATION] = xlsx_dropped(r->xlsx, SHEET_CALIBRATION);
	r->xlsx_bad = xlsx_close(r->xlsx, &r->xlsx_why);
	r->xlsx = NULL;
	return NULL;
}

/*
 * Deflating the workbook's parts was a seventh of `score`'s time at a
 * million forecasts, and the sheets before it as much again; the other
 * files do not need the workbook, so it is written on a thread of its own
 * while they are.  That thread alone touches r->xlsx until
 * report_xlsx_finish; it reads the finished scoreboard and the trend,
 * which nobody changes meanwhile, and reports nothing.
 */
void report_xlsx_start(struct report *r, const struct scoreboard *sb)
{
	rows_done(r);
	r->xlsx_sb = sb;
	r->xlsx_threaded = pthread_create(&r->xlsx_thread, NULL, write_workbook, r) == 0;
	if (!r->xlsx_threaded)
		write_workbook(r);
}

/* The notes on the capped sheets, then the workbook's error, as when it
 * was written on the caller's thread. */
int report_xlsx_finish(struct report *r)
{
	const char *name = r->file[RF_XLSX].path;

	if (r->xlsx_threaded) {
		pthread_join(r->xlsx_thread, NULL);
		r->xlsx_threaded = false;
	}
	static const struct {
		size_t sheet;
		const char *name;
	} capped[] = {{SHEET_FORECASTS, "forecasts"}, {SHEET_CALIBRATION, "calibration"}};
	for (size_t k = 0; k < sizeof capped / sizeof capped[0]; k++) {
		long dropped = r->xlsx_dropped[capped[k].sheet];
		if (dropped)
			diag_note(r->diag,
				  "%s: the %s sheet keeps its first %ld rows and "
				  "leaves out %ld (%s.csv has them all)",
				  name, capped[k].name, WORKBOOK_SHEET_ROWS, dropped,
				  capped[k].name);
	}
	if (r->xlsx_bad)
		return diag_report(r->diag, LIKELY_IOERR, name, 0, "cannot write the workbook: %s",
				   r->xlsx_why);
	return LIKELY_OK;
}

void report_xlsx_release(struct report *r)
{
	const char *why;
	if (r->xlsx_threaded) {
		pthread_join(r->xlsx_thread, NULL);
		r->xlsx_threaded = false;
	}
	rows_done(r);
	xlsx_close(r->xlsx, &why);
	r->xlsx = NULL;
	free(r->xlsx_path);
	r->xlsx_path = NULL;
}
