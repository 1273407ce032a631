/*
 * Test plan (scoreboard): the rules of SPEC §6 for what is scored as of a
 * date D, worked by hand one record at a time -- not accepted or published
 * after D: ignored; an outcome settled after D counts as unsettled (open,
 * or overdue once the horizon is before D); void is counted, never scored;
 * partial is 0.5 or left out; a hedged statement is counted and never
 * scored -- then topic splitting ("a; b;a;;" is a and b once each, an empty
 * cell is the topic ""), the sorted order of the groups, and the kept
 * records: misses largest (p - o)^2 first, best calls smallest first, ties
 * by id, at most SB_TOP_K, partials and p = 0.5 in neither; the review
 * queue oldest horizon first with its days overdue.  A month-only date
 * (YYYY-MM) counts as the month's last day: published in the month of D
 * but D before its end is "later".  Forecaster groups: the speaker when
 * there is one, else the author, names normalised ("Dr. Anna Berg" and
 * "anna  berg, Delta Institute" are one row, shown as first met), the
 * outlet's own authors marked -- checked against a worked example.  Many
 * records interleaved over groups (more than the adds the scoreboard keeps
 * waiting to prefetch, and on topics shared by several authors) give each
 * group the figures worked by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "likely/core/ledger.h"
#include "likely/report/scoreboard.h"

#define assert_close(a, b) \
	do { \
		double a_ = (a), b_ = (b); \
		if (!(fabs(a_ - b_) <= 1e-12)) \
			fail_msg("%.17g != %.17g", a_, b_); \
	} while (0)

/* id, published, author, topic, p, horizon, status, outcome, resolved_on */
static void fill(struct forecast *f, const char *id, const char *published,
		 const char *author, const char *topic, const char *p,
		 const char *horizon, const char *status, const char *outcome,
		 const char *resolved)
{
	forecast_init(f);
	forecast_set(f, COL_ID, id);
	forecast_set(f, COL_PUBLISHED, published);
	forecast_set(f, COL_AUTHOR, author);
	forecast_set(f, COL_TOPIC, topic);
	forecast_set(f, COL_CLAIM, "claim");
	forecast_set(f, COL_CUE, "likely to");
	forecast_set(f, COL_PROBABILITY, p);
	forecast_set(f, COL_HORIZON, horizon);
	forecast_set(f, COL_STATUS, status);
	forecast_set(f, COL_OUTCOME, outcome);
	forecast_set(f, COL_RESOLVED_ON, resolved);
}

static enum sb_class add(struct scoreboard *sb, const char *id, const char *published,
			 const char *author, const char *topic, const char *p,
			 const char *horizon, const char *status, const char *outcome,
			 const char *resolved, double *score)
{
	struct forecast f;
	double s;
	fill(&f, id, published, author, topic, p, horizon, status, outcome, resolved);
	enum sb_class c = scoreboard_add(sb, &f, score ? score : &s);
	forecast_release(&f);
	return c;
}

/* An accepted forecast of 2020-01-01 settled on 2020-06-01, with its
 * speaker. */
static void add_spoken(struct scoreboard *sb, const char *id, const char *author,
		       const char *speaker, const char *topic, const char *p,
		       const char *outcome)
{
	struct forecast f;
	double s;
	fill(&f, id, "2020-01-01", author, topic, p, "2020-12-31", "accepted", outcome,
	     "2020-06-01");
	forecast_set(&f, COL_SPEAKER, speaker);
	assert_int_equal(scoreboard_add(sb, &f, &s), SB_SCORED);
	forecast_release(&f);
}

static const struct sb_group *find(const struct scoreboard *sb, enum sb_by by,
				   const char *author, const char *topic)
{
	size_t n;
	const struct sb_group *g = scoreboard_groups(sb, &n);
	for (size_t i = 0; i < n; i++)
		if (g[i].by == by && !strcmp(g[i].author, author) && !strcmp(g[i].topic, topic))
			return &g[i];
	return NULL;
}

