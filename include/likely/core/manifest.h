/*
 * manifest: the optional CSV that overrides what extraction detects, for
 * outlets whose pages lack metadata (SPEC.md §2):
 * file,url,title,published,author,source -- one row per page file name.
 * An empty cell means "keep what was detected".
 */
#ifndef LIKELY_MANIFEST_H
#define LIKELY_MANIFEST_H

#include "likely/base/diag.h"

struct manifest_entry {
	char *file, *url, *title, *published, *author, *source;
};

struct manifest;

/*
 * Reads and checks the manifest at path (header exact, file required and
 * unique, published empty, an ISO calendar date, or YYYY-MM for a month).  Returns LIKELY_OK and
 * *out, or the exit code (problems reported as FILE:LINE: column: reason).
 */
int manifest_read(const char *path, struct diag *d, struct manifest **out);
void manifest_free(struct manifest *m); /* NULL is fine */
/* The entry for a page's file name (without folders), or NULL. */
const struct manifest_entry *manifest_find(const struct manifest *m, const char *file);

#endif
