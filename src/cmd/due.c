/*
 * due: the review queue -- accepted forecasts whose horizon has passed and
 * that nobody has settled yet, oldest horizon first.
 */
#include <stdlib.h>
#include <string.h>

#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/csvio.h"
#include "likely/date.h"
#include "likely/ledger.h"
#include "likely/store.h"

static void print_table(struct ctx *ctx, const struct due_list *l)
{
	struct buf line;
	buf_init(&line);
	fprintf(ctx->out, "%-16s  %7s  %-10s  %-18s  %s\n", "ID", "OVERDUE",
		"HORIZON", "AUTHOR", "CLAIM");
	for (size_t i = 0; i < l->count; i++) {
		const struct forecast *f = &l->items[i].f;
		buf_reset(&line);
		buf_printf(&line, "%-16s  %6ldd  %-10s  ", f->col[COL_ID],
			   l->items[i].overdue, f->col[COL_HORIZON]);
		text_fit(&line, *f->col[COL_AUTHOR] ? f->col[COL_AUTHOR]
						    : "unattributed", 18, true);
		buf_adds(&line, "  ");
		text_fit(&line, f->col[COL_CLAIM], 80, false);
		fprintf(ctx->out, "%s\n", line.data);
	}
	buf_release(&line);
}

static void print_csv(struct ctx *ctx, const struct due_list *l)
{
	static const char *const header[] = {
		"id", "days_overdue", "horizon", "published", "author", "title",
		"file", "claim", NULL};
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

int cmd_due(struct ctx *ctx, const struct cmd_args *a)
{
	struct due_list l = {0};
	long as_of;
	bool as_csv;
	int rc;

	date_parse_iso(ctx->today, &as_of);
	if ((rc = opt_date(ctx, "as-of", args_get(a, "as-of"), &as_of)) ||
	    (rc = opt_format(ctx, args_get(a, "format"), &as_csv)))
		return rc;
	rc = due_collect(ctx, as_of, &l);
	if (!rc) {
		if (as_csv)
			print_csv(ctx, &l);
		else
			print_table(ctx, &l);
		if (!as_csv)
			diag_note(&ctx->diag, "%zu forecast%s due", l.count,
				  l.count == 1 ? "" : "s");
	}
	due_list_release(&l);
	return rc;
}
