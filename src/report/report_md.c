/*
 * report_md: report.md, the scorecard for an editor.  Plain words first
 * (a summary, who is well calibrated, what went wrong, what waits for a
 * verdict), the definitions and the means to check the figures last.
 *
 * Numbers are printed with printf, whose decimal point is '.' because
 * likely never calls setlocale.  Text from the ledger is escaped so that
 * no claim can break a table or inject markup.
 */
#include "report_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/version.h"
#include "likely/extract/lexicon.h"
#include "likely/report/score.h"
#include "likely/extract/speaker.h"

/* Appends s on one line with Markdown's special characters escaped. */
static void md_text(struct buf *b, const char *s)
{
	char *flat = ledger_collapse_space(s);
	for (const char *p = flat; *p; p++) {
		if (strchr("\\`*_[]<>|~&", *p))
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	free(flat);
}

/* An id as code, unless a backtick in it would end the code span. */
static void md_code(struct buf *b, const char *s)
{
	if (strchr(s, '`') || strchr(s, '\n')) {
		md_text(b, s);
		return;
	}
	buf_addc(b, '`');
	buf_adds(b, s);
	buf_addc(b, '`');
}

/*
 * text as a link to url when url is a web address (http or https only: a
 * "javascript:" url must not become a link), else plain.  The characters
 * that would end or break the link's destination are percent-encoded.
 */
static void md_link(struct buf *b, const char *text, const char *url)
{
	bool web = !strncmp(url, "http://", 7) || !strncmp(url, "https://", 8);
	if (!web) {
		md_text(b, text);
		return;
	}
	buf_addc(b, '[');
	md_text(b, text);
	buf_adds(b, "](");
	for (const unsigned char *u = (const unsigned char *)url; *u; u++) {
		if (*u <= ' ' || *u == '(' || *u == ')' || *u == '<' || *u == '>' || *u == 0x7F)
			buf_printf(b, "%%%02X", *u);
		else
			buf_addc(b, (char)*u);
	}
	buf_addc(b, ')');
}

/* s as Markdown text, or what stands for it when it is empty. */
static void md_or(struct buf *b, const char *s, const char *missing)
{
	if (*s)
		md_text(b, s);
	else
		buf_adds(b, missing);
}

static void md_author(struct buf *b, const char *author)
{
	md_or(b, author, "unattributed");
}

/* A probability as a percentage: "70%", "72.5%". */
static void md_percent(struct buf *b, double p)
{
	double pc = p * 100.0;
	if (fabs(pc - nearbyint(pc)) < 1e-9)
		buf_printf(b, "%.0f%%", pc);
	else
		buf_printf(b, "%.1f%%", pc);
}

static void md_num(struct buf *b, double v, int decimals)
{
	if (isnan(v))
		buf_adds(b, "–");
	else
		buf_printf(b, "%.*f", decimals, v == 0 ? 0.0 : v);
}

/* "0.183 (0.090–0.276)": the Brier score and brier ± 1.96 se, kept in 0..1. */
static void md_brier(struct buf *b, const struct score_figures *f)
{
	if (f->n == 0) {
		buf_adds(b, "–");
		return;
	}
	md_num(b, f->brier, 3);
	if (isnan(f->brier_se))
		return;
	double lo = fmax(0.0, f->brier - SCORE_WILSON_Z * f->brier_se);
	double hi = fmin(1.0, f->brier + SCORE_WILSON_Z * f->brier_se);
	buf_printf(b, " (%.3f–%.3f)", lo, hi);
}

/* A count with thousands separators ("97,025"), written from digits so no
 * locale is involved.  Returns out. */
static const char *th(char out[32], long n)
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%ld", n < 0 ? -n : n), o = 0;
	if (n < 0)
		out[o++] = '-';
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return out;
}

/* "none are", "1 is", "3 are" */
static void md_how_many(struct buf *b, long n, const char *one, const char *many)
{
	char t[32];
	if (n == 0)
		buf_printf(b, "none %s", many); /* "none are": the plural reads better here */
	else
		buf_printf(b, "%s %s", th(t, n), n == 1 ? one : many);
}

static void md_count(struct buf *b, long n, const char *one, const char *many)
{
	char t[32];
	buf_printf(b, "%s %s", th(t, n), n == 1 ? one : many);
}

/* Change of a Brier score: lower is better. */
static void md_change(struct buf *b, double before, double now)
{
	if (isnan(before)) {
		buf_adds(b, "new");
		return;
	}
	if (isnan(now)) {
		buf_adds(b, "nothing scored now");
		return;
	}
	double d = now - before;
	if (fabs(d) < 0.0005)
		buf_adds(b, "unchanged");
	else
		buf_printf(b, "%.3f %s", fabs(d), d < 0 ? "better" : "worse");
}

