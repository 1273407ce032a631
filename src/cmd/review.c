/*
 * review: the interactive loop an editor works through -- first the
 * candidates extraction found, then the due queue -- one forecast at a
 * time, one key per decision.  Every answer is committed at once, so
 * quitting, a crash or a closed terminal loses nothing already decided;
 * `u` takes answers back one by one, by saving the forecast as it was (so
 * the history keeps the answer and its undoing).  Without a terminal it
 * refuses and points to the scriptable commands.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "likely/base/date.h"
#include "likely/store/queue.h"
#include "likely/extract/extract.h"
#include "likely/extract/redate.h"
#include "likely/store/store.h"
#include "likely/core/verdict.h"

#include "review_impl.h"

#define ESC 27

/* clang-format off */
static const char *const act_names[REVIEW_NACT] = {
	[ACT_ACCEPT] = "accepted", [ACT_REJECT] = "rejected",
	[ACT_EDIT] = "edited", [ACT_SKIP] = "skipped", [ACT_YES] = "yes",
	[ACT_NO] = "no", [ACT_PARTIAL] = "partial", [ACT_VOID] = "void"};
/* clang-format on */

enum step {
	STEP_NEXT,
	STEP_AGAIN,
	STEP_QUIT,
	STEP_JUMP
};

static void push_id(struct review *rv, const char *id)
{
	if (rv->count == rv->cap) {
		rv->cap = rv->cap ? rv->cap * 2 : 32;
		rv->ids = xrealloc(rv->ids, rv->cap * sizeof *rv->ids);
	}
	rv->ids[rv->count++] = xstrdup(id);
}

static int collect_candidate(const struct forecast *f, void *data)
{
	push_id(data, f->col[COL_ID]);
	return 0;
}

/* The due queue in the order `likely due` shows it, after the candidates
 * (forecasts accepted just now may be due too). */
static int add_due(struct review *rv)
{
	struct queue due;
	long today;
	date_parse_iso(rv->ctx->today, &today);
	int rc = queue_collect(rv->ctx->store, today, &due);
	for (size_t i = 0; !rc && i < due.count; i++)
		push_id(rv, due.items[i].f.col[COL_ID]);
	queue_release(&due);
	rv->due_added = true;
	return rc;
}

static void drop_due(struct review *rv)
{
	while (rv->count > rv->n_cand)
		free(rv->ids[--rv->count]);
	rv->due_added = false;
}

/* One key, unbuffered and unechoed; Ctrl-C, Ctrl-D and EOF read as 'q'.
 * The rest of an escape sequence (an arrow key) is swallowed, so that it
 * counts as one unknown key. */
