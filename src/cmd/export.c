/*
 * export: the ledger CSV, in the order forecasts entered the database, so
 * that export -> import -> export is byte for byte.  The ledger is an
 * interchange file, so unlike the reports it carries no formula guard:
 * an apostrophe added on the way out would come back in on import.
 */
#include <string.h>

#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/csvio.h"
#include "likely/ledger.h"
#include "likely/outfile.h"
#include "likely/store.h"

static int write_one(const struct forecast *f, void *data)
{
	ledger_write_record(data, f);
	return 0;
}

int cmd_export(struct ctx *ctx, const struct cmd_args *a)
{
	const char *path = args_get(a, "output");
	struct forecast_filter flt = {.status = args_get(a, "status")};
	struct csv_writer w;
	struct outfile of = {0};
	int rc;

	if ((rc = opt_status(ctx, flt.status)))
		return rc;
	if (path && strcmp(path, "-") != 0 &&
	    (rc = outfile_open(&of, path, &ctx->diag)))
		return rc;
	csvw_init(&w, of.fp ? of.fp : ctx->out, 0);
	ledger_write_header(&w);
	rc = store_forecast_each(ctx->store, &flt, write_one, &w);
	if (!of.fp)
		return rc;
	if (rc) {
		outfile_abort(&of);
		return rc;
	}
	return outfile_commit(&of, &ctx->diag);
}
