/*
 * Test plan (cue): one case per rule and trap of SPEC.md §3, each checked
 * for its class, and for kept ones the cue as written, the probability
 * and the polarity:
 *  - lexicon cues, whole words, any case, curly apostrophes; headline
 *    forms ("Minsk set to strengthen"); the copula form loses to "likely
 *    to"; negatives as entries ("not likely to" 0.30, "isn't likely to",
 *    "unlikely to" 0.20); intensifiers one level outward ("extremely
 *    likely to" 0.85, "extremely unlikely to" 0.10);
 *  - not scored: "not very likely", "not unlikely", comparatives;
 *  - "likely" about the present/past: "this is likely a signal", "was
 *    likely caused", "is likely the reason", "is likely to have played";
 *  - forward-looking adverbial cues ("will probably", "is likely in the
 *    coming months", "A deal is likely.");
 *  - hedges kept unscored only when forward-looking ("may soon change",
 *    "could somewhat extend"), not "could be interested in", "could have
 *    influenced", "May 2015" (a month), "cannot rule out";
 *  - conditionals ("would depend on", "if we did not have", "would
 *    probably"), duties ("must", "should", "will have to");
 *  - "will" 0.95 in the outlet's voice ("will remain", "will continue",
 *    "won't" 0.05), not in quotes (also a quote opened in an earlier
 *    sentence), not "we will", not reported ("the Ministry reported that
 *    ... will", "announced that", "according to ..."), not in a question,
 *    not a noun ("political will"); "That said," is not reported speech;
 *    scheduled-looking ones flagged for review;
 *  - "high confidence" is not a probability;
 *  - the candidate pre-test agrees with the classifier.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "likely/cue.h"
#include "likely/date.h"

struct fixture {
	struct lexicon lx;
	struct horizon_table h;
	struct cue_matcher *m;
};

static int setup(void **state)
{
	static struct fixture f;
	lexicon_init_default(&f.lx);
	horizon_init_default(&f.h);
	f.m = cue_matcher_new(&f.lx, &f.h);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	cue_matcher_free(f->m);
	horizon_release(&f->h);
	lexicon_release(&f->lx);
	return 0;
}

static struct cue_result run_q(void **state, const char *s, bool in_quote)
{
	struct fixture *f = *state;
	struct cue_result r;
	cue_detect(f->m, s, strlen(s), in_quote, date_from_ymd(2017, 1, 10), &r);
	/* the pre-test never drops a kept sentence */
	if (cue_kept(r.cls))
		assert_true(cue_candidate(f->m, s, strlen(s)));
	return r;
}

static struct cue_result run(void **state, const char *s)
{
	return run_q(state, s, false);
}

static void kept(void **state, const char *s, enum cue_class cls,
		 const char *cue, double p, char pol)
{
	struct cue_result r = run(state, s);
	if (r.cls != cls)
		fail_msg("\"%s\": class %s, want %s", s, cue_class_name(r.cls),
			 cue_class_name(cls));
	char got[64];
	size_t n = r.end - r.start < sizeof got - 1 ? r.end - r.start : sizeof got - 1;
	memcpy(got, s + r.start, n);
	got[n] = '\0';
	assert_string_equal(got, cue);
	if (p < 0)
		assert_false(r.scored);
	else {
		assert_true(r.scored);
		assert_true(fabs(r.p - p) < 1e-12);
	}
	assert_int_equal(r.polarity, pol);
}

static void rejected(void **state, const char *s, enum cue_class cls)
{
	struct cue_result r = run(state, s);
	if (r.cls != cls)
		fail_msg("\"%s\": class %s, want %s", s, cue_class_name(r.cls),
			 cue_class_name(cls));
	assert_false(cue_kept(r.cls));
}

