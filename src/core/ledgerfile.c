/*
 * ledgerfile: a ledger CSV file, read and checked row by row.
 */
#include "likely/core/ledgerfile.h"

#include <string.h>

#include "likely/base/buf.h"
#include "likely/io/csvio.h"
#include "likely/base/strset.h"
#include "likely/base/utf8.h"

struct reading {
	ledger_row_fn fn;
	void *ctx;
	struct strset *ids; /* id -> line, to find duplicates in the file */
};

/* The value as shown in a message: quoted, at most 40 bytes of it, cut on
 * a character boundary; bytes that are not UTF-8 are shown as \xNN so the
 * message itself stays valid text. */
static void quote_value(struct buf *b, const char *v)
{
	size_t len = strlen(v), at = 0, shown = 0;
	buf_addc(b, '\'');
	while (at < len && shown < 40) {
		size_t n = utf8_char_len(v + at, len - at);
		if (n == 0) {
			buf_printf(b, "\\x%02X", (unsigned char)v[at]);
			n = 1;
		} else {
			buf_add(b, v + at, n);
		}
		at += n;
		shown += n;
	}
	buf_adds(b, at < len ? "...'" : "'");
}

static int bad_field(struct csv_table *t, unsigned long line, enum ledger_column c, const char *why,
		     const char *value)
{
	struct buf msg;
	buf_init(&msg);
	if (value && *value) {
		buf_adds(&msg, " (");
		quote_value(&msg, value);
		buf_adds(&msg, ")");
	}
	int rc = csv_table_bad(t, line, "%s: %s%s", ledger_columns[c], why, msg.data);
	buf_release(&msg);
	return rc;
}

/* Every field, then (when they all pass) the row as a whole and its id's
 * uniqueness. */
static int check_row(struct csv_table *t, const struct csv_record *r, const struct forecast *f)
{
	struct reading *rd = t->ctx;
	int stop = 0;
	unsigned long before = t->errors;

	for (int c = 0; c < (int)t->ncols && !stop; c++) {
		const char *why = ledger_check_field(c, r->fields[c]);
		if (why)
			stop = bad_field(t, r->line, c, why, r->fields[c]);
	}
	if (stop || t->errors != before)
		return stop;
	enum ledger_column bad;
	const char *why = ledger_check_record(f, &bad);
	if (why)
		return bad_field(t, r->line, bad, why, f->col[bad]);
	long first;
	if (!strset_add(rd->ids, f->col[COL_ID], (long)r->line, &first))
		return csv_table_bad(t, r->line, "id: '%s' already used on line %ld",
				     f->col[COL_ID], first);
	return 0;
}

static int on_row(struct csv_table *t, const struct csv_record *r)
{
	static char empty[] = "";
	struct reading *rd = t->ctx;
	struct forecast f;

	/* the record's fields, borrowed, not copied */
	for (size_t c = 0; c < LEDGER_NCOLS; c++)
		f.col[c] = c < r->count ? r->fields[c] : empty;
	/* the id's slot in the set loads while the fields are checked: a
	 * tenth of an import of a million rows waited for it */
	strset_prefetch(rd->ids, f.col[COL_ID]);
	f.context = NULL;
	int rc = check_row(t, r, &f);
	if (!rc && t->errors == 0)
		rc = rd->fn(&f, t->ncols == LEDGER_NCOLS, rd->ctx);
	return rc;
}

int ledger_file_read(const char *path, ledger_row_fn fn, void *ctx, struct diag *d)
{
	struct reading rd = {fn, ctx, strset_new()};
	struct csv_table t = {.path = path,
			      .columns = ledger_columns,
			      .min_columns = LEDGER_NCOLS_V1,
			      .header_note =
				      "(or, from before the speaker column, the same up to note)",
			      .row = on_row,
			      .ctx = &rd,
			      .d = d};
	int rc = csv_table_read(&t);
	strset_free(rd.ids);
	return rc;
}
