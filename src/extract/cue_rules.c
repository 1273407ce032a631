/*
 * cue_rules: the ordered table of named rules that reject a place which
 * is not a forecast (see cue.h for the list), and who speaks when a
 * forecast is reported.  Each rule is one function, one place to read.
 */
#include "cue_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum cue_class (*rule_fn)(const struct cue_matcher *m, const struct place *p);

static enum cue_class rule_question(const struct cue_matcher *m, const struct place *p)
{
	(void)p;
	return is_question(m) ? CUE_QUESTION : CUE_NONE;
}

/* "not very likely", "not unlikely", "not set to": never scored. */
static enum cue_class rule_negated(const struct cue_matcher *m, const struct place *p)
{
	return p->a > 0 && has_class(m, p->a - 1, CW_NEGATOR) && !has_class(m, p->a, CW_NEGATOR)
		       ? CUE_NEGATED
		       : CUE_NONE;
}

/* "more likely to buy Chinese arms than Russian ones". */
static enum cue_class rule_comparative(const struct cue_matcher *m, const struct place *p)
{
	if (strcmp(p->e->words[0], "more") == 0)
		return CUE_NONE;
	if ((p->a > 0 && (is(m, p->a - 1, "more") || is(m, p->a - 1, "less"))) ||
	    is(m, p->b + 1, "than"))
		return CUE_COMPARATIVE;
	return CUE_NONE;
}

/* "explain how Beijing is likely to respond", "what to expect",
 * "whether the talks will resume": an indirect question or a teaser. */
static enum cue_class rule_indirect(const struct cue_matcher *m, const struct place *p)
{
	for (size_t k = clause_start(m, p->a); k < p->a; k++)
		if (has_class(m, k, CW_WH))
			return CUE_QUESTION;
	return CUE_NONE;
}

static enum cue_class rule_counterfactual(const struct cue_matcher *m, const struct place *p)
{
	(void)p;
	for (size_t i = 0; i < m->tok.n; i++)
		if (modal_perfect_at(m, i))
			return CUE_COUNTERFACTUAL;
	return CUE_NONE;
}

/* "Were Minsk to agree, ...", "Should the talks fail, ...", "Had it ...,",
 * "if ... were to", and an estimative under "would" ("would likely"). */
static enum cue_class rule_subjunctive(const struct cue_matcher *m, const struct place *p)
{
	if (p->e && entry_has(p->e, "if"))
		return CUE_NONE; /* "would be surprised if" is the cue itself */
	size_t f = first_word(m);
	if (is(m, f, "should") || is(m, f, "were") || is(m, f, "had"))
		for (size_t i = f + 1; i < m->tok.n; i++)
			if (punct_is(m, i, ","))
				return CUE_SUBJUNCTIVE;
	bool in_if = false;
	for (size_t i = 0; i < m->tok.n; i++) {
		if (is(m, i, "if"))
			in_if = true;
		else if (in_if && is(m, i, "were"))
			return CUE_SUBJUNCTIVE;
	}
	for (size_t k = p->a; k > 0 && k + 3 > p->a; k--)
		if (is(m, k - 1, "would"))
			return CUE_SUBJUNCTIVE;
	if (p->kind == F_WOULD && has_if(m))
		return CUE_SUBJUNCTIVE; /* "said that if ..., X would": a hypothetical */
	return CUE_NONE;
}

/* "was likely caused", "were expected to", "looked set to" (up to three
 * words back, within the clause). */
static enum cue_class rule_past(const struct cue_matcher *m, const struct place *p)
{
	for (size_t k = p->a, hops = 0; k > 0 && hops < 3; k--, hops++) {
		if (!is_word(m, k - 1))
			break;
		if (has_class(m, k - 1, CW_PAST))
			return CUE_PRESENT_OR_PAST;
	}
	if (p->kind == F_LEXICON && entry_is_to_form(p->e) && is(m, p->b + 1, "have") &&
	    is_word(m, p->b + 2))
		return CUE_PRESENT_OR_PAST; /* "is likely to have played" */
	return CUE_NONE;
}

/* An estimative without "to" ("most likely", "probably", "is likely")
 * speaks of the future only when its clause does: "will", a horizon,
 * "to" + verb after it, or the cue closing the sentence ("A deal is
 * likely.").  "Most likely, the delay cost ..." is about the past. */
