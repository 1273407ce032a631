/*
 * ledgerfeed: ledger files read and checked on a second thread while the
 * calling thread does something with the rows that passed (import stores
 * them).  The rows travel in batches through a bounded queue, so memory
 * does not grow with the file; what the caller sees -- the rows, the
 * messages, their order, each file's result -- is what reading the files
 * one after another with ledger_file_read would give, because the reading
 * thread's messages travel in the queue too and are reported by the
 * calling thread in their place among the rows.
 */
#ifndef LIKELY_LEDGERFEED_H
#define LIKELY_LEDGERFEED_H

#include "likely/base/diag.h"
#include "likely/core/ledgerfile.h"

/* What the calling thread does with the files, each in order. */
struct ledger_sink {
	/* Before file i: 0 to take its rows, or a code that skips it (its
	 * rows and its messages are dropped, as if it were never read). */
	int (*begin)(int i, void *ctx);
	/* Each row that passed, as for ledger_file_read; a non-zero code
	 * drops the rest of the file and its messages. */
	ledger_row_fn row;
	/* After file i: rc is ledger_file_read's result for it, or the code
	 * begin or row stopped it with.  Returns the file's result. */
	int (*end)(int i, int rc, void *ctx);
	void *ctx;
};

/*
 * Reads paths[0..n) ("-" is stdin) in order and calls sink's functions
 * on this thread; when no thread can be started, reads them here, one
 * after another, to the same effect.  Returns the last non-zero result
 * of sink->end, or LIKELY_OK.
 */
int ledger_files_read(char *const *paths, int n, const struct ledger_sink *sink, struct diag *d);

#endif