static void test_month_only_as_of(void **state)
{
	(void)state;
	struct sb_options o = {.as_of = "2020-01-30"};
	struct scoreboard *sb = scoreboard_new(&o);
	/* January 2020 may be the 31st: not yet known on the 30th */
	assert_int_equal(add(sb, "jan", "2020-01", "A", "t", "0.7", "2021-01-31", "accepted",
			     "", "", NULL), SB_IGNORED);
	assert_int_equal(add(sb, "dec", "2019-12", "A", "t", "0.7", "2020-12-31", "accepted",
			     "", "", NULL), SB_OPEN);
	scoreboard_finish(sb);
	assert_int_equal(scoreboard_totals(sb)->later, 1);
	assert_int_equal(scoreboard_totals(sb)->accepted, 1);
	scoreboard_free(sb);

	o.as_of = "2020-01-31";
	sb = scoreboard_new(&o);
	assert_int_equal(add(sb, "jan", "2020-01", "A", "t", "0.7", "2021-01-31", "accepted",
			     "", "", NULL), SB_OPEN);
	scoreboard_finish(sb);
	scoreboard_free(sb);
}

static void test_as_of_rules(void **state)
{
	(void)state;
	struct sb_options o = {.as_of = "2020-01-01"};
	struct scoreboard *sb = scoreboard_new(&o);
	double s;

	assert_int_equal(add(sb, "c", "2016-01-01", "A", "t", "0.7", "2017-01-01", "candidate",
			     "", "", NULL), SB_IGNORED);
	assert_int_equal(add(sb, "late", "2020-01-02", "A", "t", "0.7", "2021-01-01",
			     "accepted", "", "", NULL), SB_IGNORED);
	/* published on D itself counts */
	assert_int_equal(add(sb, "o", "2020-01-01", "A", "t", "0.7", "2021-01-01", "accepted",
			     "", "", NULL), SB_OPEN);
	/* horizon on D is not yet passed; before D it is */
	assert_int_equal(add(sb, "h0", "2019-01-01", "A", "t", "0.7", "2020-01-01", "accepted",
			     "", "", NULL), SB_OPEN);
	assert_int_equal(add(sb, "od", "2018-01-01", "A", "t", "0.7", "2019-12-31", "accepted",
			     "", "", NULL), SB_OVERDUE);
	/* a verdict after D was not known on D */
	assert_int_equal(add(sb, "sl", "2018-01-01", "A", "t", "0.7", "2019-01-01", "accepted",
			     "yes", "2020-01-02", NULL), SB_OVERDUE);
	assert_int_equal(add(sb, "v", "2018-01-01", "A", "t", "0.3", "2019-01-01", "accepted",
			     "void", "2019-02-01", NULL), SB_VOID);
	assert_int_equal(add(sb, "y", "2018-01-01", "A", "t", "0.7", "2019-01-01", "accepted",
			     "yes", "2020-01-01", &s), SB_SCORED);
	assert_close(s, 0.09);
	assert_int_equal(add(sb, "n", "2018-01-01", "A", "t", "0.2", "2019-01-01", "accepted",
			     "no", "2019-01-01", &s), SB_SCORED);
	assert_close(s, 0.04);
	assert_int_equal(add(sb, "p", "2018-01-01", "A", "t", "0.9", "2019-01-01", "accepted",
			     "partial", "2019-01-01", &s), SB_SCORED);
	assert_close(s, 0.16);
	/* hedged: counted, never scored, even when settled */
	assert_int_equal(add(sb, "hg", "2018-01-01", "A", "t", "", "2019-01-01", "accepted",
			     "yes", "2019-01-01", &s), SB_UNSCORED);
	assert_true(isnan(s));
	assert_int_equal(add(sb, "ho", "2018-01-01", "A", "t", "", "2019-01-01", "accepted", "",
			     "", NULL), SB_OVERDUE);

	scoreboard_finish(sb);
	const struct sb_group *all = scoreboard_all(sb);
	assert_int_equal(all->by, SB_ALL);
	assert_int_equal(all->fig.n, 3);
	assert_int_equal(all->open, 2);
	assert_int_equal(all->overdue, 3);
	assert_int_equal(all->void_count, 1);
	assert_int_equal(all->hedged, 2);
	assert_close(all->fig.brier, (0.09 + 0.04 + 0.16) / 3);
	const struct sb_totals *t = scoreboard_totals(sb);
	assert_int_equal(t->offered, 12);
	assert_int_equal(t->accepted, 10);
	assert_int_equal(t->later, 1);
	assert_int_equal(t->settled_later, 1);
	assert_int_equal(t->partial_scored, 1);
	assert_int_equal(scoreboard_queue_total(sb), 3);
	scoreboard_free(sb);
}

