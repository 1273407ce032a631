/*
 * verdict: settling a forecast, by the rules resolve and review share.
 */
#include "likely/core/verdict.h"

#include <stdio.h>
#include <string.h>

void verdict_default_day(const struct forecast *f, const char *today, char out[DATE_ISO_LEN])
{
	const char *horizon = f->col[COL_HORIZON];
	long h, t;
	if (date_parse_iso(horizon, &h) && date_parse_iso(today, &t) && h < t)
		snprintf(out, DATE_ISO_LEN, "%s", horizon);
	else
		snprintf(out, DATE_ISO_LEN, "%s", today);
}

bool verdict_day_ok(const struct forecast *f, const char *on, const char *today, struct buf *why)
{
	const char *published = f->col[COL_PUBLISHED];
	long on_day, from;
	if (date_parse_iso(on, &on_day) && ledger_published_day(published, &from) &&
	    on_day < from) {
		buf_printf(why, "%s is before the forecast was published (%s%s)", on, published,
			   strlen(published) == 7 ? ", counted as the month's last day" : "");
		return false;
	}
	if (strcmp(on, today) > 0) {
		buf_printf(why, "%s is in the future (today is %s)", on, today);
		return false;
	}
	return true;
}

void verdict_set(struct forecast *f, const char *outcome, const char *on, const char *evidence,
		 const char *note)
{
	bool replacing = *f->col[COL_OUTCOME] != '\0';
	forecast_set(f, COL_OUTCOME, outcome);
	forecast_set(f, COL_RESOLVED_ON, on);
	forecast_set(f, COL_EVIDENCE, evidence ? evidence : "");
	if (note)
		forecast_set(f, COL_NOTE, note);
	else if (replacing)
		forecast_set(f, COL_NOTE, "");
}
