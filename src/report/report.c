/*
 * report: the CSV files and the chart of SPEC §7, the digest, and the
 * all-or-nothing placing of the files.  report.md is in report_md.c.
 *
 * CSV conventions (NOTES-dependencies.md §4): text quoted and guarded
 * against formulas, numbers and ISO dates unquoted so that spreadsheets
 * type them, an undefined figure an empty cell.
 *
 * report_forecast runs on whichever thread score writes the rows on
 * (never two at once); report_write writes the workbook on a thread of
 * its own (report_xlsx.c) while it writes the other files here, and
 * meanwhile starts the big files' way to disk for report_commit.
 */
#include "report_impl.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "likely/report/chart.h"
#include "likely/base/date.h"
#include "likely/report/score.h"

const char *const report_file_names[RF_NFILES] = {"scores.csv", "calibration.csv", "forecasts.csv",
						  "report.md",  "calibration.svg", "scorecard.xlsx",
						  "trend.csv",  "trend.svg"};

static unsigned csv_flags(const struct report *r)
{
	return CSVW_GUARD_FORMULAS | (r->o->excel ? CSVW_BOM | CSVW_CRLF : 0);
}

static const char *const forecast_extra[] = {"score", NULL};

int report_open(const struct report_options *o, struct diag *d, struct report **out)
{
	struct report *r = xcalloc(1, sizeof *r);
	int rc;

	*out = NULL;
	r->o = o;
	r->diag = d;
	r->prev_all_brier = NAN;
	r->prev_authors = strset_new();
	if ((rc = fileset_open(o->dir, report_file_names, RF_NFILES, d, &r->set)))
		goto fail;
	for (int i = 0; i < RF_NFILES; i++) {
		r->file[i].fp = fileset_fp(r->set, (size_t)i);
		r->file[i].path = fileset_path(r->set, (size_t)i);
	}

	buf_init(&r->row);
	sha256_init(&r->sha);
	csvw_init_buf(&r->row_w, &r->row, 0);
	ledger_write_header(&r->row_w);
	sha256_update(&r->sha, r->row.data, r->row.len);

	csvw_init(&r->forecasts, r->file[RF_FORECASTS].fp, csv_flags(r));
	for (int c = 0; c < LEDGER_NCOLS; c++)
		csvw_raw(&r->forecasts, ledger_columns[c]);
	csvw_raw(&r->forecasts, forecast_extra[0]);
	csvw_end(&r->forecasts);
	if ((rc = report_xlsx_open(r)))
		goto fail;
	*out = r;
	return LIKELY_OK;
fail:
	report_free(r);
	return rc;
}

/* csv_format_figure, through the report's cache of formatted numbers. */
static void put_double(struct report *r, struct csv_writer *w, double v)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof bits);
	size_t slot = (size_t)((bits ^ bits >> 17 ^ bits >> 31 ^ bits >> 47) & 4095);
	if (!r->num_cache[slot].used || r->num_cache[slot].bits != bits) {
		csv_format_figure(v, r->num_cache[slot].text);
		r->num_cache[slot].bits = bits;
		r->num_cache[slot].used = true;
	}
	csvw_raw(w, r->num_cache[slot].text);
}

/* Dates and the stated probability go out unquoted, as in the ledger. */
static bool unquoted_column(int c)
{
	return c == COL_PUBLISHED || c == COL_PROBABILITY || c == COL_HORIZON ||
	       c == COL_RESOLVED_ON;
}

/* Whether forecasts.csv writes f's ledger columns as the ledger does:
 * unless a text column trips the formula guard, or Excel's CR LF ends the
 * record, its row is the ledger record with the score before the end. */
static bool row_as_ledger(const struct report *r, const struct forecast *f)
{
	if (r->forecasts.flags & CSVW_CRLF)
		return false;
	for (int c = 0; c < LEDGER_NCOLS; c++)
		if (!unquoted_column(c) && csvw_guards(&r->forecasts, f->col[c]))
			return false;
	return true;
}

