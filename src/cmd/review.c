/*
 * review: the interactive loop an editor works through -- first the
 * candidates extraction found, then the due queue -- one forecast at a
 * time, one key per decision.  Every answer is committed at once, so
 * quitting, a crash or a closed terminal loses nothing already decided.
 * Without a terminal it refuses and points to the scriptable commands.
 */
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/date.h"
#include "likely/extract.h"
#include "likely/ledger.h"
#include "likely/redate.h"
#include "likely/store.h"

struct id_list {
	char **ids;
	size_t count, cap;
};

static void push_id(struct id_list *l, const char *id)
{
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->ids = xrealloc(l->ids, l->cap * sizeof *l->ids);
	}
	l->ids[l->count++] = xstrdup(id);
}

static int collect_candidate(const struct forecast *f, void *data)
{
	push_id(data, f->col[COL_ID]);
	return 0;
}

/* The due queue in the order `likely due` shows it. */
static int collect_due(struct ctx *ctx, struct id_list *ids)
{
	struct due_list due;
	long today;
	date_parse_iso(ctx->today, &today);
	int rc = due_collect(ctx, today, &due);
	for (size_t i = 0; !rc && i < due.count; i++)
		push_id(ids, due.items[i].f.col[COL_ID]);
	due_list_release(&due);
	return rc;
}

static void free_ids(struct id_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->ids[i]);
	free(l->ids);
}

/* One key, unbuffered and unechoed; Ctrl-C, Ctrl-D and EOF read as 'q'. */
static int read_key(void)
{
	struct termios saved, raw;
	unsigned char c = 'q';
	if (tcgetattr(STDIN_FILENO, &saved) != 0)
		return 'q';
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	if (read(STDIN_FILENO, &c, 1) != 1 || c == 3 || c == 4)
		c = 'q';
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return c;
}

/* A line of text (cooked mode, echoed); NULL at end of input. */
static char *read_line(FILE *out, const char *prompt)
{
	char *line = NULL;
	size_t cap = 0;
	fputs(prompt, out);
	fflush(out);
	ssize_t n = getline(&line, &cap, stdin);
	if (n < 0) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

static void print_forecast(FILE *out, const struct forecast *f, size_t at,
			   size_t of, const char *part)
{
	fprintf(out, "\n\033[1m[%zu/%zu %s]\033[0m %s\n", at, of, part,
		f->col[COL_ID]);
	fprintf(out, "article:  %s (%s, %s)\n", f->col[COL_TITLE],
		*f->col[COL_PUBLISHED] ? f->col[COL_PUBLISHED] : "no date",
		f->col[COL_FILE]);
	fprintf(out, "author:   %s\n",
		*f->col[COL_AUTHOR] ? f->col[COL_AUTHOR] : "unattributed");
	if (*f->col[COL_SPEAKER])
		fprintf(out, "speaker:  %s\n", f->col[COL_SPEAKER]);
	fprintf(out, "cue:      %s (%s)   horizon: %s%s%s%s   topic: %s\n",
		f->col[COL_CUE],
		*f->col[COL_PROBABILITY] ? f->col[COL_PROBABILITY] : "hedged",
		*f->col[COL_HORIZON] ? f->col[COL_HORIZON] : "none", *f->col[COL_HORIZON_PHRASE] ? " (\"" : "",
		f->col[COL_HORIZON_PHRASE],
		*f->col[COL_HORIZON_PHRASE] ? "\")" : "", f->col[COL_TOPIC]);
	if (*f->col[COL_NOTE])
		fprintf(out, "note:     %s\n", f->col[COL_NOTE]);
	fprintf(out, "\n  \033[1m%s\033[0m\n", f->col[COL_CLAIM]);
	if (f->context && strcmp(f->context, f->col[COL_CLAIM]) != 0)
		fprintf(out, "\n  in context: %s\n", f->context);
}

struct hits {
	FILE *out;
	int n;
};

static int print_hit(const struct evidence_hit *h, void *data)
{
	struct hits *hs = data;
	struct buf line;
	if (hs->n++ == 0)
		fputs("\n  possible evidence (likely evidence shows more):\n", hs->out);
	buf_init(&line);
	text_fit(&line, h->sentence, 110, false);
	fprintf(hs->out, "    %s (%s): %s\n", h->published, h->file, line.data);
	buf_release(&line);
	return 0;
}

/* For a due forecast, the three sentences of later articles most likely
 * to settle it (what `likely evidence` shows), to decide without leaving
 * the loop. */
static int print_evidence(struct ctx *ctx, const struct forecast *f)
{
	struct hits hs = {ctx->out, 0};
	struct buf q;
	int rc = LIKELY_OK;
	buf_init(&q);
	char after[DATE_ISO_LEN];
	evidence_after(f->col[COL_PUBLISHED], after);
	if (claim_search_query(f->col[COL_CLAIM], &q) > 0)
		rc = store_evidence_each(ctx->store, q.data, after, 3, print_hit, &hs);
	buf_release(&q);
	return rc;
}

/* Saves one decision in its own transaction. */
static int save(struct ctx *ctx, const struct forecast *f, const char *reason)
{
	int rc = store_begin(ctx->store);
	if (!rc)
		rc = forecast_save(ctx, f, reason);
	if (!rc)
		rc = store_commit(ctx->store);
	if (rc)
		store_rollback(ctx->store);
	return rc;
}

static int edit_interactively(struct ctx *ctx, struct forecast *f)
{
	static const struct {
		const char *label;
		enum ledger_column c;
	} fields[] = {{"probability", COL_PROBABILITY},
		      {"horizon", COL_HORIZON},
		      {"topic", COL_TOPIC},
		      {"author", COL_AUTHOR},
		      {"speaker", COL_SPEAKER}};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		struct buf prompt;
		buf_init(&prompt);
		buf_printf(&prompt, "%s [%s]: ", fields[i].label, f->col[fields[i].c]);
		char *v = read_line(ctx->out, prompt.data);
		buf_release(&prompt);
		if (!v)
			return LIKELY_OK;
		const char *bad = *v ? ledger_check_field(fields[i].c, v) : NULL;
		if (bad)
			fprintf(ctx->out, "  not changed: %s\n", bad);
		else if (*v)
			forecast_set(f, fields[i].c, v);
		free(v);
	}
	enum ledger_column col;
	const char *bad = ledger_check_record(f, &col);
	if (bad) {
		fprintf(ctx->out, "  not saved: %s: %s\n", ledger_columns[col], bad);
		return LIKELY_OK;
	}
	return save(ctx, f, "review: edit");
}

