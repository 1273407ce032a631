/*
 * resolve: settle a forecast (or reopen it with --undo).  The previous
 * verdict is never lost: every column that changes is written to the
 * history with its old value.
 */
#include <string.h>

#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/date.h"
#include "likely/ledger.h"

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

static int settle(struct ctx *ctx, const struct cmd_args *a,
		  struct forecast *f, const char *outcome)
{
	const char *on = args_get(a, "on");
	const char *evidence = args_get(a, "evidence");
	const char *note = args_get(a, "note");
	const char *id = f->col[COL_ID];

	if (strcmp(f->col[COL_STATUS], "accepted") != 0)
		return diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				   "%s: is %s; only accepted forecasts are settled "
				   "(likely accept %s)",
				   id, f->col[COL_STATUS], id);
	if (!on)
		on = ctx->today;
	/* a month-only date counts as the month's last day */
	long on_day, from;
	if (date_parse_iso(on, &on_day) &&
	    ledger_published_day(f->col[COL_PUBLISHED], &from) && on_day < from)
		return diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				   "%s: --on %s is before the forecast was "
				   "published (%s%s)",
				   id, on, f->col[COL_PUBLISHED],
				   strlen(f->col[COL_PUBLISHED]) == 7
				   ? ", counted as the month's last day" : "");
	if (strcmp(on, ctx->today) > 0)
		return diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				   "%s: --on %s is in the future (today is %s)", id,
				   on, ctx->today);
	forecast_set(f, COL_OUTCOME, outcome);
	forecast_set(f, COL_RESOLVED_ON, on);
	if (evidence)
		forecast_set(f, COL_EVIDENCE, evidence);
	if (note)
		forecast_set(f, COL_NOTE, note);
	return forecast_save(ctx, f, "resolve");
}

int cmd_resolve(struct ctx *ctx, const struct cmd_args *a)
{
	const char *outcome = args_get(a, "outcome");
	bool undo = args_has(a, "undo");
	struct forecast f;
	long day;
	int rc;

	if (undo && (outcome || args_get(a, "on") || args_get(a, "evidence")))
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "resolve: --undo takes no --outcome, --on or --evidence");
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
	if (!(rc = forecast_load(ctx, a->argv[0], &f))) {
		rc = undo ? reopen(ctx, &f, args_get(a, "note"))
			  : settle(ctx, a, &f, outcome);
		if (!rc)
			diag_note(&ctx->diag, "%s: %s", f.col[COL_ID],
				  undo ? "reopened" : f.col[COL_OUTCOME]);
	}
	forecast_release(&f);
	return rc;
}