void report_forecast(struct report *r, const struct forecast *f, double score)
{
	/* The record as `likely export` writes it is formatted once, hashed,
	 * and most often written out too. */
	buf_reset(&r->row);
	ledger_write_record(&r->row_w, f);
	sha256_update(&r->sha, r->row.data, r->row.len);

	if (row_as_ledger(r, f)) {
		csvw_fields(&r->forecasts, r->row.data, r->row.len - 1);
	} else {
		for (int c = 0; c < LEDGER_NCOLS; c++) {
			if (unquoted_column(c))
				csvw_raw(&r->forecasts, f->col[c]);
			else
				csvw_text(&r->forecasts, f->col[c]);
		}
	}
	put_double(r, &r->forecasts, score);
	csvw_end(&r->forecasts);
	report_xlsx_forecast(r, f, score);
	r->scored++;
}

void report_digest(struct report *r, char out[SHA256_HEX_LEN])
{
	sha256_final_hex(&r->sha, r->digest);
	memcpy(out, r->digest, SHA256_HEX_LEN);
}

void report_previous(struct report *r, const struct report_previous *prev)
{
	r->has_prev = true;
	r->prev = *prev;
	r->prev.as_of = xstrdup(prev->as_of);
	r->prev.options = xstrdup(prev->options);
}

void report_previous_group(struct report *r, const char *by, const char *author, double brier)
{
	if (!strcmp(by, "all")) {
		r->prev_all_brier = brier;
		return;
	}
	if (strcmp(by, "author") != 0)
		return;
	if (r->prev_n == r->prev_cap) {
		r->prev_cap = r->prev_cap ? 2 * r->prev_cap : 64;
		r->prev_brier = xrealloc(r->prev_brier, r->prev_cap * sizeof *r->prev_brier);
	}
	if (strset_add(r->prev_authors, author, (long)r->prev_n, NULL))
		r->prev_brier[r->prev_n++] = brier;
}

/* An empty author is "unattributed" on an author row but "all authors" on
 * a topic row; the name says which (issue 11). */
void report_group_name(const struct sb_group *g, struct buf *b)
{
	const char *who = *g->author ? g->author : "unattributed";
	switch (g->by) {
	case SB_ALL:
		buf_adds(b, "all forecasts");
		break;
	case SB_AUTHOR:
	case SB_FORECASTER:
		buf_adds(b, who);
		break;
	case SB_TOPIC:
		buf_printf(b, "all authors / %s", g->topic);
		break;
	case SB_AUTHOR_TOPIC:
	case SB_FORECASTER_TOPIC:
		buf_printf(b, "%s / %s", who, g->topic);
		break;
	case SB_CUE:
		buf_printf(b, "cue: %s", g->cue);
		break;
	}
}

static void put_group_name(struct csv_writer *w, const struct sb_group *g)
{
	struct buf name;
	buf_init(&name);
	report_group_name(g, &name);
	csvw_text(w, name.data);
	buf_release(&name);
}

void report_trend_point(struct report *r, const char *as_of, const char *by, const char *author,
			long n, double brier)
{
	if (r->trend_n == r->trend_cap) {
		r->trend_cap = r->trend_cap ? 2 * r->trend_cap : 64;
		r->trend = xrealloc(r->trend, r->trend_cap * sizeof *r->trend);
	}
	r->trend[r->trend_n++] = (struct report_trend_point){xstrdup(as_of), xstrdup(by),
							     xstrdup(author), n, n ? brier : NAN};
}

const char *report_trend_name(const struct report_trend_point *t)
{
	if (!strcmp(t->by, "all"))
		return "all forecasts";
	return *t->author ? t->author : "unattributed";
}

/* This run's points: "all", then the authors (sorted, as the earlier
 * runs' points are). */
static void trend_add_this_run(struct report *r, const struct scoreboard *sb)
{
	size_t n;
	const struct sb_group *g = scoreboard_groups(sb, &n);
	for (size_t i = 0; i < n; i++)
		if (g[i].by == SB_ALL || g[i].by == SB_AUTHOR)
			report_trend_point(r, r->o->as_of, sb_by_name(g[i].by), g[i].author,
					   g[i].fig.n, g[i].fig.brier);
}