enum step { STEP_NEXT, STEP_AGAIN, STEP_QUIT };

/* The keys both parts share: edit, skip, quit, and help for the rest. */
static enum step shared_key(struct ctx *ctx, struct forecast *f, int key,
			    int *rc, const char *help)
{
	switch (key) {
	case 'e':
		*rc = edit_interactively(ctx, f);
		return STEP_AGAIN;
	case 's':
		return STEP_NEXT;
	case 'q':
		return STEP_QUIT;
	default:
		fprintf(ctx->out, "  %s\n", help);
		return STEP_AGAIN;
	}
}

/*
 * An undated candidate gets its date before it is accepted: a forecast
 * without one cannot be scored.  Returns STEP_AGAIN when the date is
 * given (f redated, as edit --published does), STEP_NEXT when the editor
 * leaves it undated, STEP_QUIT at end of input.
 */
static enum step ask_date(struct ctx *ctx, struct forecast *f, int *rc)
{
	for (;;) {
		char *d = read_line(ctx->out, "no date found: published (YYYY-MM-DD "
				    "or YYYY-MM; Enter leaves it undated): ");
		if (!d)
			return STEP_QUIT;
		if (!*d) {
			free(d);
			fputs("  not accepted: without a date it cannot be scored; it "
			      "stays a candidate\n", ctx->out);
			return STEP_NEXT;
		}
		const char *bad = ledger_check_field(COL_PUBLISHED, d);
		if (bad) {
			fprintf(ctx->out, "  '%s': %s\n", d, bad);
			free(d);
			continue;
		}
		struct extract_config cfg;
		if (!(*rc = config_load(ctx, &cfg)))
			redate_forecast(&cfg.horizons, f, d);
		extract_config_release(&cfg);
		free(d);
		return *rc ? STEP_QUIT : STEP_AGAIN;
	}
}

