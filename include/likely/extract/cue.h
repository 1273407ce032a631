/*
 * cue: is this sentence a forecast, and with what probability?
 *
 * A sentence is tokenized once; then the cue finders list every place
 * where a forecast may be stated, most specific first:
 *
 *   lexicon        an estimative phrase of the lexicon ("likely to",
 *                  "all but certain to", "no change is expected"), scored
 *                  with its probability; an intensifier right before it
 *                  moves one level outward;
 *   forecast-verb  a forecaster's verb with a subject: "We expect the
 *                  bank to cut", "X predicts that", "Analysts see the
 *                  ruble weakening", "X forecasts growth of 2%" (p 0.70,
 *                  as "expected to");
 *   headline       a headline's infinitive future ("Minsk to keep up
 *                  military activity"), in a title only (p 0.95, as will);
 *   hedge          may, might, could, possibly, perhaps, maybe, cannot
 *                  be ruled out, (is) possible: kept, never scored;
 *   will           will, shall, won't, is going to: p 0.95 (0.05 for
 *                  "will not", "None of ... will");
 *   should         epistemic "should" before a trend verb with a time
 *                  ahead ("Inflation should rise again in the second
 *                  half"): p 0.70, as "probably".
 *
 * Each place found is then put through the rules, in this order; the
 * first rule that objects rejects it with its class, and the next place
 * is tried.  The first place no rule rejects is the forecast:
 *
 *   question, negated ("not very likely"), comparative ("more likely to
 *   ... than"), indirect-question ("how Beijing is likely to respond"),
 *   counterfactual ("could have"), subjunctive ("Were ... to", "Should
 *   ..., ...", "if ... were", "would likely"), past ("was expected to",
 *   "looked set to"), present ("Most likely, the delay cost ..."),
 *   hedge-present ("could be interested in"), disclaimer ("actual
 *   results may differ"), actor (a hope, fear, plan,
 *   promise or announcement governs it), intention ("expects to
 *   continue", "we will"), terms ("Under the agreement, ...", "into
 *   force", "will be set at"), schedule ("will publish", "will be held",
 *   "will take place", "will hold a meeting"), actor-speaker (reported
 *   from a ministry, a government, officials), quoted (inside a
 *   quotation opened in an earlier sentence, with no speaker named).
 *
 * A forecast reported from someone else ("..., the analyst said",
 * "according to ...", "X expects") is kept with the note "check:
 * reported" naming the speaker; a plain "will" that names a day or a
 * date is kept with a note that it may be a scheduled event.
 *
 * Every word list is cue_vocab's; the lexicon is data too.
 */
#ifndef LIKELY_CUE_H
#define LIKELY_CUE_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/extract/cue_vocab.h"
#include "likely/extract/horizon.h"
#include "likely/extract/lexicon.h"
#include "likely/text/text.h"

enum cue_class {
	CUE_NONE,            /* no estimative language */
	CUE_FORECAST,        /* kept, scored: a lexicon cue or forecasting verb */
	CUE_WILL,            /* kept, scored: plain "will", headline future */
	CUE_HEDGE,           /* kept, unscored: a forward-looking hedge */
	CUE_NEGATED,         /* "not very likely", "not unlikely": not scored */
	CUE_COMPARATIVE,     /* "more likely to ... than": no probability */
	CUE_PRESENT_OR_PAST, /* "is likely a signal", "was likely caused" */
	CUE_HEDGE_PRESENT,   /* "could be interested in": speculation now */
	CUE_COUNTERFACTUAL,  /* "could have influenced" */
	CUE_SUBJUNCTIVE,     /* "Were ... to", "Should ..., ...", "would likely" */
	CUE_QUESTION,        /* a question, direct or indirect ("how ... will") */
	CUE_ACTOR,           /* an actor's hope, fear, plan or announcement */
	CUE_INTENTION,       /* "expects to continue", "we will": own conduct */
	CUE_TERMS,           /* what a law, treaty or decision lays down */
	CUE_SCHEDULE,        /* "will publish", "will be held", "will meet" */
	CUE_QUOTED           /* inside a quotation whose speaker is not named */
};