static void test_lexicon_cues(void **state)
{
	kept(state, "Minsk set to strengthen military cooperation with China",
	     CUE_FORECAST, "set to", 0.70, '+');
	kept(state, "Belarus is likely to expand military cooperation with China.",
	     CUE_FORECAST, "likely to", 0.70, '+');
	kept(state, "BELARUS IS LIKELY TO EXPAND.", CUE_FORECAST, "LIKELY TO", 0.70, '+');
	kept(state, "Minsk will almost certainly join.", CUE_FORECAST, "almost certainly", 0.95, '+');
	kept(state, "Exports are poised to grow.", CUE_FORECAST, "poised to", 0.70, '+');
	kept(state, "Growth is expected to slow next year.", CUE_FORECAST, "expected to", 0.70, '+');
	kept(state, "It is more likely than not that Minsk will agree.", CUE_FORECAST,
	     "more likely than not", 0.60, '+');
	kept(state, "The vote is a toss-up.", CUE_FORECAST, "toss-up", 0.50, '+');
	kept(state, "There is little chance of a deal.", CUE_FORECAST, "little chance", 0.10, '-');
}

static void test_negatives_as_entries(void **state)
{
	kept(state, "Their initiative is unlikely to find supporters.", CUE_FORECAST,
	     "unlikely to", 0.20, '-');
	kept(state, "Minsk is not likely to agree.", CUE_FORECAST, "not likely to", 0.30, '-');
	kept(state, "Minsk isn\xe2\x80\x99t likely to agree.", CUE_FORECAST,
	     "isn\xe2\x80\x99t likely to", 0.30, '-');
	kept(state, "Minsk is not expected to agree.", CUE_FORECAST, "not expected to", 0.30, '-');
	kept(state, "Minsk will almost certainly not agree.", CUE_FORECAST,
	     "almost certainly not", 0.05, '-');
}

static void test_intensifiers(void **state)
{
	kept(state, "Minsk is extremely likely to agree.", CUE_FORECAST,
	     "extremely likely to", 0.85, '+');
	kept(state, "Minsk is extremely unlikely to agree.", CUE_FORECAST,
	     "extremely unlikely to", 0.10, '-');
	kept(state, "Minsk is very likely to agree.", CUE_FORECAST, "very likely", 0.85, '+');
	kept(state, "Minsk is highly unlikely to agree.", CUE_FORECAST, "highly unlikely", 0.10, '-');
}

static void test_not_scored(void **state)
{
	rejected(state, "Minsk is not very likely to agree.", CUE_NEGATED);
	rejected(state, "It is not unlikely that Minsk will agree.", CUE_NEGATED);
	rejected(state, "Minsk is not unlikely to agree.", CUE_NEGATED);
	rejected(state, "Minsk is not set to agree.", CUE_NEGATED);
	rejected(state, "Minsk is more likely to buy Chinese arms than Russian ones.",
		 CUE_COMPARATIVE);
}

static void test_present_or_past(void **state)
{
	rejected(state, "This is likely a signal to Moscow.", CUE_PRESENT_OR_PAST);
	rejected(state, "The crash was likely caused by an error.", CUE_PRESENT_OR_PAST);
	rejected(state, "Money is likely the reason.", CUE_PRESENT_OR_PAST);
	rejected(state, "Moscow is likely to have played a role.", CUE_PRESENT_OR_PAST);
	rejected(state, "The ministers were expected to sign it.", CUE_PRESENT_OR_PAST);
	rejected(state, "He is probably at home.", CUE_PRESENT_OR_PAST);
}

static void test_adverbial_forward(void **state)
{
	kept(state, "Minsk will probably agree.", CUE_FORECAST, "probably", 0.70, '+');
	kept(state, "An escalation is likely in the coming months.", CUE_FORECAST,
	     "is likely", 0.70, '+');
	kept(state, "A deal is likely.", CUE_FORECAST, "is likely", 0.70, '+');
	kept(state, "Minsk will likely agree.", CUE_FORECAST, "will likely", 0.70, '+');
}

