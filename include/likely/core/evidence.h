/*
 * evidence: what to search the store with for the sentences that may
 * settle a forecast (`evidence`, and `review` beside a due forecast).
 */
#ifndef LIKELY_EVIDENCE_H
#define LIKELY_EVIDENCE_H

#include "likely/base/buf.h"
#include "likely/base/date.h"

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

/*
 * bm25 as SQLite's FTS5 computes it (fts5_aux.c, k1 = 1.2, b = 0.75), so
 * that sentences rank as FTS5 would rank them in a table of their own.
 * evidence_idf: the weight of a phrase found in nhit of n sentences,
 * log((n - nhit + 0.5) / (nhit + 0.5)), or 1e-6 where that is not
 * positive (a phrase in most sentences still counts a little).
 * evidence_bm25: the score of a sentence of dl tokens, the average being
 * avgdl, holding phrase i freq[i] times: the sum over i of
 * idf[i] * freq[i] * (k1 + 1) / (freq[i] + k1 * (1 - b + b * dl / avgdl)),
 * negated (lower is better, as FTS5's bm25()).
 */
double evidence_idf(long long n, long long nhit);
double evidence_bm25(const double *freq, const double *idf, int nphrase, double dl, double avgdl);

#endif
