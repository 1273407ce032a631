/*
 * edit: change what extraction (or a typo) got wrong -- probability,
 * horizon, topic, author, claim.  The id stays: it names the forecast, not
 * its current wording.  Each change lands in the history with the reason.
 */
#include <stdlib.h>
#include <string.h>

#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/ledger.h"

static const struct {
	const char *option;
	enum ledger_column column;
} editable[] = {
	{"probability", COL_PROBABILITY},
	{"horizon", COL_HORIZON},
	{"topic", COL_TOPIC},
	{"author", COL_AUTHOR},
	{"claim", COL_CLAIM},
};

#define NEDITABLE (sizeof editable / sizeof editable[0])

int cmd_edit(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast f;
	struct buf why;
	const char *reason = args_get(a, "reason");
	int rc, given = 0;

	for (size_t i = 0; i < NEDITABLE; i++) {
		const char *v = args_get(a, editable[i].option);
		if (!v)
			continue;
		given++;
		const char *bad = ledger_check_field(editable[i].column, v);
		if (bad)
			return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
					   "--%s: %s ('%s')", editable[i].option,
					   bad, v);
	}
	if (!given)
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "edit: nothing to change (give --probability, "
				   "--horizon, --topic, --author or --claim)");
	if ((rc = forecast_load(ctx, a->argv[0], &f)))
		goto out;
	for (size_t i = 0; i < NEDITABLE; i++) {
		const char *v = args_get(a, editable[i].option);
		if (!v)
			continue;
		if (editable[i].column == COL_CLAIM) {
			char *flat = ledger_collapse_space(v);
			forecast_set(&f, COL_CLAIM, flat);
			free(flat);
		} else {
			forecast_set(&f, editable[i].column, v);
		}
	}
	enum ledger_column col;
	const char *bad = ledger_check_record(&f, &col);
	if (bad) {
		rc = diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0, "%s: %s: %s",
				 a->argv[0], ledger_columns[col], bad);
		goto out;
	}
	buf_init(&why);
	buf_adds(&why, "edit");
	if (reason && *reason)
		buf_printf(&why, ": %s", reason);
	rc = forecast_save(ctx, &f, why.data);
	buf_release(&why);
out:
	forecast_release(&f);
	return rc;
}