static double prev_author_brier(const struct report *r, const char *author)
{
	long at;
	if (!r->has_prev || !strset_get(r->prev_authors, author, &at))
		return NAN;
	return r->prev_brier[at];
}

/* How many forecasts are scored, open, overdue, void and hedged. */
static void summary_counts(struct buf *b, const struct sb_group *all, long accepted, const char *d)
{
	char t[32];
	buf_printf(b, "This scorecard covers the accepted forecasts published by %s: ", d);
	md_count(b, accepted, "forecast", "forecasts");
	buf_adds(b, ". ");
	if (all->fig.n == 0)
		buf_printf(b,
			   "**Nothing is scored yet**: no accepted forecast with a stated "
			   "probability had a verdict (yes, no or partial) by %s. ",
			   d);
	else
		buf_printf(b, "%s of them %s settled and scored. ", th(t, all->fig.n),
			   all->fig.n == 1 ? "is" : "are");
	/* Open, overdue and void part the unscored; hedged cuts across them. */
	if (all->open == 0)
		buf_adds(b, "None are");
	else
		md_how_many(b, all->open, "is", "are");
	buf_adds(b, " still open, ");
	md_how_many(b, all->overdue, "is", "are");
	buf_printf(b, " past %s horizon with no verdict (see the review queue below), and ",
		   all->overdue == 1 ? "its" : "their");
	md_how_many(b, all->void_count, "was", "were");
	buf_adds(b, " voided. ");
	if (all->hedged == 0)
		buf_adds(b, "None is a hedged statement without a probability.\n\n");
	else
		buf_printf(b, "%s %s without a probability, which is never scored.\n\n",
			   th(t, all->hedged),
			   all->hedged == 1 ? "is a hedged statement" : "are hedged statements");
}

static void summary(struct report *r, const struct scoreboard *sb, struct buf *b)
{
	char n[32];
	const struct sb_totals *t = scoreboard_totals(sb);
	const struct sb_group *all = scoreboard_all(sb);
	const struct score_figures *f = &all->fig;
	const char *d = r->o->as_of;

	buf_printf(b, "# Forecast scorecard as of %s\n\n", d);
	if (r->o->narrowed) {
		buf_adds(b, "**Narrowed to ");
		md_text(b, r->o->narrowed);
		buf_adds(b, "**: only these forecasts are scored, and every figure below is "
			    "theirs. A narrowed scorecard is not recorded, and it is not compared "
			    "with the recorded runs.\n\n");
	}
	if (t->accepted == 0) {
		buf_printf(b,
			   "**Nothing is scored yet**: the ledger holds no accepted forecast "
			   "published by %s.\n\n",
			   d);
	} else {
		summary_counts(b, all, t->accepted, d);
	}
	if (f->n > 0) {
		buf_adds(b, "**Overall Brier score: ");
		md_num(b, f->brier, 3);
		buf_adds(b, "**");
		if (!isnan(f->brier_se)) {
			buf_printf(b, " (95%% range %.3f–%.3f)",
				   fmax(0.0, f->brier - SCORE_WILSON_Z * f->brier_se),
				   fmin(1.0, f->brier + SCORE_WILSON_Z * f->brier_se));
		}
		buf_adds(b, ". The Brier score is the mean squared gap between the stated "
			    "probability and what happened, on a scale from 0 (every forecast "
			    "certain and right) to 1 (every forecast certain and wrong); 0.25 is "
			    "what always saying 50% earns. ");
		if (isnan(f->skill)) {
			buf_adds(b, "Skill cannot be measured yet: every scored forecast had the "
				    "same outcome.");
		} else {
			buf_printf(b,
				   "Skill %.2f: %.0f%% %s than always forecasting the observed "
				   "rate of ",
				   f->skill, fabs(f->skill) * 100.0,
				   f->skill >= 0 ? "better" : "worse");
			md_percent(b, f->base_rate);
			buf_adds(b, ".");
		}
		buf_adds(b, "\n\n");
	}
	if (r->has_prev) {
		buf_printf(b, "Compared with the previous run (as of %s): ", r->prev.as_of);
		if (isnan(r->prev_all_brier) || f->n == 0) {
			buf_adds(b, "there is no overall Brier score to compare.");
		} else {
			buf_printf(b, "the overall Brier score went from %.3f to %.3f (",
				   r->prev_all_brier, f->brier);
			md_change(b, r->prev_all_brier, f->brier);
			buf_adds(b, ").");
		}
	} else if (!r->o->narrowed) {
		buf_printf(b,
			   "There is no earlier run (as of a date before %s) to compare "
			   "with.",
			   d);
	}
	if (t->settled_later)
		buf_printf(b, " %s %s settled after %s and %s as unsettled here.",
			   th(n, t->settled_later),
			   t->settled_later == 1 ? "forecast was" : "forecasts were", d,
			   t->settled_later == 1 ? "counts" : "count");
	if (t->partial_scored)
		buf_printf(b, " %s partial %s as half right (0.5).", th(n, t->partial_scored),
			   t->partial_scored == 1 ? "outcome counts" : "outcomes count");
	if (t->partial_dropped)
		buf_printf(b, " %s partial %s left out (--partial exclude).",
			   th(n, t->partial_dropped),
			   t->partial_dropped == 1 ? "outcome is" : "outcomes are");
	if (t->later)
		buf_printf(b, " %s accepted %s published after %s and %s not counted.",
			   th(n, t->later), t->later == 1 ? "forecast was" : "forecasts were", d,
			   t->later == 1 ? "is" : "are");
	buf_adds(b, "\n\n");
}

