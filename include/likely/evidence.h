/*
 * evidence: what to search the store with for the sentences that may
 * settle a forecast (`evidence`, and `review` beside a due forecast).
 */
#ifndef LIKELY_EVIDENCE_H
#define LIKELY_EVIDENCE_H

#include "likely/buf.h"
#include "likely/date.h"

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
void evidence_after(const char *published, char after[DATE_ISO_LEN]);

#endif