static int read_key(void)
{
	struct termios saved, raw;
	unsigned char c = 'q', rest[16];
	if (tcgetattr(STDIN_FILENO, &saved) != 0)
		return 'q';
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	if (read(STDIN_FILENO, &c, 1) != 1 || c == 3 || c == 4)
		c = 'q';
	if (c == ESC) {
		raw.c_cc[VMIN] = 0;
		raw.c_cc[VTIME] = 1;
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
		while (read(STDIN_FILENO, rest, sizeof rest) > 0)
			;
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return c;
}

/* A line of text (cooked mode, echoed); NULL at end of input. */
static char *read_line(struct review *rv, const char *prompt)
{
	char *line = NULL;
	size_t cap = 0;
	fputs(prompt, rv->ctx->out);
	fflush(rv->ctx->out);
	ssize_t n = getline(&line, &cap, stdin);
	if (n < 0) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

/* What the next screen says under the legend: the last answer's result,
 * or why a key did nothing. */
static void say(struct review *rv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct review *rv, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_reset(&rv->status);
	buf_vprintf(&rv->status, fmt, ap);
	va_end(ap);
}

/* Saves one decision in its own transaction. */
static int save(struct ctx *ctx, const struct forecast *f, const char *reason)
{
	int rc = store_begin(ctx->store);
	if (!rc)
		rc = store_forecast_put(ctx->store, f, ctx->now, reason, NULL);
	if (!rc)
		rc = store_commit(ctx->store);
	if (rc)
		store_rollback(ctx->store);
	return rc;
}

static void copy_forecast(struct forecast *to, const struct forecast *from)
{
	forecast_init(to);
	for (int c = 0; c < LEDGER_NCOLS; c++)
		forecast_set(to, c, from->col[c]);
}

/* Remembers an answer for undo and counts it.  before is the forecast as
 * it was (NULL for an answer that changed nothing: a skip). */
static void remember(struct review *rv, enum review_act act, const struct forecast *before,
		     const char *id)
{
	if (rv->n_answers == rv->cap_answers) {
		rv->cap_answers = rv->cap_answers ? rv->cap_answers * 2 : 16;
		rv->answers = xrealloc(rv->answers, rv->cap_answers * sizeof *rv->answers);
	}
	struct review_answer *a = &rv->answers[rv->n_answers++];
	a->at = rv->at;
	a->act = act;
	a->saved = before != NULL;
	a->id = xstrdup(id);
	if (before)
		copy_forecast(&a->before, before);
	rv->tally[act]++;
}

static void forget(struct review_answer *a)
{
	if (a->saved)
		forecast_release(&a->before);
	free(a->id);
}

/* Saves the change from `before` to f and remembers it. */
static int answer(struct review *rv, enum review_act act, const struct forecast *before,
		  const struct forecast *f, const char *reason)
{
	int rc = save(rv->ctx, f, reason);
	if (!rc)
		remember(rv, act, before, f->col[COL_ID]);
	return rc;
}

static enum step undo(struct review *rv, int *rc)
{
	if (!rv->n_answers) {
		say(rv, "nothing to undo in this session");
		return STEP_AGAIN;
	}
	struct review_answer *a = &rv->answers[--rv->n_answers];
	if (a->saved && (*rc = save(rv->ctx, &a->before, "review: undo")))
		return STEP_QUIT;
	rv->tally[a->act]--;
	rv->undone++;
	rv->at = a->at;
	/* back among the candidates: the due part is gathered again later */
	if (rv->at < rv->n_cand && rv->due_added)
		drop_due(rv);
	say(rv, "undone: %s (%s)",
	    a->act == ACT_SKIP   ? "skip"
	    : a->act == ACT_EDIT ? "edit"
				 : act_names[a->act],
	    a->id);
	forget(a);
	return STEP_JUMP;
}

/* A value typed at an edit prompt: Enter keeps, "-" clears. */
static void edit_field(struct review *rv, struct forecast *f, const char *label,
		       enum ledger_column c, bool *eof)
{
	struct buf prompt;
	buf_init(&prompt);
	buf_printf(&prompt, "%s [%s]: ", label, f->col[c]);
	char *v = read_line(rv, prompt.data);
	buf_release(&prompt);
	if (!v) {
		*eof = true;
		return;
	}
	const char *value = strcmp(v, "-") == 0 ? "" : v;
	const char *bad = *v ? ledger_check_field(c, value) : NULL;
	if (bad)
		fprintf(rv->ctx->out, "  not changed: %s\n", bad);
	else if (*v)
		forecast_set(f, c, value);
	free(v);
}

static enum step edit(struct review *rv, struct forecast *f, int *rc)
{
	static const struct {
		const char *label;
		enum ledger_column c;
	} fields[] = {{"probability", COL_PROBABILITY},
		      {"horizon", COL_HORIZON},
		      {"topic", COL_TOPIC},
		      {"author", COL_AUTHOR},
		      {"speaker", COL_SPEAKER}};
	struct forecast before;
	bool eof = false;
	copy_forecast(&before, f);
	say(rv, "edit: Enter keeps a value, - clears it");
	review_draw_dialog(rv, f);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0] && !eof; i++)
		edit_field(rv, f, fields[i].label, fields[i].c, &eof);
	if (eof) {
		forecast_release(&before);
		return STEP_QUIT;
	}
	enum ledger_column col;
	const char *bad = ledger_check_record(f, &col);
	bool same = true;
	for (int c = 0; c < LEDGER_NCOLS; c++)
		same = same && strcmp(before.col[c], f->col[c]) == 0;
	if (bad)
		say(rv, "not saved: %s: %s", ledger_columns[col], bad);
	else if (same)
		say(rv, "nothing changed");
	else if (!(*rc = answer(rv, ACT_EDIT, &before, f, "review: edit")))
		say(rv, "edited %s", f->col[COL_ID]);
	forecast_release(&before);
	return STEP_AGAIN;
}

