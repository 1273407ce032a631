/*
 * cue_find: the finders.  Each looks at one token and says whether a
 * forecast may be stated there, and how (see cue.h for the list); the
 * places are tried by the rules in the order find_places returns them.
 */
#include "cue_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool entry_is_to_form(const struct lexicon_entry *e)
{
	return strcmp(e->words[e->nwords - 1], "to") == 0;
}

bool entry_has(const struct lexicon_entry *e, const char *w)
{
	for (size_t i = 0; i < e->nwords; i++)
		if (strcmp(e->words[i], w) == 0)
			return true;
	return false;
}

const char *finder_name(enum finder f)
{
	switch (f) {
	case F_LEXICON:
		return "lexicon";
	case F_VERB:
		return "forecast-verb";
	case F_HEADLINE:
		return "headline";
	case F_HEDGE:
		return "hedge";
	case F_WILL:
		return "will";
	case F_SHOULD:
		return "should";
	case F_WOULD:
		return "reported-would";
	}
	return "?";
}

/* The lexicon entry matching at token i, longest first (a copula-led
 * form loses to the bare one of the same length: "likely to" over "is
 * likely"). */
static bool lexicon_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	const struct lexicon_entry *best = NULL;
	int best_key = -1;
	size_t ncues = m->kw[i] ? m->kw[i]->ncues : 0;
	for (size_t q = 0; q < ncues; q++) {
		size_t k = m->kw[i]->cues[q];
		const struct lexicon_entry *e = &m->lx->e[k];
		if (i + e->nwords > m->tok.n)
			continue;
		const unsigned *wh = m->whash + m->wfirst[k];
		size_t j;
		for (j = 1; j < e->nwords; j++)
			if (!is_word(m, i + j) || m->tok.tok[i + j].hash != wh[j] ||
			    strcmp(W(m, i + j), e->words[j]) != 0)
				break;
		if (j < e->nwords)
			continue;
		int key = (int)(2 * e->nwords) - has_class(m, i, CW_COPULA);
		if (key > best_key) {
			best = e;
			best_key = key;
		}
	}
	if (!best)
		return false;
	memset(p, 0, sizeof *p);
	p->kind = F_LEXICON;
	p->e = best;
	p->a = i;
	p->b = i + best->nwords - 1;
	p->verb = p->b + 1;
	p->p = best->p;
	p->scored = true;
	if (i > 0 && has_class(m, i - 1, CW_INTENSIFIER) && !has_class(m, i, CW_INTENSIFIER)) {
		p->a = i - 1;
		p->intensified = true;
		p->p = lexicon_intensify(m->lx, best->p);
	}
	p->polarity = p->p < 0.5 ? '-' : '+';
	return true;
}

/* Does a forecaster stand before the verb at i: a pronoun, a name, an
 * analyst word, a count ("28 expect")?  Adverbs between are skipped
 * ("economists now expect").  Sentence-initial capitals are no names. */
static bool forecaster_word(const struct cue_matcher *m, size_t k)
{
	return is(m, k, "we") || is(m, k, "i") || is(m, k, "they") || is(m, k, "them") ||
	       is(m, k, "he") || is(m, k, "she") || is(m, k, "it") || is(m, k, "who") ||
	       is_number(m, k) || has_class(m, k, CW_ANALYST | CW_ACTOR);
}

static bool forecaster_before(const struct cue_matcher *m, size_t i)
{
	size_t k = i;
	while (k > 0 && is_adverb(m, k - 1) && !has_class(m, k - 1, CW_ANALYST))
		k--;
	if (k > 0 && punct_is(m, k - 1, ",")) {
		/* "Aida Sultanova, an analyst at X, expects", "or 32 of 36
		 * surveyed, see": the apposition says who the subject is */
		size_t cs = clause_start(m, k - 1);
		if (cs == 0 || !punct_is(m, cs - 1, ","))
			return false;
		for (size_t j = cs; j + 1 < k; j++)
			if (forecaster_word(m, j))
				return true;
		return false;
	}
	if (k == 0 || !is_word(m, k - 1))
		return false;
	if (m->tok.tok[k - 1].upper_initial && k - 1 > first_word(m))
		return true; /* a name */
	/* "Fitch expects debt to jump": a name opening the sentence, the
	 * verb's -s form right after it, no auxiliary after the verb
	 * ("Growth forecasts were revised" is a noun phrase) */
	size_t n = m->tok.tok[i].norm_len;
	if (k - 1 == first_word(m) && k == i && W(m, i)[n - 1] == 's' &&
	    !has_class(m, i + 1, CW_COPULA | CW_PAST | CW_MODAL))
		return true;
	/* the subject may run back a few words: "economists surveyed over
	 * the past week expect", "most of the analysts expect" */
	size_t cs = clause_start(m, k - 1);
	for (size_t j = k; j-- > cs && j + 8 >= k;)
		if (forecaster_word(m, j))
			return true;
	return false;
}

