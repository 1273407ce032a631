/*
 * Unit tests for the scoring module (src/report/score.c).
 *
 * Test plan:
 *  - hand-worked cases for every formula, its source named beside it:
 *    Brier (1950) and its standard error; Murphy (1973) decomposition with
 *    exact bins; Stephenson, Coelho & Jolliffe (2008) within-bin terms with
 *    binned probabilities; log score with the 1e-15 clamp at p = 0 and 1;
 *    Spiegelhalter (1986) z and p; Wilson (1927) interval, fractional
 *    successes included; Naeini et al. (2015) ECE;
 *  - partial outcomes (uncertainty is mean (o - obar)^2, not obar(1-obar));
 *  - undefined figures: n == 0, uncertainty 0 (skill), Spiegelhalter with
 *    every p in {0, 0.5, 1}, brier_se with n == 1;
 *  - bins: p exactly on an edge, p = 1 in the last bin, edges for several
 *    bin counts, the one-ulp-below neighbour of each edge;
 *  - the table: -0 and 0 share a key, bad arguments leave it unchanged,
 *    figures do not depend on insertion order, clear and add_count;
 *  - merge: two tables merged hold what one table of all their rows holds
 *    (the worked example of Brier (1950) below, split in two);
 *  - the shared vectors (tests/data/score-vectors, via score_vectors.h made
 *    by gen_vectors.py): every group of every vector, exact and 10 bins,
 *    figures and calibration tables;
 *  - precision: ten million rows against the closed form worked by hand.
 * Tolerance everywhere: |actual - expected| <= max(1e-9 |expected|, 1e-12)
 * (the vectors' README and SPEC §6); NAN must match NAN.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "likely/report/score.h"
#include "score_vectors.h"

/*
 * cmocka 1.1.5's assert_float_equal casts to float, so doubles are
 * compared here and printed with all 17 digits.
 */
static void check_near(const char *ctx, double actual, double expected, const char *what,
                       const char *file, int line)
{
	int ok;
	if (isnan(expected))
		ok = isnan(actual);
	else
		ok = fabs(actual - expected) <= fmax(1e-9 * fabs(expected), 1e-12);
	if (!ok) {
		print_error("%s%s%s: %.17g, expected %.17g\n", ctx ? ctx : "", ctx ? ": " : "",
		            what, actual, expected);
		_fail(file, line);
	}
}