/*
 * An undated candidate gets its date before it is accepted: a forecast
 * without one cannot be scored.  Returns STEP_AGAIN when the date is
 * given (f redated, as edit --published does), STEP_NEXT when the editor
 * leaves it undated, STEP_QUIT at end of input.
 */
static enum step ask_date(struct review *rv, struct forecast *f, int *rc)
{
	say(rv, "no date found: it needs one to be accepted");
	for (;;) {
		review_draw_dialog(rv, f);
		char *d = read_line(rv, "published (YYYY-MM-DD or YYYY-MM; Enter "
					"leaves it undated): ");
		if (!d)
			return STEP_QUIT;
		if (!*d) {
			free(d);
			say(rv, "not accepted: without a date it cannot be "
				"scored; it stays a candidate");
			return STEP_NEXT;
		}
		const char *bad = ledger_check_field(COL_PUBLISHED, d);
		if (bad) {
			say(rv, "'%s': %s", d, bad);
			free(d);
			continue;
		}
		struct extract_config cfg;
		if (!(*rc = extract_config_find(rv->ctx->config_dir, &rv->ctx->diag, &cfg)))
			redate_forecast(&cfg.horizons, f, d);
		extract_config_release(&cfg);
		free(d);
		return *rc ? STEP_QUIT : STEP_AGAIN;
	}
}

static enum step accept(struct review *rv, struct forecast *f, int *rc)
{
	struct forecast before;
	enum ledger_column col;
	enum step st = STEP_NEXT;
	copy_forecast(&before, f);
	if (!*f->col[COL_PUBLISHED] && (st = ask_date(rv, f, rc)) != STEP_AGAIN)
		goto out;
	forecast_set(f, COL_STATUS, "accepted");
	const char *bad = ledger_check_record(f, &col);
	if (bad) {
		say(rv, "not saved: %s: %s", ledger_columns[col], bad);
		st = STEP_AGAIN;
	} else if (!(*rc = answer(rv, ACT_ACCEPT, &before, f, "review: accept"))) {
		say(rv, "accepted %s (u undoes)", f->col[COL_ID]);
		st = STEP_NEXT;
	}
out:
	forecast_release(&before);
	return st;
}

static enum step reject(struct review *rv, struct forecast *f, int *rc)
{
	struct forecast before;
	struct buf reason;
	copy_forecast(&before, f);
	say(rv, "reject");
	review_draw_dialog(rv, f);
	char *why = read_line(rv, "why (Enter for no reason): ");
	buf_init(&reason);
	buf_adds(&reason, "review: reject");
	if (why && *why)
		buf_printf(&reason, ": %s", why);
	forecast_set(f, COL_STATUS, "rejected");
	if (why && !(*rc = answer(rv, ACT_REJECT, &before, f, reason.data)))
		say(rv, "rejected %s (u undoes)", f->col[COL_ID]);
	buf_release(&reason);
	forecast_release(&before);
	enum step st = why ? STEP_NEXT : STEP_QUIT;
	free(why);
	return st;
}

/* Asks the day the verdict became known until it is a possible one.
 * Returns NULL at end of input. */
static char *ask_known_on(struct review *rv, const struct forecast *f)
{
	char fallback[DATE_ISO_LEN];
	struct buf prompt, why;
	char *on = NULL;
	verdict_default_day(f, rv->ctx->today, fallback);
	buf_init(&prompt);
	buf_init(&why);
	buf_printf(&prompt, "became known on (Enter: %s): ", fallback);
	for (;;) {
		free(on);
		if (!(on = read_line(rv, prompt.data)))
			break;
		if (!*on) {
			free(on);
			on = xstrdup(fallback);
		}
		long day;
		buf_reset(&why);
		if (!date_parse_iso(on, &day))
			buf_printf(&why, "'%s' is not a date YYYY-MM-DD", on);
		else if (verdict_day_ok(f, on, rv->ctx->today, &why))
			break;
		say(rv, "%s", why.data);
		review_draw_dialog(rv, f);
	}
	buf_release(&why);
	buf_release(&prompt);
	return on;
}