/* One row of a ranking table; rank 0 for the unranked.  Forecasters who
 * write for the outlet are marked; authors get the change since the last
 * run. */
static void ranking_row(struct report *r, const struct sb_group *g, long rank, struct buf *b)
{
	char t[3][32];
	buf_adds(b, "| ");
	if (rank > 0)
		buf_printf(b, "%ld | ", rank);
	md_author(b, g->author);
	if (g->by == SB_FORECASTER && g->own)
		buf_adds(b, " (author)");
	buf_printf(b, " | %s | ", th(t[0], g->fig.n));
	md_brier(b, &g->fig);
	buf_adds(b, " | ");
	md_num(b, g->fig.skill, 2);
	buf_printf(b, " | %s | %s | %s |", th(t[0], g->hedged), th(t[1], g->open),
		   th(t[2], g->overdue));
	if (g->by == SB_AUTHOR) {
		buf_adds(b, " ");
		md_change(b, prev_author_brier(r, g->author), g->fig.n ? g->fig.brier : NAN);
		buf_adds(b, " |");
	}
	buf_adds(b, "\n");
}

static int by_brier(const void *pa, const void *pb)
{
	const struct sb_group *a = *(const struct sb_group *const *)pa;
	const struct sb_group *b = *(const struct sb_group *const *)pb;
	if (a->fig.brier != b->fig.brier)
		return a->fig.brier < b->fig.brier ? -1 : 1;
	return strcmp(a->author, b->author);
}

static void table_head(struct buf *b, bool rank, const char *who, bool change)
{
	buf_printf(b,
		   "| %s%s | scored | Brier (95%% range) | skill | hedged | open | overdue |%s\n",
		   rank ? "rank | " : "", who, change ? " change |" : "");
	buf_printf(b, "|%s---|---:|---|---:|---:|---:|---:|%s\n", rank ? "---:|" : "",
		   change ? "---|" : "");
}

/*
 * The ranked table of one kind of group (authors or forecasters): those
 * with at least min_n scored forecasts best Brier first, then the others
 * by name with "" (unattributed) last, an editor looking for names.
 */
static void ranking_tables(struct report *r, const struct scoreboard *sb, enum sb_by by, long min_n,
			   struct buf *b)
{
	size_t n, nranked = 0, nother = 0;
	const struct sb_group *g = scoreboard_groups(sb, &n);
	const struct sb_group **ranked = xcalloc(n ? n : 1, sizeof *ranked);
	const struct sb_group **other = xcalloc(n ? n : 1, sizeof *other);
	const char *who = by == SB_AUTHOR ? "author" : "forecaster";
	bool change = by == SB_AUTHOR;

	for (size_t i = 0; i < n; i++) {
		if (g[i].by != by)
			continue;
		/* "unattributed" and "(unnamed)" are many people, or nobody:
		 * shown, never ranked */
		if (g[i].fig.n >= min_n && *g[i].author &&
		    strcmp(g[i].author, SPEAKER_UNNAMED) != 0)
			ranked[nranked++] = &g[i];
		else
			other[nother++] = &g[i];
	}
	qsort(ranked, nranked, sizeof *ranked, by_brier);
	if (nother > 1 && !*other[0]->author) {
		const struct sb_group *u = other[0];
		memmove(other, other + 1, (nother - 1) * sizeof *other);
		other[nother - 1] = u;
	}
	if (nranked) {
		table_head(b, true, who, change);
		for (size_t i = 0; i < nranked; i++)
			ranking_row(r, ranked[i], (long)i + 1, b);
	} else {
		buf_printf(b, "No %s has %ld scored forecast%s yet, so nobody is ranked.\n", who,
			   min_n, min_n == 1 ? "" : "s");
	}
	if (nother) {
		buf_printf(b,
			   "\nNot ranked (fewer than %ld scored forecast%s, or no %s "
			   "named):\n\n",
			   min_n, min_n == 1 ? "" : "s", who);
		table_head(b, false, who, change);
		for (size_t i = 0; i < nother; i++)
			ranking_row(r, other[i], 0, b);
	}
	buf_printf(b,
		   "\nFigures for each %s and topic together are in `scores.csv` "
		   "(`by` = `%s+topic`).\n\n",
		   who, who);
	free(ranked);
	free(other);
}

