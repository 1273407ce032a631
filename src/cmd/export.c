/*
 * export: the ledger CSV, in the order forecasts entered the database, so
 * that export -> import -> export is byte for byte.  The ledger is an
 * interchange file, so unlike the reports it carries no formula guard:
 * an apostrophe added on the way out would come back in on import.
 */
#include <string.h>

#include "likely/cli/cli.h"
#include "likely/io/csvio.h"
#include "likely/core/ledger.h"
#include "likely/io/outfile.h"
#include "likely/store/store.h"

/* What the command line may give: a->value[OPT_X] (NULL when not
 * given) and a->seen[OPT_X]. */
enum {
	OPT_OUTPUT,
	OPT_STATUS,
	NOPTS
};

static const struct cli_option option_list[NOPTS] = {
	CLI_OPTION(OPT_OUTPUT, "output", 'o', CLI_VALUE),
	CLI_OPTION(OPT_STATUS, "status", 0, CLI_VALUE),
};

static int write_one(const struct forecast *f, void *data)
{
	ledger_write_record(data, f);
	return 0;
}

static int cmd_export(struct ctx *ctx, const struct cmd_args *a)
{
	const char *path = a->value[OPT_OUTPUT];
	struct forecast_filter flt = {.status = a->value[OPT_STATUS]};
	struct csv_writer w;
	struct outfile of = {0};
	int rc;

	if ((rc = opt_status(ctx, flt.status)))
		return rc;
	if (path && strcmp(path, "-") != 0 && (rc = outfile_open(&of, path, &ctx->diag)))
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

const struct command command_export = {
	.name = "export",
	.run = cmd_export,
	.min_operands = 0,
	.max_operands = 0,
	.db = DB_READ,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "write the ledger CSV",
	.usage = "export [-o FILE] [--status S]",
	.details = "  -o FILE, --output FILE   write FILE (atomically) instead of stdout\n"
		   "  --status S               only candidate, accepted or rejected forecasts\n"
		   "Forecasts come out in the order they entered the database, so export,\n"
		   "import, export gives the same bytes.\n",
};
