/*
 * suggest: "did you mean" for a mistyped command or option name.  The
 * caller offers every name it knows, one at a time (a command table, an
 * option list), and asks for the one closest to what was typed.
 */
#ifndef LIKELY_SUGGEST_H
#define LIKELY_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

/* Names longer than this are never suggested (nor compared). */
#define SUGGEST_MAX_LEN 64

struct suggest {
	const char *typed;
	size_t typed_len;
	const char *best; /* closest name so far, or NULL */
	size_t best_len;
	size_t best_dist;
	bool tied; /* another name is as close as best */
};

/*
 * Edit distance between a and b: insertions, deletions, substitutions and
 * swaps of two neighbouring characters count one each (the "optimal string
 * alignment" form of Damerau-Levenshtein).  Returns SUGGEST_MAX_LEN + 1
 * when either is longer than SUGGEST_MAX_LEN.
 */
size_t suggest_distance(const char *a, size_t alen, const char *b, size_t blen);

/* Starts a search for names close to typed[0..len); keeps the pointer. */
void suggest_init(struct suggest *s, const char *typed, size_t len);

/* Offers one known name (name[0..len), kept by pointer, not copied). */
void suggest_offer(struct suggest *s, const char *name, size_t len);

/*
 * The offered name closest to what was typed, or NULL when none is close
 * enough -- at most one edit for a word of up to five characters, two for
 * a longer one, or the word being the start (three characters or more) of
 * the name -- or when two names are equally close (a guess between them
 * would mislead).  *len gets its length.
 */
const char *suggest_best(const struct suggest *s, size_t *len);

struct buf;
/*
 * Appends " (did you mean 'PREFIXNAME'?)" to out for the closest name
 * (prefix "--" for an option, "" for a command), or nothing when there is
 * none to suggest.
 */
void suggest_hint(const struct suggest *s, const char *prefix, struct buf *out);

#endif