static enum cue_class rule_present(const struct cue_matcher *m, const struct place *p)
{
	const struct lexicon_entry *e = p->e;
	if (entry_is_to_form(e) || is_will_entry(e))
		return CUE_NONE;
	if (is(m, p->b + 1, "to") && is_word(m, p->b + 2) && !is(m, p->b + 2, "have"))
		return CUE_NONE;
	if (entry_has(e, "chance") || entry_has(e, "toss-up") || entry_has(e, "even") ||
	    entry_has(e, "will") || entry_has(e, "if") || entry_has(e, "expected") ||
	    entry_has(e, "expect") || entry_has(e, "foresee") || entry_has(e, "bet") ||
	    entry_has(e, "outcome") || entry_has(e, "favourite") || entry_has(e, "favorite") ||
	    entry_has(e, "there"))
		return CUE_NONE; /* these name an outcome to come */
	/* "The market is probably still underpricing the risk": a copula,
	 * the estimative, then a present participle */
	size_t v = skip_adverbs(m, p->b + 1);
	const char *vw = W(m, v);
	size_t vn = strlen(vw);
	if (p->a > 0 && has_class(m, p->a - 1, CW_COPULA) && vn > 4 &&
	    strcmp(vw + vn - 3, "ing") == 0 && !is(m, v, "going"))
		return CUE_PRESENT_OR_PAST;
	size_t after = p->b + 1;
	bool closes = after >= m->tok.n || punct_is(m, after, ".") || punct_is(m, after, "!") ||
		      punct_is(m, after, ";") || (m->in.title && clause_break(m, after));
	if (closes || future_in(m, 0, m->tok.n))
		return CUE_NONE;
	/* a horizon phrase alone does not do for "Most likely, ..." or a
	 * participle ("are probably aimed at ... in the spring"): there the
	 * phrase dates a present or past state */
	const char *next = W(m, after);
	size_t nn = strlen(next);
	bool adverbial = punct_is(m, after, ",") || (nn > 3 && strcmp(next + nn - 2, "ed") == 0);
	if (!adverbial && has_horizon(m))
		return CUE_NONE;
	return CUE_PRESENT_OR_PAST;
}

/* Token i is a participle of something done ("be disrupted", "be
 * added"), not of a state ("be interested", "be based"). */
static bool passive_event(const struct cue_matcher *m, size_t i)
{
	const char *w = W(m, i);
	size_t n = strlen(w);
	return n > 3 && strcmp(w + n - 2, "ed") == 0 && !has_class(m, i, CW_STATE_PARTICIPLE);
}

/* A hedge speaks of the future when a verb of action follows it ("could
 * restrict", "may get"), or, after "be", when the sentence looks ahead
 * or states a condition ("may be disrupted in January", "could be
 * smaller than expected if ..."); "could be interested in", "may be the
 * reason" and "could not obtain" are about now. */
static enum cue_class rule_hedge_present(const struct cue_matcher *m, const struct place *p)
{
	size_t h = p->b, v = p->verb;
	if (is(m, p->a, "could") && is(m, p->a + 1, "not"))
		return CUE_HEDGE_PRESENT;
	for (size_t k = h + 1; k < m->tok.n && k < h + 4; k++)
		if (has_class(m, k, CW_PAST))
			return CUE_HEDGE_PRESENT;
	if (!has_class(m, p->a, CW_HEDGE) || is(m, p->a, "possibly") || is(m, p->a, "perhaps") ||
	    is(m, p->a, "maybe")) {
		/* adverbs and "possible" need a future around them */
		if (p->b > p->a || is(m, p->b, "possible"))
			return CUE_NONE; /* "cannot be ruled out", "is possible" */
		/* "Maybe I'm wrong about August": a date is not enough */
		return future_in(m, 0, m->tok.n) ? CUE_NONE : CUE_HEDGE_PRESENT;
	}
	if (!is_word(m, v))
		return CUE_HEDGE_PRESENT;
	if (is(m, v, "be") || is(m, v, "well"))
		return looks_ahead(m) || has_if(m) || passive_event(m, v + 1) ||
				       is(m, v + 2, "than")
			       ? CUE_NONE
			       : CUE_HEDGE_PRESENT;
	return CUE_NONE;
}

/* "Actual results may differ materially", "forecasts may not be
 * realised": a disclaimer about forecasts is not one. */
static enum cue_class rule_disclaimer(const struct cue_matcher *m, const struct place *p)
{
	return any_word_in(m, clause_start(m, p->a), p->a, CW_META) ? CUE_PRESENT_OR_PAST
								    : CUE_NONE;
}

/* "Officials hope the link will end ...", "Minsk fears that ...", "the
 * ministry announced that it will ...": what an actor hopes, fears,
 * plans or announces is not a forecast.  A noun use ("its plans are")
 * does not count. */
