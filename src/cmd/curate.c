/*
 * curate: what accept and reject share.  Both take several ids and are one
 * transaction: an unknown id anywhere changes nothing.  A candidate
 * without a publication date cannot be accepted (it could never be
 * scored: horizons and as-of rules count from the date); it is refused
 * with the command that adds the date, and the other ids are accepted.
 */
#include <string.h>

#include "likely/base/buf.h"
#include "likely/cli/cli.h"
#include "likely/core/ledger.h"
#include "likely/store/store.h"
#include "likely/text/textfield.h"

#include "curate.h"

struct tally {
	unsigned long done, undated;
	struct buf done_lines; /* "ID: accepted\n" each, said once committed */
};

static int set_status(struct ctx *ctx, const char *id, const char *status, const char *reason,
		      struct tally *t)
{
	struct forecast f;
	int rc = store_forecast_lookup(ctx->store, id, ID_CHANGE, &f);

	if (rc)
		goto out;
	if (strcmp(f.col[COL_STATUS], status) == 0) {
		diag_note(&ctx->diag, "%s: already %s", id, status);
		goto out;
	}
	if (*f.col[COL_OUTCOME]) {
		rc = diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				 "%s: settled as '%s'; reopen it first with "
				 "likely resolve %s --undo",
				 id, f.col[COL_OUTCOME], id);
		goto out;
	}
	if (strcmp(status, "accepted") == 0 && !*f.col[COL_PUBLISHED]) {
		t->undated++;
		rc = diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				 "%s: no publication date, so it cannot be "
				 "accepted; add it with likely edit %s --published "
				 "YYYY-MM-DD (or YYYY-MM), then accept it",
				 f.col[COL_ID], f.col[COL_ID]);
		forecast_release(&f);
		return LIKELY_OK; /* reported; the exit code carries it */
	}
	forecast_set(&f, COL_STATUS, status);
	rc = store_forecast_put(ctx->store, &f, ctx->now, reason, NULL);
	if (!rc) {
		t->done++;
		buf_printf(&t->done_lines, "%s: %s\n", id, status);
	}
out:
	forecast_release(&f);
	return rc;
}

int curate(struct ctx *ctx, const struct cmd_args *a, const char *reason, const char *status,
	   const char *verb)
{
	int rc = LIKELY_OK;
	struct tally t = {0, 0, {0}};
	struct buf why;

	if ((rc = opt_text(ctx, "reason", reason, TEXTFIELD_MULTILINE)))
		return rc;
	buf_init(&why);
	buf_init(&t.done_lines);
	buf_adds(&why, verb);
	if (reason && *reason)
		buf_printf(&why, ": %s", reason);
	for (int i = 0; i < a->argc; i++) {
		int id_rc = set_status(ctx, a->argv[i], status, why.data, &t);
		if (id_rc)
			rc = id_rc;
	}
	buf_release(&why);
	/* an undated candidate is the editor's next step, not a mistake in
	 * the command: the others are kept -- unless something else was
	 * wrong, which keeps the one-transaction rule */
	bool commits = rc == LIKELY_OK;
	/* what was done is said only when it is kept: an id that failed
	 * after it undoes the whole command */
	for (char *line = t.done_lines.data; commits && line && *line;) {
		char *end = strchr(line, '\n');
		*end = '\0';
		diag_note(&ctx->diag, "%s", line);
		line = end + 1;
	}
	if (!commits && t.done)
		diag_note(&ctx->diag,
			  "nothing %s: an id failed, and the command "
			  "changes all of them or none",
			  status);
	if (t.undated && commits)
		diag_note(&ctx->diag,
			  "%lu %s; %lu without a date left as "
			  "candidate%s",
			  t.done, status, t.undated, t.undated == 1 ? "" : "s");
	buf_release(&t.done_lines);
	return rc;
}
