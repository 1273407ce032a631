/*
 * verdict: the rules of settling a forecast, shared by `resolve` and
 * `review` so that both check a date the same way and leave the same
 * record behind.
 */
#ifndef LIKELY_VERDICT_H
#define LIKELY_VERDICT_H

#include "likely/base/buf.h"
#include "likely/base/date.h"
#include "likely/core/ledger.h"

/*
 * The day a verdict most likely became known, offered when the editor
 * gives none: the horizon when it has passed (the claim was due then),
 * else today.  Writes an ISO date into out.
 */
void verdict_default_day(const struct forecast *f, const char *today, char out[DATE_ISO_LEN]);

/*
 * Whether `on` (an ISO date) can be the day f was settled: not before it
 * was published (a month-only date counts as the month's last day) and
 * not after today.  Returns true when it can; otherwise false with the
 * reason ("2015-01-01 is before the forecast was published (...)")
 * appended to why.
 */
bool verdict_day_ok(const struct forecast *f, const char *on, const char *today, struct buf *why);

/*
 * Gives f its verdict: outcome, resolved_on, and the evidence (NULL
 * clears it: evidence for an earlier verdict would contradict this one).
 * A note replaces the old one; without one, the old note stays on a first
 * verdict and is cleared when an earlier verdict is replaced.  The old
 * values are not lost: saving writes them to the history.
 */
void verdict_set(struct forecast *f, const char *outcome, const char *on, const char *evidence,
		 const char *note);

#endif