/* "see" forecasts only in a forecaster's mouth: a pronoun, a count or
 * an analyst word right before it, or in its clause up to eight words
 * back ("Strategists at Banco X see the peso at 20.50"). */
static bool sees_ahead(const struct cue_matcher *m, size_t i)
{
	if (is_adverb(m, i - 1) || punct_is(m, i - 1, ","))
		return true;
	size_t cs = clause_start(m, i);
	for (size_t j = i; j-- > cs && j + 8 >= i;)
		if (forecaster_word(m, j) && !has_class(m, j, CW_ACTOR))
			return true;
	return false;
}

/* "We expect the bank to cut", "X predicts that ...", "Analysts see the
 * ruble weakening", "X forecasts growth of 2%": a forecasting verb in the
 * present with a subject before it (not "the forecast") and an object
 * after it.  "seen" stands alone in headlines only ("Fed seen holding"). */
static bool verb_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	if (!has_class(m, i, CW_FORECAST_VERB))
		return false;
	bool seen = is(m, i, "seen");
	if (seen && !m->in.title) {
		/* "The rate is widely seen at 0.5% by early next year": a
		 * passive forecast when the sentence looks ahead */
		size_t k = i;
		while (k > 0 && is_adverb(m, k - 1))
			k--;
		if (k == 0 || !has_class(m, k - 1, CW_COPULA) || !looks_ahead(m))
			return false;
		memset(p, 0, sizeof *p);
		p->kind = F_VERB;
		p->a = k - 1;
		p->b = i;
		p->verb = i + 1;
		p->p = CUE_VERB_P;
		p->scored = true;
		p->polarity = '+';
		return true;
	}
	if (i == 0 || (clause_start(m, i) == i && !punct_is(m, i - 1, ","))) {
		if (!seen)
			return false; /* no subject: a noun or an imperative */
	} else if (has_class(m, i - 1, CW_DETERMINER | CW_COPULA | CW_MODAL) ||
		   is(m, i - 1, "to") || is_will_modal(m, i - 1)) {
		return false; /* "the forecast", "is forecast", "to see" */
	}
	if (!seen && clause_end(m, i + 1) == i + 1)
		return false; /* nothing forecast: "as forecasters predict," */
	if (has_class(m, i + 1, CW_WH) || is(m, i + 1, "of"))
		return false; /* "we see how ...", "projects of" */
	if (!seen && !forecaster_before(m, i))
		return false; /* "unpopular project" */
	bool see_form = is(m, i, "see") || is(m, i, "sees");
	if (see_form && (has_class(m, i - 1, CW_ACTOR) || !sees_ahead(m, i)))
		return false; /* "China sees Belarus as a partner": a view */
	if (m->tok.tok[i].upper_initial && i > first_word(m))
		return false; /* part of a name: "the Holy See" */
	memset(p, 0, sizeof *p);
	p->kind = F_VERB;
	p->a = p->b = i;
	p->verb = i + 1;
	p->p = CUE_VERB_P;
	p->scored = true;
	p->polarity = '+';
	return true;
}

/* A headline's infinitive future: "Minsk to keep up military activity",
 * "Tenge to weaken further as oil slides, analysts say". */
static bool headline_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	if (!m->in.title || !is(m, i, "to") || i == 0 || !is_word(m, i - 1))
		return false;
	if (has_class(m, i - 1,
		      CW_NOT_HEADLINE_SUBJECT | CW_COPULA | CW_MODAL | CW_FORECAST_VERB |
			      CW_ACTOR_VERB | CW_ESTIMATIVE | CW_DETERMINER | CW_NEGATOR | CW_WH |
			      CW_PAST | CW_REPORTING) ||
	    is_number(m, i - 1))
		return false;
	if (i - clause_start(m, i) > 4)
		return false; /* "Moldova and Romania sign deal to expand": the
			       * subject of a headline future is short */
	const char *v = W(m, i + 1), *before = W(m, i - 1);
	size_t n = strlen(v), nb = strlen(before);
	if (nb > 4 && strcmp(before + nb - 3, "ing") == 0)
		return false; /* "by opening to Western values" */
	if (!is_word(m, i + 1) || is_number(m, i + 1) || m->tok.tok[i + 1].upper_initial ||
	    has_class(m, i + 1, CW_DETERMINER | CW_BEFORE_NOUN_WILL) ||
	    (n > 4 && strcmp(v + n - 3, "ing") == 0))
		return false;
	memset(p, 0, sizeof *p);
	p->kind = F_HEADLINE;
	p->a = i;
	p->b = i + 1;
	p->verb = i + 1;
	p->p = CUE_WILL_P;
	p->scored = true;
	p->polarity = '+';
	return true;
}