static void test_partial_excluded(void **state)
{
	(void)state;
	struct sb_options o = {.as_of = "2020-01-01", .exclude_partial = true};
	struct scoreboard *sb = scoreboard_new(&o);
	assert_int_equal(add(sb, "p", "2018-01-01", "A", "t", "0.9", "2019-01-01", "accepted",
			     "partial", "2019-01-01", NULL), SB_UNSCORED);
	assert_int_equal(add(sb, "y", "2018-01-01", "A", "t", "0.9", "2019-01-01", "accepted",
			     "yes", "2019-01-01", NULL), SB_SCORED);
	scoreboard_finish(sb);
	assert_int_equal(scoreboard_all(sb)->fig.n, 1);
	assert_int_equal(scoreboard_totals(sb)->partial_dropped, 1);
	scoreboard_free(sb);
}

static void test_topics_and_order(void **state)
{
	(void)state;
	struct sb_options o = {.as_of = "2020-01-01"};
	struct scoreboard *sb = scoreboard_new(&o);
	add(sb, "1", "2018-01-01", "Zed", "b; a;b;;", "0.7", "2019-01-01", "accepted", "yes",
	    "2019-01-01", NULL);
	add(sb, "2", "2018-01-01", "", "", "0.6", "2019-01-01", "accepted", "no", "2019-01-01",
	    NULL);
	add(sb, "3", "2018-01-01", "Amy", "a", "", "2019-01-01", "accepted", "", "", NULL);
	scoreboard_finish(sb);

	assert_int_equal(find(sb, SB_TOPIC, "", "a")->fig.n, 1);
	assert_int_equal(find(sb, SB_TOPIC, "", "a")->hedged, 1);
	assert_int_equal(find(sb, SB_TOPIC, "", "b")->fig.n, 1);
	assert_int_equal(find(sb, SB_TOPIC, "", "")->fig.n, 1);
	assert_int_equal(find(sb, SB_AUTHOR_TOPIC, "Zed", "a")->fig.n, 1);
	assert_int_equal(find(sb, SB_AUTHOR, "", "")->fig.n, 1);
	assert_int_equal(find(sb, SB_AUTHOR, "Amy", "")->fig.n, 0);

	static const char *const want[][3] = {
		{"all", "", ""},           {"author", "", ""},       {"author", "Amy", ""},
		{"author", "Zed", ""},     {"author+topic", "", ""}, {"author+topic", "Amy", "a"},
		{"author+topic", "Zed", "a"}, {"author+topic", "Zed", "b"}, {"cue", "", ""},
		/* no speakers here: each author is their own forecaster */
		{"forecaster", "", ""},    {"forecaster", "Amy", ""}, {"forecaster", "Zed", ""},
		{"forecaster+topic", "", ""}, {"forecaster+topic", "Amy", "a"},
		{"forecaster+topic", "Zed", "a"}, {"forecaster+topic", "Zed", "b"},
		{"topic", "", ""},         {"topic", "", "a"},       {"topic", "", "b"},
	};
	size_t n;
	const struct sb_group *g = scoreboard_groups(sb, &n);
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(sb_by_name(g[i].by), want[i][0]);
		assert_string_equal(g[i].author, want[i][1]);
		assert_string_equal(g[i].topic, want[i][2]);
	}
	assert_string_equal(g[8].cue, "likely to");
	assert_int_equal(g[8].fig.n, 2);
	scoreboard_free(sb);
}

