/*
 * pagevocab: the words the page reader looks for, one table per kind --
 * month names (English; Russian, Belarusian and Ukrainian in nominative
 * and genitive), weekdays, date labels, byline labels, credit and
 * boilerplate openings, newsletter words, related-article and comment-
 * section markers.  Each table is the one place its words live; the
 * matchers below derive their cheap first tests (first byte, length) from
 * the entries themselves.
 *
 * Entries are lower case; matching lowers ASCII and the Cyrillic of
 * Russian, Belarusian and Ukrainian, which keeps every byte offset.
 */
#ifndef LIKELY_PAGEVOCAB_H
#define LIKELY_PAGEVOCAB_H

#include <stdbool.h>
#include <stddef.h>

struct vocab_entry {
	const char *word; /* lower case; may hold spaces ("last updated") */
	int value;        /* what the word means (a month, a label kind) */
};

/* Values of vocab_date_labels: which stamp a label introduces. */
enum vocab_label {
	VOCAB_LABEL_NEUTRAL,   /* "Date:", "Posted" */
	VOCAB_LABEL_PUBLISHED, /* "Published", "Опубликовано" */
	VOCAB_LABEL_UPDATED    /* "Updated", "Last updated", "Обновлено" */
};

/* Tables end with {NULL, 0}. */
extern const struct vocab_entry vocab_months[]; /* value 1..12 */
extern const struct vocab_entry vocab_weekdays[];
extern const struct vocab_entry vocab_date_labels[]; /* enum vocab_label */
extern const struct vocab_entry vocab_time_leads[];  /* "at" 10:15 */
extern const struct vocab_entry vocab_year_marks[];  /* "г." after a year */
extern const struct vocab_entry vocab_byline_labels[];
extern const struct vocab_entry vocab_name_joiners[];  /* "de", "and" */
extern const struct vocab_entry vocab_outlet[];        /* any word of it */
extern const struct vocab_entry vocab_affiliation[];   /* any word of it */
extern const struct vocab_entry vocab_credits[];       /* line openings */
extern const struct vocab_entry vocab_boiler[];        /* line openings */
extern const struct vocab_entry vocab_boiler_inside[]; /* anywhere in a line */
extern const struct vocab_entry vocab_status[];        /* line openings */
extern const struct vocab_entry vocab_status_inside[];
extern const struct vocab_entry vocab_newsletter[];   /* anywhere in a short line */
extern const struct vocab_entry vocab_subscription[]; /* the blurb after one */
extern const struct vocab_entry vocab_related[];      /* whole lines */
extern const struct vocab_entry vocab_comments[];     /* whole lines */
extern const struct vocab_entry vocab_count_nouns[];  /* "12 comments" */

/*
 * The longest entry of t that s starts with, case-insensitively, ending
 * at a word boundary (not followed by a letter or digit; entries ending in
 * punctuation or a space need no boundary).  Returns its byte length and
 * sets *value (may be NULL), or returns 0.
 */
size_t vocab_prefix(const struct vocab_entry *t, const char *s, size_t len, int *value);
/* True when s (trailing ':' and '.' ignored) is one entry of t. */
bool vocab_whole(const struct vocab_entry *t, const char *s, size_t len);
/* True when the lower-case word w[0..n) is an abbreviation in t: an
 * entry that begins a longer entry of the same value ("sept" of
 * "september"; "may" is no abbreviation). */
bool vocab_abbreviation(const struct vocab_entry *t, const char *w, size_t n);
/* True when some entry of t occurs anywhere in s (s of at most 400 bytes). */
bool vocab_contains(const struct vocab_entry *t, const char *s, size_t len);

/* Lower-cases s[0..len) into out (len bytes, same offsets): ASCII and
 * two-byte Cyrillic capitals. */
void vocab_lower(const char *s, size_t len, char *out);

#endif