/* Evidence, or for a void verdict why it is void; NULL at end of input. */
static char *ask_text(struct review *rv, const struct forecast *f, bool is_void)
{
	enum ledger_column c = is_void ? COL_NOTE : COL_EVIDENCE;
	for (;;) {
		char *t = read_line(rv, is_void ? "why void (Enter for no reason): "
						: "evidence (Enter for none): ");
		const char *bad = t ? ledger_check_field(c, t) : NULL;
		if (!bad)
			return t;
		say(rv, "%s", bad);
		free(t);
		review_draw_dialog(rv, f);
	}
}

/* A verdict replaces another only when the editor says so. */
static bool confirm_replace(struct review *rv, const struct forecast *f, bool *eof)
{
	struct buf q;
	buf_init(&q);
	buf_printf(&q, "already settled as %s on %s; replace it (y/N): ", f->col[COL_OUTCOME],
		   f->col[COL_RESOLVED_ON]);
	char *yes = read_line(rv, q.data);
	buf_release(&q);
	*eof = !yes;
	bool ok = yes && (strcmp(yes, "y") == 0 || strcmp(yes, "yes") == 0);
	free(yes);
	return ok;
}

static enum step settle(struct review *rv, struct forecast *f, enum review_act act, int *rc)
{
	const char *outcome = act_names[act];
	struct forecast before;
	char *on = NULL, *text = NULL;
	bool eof = false;

	if (strcmp(f->col[COL_STATUS], "accepted") != 0) {
		say(rv, "%s is %s: only accepted forecasts are settled", f->col[COL_ID],
		    f->col[COL_STATUS]);
		return STEP_AGAIN;
	}
	say(rv, "settle as %s", outcome);
	review_draw_dialog(rv, f);
	if (*f->col[COL_OUTCOME] && !confirm_replace(rv, f, &eof)) {
		say(rv, "kept: %s on %s", f->col[COL_OUTCOME], f->col[COL_RESOLVED_ON]);
		return eof ? STEP_QUIT : STEP_AGAIN;
	}
	if (!(on = ask_known_on(rv, f)) || !(text = ask_text(rv, f, act == ACT_VOID))) {
		free(on);
		return STEP_QUIT;
	}
	copy_forecast(&before, f);
	if (act == ACT_VOID)
		verdict_set(f, outcome, on, NULL, *text ? text : NULL);
	else
		verdict_set(f, outcome, on, *text ? text : NULL, NULL);
	if (!(*rc = answer(rv, act, &before, f, "review: resolve")))
		say(rv, "settled: %s, known on %s (u undoes)", outcome, on);
	forecast_release(&before);
	free(on);
	free(text);
	return STEP_NEXT;
}

static enum step on_key(struct review *rv, struct forecast *f, int key, int *rc)
{
	bool due = review_in_due(rv);
	switch (key) {
	case 'e':
		return edit(rv, f, rc);
	case 's':
		remember(rv, ACT_SKIP, NULL, f->col[COL_ID]);
		say(rv, "skipped %s (u goes back)", f->col[COL_ID]);
		return STEP_NEXT;
	case 'u':
		return undo(rv, rc);
	case 'q':
		return STEP_QUIT;
	case '?':
		review_draw_help(rv, f);
		read_key();
		buf_reset(&rv->status);
		return STEP_AGAIN;
	}
	if (!due && key == 'a')
		return accept(rv, f, rc);
	if (!due && key == 'r')
		return reject(rv, f, rc);
	enum review_act act = key == 'y'   ? ACT_YES
			      : key == 'n' ? ACT_NO
			      : key == 'p' ? ACT_PARTIAL
			      : key == 'v' ? ACT_VOID
					   : REVIEW_NACT;
	if (due && act != REVIEW_NACT)
		return settle(rv, f, act, rc);
	if (key > ' ' && key < 127)
		say(rv, "'%c' is not a key here; ? shows the keys", key);
	else
		say(rv, "key 0x%02x is not one here; ? shows the keys", key);
	return STEP_AGAIN;
}