static void authors(struct report *r, const struct scoreboard *sb, struct buf *b)
{
	long min_n = r->o->min_n > 1 ? r->o->min_n : 1;
	buf_adds(b, "## Authors\n\n");
	buf_printf(b,
		   "Ranked by Brier score, best (lowest) first. Only authors with at least "
		   "%ld scored forecast%s are ranked (`--min-n`). The 95%% range is the Brier "
		   "score ± 1.96 standard errors: where two authors' ranges overlap, the "
		   "difference between them may be luck. *Hedged* counts statements without a "
		   "probability (an analyst who never commits cannot be wrong). *Change* is "
		   "the change in Brier score since the previous run",
		   min_n, min_n == 1 ? "" : "s");
	if (r->has_prev)
		buf_printf(b, " (as of %s)", r->prev.as_of);
	buf_adds(b, "; *new* means the author had no Brier score then.\n\n");
	ranking_tables(r, sb, SB_AUTHOR, min_n, b);
}

/* The people and organisations who made the forecasts: the speaker a
 * forecast is reported from, else its author. */
static void forecasters(struct report *r, const struct scoreboard *sb, struct buf *b)
{
	long min_n = r->o->min_n > 1 ? r->o->min_n : 1;
	buf_adds(b, "## Forecasters\n\n");
	buf_printf(b,
		   "Who made the forecasts: the analyst, expert or institution a "
		   "forecast is reported from (its speaker), else the article's author. "
		   "The outlet's own authors are marked *(author)*; `(unnamed)` gathers "
		   "forecasts reported from sources the articles do not name (shown, not "
		   "ranked: it is many people). Ranked as the authors are (at least %ld scored "
		   "forecast%s).\n\n",
		   min_n, min_n == 1 ? "" : "s");
	ranking_tables(r, sb, SB_FORECASTER, min_n, b);
}

static void topics(struct report *r, const struct scoreboard *sb, struct buf *b)
{
	char t[4][32];
	size_t n, shown = 0;
	const struct sb_group *g = scoreboard_groups(sb, &n);

	buf_adds(b, "## Topics\n\n");
	buf_adds(b, "A forecast with several topics counts in each.");
	if (r->o->min_n > 1)
		buf_printf(b,
			   " Topics with fewer than %ld scored forecasts are marked *few*: "
			   "their score says little yet.",
			   r->o->min_n);
	buf_adds(b, "\n\n");
	for (size_t i = 0; i < n; i++) {
		if (g[i].by != SB_TOPIC)
			continue;
		if (!shown++)
			buf_adds(b, "| topic | scored | Brier (95% range) | skill | open | overdue "
				    "| void | hedged |\n|---|---:|---|---:|---:|---:|---:|---:|\n");
		buf_adds(b, "| ");
		md_or(b, g[i].topic, "(no topic)");
		buf_printf(b, " | %s | ", th(t[0], g[i].fig.n));
		md_brier(b, &g[i].fig);
		if (g[i].fig.n > 0 && g[i].fig.n < r->o->min_n)
			buf_adds(b, " *few*");
		buf_adds(b, " | ");
		md_num(b, g[i].fig.skill, 2);
		buf_printf(b, " | %s | %s | %s | %s |\n", th(t[0], g[i].open),
			   th(t[1], g[i].overdue), th(t[2], g[i].void_count),
			   th(t[3], g[i].hedged));
	}
	if (!shown)
		buf_adds(b, "No forecasts yet.\n");
	buf_adds(b, "\n");
}

/* "3 of 4", "2.5 of 4": partials count half. */
static void md_successes(struct buf *b, double observed, long n)
{
	char t[2][32];
	double s = observed * (double)n;
	if (fabs(s - nearbyint(s)) < 1e-9)
		buf_printf(b, "%s of %s", th(t[0], (long)nearbyint(fabs(s))), th(t[1], n));
	else
		buf_printf(b, "%.1f of %s", s, th(t[1], n));
}

static void bin_label(struct buf *b, const struct score_bin *k, int bins)
{
	if (bins == 0) {
		md_percent(b, k->low);
		return;
	}
	md_percent(b, k->low);
	buf_adds(b, "–");
	md_percent(b, k->high);
}

struct cue_line {
	const struct sb_group *g;
	struct score_bin bin; /* all of the cue's forecasts in one bin */
};

