/*
 * score: Brier score, its decompositions, log score, ECE, Spiegelhalter's
 * test and Wilson intervals, computed from exact counts.
 *
 * Sources: Brier (1950) for the score; Murphy (1973) for reliability,
 * resolution and uncertainty; Stephenson, Coelho & Jolliffe (2008, Weather
 * and Forecasting 23:752) for the within-bin terms that keep the identity
 * with binned probabilities; Spiegelhalter (1986) for the z test; Wilson
 * (1927) for the score interval; Naeini, Cooper & Hauskrecht (2015) for
 * the expected calibration error.
 *
 * Every outcome is 0, 0.5 or 1, so the rows collapse to three integer
 * counts per distinct stated probability.  Each figure is then a short
 * sum over distinct values of count * term, added with Neumaier's
 * compensated summation in ascending order of p: exact counts remove the
 * error that grows with the number of rows, compensation the error that
 * grows with the number of distinct values, and the fixed order makes the
 * result independent of the order the rows arrived in.
 */
#include "likely/report/score.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"

/* 1/sqrt(2); M_SQRT1_2 is POSIX, not C11. */
#define INV_SQRT2 0.70710678118654752440

struct score_entry {
	double p;
	long count[3]; /* forecasts at p by outcome in half units 0, 1, 2 */
};

/*
 * Open addressing with linear probing, the entries in the slots
 * themselves: scoring adds each forecast to the tables of several groups
 * (thousands of tables in all, far more than the caches hold), and an add
 * that finds its slot finds its counts on the same cache line.  A table
 * of slots holding indexes into a dense array of entries took two misses
 * an add, a third of the time `score` took.
 */
struct score_table {
	struct score_entry *slots; /* p is EMPTY in an unused slot */
	size_t nslots;             /* a power of two, kept at least twice len */
	size_t len;                /* distinct p */
	long n;
};

#define EMPTY (-1.0) /* no stated probability is below 0 */

/* A run of sorted entries that share one bin. */
struct cell {
	size_t first, count;
	double low, high;
	long n;
	long half; /* sum of outcomes in half units: exact */
	double mean_p, observed;
};

struct nsum {
	double sum, comp;
};

/*
 * Neumaier's variant of Kahan summation: unlike Kahan's it stays exact
 * when an addend is larger than the running sum, which happens here when
 * one probability carries most of the forecasts.
 */
static void nsum_add(struct nsum *s, double x)
{
	double t = s->sum + x;
	if (fabs(s->sum) >= fabs(x))
		s->comp += (s->sum - t) + x;
	else
		s->comp += (x - t) + s->sum;
	s->sum = t;
}

static double nsum_value(const struct nsum *s)
{
	return s->sum + s->comp;
}

/*
 * a - b, but exactly 0 when the two differ by no more than the rounding
 * their own computation leaves (a few ulps of the larger).  The stated
 * probabilities are short decimals held in binary, so 5 * 0.7 and 3.5,
 * or a bin's mean 0.7 and its observed 3.5 / 5, are equal in exact
 * arithmetic and one ulp apart in doubles; without this the figures built
 * on such differences (Spiegelhalter's z, reliability, skill ...) carry
 * noise like -2.7e-16 where the exact value is 0 (issue 11).  A true
 * difference this small would need probabilities stated to 15 digits.
 */
static double cancel(double a, double b)
{
	double d = a - b;
	return fabs(d) <= 8.0 * DBL_EPSILON * fmax(fabs(a), fabs(b)) ? 0.0 : d;
}

/* splitmix64's finaliser: decimal fractions differ mostly in low bits. */
static size_t hash_double(double p)
{
	uint64_t x;
	memcpy(&x, &p, sizeof x);
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return (size_t)x;
}

static struct score_entry *probe(struct score_entry *slots, size_t nslots, double p)
{
	size_t mask = nslots - 1;
	size_t s = hash_double(p) & mask;
	while (slots[s].p != EMPTY && slots[s].p != p)
		s = (s + 1) & mask;
	return &slots[s];
}

