/*
 * cfgtable: the rules the two-column configuration tables share, on
 * csvio's table reader (header, field count, the cap on problems).
 */
#include "likely/extract/cfgtable.h"

#include <stdlib.h>
#include <string.h>

#include "likely/io/csvio.h"
#include "likely/core/ledger.h"
#include "likely/text/textfield.h"

struct reading {
	cfgtable_row_fn fn;
	void *ctx;
};

static int on_row(struct csv_table *t, const struct csv_record *rec)
{
	const struct reading *r = t->ctx;
	const char *col1 = t->columns[0], *col2 = t->columns[1];
	char *key = ledger_collapse_space(rec->fields[0]);
	const char *column = col1;
	int rc = 0;
	/* the one rule for text (textfield.h) first: a bad byte here would
	 * reach every forecast the row touches (the key's white space is
	 * collapsed, so it may hold tabs and line breaks) */
	const char *why = textfield_check_str(rec->fields[0], TEXTFIELD_MULTILINE);
	if (!why && (why = textfield_check_str(rec->fields[1], 0)))
		column = col2;
	if (!why && !*key) {
		why = "empty";
	} else if (!why && !*rec->fields[1]) {
		column = col2;
		why = "empty";
	} else if (!why) {
		why = r->fn(key, rec->fields[1], &column, r->ctx);
	}
	if (why) {
		/* quote the value the reason is about, as written */
		const char *shown = strcmp(column, col2) == 0 ? rec->fields[1] : rec->fields[0];
		rc = csv_table_bad(t, rec->line, "%s: %s: \"%s\"", column, why, shown);
	}
	free(key);
	return rc;
}

int cfgtable_read(const char *path, const char *col1, const char *col2, cfgtable_row_fn fn,
		  void *ctx, struct diag *d)
{
	const char *const columns[] = {col1, col2, NULL};
	struct reading r = {fn, ctx};
	struct csv_table t = {.path = path, .columns = columns, .row = on_row, .ctx = &r, .d = d};
	return csv_table_read(&t);
}