static bool month_may(const struct cue_matcher *m, size_t i)
{
	/* the modal is capitalised only at the start of a sentence, and then
	 * not before a number ("May 14 was ..."); "this may", "in may" in
	 * lower case are the modal */
	const char *nx = W(m, i + 1);
	if (!m->tok.tok[i].upper_initial)
		return false;
	return i > 0 || (nx[0] >= '0' && nx[0] <= '9');
}

/* may, might, could, possibly, perhaps, maybe; "cannot be ruled out",
 * "not rule out"; "(is) possible". */
static bool hedge_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	size_t a = i, b = i;
	if (has_class(m, i, CW_HEDGE)) {
		if (is(m, i, "may") && month_may(m, i))
			return false;
	} else if (is(m, i, "not")) {
		size_t j = i + 1;
		if (is(m, j, "be"))
			j++;
		bool rule_out = (is(m, j, "rule") || is(m, j, "ruled")) && is(m, j + 1, "out");
		if (!rule_out && !is(m, j, "excluded"))
			return false;
		a = i > 0 && (is(m, i - 1, "can") || is(m, i - 1, "does") || is(m, i - 1, "do"))
			    ? i - 1
			    : i;
		b = rule_out ? j + 1 : j;
	} else if (is(m, i, "possible")) {
		/* predicative only: "is (quite) possible", "run-off possible";
		 * "the possible abolition" is about something else */
		size_t k = i;
		if (k > 0 && is_adverb(m, k - 1))
			k--;
		if (is(m, i + 1, "to"))
			return false; /* "it is possible to develop": ability */
		bool pred = (k > 0 && has_class(m, k - 1, CW_COPULA)) || clause_break(m, i + 1) ||
			    is(m, i + 1, "that") || is(m, i + 1, "in") || is(m, i + 1, "before");
		if (!pred || (k > 0 && is(m, k - 1, "longer")) ||
		    (k > 0 && has_class(m, k - 1, CW_NEGATOR)))
			return false;
		a = k > 0 && has_class(m, k - 1, CW_COPULA) ? k - 1 : k;
	} else {
		return false;
	}
	memset(p, 0, sizeof *p);
	p->kind = F_HEDGE;
	p->a = a;
	p->b = b;
	p->verb = skip_adverbs(m, b + 1);
	p->polarity = (is(m, i, "may") || is(m, i, "might")) && is(m, i + 1, "not") ? '-' : '+';
	return true;
}

/* A reported "will" shifted into the past: "Economists said trade
 * relations would stay the same", "X predicted that prices would fall".
 * The speech verb comes first and is not itself in the past perfect
 * ("had predicted ... would peak" is a resolved old forecast). */
static bool would_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	if (!is(m, i, "would") || is(m, i + 1, "have") || is(m, i + 1, "like"))
		return false;
	bool reported = false;
	for (size_t k = 0; k < i; k++)
		if ((has_class(m, k, CW_REPORTING) || is(m, k, "predicted") ||
		     is(m, k, "forecast") || is(m, k, "expected")) &&
		    !(k > 0 && is(m, k - 1, "had")) && !is(m, k, "according"))
			reported = true;
	if (!reported)
		return false;
	bool negative = is(m, i + 1, "not") || is(m, i + 1, "never");
	memset(p, 0, sizeof *p);
	p->kind = F_WOULD;
	p->a = i;
	p->b = negative ? i + 1 : i;
	p->verb = skip_adverbs(m, p->b + 1);
	p->p = negative ? CUE_WILL_NOT_P : CUE_WILL_P;
	p->scored = true;
	p->polarity = negative ? '-' : '+';
	return true;
}

/* Epistemic "should": "Inflation should rise again in the second half",
 * a trend verb after it and a time ahead; "NATO should offer", "the EU
 * should plan" (no trend verb) are advice. */
static bool should_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	if (!is(m, i, "should") || i == first_word(m))
		return false;
	size_t v = skip_adverbs(m, i + 1);
	if (!has_class(m, v, CW_TREND_VERB) || !looks_ahead(m))
		return false;
	memset(p, 0, sizeof *p);
	p->kind = F_SHOULD;
	p->a = p->b = i;
	p->verb = v;
	p->p = CUE_SHOULD_P;
	p->scored = true;
	p->polarity = '+';
	return true;
}

