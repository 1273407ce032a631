/*
 * cue: is this sentence a forecast, and with what probability?  The rules
 * of SPEC.md §3, applied to one sentence:
 *
 *  - a lexicon cue (whole words, any case, curly or straight apostrophes)
 *    about the future: scored with the cue's probability; an intensifier
 *    right before it ("extremely", "very", "highly") moves one level
 *    outward; a negation right before it ("not very likely", "not
 *    unlikely", "not set to") is not scored -- negative cues are lexicon
 *    entries of their own, never 1 - p;
 *  - a cue that does not end in "to" ("is likely", "probably", "most
 *    likely") counts only when the sentence looks ahead: "will", a horizon
 *    phrase, or the cue closing its clause ("A deal is likely.");
 *    otherwise it is about the present or past ("this is likely a
 *    signal", "is likely the reason"), as is any cue after "was", "were",
 *    "had", "been" ("was likely caused");
 *  - a hedge (may, might, could, possibly, perhaps, maybe, cannot rule
 *    out) is kept unscored only when forward-looking (a horizon or future
 *    word, or a verb of change right after it: "may soon change", "could
 *    somewhat extend"); "could be interested in" is about the present,
 *    "could have influenced" a counterfactual;
 *  - a plain "will" in the outlet's own voice scores 0.95 (cue "will";
 *    "will not"/"won't" 0.05), but not inside quotation marks, not in the
 *    first person ("we will"), not reported ("the Ministry reported that
 *    ... will", "announced that", "according to"), not in a conditional
 *    ("if", "unless", "whether"), not a duty ("will have to"); one that
 *    looks like a scheduled event (a weekday, a date, "visit", "talks",
 *    "scheduled", "summit") is kept with a review note;
 *  - questions, conditionals ("would depend on") and duties ("must",
 *    "should", "need to") are never forecasts; "high confidence" is not a
 *    probability.
 */
#ifndef LIKELY_CUE_H
#define LIKELY_CUE_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/horizon.h"
#include "likely/lexicon.h"
#include "likely/text.h"

enum cue_class {
	CUE_NONE,           /* no estimative language */
	CUE_FORECAST,       /* kept, scored: a lexicon cue about the future */
	CUE_WILL,           /* kept, scored: plain "will" in the outlet's voice */
	CUE_HEDGE,          /* kept, unscored: a forward-looking hedge */
	CUE_NEGATED,        /* "not very likely", "not unlikely": not scored */
	CUE_COMPARATIVE,    /* "more likely to ... than": no probability */
	CUE_PRESENT_OR_PAST, /* "is likely a signal", "was likely caused" */
	CUE_HEDGE_PRESENT,  /* "could be interested in": speculation now */
	CUE_COUNTERFACTUAL, /* "could have influenced" */
	CUE_CONDITIONAL,    /* "would depend on", "if ...", "would probably" */
	CUE_DUTY,           /* "must", "should", "need to", "will have to" */
	CUE_REPORTED,       /* "reported that ... will", "according to" */
	CUE_QUOTED,         /* inside quotation marks, or "we will" */
	CUE_QUESTION,
	CUE_CONFIDENCE      /* "high confidence" alone: not a probability */
};

struct cue_result {
	enum cue_class cls;
	size_t start, end; /* the cue's bytes in the sentence, as written */
	bool scored;       /* p is meaningful (CUE_FORECAST, CUE_WILL) */
	double p;          /* probability that the event as stated happens */
	char polarity;     /* '+' or '-' (negative cue or "may not") */
	const char *note;  /* a review note (static text) or NULL */
};

#define CUE_NOTE_SCHEDULED "check: may be a scheduled event rather than a forecast"
#define CUE_NOTE_ATTRIBUTED "check: attributed to a quoted or reported source"
#define CUE_NOTE_CONFIDENCE "check: confidence language is not a probability"
#define CUE_WILL_P 0.95
#define CUE_WILL_NOT_P 0.05

struct cue_matcher;

/*
 * A matcher over lx and h (both must outlive it); h is used for the
 * "looks ahead" test.  Holds scratch buffers reused per sentence, so one
 * matcher serves one thread.  Never returns NULL.
 */
struct cue_matcher *cue_matcher_new(const struct lexicon *lx,
				    const struct horizon_table *h);
void cue_matcher_free(struct cue_matcher *m);

/*
 * Cheap pre-test: false when s[0..len) holds none of the words any rule
 * needs (lexicon anchor words, hedges, "will"), so cue_detect would give a
 * class that is not kept.  No allocation.
 */
bool cue_candidate(const struct cue_matcher *m, const char *s, size_t len);

/*
 * Classifies the sentence s[0..len).  in_quote says whether the sentence
 * starts inside a quotation opened earlier in its paragraph (see
 * cue_quote_scan); from is the forecast date (day number) for horizon
 * tests.  Always fills *r.  The tokens stay available through
 * cue_tokens() until the next call.
 */
void cue_detect(struct cue_matcher *m, const char *s, size_t len,
		bool in_quote, long from, struct cue_result *r);
const struct text_tokens *cue_tokens(const struct cue_matcher *m);

/* Quotation state after s[0..len), starting from in_quote: “ and « open,
 * ” and » close, a straight " toggles. */
bool cue_quote_scan(const char *s, size_t len, bool in_quote);

/* True for the classes that become ledger rows. */
bool cue_kept(enum cue_class c);
/* A short lowercase name of the class ("present-or-past"). */
const char *cue_class_name(enum cue_class c);

#endif
