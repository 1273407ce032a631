/*
 * resolve: settle a forecast (or reopen it with --undo).  The previous
 * verdict is never lost: every column that changes is written to the
 * history with its old value.
 */
#include <string.h>

#include "likely/base/buf.h"
#include "likely/cli/cli.h"
#include "likely/base/date.h"
#include "likely/core/ledger.h"
#include "likely/store/store.h"
#include "likely/core/verdict.h"

/* What the command line may give: a->value[OPT_X] (NULL when not
 * given) and a->seen[OPT_X]. */
enum {
	OPT_OUTCOME,
	OPT_ON,
	OPT_EVIDENCE,
	OPT_NOTE,
	OPT_UNDO,
	OPT_FORCE,
	NOPTS
};

static const struct cli_option option_list[NOPTS] = {
	CLI_OPTION(OPT_OUTCOME, "outcome", 0, CLI_VALUE),
	CLI_OPTION(OPT_ON, "on", 0, CLI_VALUE),
	CLI_OPTION(OPT_EVIDENCE, "evidence", 0, CLI_VALUE),
	CLI_OPTION(OPT_NOTE, "note", 0, CLI_VALUE),
	CLI_OPTION(OPT_UNDO, "undo", 0, CLI_FLAG),
	CLI_OPTION(OPT_FORCE, "force", 0, CLI_FLAG),
};

static int reopen(struct ctx *ctx, struct forecast *f, const char *note)
{
	if (!*f->col[COL_OUTCOME])
		return diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				   "%s: not settled, nothing to undo", f->col[COL_ID]);
	forecast_set(f, COL_OUTCOME, "");
	forecast_set(f, COL_RESOLVED_ON, "");
	forecast_set(f, COL_EVIDENCE, "");
	if (note)
		forecast_set(f, COL_NOTE, note);
	return store_forecast_put(ctx->store, f, ctx->now, "resolve --undo", NULL);
}

/* A verdict replaces another only when asked to: one mistyped id must not
 * overturn a settled forecast unnoticed. */
static int settle(struct ctx *ctx, const struct cmd_args *a, struct forecast *f,
		  const char *outcome)
{
	const char *on = a->value[OPT_ON];
	const char *id = f->col[COL_ID];
	struct buf why;

	if (strcmp(f->col[COL_STATUS], "accepted") != 0)
		return diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				   "%s: is %s; only accepted forecasts are settled "
				   "(likely accept %s)",
				   id, f->col[COL_STATUS], id);
	if (*f->col[COL_OUTCOME] && !a->seen[OPT_FORCE])
		return diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				   "%s: already settled as '%s' on %s; add --force "
				   "to replace the verdict (its evidence and note "
				   "go too)",
				   id, f->col[COL_OUTCOME], f->col[COL_RESOLVED_ON]);
	if (!on)
		on = ctx->today;
	buf_init(&why);
	bool ok = verdict_day_ok(f, on, ctx->today, &why);
	if (!ok)
		diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0, "%s: --on %s", id, why.data);
	buf_release(&why);
	if (!ok)
		return LIKELY_DATAERR;
	verdict_set(f, outcome, on, a->value[OPT_EVIDENCE], a->value[OPT_NOTE]);
	return store_forecast_put(ctx->store, f, ctx->now, "resolve", NULL);
}

static int cmd_resolve(struct ctx *ctx, const struct cmd_args *a)
{
	const char *outcome = a->value[OPT_OUTCOME];
	bool undo = a->seen[OPT_UNDO];
	struct forecast f;
	long day;
	int rc;

	if (undo && (outcome || a->value[OPT_ON] || a->value[OPT_EVIDENCE] || a->seen[OPT_FORCE]))
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "resolve: --undo takes no --outcome, --on, "
				   "--evidence or --force");
	if (!undo && !outcome)
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "resolve: --outcome yes|no|partial|void is required");
	if (outcome && (!*outcome || ledger_check_field(COL_OUTCOME, outcome)))
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "--outcome: '%s' is not one of yes, no, partial, void", outcome);
	if ((rc = opt_date(ctx, "on", a->value[OPT_ON], &day)) ||
	    (rc = opt_text(ctx, "evidence", a->value[OPT_EVIDENCE],
			   ledger_column_text_flags(COL_EVIDENCE))) ||
	    (rc = opt_text(ctx, "note", a->value[OPT_NOTE], ledger_column_text_flags(COL_NOTE))))
		return rc;
	if (!(rc = store_forecast_lookup(ctx->store, a->argv[0], ID_CHANGE, &f))) {
		rc = undo ? reopen(ctx, &f, a->value[OPT_NOTE]) : settle(ctx, a, &f, outcome);
		if (!rc)
			diag_note(&ctx->diag, "%s: %s", f.col[COL_ID],
				  undo ? "reopened" : f.col[COL_OUTCOME]);
	}
	forecast_release(&f);
	return rc;
}

const struct command command_resolve = {
	.name = "resolve",
	.run = cmd_resolve,
	.min_operands = 1,
	.max_operands = 1,
	.db = DB_WRITE,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "settle a forecast, or reopen it with --undo",
	.usage = "resolve ID --outcome yes|no|partial|void [--on DATE] [--evidence E] "
		 "[--note N] [--force]\n       likely resolve ID --undo",
	.details = "  ID              the whole id, or its first 4 characters or more\n"
		   "  --outcome O     yes, no, partial or void\n"
		   "  --on DATE       the day it was settled (default today; not before the\n"
		   "                  forecast was published, not in the future)\n"
		   "  --evidence E    what settled it\n"
		   "  --note N        a note\n"
		   "  --force         replace the verdict of a forecast already settled; its\n"
		   "                  evidence and note are replaced or cleared\n"
		   "  --undo          reopen: outcome, date and evidence are cleared; the old\n"
		   "                  verdict stays in the history\n",
};
