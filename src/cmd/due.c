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

struct due_item {
	struct forecast f;
	long overdue; /* days past the horizon on the as-of date */
};

struct due_list {
	long as_of;
	struct due_item *items;
	size_t count, cap;
};

static int collect(const struct forecast *f, void *data)
{
	struct due_list *l = data;
	long horizon;

	if (!date_parse_iso(f->col[COL_HORIZON], &horizon) || horizon >= l->as_of)
		return 0;
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	struct due_item *it = &l->items[l->count++];
	forecast_init(&it->f);
	for (int c = 0; c < LEDGER_NCOLS; c++)
		forecast_set(&it->f, c, f->col[c]);
	it->overdue = l->as_of - horizon;
	return 0;
}

/* Oldest horizon first; ties by publication date, then id, so the order
 * never depends on how rows happened to be stored. */
static int by_horizon(const void *pa, const void *pb)
{
	const struct due_item *a = pa, *b = pb;
	int c = strcmp(a->f.col[COL_HORIZON], b->f.col[COL_HORIZON]);
	if (!c)
		c = strcmp(a->f.col[COL_PUBLISHED], b->f.col[COL_PUBLISHED]);
	return c ? c : strcmp(a->f.col[COL_ID], b->f.col[COL_ID]);
}

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
	struct forecast_filter flt = {.open_only = true};
	struct due_list l = {0};
	bool as_csv;
	int rc;

	date_parse_iso(ctx->today, &l.as_of);
	if ((rc = opt_date(ctx, "as-of", args_get(a, "as-of"), &l.as_of)) ||
	    (rc = opt_format(ctx, args_get(a, "format"), &as_csv)))
		return rc;
	rc = store_forecast_each(ctx->store, &flt, collect, &l);
	if (!rc) {
		/* qsort's array must not be NULL even for 0 items (C11 7.22.5). */
		if (l.count)
			qsort(l.items, l.count, sizeof *l.items, by_horizon);
		if (as_csv)
			print_csv(ctx, &l);
		else
			print_table(ctx, &l);
		if (!as_csv)
			diag_note(&ctx->diag, "%zu forecast%s due", l.count,
				  l.count == 1 ? "" : "s");
	}
	for (size_t i = 0; i < l.count; i++)
		forecast_release(&l.items[i].f);
	free(l.items);
	return rc;
}
