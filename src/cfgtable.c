/*
 * cfgtable: header and row-shape checks for the configuration CSVs; the
 * only CSV reader used is csvio (which alone sees libcsv).
 */
#include "likely/cfgtable.h"

#include <stdlib.h>
#include <string.h>

#include "likely/csvio.h"
#include "likely/ledger.h"
#include "likely/textfield.h"

struct reading {
	const char *path, *col1, *col2;
	cfgtable_row_fn fn;
	void *ctx;
	struct diag *d;
	int bad; /* rows rejected */
	int seen_header;
};

static int on_record(const struct csv_record *rec, void *ctx)
{
	struct reading *r = ctx;
	if (!r->seen_header) {
		r->seen_header = 1;
		if (rec->count != 2 || strcmp(rec->fields[0], r->col1) != 0 ||
		    strcmp(rec->fields[1], r->col2) != 0) {
			diag_report(r->d, LIKELY_DATAERR, r->path, rec->line,
				    "header: expected \"%s,%s\"", r->col1, r->col2);
			return LIKELY_DATAERR; /* the rest cannot be read */
		}
		return 0;
	}
	if (rec->count != 2) {
		r->bad++;
		diag_report(r->d, LIKELY_DATAERR, r->path, rec->line,
			    "row: expected 2 fields, found %zu", rec->count);
		return 0;
	}
	char *key = ledger_collapse_space(rec->fields[0]);
	const char *column = r->col1;
	/* the one rule for text (textfield.h) first: a bad byte here would
	 * reach every forecast the row touches (the key's white space is
	 * collapsed, so it may hold tabs and line breaks) */
	const char *why = textfield_check_str(rec->fields[0], TEXTFIELD_MULTILINE);
	if (!why && (why = textfield_check_str(rec->fields[1], 0)))
		column = r->col2;
	if (!why && !*key) {
		why = "empty";
	} else if (!why && !*rec->fields[1]) {
		column = r->col2;
		why = "empty";
	} else if (!why) {
		why = r->fn(key, rec->fields[1], &column, r->ctx);
	}
	if (why) {
		r->bad++;
		/* quote the value the reason is about, as written */
		const char *shown = strcmp(column, r->col2) == 0 ? rec->fields[1]
								 : rec->fields[0];
		diag_report(r->d, LIKELY_DATAERR, r->path, rec->line,
			    "%s: %s: \"%s\"", column, why, shown);
	}
	free(key);
	return 0;
}

int cfgtable_read(const char *path, const char *col1, const char *col2,
		  cfgtable_row_fn fn, void *ctx, struct diag *d)
{
	struct reading r = {path, col1, col2, fn, ctx, d, 0, 0};
	int rc = csvio_read_path(path, on_record, &r, d);
	if (rc != LIKELY_OK)
		return rc;
	if (!r.seen_header)
		return diag_report(d, LIKELY_DATAERR, path, 1,
				   "header: expected \"%s,%s\", the file is empty",
				   col1, col2);
	return r.bad ? LIKELY_DATAERR : LIKELY_OK;
}
