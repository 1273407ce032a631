/*
 * score: checks the options, streams the accepted forecasts from the
 * store into the scoreboard and the report, compares with the previous
 * run, writes the reports and records the run.
 *
 * The command table marks score DB_OWN_TX rather than DB_WRITE, for two
 * reasons: a missing database is an error (66, "run likely init") instead
 * of a new empty one and an empty scorecard that a cron job would publish
 * with exit 0; and the long read runs in a read transaction, so editors
 * can resolve forecasts while a big ledger is scored.
 *
 * The pass over the ledger runs on two threads (see struct refused); the
 * report adds its own for the workbook (report_xlsx.c).
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/cli/cli.h"
#include "likely/core/forecastpipe.h"
#include "likely/extract/extract.h"
#include "likely/report/report.h"
#include "likely/report/scoreboard.h"
#include "likely/store/store.h"
#include "likely/store/store_score.h"

/* What the command line may give: a->value[OPT_X] (NULL when not
 * given) and a->seen[OPT_X]. */
enum {
	OPT_AS_OF,
	OPT_OUT,
	OPT_BINS,
	OPT_PARTIAL,
	OPT_MIN_N,
	OPT_EXCEL,
	OPT_AUTHOR,
	OPT_TOPIC,
	OPT_FROM,
	OPT_TO,
	NOPTS
};

static const struct cli_option option_list[NOPTS] = {
	CLI_OPTION(OPT_AS_OF, "as-of", 0, CLI_VALUE),
	CLI_OPTION(OPT_OUT, "out", 0, CLI_VALUE),
	CLI_OPTION(OPT_BINS, "bins", 0, CLI_VALUE),
	CLI_OPTION(OPT_PARTIAL, "partial", 0, CLI_VALUE),
	CLI_OPTION(OPT_MIN_N, "min-n", 0, CLI_VALUE),
	CLI_OPTION(OPT_EXCEL, "excel", 0, CLI_FLAG),
	CLI_OPTION(OPT_AUTHOR, "author", 0, CLI_VALUE),
	CLI_OPTION(OPT_TOPIC, "topic", 0, CLI_VALUE),
	CLI_OPTION(OPT_FROM, "from", 0, CLI_VALUE),
	CLI_OPTION(OPT_TO, "to", 0, CLI_VALUE),
};

#define BINS_MAX 1000

/*
 * The pass over the ledger runs on two threads.  This one, which alone
 * may touch the database, reads each row and sorts it into the
 * scoreboard; a pipe (core/forecastpipe.c) hands every row read, with
 * its score (NAN: not scored), to a second thread that checks it by the
 * ledger's rules and writes the scored ones to forecasts.csv, the digest
 * and the workbook (report_forecast).  At a million forecasts the two
 * halves took about the same time one after the other.  The report is
 * that thread's alone until the pipe is finished, and the scoreboard
 * this one's.  The rows come from the store unchecked, so a row the
 * checks refuse is found on the second thread and reported from here
 * when the walk ends, before anything else (store_forecast_each's
 * last call), in the words and with the result of a row the store
 * refused: the run fails, and what was read after it is never used.
 */
struct refused {
	bool found;
	int col;
	const char *why; /* static (ledger_check_field) */
	char *id, *value;
};

struct writing {
	struct report *rep;
	struct refused bad;
};

struct gather {
	struct store *store;
	struct scoreboard *sb;
	struct forecastpipe *pipe;
	struct writing *w;
	const char *author; /* --author: exactly this author, NULL: any */
	long from, to;      /* --from/--to as days; LONG_MIN/LONG_MAX when not given */
};

/* On the pipe's thread: what view_row did for the store, then the
 * scored row written. */
static int write_one(const struct forecast *f, double score, void *data)
{
	struct writing *w = data;
	for (int c = 0; c < LEDGER_NCOLS; c++) {
		const char *why = ledger_check_field(c, f->col[c]);
		if (why) {
			w->bad = (struct refused){true, c, why, xstrdup(f->col[COL_ID]),
						  xstrdup(f->col[c])};
			return LIKELY_DATAERR;
		}
	}
	if (!isnan(score))
		report_forecast(w->rep, f, score);
	return 0;
}

