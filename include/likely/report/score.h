/*
 * score: the pure mathematics of scoring (SPEC §6).  No SQLite, no CSV, no
 * files, no printing: the caller adds (probability, outcome) pairs to a
 * table and reads figures and calibration bins back.
 *
 * Outcomes are only 0, 0.5 (partial) and 1, so the table keeps exact
 * integer counts per distinct stated probability.  Memory grows with the
 * number of distinct probabilities, never with the number of rows, and
 * every figure is computed from the counts with compensated (Neumaier)
 * summation over the distinct values, sorted ascending, so the result does
 * not depend on the order the rows were added in and agrees with exact
 * arithmetic far inside SPEC's 1e-9 relative, even for tens of millions
 * of rows.
 *
 * Undefined figures are NAN; callers print NAN as an empty cell.
 */
#ifndef LIKELY_SCORE_H
#define LIKELY_SCORE_H

#include <stddef.h>

#include "likely/report/score_figures.h"

/* The z of a two-sided 95% interval, as SPEC §6 fixes it. */
#define SCORE_WILSON_Z 1.959963984540054
/* Floor for the log score's probabilities: ln max(p, eps). */
#define SCORE_LOG_EPS 1e-15
/* The largest bin count score_compute/score_calibration honour. */
#define SCORE_BINS_MAX 1000000

/* Outcome in half units: 0 = no, 1 = partial (0.5), 2 = yes. */
enum score_outcome {
	SCORE_NO = 0,
	SCORE_PARTIAL = 1,
	SCORE_YES = 2
};

struct score_table;

/* Returns a new empty table; never NULL (out of memory exits). */
struct score_table *score_table_new(void);
/* Frees the table; NULL is a no-op. */
void score_table_free(struct score_table *t);
/* Forgets every forecast but keeps the memory, for reuse per group. */
void score_table_clear(struct score_table *t);
/*
 * Adds one forecast with stated probability p (0 <= p <= 1; -0 counts as
 * 0) and outcome half_units (enum score_outcome).  Returns 0, or -1 and
 * leaves the table unchanged when p is NaN or outside [0,1] or half_units
 * is not 0, 1 or 2.
 */
int score_table_add(struct score_table *t, double p, int half_units);
/*
 * Adds count identical forecasts at once (count >= 0), e.g. to merge
 * groups.  Returns 0, or -1 and leaves the table unchanged on the same
 * bad arguments as score_table_add, a negative count, or a total that
 * would overflow a long.
 */
int score_table_add_count(struct score_table *t, double p, int half_units, long count);
/*
 * Adds every forecast of src to dst (src is only read), e.g. to sum the
 * tables of several groups into a larger one.  Returns 0, or -1 when a
 * count would overflow a long; dst then holds part of src.
 */
int score_table_merge(struct score_table *dst, const struct score_table *src);
/*
 * Hints for a caller that adds to many tables, far more than the caches
 * hold: score_table_prefetch_table asks the processor to start loading
 * t's own fields, and score_table_prefetch (once those are loaded) the
 * slot where p's counts are, so that an add a little later finds them in
 * cache.  Neither reads nor changes the table's contents; both may do
 * nothing.
 */
void score_table_prefetch_table(const struct score_table *t);
void score_table_prefetch(const struct score_table *t, double p);
/* Returns the number of forecasts added since creation or clearing. */
long score_table_count(const struct score_table *t);
/* Returns the number of distinct stated probabilities in the table. */
size_t score_table_distinct(const struct score_table *t);

/*
 * Returns one forecast's Brier term (p - o)^2 with o = half_units / 2, for
 * forecasts.csv's score column; NAN on the arguments score_table_add
 * rejects.
 */
double score_squared_error(double p, int half_units);

/*
 * The bin, 0..bins-1, that holds p among bins equal-width bins on [0,1],
 * each closed on the left and the last also closed on the right.  Edge k
 * is the double nearest k/bins (what strtod gives for "0.3"), and p is
 * compared with the edges themselves, so p = 0.3 lands in [0.3,0.4) with
 * 10 bins although 0.3 * 10 may round below 3.  Returns 0 when bins < 1;
 * p outside [0,1] is clamped into the first or last bin.
 */
int score_bin_index(double p, int bins);

/* n, then the figures of score_figures.h, in its order and with its
 * names (struct members and columns alike). */
struct score_figures {
	long n; /* forecasts scored */
#define SCORE_FIGURE_MEMBER(name, kind, binned, label, meaning) double name;
	SCORE_FIGURES(SCORE_FIGURE_MEMBER)
#undef SCORE_FIGURE_MEMBER
};

/*
 * Fills *out with the figures of SPEC §6 for the forecasts in t.  bins 0
 * means exact bins (one per distinct stated probability); bins N > 0 means
 * N equal-width bins (see score_bin_index; N above SCORE_BINS_MAX counts as
 * SCORE_BINS_MAX, negative as 0).  Then
 *   brier = reliability - resolution + uncertainty
 *           + within_bin_variance - within_bin_covariance
 * holds to rounding (Stephenson, Coelho & Jolliffe 2008).  Figures that
 * are undefined are NAN: all of them (n = 0 aside) when t is empty,
 * brier_se when n < 2, skill when uncertainty is 0, the Spiegelhalter pair
 * when every p is 0, 0.5 or 1.  Never fails.
 */
void score_compute(const struct score_table *t, int bins, struct score_figures *out);

struct score_bin {
	double low, high; /* bin edges; both = p with exact bins */
	long n;
	double mean_probability;
	double observed;     /* mean outcome, partials count 0.5 */
	double observed_low; /* Wilson 95% score interval */
	double observed_high;
};

/*
 * Sets *out to a malloc'd array of the occupied bins in ascending order,
 * for bins as in score_compute, and returns how many there are.  The
 * caller frees *out with free(); when the table is empty it returns 0 and
 * sets *out to NULL.  Never fails (out of memory exits).
 */
size_t score_calibration(const struct score_table *t, int bins, struct score_bin **out);

/*
 * The Wilson (1927) 95% score interval for successes out of n trials
 * (successes may be fractional: partials count 0.5).  Return the lower /
 * upper bound; the lower is exactly 0 when successes is 0 and the upper
 * exactly 1 when successes is n.  Return NAN when n < 1 or successes is
 * outside [0, n].
 */
double score_wilson_low(double successes, long n);
double score_wilson_high(double successes, long n);

#endif
