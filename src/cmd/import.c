/*
 * import: load ledger CSV files, all or nothing.
 *
 * Every field of every row is checked before anything is kept; the
 * dispatcher's transaction is rolled back on any error, so a bad row
 * anywhere leaves the database exactly as it was.  Checking goes on past
 * the first bad row (up to a limit) so one run shows every problem.
 */
#include <stdlib.h>
#include <string.h>

#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/csvio.h"
#include "likely/ledger.h"
#include "likely/store.h"
#include "likely/strset.h"
#include "likely/utf8.h"

#define MAX_ERRORS 20

struct import_state {
	struct ctx *ctx;
	const char *name;
	struct strset *ids;   /* id -> line, to find duplicates in the file */
	bool fresh;           /* no forecast was stored when the file began:
			       * every id the set lets through is new */
	bool header_seen;
	size_t ncols;         /* LEDGER_NCOLS, or LEDGER_NCOLS_V1 for a ledger
			       * written before the speaker column */
	unsigned long errors;
	unsigned long rows, added, changed, unchanged;
	struct buf reason;
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

static int bad_field(struct import_state *st, unsigned long line,
		     enum ledger_column c, const char *why, const char *value)
{
	struct buf msg;
	buf_init(&msg);
	if (value && *value) {
		buf_adds(&msg, " (");
		quote_value(&msg, value);
		buf_adds(&msg, ")");
	}
	diag_report(&st->ctx->diag, LIKELY_DATAERR, st->name, line, "%s: %s%s",
		    ledger_columns[c], why, msg.data);
	buf_release(&msg);
	return ++st->errors >= MAX_ERRORS ? LIKELY_DATAERR : 0;
}

/* The header is the ledger's, or its first 18 columns (a ledger written
 * before the speaker column). */
static int check_header(struct import_state *st, const struct csv_record *r)
{
	bool ok = r->count == LEDGER_NCOLS || r->count == LEDGER_NCOLS_V1;
	for (size_t i = 0; ok && i < r->count; i++)
		ok = strcmp(r->fields[i], ledger_columns[i]) == 0;
	if (ok) {
		st->ncols = r->count;
		return 0;
	}
	struct buf want;
	buf_init(&want);
	for (size_t i = 0; i < LEDGER_NCOLS; i++)
		buf_printf(&want, "%s%s", i ? "," : "", ledger_columns[i]);
	diag_report(&st->ctx->diag, LIKELY_DATAERR, st->name, r->line,
		    "header: not the ledger header; expected %s (or, from before "
		    "the speaker column, the same up to note)", want.data);
	buf_release(&want);
	return LIKELY_DATAERR; /* nothing after a wrong header can be trusted */
}

/* f's columns point into the record (its fields are not copied). */
static int check_row(struct import_state *st, const struct csv_record *r,
		     const struct forecast *f)
{
	int stop = 0;
	unsigned long before = st->errors;

	for (int c = 0; c < (int)st->ncols && !stop; c++) {
		const char *why = ledger_check_field(c, r->fields[c]);
		if (why)
			stop = bad_field(st, r->line, c, why, r->fields[c]);
	}
	if (stop || st->errors != before)
		return stop;
	enum ledger_column bad;
	const char *why = ledger_check_record(f, &bad);
	if (why)
		return bad_field(st, r->line, bad, why, f->col[bad]);
	long first;
	if (!strset_add(st->ids, f->col[COL_ID], (long)r->line, &first)) {
		diag_report(&st->ctx->diag, LIKELY_DATAERR, st->name, r->line,
			    "id: '%s' already used on line %ld", f->col[COL_ID],
			    first);
		return ++st->errors >= MAX_ERRORS ? LIKELY_DATAERR : 0;
	}
	return 0;
}

/* A ledger without the speaker column says nothing about speakers: a
 * stored forecast keeps its own (f borrows it from old, which the caller
 * releases after f's last use), a new one has none. */
static int keep_speaker(struct import_state *st, struct forecast *f,
			struct forecast *old)
{
	bool found;
	int rc = store_forecast_get(st->ctx->store, f->col[COL_ID], old, &found);
	if (!rc && found)
		f->col[COL_SPEAKER] = old->col[COL_SPEAKER];
	return rc;
}

static int on_record(const struct csv_record *r, void *data)
{
	static char empty[] = "";
	struct import_state *st = data;
	struct forecast f, old;
	int rc;

	if (!st->header_seen) {
		st->header_seen = true;
		return check_header(st, r);
	}
	st->rows++;
	if (r->count != st->ncols) {
		diag_report(&st->ctx->diag, LIKELY_DATAERR, st->name, r->line,
			    "expected %zu fields, found %zu", st->ncols, r->count);
		return ++st->errors >= MAX_ERRORS ? LIKELY_DATAERR : 0;
	}
	/* the record's fields, borrowed, not copied */
	for (size_t c = 0; c < LEDGER_NCOLS; c++)
		f.col[c] = c < r->count ? r->fields[c] : empty;
	/* the id's slot in the set loads while the fields are checked: a
	 * tenth of an import of a million rows waited for it */
	strset_prefetch(st->ids, f.col[COL_ID]);
	f.context = NULL;
	rc = check_row(st, r, &f);
	bool kept = !rc && st->errors == 0 && st->ncols < LEDGER_NCOLS && !st->fresh;
	if (kept)
		rc = keep_speaker(st, &f, &old);
	if (!rc && st->errors == 0 && st->fresh) {
		rc = store_forecast_add(st->ctx->store, &f, st->ctx->now,
					st->reason.data);
		st->added++;
	} else if (!rc && st->errors == 0) {
		enum store_put put = STORE_PUT_UNCHANGED;
		rc = store_forecast_put(st->ctx->store, &f, st->ctx->now,
					st->reason.data, &put);
		st->added += put == STORE_PUT_NEW;
		st->changed += put == STORE_PUT_CHANGED;
		st->unchanged += put == STORE_PUT_UNCHANGED;
	}
	if (kept)
		forecast_release(&old);
	return rc;
}

/* Summaries wait until every file is in: a line saying "4 new" for a file
 * that a later file's error rolled back would be a lie. */
static int import_file(struct ctx *ctx, const char *path, struct buf *summary)
{
	struct import_state st = {ctx, path, strset_new(), false, false,
				  LEDGER_NCOLS, 0, 0, 0, 0, 0, {0}};
	buf_init(&st.reason);
	buf_printf(&st.reason, "import %s", path);

	int rc = store_forecast_empty(ctx->store, &st.fresh);
	if (!rc)
		rc = csvio_read_path(path, on_record, &st, &ctx->diag);
	if (!rc && !st.header_seen)
		rc = diag_report(&ctx->diag, LIKELY_DATAERR, path, 0,
				 "empty file (no header)");
	if (!rc && st.errors)
		rc = LIKELY_DATAERR;
	if (!rc && st.ncols < LEDGER_NCOLS)
		buf_printf(summary, "%s: a ledger with the %d columns before "
			   "`speaker`: read; speakers left as stored\n", path,
			   LEDGER_NCOLS_V1);
	if (!rc)
		buf_printf(summary, "%s: %lu rows: %lu new, %lu changed, %lu unchanged\n",
			   path, st.rows, st.added, st.changed, st.unchanged);
	strset_free(st.ids);
	buf_release(&st.reason);
	return rc;
}

int cmd_import(struct ctx *ctx, const struct cmd_args *a)
{
	int worst = LIKELY_OK;
	struct buf summary;
	buf_init(&summary);
	if ((worst = store_bulk_begin(ctx->store))) {
		buf_release(&summary);
		return worst;
	}
	for (int i = 0; i < a->argc; i++) {
		int rc = import_file(ctx, a->argv[i], &summary);
		if (rc && !worst)
			worst = rc;
	}
	if (!worst)
		worst = store_bulk_end(ctx->store);
	if (worst) {
		diag_note(&ctx->diag, "nothing imported: the database is unchanged");
	} else {
		for (char *line = summary.data, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
			*nl = '\0';
			diag_note(&ctx->diag, "%s", line);
		}
	}
	buf_release(&summary);
	return worst;
}
