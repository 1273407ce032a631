/*
 * show: one forecast in full -- its sentence in context, the article,
 * dates, status, outcome -- and its whole history, oldest first.
 */
#include <string.h>

#include "likely/cli/cli.h"
#include "likely/core/ledger.h"
#include "likely/store/store.h"

static void field(FILE *out, const char *label, const char *value)
{
	if (value && *value)
		fprintf(out, "%-13s %s\n", label, value);
}

static int print_history(const struct history_entry *h, void *data)
{
	FILE *out = data;
	fprintf(out, "  %s  %s", h->at, h->field);
	if (h->old_value && h->new_value)
		fprintf(out, ": '%s' -> '%s'", h->old_value, h->new_value);
	else if (h->new_value)
		fprintf(out, ": '%s'", h->new_value);
	if (*h->reason)
		fprintf(out, "  (%s)", h->reason);
	fputc('\n', out);
	return 0;
}

static int cmd_show(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast f;
	FILE *out = ctx->out;
	int rc = store_forecast_lookup(ctx->store, a->argv[0], ID_READ, &f);

	if (rc)
		goto out;
	field(out, "id:", f.col[COL_ID]);
	field(out, "claim:", f.col[COL_CLAIM]);
	field(out, "article:", f.col[COL_TITLE]);
	field(out, "file:", f.col[COL_FILE]);
	field(out, "source:", f.col[COL_SOURCE]);
	field(out, "url:", f.col[COL_URL]);
	if (!*f.col[COL_PUBLISHED])
		fprintf(out,
			"%-13s none found (add it: likely edit %s --published "
			"YYYY-MM-DD)\n",
			"published:", f.col[COL_ID]);
	else if (strlen(f.col[COL_PUBLISHED]) == 7)
		fprintf(out, "%-13s %s (month only: counted as its last day)\n",
			"published:", f.col[COL_PUBLISHED]);
	else
		field(out, "published:", f.col[COL_PUBLISHED]);
	field(out, "author:", *f.col[COL_AUTHOR] ? f.col[COL_AUTHOR] : "unattributed");
	if (*f.col[COL_SPEAKER])
		field(out, "speaker:", f.col[COL_SPEAKER]);
	field(out, "topic:", f.col[COL_TOPIC]);
	fprintf(out, "%-13s %s (%s)\n", "cue:", f.col[COL_CUE],
		*f.col[COL_PROBABILITY] ? f.col[COL_PROBABILITY] : "hedged: no probability");
	if (*f.col[COL_HORIZON_PHRASE])
		fprintf(out, "%-13s %s (\"%s\")\n", "horizon:",
			*f.col[COL_HORIZON] ? f.col[COL_HORIZON] : "none until the date is known",
			f.col[COL_HORIZON_PHRASE]);
	else if (!*f.col[COL_HORIZON] && !*f.col[COL_PUBLISHED])
		field(out, "horizon:", "none until the date is known");
	else
		field(out, "horizon:", f.col[COL_HORIZON]);
	field(out, "status:", f.col[COL_STATUS]);
	if (*f.col[COL_OUTCOME])
		fprintf(out, "%-13s %s, settled on %s\n", "outcome:", f.col[COL_OUTCOME],
			f.col[COL_RESOLVED_ON]);
	else
		field(out, "outcome:", "open");
	field(out, "evidence:", f.col[COL_EVIDENCE]);
	field(out, "note:", f.col[COL_NOTE]);
	if (f.context)
		fprintf(out, "\ncontext:\n  %s\n", f.context);
	fputs("\nhistory:\n", out);
	rc = store_history_each(ctx->store, f.col[COL_ID], print_history, out);
out:
	forecast_release(&f);
	return rc;
}

const struct command command_show = {
	.name = "show",
	.run = cmd_show,
	.min_operands = 1,
	.max_operands = 1,
	.db = DB_READ,
	.summary = "one forecast with its context and history",
	.usage = "show ID",
	.details = "  ID   the forecast (the first characters of an id are enough)\n",
};
