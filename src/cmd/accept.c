/*
 * accept / reject: curate candidates.  Both take several ids and are one
 * transaction: an unknown id anywhere changes nothing.
 */
#include <string.h>

#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/ledger.h"

static int set_status(struct ctx *ctx, const char *id, const char *status,
		      const char *reason)
{
	struct forecast f;
	int rc = forecast_load(ctx, id, &f);

	if (rc)
		goto out;
	if (strcmp(f.col[COL_STATUS], status) == 0) {
		diag_note(&ctx->diag, "%s: already %s", id, status);
		goto out;
	}
	if (*f.col[COL_OUTCOME]) {
		rc = diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				 "%s: settled as '%s'; reopen it first with "
				 "likely resolve %s --undo",
				 id, f.col[COL_OUTCOME], id);
		goto out;
	}
	forecast_set(&f, COL_STATUS, status);
	rc = forecast_save(ctx, &f, reason);
	if (!rc)
		diag_note(&ctx->diag, "%s: %s", id, status);
out:
	forecast_release(&f);
	return rc;
}

static int set_all(struct ctx *ctx, const struct cmd_args *a,
		   const char *status, const char *verb)
{
	const char *reason = args_get(a, "reason");
	int worst = LIKELY_OK;
	struct buf why;

	buf_init(&why);
	buf_adds(&why, verb);
	if (reason && *reason)
		buf_printf(&why, ": %s", reason);
	for (int i = 0; i < a->argc; i++) {
		int rc = set_status(ctx, a->argv[i], status, why.data);
		if (rc && !worst)
			worst = rc;
	}
	buf_release(&why);
	return worst;
}

int cmd_accept(struct ctx *ctx, const struct cmd_args *a)
{
	return set_all(ctx, a, "accepted", "accept");
}

int cmd_reject(struct ctx *ctx, const struct cmd_args *a)
{
	return set_all(ctx, a, "rejected", "reject");
}