#define assert_near(actual, expected)                                                              \
	check_near(NULL, (actual), (expected), #actual, __FILE__, __LINE__)
/* The same, naming the vector and group a failure belongs to. */
#define assert_near_in(ctx, actual, expected)                                                      \
	check_near((ctx), (actual), (expected), #actual, __FILE__, __LINE__)

/* A tighter relative check, for where more than SPEC's 1e-9 is promised. */
static void check_rel(double actual, double expected, double tol, const char *what,
                      const char *file, int line)
{
	if (!(fabs(actual - expected) <= tol * fabs(expected))) {
		print_error("%s: %.17g, expected %.17g within %g relative\n", what, actual,
		            expected, tol);
		_fail(file, line);
	}
}

#define assert_rel(actual, expected, tol)                                                          \
	check_rel((actual), (expected), (tol), #actual, __FILE__, __LINE__)

/* Adds (p, half_units) pairs; n pairs follow. */
static struct score_table *table_of(size_t n, const double *p, const int *half_units)
{
	struct score_table *t = score_table_new();
	for (size_t i = 0; i < n; i++)
		assert_int_equal(score_table_add(t, p[i], half_units[i]), 0);
	return t;
}

/*
 * The running example: (0.8, yes), (0.6, no), (0.3, no), (0.3, yes).
 * (p - o)^2 = 0.04, 0.36, 0.09, 0.49; obar = 0.5; mean p = 0.5.
 */
static const double ex_p[] = {0.8, 0.6, 0.3, 0.3};
static const int ex_o[] = {SCORE_YES, SCORE_NO, SCORE_NO, SCORE_YES};

static void test_brier_by_hand(void **state)
{
	(void)state;
	struct score_table *t = table_of(4, ex_p, ex_o);
	struct score_figures f;
	score_compute(t, 0, &f);
	assert_int_equal(f.n, 4);
	assert_near(f.base_rate, 0.5);
	assert_near(f.mean_probability, 0.5);
	/* Brier (1950): (0.04 + 0.36 + 0.09 + 0.49) / 4 = 0.98 / 4. */
	assert_near(f.brier, 0.245);
	assert_near(score_squared_error(0.8, SCORE_YES), 0.04);
	assert_near(score_squared_error(0.6, SCORE_NO), 0.36);
	assert_near(score_squared_error(0.6, SCORE_PARTIAL), 0.01);
	assert_true(isnan(score_squared_error(1.2, SCORE_NO)));
	assert_true(isnan(score_squared_error(0.5, 3)));
	/*
	 * Sample sd / sqrt(n): deviations from 0.245 are -0.205, 0.115,
	 * -0.155, 0.245; squares sum to 0.1393; se = sqrt(0.1393 / 3 / 4).
	 */
	assert_near(f.brier_se, sqrt(0.1393 / 12.0));
	score_table_free(t);
}

static void test_murphy_exact_by_hand(void **state)
{
	(void)state;
	struct score_table *t = table_of(4, ex_p, ex_o);
	struct score_figures f;
	score_compute(t, 0, &f);
	/*
	 * Murphy (1973), one bin per value: 0.3 (n 2, obs 0.5), 0.6 (n 1,
	 * obs 0), 0.8 (n 1, obs 1).
	 * REL = (2 * 0.2^2 + 0.6^2 + 0.2^2) / 4 = 0.48 / 4 = 0.12
	 * RES = (2 * 0 + 0.5^2 + 0.5^2) / 4 = 0.125
	 * UNC = 0.5 * 0.5 = 0.25; 0.12 - 0.125 + 0.25 = 0.245 = brier.
	 */
	assert_near(f.reliability, 0.12);
	assert_near(f.resolution, 0.125);
	assert_near(f.uncertainty, 0.25);
	assert_near(f.within_bin_variance, 0.0);
	assert_near(f.within_bin_covariance, 0.0);
	/* Skill: 1 - 0.245 / 0.25 = 0.02. */
	assert_near(f.skill, 0.02);
	/* Naeini et al. (2015) ECE: (2 * 0.2 + 0.6 + 0.2) / 4 = 0.3. */
	assert_near(f.ece, 0.3);
	score_table_free(t);
}

static void test_stephenson_binned_by_hand(void **state)
{
	(void)state;
	struct score_table *t = table_of(4, ex_p, ex_o);
	struct score_figures f;
	score_compute(t, 2, &f);
	/*
	 * Stephenson, Coelho & Jolliffe (2008), two bins:
	 * [0, 0.5): 0.3, 0.3 with o 0, 1: fbar 0.3, obar 0.5;
	 * [0.5, 1]: 0.6, 0.8 with o 0, 1: fbar 0.7, obar 0.5.
	 * REL = (2 * 0.2^2 + 2 * 0.2^2) / 4 = 0.04;  RES = 0;  UNC = 0.25
	 * WBV = (0 + 0 + 0.1^2 + 0.1^2) / 4 = 0.005
	 * WBC = 2/4 * ((-0.1)(-0.5) + (0.1)(0.5)) = 0.05
	 * 0.04 - 0 + 0.25 + 0.005 - 0.05 = 0.245 = brier.
	 */
	assert_near(f.brier, 0.245);
	assert_near(f.reliability, 0.04);
	assert_near(f.resolution, 0.0);
	assert_near(f.uncertainty, 0.25);
	assert_near(f.within_bin_variance, 0.005);
	assert_near(f.within_bin_covariance, 0.05);
	/* ECE over the two bins: (2 * 0.2 + 2 * 0.2) / 4. */
	assert_near(f.ece, 0.2);

	struct score_bin *b;
	assert_int_equal(score_calibration(t, 2, &b), 2);
	assert_near(b[0].low, 0.0);
	assert_near(b[0].high, 0.5);
	assert_int_equal(b[0].n, 2);
	assert_near(b[0].mean_probability, 0.3);
	assert_near(b[0].observed, 0.5);
	assert_near(b[1].low, 0.5);
	assert_near(b[1].high, 1.0);
	assert_near(b[1].mean_probability, 0.7);
	assert_near(b[1].observed, 0.5);
	free(b);
	score_table_free(t);
}

static void test_log_score_by_hand(void **state)
{
	(void)state;
	struct score_table *t = table_of(4, ex_p, ex_o);
	struct score_figures f;
	score_compute(t, 0, &f);
	/* -(ln 0.8 + ln 0.4 + ln 0.7 + ln 0.3) / 4, natural log. */
	assert_near(f.log_score, -(log(0.8) + log(0.4) + log(0.7) + log(0.3)) / 4.0);
	score_table_free(t);
}

static void test_spiegelhalter_by_hand(void **state)
{
	(void)state;
	struct score_table *t = table_of(4, ex_p, ex_o);
	struct score_figures f;
	score_compute(t, 0, &f);
	/*
	 * Spiegelhalter (1986): sum (o - p)(1 - 2p) = -0.12 + 0.12 - 0.12 +
	 * 0.28 = 0.16; sum (1 - 2p)^2 p (1 - p) = 0.0576 + 0.0096 +
	 * 2 * 0.0336 = 0.1344; z = 0.16 / sqrt(0.1344) = 0.43643578...;
	 * two-sided p = erfc(z / sqrt 2) = 0.66252058... (SciPy agrees).
	 */
	assert_near(f.spiegelhalter_z, 0.4364357804719848);
	assert_near(f.spiegelhalter_p, 0.6625205835400575);
	score_table_free(t);

	/* Every p = 0.5: the denominator is 0, both figures undefined. */
	const double p[] = {0.5, 0.5, 0.0, 1.0};
	const int o[] = {SCORE_YES, SCORE_NO, SCORE_NO, SCORE_YES};
	t = table_of(4, p, o);
	score_compute(t, 0, &f);
	assert_true(isnan(f.spiegelhalter_z));
	assert_true(isnan(f.spiegelhalter_p));
	score_table_free(t);
}

static void test_wilson_by_hand(void **state)
{
	(void)state;
	const double z = SCORE_WILSON_Z, z2 = z * z;
	/*
	 * Wilson (1927): (s + z^2/2 +- z sqrt(s(n-s)/n + z^2/4)) / (n + z^2).
	 * s = n: the upper is 1 and the lower n / (n + z^2); s = 0 mirrors.
	 */
	assert_true(score_wilson_high(1, 1) == 1.0);
	assert_near(score_wilson_low(1, 1), 1.0 / (1.0 + z2));
	assert_true(score_wilson_low(0, 1) == 0.0);
	assert_near(score_wilson_high(0, 1), z2 / (1.0 + z2));
	assert_true(score_wilson_low(0, 1000000) == 0.0);
	/* Exactly, not up to rounding, for every n. */
	for (long n = 1; n <= 2000; n++) {
		assert_true(score_wilson_high((double)n, n) == 1.0);
		assert_true(score_wilson_low(0.0, n) == 0.0);
	}
	/* The vectors' README value for 1 of 1, 0.206549314377. */
	assert_near(score_wilson_low(1, 1), 0.206549314377);
	/* s = 0.5 of 1 (a partial): centre 0.5, half 0.5 z / sqrt(1 + z^2). */
	assert_near(score_wilson_low(0.5, 1), 0.5 - 0.5 * z / sqrt(1.0 + z2));
	assert_near(score_wilson_high(0.5, 1), 0.5 + 0.5 * z / sqrt(1.0 + z2));
	/* 5 of 8, from the closed form. */
	double half = z * sqrt(5.0 * 3.0 / 8.0 + z2 / 4.0);
	assert_near(score_wilson_low(5, 8), (5.0 + z2 / 2.0 - half) / (8.0 + z2));
	assert_near(score_wilson_high(5, 8), (5.0 + z2 / 2.0 + half) / (8.0 + z2));
	/* Mirror symmetry: low(s, n) = 1 - high(n - s, n). */
	assert_near(score_wilson_low(3, 40), 1.0 - score_wilson_high(37, 40));
	/* 1 of ten million: small, positive, no cancellation. */
	assert_true(score_wilson_low(1, 10000000) > 0.0);
	assert_near(score_wilson_low(1, 10000000) * score_wilson_high(1, 10000000),
	            1.0 / (10000000.0 * (10000000.0 + z2)));
	/* Outside the domain. */
	assert_true(isnan(score_wilson_low(0, 0)));
	assert_true(isnan(score_wilson_high(0, 0)));
	assert_true(isnan(score_wilson_low(3, 2)));
	assert_true(isnan(score_wilson_high(-1, 2)));
	assert_true(isnan(score_wilson_low(NAN, 2)));
}

static void test_partial_outcomes(void **state)
{
	(void)state;
	/* (0.6, partial), (0.6, yes), (0.2, partial), (0.2, no): o = 0.5, 1, 0.5, 0. */
	const double p[] = {0.6, 0.6, 0.2, 0.2};
	const int o[] = {SCORE_PARTIAL, SCORE_YES, SCORE_PARTIAL, SCORE_NO};
	struct score_table *t = table_of(4, p, o);
	struct score_figures f;
	score_compute(t, 0, &f);
	assert_near(f.base_rate, 0.5);
	/* (0.01 + 0.16 + 0.09 + 0.04) / 4. */
	assert_near(f.brier, 0.075);
	/* mean (o - 0.5)^2 = (0 + 0.25 + 0 + 0.25) / 4, not 0.5 * 0.5. */
	assert_near(f.uncertainty, 0.125);
	/*
	 * Bins 0.2 (obs 0.25) and 0.6 (obs 0.75):
	 * REL = (2 * 0.05^2 + 2 * 0.15^2) / 4 = 0.0125
	 * RES = (2 * 0.25^2 + 2 * 0.25^2) / 4 = 0.0625
	 * 0.0125 - 0.0625 + 0.125 = 0.075: the identity holds exactly.
	 */
	assert_near(f.reliability, 0.0125);
	assert_near(f.resolution, 0.0625);
	assert_near(f.skill, 1.0 - 0.075 / 0.125);
	/* A partial scores half of each log term. */
	assert_near(f.log_score,
	            -(1.5 * log(0.6) + 0.5 * log(0.4) + 0.5 * log(0.2) + 1.5 * log(0.8)) / 4.0);
	/* (0.5 - 0.6)(-0.2) + (0.4)(-0.2) + (0.3)(0.6) + (-0.2)(0.6) = 0. */
	assert_near(f.spiegelhalter_z, 0.0);
	assert_near(f.spiegelhalter_p, 1.0);
	assert_near(f.ece, (2 * 0.05 + 2 * 0.15) / 4.0);

	struct score_bin *b;
	assert_int_equal(score_calibration(t, 0, &b), 2);
	assert_near(b[0].low, 0.2);
	assert_near(b[0].high, 0.2);
	assert_near(b[0].observed, 0.25);
	assert_near(b[0].observed_low, score_wilson_low(0.5, 2));
	assert_near(b[0].observed_high, score_wilson_high(0.5, 2));
	assert_near(b[1].observed, 0.75);
	assert_near(b[1].observed_low, score_wilson_low(1.5, 2));
	/* 1.5 of 2 is not "everything happened": no forced 1. */
	assert_true(b[1].observed_high < 1.0);
	free(b);
	score_table_free(t);
}

static void assert_all_nan(const struct score_figures *f)
{
	const double v[] = {f->base_rate,       f->mean_probability,    f->brier,
	                    f->brier_se,        f->reliability,         f->resolution,
	                    f->uncertainty,     f->within_bin_variance, f->within_bin_covariance,
	                    f->skill,           f->log_score,           f->ece,
	                    f->spiegelhalter_z, f->spiegelhalter_p};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		assert_true(isnan(v[i]));
}

static void test_empty_table(void **state)
{
	(void)state;
	struct score_table *t = score_table_new();
	struct score_figures f;
	score_compute(t, 0, &f);
	assert_int_equal(f.n, 0);
	assert_all_nan(&f);
	score_compute(t, 10, &f);
	assert_int_equal(f.n, 0);
	assert_all_nan(&f);
	struct score_bin sentinel;
	struct score_bin *b = &sentinel; /* must come back NULL */
	assert_int_equal(score_calibration(t, 10, &b), 0);
	assert_null(b);
	score_table_free(t);
	score_table_free(NULL);
}

static void test_single_forecast(void **state)
{
	(void)state;
	struct score_table *t = score_table_new();
	assert_int_equal(score_table_add(t, 0.7, SCORE_YES), 0);
	struct score_figures f;
	score_compute(t, 0, &f);
	assert_near(f.brier, 0.09);
	/* A sample sd needs two forecasts. */
	assert_true(isnan(f.brier_se));
	assert_true(isnan(f.skill));
	score_table_free(t);
}

static void test_uncertainty_zero(void **state)
{
	(void)state;
	/* Everything happened: uncertainty 0, so skill is undefined. */
	const double p[] = {0.7, 0.9};
	const int o[] = {SCORE_YES, SCORE_YES};
	struct score_table *t = table_of(2, p, o);
	struct score_figures f;
	score_compute(t, 10, &f);
	assert_near(f.brier, (0.09 + 0.01) / 2.0);
	assert_near(f.uncertainty, 0.0);
	assert_true(isnan(f.skill));
	assert_near(f.base_rate, 1.0);
	score_table_free(t);

	/* All partial: obar 0.5 but every o equals it, so also 0. */
	t = score_table_new();
	score_table_add(t, 0.2, SCORE_PARTIAL);
	score_table_add(t, 0.6, SCORE_PARTIAL);
	score_compute(t, 0, &f);
	assert_true(f.uncertainty == 0.0);
	assert_true(isnan(f.skill));
	score_table_free(t);
}

static void test_log_clamp_at_0_and_1(void **state)
{
	(void)state;
	/* (0, yes) and (1, no) cost -ln 1e-15 = 15 ln 10; the others 0. */
	const double p[] = {0.0, 1.0, 1.0, 0.0};
	const int o[] = {SCORE_YES, SCORE_NO, SCORE_YES, SCORE_NO};
	struct score_table *t = table_of(4, p, o);
	struct score_figures f;
	score_compute(t, 0, &f);
	assert_true(isfinite(f.log_score));
	assert_near(f.log_score, 2.0 * 15.0 * log(10.0) / 4.0);
	assert_near(f.brier, 0.5);
	/* p(1 - p) = 0 everywhere: Spiegelhalter undefined. */
	assert_true(isnan(f.spiegelhalter_z));
	score_table_free(t);

	/* A partial at p = 0: -(0.5 ln 1e-15 + 0.5 ln 1). */
	t = score_table_new();
	score_table_add(t, 0.0, SCORE_PARTIAL);
	score_compute(t, 0, &f);
	assert_near(f.log_score, 7.5 * log(10.0));
	score_table_free(t);
}

static void test_bin_edges(void **state)
{
	(void)state;
	/* 0.3 * 10 and friends round below the integer in binary64. */
	assert_int_equal(score_bin_index(0.3, 10), 3);
	assert_int_equal(score_bin_index(0.7, 10), 7);
	assert_int_equal(score_bin_index(0.29, 100), 29);
	assert_int_equal(score_bin_index(0.58, 100), 58);
	assert_int_equal(score_bin_index(nextafter(0.3, 0.0), 10), 2);
	/* Closed on the left, the last one also on the right. */
	assert_int_equal(score_bin_index(0.0, 10), 0);
	assert_int_equal(score_bin_index(1.0, 10), 9);
	assert_int_equal(score_bin_index(0.9, 10), 9);
	assert_int_equal(score_bin_index(nextafter(1.0, 0.0), 10), 9);
	assert_int_equal(score_bin_index(0.5, 1), 0);
	assert_int_equal(score_bin_index(0.5, 0), 0);

	const int counts[] = {2, 3, 7, 10, 20, 25, 100, 1000};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		int nb = counts[i];
		for (int k = 0; k <= nb; k++) {
			double edge = (double)k / nb;
			int want = k < nb ? k : nb - 1;
			assert_int_equal(score_bin_index(edge, nb), want);
			if (k > 0)
				assert_int_equal(score_bin_index(nextafter(edge, 0.0), nb), k - 1);
		}
	}

	/* Through the calibration table: 0.3 lands in [0.3, 0.4). */
	struct score_table *t = score_table_new();
	score_table_add(t, 0.3, SCORE_YES);
	score_table_add(t, 1.0, SCORE_YES);
	struct score_bin *b;
	assert_int_equal(score_calibration(t, 10, &b), 2);
	assert_near(b[0].low, 0.3);
	assert_near(b[0].high, 0.4);
	assert_near(b[1].low, 0.9);
	assert_near(b[1].high, 1.0);
	assert_near(b[1].mean_probability, 1.0);
	free(b);
	score_table_free(t);
}

static void test_table(void **state)
{
	(void)state;
	struct score_table *t = score_table_new();
	assert_int_equal(score_table_add(t, 0.0, SCORE_NO), 0);
	assert_int_equal(score_table_add(t, -0.0, SCORE_YES), 0);
	assert_int_equal(score_table_distinct(t), 1);
	/* Bad arguments change nothing. */
	assert_int_equal(score_table_add(t, NAN, SCORE_NO), -1);
	assert_int_equal(score_table_add(t, 1.5, SCORE_NO), -1);
	assert_int_equal(score_table_add(t, -0.1, SCORE_NO), -1);
	assert_int_equal(score_table_add(t, 0.5, 3), -1);
	assert_int_equal(score_table_add(t, 0.5, -1), -1);
	assert_int_equal(score_table_add_count(t, 0.5, SCORE_NO, -2), -1);
	assert_int_equal(score_table_count(t), 2);
	assert_int_equal(score_table_distinct(t), 1);
	/* A zero count adds no empty bin. */
	assert_int_equal(score_table_add_count(t, 0.5, SCORE_NO, 0), 0);
	assert_int_equal(score_table_distinct(t), 1);

	/* Many distinct values force the hash map to grow. */
	for (int i = 0; i <= 1000; i++)
		assert_int_equal(score_table_add(t, i / 1000.0, i % 3), 0);
	assert_int_equal(score_table_count(t), 1003);
	assert_int_equal(score_table_distinct(t), 1001);
	for (int i = 0; i <= 1000; i++)
		assert_int_equal(score_table_add(t, i / 1000.0, SCORE_NO), 0);
	assert_int_equal(score_table_distinct(t), 1001);

	score_table_clear(t);
	assert_int_equal(score_table_count(t), 0);
	assert_int_equal(score_table_distinct(t), 0);
	assert_int_equal(score_table_add_count(t, 0.25, SCORE_YES, 3), 0);
	struct score_figures f;
	score_compute(t, 0, &f);
	assert_int_equal(f.n, 3);
	assert_near(f.brier, 0.5625);
	score_table_free(t);
}

static void test_merge(void **state)
{
	(void)state;
	/* test_brier_by_hand's four forecasts, (0.8, yes), (0.6, no), (0.3, no)
	 * and (0.3, yes): two in each table, 0.3 in both. */
	struct score_table *a = score_table_new(), *b = score_table_new();
	assert_int_equal(score_table_add(a, 0.8, SCORE_YES), 0);
	assert_int_equal(score_table_add(a, 0.3, SCORE_NO), 0);
	assert_int_equal(score_table_add(b, 0.6, SCORE_NO), 0);
	assert_int_equal(score_table_add(b, 0.3, SCORE_YES), 0);
	assert_int_equal(score_table_merge(a, b), 0);
	assert_int_equal(score_table_count(a), 4);
	assert_int_equal(score_table_distinct(a), 3);
	assert_int_equal(score_table_count(b), 2); /* b is only read */
	struct score_figures f;
	score_compute(a, 0, &f);
	/* (0.04 + 0.36 + 0.09 + 0.49) / 4 */
	assert_near(f.brier, 0.245);
	assert_near(f.base_rate, 0.5);
	/* Merging an empty table changes nothing. */
	score_table_clear(b);
	assert_int_equal(score_table_merge(a, b), 0);
	assert_int_equal(score_table_count(a), 4);
	score_table_free(a);
	score_table_free(b);
}

/* A fixed linear congruential sequence: tests must not use rand(). */
static uint32_t lcg_next(uint32_t *s)
{
	*s = *s * 1664525u + 1013904223u;
	return *s >> 8;
}

static void test_identity_and_order(void **state)
{
	(void)state;
	enum { N = 3000 };
	double p[N];
	int o[N];
	uint32_t s = 12345;
	for (int i = 0; i < N; i++) {
		p[i] = (double)(lcg_next(&s) % 1001) / 1000.0;
		o[i] = (int)(lcg_next(&s) % 3);
	}
	struct score_table *fwd = score_table_new();
	struct score_table *rev = score_table_new();
	for (int i = 0; i < N; i++) {
		score_table_add(fwd, p[i], o[i]);
		score_table_add(rev, p[N - 1 - i], o[N - 1 - i]);
	}
	/* Naive Brier in long double as an independent check. */
	long double sum = 0;
	for (int i = 0; i < N; i++) {
		long double d = (long double)p[i] - o[i] / 2.0L;
		sum += d * d;
	}
	const int bins[] = {0, 1, 3, 10, 17, 100};
	for (size_t i = 0; i < sizeof bins / sizeof bins[0]; i++) {
		struct score_figures f, g;
		score_compute(fwd, bins[i], &f);
		score_compute(rev, bins[i], &g);
		/* Same counts, same bytes: order of arrival is irrelevant. */
		assert_memory_equal(&f, &g, sizeof f);
		assert_near(f.brier, (double)(sum / N));
		/* Stephenson et al. (2008): the identity holds to rounding. */
		assert_true(fabs(f.reliability - f.resolution + f.uncertainty +
		                 f.within_bin_variance - f.within_bin_covariance - f.brier) <
		            1e-14);
		if (bins[i] == 0) {
			assert_true(f.within_bin_variance == 0.0);
			assert_true(f.within_bin_covariance == 0.0);
		}
	}
	score_table_free(fwd);
	score_table_free(rev);
}

static int row_in_group(const struct vec_row *r, const struct vec_group *g)
{
	return (!g->author || strcmp(r->author, g->author) == 0) &&
	       (!g->topic || strcmp(r->topic, g->topic) == 0);
}

static void check_bins(const char *ctx, const struct score_table *t, int nbins,
                       const struct vec_bin *want, size_t nwant)
{
	struct score_bin *b;
	size_t n = score_calibration(t, nbins, &b);
	assert_int_equal(n, nwant);
	for (size_t k = 0; k < n; k++) {
		assert_near_in(ctx, b[k].low, want[k].low);
		assert_near_in(ctx, b[k].high, want[k].high);
		assert_int_equal(b[k].n, want[k].n);
		assert_near_in(ctx, b[k].mean_probability, want[k].mean_probability);
		assert_near_in(ctx, b[k].observed, want[k].observed);
		assert_near_in(ctx, b[k].observed_low, want[k].observed_low);
		assert_near_in(ctx, b[k].observed_high, want[k].observed_high);
	}
	free(b);
}

static void test_shared_vectors(void **state)
{
	(void)state;
	size_t groups = 0;
	for (size_t v = 0; v < sizeof vec_sets / sizeof vec_sets[0]; v++) {
		const struct vec_set *set = &vec_sets[v];
		for (size_t gi = 0; gi < set->ngroups; gi++) {
			const struct vec_group *g = &set->groups[gi];
			char ctx[160];
			snprintf(ctx, sizeof ctx, "%s by %s %s %s", set->name, g->by,
			         g->author ? g->author : "-", g->topic ? g->topic : "-");
			struct score_table *t = score_table_new();
			for (size_t r = 0; r < set->nrows; r++)
				if (row_in_group(&set->rows[r], g))
					score_table_add(t, set->rows[r].p, set->rows[r].half_units);
			struct score_figures f;
			score_compute(t, 0, &f);
			assert_int_equal(f.n, g->n);
			assert_near_in(ctx, f.base_rate, g->base_rate);
			assert_near_in(ctx, f.mean_probability, g->mean_probability);
			assert_near_in(ctx, f.brier, g->brier);
			assert_near_in(ctx, f.skill, g->skill);
			assert_near_in(ctx, f.log_score, g->log_score);
			assert_near_in(ctx, f.spiegelhalter_z, g->spiegelhalter_z);
			assert_near_in(ctx, f.spiegelhalter_p, g->spiegelhalter_p);
			assert_near_in(ctx, f.reliability, g->exact_reliability);
			assert_near_in(ctx, f.resolution, g->exact_resolution);
			assert_near_in(ctx, f.uncertainty, g->exact_uncertainty);
			assert_near_in(ctx, f.within_bin_variance, 0.0);
			assert_near_in(ctx, f.within_bin_covariance, 0.0);
			assert_near_in(ctx, f.ece, g->exact_ece);

			score_compute(t, 10, &f);
			assert_near_in(ctx, f.brier, g->brier);
			assert_near_in(ctx, f.reliability, g->binned_reliability);
			assert_near_in(ctx, f.resolution, g->binned_resolution);
			assert_near_in(ctx, f.uncertainty, g->binned_uncertainty);
			assert_near_in(ctx, f.within_bin_variance, g->within_bin_variance);
			assert_near_in(ctx, f.within_bin_covariance, g->within_bin_covariance);
			assert_near_in(ctx, f.ece, g->binned_ece);

			check_bins(ctx, t, 0, g->exact, g->n_exact);
			check_bins(ctx, t, 10, g->binned, g->n_binned);
			score_table_free(t);
			groups++;
		}
	}
	/* 4 overall + 7 authors + 9 topics + 15 author+topic pairs. */
	assert_int_equal(groups, 35);
}

static void test_ten_million_rows(void **state)
{
	(void)state;
	/*
	 * Ten million forecasts at four probabilities, interleaved:
	 *   p     no         partial   yes
	 *   0.10  1,800,000  0           200,000
	 *   0.35  1,500,000  500,000   1,000,000
	 *   0.70    900,000  300,000   1,800,000
	 *   0.95    100,000  0         1,900,000
	 * Worked by hand (and checked with exact fractions):
	 *   sum (p - o)^2 = 18000 + 162000 + 183750 + 11250 + 422500
	 *                 + 441000 + 12000 + 162000 + 90250 + 4750 = 1507500
	 *   brier = 0.15075; mean p = 5,250,000 / 1e7 = 0.525;
	 *   obar = 5,300,000 / 1e7 = 0.53; uncertainty = 0.51 - 0.53^2 = 0.2291;
	 *   bin obs: 0.1, 5/12, 0.65, 0.95, so
	 *   REL = (3e6 (1/15)^2 + 3e6 0.05^2) / 1e7 = 1/480,
	 *   RES = (2e6 .43^2 + 3e6 (17/150)^2 + 3e6 .12^2 + 2e6 .42^2) / 1e7
	 *       = 2413/30000,  ECE = (3e6/15 + 3e6 0.05) / 1e7 = 0.035;
	 *   sum (d - brier)^2 = 645281.25 - 1e7 * 0.15075^2 = 418025.625;
	 *   Spiegelhalter: 120000 / sqrt(354375).
	 */
	static const struct {
		double p;
		long c[3];
	} rows[] = {
	    {0.10, {1800000, 0, 200000}},
	    {0.35, {1500000, 500000, 1000000}},
	    {0.70, {900000, 300000, 1800000}},
	    {0.95, {100000, 0, 1900000}},
	};
	long left[4][3];
	memcpy(left[0], rows[0].c, sizeof left[0]);
	memcpy(left[1], rows[1].c, sizeof left[1]);
	memcpy(left[2], rows[2].c, sizeof left[2]);
	memcpy(left[3], rows[3].c, sizeof left[3]);
	struct score_table *t = score_table_new();
	long added = 0;
	while (added < 10000000) {
		for (int i = 0; i < 4; i++)
			for (int j = 0; j < 3; j++)
				if (left[i][j] > 0) {
					left[i][j]--;
					score_table_add(t, rows[i].p, j);
					added++;
				}
	}
	assert_int_equal(score_table_count(t), 10000000);
	assert_int_equal(score_table_distinct(t), 4);

	struct score_figures f;
	score_compute(t, 0, &f);
	assert_near(f.brier, 0.15075);
	assert_near(f.mean_probability, 0.525);
	assert_near(f.base_rate, 0.53);
	assert_near(f.uncertainty, 0.2291);
	assert_near(f.reliability, 1.0 / 480.0);
	assert_near(f.resolution, 2413.0 / 30000.0);
	assert_near(f.skill, 1.0 - 0.15075 / 0.2291);
	assert_near(f.ece, 0.035);
	assert_near(f.brier_se, sqrt(418025.625 / 9999999.0 / 1e7));
	assert_near(f.spiegelhalter_z, 120000.0 / sqrt(354375.0));
	/*
	 * Exact counts do far better than SPEC's 1e-9: adding the ten million
	 * squared errors one by one in double is off by about 6e-11 here, so
	 * these fail for a scorer that sums rows.
	 */
	assert_rel(f.brier, 0.15075, 1e-14);
	assert_rel(f.mean_probability, 0.525, 1e-14);
	assert_rel(f.uncertainty, 0.2291, 1e-14);
	assert_rel(f.reliability, 1.0 / 480.0, 1e-14);
	assert_rel(f.resolution, 2413.0 / 30000.0, 1e-14);
	assert_near(f.spiegelhalter_p, 0.0);
	assert_near(f.log_score, -(1800000 * log(0.9) + 200000 * log(0.1) + 1500000 * log(0.65) +
	                           500000 * 0.5 * log(0.35 * 0.65) + 1000000 * log(0.35) +
	                           900000 * log(0.3) + 300000 * 0.5 * log(0.7 * 0.3) +
	                           1800000 * log(0.7) + 100000 * log(0.05) + 1900000 * log(0.95)) /
	                             1e7);

	/* Two bins pool 0.1 with 0.35 and 0.7 with 0.95: identity holds. */
	score_compute(t, 2, &f);
	assert_near(f.reliability - f.resolution + f.uncertainty + f.within_bin_variance -
	                f.within_bin_covariance,
	            0.15075);
	score_table_free(t);
}

/*
 * Figures whose exact value is zero come out as 0.0, not rounding noise
 * such as -2.7e-16 (issue 11): the noise is the difference of two doubles
 * that are equal in exact arithmetic, and a spreadsheet shows it as a
 * number.  Worked by hand with p as the decimal stated:
 *   A: five forecasts at 0.7, outcomes yes, yes, yes, partial, no:
 *      sum o = 3.5 = 5 * 0.7, so sum (o - p)(1 - 2p) = 0: z = 0, p = 1;
 *      one bin whose observed 0.7 is its mean p: reliability 0, ece 0;
 *      its observed is the base rate: resolution 0; brier = uncertainty
 *      (both mean (o - 0.7)^2): skill 0.  With 10 bins, one value per bin:
 *      within-bin terms 0.
 *   B: 0.1 that did not happen and 0.9 that did, seven of them in all:
 *      every (p - o)^2 is 0.01, so the standard error is 0.
 *   C: 0.2 once and 0.8 four times, all happened: the z terms are
 *      0.6 * 0.8 and -0.6 * (4 - 3.2), which cancel: z = 0.
 */
static void assert_zero_at(double v, const char *what, const char *file, int line)
{
	if (v != 0.0 || signbit(v)) {
		print_error("%s: %.17g, expected exactly 0\n", what, v);
		_fail(file, line);
	}
}

#define assert_zero(v) assert_zero_at((v), #v, __FILE__, __LINE__)

static void test_exact_zeros(void **state)
{
	(void)state;
	static const double pa[] = {0.7, 0.7, 0.7, 0.7, 0.7};
	static const int oa[] = {SCORE_YES, SCORE_YES, SCORE_YES, SCORE_PARTIAL, SCORE_NO};
	struct score_table *t = table_of(5, pa, oa);
	struct score_figures f;
	for (int bins = 0; bins <= 10; bins += 10) {
		score_compute(t, bins, &f);
		assert_zero(f.spiegelhalter_z);
		assert_true(f.spiegelhalter_p == 1.0);
		assert_zero(f.reliability);
		assert_zero(f.resolution);
		assert_zero(f.ece);
		assert_zero(f.skill);
		assert_zero(f.within_bin_variance);
		assert_zero(f.within_bin_covariance);
		assert_near(f.brier, (3 * 0.09 + 0.04 + 0.49) / 5);
	}
	score_table_free(t);

	static const double pb[] = {0.1, 0.9, 0.1, 0.9, 0.9, 0.1, 0.9};
	static const int ob[] = {SCORE_NO, SCORE_YES, SCORE_NO, SCORE_YES,
	                         SCORE_YES, SCORE_NO, SCORE_YES};
	t = table_of(7, pb, ob);
	score_compute(t, 0, &f);
	assert_near(f.brier, 0.01);
	assert_zero(f.brier_se);
	score_table_free(t);

	static const double pc[] = {0.2, 0.8, 0.8, 0.8, 0.8};
	static const int oc[] = {SCORE_YES, SCORE_YES, SCORE_YES, SCORE_YES, SCORE_YES};
	t = table_of(5, pc, oc);
	score_compute(t, 0, &f);
	assert_zero(f.spiegelhalter_z);
	score_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_brier_by_hand),
	    cmocka_unit_test(test_murphy_exact_by_hand),
	    cmocka_unit_test(test_stephenson_binned_by_hand),
	    cmocka_unit_test(test_log_score_by_hand),
	    cmocka_unit_test(test_spiegelhalter_by_hand),
	    cmocka_unit_test(test_wilson_by_hand),
	    cmocka_unit_test(test_partial_outcomes),
	    cmocka_unit_test(test_empty_table),
	    cmocka_unit_test(test_single_forecast),
	    cmocka_unit_test(test_uncertainty_zero),
	    cmocka_unit_test(test_log_clamp_at_0_and_1),
	    cmocka_unit_test(test_bin_edges),
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_merge),
	    cmocka_unit_test(test_identity_and_order),
	    cmocka_unit_test(test_shared_vectors),
	    cmocka_unit_test(test_ten_million_rows),
	    cmocka_unit_test(test_exact_zeros),
	};
	return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
