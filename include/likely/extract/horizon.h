/*
 * horizon: when a forecast should be settled.  Vague phrases map to a
 * number of months after the forecast date (SPEC.md §3 table, replaceable
 * by a "phrase,months" CSV); explicit forms name their own date:
 *   by 2020 / until 2020 / in 2021 (a year not before the forecast's)
 *                                     -> 2020-12-31
 *   before 2020                       -> 2019-12-31
 *   by the end of 2018 / by end-2018  -> 2018-12-31
 *   by March 2019 / by the end of March 2019 -> 2019-03-31
 *   by mid-2019 / by the middle of 2019 -> 2019-06-30
 *   by early 2019 -> 2019-04-30; by late 2019 -> 2019-12-31
 *   by Q3 2019 -> 2019-09-30
 *   next year / this year / by the end of the year -> end of that year
 *   next month / this month, next week (its Sunday), this decade
 *   within two years / within 2 years / in the next six months /
 *   over the next 3 years / within a year -> the date plus that offset
 * Explicit forms win over table phrases; the leftmost of each kind is
 * taken; an explicit date before the forecast date is ignored (it is about
 * the past).  No phrase: 12 months.
 */
#ifndef LIKELY_HORIZON_H
#define LIKELY_HORIZON_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/base/diag.h"
#include "likely/text/text.h"

#define HORIZON_DEFAULT_MONTHS 12

struct horizon_rule {
	char *phrase; /* folded, single-spaced */
	char **words;
	size_t nwords;
	int months;
};

struct horizon_table {
	struct horizon_rule *r;
	size_t n, cap;
};

void horizon_init_default(struct horizon_table *t);
void horizon_init_empty(struct horizon_table *t);
void horizon_release(struct horizon_table *t);
/*
 * Replaces t with the CSV at path: header exactly "phrase,months", phrase
 * non-empty and not repeated, months a whole number 0..1200.  Returns
 * LIKELY_OK or the error code after reporting "FILE:LINE: column: reason";
 * t is unchanged on error.
 */
int horizon_load(struct horizon_table *t, const char *path, struct diag *d);

struct horizon_match {
	bool found;        /* a phrase was found */
	long due;          /* day number of the horizon */
	size_t start, end; /* the phrase's bytes in the sentence, as written */
};

/*
 * Finds the horizon of the tokenized sentence s (tokens from
 * text_tokenize of s) for a forecast made on day `from`.  Always sets
 * m->due (12 months after from when nothing is found, m->found false).
 */
void horizon_find_tokens(const struct horizon_table *t, const struct text_tokens *tok, long from,
			 struct horizon_match *m);
/*
 * The horizon of a sentence whose article has no known date: only a phrase
 * that names its own date ("by 2020", "by the end of 2018", "by Q3 2019")
 * gives one.  Returns true with m->due set for such a phrase; returns false
 * when the first phrase is counted from the forecast date ("next year",
 * "in the coming months", "by March") or there is none -- m->found and
 * m->start/end then still say which phrase was seen, and m->due is
 * meaningless.
 */
bool horizon_find_undated(const struct horizon_table *t, const struct text_tokens *tok,
			  struct horizon_match *m);
/* The same for raw text (tokenizes it; allocates and frees scratch). */
void horizon_find(const struct horizon_table *t, const char *s, size_t len, long from,
		  struct horizon_match *m);
/* True when the sentence holds a table phrase or an explicit form whose
 * date is not before `from` (the cue matcher's "forward-looking" test). */
bool horizon_present(const struct horizon_table *t, const struct text_tokens *tok, long from);

#endif
