/*
 * list: browse forecasts as a table for people or ledger CSV for scripts.
 */
#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/csvio.h"
#include "likely/ledger.h"
#include "likely/store.h"

struct list_state {
	struct ctx *ctx;
	struct csv_writer csv;
	bool as_csv;
	struct buf line;
	unsigned long rows;
};

static int print_row(const struct forecast *f, void *data)
{
	struct list_state *st = data;
	struct buf *b = &st->line;

	st->rows++;
	if (st->as_csv) {
		ledger_write_record(&st->csv, f);
		return 0;
	}
	buf_reset(b);
	buf_printf(b, "%-16s  %-9s  %-7s  %-10s  %-10s  %-4s  ",
		   f->col[COL_ID], f->col[COL_STATUS],
		   *f->col[COL_OUTCOME] ? f->col[COL_OUTCOME] : "open",
		   *f->col[COL_PUBLISHED] ? f->col[COL_PUBLISHED] : "-",
		   *f->col[COL_HORIZON] ? f->col[COL_HORIZON] : "-",
		   *f->col[COL_PROBABILITY] ? f->col[COL_PROBABILITY] : "-");
	text_fit(b, *f->col[COL_AUTHOR] ? f->col[COL_AUTHOR] : "unattributed",
		 18, true);
	buf_adds(b, "  ");
	text_fit(b, f->col[COL_CLAIM], 70, false);
	fprintf(st->ctx->out, "%s\n", b->data);
	return 0;
}

int cmd_list(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast_filter flt = {
		.status = args_get(a, "status"),
		.author = args_get(a, "author"),
		.speaker = args_get(a, "speaker"),
		.topic = args_get(a, "topic"),
		.open_only = args_has(a, "open"),
	};
	struct list_state st = {.ctx = ctx};
	int rc;

	if ((rc = opt_status(ctx, flt.status)) ||
	    (rc = opt_format(ctx, args_get(a, "format"), &st.as_csv)))
		return rc;
	buf_init(&st.line);
	if (st.as_csv) {
		csvw_init(&st.csv, ctx->out, 0);
		ledger_write_header(&st.csv);
	} else {
		fprintf(ctx->out, "%-16s  %-9s  %-7s  %-10s  %-10s  %-4s  %-18s  %s\n",
			"ID", "STATUS", "OUTCOME", "PUBLISHED", "HORIZON", "P",
			"AUTHOR", "CLAIM");
	}
	rc = store_forecast_each(ctx->store, &flt, print_row, &st);
	if (!rc && !st.as_csv)
		diag_note(&ctx->diag, "%lu forecast%s", st.rows,
			  st.rows == 1 ? "" : "s");
	buf_release(&st.line);
	return rc;
}
