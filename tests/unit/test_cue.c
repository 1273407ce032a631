/*
 * Test plan (cue, the parts that are not per-sentence verdicts; those
 * are data in tests/extract/cues.tsv, see test_cues_tsv.c):
 *  - the review notes: a reported forecast names its speaker, a "will"
 *    with a day is flagged as a possible scheduled event, "high
 *    confidence" is flagged;
 *  - the candidate pre-test and the quotation scanner;
 *  - a configured lexicon: entries sharing a first word compete, a
 *    configured "will" sets the "will" probability.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "likely/extract/cue.h"
#include "likely/base/date.h"

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
	f.m = cue_matcher_new(&f.lx, &f.h, NULL);
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

static void kept(void **state, const char *s, enum cue_class cls,
		 const char *cue, double p, char pol)
{
	struct fixture *f = *state;
	struct cue_result r;
	struct cue_input in = {false, false, date_from_ymd(2017, 1, 10)};
	cue_detect(f->m, s, strlen(s), &in, &r);
	if (r.cls != cls)
		fail_msg("\"%s\": class %s, want %s", s, cue_class_name(r.cls),
			 cue_class_name(cls));
	char got[64];
	size_t n = r.end - r.start < sizeof got - 1 ? r.end - r.start : sizeof got - 1;
	memcpy(got, s + r.start, n);
	got[n] = '\0';
	assert_string_equal(got, cue);
	assert_true(r.scored);
	assert_true(fabs(r.p - p) < 1e-12);
	assert_int_equal(r.polarity, pol);
}

static void test_reported_note_names_speaker(void **state)
{
	struct fixture *f = *state;
	struct cue_result r;
	struct cue_input in = {false, false, date_from_ymd(2017, 1, 10)};
	const char *s = "Protests will go on, Anna Berg of the Delta Institute said.";
	cue_detect(f->m, s, strlen(s), &in, &r);
	assert_int_equal(r.cls, CUE_WILL);
	assert_string_equal(r.note, CUE_NOTE_REPORTED " (Anna Berg of the Delta Institute)");
	s = "Minsk will sign the deal on Monday.";
	cue_detect(f->m, s, strlen(s), &in, &r);
	assert_int_equal(r.cls, CUE_WILL);
	assert_string_equal(r.note, CUE_NOTE_SCHEDULED);
	s = "Minsk will sign the deal at 2 p.m. local time.";
	cue_detect(f->m, s, strlen(s), &in, &r);
	assert_int_equal(r.cls, CUE_WILL);
	assert_string_equal(r.note, CUE_NOTE_SCHEDULED);
	s = "Minsk will sign the deal on Jan. 14.";
	cue_detect(f->m, s, strlen(s), &in, &r);
	assert_int_equal(r.cls, CUE_WILL);
	assert_string_equal(r.note, CUE_NOTE_SCHEDULED);
	s = "With high confidence, the regime will survive.";
	cue_detect(f->m, s, strlen(s), &in, &r);
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
	cf.m = cue_matcher_new(&cf.lx, &cf.h, NULL);
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
		cmocka_unit_test(test_reported_note_names_speaker),
		cmocka_unit_test(test_candidate_and_quotes),
		cmocka_unit_test(test_custom_lexicon),
	};
	return cmocka_run_group_tests_name("cue", tests, setup, teardown);
}