static enum step candidate_key(struct ctx *ctx, struct forecast *f, int key,
			       int *rc)
{
	if (key == 'a') {
		if (!*f->col[COL_PUBLISHED]) {
			enum step st = ask_date(ctx, f, rc);
			if (st != STEP_AGAIN)
				return st;
		}
		enum ledger_column col;
		forecast_set(f, COL_STATUS, "accepted");
		const char *bad = ledger_check_record(f, &col);
		if (bad) {
			fprintf(ctx->out, "  not saved: %s: %s\n", ledger_columns[col],
				bad);
			return STEP_AGAIN;
		}
		*rc = save(ctx, f, "review: accept");
		fputs("  accepted\n", ctx->out);
		return STEP_NEXT;
	}
	if (key == 'r') {
		char *why = read_line(ctx->out, "reason (optional): ");
		struct buf reason;
		buf_init(&reason);
		buf_adds(&reason, "review: reject");
		if (why && *why)
			buf_printf(&reason, ": %s", why);
		forecast_set(f, COL_STATUS, "rejected");
		*rc = save(ctx, f, reason.data);
		buf_release(&reason);
		free(why);
		fputs("  rejected\n", ctx->out);
		return STEP_NEXT;
	}
	return shared_key(ctx, f, key, rc,
			  "a accept, r reject, e edit, s skip, q quit");
}

static enum step due_key(struct ctx *ctx, struct forecast *f, int key, int *rc)
{
	const char *outcome = key == 'y' ? "yes" : key == 'n' ? "no"
			    : key == 'p' ? "partial" : key == 'v' ? "void" : NULL;
	if (!outcome)
		return shared_key(ctx, f, key, rc,
				  "y yes, n no, p partial, v void, e edit, s skip, q quit");
	char *ev = read_line(ctx->out, "evidence (optional): ");
	forecast_set(f, COL_OUTCOME, outcome);
	forecast_set(f, COL_RESOLVED_ON, ctx->today);
	if (ev && *ev)
		forecast_set(f, COL_EVIDENCE, ev);
	free(ev);
	*rc = save(ctx, f, "review: resolve");
	fprintf(ctx->out, "  settled: %s on %s\n", outcome, ctx->today);
	return STEP_NEXT;
}

static int review_list(struct ctx *ctx, const struct id_list *l,
		       const char *part, bool due, bool *quit)
{
	int rc = LIKELY_OK;
	for (size_t i = 0; i < l->count && !rc && !*quit; i++) {
		enum step step = STEP_AGAIN;
		while (step == STEP_AGAIN && !rc) {
			struct forecast f;
			if ((rc = forecast_load(ctx, l->ids[i], ID_READ, &f))) {
				forecast_release(&f);
				break;
			}
			print_forecast(ctx->out, &f, i + 1, l->count, part);
			if (due && (rc = print_evidence(ctx, &f))) {
				forecast_release(&f);
				break;
			}
			fputs(due ? "settle? [y]es [n]o [p]artial [v]oid [e]dit [s]kip [q]uit "
				  : "[a]ccept [r]eject [e]dit [s]kip [q]uit ", ctx->out);
			fflush(ctx->out);
			int key = read_key();
			fputc('\n', ctx->out);
			step = due ? due_key(ctx, &f, key, &rc)
				   : candidate_key(ctx, &f, key, &rc);
			forecast_release(&f);
		}
		*quit = step == STEP_QUIT;
	}
	return rc;
}

int cmd_review(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast_filter candidates = {.status = "candidate"};
	struct id_list cand = {0}, due = {0};
	bool quit = false;
	int rc;
	(void)a;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "review needs a terminal; in scripts use likely "
				   "list --status candidate, accept, reject, due and resolve");
	if ((rc = store_forecast_each(ctx->store, &candidates, collect_candidate, &cand)) ||
	    (rc = collect_due(ctx, &due)))
		goto out;
	fprintf(ctx->out, "%zu candidate%s to review, %zu forecast%s due. "
		"Every answer is saved at once.\n", cand.count,
		cand.count == 1 ? "" : "s", due.count, due.count == 1 ? "" : "s");
	rc = review_list(ctx, &cand, "candidate", false, &quit);
	if (!rc && !quit) {
		/* forecasts accepted just now may be due too */
		free_ids(&due);
		memset(&due, 0, sizeof due);
		if (!(rc = collect_due(ctx, &due)))
			rc = review_list(ctx, &due, "due", true, &quit);
	}
	if (!rc)
		fputs(quit ? "\nstopped; everything answered is saved\n"
			   : "\nnothing left to review\n", ctx->out);
out:
	free_ids(&cand);
	free_ids(&due);
	return rc;
}