static void write_trend(struct report *r)
{
	static const char *const header[] = {"as_of", "by", "author", "n", "brier", "group", NULL};
	struct csv_writer w;
	csvw_init(&w, r->file[RF_TREND].fp, csv_flags(r));
	csvw_header(&w, header);
	for (size_t i = 0; i < r->trend_n; i++) {
		const struct report_trend_point *t = &r->trend[i];
		csvw_raw(&w, t->as_of);
		csvw_raw(&w, t->by);
		csvw_text(&w, t->author);
		csvw_long(&w, t->n);
		put_double(r, &w, t->brier);
		csvw_text(&w, report_trend_name(t));
		csvw_end(&w);
	}
}

/* The most lines trend.svg draws: all forecasts and seven authors. */
#define TREND_LINES 8

/* Fills line (its arrays malloc'd) with the points of group by/author. */
static void trend_line(const struct report *r, const char *by, const char *author, const char *name,
		       struct chart_line *line)
{
	long *day = xmalloc((r->trend_n ? r->trend_n : 1) * sizeof *day);
	double *value = xmalloc((r->trend_n ? r->trend_n : 1) * sizeof *value);
	size_t n = 0;
	for (size_t i = 0; i < r->trend_n; i++) {
		const struct report_trend_point *t = &r->trend[i];
		if (strcmp(t->by, by) || strcmp(t->author, author) ||
		    !date_parse_iso(t->as_of, &day[n]))
			continue;
		value[n++] = t->brier;
	}
	*line = (struct chart_line){name, n, day, value};
}

/*
 * trend.svg: the Brier score of all forecasts and of the authors ranked
 * in this run (at least --min-n scored, named), at most seven of them, by
 * name, over the recorded runs.
 */
static void write_trend_chart(struct report *r)
{
	struct chart_line lines[TREND_LINES];
	size_t nl = 0;
	struct buf svg;
	long min_n = r->o->min_n > 1 ? r->o->min_n : 1;

	trend_line(r, "all", "", "all forecasts", &lines[nl++]);
	for (size_t i = 0; i < r->trend_n && nl < TREND_LINES; i++) {
		const struct report_trend_point *t = &r->trend[i];
		if (!strcmp(t->as_of, r->o->as_of) && !strcmp(t->by, "author") && *t->author &&
		    t->n >= min_n)
			trend_line(r, "author", t->author, t->author, &lines[nl++]);
	}
	buf_init(&svg);
	chart_trend_svg(&svg, lines, nl, "Brier score by run (0 best, 1 worst)", "Brier score");
	fwrite(svg.data, 1, svg.len, r->file[RF_TREND_CHART].fp);
	buf_release(&svg);
	for (size_t i = 0; i < nl; i++) {
		free((void *)lines[i].day);
		free((void *)lines[i].value);
	}
}

/* scores.csv's columns: by, author, topic, then the counts and figures of
 * score_figures.h, then group. */
#define COUNT_NAME(column, member, label, meaning)      column,
#define FIGURE_NAME(name, kind, binned, label, meaning) #name,

static void write_scores(struct report *r, const struct scoreboard *sb)
{
	static const char *const header[] = {
		"by", "author", "topic",
		SCORE_COUNTS(COUNT_NAME) SCORE_FIGURES(FIGURE_NAME) "group", NULL};
	struct csv_writer w;
	size_t n;
	const struct sb_group *g = scoreboard_groups(sb, &n);

	csvw_init(&w, r->file[RF_SCORES].fp, csv_flags(r));
	csvw_header(&w, header);
	for (size_t i = 0; i < n; i++, g++) {
		if (g->by == SB_CUE)
			continue;
		csvw_raw(&w, sb_by_name(g->by));
		csvw_text(&w, g->author);
		csvw_text(&w, g->topic);
#define PUT_COUNT(column, member, label, meaning)      csvw_long(&w, g->member);
#define PUT_FIGURE(name, kind, binned, label, meaning) put_double(r, &w, g->fig.name);
		SCORE_COUNTS(PUT_COUNT)
		SCORE_FIGURES(PUT_FIGURE)
		put_group_name(&w, g);
		csvw_end(&w);
	}
}

