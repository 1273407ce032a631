/*
 * sentence: splits one paragraph into sentences, in place, by byte
 * offsets (no copies, no allocation).
 *
 * A sentence ends at ".", "!", "?", "..." or "…" (plus any closing quotes
 * and brackets right after it, so a sentence may end inside a closing
 * quote) followed by white space, when the next sentence plausibly starts
 * there.  It does not end at: abbreviations with inner dots (U.S., e.g.,
 * i.e., a.m.) unless a common sentence opener follows; titles (Mr., Dr.,
 * Gen., Prof., also Cyrillic проф., ген.); month abbreviations and "No."
 * before a number (Dec. 7, Jan. 31, No. 5); single-letter initials in any
 * script (J. R. R. Tolkien, А. Лукашенко); any dot followed by a lowercase
 * word (etc. and, г. в); dots inside numbers and names (3.5, belta.by).
 * Newlines are ordinary white space, so hard-wrapped text needs no
 * preprocessing.  The last sentence needs no final punctuation.
 */
#ifndef LIKELY_SENTENCE_H
#define LIKELY_SENTENCE_H

#include <stdbool.h>
#include <stddef.h>

struct sentence_iter {
	const char *s;
	size_t len;
	size_t pos; /* where the next sentence search starts */
};

/* Starts splitting s[0..len) (need not be NUL-terminated). */
void sentence_iter_init(struct sentence_iter *it, const char *s, size_t len);
/*
 * Finds the next sentence.  Returns true with [*start, *end) its bytes,
 * trimmed of white space at both ends and never empty; false when none is
 * left.  Cannot fail.
 */
bool sentence_next(struct sentence_iter *it, size_t *start, size_t *end);

#endif
