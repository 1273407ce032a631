/*
 * report: the CSV files and the chart of SPEC §7, the digest, and the
 * all-or-nothing placing of the files.  report.md is in report_md.c.
 *
 * CSV conventions (NOTES-dependencies.md §4): text quoted and guarded
 * against formulas, numbers and ISO dates unquoted so that spreadsheets
 * type them, an undefined figure an empty cell.
 */
#include "report_impl.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "likely/chart.h"
#include "likely/score.h"

const char *const report_file_names[RF_NFILES] = {
	"scores.csv", "calibration.csv", "forecasts.csv", "report.md", "calibration.svg"};

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
	*out = r;
	return LIKELY_OK;
fail:
	report_free(r);
	return rc;
}

/* csvw_double, through the report's cache of formatted numbers. */
static void put_double(struct report *r, struct csv_writer *w, double v)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof bits);
	size_t slot = (size_t)((bits ^ bits >> 17 ^ bits >> 31 ^ bits >> 47) & 4095);
	if (!r->num_cache[slot].used || r->num_cache[slot].bits != bits) {
		csv_format_double(v, r->num_cache[slot].text);
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

void report_previous_group(struct report *r, const char *by, const char *author, long n,
			   double brier)
{
	(void)n;
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

static void write_scores(struct report *r, const struct scoreboard *sb)
{
	static const char *const header[] = {
		"by", "author", "topic", "n", "open", "overdue", "void", "hedged",
		"base_rate", "mean_probability", "brier", "brier_se", "reliability",
		"resolution", "uncertainty", "within_bin_variance", "within_bin_covariance",
		"skill", "log_score", "ece", "spiegelhalter_z", "spiegelhalter_p", NULL};
	struct csv_writer w;
	size_t n;
	const struct sb_group *g = scoreboard_groups(sb, &n);

	csvw_init(&w, r->file[RF_SCORES].fp, csv_flags(r));
	csvw_header(&w, header);
	for (size_t i = 0; i < n; i++, g++) {
		const struct score_figures *f = &g->fig;
		if (g->by == SB_CUE)
			continue;
		csvw_raw(&w, sb_by_name(g->by));
		csvw_text(&w, g->author);
		csvw_text(&w, g->topic);
		csvw_long(&w, f->n);
		csvw_long(&w, g->open);
		csvw_long(&w, g->overdue);
		csvw_long(&w, g->void_count);
		csvw_long(&w, g->hedged);
		const double v[] = {f->base_rate, f->mean_probability, f->brier, f->brier_se,
				    f->reliability, f->resolution, f->uncertainty,
				    f->within_bin_variance, f->within_bin_covariance, f->skill,
				    f->log_score, f->ece, f->spiegelhalter_z, f->spiegelhalter_p};
		for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
			put_double(r, &w, v[k]);
		csvw_end(&w);
	}
}

static void write_calibration(struct report *r, const struct scoreboard *sb)
{
	static const char *const header[] = {
		"by", "author", "topic", "cue", "bin_low", "bin_high", "n",
		"mean_probability", "observed", "observed_low", "observed_high", NULL};
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
	chart_reliability_svg(&svg, bins, nb, title.data);
	fwrite(svg.data, 1, svg.len, r->file[RF_CHART].fp);
	buf_release(&title);
	buf_release(&svg);
	free(bins);
}

int report_write(struct report *r, const struct scoreboard *sb)
{
	struct buf md;
	int rc = LIKELY_OK;

	write_scores(r, sb);
	write_calibration(r, sb);
	write_chart(r, sb);
	buf_init(&md);
	report_markdown(r, sb, &md);
	fwrite(md.data, 1, md.len, r->file[RF_MARKDOWN].fp);
	buf_release(&md);
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
	fileset_free(r->set);
	buf_release(&r->row);
	strset_free(r->prev_authors);
	free(r->prev_brier);
	if (r->has_prev) {
		free((char *)r->prev.as_of);
		free((char *)r->prev.options);
	}
	free(r);
}
