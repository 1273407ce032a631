/*
 * ledger: the columns and field rules of the ledger CSV (SPEC.md §4).
 * The rules live here, not in the import command, so extraction, editing
 * and import all agree on what a valid record is.
 */
#include "likely/core/ledger.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/base/date.h"
#include "likely/base/fnv.h"
#include "likely/text/textfield.h"

/* clang-format off */
const char *const ledger_columns[LEDGER_NCOLS + 1] = {
	"id", "file", "title", "published", "source", "url", "author",
	"topic", "claim", "cue", "probability", "horizon", "horizon_phrase",
	"status", "outcome", "resolved_on", "evidence", "note", "speaker",
	NULL};
/* clang-format on */

/* The value of every field a forecast has not been given: shared, never
 * freed, never written (extraction makes a record per forecast, and most
 * of its 19 fields stay empty). */
static char empty_field[1];

static void free_field(char *v)
{
	if (v != empty_field)
		free(v);
}

void forecast_init(struct forecast *f)
{
	for (int c = 0; c < LEDGER_NCOLS; c++)
		f->col[c] = empty_field;
	f->context = NULL;
}

void forecast_release(struct forecast *f)
{
	for (int c = 0; c < LEDGER_NCOLS; c++) {
		free_field(f->col[c]);
		f->col[c] = NULL;
	}
	free(f->context);
	f->context = NULL;
}

void forecast_set(struct forecast *f, enum ledger_column c, const char *value)
{
	char *copy = value && *value ? xstrdup(value) : empty_field;
	free_field(f->col[c]);
	f->col[c] = copy;
}

int forecast_due_order(const struct forecast *a, const struct forecast *b)
{
	int c = strcmp(a->col[COL_HORIZON], b->col[COL_HORIZON]);
	if (!c)
		c = strcmp(a->col[COL_PUBLISHED], b->col[COL_PUBLISHED]);
	return c ? c : strcmp(a->col[COL_ID], b->col[COL_ID]);
}

/*
 * Clinger's fast path (1990): a decimal of at most 15 digits is an
 * integer below 2^53 over a power of ten up to 1e22, both exact doubles,
 * so their quotient, rounded once, is the double nearest the decimal --
 * what strtod returns.  strtod itself, far slower, was a twentieth of
 * `score`'s time (each probability is read when a row is checked and
 * when it is scored).  Longer decimals still go to strtod.
 */
static const double exact_pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
				     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
				     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

bool ledger_parse_probability(const char *s, double *p)
{
	size_t i = 0, digits = 0, places = 0;
	uint64_t n = 0;
	while (s[i] >= '0' && s[i] <= '9') {
		n = n * 10 + (uint64_t)(s[i] - '0');
		i++;
		digits++;
		if (digits > 15)
			n = 0; /* strtod reads it; only the count matters now */
	}
	if (s[i] == '.') {
		i++;
		while (s[i] >= '0' && s[i] <= '9') {
			n = n * 10 + (uint64_t)(s[i] - '0');
			i++;
			digits++;
			places++;
			if (digits > 15)
				n = 0;
		}
	}
	if (digits == 0 || s[i] != '\0')
		return false;
	double v;
	if (digits <= 15) {
		v = (double)n / exact_pow10[places];
	} else {
		char *end;
		v = strtod(s, &end);
		if (*end != '\0')
			return false;
	}
	if (v < 0.0 || v > 1.0)
		return false;
	*p = v;
	return true;
}

static bool has_space_or_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7F)
			return true;
	return false;
}

unsigned ledger_column_text_flags(enum ledger_column c)
{
	switch (c) {
	case COL_TITLE:
	case COL_EVIDENCE:
	case COL_NOTE:
		return TEXTFIELD_MULTILINE;
	case COL_CLAIM:
		return TEXTFIELD_MULTILINE | TEXTFIELD_REQUIRED;
	default:
		return 0;
	}
}

