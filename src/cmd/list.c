/*
 * list: browse forecasts as a table for people or ledger CSV for scripts.
 * The table fits the terminal (screen.h): columns are dropped, least
 * needed first, and the claim is cut; the id is always whole.  One column
 * names who made the forecast as scoring groups it (the speaker, else the
 * author): a second author column would take the claim's room.
 */
#include <stdlib.h>
#include <string.h>

#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/csvio.h"
#include "likely/ledger.h"
#include "likely/screen.h"
#include "likely/store.h"
#include "likely/text.h"

#define MIN_CLAIM 24

enum list_col { L_ID, L_STATE, L_PUBLISHED, L_HORIZON, L_P, L_FORECASTER,
		L_NCOLS };

/* What the table shows beyond the store's own filters. */
struct list_match {
	const char *author_part; /* folded; "" = unattributed only; NULL = any */
	bool unattributed;
	long since, until;       /* publication days; 0 = no bound */
	bool has_since, has_until;
	const char *outcome;     /* yes|no|partial|void|open, or NULL */
};

struct list_state {
	struct ctx *ctx;
	struct csv_writer csv;
	bool as_csv;
	struct list_match m;
	struct screen_col cols[L_NCOLS];
	size_t claim_width;
	struct buf line, folded;
	unsigned long rows;
};

static bool author_matches(struct list_state *st, const char *author)
{
	const struct list_match *m = &st->m;
	if (m->unattributed)
		return !*author;
	if (!m->author_part)
		return true;
	buf_reset(&st->folded);
	text_fold(&st->folded, author, strlen(author));
	return strstr(st->folded.data, m->author_part) != NULL;
}

static bool matches(struct list_state *st, const struct forecast *f)
{
	const struct list_match *m = &st->m;
	if (!author_matches(st, f->col[COL_AUTHOR]))
		return false;
	if (m->outcome) {
		const char *o = f->col[COL_OUTCOME];
		if (strcmp(m->outcome, "open") == 0 ? *o != '\0'
		    : strcmp(m->outcome, o) != 0)
			return false;
	}
	if (m->has_since || m->has_until) {
		long day;
		if (!ledger_published_day(f->col[COL_PUBLISHED], &day) ||
		    (m->has_since && day < m->since) ||
		    (m->has_until && day > m->until))
			return false;
	}
	return true;
}

/* candidate, rejected, or for an accepted forecast its outcome or "open" */
static const char *state_of(const struct forecast *f)
{
	if (strcmp(f->col[COL_STATUS], "accepted") != 0)
		return f->col[COL_STATUS];
	return *f->col[COL_OUTCOME] ? f->col[COL_OUTCOME] : "open";
}

static const char *or_dash(const char *s)
{
	return *s ? s : "-";
}

static int print_row(const struct forecast *f, void *data)
{
	struct list_state *st = data;
	struct buf *b = &st->line;
	const char *author = *f->col[COL_AUTHOR] ? f->col[COL_AUTHOR]
						 : "unattributed";

	if (!matches(st, f))
		return 0;
	st->rows++;
	if (st->as_csv) {
		ledger_write_record(&st->csv, f);
		return 0;
	}
	buf_reset(b);
	const char *cells[L_NCOLS] = {
		f->col[COL_ID], state_of(f), or_dash(f->col[COL_PUBLISHED]),
		or_dash(f->col[COL_HORIZON]), or_dash(f->col[COL_PROBABILITY]),
		*f->col[COL_SPEAKER] ? f->col[COL_SPEAKER] : author};
	for (int c = 0; c < L_NCOLS; c++)
		screen_cell(b, &st->cols[c], cells[c]);
	text_fit(b, f->col[COL_CLAIM], st->claim_width, false);
	fprintf(st->ctx->out, "%s\n", b->data);
	return 0;
}

static int parse_match(struct ctx *ctx, const struct cmd_args *a,
		       struct list_match *m, struct buf *author)
{
	static const char *const outcomes[] = {"yes", "no", "partial", "void",
					       "open", NULL};
	const char *who = args_get(a, "author");
	const char *outcome = args_get(a, "outcome");
	int rc;

	if ((rc = opt_date(ctx, "since", args_get(a, "since"), &m->since)) ||
	    (rc = opt_date(ctx, "until", args_get(a, "until"), &m->until)))
		return rc;
	m->has_since = args_get(a, "since") != NULL;
	m->has_until = args_get(a, "until") != NULL;
	if (outcome) {
		size_t i = 0;
		while (outcomes[i] && strcmp(outcomes[i], outcome) != 0)
			i++;
		if (!outcomes[i])
			return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
					   "--outcome: '%s' is not one of yes, no, "
					   "partial, void, open", outcome);
		m->outcome = outcome;
	}
	if (who && strcmp(who, "unattributed") == 0) {
		m->unattributed = true;
	} else if (who) {
		text_fold(author, who, strlen(who));
		m->author_part = author->data;
	}
	return LIKELY_OK;
}

static void print_header(struct list_state *st)
{
	static const struct screen_col cols[L_NCOLS] = {
		[L_ID] = {"ID", 16, 0, false, false},
		[L_STATE] = {"STATE", 9, 0, false, false},
		[L_PUBLISHED] = {"PUBLISHED", 10, 4, false, false},
		[L_HORIZON] = {"HORIZON", 10, 3, false, false},
		[L_P] = {"P", 4, 1, false, false},
		[L_FORECASTER] = {"FORECASTER", 14, 2, false, false},
	};
	struct screen_size sz;
	screen_size(st->ctx->out, &sz);
	memcpy(st->cols, cols, sizeof cols);
	st->claim_width = screen_table_fit(st->cols, L_NCOLS, sz.cols, MIN_CLAIM);
	buf_reset(&st->line);
	screen_table_header(&st->line, st->cols, L_NCOLS, "CLAIM");
	fprintf(st->ctx->out, "%s\n", st->line.data);
}

int cmd_list(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast_filter flt = {
		.status = args_get(a, "status"),
		.speaker = args_get(a, "speaker"),
		.topic = args_get(a, "topic"),
		.open_only = args_has(a, "open"),
	};
	struct list_state st = {.ctx = ctx};
	struct buf author;
	int rc;

	buf_init(&author);
	buf_init(&st.line);
	buf_init(&st.folded);
	if ((rc = opt_status(ctx, flt.status)) ||
	    (rc = opt_format(ctx, args_get(a, "format"), &st.as_csv)) ||
	    (rc = parse_match(ctx, a, &st.m, &author)))
		goto out;
	if (st.as_csv) {
		csvw_init(&st.csv, ctx->out, 0);
		ledger_write_header(&st.csv);
	} else {
		print_header(&st);
	}
	rc = store_forecast_each(ctx->store, &flt, print_row, &st);
	if (!rc && !st.as_csv)
		diag_note(&ctx->diag, "%lu forecast%s", st.rows,
			  st.rows == 1 ? "" : "s");
out:
	buf_release(&st.folded);
	buf_release(&st.line);
	buf_release(&author);
	return rc;
}
