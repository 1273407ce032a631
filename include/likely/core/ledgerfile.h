/*
 * ledgerfile: reading a ledger CSV file with every row checked -- the
 * header (the ledger's, or the one from before the speaker column), each
 * field by ledger_check_field, each row by ledger_check_record, ids
 * unique within the file -- on csvio's table reader, so every bad row is
 * reported as "FILE:LINE: column: reason ('value')" up to its cap.
 */
#ifndef LIKELY_LEDGERFILE_H
#define LIKELY_LEDGERFILE_H

#include <stdbool.h>

#include "likely/base/diag.h"
#include "likely/core/ledger.h"

/*
 * Called with each row that passed, while no row of the file has failed
 * (after a bad row the rest is only checked).  f's columns point into
 * the record: valid during the call only.  has_speaker is false for a
 * ledger from before the speaker column (f's speaker is then "").
 * Returns 0 to go on, or an exit code to stop.
 */
typedef int (*ledger_row_fn)(struct forecast *f, bool has_speaker, void *ctx);

/*
 * Reads path ("-" is stdin).  LIKELY_OK when every row passed,
 * LIKELY_DATAERR after reporting the bad ones, LIKELY_NOINPUT or
 * LIKELY_IOERR when it cannot be read, or the code fn stopped with.
 */
int ledger_file_read(const char *path, ledger_row_fn fn, void *ctx, struct diag *d);

#endif
