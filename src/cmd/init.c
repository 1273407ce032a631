/*
 * init: create or upgrade the database.  The dispatcher already opened it
 * with create set, which runs the migrations; this says what happened.
 */
#include "likely/cli/cli.h"
#include "likely/store/store.h"

static int cmd_init(struct ctx *ctx, const struct cmd_args *a)
{
	int version, rc;
	(void)a;
	if ((rc = store_schema_version(ctx->store, &version)))
		return rc;
	diag_note(&ctx->diag, "%s: database ready (schema version %d)", ctx->db_path, version);
	return LIKELY_OK;
}

const struct command command_init = {
	.name = "init",
	.run = cmd_init,
	.min_operands = 0,
	.max_operands = 0,
	.db = DB_WRITE,
	.summary = "create or upgrade the database",
	.usage = "init",
	.details = "Creates the database (--db, $LIKELY_DB or ./likely.db) or upgrades its\n"
		   "schema.\n",
};
