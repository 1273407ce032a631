/*
 * cfgtable: the shared reader of the three two-column configuration files
 * (lexicon.csv, horizons.csv, topics.csv).  On csvio's table reader (the
 * exact header, two fields per row, every bad row reported up to a cap),
 * it checks what they have in common -- text by textfield's rule, neither
 * field empty -- and hands each data row to the owning module, which
 * checks the value and duplicates.  Problems are reported through diag as
 * "FILE:LINE: column: reason".
 */
#ifndef LIKELY_CFGTABLE_H
#define LIKELY_CFGTABLE_H

#include <stddef.h>

#include "likely/base/diag.h"

/*
 * Checks one data row: key is the first field with white space collapsed
 * and trimmed (never empty), value the second field as written.  Returns
 * NULL when the row is accepted, else a description of what is wrong with
 * the column named in *column (set it to the header name).  A static or
 * ctx-owned string is fine: it is printed at once.
 */
typedef const char *(*cfgtable_row_fn)(const char *key, const char *value, const char **column,
				       void *ctx);

/*
 * Reads path with header "<col1>,<col2>".  Returns LIKELY_OK when every
 * row was accepted, LIKELY_DATAERR after reporting the bad rows (the
 * caller then discards what the rows built), LIKELY_NOINPUT when the file
 * cannot be opened, LIKELY_IOERR on a read error.
 */
int cfgtable_read(const char *path, const char *col1, const char *col2, cfgtable_row_fn fn,
		  void *ctx, struct diag *d);

#endif
