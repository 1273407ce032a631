/*
 * extractpool: pages extracted in worker processes, handed back in order.
 *
 * `extract --jobs N` reads and classifies pages on N cores while one
 * process (the caller) stores or prints what they found.  Each worker is a
 * fork()ed copy of the caller that runs extract_path on every N-th page
 * and writes what its callbacks receive, then what it reported, to a pipe.
 * The caller takes the pages back one by one in their order and the pool
 * replays each through the caller's callbacks and diagnostics sink, so
 * that every row, message and exit code is what extract_path in one
 * process would have given, whatever N.
 */
#ifndef LIKELY_EXTRACTPOOL_H
#define LIKELY_EXTRACTPOOL_H

#include <stdbool.h>

#include "likely/base/diag.h"
#include "likely/extract/extract.h"

struct extract_pool;

/* The manifest's overrides for a page, as the caller reads them; called in
 * the workers. */
typedef void extract_meta_fn(void *data, const char *path, struct extract_meta *meta);

/*
 * Starts min(workers, npages) workers for pages[0..npages), which must
 * stay valid, as must cfg and what meta_of reads: the workers see them as
 * they were at this call.  Sentences and the forecasts' contexts are
 * passed back only when to_store is set: a dry run prints neither, and
 * less to pass lets a worker run further ahead.  Returns LIKELY_OK, or LIKELY_FAILURE (reported
 * to d) when a pipe or process cannot be made; *out is then NULL and no
 * worker is left running.
 */
int extract_pool_start(const struct extract_config *cfg, char *const *pages, int npages,
		       int workers, bool to_store, extract_meta_fn *meta_of, void *data,
		       struct diag *d, struct extract_pool **out);
/*
 * Replays page i through cb and d: what extract_path(cfg, pages[i], ...)
 * would have called and reported, and its return.  Call it (or
 * extract_pool_skip) for i = 0, 1, 2, ... in order.  A worker that ended
 * without finishing the page is reported as LIKELY_FAILURE.
 */
int extract_pool_page(struct extract_pool *p, int i, const struct extract_callbacks *cb,
		      struct diag *d);
/* Drops what the workers found on page i (a page the caller refused). */
void extract_pool_skip(struct extract_pool *p, int i);
/* Stops the workers still running and waits for them.  NULL is fine. */
void extract_pool_free(struct extract_pool *p);

#endif