static void mark_empty(struct score_entry *slots, size_t nslots)
{
	for (size_t i = 0; i < nslots; i++)
		slots[i].p = EMPTY;
}

static void table_rehash(struct score_table *t, size_t nslots)
{
	struct score_entry *old = t->slots;
	size_t old_n = t->nslots;
	t->slots = xmalloc(nslots * sizeof *t->slots);
	t->nslots = nslots;
	mark_empty(t->slots, nslots);
	for (size_t i = 0; i < old_n; i++)
		if (old[i].p != EMPTY)
			*probe(t->slots, nslots, old[i].p) = old[i];
	free(old);
}

struct score_table *score_table_new(void)
{
	struct score_table *t = xcalloc(1, sizeof *t);
	table_rehash(t, 16);
	return t;
}

void score_table_free(struct score_table *t)
{
	if (!t)
		return;
	free(t->slots);
	free(t);
}

void score_table_clear(struct score_table *t)
{
	t->len = 0;
	t->n = 0;
	mark_empty(t->slots, t->nslots);
}

static struct score_entry *table_find_or_add(struct score_table *t, double p)
{
	struct score_entry *e = probe(t->slots, t->nslots, p);
	if (e->p == p)
		return e;
	if (2 * (t->len + 1) > t->nslots) {
		table_rehash(t, 2 * t->nslots);
		e = probe(t->slots, t->nslots, p);
	}
	t->len++;
	e->p = p;
	e->count[0] = e->count[1] = e->count[2] = 0;
	return e;
}

int score_table_add_count(struct score_table *t, double p, int half_units, long count)
{
	/* !(p >= 0) also rejects NaN. */
	if (!(p >= 0.0) || p > 1.0 || half_units < 0 || half_units > 2 || count < 0 ||
	    count > LONG_MAX - t->n)
		return -1;
	if (count == 0)
		return 0;
	/* -0.0 == 0.0 but has other bits; one key for both keeps one bin. */
	if (p == 0.0)
		p = 0.0;
	struct score_entry *e = table_find_or_add(t, p);
	e->count[half_units] += count;
	t->n += count;
	return 0;
}

int score_table_add(struct score_table *t, double p, int half_units)
{
	return score_table_add_count(t, p, half_units, 1);
}

/* GCC and clang's prefetch; other compilers just do without. */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(addr) __builtin_prefetch(addr)
#else
#define PREFETCH(addr) ((void)(addr))
#endif

void score_table_prefetch_table(const struct score_table *t)
{
	PREFETCH(t);
}

void score_table_prefetch(const struct score_table *t, double p)
{
	PREFETCH(&t->slots[hash_double(p) & (t->nslots - 1)]);
}

int score_table_merge(struct score_table *dst, const struct score_table *src)
{
	for (size_t i = 0; i < src->nslots; i++) {
		const struct score_entry *e = &src->slots[i];
		if (e->p == EMPTY)
			continue;
		for (int h = 0; h < 3; h++)
			if (score_table_add_count(dst, e->p, h, e->count[h]))
				return -1;
	}
	return 0;
}

long score_table_count(const struct score_table *t)
{
	return t->n;
}

size_t score_table_distinct(const struct score_table *t)
{
	return t->len;
}

double score_squared_error(double p, int half_units)
{
	if (!(p >= 0.0) || p > 1.0 || half_units < 0 || half_units > 2)
		return NAN;
	double d = p - half_units / 2.0;
	return d * d;
}