static enum cue_class rule_actor(const struct cue_matcher *m, const struct place *p)
{
	for (size_t k = 0; k < p->a; k++)
		if (has_class(m, k, CW_ACTOR_VERB) && !has_class(m, k + 1, CW_COPULA | CW_MODAL) &&
		    !(k > 0 && has_class(m, k - 1, CW_DETERMINER)))
			return CUE_ACTOR;
	return CUE_NONE;
}

/* One's own conduct: "The Board expects to continue easing", "we will",
 * "We could lower the ratings if ...". */
static enum cue_class rule_intention(const struct cue_matcher *m, const struct place *p)
{
	if (p->kind == F_VERB && is(m, p->b + 1, "to") && !is(m, p->b + 2, "see"))
		return CUE_INTENTION; /* but "we expect to see robust growth" */
	/* "cannot be ruled out" is an estimate, whoever says it */
	if ((p->kind & (F_WILL | F_HEDGE | F_WOULD)) && !(p->kind == F_HEDGE && p->b > p->a)) {
		size_t k = p->a;
		while (k > 0 && is_adverb(m, k - 1))
			k--;
		/* "we will see a lot more of it" forecasts what will be seen,
		 * unlike "we will defend": perception verbs are no plan */
		bool seeing = (is(m, p->verb, "see") || is(m, p->verb, "witness")) &&
			      is_word(m, p->verb + 1);
		if (k > 0 && (is(m, k - 1, "we") || is(m, k - 1, "i")) && !seeing)
			return CUE_INTENTION;
		/* "The bank said it will keep ...", "S&P warns that it may
		 * downgrade ...": the speaker's own conduct */
		if (k > 1 && (is(m, k - 1, "it") || is(m, k - 1, "they")) &&
		    (has_class(m, k - 2, CW_REPORTING | CW_ACTOR_VERB) ||
		     (is(m, k - 2, "that") && k > 2 &&
		      has_class(m, k - 3, CW_REPORTING | CW_ACTOR_VERB))))
			return CUE_INTENTION;
	}
	return CUE_NONE;
}

/* "Under the agreement, ...", "will enter into force", "will be set at":
 * the terms of a law, treaty or decision. */
static enum cue_class rule_terms(const struct cue_matcher *m, const struct place *p)
{
	size_t f = first_word(m);
	if (is(m, f, "under") && any_word_in(m, f + 1, clause_end(m, f), CW_TERMS_NOUN))
		return CUE_TERMS;
	for (size_t i = 0; i + 1 < m->tok.n; i++)
		if (is(m, i, "into") && is(m, i + 1, "force"))
			return CUE_TERMS;
	size_t v = p->verb;
	if (is(m, v, "be") && is(m, v + 1, "set") && is(m, v + 2, "at"))
		return CUE_TERMS;
	return CUE_NONE;
}

/* "will publish", "will be held", "will take place", "will take office",
 * "will hold its next meeting", "will end on Saturday": a calendar. */
static enum cue_class rule_schedule(const struct cue_matcher *m, const struct place *p)
{
	size_t v = p->verb;
	if (is(m, v, "be"))
		v = skip_adverbs(m, v + 1);
	if (is(m, v, "continue") && is(m, v + 1, "to"))
		v += 2; /* "will continue to monitor" */
	if (has_class(m, v, CW_SCHEDULE_VERB))
		return CUE_SCHEDULE;
	if (is(m, v, "take") && (is(m, v + 1, "place") || is(m, v + 1, "office")))
		return CUE_SCHEDULE;
	if ((is(m, v, "hold") || is(m, v, "open") || is(m, v, "begin") || is(m, v, "start") ||
	     is(m, v, "end") || is(m, v, "close")) &&
	    (any_word_in(m, v + 1, v + 5, CW_SCHEDULE_NOUN) || names_a_day(m)))
		return CUE_SCHEDULE;
	if (any_word_in(m, 0, m->tok.n, CW_SCHEDULE_NOUN) &&
	    any_word_in(m, 0, m->tok.n, CW_CALENDAR))
		return CUE_SCHEDULE;
	/* "are scheduled to be put into operation by April", "is slated
	 * for": the sentence states a timetable */
	for (size_t i = 0; i < m->tok.n; i++)
		if (has_class(m, i, CW_SCHEDULE_MARK) &&
		    ((i > 0 && has_class(m, i - 1, CW_COPULA | CW_PAST)) || is(m, i + 1, "to") ||
		     is(m, i + 1, "for")))
			return CUE_SCHEDULE; /* not "scheduled blackouts" */
	/* a headline future with a day on it is a calendar: "Talks to
	 * continue on Thursday", "X to raise tariffs from 1 May" */
	if (p->kind == F_HEADLINE && names_a_day(m))
		return CUE_SCHEDULE;
	return CUE_NONE;
}

