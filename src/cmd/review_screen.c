/*
 * review_screen: one forecast of `likely review` laid out for the
 * terminal.  Every screen starts from a cleared terminal and never takes
 * more rows than it has, so the header and the key legend at the top stay
 * in view; text is wrapped at word boundaries to the width and cut (with
 * "...") where it would not fit.
 */
#include <string.h>

#include "likely/base/date.h"
#include "likely/core/evidence.h"
#include "likely/store/store.h"

#include "review_impl.h"

#define CLEAR              "\033[H\033[2J"
#define BOLD               "\033[1m"
#define PLAIN              "\033[0m"
#define TOP_LINES          4  /* header, legend, status, rule */
#define BOTTOM_LINES       2  /* a blank line and the key prompt */
#define LABEL_WIDTH        10 /* "article:  " */
#define CLAIM_LINES        6
#define CONTEXT_LINES      4
#define DIALOG_CLAIM_LINES 3
#define EVIDENCE_HITS      3

static const char legend_candidate[] = "a accept  r reject  e edit  s skip  u undo  ? keys  q quit";
static const char legend_due[] =
	"y yes  n no  p partial  v void  e edit  s skip  u undo  ? keys  q quit";

bool review_in_due(const struct review *rv)
{
	return rv->at >= rv->n_cand;
}

/* A line cut to the width. */
static void put_line(struct review *rv, const char *s)
{
	struct buf b;
	buf_init(&b);
	screen_cut(&b, s, rv->sz.cols);
	fprintf(rv->ctx->out, "%s\n", b.data);
	buf_release(&b);
}

static void header(struct review *rv, const struct forecast *f, struct buf *h)
{
	bool due = review_in_due(rv);
	size_t at = due ? rv->at - rv->n_cand : rv->at;
	size_t of = due ? rv->count - rv->n_cand : rv->n_cand;
	const char *p = *f->col[COL_PROBABILITY] ? f->col[COL_PROBABILITY] : "hedged";
	struct buf tail;
	buf_init(&tail);
	if (*f->col[COL_OUTCOME])
		buf_printf(&tail, "  settled %s", f->col[COL_OUTCOME]);
	else
		buf_printf(&tail, "  %s", f->col[COL_STATUS]);
	buf_printf(h, "[%zu/%zu %s] %s%s  ", at + 1, of, due ? "due" : "candidate", f->col[COL_ID],
		   tail.data);
	buf_reset(&tail);
	buf_printf(&tail, " %s  horizon %s", p,
		   *f->col[COL_HORIZON] ? f->col[COL_HORIZON] : "none");
	/* the cue gives way first: the rest are short and fixed */
	size_t fixed = screen_chars(h->data) + screen_chars(tail.data);
	size_t cue = screen_chars(f->col[COL_CUE]);
	if (fixed + cue > rv->sz.cols && fixed + 6 <= rv->sz.cols)
		cue = rv->sz.cols - fixed;
	screen_cut(h, f->col[COL_CUE], cue);
	buf_adds(h, tail.data);
	buf_release(&tail);
}

/*
 * Clears the terminal and draws the fixed top: the header (position, id,
 * status, cue, probability, horizon), the key legend, rv->status and a
 * rule.  Returns the lines drawn.
 */
static size_t review_draw_top(struct review *rv, const struct forecast *f)
{
	struct buf h;
	buf_init(&h);
	header(rv, f, &h);
	fputs(CLEAR BOLD, rv->ctx->out);
	put_line(rv, h.data);
	fputs(PLAIN, rv->ctx->out);
	put_line(rv, review_in_due(rv) ? legend_due : legend_candidate);
	put_line(rv, rv->status.data);
	buf_reset(&h);
	for (size_t i = 0; i < rv->sz.cols; i++)
		buf_addc(&h, '-');
	fprintf(rv->ctx->out, "%s\n", h.data);
	buf_release(&h);
	return TOP_LINES;
}

/* "label:    text" wrapped, later lines under the text. */
static void add_field(struct buf *body, size_t width, const char *label, const char *text,
		      size_t max_lines)
{
	char indent[LABEL_WIDTH + 1];
	memset(indent, ' ', LABEL_WIDTH);
	indent[LABEL_WIDTH] = '\0';
	size_t start = body->len;
	screen_wrap(body, text, width, indent, max_lines);
	if (body->len > start)
		memcpy(body->data + start, label, strlen(label));
}

/* Wrapped text, each line in bold when asked. */
static void add_text(struct buf *body, size_t width, const char *indent, const char *text,
		     size_t max_lines, bool bold)
{
	struct buf w;
	buf_init(&w);
	screen_wrap(&w, text, width, indent, max_lines);
	for (char *line = w.data, *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		buf_printf(body, "%s%.*s%s\n", bold ? BOLD : "", (int)(nl - line), line,
			   bold ? PLAIN : "");
	}
	buf_release(&w);
}