static void test_hedges(void **state)
{
	kept(state, "The dynamics may soon change this state of affairs.", CUE_HEDGE,
	     "may", -1, '+');
	kept(state, "However, the authorities could somewhat extend the opportunities.",
	     CUE_HEDGE, "could", -1, '+');
	kept(state, "Prices might rise next year.", CUE_HEDGE, "might", -1, '+');
	kept(state, "The talks may not resume in the near future.", CUE_HEDGE, "may", -1, '-');
	kept(state, "We cannot rule out an escalation.", CUE_HEDGE, "cannot rule out", -1, '+');
	kept(state, "Minsk will possibly join.", CUE_HEDGE, "possibly", -1, '+');
	rejected(state, "Belarus could be interested in Kazakhstan\xe2\x80\x99s experience.",
		 CUE_HEDGE_PRESENT);
	rejected(state, "Simultaneously, the authorities could have influenced public opinion.",
		 CUE_COUNTERFACTUAL);
	rejected(state, "This may be the reason.", CUE_HEDGE_PRESENT);
	rejected(state, "In May 2015, a joint project was announced.", CUE_NONE);
	rejected(state, "Belarus could not obtain the weapons.", CUE_HEDGE_PRESENT);
	rejected(state, "Could Minsk change course soon?", CUE_QUESTION);
}

static void test_conditionals_and_duties(void **state)
{
	rejected(state, "The introduction of a moratorium would depend on the dynamics.",
		 CUE_CONDITIONAL);
	rejected(state, "If we did not have that level, it is unclear how the situation "
			"would develop in 2020 and in the future.", CUE_CONDITIONAL);
	rejected(state, "If sanctions stay, Belarus is likely to turn to China.", CUE_CONDITIONAL);
	rejected(state, "Such a move would probably anger Moscow.", CUE_CONDITIONAL);
	rejected(state, "If Minsk agrees, Moscow will respond.", CUE_CONDITIONAL);
	rejected(state, "Minsk now must show healthy self-esteem.", CUE_DUTY);
	rejected(state, "We must not miss this moment.", CUE_DUTY);
	rejected(state, "The invitation should be regarded as a continuation.", CUE_DUTY);
	rejected(state, "Minsk will have to accept the terms.", CUE_DUTY);
	kept(state, "Russia will remain important, even if ties cool.", CUE_WILL, "will", 0.95, '+');
	/* inverted conditionals were once taken for forecasts */
	rejected(state, "Should the talks fail, the border will close.", CUE_CONDITIONAL);
	rejected(state, "Were Minsk to agree, Moscow is likely to respond.", CUE_CONDITIONAL);
	rejected(state, "Had the talks failed, the border would have closed.",
		 CUE_COUNTERFACTUAL);
	kept(state, "Sanctions were a blow, and Minsk is likely to seek new markets.",
	     CUE_FORECAST, "likely to", 0.7, '+');
}

static void test_will(void **state)
{
	kept(state, "That said, Russia will remain an important ally in the near future.",
	     CUE_WILL, "will", 0.95, '+');
	kept(state, "Minsk will continue to buy Chinese arms.", CUE_WILL, "will", 0.95, '+');
	kept(state, "Minsk won\xe2\x80\x99t join the alliance.", CUE_WILL,
	     "won\xe2\x80\x99t", 0.05, '-');
	kept(state, "Minsk will not join the alliance.", CUE_WILL, "will not", 0.05, '-');
	rejected(state, "Earlier, the Defence Ministry reported that Minsk and Beijing will "
			"develop a roadmap.", CUE_REPORTED);
	rejected(state, "The ministry announced that it will buy new jets.", CUE_REPORTED);
	rejected(state, "According to the ministry, Minsk will buy new jets.", CUE_REPORTED);
	rejected(state, "Lukashenka said the army will get new tanks.", CUE_REPORTED);
	rejected(state, "\xe2\x80\x9cWe will buy new jets,\xe2\x80\x9d he said.", CUE_QUOTED);
	rejected(state, "We will do everything to protect the country.", CUE_QUOTED);
	rejected(state, "Will Minsk join the alliance?", CUE_QUESTION);
	rejected(state, "The political will of the elite is lacking.", CUE_NONE);
	struct cue_result r = run_q(state, "Minsk will buy the jets.", true);
	assert_int_equal(r.cls, CUE_QUOTED); /* inside a quote opened earlier */
}

static void test_scheduled_flag(void **state)
{
	struct cue_result r = run(state, "The delegation will visit Minsk on Monday.");
	assert_int_equal(r.cls, CUE_WILL);
	assert_string_equal(r.note, CUE_NOTE_SCHEDULED);
	r = run(state, "The summit will take place on May 14.");
	assert_int_equal(r.cls, CUE_WILL);
	assert_string_equal(r.note, CUE_NOTE_SCHEDULED);
	r = run(state, "Minsk will continue to buy arms.");
	assert_null(r.note);
	/* an estimative cue is a judgement even about talks or a summit:
	 * once flagged as a possible scheduled event, which was noise */
	r = run(state, "The talks are likely to collapse.");
	assert_int_equal(r.cls, CUE_FORECAST);
	assert_null(r.note);
}

