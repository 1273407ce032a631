/*
 * strset: a set of strings, each mapped to a number (a line, an index).
 * Used to find duplicates (ids in one file) and to intern names.
 */
#ifndef LIKELY_STRSET_H
#define LIKELY_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct strset;

struct strset *strset_new(void);
void strset_free(struct strset *s); /* NULL is fine */
/*
 * Adds key with value unless it is there.  Returns true when added; when
 * it was already there returns false and sets *existing (if not NULL) to
 * the value stored first.
 */
bool strset_add(struct strset *s, const char *key, long value, long *existing);
/* True when key is present; its value goes to *value if not NULL. */
bool strset_get(const struct strset *s, const char *key, long *value);
/* Asks the processor to start loading the slot where key is or would go,
 * for a strset_add or strset_get of it a little later (the set of a
 * million ids is far bigger than the caches).  Changes nothing; may do
 * nothing. */
void strset_prefetch(const struct strset *s, const char *key);
/* How many keys s holds. */
size_t strset_count(const struct strset *s);

#endif