static void test_many_interleaved(void **state)
{
	(void)state;
	struct sb_options o = {.as_of = "2020-01-01"};
	struct scoreboard *sb = scoreboard_new(&o);
	char id[16];
	/* 100 records in turn by Amy (0.8, yes, topics "x; y"), Bob (0.3,
	 * no, topic x), Cy (0.6, no, topic y) and Dee (0.9, unsettled, x) */
	for (int i = 0; i < 100; i++) {
		snprintf(id, sizeof id, "r%d", i);
		switch (i % 4) {
		case 0: add(sb, id, "2018-01-01", "Amy", "x; y", "0.8", "2019-01-01",
			    "accepted", "yes", "2019-01-01", NULL); break;
		case 1: add(sb, id, "2018-01-01", "Bob", "x", "0.3", "2019-01-01",
			    "accepted", "no", "2019-01-01", NULL); break;
		case 2: add(sb, id, "2018-01-01", "Cy", "y", "0.6", "2019-01-01",
			    "accepted", "no", "2019-01-01", NULL); break;
		default: add(sb, id, "2018-01-01", "Dee", "x", "0.9", "2021-01-01",
			     "accepted", "", "", NULL); break;
		}
	}
	scoreboard_finish(sb);
	/* (p - o)^2: Amy 0.04, Bob 0.09, Cy 0.36; 25 records each */
	const struct sb_group *all = find(sb, SB_ALL, "", "");
	assert_int_equal(all->fig.n, 75);
	assert_int_equal(all->open, 25);
	assert_close(all->fig.brier, (0.04 + 0.09 + 0.36) / 3);
	assert_int_equal(find(sb, SB_AUTHOR, "Amy", "")->fig.n, 25);
	assert_close(find(sb, SB_AUTHOR, "Amy", "")->fig.brier, 0.04);
	assert_close(find(sb, SB_FORECASTER, "Bob", "")->fig.brier, 0.09);
	assert_int_equal(find(sb, SB_AUTHOR, "Dee", "")->fig.n, 0);
	assert_int_equal(find(sb, SB_AUTHOR, "Dee", "")->open, 25);
	/* topic x: Amy, Bob (and Dee open); y: Amy, Cy */
	const struct sb_group *x = find(sb, SB_TOPIC, "", "x"), *y = find(sb, SB_TOPIC, "", "y");
	assert_int_equal(x->fig.n, 50);
	assert_int_equal(x->open, 25);
	assert_close(x->fig.brier, (0.04 + 0.09) / 2);
	assert_int_equal(y->fig.n, 50);
	assert_close(y->fig.brier, (0.04 + 0.36) / 2);
	assert_close(find(sb, SB_AUTHOR_TOPIC, "Amy", "y")->fig.brier, 0.04);
	assert_int_equal(find(sb, SB_FORECASTER_TOPIC, "Cy", "y")->fig.n, 25);
	/* the cue "likely to": every scored record once */
	size_t n;
	const struct sb_group *g = scoreboard_groups(sb, &n);
	for (size_t i = 0; i < n; i++)
		if (g[i].by == SB_CUE)
			assert_int_equal(g[i].fig.n, 75);
	scoreboard_free(sb);
}