static void write_calibration(struct report *r, const struct scoreboard *sb)
{
	static const char *const header[] = {
		"by", "author",           "topic",    "cue",          "bin_low",       "bin_high",
		"n",  "mean_probability", "observed", "observed_low", "observed_high", "group",
		NULL};
	struct csv_writer w;
	size_t n;
	const struct sb_group *g = scoreboard_groups(sb, &n);

	csvw_init(&w, r->file[RF_CALIBRATION].fp, csv_flags(r));
	csvw_header(&w, header);
	for (size_t i = 0; i < n; i++, g++) {
		struct score_bin *bins;
		size_t nb = score_calibration(g->table, r->o->bins, &bins);
		for (size_t k = 0; k < nb; k++) {
			const struct score_bin *b = &bins[k];
			csvw_raw(&w, sb_by_name(g->by));
			csvw_text(&w, g->author);
			csvw_text(&w, g->topic);
			csvw_text(&w, g->cue);
			put_double(r, &w, b->low);
			put_double(r, &w, b->high);
			csvw_long(&w, b->n);
			put_double(r, &w, b->mean_probability);
			put_double(r, &w, b->observed);
			put_double(r, &w, b->observed_low);
			put_double(r, &w, b->observed_high);
			put_group_name(&w, g);
			csvw_end(&w);
		}
		free(bins);
	}
}

static void write_chart(struct report *r, const struct scoreboard *sb)
{
	struct score_bin *bins;
	struct buf svg, title;
	size_t nb = score_calibration(scoreboard_all(sb)->table, r->o->bins, &bins);

	buf_init(&svg);
	buf_init(&title);
	/* Short: the plot is 520 px wide and the bins are named in report.md. */
	buf_printf(&title, "All scored forecasts, as of %s", r->o->as_of);
	chart_reliability_svg(&svg, bins, nb, scoreboard_all(sb)->fig.base_rate, title.data);
	fwrite(svg.data, 1, svg.len, r->file[RF_CHART].fp);
	buf_release(&title);
	buf_release(&svg);
	free(bins);
}

int report_write(struct report *r, const struct scoreboard *sb)
{
	struct buf md;
	int rc = LIKELY_OK;

	/* the workbook is written meanwhile, from the trend as it is now */
	trend_add_this_run(r, sb);
	report_xlsx_start(r, sb);
	write_scores(r, sb);
	write_calibration(r, sb);
	write_chart(r, sb);
	write_trend(r);
	write_trend_chart(r);
	buf_init(&md);
	report_markdown(r, sb, &md);
	fwrite(md.data, 1, md.len, r->file[RF_MARKDOWN].fp);
	buf_release(&md);
	/* While the workbook is being written: the big files' bytes to disk,
	 * which report_commit's fsync then need not wait for (a fifth of a
	 * second at a million forecasts). */
	fileset_presync(r->set, RF_FORECASTS);
	fileset_presync(r->set, RF_CALIBRATION);
	rc = report_xlsx_finish(r);
	/* Find a full disk before any file replaces an older report. */
	for (int i = 0; i < RF_NFILES && !rc; i++)
		if (fflush(r->file[i].fp) != 0 || ferror(r->file[i].fp))
			rc = diag_report(r->diag, LIKELY_IOERR, r->file[i].path, 0,
					 "write error: %s", strerror(errno));
	return rc;
}

int report_commit(struct report *r)
{
	return fileset_commit(r->set);
}

void report_free(struct report *r)
{
	if (!r)
		return;
	report_xlsx_release(r);
	fileset_free(r->set);
	buf_release(&r->row);
	for (size_t i = 0; i < r->trend_n; i++) {
		free(r->trend[i].as_of);
		free(r->trend[i].by);
		free(r->trend[i].author);
	}
	free(r->trend);
	strset_free(r->prev_authors);
	free(r->prev_brier);
	if (r->has_prev) {
		free((char *)r->prev.as_of);
		free((char *)r->prev.options);
	}
	free(r);
}