int score_bin_index(double p, int bins)
{
	if (bins < 1 || !(p > 0.0))
		return 0;
	if (p >= 1.0)
		return bins - 1;
	double nb = bins;
	int k = (int)(p * nb);
	if (k > bins - 1)
		k = bins - 1;
	/*
	 * p * bins can round across an integer (0.29 * 100 gives
	 * 28.999999999999996).  Settle it against the edges as doubles: k / nb
	 * is correctly rounded, so it is the very double strtod makes of the
	 * decimal edge, and a stated "0.3" is never put below the edge "0.3".
	 */
	while (k > 0 && p < k / nb)
		k--;
	while (k < bins - 1 && p >= (k + 1) / nb)
		k++;
	return k;
}

static int clamp_bins(int bins)
{
	if (bins < 0)
		return 0;
	return bins > SCORE_BINS_MAX ? SCORE_BINS_MAX : bins;
}

static long entry_n(const struct score_entry *e)
{
	return e->count[0] + e->count[1] + e->count[2];
}

static int entry_cmp(const void *a, const void *b)
{
	double x = ((const struct score_entry *)a)->p;
	double y = ((const struct score_entry *)b)->p;
	return (x > y) - (x < y);
}

/* Returns a malloc'd copy of the entries in ascending order of p. */
static struct score_entry *sorted_entries(const struct score_table *t)
{
	struct score_entry *e = xmalloc((t->len ? t->len : 1) * sizeof *e);
	size_t k = 0;
	for (size_t i = 0; i < t->nslots; i++)
		if (t->slots[i].p != EMPTY)
			e[k++] = t->slots[i];
	qsort(e, k, sizeof *e, entry_cmp);
	return e;
}

/*
 * Groups the sorted entries into the occupied bins in force; bin indexes
 * never decrease along sorted p, so each bin is one run.  Returns the
 * number of cells in *out (malloc'd, at most len of them).
 */
static size_t build_cells(const struct score_entry *e, size_t len, int bins, struct cell **out)
{
	struct cell *cells = xmalloc((len ? len : 1) * sizeof *cells);
	size_t nc = 0;
	size_t i = 0;
	while (i < len) {
		struct cell *c = &cells[nc++];
		int k = score_bin_index(e[i].p, bins);
		c->first = i;
		c->n = 0;
		c->half = 0;
		struct nsum sp = {0, 0};
		do {
			long m = entry_n(&e[i]);
			c->n += m;
			c->half += e[i].count[1] + 2 * e[i].count[2];
			nsum_add(&sp, (double)m * e[i].p);
			i++;
		} while (i < len && bins > 0 && score_bin_index(e[i].p, bins) == k);
		c->count = i - c->first;
		/* One value: its mean is itself, with no rounding at all. */
		if (c->count == 1)
			c->mean_p = e[c->first].p;
		else
			c->mean_p = nsum_value(&sp) / (double)c->n;
		if (bins > 0) {
			c->low = (double)k / bins;
			c->high = (double)(k + 1) / bins;
		} else {
			c->low = c->high = e[c->first].p;
		}
		c->observed = (double)c->half / (2.0 * (double)c->n);
	}
	*out = cells;
	return nc;
}

static void figures_undefined(struct score_figures *f)
{
	f->n = 0;
	f->base_rate = f->mean_probability = f->brier = f->brier_se = NAN;
	f->reliability = f->resolution = f->uncertainty = NAN;
	f->within_bin_variance = f->within_bin_covariance = NAN;
	f->skill = f->log_score = f->ece = NAN;
	f->spiegelhalter_z = f->spiegelhalter_p = NAN;
}