const char *ledger_check_field(enum ledger_column c, const char *v)
{
	long day;
	double p;

	const char *why = textfield_check_str(v, ledger_column_text_flags(c));
	if (why)
		return c == COL_CLAIM && !strcmp(why, "empty")
			       ? "empty (the claim is the forecast's sentence)"
			       : why;
	switch (c) {
	case COL_ID:
		if (!*v)
			return "empty (every forecast needs an id)";
		if (has_space_or_control(v))
			return "contains spaces or control characters";
		if (strlen(v) > 64)
			return "longer than 64 characters";
		return NULL;
	case COL_PUBLISHED:
		if (!*v || date_parse_iso(v, &day) || date_parse_month(v, &day))
			return NULL;
		return "not a calendar date in the form YYYY-MM-DD (or YYYY-MM "
		       "for a month)";
	case COL_HORIZON:
	case COL_RESOLVED_ON:
		if (!*v)
			return NULL;
		return date_parse_iso(v, &day) ? NULL
					       : "not a calendar date in the form YYYY-MM-DD";
	case COL_PROBABILITY:
		if (!*v)
			return NULL; /* a hedged statement */
		return ledger_parse_probability(v, &p)
			       ? NULL
			       : "not a decimal between 0 and 1 (or empty for a hedged statement)";
	case COL_STATUS:
		if (!strcmp(v, "candidate") || !strcmp(v, "accepted") || !strcmp(v, "rejected"))
			return NULL;
		return "not one of candidate, accepted, rejected";
	case COL_OUTCOME:
		if (!*v || !strcmp(v, "yes") || !strcmp(v, "no") || !strcmp(v, "partial") ||
		    !strcmp(v, "void"))
			return NULL;
		return "not one of yes, no, partial, void (or empty while open)";
	default:
		return NULL;
	}
}

const char *ledger_check_record(const struct forecast *f, enum ledger_column *bad)
{
	const char *outcome = f->col[COL_OUTCOME];
	const char *resolved = f->col[COL_RESOLVED_ON];
	const char *published = f->col[COL_PUBLISHED];
	long from = 0, day;
	bool dated = ledger_published_day(published, &from);

	/* an undated forecast waits for its date before it can be scored */
	if (!*published && strcmp(f->col[COL_STATUS], "accepted") == 0) {
		*bad = COL_PUBLISHED;
		return "empty, but the forecast is accepted (only candidates and "
		       "rejected forecasts may lack a date)";
	}
	if (*outcome && !*resolved) {
		*bad = COL_RESOLVED_ON;
		return "empty, but the forecast has an outcome (when was it settled?)";
	}
	if (!*outcome && *resolved) {
		*bad = COL_OUTCOME;
		return "empty, but resolved_on is set";
	}
	/* a month-only date counts as its last day: the forecast may have
	 * been written on it */
	bool month = dated && !date_parse_iso(published, &day);
	if (dated && date_parse_iso(resolved, &day) && day < from) {
		*bad = COL_RESOLVED_ON;
		return month ? "before the forecast was published (the last day "
			       "of its month-only date)"
			     : "before the forecast was published";
	}
	if (dated && date_parse_iso(f->col[COL_HORIZON], &day) && day < from) {
		*bad = COL_HORIZON;
		return month ? "before the forecast was published (the last day "
			       "of its month-only date)"
			     : "before the forecast was published";
	}
	if (*outcome && strcmp(f->col[COL_STATUS], "accepted") != 0) {
		*bad = COL_OUTCOME;
		return "set on a forecast that is not accepted";
	}
	return NULL;
}

bool ledger_published_day(const char *published, long *day)
{
	long d;
	if (date_parse_iso(published, &d)) {
		*day = d;
		return true;
	}
	if (date_parse_month(published, &d)) {
		*day = date_month_last(d);
		return true;
	}
	return false;
}

/* Where note sits in notes as a whole part (between joiners), or NULL. */
static const char *note_part(const char *notes, const char *note)
{
	size_t n = strlen(note), jl = strlen(LEDGER_NOTE_JOIN);
	for (const char *p = strstr(notes, note); p; p = strstr(p + 1, note)) {
		bool starts = p == notes || (p - notes >= (ptrdiff_t)jl &&
					     strncmp(p - jl, LEDGER_NOTE_JOIN, jl) == 0);
		bool ends = p[n] == '\0' || strncmp(p + n, LEDGER_NOTE_JOIN, jl) == 0;
		if (starts && ends)
			return p;
	}
	return NULL;
}