static int by_stated(const void *pa, const void *pb)
{
	const struct cue_line *a = pa, *b = pb;
	if (a->bin.mean_probability != b->bin.mean_probability)
		return a->bin.mean_probability > b->bin.mean_probability ? -1 : 1;
	return strcmp(a->g->cue, b->g->cue);
}

static void cues(const struct scoreboard *sb, struct buf *b)
{
	size_t n, nc = 0;
	const struct sb_group *g = scoreboard_groups(sb, &n);
	struct cue_line *lines = xcalloc(n ? n : 1, sizeof *lines);

	for (size_t i = 0; i < n; i++) {
		struct score_bin *one;
		if (g[i].by != SB_CUE || score_calibration(g[i].table, 1, &one) != 1) {
			continue;
		}
		lines[nc].g = &g[i];
		lines[nc++].bin = one[0];
		free(one);
	}
	qsort(lines, nc, sizeof *lines, by_stated);
	buf_adds(b, "### By cue\n\nHow often the events happened, by the words the forecast "
		    "used (all bins together; `calibration.csv` has the rows with `by` = "
		    "`cue`).\n\n");
	if (!nc)
		buf_adds(b, "Nothing scored yet.\n");
	for (size_t i = 0; i < nc; i++) {
		const struct score_bin *k = &lines[i].bin;
		buf_adds(b, "- When the desk wrote ");
		if (*lines[i].g->cue) {
			buf_adds(b, "“");
			md_text(b, lines[i].g->cue);
			buf_adds(b, "”");
		} else {
			buf_adds(b, "with no cue recorded");
		}
		buf_adds(b, " (");
		if (score_table_distinct(lines[i].g->table) > 1)
			buf_adds(b, "on average ");
		md_percent(b, k->mean_probability);
		buf_adds(b, "), it happened in ");
		md_successes(b, k->observed, k->n);
		buf_adds(b, k->n == 1 ? " case (" : " cases (");
		md_percent(b, round(k->observed * 1000.0) / 1000.0);
		buf_adds(b, "; 95% range ");
		md_percent(b, round(k->observed_low * 1000.0) / 1000.0);
		buf_adds(b, "–");
		md_percent(b, round(k->observed_high * 1000.0) / 1000.0);
		buf_adds(b, ").\n");
	}
	buf_adds(b, "\n");
	free(lines);
}

static void calibration(struct report *r, const struct scoreboard *sb, struct buf *b)
{
	char t[32];
	struct score_bin *bins;
	size_t nb = score_calibration(scoreboard_all(sb)->table, r->o->bins, &bins);

	buf_adds(b, "## Calibration\n\n");
	buf_adds(b, "When the forecasts said a given probability, how often did the event "
		    "happen? On the chart, points on the diagonal are well calibrated; points "
		    "below it mean events happened less often than stated (overconfident), "
		    "points above it more often (too cautious). Bars are 95% intervals "
		    "(Wilson); bigger points hold more forecasts.\n\n");
	buf_adds(b, "![Reliability diagram](calibration.svg)\n\n");
	if (nb) {
		buf_printf(b,
			   "| %s | forecasts | mean stated | happened | 95%% range |\n"
			   "|---|---:|---:|---:|---|\n",
			   r->o->bins ? "stated (bin)" : "stated");
		for (size_t i = 0; i < nb; i++) {
			buf_adds(b, "| ");
			bin_label(b, &bins[i], r->o->bins);
			buf_printf(b, " | %s | ", th(t, bins[i].n));
			md_percent(b, round(bins[i].mean_probability * 1000.0) / 1000.0);
			buf_adds(b, " | ");
			md_percent(b, round(bins[i].observed * 1000.0) / 1000.0);
			buf_adds(b, " (");
			md_successes(b, bins[i].observed, bins[i].n);
			buf_adds(b, ") | ");
			md_percent(b, round(bins[i].observed_low * 1000.0) / 1000.0);
			buf_adds(b, "–");
			md_percent(b, round(bins[i].observed_high * 1000.0) / 1000.0);
			buf_adds(b, " |\n");
		}
		buf_adds(b, "\n");
	}
	free(bins);
	cues(sb, b);
}

/* The recorded runs and this one: the overall Brier score per run; the
 * authors' are in trend.csv and the chart. */
