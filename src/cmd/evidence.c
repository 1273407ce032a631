/*
 * evidence: sentences from later articles in the database that may settle
 * a forecast, best first (the evidence module says what to search for;
 * the store searches, and ranks by bm25).  It suggests; the editor decides.
 */
#include <string.h>

#include "likely/base/buf.h"
#include "likely/cli/cli.h"
#include "likely/core/evidence.h"
#include "likely/core/ledger.h"
#include "likely/store/store.h"

/* What the command line may give: a->value[OPT_X] (NULL when not
 * given) and a->seen[OPT_X]. */
enum {
	OPT_LIMIT,
	NOPTS
};

static const struct cli_option option_list[NOPTS] = {
	CLI_OPTION(OPT_LIMIT, "limit", 0, CLI_VALUE),
};

struct evidence_state {
	struct ctx *ctx;
	int n;
};

static int print_hit(const struct evidence_hit *h, void *data)
{
	struct evidence_state *st = data;
	fprintf(st->ctx->out, "%d. %s  %s  (%s)\n   %s\n", ++st->n, h->published, h->title, h->file,
		h->sentence);
	return 0;
}

static int cmd_evidence(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast f;
	struct buf q;
	struct evidence_state st = {ctx, 0};
	long limit = 10;
	int rc;

	if ((rc = opt_count(ctx, "limit", a->value[OPT_LIMIT], 1000, &limit)))
		return rc;
	buf_init(&q);
	if ((rc = store_forecast_lookup(ctx->store, a->argv[0], ID_READ, &f)))
		goto out;
	fprintf(ctx->out, "claim (%s): %s\n\n",
		*f.col[COL_PUBLISHED] ? f.col[COL_PUBLISHED] : "no date", f.col[COL_CLAIM]);
	if (claim_search_query(f.col[COL_CLAIM], &q) == 0) {
		diag_note(&ctx->diag, "%s: the claim has no words to search for", f.col[COL_ID]);
		goto out;
	}
	char after[11];
	evidence_after(f.col[COL_PUBLISHED], after);
	rc = store_evidence_each(ctx->store, q.data, after, limit, print_hit, &st);
	if (!rc && st.n == 0)
		diag_note(&ctx->diag, "no sentence in a later article matches");
out:
	forecast_release(&f);
	buf_release(&q);
	return rc;
}

const struct command command_evidence = {
	.name = "evidence",
	.run = cmd_evidence,
	.min_operands = 1,
	.max_operands = 1,
	.db = DB_READ,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "sentences from later articles that may settle a forecast",
	.usage = "evidence ID [--limit N]",
	.details = "  ID          the forecast\n"
		   "  --limit N   how many sentences (default 10)\n"
		   "Sentences come from articles published after the forecast that were read\n"
		   "with extract; they are suggestions, ranked by full-text relevance.\n",
};