/* Murphy's and Stephenson's terms and the ECE, from the bins in force. */
static void binned_terms(const struct score_entry *e, size_t len, int bins, double base_rate,
			 struct score_figures *f)
{
	struct cell *cells;
	size_t nc = build_cells(e, len, bins, &cells);
	struct nsum rel = {0, 0}, res = {0, 0}, ece = {0, 0};
	struct nsum wbv = {0, 0}, wbc = {0, 0};
	for (size_t k = 0; k < nc; k++) {
		const struct cell *c = &cells[k];
		double nk = (double)c->n;
		double gap = cancel(c->mean_p, c->observed);
		double spread = cancel(c->observed, base_rate);
		nsum_add(&rel, nk * gap * gap);
		nsum_add(&res, nk * spread * spread);
		nsum_add(&ece, nk * fabs(gap));
		/*
		 * Stephenson et al. (2008): sum over forecasts j in bin k of
		 * (f_kj - fbar_k)^2, and of (f_kj - fbar_k)(o_kj - obar_k),
		 * here per distinct value: count * deviation, and deviation
		 * times the value's outcome total minus its share of obar_k.
		 */
		for (size_t i = c->first; i < c->first + c->count; i++) {
			double m = (double)entry_n(&e[i]);
			double df = cancel(e[i].p, c->mean_p);
			double osum = (double)(e[i].count[1] + 2 * e[i].count[2]) / 2.0;
			nsum_add(&wbv, m * df * df);
			nsum_add(&wbc, df * cancel(osum, m * c->observed));
		}
	}
	double n = (double)f->n;
	f->reliability = nsum_value(&rel) / n;
	f->resolution = nsum_value(&res) / n;
	f->ece = nsum_value(&ece) / n;
	f->within_bin_variance = nsum_value(&wbv) / n;
	f->within_bin_covariance = 2.0 * nsum_value(&wbc) / n;
	free(cells);
}

void score_compute(const struct score_table *t, int bins, struct score_figures *out)
{
	figures_undefined(out);
	if (t->n == 0)
		return;
	bins = clamp_bins(bins);
	out->n = t->n;
	double n = (double)t->n;
	struct score_entry *e = sorted_entries(t);

	/* The outcome classes are global: three counts say everything. */
	long cls[3] = {0, 0, 0};
	for (size_t i = 0; i < t->len; i++)
		for (int j = 0; j < 3; j++)
			cls[j] += e[i].count[j];
	double obar = (double)(cls[1] + 2 * cls[2]) / (2.0 * n);
	out->base_rate = obar;

	/* uncertainty = mean (o - obar)^2 (SPEC §6), exact with partials. */
	struct nsum unc = {0, 0};
	nsum_add(&unc, (double)cls[0] * obar * obar);
	nsum_add(&unc, (double)cls[1] * (0.5 - obar) * (0.5 - obar));
	nsum_add(&unc, (double)cls[2] * (1.0 - obar) * (1.0 - obar));
	out->uncertainty = nsum_value(&unc) / n;

	struct nsum sp = {0, 0}, sb = {0, 0}, sl = {0, 0};
	struct nsum znum = {0, 0}, zden = {0, 0};
	double zscale = 0; /* sum of |terms|: the size of znum's rounding */
	for (size_t i = 0; i < t->len; i++) {
		double p = e[i].p, q = 1.0 - p;
		double c0 = (double)e[i].count[0], c1 = (double)e[i].count[1];
		double c2 = (double)e[i].count[2];
		nsum_add(&sp, (c0 + c1 + c2) * p);

		/* Brier (1950), the 0-1 form: (p - o)^2 for o = 0, 0.5, 1. */
		nsum_add(&sb, c0 * p * p);
		nsum_add(&sb, c1 * (p - 0.5) * (p - 0.5));
		nsum_add(&sb, c2 * q * q);

		/* The clamp keeps p = 0 or 1 finite when it is wrong. */
		double lp = -log(fmax(p, SCORE_LOG_EPS));
		double lq = -log(fmax(q, SCORE_LOG_EPS));
		nsum_add(&sl, c0 * lq);
		nsum_add(&sl, c1 * 0.5 * (lp + lq));
		nsum_add(&sl, c2 * lp);

		/*
		 * Spiegelhalter (1986): z = sum (o - p)(1 - 2p) /
		 * sqrt(sum (1 - 2p)^2 p (1 - p)).
		 */
		double w = 1.0 - 2.0 * p;
		double m = c0 + c1 + c2;
		double zterm = w * cancel(0.5 * c1 + c2, m * p);
		nsum_add(&znum, zterm);
		zscale += fabs(zterm);
		nsum_add(&zden, m * w * w * p * q);
	}
	out->mean_probability = nsum_value(&sp) / n;
	out->brier = nsum_value(&sb) / n;
	out->log_score = nsum_value(&sl) / n;
	if (out->uncertainty > 0.0)
		out->skill = cancel(1.0, out->brier / out->uncertainty);
	double den = nsum_value(&zden);
	if (den > 0.0) {
		/* terms of both signs that cancel exactly: 0, not noise */
		double num = nsum_value(&znum);
		if (fabs(num) <= 8.0 * DBL_EPSILON * zscale)
			num = 0.0;
		out->spiegelhalter_z = num / sqrt(den);
		out->spiegelhalter_p = erfc(fabs(out->spiegelhalter_z) * INV_SQRT2);
	}

	/*
	 * Standard error: the sample standard deviation of the per-forecast
	 * (p - o)^2 over sqrt(n).  Deviations from the known mean (two
	 * passes) rather than sum of squares minus square of sum, which
	 * cancels badly when the scores hardly vary.
	 */
	if (t->n >= 2) {
		struct nsum ss = {0, 0};
		for (size_t i = 0; i < t->len; i++) {
			double p = e[i].p;
			double d[3] = {p * p, (p - 0.5) * (p - 0.5), (1.0 - p) * (1.0 - p)};
			for (int j = 0; j < 3; j++) {
				double dev = cancel(d[j], out->brier);
				nsum_add(&ss, (double)e[i].count[j] * dev * dev);
			}
		}
		out->brier_se = sqrt(nsum_value(&ss) / (n - 1.0) / n);
	}

	binned_terms(e, t->len, bins, obar, out);
	free(e);
}