static void trend(struct report *r, struct buf *b)
{
	char t[32];
	size_t runs = 0;
	buf_adds(b, "## Trend\n\n");
	if (r->o->narrowed) {
		buf_adds(b, "A narrowed scorecard has no trend: the recorded runs score every "
			    "forecast. The trend is in the whole scorecard.\n\n");
		return;
	}
	for (size_t i = 0; i < r->trend_n; i++)
		runs += !strcmp(r->trend[i].by, "all");
	if (runs < 2) {
		buf_adds(b, "This is the first recorded run: the trend starts here. ");
	} else {
		buf_printf(b,
			   "The overall Brier score in each of the %zu runs, one per as-of "
			   "date (of several runs as of one date, the last recorded):\n\n"
			   "| as of | scored | Brier |\n|---|---:|---:|\n",
			   runs);
		for (size_t i = 0; i < r->trend_n; i++) {
			const struct report_trend_point *p = &r->trend[i];
			if (strcmp(p->by, "all"))
				continue;
			buf_printf(b, "| %s | %s | ", p->as_of, th(t, p->n));
			md_num(b, p->brier, 3);
			buf_adds(b, " |\n");
		}
		buf_adds(b, "\n![Brier score by run](trend.svg)\n\n");
	}
	buf_adds(b, "Each author's Brier score in every run is in `trend.csv` (and the "
		    "`trend` sheet of `scorecard.xlsx`); `trend.svg` draws all forecasts and the "
		    "ranked authors.\n\n");
}

static void pick_line(struct buf *b, size_t i, const struct sb_pick *k)
{
	const struct forecast *f = &k->f;
	buf_printf(b, "%zu. **", i + 1);
	md_percent(b, k->p);
	buf_printf(b, ", %s** (penalty %.3f): “",
		   k->half_units == SCORE_YES ? "happened" : "did not happen", k->score);
	md_text(b, f->col[COL_CLAIM]);
	buf_adds(b, "” — ");
	if (*f->col[COL_SPEAKER]) { /* a reported forecast: its maker first */
		md_text(b, f->col[COL_SPEAKER]);
		buf_adds(b, " (reported by ");
		md_author(b, f->col[COL_AUTHOR]);
		buf_adds(b, ")");
	} else {
		md_author(b, f->col[COL_AUTHOR]);
	}
	buf_printf(b, ", %s", f->col[COL_PUBLISHED]);
	if (*f->col[COL_TITLE]) {
		buf_adds(b, ", *");
		md_link(b, f->col[COL_TITLE], f->col[COL_URL]);
		buf_adds(b, "*");
	} else if (*f->col[COL_URL]) {
		buf_adds(b, ", ");
		md_link(b, "the article", f->col[COL_URL]);
	}
	buf_printf(b, "; settled %s", f->col[COL_RESOLVED_ON]);
	if (*f->col[COL_EVIDENCE]) {
		buf_adds(b, " (");
		md_text(b, f->col[COL_EVIDENCE]);
		buf_adds(b, ")");
	}
	buf_adds(b, "; id ");
	md_code(b, f->col[COL_ID]);
	buf_adds(b, "\n");
}

static void picks(const struct scoreboard *sb, struct buf *b)
{
	const struct sb_pick *k;
	size_t n = scoreboard_misses(sb, &k);

	buf_adds(b, "## Most confident misses\n\n");
	buf_adds(b, "Scored forecasts that came down on the wrong side of 50%, the most "
		    "confident first. The penalty is the forecast's own Brier score, "
		    "(p − o)²; partial outcomes are neither misses nor hits.\n\n");
	if (!n)
		buf_adds(b, "None: no scored forecast went against the side it took.\n");
	for (size_t i = 0; i < n; i++)
		pick_line(b, i, &k[i]);
	n = scoreboard_best(sb, &k);
	buf_adds(b, "\n## Best calls\n\nScored forecasts on the right side of 50%, the most "
		    "confident first.\n\n");
	if (!n)
		buf_adds(b, "None yet.\n");
	for (size_t i = 0; i < n; i++)
		pick_line(b, i, &k[i]);
	buf_adds(b, "\n");
}

static void queue(struct report *r, const struct scoreboard *sb, struct buf *b)
{
	char t[32];
	const struct sb_pick *k;
	size_t n = scoreboard_queue(sb, &k);
	long total = scoreboard_queue_total(sb);

	buf_adds(b, "## Review queue\n\n");
	if (!total) {
		buf_printf(b,
			   "Nothing is waiting: no accepted forecast was past its horizon "
			   "without a verdict on %s.\n\n",
			   r->o->as_of);
		return;
	}
	if (total == 1)
		buf_printf(b,
			   "1 accepted forecast is past its horizon with no verdict on %s. "
			   "Settle it with",
			   r->o->as_of);
	else
		buf_printf(b,
			   "%s accepted forecasts are past their horizon with no verdict on "
			   "%s, the oldest first. Settle them with",
			   th(t, total), r->o->as_of);
	buf_adds(b, " `likely resolve ID --outcome yes|no|partial|void`.\n\n");
	buf_adds(b, "| days overdue | horizon | author | claim | id |\n"
		    "|---:|---|---|---|---|\n");
	for (size_t i = 0; i < n; i++) {
		buf_printf(b, "| %ld | %s | ", k[i].overdue, k[i].f.col[COL_HORIZON]);
		md_author(b, k[i].f.col[COL_AUTHOR]);
		buf_adds(b, " | ");
		md_link(b, k[i].f.col[COL_CLAIM], k[i].f.col[COL_URL]);
		buf_adds(b, " | ");
		md_code(b, k[i].f.col[COL_ID]);
		buf_adds(b, " |\n");
	}
	if (total > (long)n)
		buf_printf(b, "\n…and %s more: `likely due --as-of %s` lists them all.\n",
			   th(t, total - (long)n), r->o->as_of);
	buf_adds(b, "\n");
}

