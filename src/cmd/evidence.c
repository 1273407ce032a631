/*
 * evidence: sentences from later articles in the database that may settle
 * a forecast, best first (the evidence module says what to search for;
 * the store searches, and ranks by bm25).  It suggests; the editor decides.
 */
#include <string.h>

#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/evidence.h"
#include "likely/ledger.h"
#include "likely/store.h"

struct evidence_state {
	struct ctx *ctx;
	int n;
};

static int print_hit(const struct evidence_hit *h, void *data)
{
	struct evidence_state *st = data;
	fprintf(st->ctx->out, "%d. %s  %s  (%s)\n   %s\n", ++st->n, h->published,
		h->title, h->file, h->sentence);
	return 0;
}

int cmd_evidence(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast f;
	struct buf q;
	struct evidence_state st = {ctx, 0};
	long limit = 10;
	int rc;

	if ((rc = opt_count(ctx, "limit", args_get(a, "limit"), 1000, &limit)))
		return rc;
	buf_init(&q);
	if ((rc = forecast_load(ctx, a->argv[0], ID_READ, &f)))
		goto out;
	fprintf(ctx->out, "claim (%s): %s\n\n",
		*f.col[COL_PUBLISHED] ? f.col[COL_PUBLISHED] : "no date",
		f.col[COL_CLAIM]);
	if (claim_search_query(f.col[COL_CLAIM], &q) == 0) {
		diag_note(&ctx->diag, "%s: the claim has no words to search for",
			  f.col[COL_ID]);
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
