/*
 * forecastpipe: records handed, in order, to a second thread that does
 * something with each (score writes the scored ones out).  The records
 * travel copied, in batches, through a bounded queue: the handing thread
 * waits when the other falls behind, so memory stays a few MiB
 * whatever the number of records, and a record need only be valid during
 * the call that hands it over (a view of a database row will do).
 *
 * The consumer's function runs on the pipe's thread and must not touch
 * what the handing thread uses meanwhile (a database handle, its diag);
 * what it finds it keeps in its own ctx, read after forecastpipe_finish.
 */
#ifndef LIKELY_FORECASTPIPE_H
#define LIKELY_FORECASTPIPE_H

#include "likely/core/ledger.h"

/* One record and the number handed with it: 0 to go on, or a code that
 * stops the pipe (the records after it are dropped, not passed to fn). */
typedef int (*forecastpipe_fn)(const struct forecast *f, double value, void *ctx);

struct forecastpipe;

/* Starts the thread that calls fn(f, value, ctx) for each record handed
 * over, in order.  When no thread can be started, forecastpipe_put calls
 * fn itself, to the same effect.  Never NULL. */
struct forecastpipe *forecastpipe_start(forecastpipe_fn fn, void *ctx);

/* Hands over f's columns (not its context) and value.  Returns 0, or the
 * code fn stopped with once it has stopped (perhaps some records later). */
int forecastpipe_put(struct forecastpipe *p, const struct forecast *f, double value);

/* Hands over what is left, waits until fn has seen it all (or stopped),
 * and frees the pipe: afterwards ctx is the caller's alone.  Returns 0 or
 * the code fn stopped with.  NULL is fine (returns 0). */
int forecastpipe_finish(struct forecastpipe *p);

#endif
