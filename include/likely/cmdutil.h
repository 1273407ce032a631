/*
 * cmdutil: the query `evidence` and `review` run for sentences that may
 * settle a forecast.
 */
#ifndef LIKELY_CMDUTIL_H
#define LIKELY_CMDUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/ledger.h"

/*
 * Appends to q a full-text query for sentences that may settle the claim
 * ("w1" OR "w2" ... of its content words).  Returns the number of words;
 * 0 means there is nothing to search for.
 */
int claim_search_query(const char *claim, struct buf *q);

/*
 * The ISO day after which an article may settle a forecast published on
 * `published`: that day, a month's last day, or "" for an undated forecast
 * (every dated article then).  Writes into after.
 */
void evidence_after(const char *published, char after[11]);

#endif
