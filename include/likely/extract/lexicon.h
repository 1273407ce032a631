/*
 * lexicon: the estimative-language cues and the probability each stands
 * for (SPEC.md §3, after ICD 203).  The built-in table can be replaced as
 * a whole by a "cue,probability" CSV.  Cues are stored folded (lower case,
 * "'" for curly apostrophes, single spaces) and as words, so matching is
 * by whole words whatever the case or apostrophe.  Negative cues are
 * entries of their own ("not likely to" 0.30, "unlikely to" 0.20), never
 * 1 - p of a positive one.
 */
#ifndef LIKELY_LEXICON_H
#define LIKELY_LEXICON_H

#include <stddef.h>

#include "likely/base/diag.h"

struct lexicon_entry {
	char *cue;    /* folded, single-spaced */
	double p;     /* probability that the event as stated happens */
	char **words; /* cue split into folded words (contractions split) */
	size_t nwords;
};

struct lexicon {
	struct lexicon_entry *e;
	size_t n, cap;
	double *levels; /* distinct probabilities, ascending */
	size_t nlevels;
};

/* Fills lx with the built-in table.  Cannot fail. */
void lexicon_init_default(struct lexicon *lx);
/* An empty lexicon (no cues). */
void lexicon_init_empty(struct lexicon *lx);
/*
 * Replaces lx's content with the CSV at path (header exactly
 * "cue,probability"; cue non-empty; probability a plain decimal in [0,1];
 * no cue twice after folding).  Returns LIKELY_OK, or LIKELY_DATAERR /
 * LIKELY_NOINPUT / LIKELY_IOERR after reporting "FILE:LINE: column:
 * reason" to d; on error lx is left unchanged.
 */
int lexicon_load(struct lexicon *lx, const char *path, struct diag *d);
void lexicon_release(struct lexicon *lx);
/* Adds one cue (folded on the way in).  Returns 0, or -1 when the cue is
 * empty or already present (lx unchanged). */
int lexicon_add(struct lexicon *lx, const char *cue, double p);
/* The entry whose folded cue is exactly cue, or NULL. */
const struct lexicon_entry *lexicon_find(const struct lexicon *lx, const char *cue);
/*
 * One level outward from 0.5 among the probabilities in the table (an
 * intensifier: "extremely likely" 0.70 -> 0.85, "extremely unlikely"
 * 0.20 -> 0.10).  p itself when there is no further level or p is 0.5.
 */
double lexicon_intensify(const struct lexicon *lx, double p);

#endif
