/*
 * edit: change what extraction (or a typo) got wrong -- probability,
 * horizon, topic, author, speaker, claim, publication date.  The id stays: it names
 * the forecast, not its current wording or date.  Each change lands in the
 * history with the reason.
 */
#include <stdlib.h>
#include <string.h>

#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/extract.h"
#include "likely/ledger.h"
#include "likely/redate.h"
#include "likely/textfield.h"

static const struct {
	const char *option;
	enum ledger_column column;
} editable[] = {
	{"probability", COL_PROBABILITY},
	{"horizon", COL_HORIZON},
	{"topic", COL_TOPIC},
	{"author", COL_AUTHOR},
	{"speaker", COL_SPEAKER},
	{"claim", COL_CLAIM},
};

#define NEDITABLE (sizeof editable / sizeof editable[0])

/* --published: first, so that a --horizon given with it wins over the
 * horizon computed again from the new date.  *said is the note to give
 * once the change is saved. */
static int set_published(struct ctx *ctx, struct forecast *f, const char *v,
			 struct buf *said)
{
	struct extract_config cfg;
	char old[DATE_ISO_LEN + 1];
	int rc = config_load(ctx, &cfg);
	if (!rc) {
		snprintf(old, sizeof old, "%s", f->col[COL_HORIZON]);
		bool again = redate_forecast(&cfg.horizons, f, v);
		if (again && strcmp(old, f->col[COL_HORIZON]) != 0)
			buf_printf(said, "%s: horizon %s, counted from the new date",
				   f->col[COL_ID], *f->col[COL_HORIZON]
				   ? f->col[COL_HORIZON] : "none");
		else if (!again)
			buf_printf(said, "%s: horizon %s kept (not the one extraction "
				   "gave)", f->col[COL_ID], f->col[COL_HORIZON]);
	}
	extract_config_release(&cfg);
	return rc;
}

int cmd_edit(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast f;
	struct buf why, said;
	const char *reason = args_get(a, "reason");
	int rc, given = 0;

	if ((rc = opt_text(ctx, "reason", reason, TEXTFIELD_MULTILINE)))
		return rc;
	const char *published = args_get(a, "published");
	if (published) {
		given++;
		const char *bad = *published
			? ledger_check_field(COL_PUBLISHED, published)
			: "empty (give the article's date, YYYY-MM-DD or YYYY-MM)";
		if (bad)
			return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
					   "--published: %s ('%s')", bad, published);
	}
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
				   "--horizon, --topic, --author, --speaker, --claim or "
				   "--published)");
	buf_init(&said);
	if ((rc = forecast_load(ctx, a->argv[0], ID_CHANGE, &f)))
		goto out;
	if (published && (rc = set_published(ctx, &f, published, &said)))
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
	/* an editor's --horizon made the note moot */
	if (!rc && said.len && !args_get(a, "horizon"))
		diag_note(&ctx->diag, "%s", said.data);
out:
	buf_release(&said);
	forecast_release(&f);
	return rc;
}