static void test_picks(void **state)
{
	(void)state;
	struct sb_options o = {.as_of = "2020-01-01"};
	struct scoreboard *sb = scoreboard_new(&o);
	char id[8];
	/* misses: 0.95 no (0.9025) twice -- a tie, by id -- then 0.9 no (0.81),
	 * 0.8 no (0.64), 0.75 no (0.5625); 0.7 no and 0.6 no do not fit */
	static const struct {
		const char *p, *outcome;
	} rows[] = {
		{"0.6", "no"},  {"0.95", "no"}, {"0.9", "no"},  {"0.75", "no"}, {"0.95", "no"},
		{"0.7", "no"},  {"0.8", "no"},  {"0.5", "yes"}, {"1", "partial"}, {"0.1", "no"},
		{"0.99", "yes"}, {"0.7", "yes"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		snprintf(id, sizeof id, "k%02zu", i);
		add(sb, id, "2018-01-01", "A", "t", rows[i].p, "2019-01-01", "accepted",
		    rows[i].outcome, "2019-01-01", NULL);
	}
	scoreboard_finish(sb);
	const struct sb_pick *k;
	size_t n = scoreboard_misses(sb, &k);
	static const char *const misses[] = {"k01", "k04", "k02", "k06", "k03"};
	assert_int_equal(n, SB_TOP_K);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(k[i].f.col[COL_ID], misses[i]);
	assert_close(k[0].score, 0.9025);
	n = scoreboard_best(sb, &k);
	static const char *const best[] = {"k10", "k09", "k11"};
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(k[i].f.col[COL_ID], best[i]);
	scoreboard_free(sb);
}

static void test_queue(void **state)
{
	(void)state;
	struct sb_options o = {.as_of = "2020-01-01"};
	struct scoreboard *sb = scoreboard_new(&o);
	add(sb, "q3", "2018-01-01", "A", "t", "0.7", "2019-06-01", "accepted", "", "", NULL);
	add(sb, "q2", "2017-06-01", "A", "t", "0.7", "2018-06-01", "accepted", "", "", NULL);
	add(sb, "q1", "2017-01-01", "A", "t", "0.7", "2018-06-01", "accepted", "", "", NULL);
	add(sb, "q0", "2017-01-01", "A", "t", "0.7", "2021-06-01", "accepted", "", "", NULL);
	scoreboard_finish(sb);
	const struct sb_pick *k;
	size_t n = scoreboard_queue(sb, &k);
	assert_int_equal(n, 3);
	assert_string_equal(k[0].f.col[COL_ID], "q1");
	assert_string_equal(k[1].f.col[COL_ID], "q2");
	assert_string_equal(k[2].f.col[COL_ID], "q3");
	assert_int_equal(k[0].overdue, 579); /* 2018-06-01 .. 2020-01-01 */
	assert_int_equal(k[2].overdue, 214);
	scoreboard_free(sb);
}

/*
 * By hand (o = 1 for yes):
 *   r1 Lena Marsh reports "Dr. Anna Berg", economy, 0.8 yes: (0.8-1)^2 = 0.04
 *   r2 Lena Marsh reports "anna  berg, Delta Institute", politics, 0.7 no: 0.49
 *   r3 Lena Marsh in her own voice, economy, 0.6 yes: 0.16
 *   r4 Tom Reed reports an unnamed source, economy, 0.9 no: 0.81
 *   r5 Tom Reed reports Lena Marsh, economy, 0.2 no: 0.04
 * forecaster: Anna Berg (r1, r2) 0.265; Lena Marsh (r3, r5) 0.10, an
 * author of the outlet; (unnamed) (r4) 0.81.  forecaster+topic: Anna
 * Berg/economy 0.04, Anna Berg/politics 0.49, Lena Marsh/economy 0.10,
 * (unnamed)/economy 0.81.  The author groups do not change: Lena Marsh
 * (r1-r3) 0.23, Tom Reed (r4, r5) 0.425.
 */
static void test_forecaster_groups(void **state)
{
	(void)state;
	struct sb_options o = {.as_of = "2021-01-01"};
	struct scoreboard *sb = scoreboard_new(&o);
	add_spoken(sb, "r1", "Lena Marsh", "Dr. Anna Berg", "economy", "0.8", "yes");
	add_spoken(sb, "r2", "Lena Marsh", "anna  berg, Delta Institute", "politics", "0.7", "no");
	add_spoken(sb, "r3", "Lena Marsh", "", "economy", "0.6", "yes");
	add_spoken(sb, "r4", "Tom Reed", "(unnamed)", "economy", "0.9", "no");
	add_spoken(sb, "r5", "Tom Reed", "Lena Marsh", "economy", "0.2", "no");
	scoreboard_finish(sb);

	const struct sb_group *g = find(sb, SB_FORECASTER, "Anna Berg", "");
	assert_non_null(g);
	assert_int_equal(g->fig.n, 2);
	assert_close(g->fig.brier, 0.265);
	assert_false(g->own);
	g = find(sb, SB_FORECASTER, "Lena Marsh", "");
	assert_non_null(g);
	assert_int_equal(g->fig.n, 2);
	assert_close(g->fig.brier, 0.10);
	assert_true(g->own);
	g = find(sb, SB_FORECASTER, "(unnamed)", "");
	assert_non_null(g);
	assert_close(g->fig.brier, 0.81);
	assert_false(g->own);
	assert_null(find(sb, SB_FORECASTER, "Tom Reed", ""));
	assert_close(find(sb, SB_FORECASTER_TOPIC, "Anna Berg", "economy")->fig.brier, 0.04);
	assert_close(find(sb, SB_FORECASTER_TOPIC, "Anna Berg", "politics")->fig.brier, 0.49);
	assert_close(find(sb, SB_FORECASTER_TOPIC, "Lena Marsh", "economy")->fig.brier, 0.10);
	assert_close(find(sb, SB_FORECASTER_TOPIC, "(unnamed)", "economy")->fig.brier, 0.81);
	assert_close(find(sb, SB_AUTHOR, "Lena Marsh", "")->fig.brier, 0.23);
	assert_close(find(sb, SB_AUTHOR, "Tom Reed", "")->fig.brier, 0.425);

	size_t n, forecasters = 0;
	const struct sb_group *all = scoreboard_groups(sb, &n);
	for (size_t i = 0; i < n; i++)
		forecasters += all[i].by == SB_FORECASTER;
	assert_int_equal(forecasters, 3);
	scoreboard_free(sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_as_of_rules),
		cmocka_unit_test(test_month_only_as_of),
		cmocka_unit_test(test_partial_excluded),
		cmocka_unit_test(test_topics_and_order),
		cmocka_unit_test(test_many_interleaved),
		cmocka_unit_test(test_picks),
		cmocka_unit_test(test_queue),
		cmocka_unit_test(test_forecaster_groups),
	};
	return cmocka_run_group_tests_name("scoreboard", tests, NULL, NULL);
}