static int run(struct review *rv, bool *quit)
{
	int rc = LIKELY_OK;
	while (!rc && !*quit) {
		if (rv->at >= rv->n_cand && !rv->due_added && (rc = add_due(rv)))
			break;
		if (rv->at >= rv->count)
			break;
		struct forecast f;
		screen_size(rv->ctx->out, &rv->sz); /* the window may have changed */
		if (!(rc = store_forecast_lookup(rv->ctx->store, rv->ids[rv->at], ID_READ, &f)) &&
		    !(rc = review_draw(rv, &f))) {
			enum step st = on_key(rv, &f, read_key(), &rc);
			if (st == STEP_NEXT)
				rv->at++;
			*quit = st == STEP_QUIT;
		}
		forecast_release(&f);
	}
	return rc;
}

static void print_tally(const struct review *rv)
{
	static const enum review_act order[] = {ACT_ACCEPT,  ACT_REJECT, ACT_YES,  ACT_NO,
						ACT_PARTIAL, ACT_VOID,   ACT_EDIT, ACT_SKIP};
	struct buf t;
	buf_init(&t);
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		unsigned long n = rv->tally[order[i]];
		if (!n)
			continue;
		bool verdict = order[i] >= ACT_YES && order[i] <= ACT_VOID;
		buf_printf(&t, "%s%lu %s%s", t.len ? ", " : "", n, verdict ? "settled " : "",
			   act_names[order[i]]);
	}
	if (rv->undone)
		buf_printf(&t, "%s%lu undone", t.len ? ", " : "", rv->undone);
	struct buf line;
	buf_init(&line);
	buf_printf(&line, "this session: %s", t.len ? t.data : "no answers");
	buf_reset(&t);
	screen_wrap(&t, line.data, rv->sz.cols, "", 0);
	fputs(t.data, rv->ctx->out);
	buf_release(&line);
	buf_release(&t);
}

static int cmd_review(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast_filter candidates = {.status = "candidate"};
	struct review rv = {.ctx = ctx};
	bool quit = false;
	int rc;
	(void)a;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "review needs a terminal; in scripts use likely "
				   "list --status candidate, accept, reject, due and resolve");
	/* keys are read with read(2): stdio must not hold typed bytes back */
	setvbuf(stdin, NULL, _IONBF, 0);
	screen_size(ctx->out, &rv.sz);
	buf_init(&rv.status);
	if (!(rc = store_forecast_each(ctx->store, &candidates, collect_candidate, &rv))) {
		rv.n_cand = rv.count;
		rc = add_due(&rv);
		buf_printf(&rv.status,
			   "%zu candidate%s to review, %zu forecast%s "
			   "due; every answer is saved at once",
			   rv.n_cand, rv.n_cand == 1 ? "" : "s", rv.count - rv.n_cand,
			   rv.count - rv.n_cand == 1 ? "" : "s");
		drop_due(&rv);
	}
	if (!rc)
		rc = run(&rv, &quit);
	if (!rc) {
		fprintf(ctx->out, "\033[H\033[2J%s\n",
			quit ? "stopped; everything answered is saved" : "nothing left to review");
		print_tally(&rv);
	}
	for (size_t i = 0; i < rv.n_answers; i++)
		forget(&rv.answers[i]);
	free(rv.answers);
	for (size_t i = 0; i < rv.count; i++)
		free(rv.ids[i]);
	free(rv.ids);
	buf_release(&rv.status);
	return rc;
}

const struct command command_review = {
	.name = "review",
	.run = cmd_review,
	.min_operands = 0,
	.max_operands = 0,
	.db = DB_OWN_TX,
	.summary = "interactive review of candidates and due forecasts",
	.usage = "review",
	.details = "On a terminal: the candidates, then the due forecasts, one at a time,\n"
		   "each on one screen laid out for the terminal's size (else $COLUMNS and\n"
		   "$LINES, else 80x24) under a fixed header and a line of keys.\n"
		   "Candidates: a accept (one without a date asks for it), r reject (asks\n"
		   "why).  Due: y yes, n no, p partial (each asks the day it became known --\n"
		   "Enter takes the horizon when it has passed, else today -- and the\n"
		   "evidence), v void (asks the day and why, kept as the note); a forecast\n"
		   "settled meanwhile asks before its verdict is replaced.  Both: e edit\n"
		   "(Enter keeps a value, - clears it), s skip, u undo the last answer (the\n"
		   "history keeps the answer and its undoing), ? the keys, q quit.\n"
		   "Every answer is saved at once; the end shows what the session did.\n",
};
