/*
 * import: load ledger CSV files, all or nothing.
 *
 * Every field of every row is checked (ledgerfile) before anything is
 * kept; the dispatcher's transaction is rolled back on any error, so a bad
 * row anywhere leaves the database exactly as it was.  Checking goes on
 * past the first bad row (up to a limit) so one run shows every problem.
 * The files are read and checked on a second thread (ledgerfeed) while
 * this one, which owns the database, stores the rows that passed.
 */
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/cli/cli.h"
#include "likely/core/ledger.h"
#include "likely/core/ledgerfeed.h"
#include "likely/core/ledgerfile.h"
#include "likely/store/store.h"

struct import_state {
	struct ctx *ctx;
	bool fresh;      /* no forecast was stored when the file began:
			  * every id the file's check lets through is new */
	bool old_ledger; /* a ledger from before the speaker column */
	unsigned long rows, added, changed, unchanged;
	struct buf reason;
};

/* Summaries wait until every file is in: a line saying "4 new" for a file
 * that a later file's error rolled back would be a lie. */
struct import_run {
	struct import_state st;
	char **paths;
	struct buf summary;
};

/* A ledger without the speaker column says nothing about speakers: a
 * stored forecast keeps its own (f borrows it from old, which the caller
 * releases after f's last use), a new one has none. */
static int keep_speaker(struct import_state *st, struct forecast *f, struct forecast *old)
{
	bool found;
	int rc = store_forecast_get(st->ctx->store, f->col[COL_ID], old, &found);
	if (!rc && found)
		f->col[COL_SPEAKER] = old->col[COL_SPEAKER];
	return rc;
}

/* A row that passed ledgerfile's checks, while the file has no bad row. */
static int on_row(struct forecast *f, bool has_speaker, void *data)
{
	struct import_state *st = &((struct import_run *)data)->st;
	struct forecast old;
	int rc = LIKELY_OK;

	st->rows++;
	st->old_ledger = !has_speaker;
	bool kept = !has_speaker && !st->fresh;
	if (kept)
		rc = keep_speaker(st, f, &old);
	if (!rc && st->fresh) {
		rc = store_forecast_add(st->ctx->store, f);
		st->added++;
	} else if (!rc) {
		enum store_put put = STORE_PUT_UNCHANGED;
		rc = store_forecast_put(st->ctx->store, f, st->ctx->now, st->reason.data, &put);
		st->added += put == STORE_PUT_NEW;
		st->changed += put == STORE_PUT_CHANGED;
		st->unchanged += put == STORE_PUT_UNCHANGED;
	}
	if (kept)
		forecast_release(&old);
	return rc;
}

static int file_begin(int i, void *data)
{
	struct import_run *run = data;
	struct import_state *st = &run->st;
	st->old_ledger = false;
	st->rows = st->added = st->changed = st->unchanged = 0;
	buf_reset(&st->reason);
	buf_printf(&st->reason, "import %s", run->paths[i]);
	/* the file's new forecasts are one load: created by it */
	store_load_begin(st->ctx->store, st->ctx->now, st->reason.data);
	return store_forecast_empty(st->ctx->store, &st->fresh);
}

static int file_end(int i, int rc, void *data)
{
	struct import_run *run = data;
	struct import_state *st = &run->st;
	const char *path = run->paths[i];
	store_load_end(st->ctx->store);
	if (!rc && st->old_ledger)
		buf_printf(&run->summary,
			   "%s: a ledger with the %d columns before "
			   "`speaker`: read; speakers left as stored\n",
			   path, LEDGER_NCOLS_V1);
	if (!rc)
		buf_printf(&run->summary, "%s: %lu rows: %lu new, %lu changed, %lu unchanged\n",
			   path, st->rows, st->added, st->changed, st->unchanged);
	return rc;
}

static int cmd_import(struct ctx *ctx, const struct cmd_args *a)
{
	struct import_run run = {{ctx, false, false, 0, 0, 0, 0, {0}}, a->argv, {0}};
	struct ledger_sink sink = {file_begin, on_row, file_end, &run};
	int rc = store_bulk_begin(ctx->store);
	/* a first load writes a new file's pages: once, not twice */
	if (!rc)
		rc = store_load_journal(ctx->store);
	if (rc)
		return rc;
	buf_init(&run.st.reason);
	buf_init(&run.summary);
	/* every file is checked, so that one run reports every bad row; one
	 * thread reads and checks while this one stores */
	rc = ledger_files_read(a->argv, a->argc, &sink, &ctx->diag);
	if (rc) {
		diag_note(&ctx->diag, "nothing imported: the database is unchanged");
	} else {
		for (char *line = run.summary.data, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
			*nl = '\0';
			diag_note(&ctx->diag, "%s", line);
		}
	}
	buf_release(&run.summary);
	buf_release(&run.st.reason);
	return rc;
}

const struct command command_import = {
	.name = "import",
	.run = cmd_import,
	.min_operands = 1,
	.max_operands = -1,
	.db = DB_WRITE,
	.summary = "load ledger CSV files (all or nothing)",
	.usage = "import FILE...",
	.details = "  FILE...   ledger CSV files (header id,file,title,published,...); \"-\" is "
		   "stdin\n"
		   "All files or nothing: any bad row is reported as FILE:LINE: column: reason\n"
		   "and the database is left as it was.\n",
};