/* Every row goes down the pipe (to be checked), scored or not. */
static int gather_one(const struct forecast *f, void *data)
{
	struct gather *g = data;
	double score = NAN;
	long published;
	if (!f) {
		/* the walk's end: the pipe is done, and a refused row told */
		int rc = forecastpipe_finish(g->pipe);
		g->pipe = NULL;
		if (rc && g->w->bad.found)
			rc = store_forecast_refused(g->store, g->w->bad.id, g->w->bad.col,
						    g->w->bad.why, g->w->bad.value);
		return rc;
	}
	/* --from/--to: the publication day (a month-only date counts as the
	 * month's last day, as everywhere); an undated forecast is outside
	 * any period */
	if ((!g->author || strcmp(f->col[COL_AUTHOR], g->author) == 0) &&
	    ((g->from == LONG_MIN && g->to == LONG_MAX) ||
	     (ledger_published_day(f->col[COL_PUBLISHED], &published) && published >= g->from &&
	      published <= g->to)))
		scoreboard_add(g->sb, f, &score); /* NAN unless scored */
	return forecastpipe_put(g->pipe, f, score);
}

/*
 * --author, --topic, --from, --to: checks them, sets g's period, and
 * describes the narrowing in words for the report (words stays empty when
 * nothing narrows).
 */
static int opt_narrow(struct ctx *ctx, const struct cmd_args *a, struct gather *g,
		      struct buf *words)
{
	const char *author = a->value[OPT_AUTHOR], *topic = a->value[OPT_TOPIC];
	const char *from = a->value[OPT_FROM], *to = a->value[OPT_TO];
	int rc;
	g->author = author;
	g->from = LONG_MIN;
	g->to = LONG_MAX;
	if ((rc = opt_text(ctx, "author", author, 0)) || (rc = opt_text(ctx, "topic", topic, 0)) ||
	    (rc = opt_date(ctx, "from", from, &g->from)) || (rc = opt_date(ctx, "to", to, &g->to)))
		return rc;
	if (g->from > g->to)
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, "--from %s is after --to %s",
				   from, to);
	if (author)
		buf_printf(words, "author %s", author);
	if (topic)
		buf_printf(words, "%stopic %s", words->len ? ", " : "", topic);
	if (from || to) {
		buf_adds(words, words->len ? ", published" : "published");
		if (from)
			buf_printf(words, " from %s", from);
		if (to)
			buf_printf(words, " to %s", to);
	}
	return LIKELY_OK;
}

/* The narrowing options as the run's options name them. */
static void narrow_options(const struct cmd_args *a, struct buf *options)
{
	static const int narrowing[] = {OPT_AUTHOR, OPT_TOPIC, OPT_FROM, OPT_TO};
	for (size_t i = 0; i < sizeof narrowing / sizeof *narrowing; i++)
		if (a->value[narrowing[i]])
			buf_printf(options, i < 2 ? " --%s '%s'" : " --%s %s",
				   option_list[narrowing[i]].name, a->value[narrowing[i]]);
}

static int note_previous(const struct score_group_rec *g, void *data)
{
	report_previous_group(data, g->by, g->author, g->fig.brier);
	return 0;
}

static int note_trend(const struct score_trend_rec *t, void *data)
{
	report_trend_point(data, t->as_of, t->by, t->author, t->n, t->brier);
	return 0;
}

static int opt_bins(struct ctx *ctx, const char *value, int *bins)
{
	char *end;
	*bins = 0;
	if (!value || !strcmp(value, "exact"))
		return LIKELY_OK;
	errno = 0;
	long n = strtol(value, &end, 10);
	if (*value < '0' || *value > '9' || *end || errno || n < 1 || n > BINS_MAX)
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "--bins: '%s' is not 'exact' or a whole number from 1 to %d",
				   value, BINS_MAX);
	*bins = (int)n;
	return LIKELY_OK;
}

