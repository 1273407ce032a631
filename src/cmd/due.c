/*
 * queue: the review queue -- accepted forecasts whose horizon has passed and
 * that nobody has settled yet, oldest horizon first.
 */
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/cli/cli.h"
#include "likely/io/csvio.h"
#include "likely/base/date.h"
#include "likely/store/queue.h"
#include "likely/core/ledger.h"
#include "likely/cli/screen.h"
#include "likely/text/text.h"
#include "likely/store/store.h"

/* What the command line may give: a->value[OPT_X] (NULL when not
 * given) and a->seen[OPT_X]. */
enum {
	OPT_AS_OF,
	OPT_FORMAT,
	NOPTS
};

static const struct cli_option option_list[NOPTS] = {
	CLI_OPTION(OPT_AS_OF, "as-of", 0, CLI_VALUE),
	CLI_OPTION(OPT_FORMAT, "format", 0, CLI_VALUE),
};

#define MIN_CLAIM 24

/* The table fits the terminal (screen.h): the forecaster, then the horizon
 * go when space is short; the claim is cut, the id never. */
static void print_table(struct ctx *ctx, const struct queue *l)
{
	enum {
		D_ID,
		D_OVERDUE,
		D_HORIZON,
		D_FORECASTER,
		D_NCOLS
	};
	struct screen_col cols[D_NCOLS] = {
		[D_ID] = {"ID", 16, 0, false, false},
		[D_OVERDUE] = {"OVERDUE", 7, 0, true, false},
		[D_HORIZON] = {"HORIZON", 10, 1, false, false},
		[D_FORECASTER] = {"FORECASTER", 14, 2, false, false},
	};
	struct screen_size sz;
	struct buf line, days;
	screen_size(ctx->out, &sz);
	size_t claim_width = screen_table_fit(cols, D_NCOLS, sz.cols, MIN_CLAIM);
	buf_init(&line);
	buf_init(&days);
	screen_table_header(&line, cols, D_NCOLS, "CLAIM");
	fprintf(ctx->out, "%s\n", line.data);
	for (size_t i = 0; i < l->count; i++) {
		const struct forecast *f = &l->items[i].f;
		const char *who = *f->col[COL_SPEAKER]  ? f->col[COL_SPEAKER]
				  : *f->col[COL_AUTHOR] ? f->col[COL_AUTHOR]
							: "unattributed";
		buf_reset(&line);
		buf_reset(&days);
		buf_printf(&days, "%ldd", l->items[i].overdue);
		screen_cell(&line, &cols[D_ID], f->col[COL_ID]);
		screen_cell(&line, &cols[D_OVERDUE], days.data);
		screen_cell(&line, &cols[D_HORIZON], f->col[COL_HORIZON]);
		screen_cell(&line, &cols[D_FORECASTER], who);
		text_fit(&line, f->col[COL_CLAIM], claim_width, false);
		fprintf(ctx->out, "%s\n", line.data);
	}
	buf_release(&days);
	buf_release(&line);
}

static void print_csv(struct ctx *ctx, const struct queue *l)
{
	static const char *const header[] = {"id",        "days_overdue", "horizon",
					     "published", "author",       "title",
					     "file",      "claim",        NULL};
	struct csv_writer w;
	csvw_init(&w, ctx->out, CSVW_GUARD_FORMULAS);
	csvw_header(&w, header);
	for (size_t i = 0; i < l->count; i++) {
		const struct forecast *f = &l->items[i].f;
		csvw_text(&w, f->col[COL_ID]);
		csvw_long(&w, l->items[i].overdue);
		csvw_raw(&w, f->col[COL_HORIZON]);
		csvw_raw(&w, f->col[COL_PUBLISHED]);
		csvw_text(&w, f->col[COL_AUTHOR]);
		csvw_text(&w, f->col[COL_TITLE]);
		csvw_text(&w, f->col[COL_FILE]);
		csvw_text(&w, f->col[COL_CLAIM]);
		csvw_end(&w);
	}
}

static int cmd_due(struct ctx *ctx, const struct cmd_args *a)
{
	struct queue l = {0};
	long as_of;
	bool as_csv;
	int rc;

	date_parse_iso(ctx->today, &as_of);
	if ((rc = opt_date(ctx, "as-of", a->value[OPT_AS_OF], &as_of)) ||
	    (rc = opt_format(ctx, a->value[OPT_FORMAT], &as_csv)))
		return rc;
	rc = queue_collect(ctx->store, as_of, &l);
	if (!rc) {
		if (as_csv)
			print_csv(ctx, &l);
		else
			print_table(ctx, &l);
		if (!as_csv)
			diag_note(&ctx->diag, "%zu forecast%s due", l.count,
				  l.count == 1 ? "" : "s");
	}
	queue_release(&l);
	return rc;
}

const struct command command_due = {
	.name = "due",
	.run = cmd_due,
	.min_operands = 0,
	.max_operands = 0,
	.db = DB_READ,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "the review queue: accepted forecasts past their horizon, unsettled",
	.usage = "due [--as-of DATE] [--format table|csv]",
	.details = "  --as-of DATE   the day to judge \"past the horizon\" (default today)\n"
		   "  --format csv   CSV instead of the table (id, days_overdue, horizon, ...)\n"
		   "The table fits the terminal's width (else $COLUMNS, else 80 columns);\n"
		   "the claim is cut, never the id.  FORECASTER is the speaker when there\n"
		   "is one, else the author.\n",
};
