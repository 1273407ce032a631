/*
 * resolve: settle a forecast (or reopen it with --undo).  The previous
 * verdict is never lost: every column that changes is written to the
 * history with its old value.
 */
#include <string.h>

#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/date.h"
#include "likely/ledger.h"
#include "likely/verdict.h"

static int reopen(struct ctx *ctx, struct forecast *f, const char *note)
{
	if (!*f->col[COL_OUTCOME])
		return diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				   "%s: not settled, nothing to undo",
				   f->col[COL_ID]);
	forecast_set(f, COL_OUTCOME, "");
	forecast_set(f, COL_RESOLVED_ON, "");
	forecast_set(f, COL_EVIDENCE, "");
	if (note)
		forecast_set(f, COL_NOTE, note);
	return forecast_save(ctx, f, "resolve --undo");
}

/* A verdict replaces another only when asked to: one mistyped id must not
 * overturn a settled forecast unnoticed. */
static int settle(struct ctx *ctx, const struct cmd_args *a,
		  struct forecast *f, const char *outcome)
{
	const char *on = args_get(a, "on");
	const char *id = f->col[COL_ID];
	struct buf why;

	if (strcmp(f->col[COL_STATUS], "accepted") != 0)
		return diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				   "%s: is %s; only accepted forecasts are settled "
				   "(likely accept %s)",
				   id, f->col[COL_STATUS], id);
	if (*f->col[COL_OUTCOME] && !args_has(a, "force"))
		return diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				   "%s: already settled as '%s' on %s; add --force "
				   "to replace the verdict (its evidence and note "
				   "go too)", id, f->col[COL_OUTCOME],
				   f->col[COL_RESOLVED_ON]);
	if (!on)
		on = ctx->today;
	buf_init(&why);
	bool ok = verdict_day_ok(f, on, ctx->today, &why);
	if (!ok)
		diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0, "%s: --on %s",
			    id, why.data);
	buf_release(&why);
	if (!ok)
		return LIKELY_DATAERR;
	verdict_set(f, outcome, on, args_get(a, "evidence"), args_get(a, "note"));
	return forecast_save(ctx, f, "resolve");
}

int cmd_resolve(struct ctx *ctx, const struct cmd_args *a)
{
	const char *outcome = args_get(a, "outcome");
	bool undo = args_has(a, "undo");
	struct forecast f;
	long day;
	int rc;

	if (undo && (outcome || args_get(a, "on") || args_get(a, "evidence") ||
		     args_has(a, "force")))
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "resolve: --undo takes no --outcome, --on, "
				   "--evidence or --force");
	if (!undo && !outcome)
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "resolve: --outcome yes|no|partial|void is required");
	if (outcome && (!*outcome || ledger_check_field(COL_OUTCOME, outcome)))
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "--outcome: '%s' is not one of yes, no, partial, void",
				   outcome);
	if ((rc = opt_date(ctx, "on", args_get(a, "on"), &day)) ||
	    (rc = opt_text(ctx, "evidence", args_get(a, "evidence"),
			   ledger_column_text_flags(COL_EVIDENCE))) ||
	    (rc = opt_text(ctx, "note", args_get(a, "note"),
			   ledger_column_text_flags(COL_NOTE))))
		return rc;
	if (!(rc = forecast_load(ctx, a->argv[0], ID_CHANGE, &f))) {
		rc = undo ? reopen(ctx, &f, args_get(a, "note"))
			  : settle(ctx, a, &f, outcome);
		if (!rc)
			diag_note(&ctx->diag, "%s: %s", f.col[COL_ID],
				  undo ? "reopened" : f.col[COL_OUTCOME]);
	}
	forecast_release(&f);
	return rc;
}