static void test_confidence(void **state)
{
	rejected(state, "We assess with high confidence that the regime is stable.",
		 CUE_CONFIDENCE);
	struct cue_result r = run(state, "With high confidence, the regime will survive.");
	assert_int_equal(r.cls, CUE_WILL);
	assert_string_equal(r.note, CUE_NOTE_CONFIDENCE);
}

static void test_candidate_and_quotes(void **state)
{
	struct fixture *f = *state;
	const char *no = "The quality of Chinese products is improving.";
	assert_false(cue_candidate(f->m, no, strlen(no)));
	const char *yes = "It is LIKELY.";
	assert_true(cue_candidate(f->m, yes, strlen(yes)));
	assert_true(cue_quote_scan("He said \xe2\x80\x9cWe", 13, false));
	assert_false(cue_quote_scan("end.\xe2\x80\x9d", 7, true));
	assert_true(cue_quote_scan("a \"b", 4, false));
	assert_false(cue_quote_scan("a \"b\" c", 7, false));
	/* a mark at every offset from a run without any (the scan passes
	 * over eight bytes at a time); « opens, » closes */
	for (size_t n = 0; n <= 20; n++) {
		char t[64];
		memset(t, 'x', n);
		memcpy(t + n, "\xc2\xab", 2);
		memset(t + n + 2, 'y', n);
		assert_true(cue_quote_scan(t, 2 * n + 2, false));
		memcpy(t + n, "\xc2\xbb", 2);
		assert_false(cue_quote_scan(t, 2 * n + 2, true));
		assert_true(cue_quote_scan(t, n + 1, true)); /* the lead byte alone */
		t[n] = '"';
		assert_true(cue_quote_scan(t, n + 1, false));
	}
}

/* A configured lexicon: entries sharing a first word compete (the longer
 * wins), a first word that is also a reporting verb still starts a cue,
 * and a "will" entry only sets the "will" rule's probability. */
static void test_custom_lexicon(void **state)
{
	struct fixture cf;
	void *cs = &cf;
	(void)state;
	lexicon_init_empty(&cf.lx);
	assert_int_equal(lexicon_add(&cf.lx, "poised to", 0.7), 0);
	assert_int_equal(lexicon_add(&cf.lx, "poised to win", 0.9), 0);
	assert_int_equal(lexicon_add(&cf.lx, "said to", 0.6), 0);
	assert_int_equal(lexicon_add(&cf.lx, "will", 0.8), 0);
	horizon_init_default(&cf.h);
	cf.m = cue_matcher_new(&cf.lx, &cf.h);
	kept(&cs, "The party is poised to win the vote next year.", CUE_FORECAST,
	     "poised to win", 0.9, '+');
	kept(&cs, "The party is poised to gain seats.", CUE_FORECAST, "poised to", 0.7, '+');
	kept(&cs, "The talks are said to resume next week.", CUE_FORECAST, "said to", 0.6, '+');
	kept(&cs, "Minsk will grow.", CUE_WILL, "will", 0.8, '+');
	cue_matcher_free(cf.m);
	horizon_release(&cf.h);
	lexicon_release(&cf.lx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lexicon_cues),
		cmocka_unit_test(test_negatives_as_entries),
		cmocka_unit_test(test_intensifiers),
		cmocka_unit_test(test_not_scored),
		cmocka_unit_test(test_present_or_past),
		cmocka_unit_test(test_adverbial_forward),
		cmocka_unit_test(test_hedges),
		cmocka_unit_test(test_conditionals_and_duties),
		cmocka_unit_test(test_will),
		cmocka_unit_test(test_scheduled_flag),
		cmocka_unit_test(test_confidence),
		cmocka_unit_test(test_candidate_and_quotes),
		cmocka_unit_test(test_custom_lexicon),
	};
	return cmocka_run_group_tests_name("cue", tests, setup, teardown);
}