size_t score_calibration(const struct score_table *t, int bins, struct score_bin **out)
{
	*out = NULL;
	if (t->n == 0)
		return 0;
	struct score_entry *e = sorted_entries(t);
	struct cell *cells;
	size_t nc = build_cells(e, t->len, clamp_bins(bins), &cells);
	struct score_bin *b = xmalloc(nc * sizeof *b);
	for (size_t k = 0; k < nc; k++) {
		double successes = (double)cells[k].half / 2.0;
		b[k].low = cells[k].low;
		b[k].high = cells[k].high;
		b[k].n = cells[k].n;
		b[k].mean_probability = cells[k].mean_p;
		b[k].observed = cells[k].observed;
		b[k].observed_low = score_wilson_low(successes, cells[k].n);
		b[k].observed_high = score_wilson_high(successes, cells[k].n);
	}
	free(cells);
	free(e);
	*out = b;
	return nc;
}

/* The Wilson upper bound as the formula gives it, before any forcing. */
static double wilson_upper(double s, double n)
{
	const double z = SCORE_WILSON_Z, z2 = z * z;
	return (s + z2 / 2.0 + z * sqrt(s * (n - s) / n + z2 / 4.0)) / (n + z2);
}

double score_wilson_high(double successes, long n)
{
	if (n < 1 || !(successes >= 0.0) || successes > (double)n)
		return NAN;
	/* The formula gives 1 up to rounding; SPEC wants exactly 1. */
	if (successes == (double)n)
		return 1.0;
	return wilson_upper(successes, (double)n);
}

double score_wilson_low(double successes, long n)
{
	const double z = SCORE_WILSON_Z;
	if (n < 1 || !(successes >= 0.0) || successes > (double)n)
		return NAN;
	if (successes == 0.0)
		return 0.0;
	/*
	 * The bounds are the roots of (n + z^2) x^2 - (2s + z^2) x + s^2/n = 0
	 * (Wilson 1927).  centre - half cancels when s is small; the product
	 * of the roots over the upper root does not.
	 */
	double nn = (double)n;
	return (successes / nn) * successes / ((nn + z * z) * wilson_upper(successes, nn));
}