void ledger_note_add(struct forecast *f, const char *note)
{
	const char *old = f->col[COL_NOTE];
	if (!*note || note_part(old, note))
		return;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s%s%s", old, *old ? LEDGER_NOTE_JOIN : "", note);
	free_field(f->col[COL_NOTE]);
	f->col[COL_NOTE] = buf_detach(&b);
	buf_release(&b);
}

void ledger_note_drop(struct forecast *f, const char *note)
{
	const char *old = f->col[COL_NOTE];
	const char *p = note_part(old, note);
	if (!*note || !p)
		return;
	size_t n = strlen(note), jl = strlen(LEDGER_NOTE_JOIN);
	size_t at = (size_t)(p - old), end = at + n;
	if (old[end]) /* a joiner follows: drop it with the note */
		end += jl;
	else if (at >= jl) /* the last part: drop the joiner before it */
		at -= jl;
	struct buf b;
	buf_init(&b);
	buf_add(&b, old, at);
	buf_adds(&b, old + end);
	free_field(f->col[COL_NOTE]);
	f->col[COL_NOTE] = buf_detach(&b);
	buf_release(&b);
}

/* Byte length of the white space at s that ledger_collapse_space folds
 * (ASCII, or U+00A0 no-break space, common in scraped pages), else 0. */
static size_t collapsible_space(const char *s)
{
	unsigned char c = (unsigned char)*s;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	return c == 0xC2 && (unsigned char)s[1] == 0xA0 ? 2 : 0;
}

char *ledger_collapse_space(const char *s)
{
	struct buf b;
	bool pending = false;
	buf_init(&b);
	while (*s) {
		size_t k = collapsible_space(s);
		if (k) {
			pending = b.len > 0;
			s += k;
			continue;
		}
		/* every forecast's claim comes here: the run up to the next
		 * space is copied at once */
		size_t n = 1;
		while (s[n] && !collapsible_space(s + n))
			n++;
		if (pending)
			buf_addc(&b, ' ');
		pending = false;
		buf_add(&b, s, n);
		s += n;
	}
	char *out = buf_detach(&b);
	buf_release(&b);
	return out;
}

/* FNV-1a of s with its white space collapsed as ledger_collapse_space
 * does (runs folded to one space, none at either end), without making
 * the collapsed copy: every extracted forecast is hashed twice. */
static uint64_t fnv1a_collapsed(uint64_t h, const char *s)
{
	bool pending = false, any = false;
	while (*s) {
		size_t k = collapsible_space(s);
		if (k) {
			pending = any;
			s += k;
			continue;
		}
		if (pending)
			h = fnv1a_byte(h, ' ');
		pending = false;
		any = true;
		h = fnv1a_byte(h, (unsigned char)*s++);
	}
	return h;
}

void ledger_make_id(const char *title, const char *published, const char *claim, char out[17])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t h = FNV1A_START;
	h = fnv1a_str(h, title);
	h = fnv1a_byte(h, 0x1f);
	h = fnv1a_str(h, published);
	h = fnv1a_byte(h, 0x1f);
	h = fnv1a_collapsed(h, claim);
	for (int i = 15; i >= 0; i--, h >>= 4)
		out[i] = hex[h & 0xF];
	out[16] = '\0';
}

void ledger_write_header(struct csv_writer *w)
{
	csvw_header(w, ledger_columns);
}

/* Dates and the probability go out unquoted so spreadsheets type them. */
static bool unquoted_column(enum ledger_column c)
{
	return c == COL_PUBLISHED || c == COL_PROBABILITY || c == COL_HORIZON ||
	       c == COL_RESOLVED_ON;
}

void ledger_write_record(struct csv_writer *w, const struct forecast *f)
{
	for (int c = 0; c < LEDGER_NCOLS; c++) {
		if (unquoted_column(c))
			csvw_raw(w, f->col[c]);
		else
			csvw_text(w, f->col[c]);
	}
	csvw_end(w);
}