/* will, shall, won't, is going to; "None of ... will" is negative. */
static bool will_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	bool going = is_going_to(m, i);
	if (!is_will_modal(m, i) && !going)
		return false;
	size_t a = i, b = going ? i + 1 : i;
	bool negative = false;
	if (is(m, b + 1, "not") || is(m, b + 1, "never")) {
		negative = true;
		b++;
	} else if (going && i > 0 && is(m, i - 1, "not")) {
		negative = true;
	}
	for (size_t k = clause_start(m, i); k < i; k++)
		if (has_class(m, k, CW_NEG_SUBJECT))
			negative = true;
	const struct lexicon_entry *e = lexicon_find(m->lx, negative ? "will not" : "will");
	memset(p, 0, sizeof *p);
	p->kind = F_WILL;
	p->a = a;
	p->b = b;
	p->verb = skip_adverbs(m, b + 1);
	p->p = e ? e->p : negative ? CUE_WILL_NOT_P : CUE_WILL_P;
	p->scored = true;
	p->polarity = negative ? '-' : '+';
	return true;
}

/* A second predicate of the same subject: "and will", "but will not". */
static bool coordinated(const struct cue_matcher *m, size_t i, const struct place *found, size_t n)
{
	if (i == 0 || !(is(m, i - 1, "and") || is(m, i - 1, "but") || is(m, i - 1, "or")))
		return false;
	for (size_t k = 0; k < n; k++)
		if (found[k].kind == F_WILL && found[k].a < i)
			return true;
	return false;
}

static int lexicon_key(const struct cue_matcher *m, const struct place *p)
{
	return (int)(2 * p->e->nwords) - has_class(m, p->a + p->intensified, CW_COPULA);
}

/* Of the lexicon entries overlapping the one found at p, the best ("likely
 * to" over "is likely" in "is likely to"); returns the index to resume
 * after. */
static size_t best_overlapping(const struct cue_matcher *m, struct place *p)
{
	struct place q;
	for (size_t j = p->a + 1; j <= p->b && j < m->tok.n; j++)
		if (is_word(m, j) && lexicon_at(m, j, &q) && lexicon_key(m, &q) > lexicon_key(m, p))
			*p = q;
	return p->b;
}

/* Every place, in the order they are tried: by finder, then by position. */
/* Can finder f start at token i?  A cheap test on the token's
 * vocabulary classes, so a finder is called only where it may find:
 * every finder but the headline's starts from a word of the vocabulary
 * or the lexicon. */
static bool may_start(const struct cue_matcher *m, size_t i, enum finder f)
{
	if (f == F_HEADLINE)
		return m->in.title;
	const struct known_word *k = m->kw[i];
	if (!k)
		return false;
	switch (f) {
	case F_LEXICON:
		return k->ncues > 0;
	case F_VERB:
		return k->classes & CW_FORECAST_VERB;
	case F_HEDGE:
		return k->classes & (CW_HEDGE | CW_NEGATOR | CW_CUE_WORD);
	case F_WILL:
	case F_SHOULD:
	case F_WOULD:
		return k->classes & CW_CUE_WORD;
	default:
		return true;
	}
}

size_t find_places(struct cue_matcher *m, struct place *out, size_t cap)
{
	static const enum finder order[] = {F_LEXICON, F_VERB,   F_HEADLINE, F_HEDGE,
					    F_WILL,    F_SHOULD, F_WOULD};
	enum {
		NF = sizeof order / sizeof order[0],
		PER = 8
	};
	/* one pass over the tokens, each finder's places in a bucket of
	 * its own; the buckets are then joined in the finders' order */
	struct place bucket[NF][PER];
	size_t nb[NF] = {0}, next_lexicon = 0;
	for (size_t i = 0; i < m->tok.n; i++) {
		if (!is_word(m, i) || (!m->kw[i] && !m->in.title))
			continue;
		for (size_t f = 0; f < NF; f++) {
			if (nb[f] == PER || !may_start(m, i, order[f]))
				continue;
			struct place p;
			bool found = false;
			switch (order[f]) {
			case F_LEXICON:
				if (i >= next_lexicon && (found = lexicon_at(m, i, &p)))
					next_lexicon = best_overlapping(m, &p) + 1;
				break;
			case F_VERB:
				found = verb_at(m, i, &p);
				break;
			case F_HEADLINE:
				found = headline_at(m, i, &p);
				break;
			case F_HEDGE:
				found = hedge_at(m, i, &p);
				break;
			case F_WILL:
				/* "will continue to monitor ... and will take": the
				 * first "will" decides */
				found = will_at(m, i, &p) && !coordinated(m, i, bucket[f], nb[f]);
				break;
			case F_SHOULD:
				found = should_at(m, i, &p);
				break;
			case F_WOULD:
				found = would_at(m, i, &p);
				break;
			}
			if (found)
				bucket[f][nb[f]++] = p;
		}
	}
	size_t n = 0;
	for (size_t f = 0; f < NF; f++)
		for (size_t k = 0; k < nb[f] && n < cap; k++)
			out[n++] = bucket[f][k];
	return n;
}
