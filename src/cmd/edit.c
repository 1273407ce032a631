/*
 * edit: change what extraction (or a typo) got wrong -- probability,
 * horizon, topic, author, speaker, claim, publication date.  The id stays: it names
 * the forecast, not its current wording or date.  Each change lands in the
 * history with the reason.
 */
#include <stdlib.h>
#include <string.h>

#include "likely/cli/cli.h"
#include "likely/extract/extract.h"
#include "likely/core/ledger.h"
#include "likely/store/store.h"
#include "likely/extract/redate.h"
#include "likely/text/textfield.h"

/* What the command line may give: a->value[OPT_X] (NULL when not
 * given) and a->seen[OPT_X]. */
enum {
	OPT_PROBABILITY,
	OPT_HORIZON,
	OPT_TOPIC,
	OPT_AUTHOR,
	OPT_SPEAKER,
	OPT_CLAIM,
	OPT_PUBLISHED,
	OPT_REASON,
	NOPTS
};

static const struct cli_option option_list[NOPTS] = {
	CLI_OPTION(OPT_PROBABILITY, "probability", 0, CLI_VALUE),
	CLI_OPTION(OPT_HORIZON, "horizon", 0, CLI_VALUE),
	CLI_OPTION(OPT_TOPIC, "topic", 0, CLI_VALUE),
	CLI_OPTION(OPT_AUTHOR, "author", 0, CLI_VALUE),
	CLI_OPTION(OPT_SPEAKER, "speaker", 0, CLI_VALUE),
	CLI_OPTION(OPT_CLAIM, "claim", 0, CLI_VALUE),
	CLI_OPTION(OPT_PUBLISHED, "published", 0, CLI_VALUE),
	CLI_OPTION(OPT_REASON, "reason", 0, CLI_VALUE),
};

/* The options that set one column as given. */
static const struct {
	int option;
	enum ledger_column column;
} editable[] = {
	{OPT_PROBABILITY, COL_PROBABILITY}, {OPT_HORIZON, COL_HORIZON}, {OPT_TOPIC, COL_TOPIC},
	{OPT_AUTHOR, COL_AUTHOR},           {OPT_SPEAKER, COL_SPEAKER}, {OPT_CLAIM, COL_CLAIM},
};

#define NEDITABLE (sizeof editable / sizeof editable[0])

/* --published: first, so that a --horizon given with it wins over the
 * horizon computed again from the new date.  *said is the note to give
 * once the change is saved. */
static int set_published(struct ctx *ctx, struct forecast *f, const char *v, struct buf *said)
{
	struct extract_config cfg;
	char old[DATE_ISO_LEN + 1];
	int rc = extract_config_find(ctx->config_dir, &ctx->diag, &cfg);
	if (!rc) {
		snprintf(old, sizeof old, "%s", f->col[COL_HORIZON]);
		bool again = redate_forecast(&cfg.horizons, f, v);
		if (again && strcmp(old, f->col[COL_HORIZON]) != 0)
			buf_printf(said, "%s: horizon %s, counted from the new date",
				   f->col[COL_ID],
				   *f->col[COL_HORIZON] ? f->col[COL_HORIZON] : "none");
		else if (!again)
			buf_printf(said,
				   "%s: horizon %s kept (not the one extraction "
				   "gave)",
				   f->col[COL_ID], f->col[COL_HORIZON]);
	}
	extract_config_release(&cfg);
	return rc;
}

static int cmd_edit(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast f;
	struct buf why, said;
	const char *reason = a->value[OPT_REASON];
	int rc, given = 0;

	if ((rc = opt_text(ctx, "reason", reason, TEXTFIELD_MULTILINE)))
		return rc;
	const char *published = a->value[OPT_PUBLISHED];
	if (published) {
		given++;
		const char *bad =
			*published ? ledger_check_field(COL_PUBLISHED, published)
				   : "empty (give the article's date, YYYY-MM-DD or YYYY-MM)";
		if (bad)
			return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
					   "--published: %s ('%s')", bad, published);
	}
	for (size_t i = 0; i < NEDITABLE; i++) {
		const char *v = a->value[editable[i].option];
		if (!v)
			continue;
		given++;
		const char *bad = ledger_check_field(editable[i].column, v);
		if (bad)
			return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, "--%s: %s ('%s')",
					   option_list[editable[i].option].name, bad, v);
	}
	if (!given)
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "edit: nothing to change (give --probability, "
				   "--horizon, --topic, --author, --speaker, --claim or "
				   "--published)");
	buf_init(&said);
	if ((rc = store_forecast_lookup(ctx->store, a->argv[0], ID_CHANGE, &f)))
		goto out;
	if (published && (rc = set_published(ctx, &f, published, &said)))
		goto out;
	for (size_t i = 0; i < NEDITABLE; i++) {
		const char *v = a->value[editable[i].option];
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
		rc = diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0, "%s: %s: %s", a->argv[0],
				 ledger_columns[col], bad);
		goto out;
	}
	buf_init(&why);
	buf_adds(&why, "edit");
	if (reason && *reason)
		buf_printf(&why, ": %s", reason);
	rc = store_forecast_put(ctx->store, &f, ctx->now, why.data, NULL);
	buf_release(&why);
	/* an editor's --horizon made the note moot */
	if (!rc && said.len && !a->value[OPT_HORIZON])
		diag_note(&ctx->diag, "%s", said.data);
out:
	buf_release(&said);
	forecast_release(&f);
	return rc;
}

const struct command command_edit = {
	.name = "edit",
	.run = cmd_edit,
	.min_operands = 1,
	.max_operands = 1,
	.db = DB_WRITE,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "change a forecast's probability, horizon, topic, author, speaker, "
		   "claim or date",
	.usage = "edit ID [--probability P] [--horizon DATE] [--topic T] [--author A] "
		 "[--speaker S] [--claim TEXT] [--published DATE] [--reason R]",
	.details = "  ID                the whole id, or its first 4 characters or more\n"
		   "  --probability P   a decimal in [0,1], or \"\" for a hedged statement\n"
		   "  --horizon DATE    YYYY-MM-DD, not before the publication date\n"
		   "  --published DATE  the article's date, YYYY-MM-DD or YYYY-MM (a month);\n"
		   "                    a horizon from extraction is computed again from\n"
		   "                    it, one set by an editor is kept\n"
		   "  --topic T         one or more topics joined by \";\"\n"
		   "  --author A        the author (\"\" for none)\n"
		   "  --speaker S       who made the forecast when it is not the article's\n"
		   "                    own voice (\"\" for the author's own, \"(unnamed)\"\n"
		   "                    for a source the article does not name)\n"
		   "  --claim TEXT      the sentence (whitespace is collapsed)\n"
		   "  --reason R        why, kept in the history\n"
		   "The id does not change.\n",
};
