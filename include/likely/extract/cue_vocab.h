/*
 * cue_vocab: the word lists the forecast rules ask about, as one table of
 * data.  Each word belongs to one or more classes; a rule asks "is token i
 * a reporting verb?" and never compares strings itself, so extending a
 * rule is adding a row here (and a line of tests/extract/cues.tsv).
 *
 * Words are folded (lower case, "'" for curly apostrophes).  Classes are
 * bits so one lookup per token answers every rule.
 */
#ifndef LIKELY_CUE_VOCAB_H
#define LIKELY_CUE_VOCAB_H

enum cue_word_class {
	CW_REPORTING = 1u << 0,             /* said, told, according, believes, warned */
	CW_FORECAST_VERB = 1u << 1,         /* expect(s), forecast(s), predict(s) ... */
	CW_ACTOR_VERB = 1u << 2,            /* hope, fear, plan, promise, insist, announce */
	CW_ANALYST = 1u << 3,               /* analyst, economist, institute, poll ... */
	CW_ACTOR = 1u << 4,                 /* ministry, government, officials, party */
	CW_SCHEDULE_VERB = 1u << 5,         /* publish, present, convene, monitor */
	CW_SCHEDULE_NOUN = 1u << 6,         /* meeting, conference, summit, session */
	CW_CALENDAR = 1u << 7,              /* weekdays, today, tomorrow, tonight */
	CW_MODAL = 1u << 8,                 /* would, could, might, should, may, must, can */
	CW_NEGATOR = 1u << 9,               /* not, never, hardly, no */
	CW_INTENSIFIER = 1u << 10,          /* extremely, very, highly */
	CW_PAST = 1u << 11,                 /* was, were, had, been, did, looked, seemed */
	CW_FUTURE = 1u << 12,               /* soon, eventually, next, coming, ahead */
	CW_BEFORE_NOUN_WILL = 1u << 13,     /* "the will", "political will" */
	CW_ADVERB = 1u << 14,               /* also, still, further, again ... */
	CW_ESTIMATIVE = 1u << 15,           /* likely, probable, certain ... */
	CW_WH = 1u << 16,                   /* how, what, whether, which: indirect questions */
	CW_DETERMINER = 1u << 17,           /* the, a, our, its: "the forecast" is a noun */
	CW_COPULA = 1u << 18,               /* is, are, be, 's: "is expected", "are seen" */
	CW_NEG_SUBJECT = 1u << 19,          /* none, neither, nobody: "None ... will" */
	CW_HEDGE = 1u << 20,                /* may, might, could, possibly, perhaps, maybe */
	CW_TERMS_NOUN = 1u << 21,           /* law, decree, agreement, treaty, draft */
	CW_NOT_HEADLINE_SUBJECT = 1u << 22, /* words before "to" that make it no
					     * headline future: want, how, due */
	CW_TREND_VERB = 1u << 23,           /* rise, fall, ease, recover: "should rise" */
	CW_META = 1u << 24,                 /* forecasts, results, projections: a
					     * disclaimer's subject */
	CW_CUE_WORD = 1u << 25,             /* will, shall, going, possible: a finder
					     * starts from them */
	CW_SCHEDULE_MARK = 1u << 26,        /* scheduled, slated: a timetable */
	CW_STATE_PARTICIPLE = 1u << 27      /* interested, based: "could be
					     * interested in" is about now */
};

#include "likely/base/diag.h"

struct cue_vocab_entry {
	const char *word;
	unsigned classes;
};

/* The built-in vocabulary, ended by a NULL word. */
extern const struct cue_vocab_entry cue_vocab[];

/* A class's name in vocabulary.csv ("actor", "reporting") and its bit;
 * the table ends with a NULL name. */
struct cue_vocab_class {
	const char *name;
	unsigned bit;
	const char *means;
};
extern const struct cue_vocab_class cue_vocab_classes[];

/*
 * An outlet's additions (predictions/config/vocabulary.csv, header
 * "word,class"): words added to the built-in vocabulary, never replacing
 * it, because every rule leans on the grammar words the table holds.
 */
struct cue_vocab_extra {
	struct cue_vocab_entry *e; /* words folded and owned */
	size_t n, cap;
};

void cue_vocab_extra_init(struct cue_vocab_extra *v);
void cue_vocab_extra_release(struct cue_vocab_extra *v);
/*
 * Replaces v's content with the rows of path: a word (one word, folded on
 * the way in) and a class name from cue_vocab_classes.  Returns LIKELY_OK,
 * or LIKELY_DATAERR / LIKELY_NOINPUT / LIKELY_IOERR after reporting
 * "FILE:LINE: column: reason" to d; on error v is unchanged.
 */
int cue_vocab_load(struct cue_vocab_extra *v, const char *path, struct diag *d);

#endif
