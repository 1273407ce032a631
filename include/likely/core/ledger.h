/*
 * ledger: the forecast record and the ledger CSV of SPEC.md §4 -- its
 * columns, the checks every imported field must pass, the stable ids, and
 * writing a record back out.
 */
#ifndef LIKELY_LEDGER_H
#define LIKELY_LEDGER_H

#include <stdbool.h>
#include <stdio.h>

#include "likely/io/csvio.h"
#include "likely/base/diag.h"

enum ledger_column {
	COL_ID,
	COL_FILE,
	COL_TITLE,
	COL_PUBLISHED,
	COL_SOURCE,
	COL_URL,
	COL_AUTHOR,
	COL_TOPIC,
	COL_CLAIM,
	COL_CUE,
	COL_PROBABILITY,
	COL_HORIZON,
	COL_HORIZON_PHRASE,
	COL_STATUS,
	COL_OUTCOME,
	COL_RESOLVED_ON,
	COL_EVIDENCE,
	COL_NOTE,
	COL_SPEAKER, /* added in schema 2: the ledger's last column */
	LEDGER_NCOLS
};

/*
 * Ledgers written before the speaker column have the first 18 columns in
 * the same order; import still reads them (the speaker is then empty).
 */
#define LEDGER_NCOLS_V1 (LEDGER_NCOLS - 1)

/*
 * The note extraction gives a forecast whose article has no readable date,
 * and how it is joined to a note the rules gave ("check: reported; check:
 * no date found").
 */
#define LEDGER_NOTE_NO_DATE "check: no date found"
#define LEDGER_NOTE_JOIN    "; "

/* Column names in ledger order, NULL-terminated. */
extern const char *const ledger_columns[LEDGER_NCOLS + 1];

/*
 * One forecast: every ledger column as text ("" when empty, never NULL
 * once filled).  Dates are ISO, probability is a decimal or "" for a hedged
 * statement.  The text form is what the store keeps, so that export then
 * import is byte for byte.
 */
struct forecast {
	char *col[LEDGER_NCOLS];
	char *context; /* the sentence's paragraph, when extracted; may be NULL */
};

void forecast_init(struct forecast *f); /* all columns "" */
void forecast_release(struct forecast *f);
/* Replaces one column with a copy of value (NULL means ""). */
/*
 * The order of the review queue (`likely due`, `review`, the report's
 * queue): oldest horizon first, then the older article, then the id, so
 * the order never depends on how rows happened to be stored.  strcmp-like.
 */
int forecast_due_order(const struct forecast *a, const struct forecast *b);
void forecast_set(struct forecast *f, enum ledger_column c, const char *value);

/*
 * Checks one column's value as SPEC.md §4 requires.  Returns NULL when it
 * is fine, else a static description of what is wrong ("not a date of the
 * calendar (YYYY-MM-DD)").  `published` may be a day (YYYY-MM-DD), a month
 * (YYYY-MM) or empty; whether empty is allowed depends on the status, which
 * ledger_check_record decides.
 */
const char *ledger_check_field(enum ledger_column c, const char *value);
/*
 * The textfield rule for a column (TEXTFIELD_* flags): the free-text
 * columns (title, claim, evidence, note) may span lines, the claim is
 * required; ledger_check_field applies it to every column first.
 */
unsigned ledger_column_text_flags(enum ledger_column c);

/*
 * Checks the rules that span columns (only candidates and rejected
 * forecasts may be undated; an outcome needs resolved_on and an accepted
 * forecast; no horizon or resolved_on before the publication date, which
 * for a month-only date is the month's last day).  Returns NULL when fine,
 * else the reason, with *bad set to the column to blame.
 */
const char *ledger_check_record(const struct forecast *f, enum ledger_column *bad);

/*
 * The day a `published` value counts from, for horizons and for as-of and
 * resolved_on rules: a full date is that day, a month-only date (YYYY-MM)
 * the month's last day.  Returns true and sets *day; returns false, with
 * *day left alone, for an empty (undated) or malformed value.
 */
bool ledger_published_day(const char *published, long *day);

/* Appends note to f's note column, after LEDGER_NOTE_JOIN when there is
 * one already (and not at all when it is there already). */
void ledger_note_add(struct forecast *f, const char *note);
/* Removes note (with its joiner) from f's note column, if there. */
void ledger_note_drop(struct forecast *f, const char *note);

/*
 * Parses a probability: a plain decimal in [0,1] ("0.7", "1", ".25").
 * Returns false for anything else (signs, exponents, spaces, "nan").
 */
bool ledger_parse_probability(const char *s, double *p);

/*
 * The stable id of a forecast: 16 lowercase hex digits of a 64-bit FNV-1a
 * hash over the article (title, published date) and the claim with its
 * whitespace collapsed.  Writes into out.
 */
void ledger_make_id(const char *title, const char *published, const char *claim, char out[17]);

/* Collapses runs of whitespace to one space and trims the ends. */
char *ledger_collapse_space(const char *s);

/* Writes the header record / one record in ledger order. */
void ledger_write_header(struct csv_writer *w);
void ledger_write_record(struct csv_writer *w, const struct forecast *f);

#endif
