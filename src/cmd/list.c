/*
 * list: browse forecasts as a table for people or ledger CSV for scripts.
 * The table fits the terminal (screen.h): columns are dropped, least
 * needed first, and the claim is cut; the id is always whole.  One column
 * names who made the forecast as scoring groups it (the speaker, else the
 * author): a second author column would take the claim's room.
 */
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/cli/cli.h"
#include "likely/io/csvio.h"
#include "likely/core/ledger.h"
#include "likely/cli/screen.h"
#include "likely/store/store.h"
#include "likely/text/text.h"

/* What the command line may give: a->value[OPT_X] (NULL when not
 * given) and a->seen[OPT_X]. */
enum {
	OPT_AUTHOR,
	OPT_SPEAKER,
	OPT_TOPIC,
	OPT_STATUS,
	OPT_OPEN,
	OPT_OUTCOME,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_FORMAT,
	NOPTS
};

static const struct cli_option option_list[NOPTS] = {
	CLI_OPTION(OPT_AUTHOR, "author", 0, CLI_VALUE),
	CLI_OPTION(OPT_SPEAKER, "speaker", 0, CLI_VALUE),
	CLI_OPTION(OPT_TOPIC, "topic", 0, CLI_VALUE),
	CLI_OPTION(OPT_STATUS, "status", 0, CLI_VALUE),
	CLI_OPTION(OPT_OPEN, "open", 0, CLI_FLAG),
	CLI_OPTION(OPT_OUTCOME, "outcome", 0, CLI_VALUE),
	CLI_OPTION(OPT_SINCE, "since", 0, CLI_VALUE),
	CLI_OPTION(OPT_UNTIL, "until", 0, CLI_VALUE),
	CLI_OPTION(OPT_FORMAT, "format", 0, CLI_VALUE),
};

#define MIN_CLAIM 24

enum list_col {
	L_ID,
	L_STATE,
	L_PUBLISHED,
	L_HORIZON,
	L_P,
	L_FORECASTER,
	L_NCOLS
};

/* What the table shows beyond the store's own filters. */
struct list_match {
	const char *author_part; /* folded; "" = unattributed only; NULL = any */
	bool unattributed;
	long since, until; /* publication days; 0 = no bound */
	bool has_since, has_until;
	const char *outcome; /* yes|no|partial|void|open, or NULL */
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
		if (strcmp(m->outcome, "open") == 0 ? *o != '\0' : strcmp(m->outcome, o) != 0)
			return false;
	}
	if (m->has_since || m->has_until) {
		long day;
		if (!ledger_published_day(f->col[COL_PUBLISHED], &day) ||
		    (m->has_since && day < m->since) || (m->has_until && day > m->until))
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
	const char *author = *f->col[COL_AUTHOR] ? f->col[COL_AUTHOR] : "unattributed";

	if (!matches(st, f))
		return 0;
	st->rows++;
	if (st->as_csv) {
		ledger_write_record(&st->csv, f);
		return 0;
	}
	buf_reset(b);
	const char *cells[L_NCOLS] = {f->col[COL_ID],
				      state_of(f),
				      or_dash(f->col[COL_PUBLISHED]),
				      or_dash(f->col[COL_HORIZON]),
				      or_dash(f->col[COL_PROBABILITY]),
				      *f->col[COL_SPEAKER] ? f->col[COL_SPEAKER] : author};
	for (int c = 0; c < L_NCOLS; c++)
		screen_cell(b, &st->cols[c], cells[c]);
	text_fit(b, f->col[COL_CLAIM], st->claim_width, false);
	fprintf(st->ctx->out, "%s\n", b->data);
	return 0;
}

static int parse_match(struct ctx *ctx, const struct cmd_args *a, struct list_match *m,
		       struct buf *author)
{
	static const char *const outcomes[] = {"yes", "no", "partial", "void", "open", NULL};
	const char *who = a->value[OPT_AUTHOR];
	const char *outcome = a->value[OPT_OUTCOME];
	int rc;

	if ((rc = opt_date(ctx, "since", a->value[OPT_SINCE], &m->since)) ||
	    (rc = opt_date(ctx, "until", a->value[OPT_UNTIL], &m->until)))
		return rc;
	m->has_since = a->value[OPT_SINCE] != NULL;
	m->has_until = a->value[OPT_UNTIL] != NULL;
	if (outcome) {
		size_t i = 0;
		while (outcomes[i] && strcmp(outcomes[i], outcome) != 0)
			i++;
		if (!outcomes[i])
			return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
					   "--outcome: '%s' is not one of yes, no, "
					   "partial, void, open",
					   outcome);
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

static int cmd_list(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast_filter flt = {
		.status = a->value[OPT_STATUS],
		.speaker = a->value[OPT_SPEAKER],
		.topic = a->value[OPT_TOPIC],
		.open_only = a->seen[OPT_OPEN],
	};
	struct list_state st = {.ctx = ctx};
	struct buf author;
	int rc;

	buf_init(&author);
	buf_init(&st.line);
	buf_init(&st.folded);
	if ((rc = opt_status(ctx, flt.status)) ||
	    (rc = opt_format(ctx, a->value[OPT_FORMAT], &st.as_csv)) ||
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
		diag_note(&ctx->diag, "%lu forecast%s", st.rows, st.rows == 1 ? "" : "s");
out:
	buf_release(&st.folded);
	buf_release(&st.line);
	buf_release(&author);
	return rc;
}

const struct command command_list = {
	.name = "list",
	.run = cmd_list,
	.min_operands = 0,
	.max_operands = 0,
	.db = DB_READ,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "browse forecasts",
	.usage = "list [--author A] [--speaker S] [--topic T] [--status S] [--open] "
		 "[--outcome O] [--since DATE] [--until DATE] [--format table|csv]",
	.details = "  --author A       authors whose name holds A (case does not matter);\n"
		   "                   \"unattributed\" selects forecasts with no author\n"
		   "  --speaker S      only forecasts this speaker made (case and spaces,\n"
		   "                   a title and an affiliation do not matter)\n"
		   "  --topic T        only forecasts with this topic (one of their \";\" topics)\n"
		   "  --status S       candidate, accepted or rejected\n"
		   "  --open           accepted and not settled\n"
		   "  --outcome O      yes, no, partial, void, or open (no outcome yet)\n"
		   "  --since DATE     published on or after DATE (YYYY-MM-DD; a month-only\n"
		   "                   date counts as the month's last day; undated ones drop)\n"
		   "  --until DATE     published on or before DATE\n"
		   "  --format csv     ledger CSV instead of the table\n"
		   "The table fits the terminal's width (else $COLUMNS, else 80 columns):\n"
		   "columns are dropped when space is short and the claim is cut, never the\n"
		   "id.  STATE is candidate, rejected, open (accepted, not settled) or the\n"
		   "outcome; FORECASTER is the speaker when there is one, else the author.\n",
};