/* Who reports the forecast: the words beside a speech verb ("..., the
 * analyst said", "said Irina V of X"), after "according to", or before
 * a forecasting verb ("Sergei Lamin of the X Centre forecasts").  False
 * when nobody is named. */
bool speaker_of(const struct cue_matcher *m, const struct place *p, size_t *sa, size_t *sb)
{
	bool found = false;
	/* the last attribution wins: "..., which it believes ..., X warned" */
	for (size_t i = 0; i < m->tok.n; i++) {
		if (is(m, i, "according") && is(m, i + 1, "to")) {
			*sa = i + 2;
			*sb = clause_end(m, i + 2);
			found = *sb > *sa;
			continue;
		}
		/* an actor verb before the cue is rule_actor's; one after it
		 * is the forecast's content ("is expected to announce") */
		if (!has_class(m, i, CW_REPORTING) || (i >= p->a && i <= p->b))
			continue;
		/* "That said," / "having said that": connectives */
		if (is(m, i, "said") && i > 0 && (is(m, i - 1, "that") || is(m, i - 1, "having")))
			continue;
		size_t cs = clause_start(m, i);
		if (cs < i) {
			*sa = cs;
			*sb = i;
		} else {
			*sa = i + 1;
			*sb = clause_end(m, i + 1);
		}
		found = *sb > *sa;
	}
	/* "But analysts say": the conjunction is not part of the name */
	while (found && *sa + 1 < *sb &&
	       (is(m, *sa, "but") || is(m, *sa, "and") || is(m, *sa, "so") || is(m, *sa, "yet")))
		(*sa)++;
	if (!found && p->kind == F_VERB && p->a == p->b && /* active */
	    clause_start(m, p->a) < p->a) {
		*sa = clause_start(m, p->a);
		*sb = p->a;
		found = true;
	}
	return found;
}

/* A forecast reported from a ministry, a government or officials is that
 * actor's position, not a forecast. */
static enum cue_class rule_actor_speaker(const struct cue_matcher *m, const struct place *p)
{
	size_t sa, sb;
	if (speaker_of(m, p, &sa, &sb) && any_word_in(m, sa, sb, CW_ACTOR))
		return CUE_ACTOR;
	return CUE_NONE;
}

/* A quotation opened in an earlier sentence, and this sentence does not
 * say who speaks: it may be an actor stating a plan ("He said: 'This is
 * our plan.  Minsk will buy jets.'"), so it is not taken on trust. */
static enum cue_class rule_quoted(const struct cue_matcher *m, const struct place *p)
{
	if (!m->in.in_quote || !quoted_at(m, p->a))
		return CUE_NONE;
	for (size_t i = 0; i < m->tok.n; i++)
		if (has_class(m, i, CW_REPORTING))
			return CUE_NONE;
	return CUE_QUOTED;
}

static const struct {
	const char *name;
	unsigned finders; /* the kinds of place the rule applies to */
	rule_fn test;
} rules[] = {
	{"question", F_ANY, rule_question},
	{"negated", F_LEXICON, rule_negated},
	{"comparative", F_LEXICON, rule_comparative},
	{"indirect-question", F_ANY, rule_indirect},
	{"counterfactual", F_ANY, rule_counterfactual},
	{"subjunctive", F_ANY, rule_subjunctive},
	{"past", F_LEXICON | F_VERB, rule_past},
	{"present", F_LEXICON, rule_present},
	{"hedge-present", F_HEDGE, rule_hedge_present},
	{"disclaimer", F_HEDGE | F_WILL, rule_disclaimer},
	{"actor", F_ANY, rule_actor},
	{"intention", F_VERB | F_WILL | F_HEDGE | F_WOULD, rule_intention},
	{"terms", F_WILL | F_HEDGE | F_HEADLINE | F_WOULD, rule_terms},
	{"schedule", F_WILL | F_HEADLINE | F_WOULD, rule_schedule},
	{"actor-speaker", F_ANY, rule_actor_speaker},
	{"quoted", F_ANY, rule_quoted},
};

const char *first_rejection(const struct cue_matcher *m, const struct place *p, enum cue_class *cls)
{
	for (size_t k = 0; k < sizeof rules / sizeof rules[0]; k++) {
		if (!(rules[k].finders & p->kind))
			continue;
		enum cue_class c = rules[k].test(m, p);
		if (c != CUE_NONE) {
			*cls = c;
			return rules[k].name;
		}
	}
	return NULL;
}
