/*
 * redate: whether a horizon came from extraction is decided by computing
 * it again from the claim and the old date, the way extraction did; so
 * nothing needs remembering, and a horizon an editor typed (or imported)
 * that differs is never overwritten.  One that happens to equal the
 * extracted one is taken for it; that is the price of keeping no flag.
 */
#include "likely/extract/redate.h"

#include <stdlib.h>
#include <string.h>

#include "likely/text/text.h"

void redate_horizon(const struct horizon_table *t, const char *claim, const char *published,
		    char horizon[DATE_ISO_LEN], struct buf *phrase)
{
	struct text_tokens tok;
	struct horizon_match m;
	long from;
	bool has;

	text_tokens_init(&tok);
	text_tokenize(&tok, claim, strlen(claim));
	if (ledger_published_day(published, &from)) {
		horizon_find_tokens(t, &tok, from, &m);
		has = true;
	} else {
		has = horizon_find_undated(t, &tok, &m);
	}
	text_tokens_release(&tok);
	horizon[0] = '\0';
	if (has)
		date_format_iso(m.due, horizon);
	buf_reset(phrase);
	if (m.found) {
		char *raw = xstrndup(claim + m.start, m.end - m.start);
		char *flat = ledger_collapse_space(raw);
		buf_adds(phrase, flat);
		free(flat);
		free(raw);
	}
}

bool redate_forecast(const struct horizon_table *t, struct forecast *f, const char *published)
{
	char horizon[DATE_ISO_LEN];
	struct buf phrase;
	bool derived;

	buf_init(&phrase);
	redate_horizon(t, f->col[COL_CLAIM], f->col[COL_PUBLISHED], horizon, &phrase);
	derived = strcmp(horizon, f->col[COL_HORIZON]) == 0 &&
		  strcmp(phrase.data, f->col[COL_HORIZON_PHRASE]) == 0;
	forecast_set(f, COL_PUBLISHED, published);
	if (derived) {
		redate_horizon(t, f->col[COL_CLAIM], published, horizon, &phrase);
		forecast_set(f, COL_HORIZON, horizon);
		forecast_set(f, COL_HORIZON_PHRASE, phrase.data);
	}
	ledger_note_drop(f, LEDGER_NOTE_NO_DATE);
	buf_release(&phrase);
	return derived;
}