static int opt_partial(struct ctx *ctx, const char *value, bool *exclude)
{
	*exclude = false;
	if (!value || !strcmp(value, "half"))
		return LIKELY_OK;
	if (!strcmp(value, "exclude")) {
		*exclude = true;
		return LIKELY_OK;
	}
	return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
			   "--partial: '%s' is not one of half, exclude", value);
}

/* Records the run and its groups (cue rows are calibration only). */
static int record_run(struct ctx *ctx, const struct scoreboard *sb, const char *as_of,
		      const char *options, const char *digest)
{
	size_t n;
	const struct sb_group *g = scoreboard_groups(sb, &n);
	const struct sb_group *all = scoreboard_all(sb);
	struct score_run_rec run = {.as_of = as_of,
				    .created_at = ctx->now,
				    .options = options,
				    .digest = digest,
				    .scored = all->fig.n,
				    .brier = all->fig.brier};
	long long id;
	int rc = store_score_run_add(ctx->store, &run, &id);
	for (size_t i = 0; i < n && !rc; i++) {
		if (g[i].by == SB_CUE)
			continue;
		struct score_group_rec rec = {sb_by_name(g[i].by), g[i].author,  g[i].topic,
					      g[i].open,           g[i].overdue, g[i].void_count,
					      g[i].hedged,         g[i].fig};
		rc = store_score_group_add(ctx->store, id, &rec);
	}
	return rc;
}

static int cmd_score(struct ctx *ctx, const struct cmd_args *a)
{
	struct report_options ro = {.as_of = ctx->today, .min_n = 5};
	struct sb_options so;
	struct scoreboard *sb = NULL;
	struct report *rep = NULL;
	struct score_run_rec prev = {0};
	struct extract_config cfg;
	struct buf options, narrow;
	struct gather g = {0};
	struct writing w = {0};
	char digest[SHA256_HEX_LEN];
	long as_of;
	bool found = false;
	int rc;

	ro.dir = a->value[OPT_OUT] ? a->value[OPT_OUT] : "reports";
	if (a->value[OPT_AS_OF])
		ro.as_of = a->value[OPT_AS_OF];
	ro.excel = a->seen[OPT_EXCEL];
	buf_init(&options);
	buf_init(&narrow);
	if ((rc = opt_date(ctx, "as-of", ro.as_of, &as_of)) ||
	    (rc = opt_bins(ctx, a->value[OPT_BINS], &ro.bins)) ||
	    (rc = opt_partial(ctx, a->value[OPT_PARTIAL], &ro.exclude_partial)) ||
	    (rc = opt_count(ctx, "min-n", a->value[OPT_MIN_N], 1000000000L, &ro.min_n)))
		goto early;
	if (!*ro.dir) {
		rc = diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				 "--out: the directory name is empty");
		goto early;
	}
	if ((rc = opt_narrow(ctx, a, &g, &narrow)))
		goto early;
	/* the lexicon in force is part of the scorecard (SPEC §7) */
	if ((rc = extract_config_find(ctx->config_dir, &ctx->diag, &cfg))) {
		extract_config_release(&cfg);
		goto early;
	}
	ro.config = strcmp(cfg.origin, "built-in") ? cfg.origin : NULL;
	ro.lexicon = &cfg.lexicon;

	/* The options that change figures, in one canonical form: recorded
	 * with the run and printed in the report. */
	buf_printf(&options, "--as-of %s --bins ", ro.as_of);
	if (ro.bins)
		buf_printf(&options, "%d", ro.bins);
	else
		buf_adds(&options, "exact");
	buf_printf(&options, " --partial %s --min-n %ld%s", ro.exclude_partial ? "exclude" : "half",
		   ro.min_n, ro.excel ? " --excel" : "");
	narrow_options(a, &options);
	ro.options = options.data;
	ro.narrowed = narrow.len ? narrow.data : NULL;

	so = (struct sb_options){
		.as_of = ro.as_of, .exclude_partial = ro.exclude_partial, .bins = ro.bins};
	sb = scoreboard_new(&so);
	if ((rc = report_open(&ro, &ctx->diag, &rep)))
		goto out;
	/* Read one snapshot without the write lock, then record the run in a
	 * short write transaction. */
	if ((rc = store_begin_read(ctx->store)))
		goto out;
	struct forecast_filter flt = {
		.status = "accepted", .topic = a->value[OPT_TOPIC], .unchecked = true};
	w.rep = rep;
	g.store = ctx->store;
	g.sb = sb;
	g.w = &w;
	g.pipe = forecastpipe_start(write_one, &w);
	rc = store_forecast_each(ctx->store, &flt, gather_one, &g);
	/* (store_forecast_each finished it, unless it failed before a row) */
	forecastpipe_finish(g.pipe);
	g.pipe = NULL;
	if (rc)
		goto out;
	scoreboard_finish(sb);
	report_digest(rep, digest);
	/* A narrowed scorecard is a view: it is not recorded, and neither
	 * compared with the recorded (whole) runs nor drawn in their trend. */
	if (!ro.narrowed && (rc = store_score_previous(ctx->store, ro.as_of, &prev, &found)))
		goto out;
	if (found) {
		struct report_previous rp = {prev.id, prev.as_of, prev.options, prev.scored,
					     prev.brier};
		report_previous(rep, &rp);
		if ((rc = store_score_group_each(ctx->store, prev.id, NULL, note_previous, rep)))
			goto out;
	}
	if ((!ro.narrowed && (rc = store_score_trend(ctx->store, ro.as_of, note_trend, rep))) ||
	    (rc = report_write(rep, sb)) || (rc = store_commit(ctx->store)))
		goto out;
	/* The files are placed only once the run is recorded (and a busy
	 * database is known before any report is replaced); the run is kept
	 * only once the files are placed. */
	if ((rc = store_begin(ctx->store)) ||
	    (!ro.narrowed && (rc = record_run(ctx, sb, ro.as_of, ro.options, digest))) ||
	    (rc = report_commit(rep)) || (rc = store_commit(ctx->store)))
		goto out;

	const struct score_figures *all = &scoreboard_all(sb)->fig;
	if (all->n)
		diag_note(&ctx->diag,
			  "%ld forecast%s scored as of %s, Brier %.3f; reports written "
			  "to %s",
			  all->n, all->n == 1 ? "" : "s", ro.as_of, all->brier, ro.dir);
	else
		diag_note(&ctx->diag, "nothing scored as of %s; reports written to %s", ro.as_of,
			  ro.dir);