static void add_facts(struct buf *body, size_t width, const struct forecast *f)
{
	struct buf t;
	buf_init(&t);
	buf_printf(&t, "%s (%s, %s)", f->col[COL_TITLE],
		   *f->col[COL_PUBLISHED] ? f->col[COL_PUBLISHED] : "no date", f->col[COL_FILE]);
	add_field(body, width, "article:", t.data, 2);
	buf_reset(&t);
	buf_adds(&t, *f->col[COL_AUTHOR] ? f->col[COL_AUTHOR] : "unattributed");
	if (*f->col[COL_SPEAKER])
		buf_printf(&t, "; speaker: %s", f->col[COL_SPEAKER]);
	buf_printf(&t, "; topic: %s", f->col[COL_TOPIC]);
	add_field(body, width, "author:", t.data, 2);
	if (*f->col[COL_HORIZON_PHRASE]) {
		buf_reset(&t);
		buf_printf(&t, "from \"%s\"", f->col[COL_HORIZON_PHRASE]);
		add_field(body, width, "horizon:", t.data, 1);
	}
	if (*f->col[COL_RESOLVED_ON]) {
		buf_reset(&t);
		buf_printf(&t, "%s on %s%s%s", f->col[COL_OUTCOME], f->col[COL_RESOLVED_ON],
			   *f->col[COL_EVIDENCE] ? ": " : "", f->col[COL_EVIDENCE]);
		add_field(body, width, "settled:", t.data, 2);
	}
	if (*f->col[COL_NOTE])
		add_field(body, width, "note:", f->col[COL_NOTE], 2);
	buf_release(&t);
}

struct hits {
	struct buf *body;
	size_t width;
	int n;
};

static int add_hit(const struct evidence_hit *h, void *data)
{
	struct hits *hs = data;
	struct buf t;
	if (hs->n++ == 0) {
		buf_addc(hs->body, '\n');
		add_text(hs->body, hs->width, "  ",
			 "possible evidence (likely evidence ID shows more):", 1, false);
	}
	buf_init(&t);
	buf_printf(&t, "%s (%s): %s", h->published, h->file, h->sentence);
	add_text(hs->body, hs->width, "    ", t.data, 2, false);
	buf_release(&t);
	return 0;
}

/* For a due forecast, the sentences of later articles most likely to
 * settle it (what `likely evidence` shows), to decide without leaving. */
static int add_evidence(struct review *rv, struct buf *body, const struct forecast *f)
{
	struct hits hs = {body, rv->sz.cols, 0};
	struct buf q;
	int rc = LIKELY_OK;
	char after[DATE_ISO_LEN];
	buf_init(&q);
	evidence_after(f->col[COL_PUBLISHED], after);
	if (claim_search_query(f->col[COL_CLAIM], &q) > 0)
		rc = store_evidence_each(rv->ctx->store, q.data, after, EVIDENCE_HITS, add_hit,
					 &hs);
	buf_release(&q);
	return rc;
}

/* Prints at most max lines of body; the last says where the rest is. */
static void put_body(struct review *rv, const struct forecast *f, const struct buf *body,
		     size_t max)
{
	size_t lines = 0;
	for (const char *p = body->data; *p; p++)
		lines += *p == '\n';
	if (lines <= max) {
		fputs(body->data, rv->ctx->out);
		return;
	}
	const char *p = body->data;
	for (size_t i = 0; i + 1 < max; i++)
		p = strchr(p, '\n') + 1;
	fwrite(body->data, 1, (size_t)(p - body->data), rv->ctx->out);
	struct buf more;
	buf_init(&more);
	buf_printf(&more, "  ... (all of it: likely show %s)", f->col[COL_ID]);
	put_line(rv, more.data);
	buf_release(&more);
}

int review_draw(struct review *rv, const struct forecast *f)
{
	struct buf body;
	size_t width = rv->sz.cols;
	int rc = LIKELY_OK;

	buf_init(&body);
	add_facts(&body, width, f);
	buf_addc(&body, '\n');
	add_text(&body, width, "  ", f->col[COL_CLAIM], CLAIM_LINES, true);
	if (f->context && strcmp(f->context, f->col[COL_CLAIM]) != 0) {
		struct buf t;
		buf_init(&t);
		buf_printf(&t, "in context: %s", f->context);
		buf_addc(&body, '\n');
		add_text(&body, width, "  ", t.data, CONTEXT_LINES, false);
		buf_release(&t);
	}
	if (review_in_due(rv))
		rc = add_evidence(rv, &body, f);
	size_t top = review_draw_top(rv, f);
	put_body(rv, f, &body, rv->sz.rows - top - BOTTOM_LINES);
	fputs("\n" REVIEW_KEY_PROMPT, rv->ctx->out);
	fflush(rv->ctx->out);
	buf_release(&body);
	return rc;
}

void review_draw_dialog(struct review *rv, const struct forecast *f)
{
	struct buf body;
	buf_init(&body);
	review_draw_top(rv, f);
	add_text(&body, rv->sz.cols, "  ", f->col[COL_CLAIM], DIALOG_CLAIM_LINES, true);
	fprintf(rv->ctx->out, "%s\n", body.data);
	buf_release(&body);
}

void review_draw_help(struct review *rv, const struct forecast *f)
{
	static const char *const lines[] = {
		"candidates:",
		"  a      accept (one without a date asks for it first)",
		"  r      reject (asks why)",
		"due forecasts:",
		"  y n p  settle as yes, no or partial: asks when it became known",
		"         and the evidence",
		"  v      void: asks when, and why (kept as the note)",
		"both:",
		"  e      edit probability, horizon, topic, author, speaker",
		"         (Enter keeps a value, - clears it)",
		"  s      skip for now",
		"  u      undo the last answer (the history keeps both)",
		"  q      quit; every answer is saved at once",
		NULL};
	buf_reset(&rv->status);
	buf_adds(&rv->status, "the keys:");
	review_draw_top(rv, f);
	for (size_t i = 0; lines[i]; i++)
		put_line(rv, lines[i]);
	fputs("\nany key goes back to the forecast " REVIEW_KEY_PROMPT, rv->ctx->out);
	fflush(rv->ctx->out);
}