struct cue_result {
	enum cue_class cls;
	const char *rule;  /* the finder that kept it or the rule that rejected it */
	size_t start, end; /* the cue's bytes in the sentence, as written */
	bool scored;       /* p is meaningful (CUE_FORECAST, CUE_WILL) */
	double p;          /* probability that the event as stated happens */
	char polarity;     /* '+' or '-' (negative cue or "may not") */
	const char *note;  /* a review note, or NULL; valid until the next call */
	/* the speaker of a reported forecast, bytes in the sentence; equal
	 * when none is named */
	size_t speaker_start, speaker_end;
	/* the sentence holds a speech or forecasting verb / "we" or "our"
	 * (cue_scan's flags, which stop at the first cue word) */
	bool speech, voice;
};

#define CUE_NOTE_SCHEDULED  "check: may be a scheduled event rather than a forecast"
#define CUE_NOTE_REPORTED   "check: reported"
#define CUE_NOTE_CONFIDENCE "check: confidence language is not a probability"
#define CUE_WILL_P          0.95
#define CUE_WILL_NOT_P      0.05
#define CUE_VERB_P          0.70 /* a forecasting verb: as "expected to" */
#define CUE_SHOULD_P        0.70 /* epistemic "should": as "probably" */

/* What the matcher is told about a sentence besides its text. */
struct cue_input {
	bool in_quote; /* it starts inside a quotation opened earlier */
	bool title;    /* it is a headline: headline grammar applies */
	long from;     /* the forecast date (day number), for horizon tests */
};

struct cue_matcher;

/*
 * A matcher over lx, h and an outlet's extra vocabulary (NULL for none;
 * all must outlive it); h is used for the "looks ahead" test.  Holds
 * scratch buffers reused per sentence, so one matcher serves one thread.
 * Never returns NULL.
 */
struct cue_matcher *cue_matcher_new(const struct lexicon *lx, const struct horizon_table *h,
				    const struct cue_vocab_extra *extra);
void cue_matcher_free(struct cue_matcher *m);

/*
 * Cheap pre-test: false when s[0..len) holds none of the words a finder
 * starts from (lexicon anchor words, forecasting verbs, hedges, "will"),
 * so cue_detect would keep nothing -- except in a headline, whose
 * infinitive future has no such word: titles skip the pre-test.  No
 * allocation.
 */
bool cue_candidate(const struct cue_matcher *m, const char *s, size_t len);

/* What cue_scan finds in one pass over a sentence's words. */
enum cue_scan_flag {
	CUE_SCAN_CUE = 1,    /* a word a finder starts from: cue_candidate */
	CUE_SCAN_SPEECH = 2, /* a speech or forecasting verb ("said", "expects") */
	CUE_SCAN_VOICE = 4   /* "we" or "our": a research note's own voice */
};
/* The flags of s[0..len): the pre-test, and whether the sentence may name
 * a speaker, in the same pass; the pass stops at the first cue word (the
 * sentence then goes to cue_detect, which sets speech and voice in its
 * result).  No allocation. */
unsigned cue_scan(const struct cue_matcher *m, const char *s, size_t len);

/*
 * Classifies the sentence s[0..len) (see struct cue_input; in_quote from
 * cue_quote_scan).  Always fills *r.  The tokens stay available through
 * cue_tokens() until the next call.
 */
void cue_detect(struct cue_matcher *m, const char *s, size_t len, const struct cue_input *in,
		struct cue_result *r);
const struct text_tokens *cue_tokens(const struct cue_matcher *m);

/* Quotation state after s[0..len), starting from in_quote: “ and « open,
 * ” and » close, a straight " toggles. */
bool cue_quote_scan(const char *s, size_t len, bool in_quote);

/* True for the classes that become ledger rows. */
bool cue_kept(enum cue_class c);
/* A short lowercase name of the class ("present-or-past"). */
const char *cue_class_name(enum cue_class c);

#endif