out:
	store_rollback(ctx->store);
	if (found)
		store_score_run_release(&prev);
	report_free(rep);
	scoreboard_free(sb);
	free(w.bad.id);
	free(w.bad.value);
	extract_config_release(&cfg);
early:
	buf_release(&options);
	buf_release(&narrow);
	return rc;
}

const struct command command_score = {
	.name = "score",
	.run = cmd_score,
	.min_operands = 0,
	.max_operands = 0,
	.db = DB_OWN_TX,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "compute scores and write the reports",
	.usage = "score [--as-of DATE] [--out DIR] [--bins N|exact] "
		 "[--partial half|exclude] [--min-n N] [--excel] [--author A] [--topic T] "
		 "[--from DATE] [--to DATE]",
	.details = "  --as-of DATE        score what was known on this day (default today)\n"
		   "  --out DIR           where the reports go (default reports)\n"
		   "  --bins N|exact      calibration bins: N equal-width, or one per stated\n"
		   "                      probability (default exact)\n"
		   "  --partial half|exclude   a partial outcome counts 0.5, or is left out\n"
		   "  --min-n N           authors with fewer scored forecasts are not ranked (5)\n"
		   "  --excel             BOM and CRLF in the CSV files\n"
		   "  --author A          score only the forecasts whose author is exactly A\n"
		   "  --topic T           score only forecasts with topic T\n"
		   "  --from DATE         score only forecasts published on or after DATE\n"
		   "  --to DATE           score only forecasts published on or before DATE\n"
		   "Writes scores.csv, calibration.csv, forecasts.csv, report.md,\n"
		   "calibration.svg, scorecard.xlsx, trend.csv and trend.svg, and records\n"
		   "the run in the database (a narrowed run is not recorded).\n",
};