static void figure_row(struct buf *b, const char *label, const char *column, double v,
		       const char *meaning)
{
	buf_printf(b, "| %s (`%s`) | ", label, column);
	md_num(b, v, 4);
	buf_printf(b, " | %s |\n", meaning);
}

/* A count's row; its meaning is a format given the outcomes scored
 * besides yes and no (score_figures.h). */
static void count_row(struct buf *b, const char *label, const char *column, const char *value,
		      const char *meaning, const char *partial)
{
	buf_printf(b, "| %s (`%s`) | %s | ", label, column, value);
	buf_printf(b, meaning, partial);
	buf_adds(b, " |\n");
}

/* A figure's row when shown; else, once, the row that says the figures
 * only binned probabilities have (the within-bin pair) are 0. */
static void definition_row(struct buf *b, bool shown, bool *zero_said, const char *label,
			   const char *column, double v, const char *meaning)
{
	if (shown) {
		figure_row(b, label, column, v, meaning);
	} else if (!*zero_said) {
		*zero_said = true;
		buf_adds(b, "| within-bin variance and covariance | 0 | with one bin per stated "
			    "probability (the default) these are 0 and Brier = reliability − "
			    "resolution + uncertainty exactly |\n");
	}
}

static void definitions(struct report *r, const struct scoreboard *sb, struct buf *b)
{
	char t[32];
	const struct sb_group *all = scoreboard_all(sb);
	const struct score_figures *f = &all->fig;

	buf_adds(b, "## What the figures mean\n\n");
	buf_adds(b, "Each scored forecast has a stated probability *p* and an outcome *o*: 1 "
		    "if it happened (yes), 0 if not (no), ");
	buf_adds(b, r->o->exclude_partial ? "and partial outcomes are left out "
					    "(`--partial exclude`). "
					  : "0.5 if it partly happened (partial). ");
	buf_adds(b, "The columns of `scores.csv` are these figures for every group "
		    "(`all`, each author, each topic, each author and topic); the overall "
		    "values are shown here.\n\n");
	buf_adds(b, "| figure (`scores.csv` column) | overall | what it means |\n"
		    "|---|---:|---|\n");
	/* the rows of score_figures.h, in its order */
	const char *partial = r->o->exclude_partial ? "" : ", partial";
#define COUNT_ROW(column, member, label, meaning)                                                  \
	count_row(b, label, column, th(t, all->member), meaning, partial);
	SCORE_COUNTS(COUNT_ROW)
	bool zero_said = false;
#define FIGURE_ROW(name, kind, binned, label, meaning)                                             \
	definition_row(b, !(binned) || r->o->bins, &zero_said, label, #name, f->name, meaning);
	SCORE_FIGURES(FIGURE_ROW)
	buf_printf(b,
		   "\nBins (`--bins`): %s. In `calibration.csv` each row is one bin of "
		   "one group: `n` forecasts, their `mean_probability`, the `observed` "
		   "frequency and its 95%% Wilson interval (`observed_low`, `observed_high`). "
		   "Only bins holding forecasts are listed.\n\n",
		   r->o->bins ? "equal-width bins, each closed on the left, the last one also "
				"on the right"
			      : "one bin per distinct stated probability (`exact`)");
}

/* Lexicon entries, most confident first, for the table in the report. */
static int by_probability(const void *pa, const void *pb)
{
	const struct lexicon_entry *a = *(const struct lexicon_entry *const *)pa;
	const struct lexicon_entry *b = *(const struct lexicon_entry *const *)pb;
	if (a->p != b->p)
		return a->p < b->p ? 1 : -1;
	return strcmp(a->cue, b->cue);
}

static void lexicon_table(const struct lexicon *lx, struct buf *b)
{
	const struct lexicon_entry **e = xcalloc(lx->n ? lx->n : 1, sizeof *e);
	for (size_t i = 0; i < lx->n; i++)
		e[i] = &lx->e[i];
	if (lx->n)
		qsort(e, lx->n, sizeof *e, by_probability);
	buf_adds(b, "| probability | cues |\n|---:|---|\n");
	for (size_t i = 0; i < lx->n;) {
		size_t j = i;
		buf_adds(b, "| ");
		md_percent(b, e[i]->p);
		buf_adds(b, " | ");
		for (; j < lx->n && e[j]->p == e[i]->p; j++) {
			buf_adds(b, j > i ? ", " : "");
			md_text(b, e[j]->cue);
		}
		buf_adds(b, " |\n");
		i = j;
	}
	buf_adds(b, "\nA plain \"will\" in the outlet's own voice counts as 95% (\"will not\" "
		    "as 5%) unless the lexicon gives those words a row. Hedges (may, might, "
		    "could) are kept without a probability and never scored.\n\n");
	free(e);
}

/* The lexicon in force (what extraction would use now), then the cues the
 * scored forecasts actually carry, which may differ where the ledger was
 * extracted with another lexicon or edited by hand. */
static void lexicon(struct report *r, const struct scoreboard *sb, struct buf *b)
{
	char t[32];
	size_t n, shown = 0;
	const struct sb_group *g = scoreboard_groups(sb, &n);

	buf_adds(b, "## Lexicon in force\n\n");
	if (r->o->config) {
		buf_adds(b, "Configuration: `");
		md_text(b, r->o->config);
		buf_adds(b, "` (its `lexicon.csv`, or the built-in default lexicon where that "
			    "file is missing).");
	} else {
		buf_adds(b, "Configuration: the built-in defaults (no `--config`, no "
			    "`$LIKELY_CONFIG`, no `predictions/config/`).");
	}
	buf_adds(b, "\n\n");
	if (r->o->lexicon)
		lexicon_table(r->o->lexicon, b);
	buf_adds(b, "The cues of the scored forecasts and the probability each carried; "
		    "where an editor changed some forecasts' probability, the most common one "
		    "is shown and the others are counted.\n\n");
	for (size_t i = 0; i < n; i++) {
		struct score_bin *bins;
		if (g[i].by != SB_CUE)
			continue;
		size_t nb = score_calibration(g[i].table, 0, &bins), top = 0;
		for (size_t k = 1; k < nb; k++)
			if (bins[k].n > bins[top].n)
				top = k;
		if (!shown++)
			buf_adds(b, "| cue | probability | scored forecasts | at other "
				    "probabilities |\n|---|---:|---:|---:|\n");
		buf_adds(b, "| ");
		md_or(b, g[i].cue, "(no cue)");
		buf_adds(b, " | ");
		md_percent(b, bins[top].low);
		buf_printf(b, " | %s | ", th(t, g[i].fig.n));
		buf_printf(b, "%s |\n", th(t, g[i].fig.n - bins[top].n));
		free(bins);
	}
	if (!shown)
		buf_adds(b, "(none scored yet)\n");
	buf_adds(b, "\n");
}

static void provenance(struct report *r, struct buf *b)
{
	char t[32];
	buf_adds(b, "## How this scorecard was made\n\n");
	buf_printf(b, "- Program: likely %s\n", LIKELY_VERSION);
	buf_printf(b, "- As of: %s\n", r->o->as_of);
	buf_printf(b, "- Options: `%s`\n", r->o->options);
	buf_printf(b,
		   "- Scored records: %s; SHA-256 `%s`. This is the digest of the ledger "
		   "CSV holding exactly the scored forecasts (header and rows as `likely "
		   "export` writes them, in ledger order; the rows of `forecasts.csv`): "
		   "rebuild that file from the ledger and compare `sha256sum`.\n",
		   th(t, r->scored), r->digest);
	if (r->has_prev) {
		buf_printf(b, "- Previous run: run %lld, as of %s, options `%s`, %s scored",
			   r->prev.run, r->prev.as_of, r->prev.options, th(t, r->prev.scored));
		if (!isnan(r->prev.brier))
			buf_printf(b, ", Brier %.3f", r->prev.brier);
		buf_adds(b, ". The previous run is the latest recorded run with an earlier "
			    "as-of date.\n");
	} else {
		buf_adds(b, "- Previous run: none (no recorded run with an earlier as-of "
			    "date).\n");
	}
	buf_adds(b, "- Files: `scores.csv` (every group), `calibration.csv` (every bin of "
		    "every group and cue), `forecasts.csv` (the scored forecasts with their "
		    "penalty), `calibration.svg` (the chart above), `trend.csv` and `trend.svg` "
		    "(the trend), `scorecard.xlsx` (all of it as a workbook).\n");
}

void report_markdown(struct report *r, const struct scoreboard *sb, struct buf *b)
{
	summary(r, sb, b);
	authors(r, sb, b);
	forecasters(r, sb, b);
	topics(r, sb, b);
	trend(r, b);
	calibration(r, sb, b);
	picks(sb, b);
	queue(r, sb, b);
	definitions(r, sb, b);
	lexicon(r, sb, b);
	provenance(r, b);
}
