/*
 * redate: giving a forecast its publication date after extraction -- an
 * editor adding the date an undated article lacked, or correcting one
 * (`likely edit ID --published`, `likely review`).  The horizon follows
 * the date when it came from extraction (a phrase counted from the date,
 * or the 12-month default) and stays when an editor set it.  The id never
 * changes: it names the forecast, and stored rows are never re-keyed.
 */
#ifndef LIKELY_REDATE_H
#define LIKELY_REDATE_H

#include <stdbool.h>

#include "likely/base/buf.h"
#include "likely/base/date.h"
#include "likely/extract/horizon.h"
#include "likely/core/ledger.h"

/*
 * The horizon extraction gives claim when published on `published` (a
 * day, a month YYYY-MM counted from its last day, or "" for none): writes
 * the ISO horizon into horizon ("" when there is none: undated and no
 * phrase naming its own date) and the phrase as written into phrase ("" for
 * none; phrase is reset first).
 */
void redate_horizon(const struct horizon_table *t, const char *claim, const char *published,
		    char horizon[DATE_ISO_LEN], struct buf *phrase);

/*
 * Sets f's published column to `published` (a day or a month, checked by
 * the caller).  When f's horizon and phrase are what extraction gives for
 * its old date, both are computed again for the new one; otherwise (an
 * editor's horizon) they are kept.  The note LEDGER_NOTE_NO_DATE is
 * dropped.  Returns true when the horizon was computed again.
 */
bool redate_forecast(const struct horizon_table *t, struct forecast *f, const char *published);

#endif
