/*
 * store_forecast: forecasts and their append-only history.
 *
 * Every change to a stored forecast goes through store_forecast_put, which
 * compares column by column and writes one history row per changed column;
 * that is the audit trail `show` prints, and nothing else updates the
 * forecast table.
 *
 * Every row read is checked by the ledger's rules (view_row), unless the
 * caller does it itself on another thread (forecast_filter.unchecked:
 * score), in which case the walk ends with a call that lets the caller
 * report a refused row before the store reports anything.
 */
#include "store_impl.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/extract/speaker.h"

#define FORECAST_LEDGER_COLUMNS                                                                    \
	"id, file, title, published, source, url, author, topic, claim, cue,"                      \
	" probability, horizon, horizon_phrase, status, outcome, resolved_on,"                     \
	" evidence, note, speaker"
#define FORECAST_COLUMNS FORECAST_LEDGER_COLUMNS ", context"

/* view_row without the checks (forecast_filter.unchecked: the caller
 * checks). */
static void view_unchecked(sqlite3_stmt *st, struct forecast *f)
{
	for (int c = 0; c < LEDGER_NCOLS; c++)
		f->col[c] = (char *)store_text(st, c);
	f->context = sqlite3_column_type(st, LEDGER_NCOLS) == SQLITE_NULL
			     ? NULL
			     : (char *)store_text(st, LEDGER_NCOLS);
}

/*
 * Points f's columns at the row's text, valid until st steps or is reset
 * (f is a view: never forecast_release it; the casts drop a const no one
 * writes through), and checks every column by the ledger's rules: a value
 * nothing in likely can write means the file was changed behind its back,
 * and passing it on would produce a ledger import refuses.
 */
static int view_row(struct store *s, sqlite3_stmt *st, struct forecast *f)
{
	view_unchecked(st, f);
	for (int c = 0; c < LEDGER_NCOLS; c++) {
		const char *why = ledger_check_field(c, f->col[c]);
		if (why)
			return store_forecast_refused(s, f->col[COL_ID], c, why, f->col[c]);
	}
	return LIKELY_OK;
}

int store_forecast_refused(struct store *s, const char *id, int c, const char *why,
			   const char *value)
{
	return diag_report(s->diag, LIKELY_DATAERR, s->path, 0,
			   "forecast '%s': %s: %s: \"%s\" (the database was changed outside "
			   "likely)",
			   id, ledger_columns[c], why, value);
}

/* view_row, into f's own copies. */
static int read_row(struct store *s, sqlite3_stmt *st, struct forecast *f)
{
	struct forecast view;
	int rc = view_row(s, st, &view);
	for (int c = 0; c < LEDGER_NCOLS; c++)
		forecast_set(f, c, view.col[c]);
	free(f->context);
	f->context = view.context ? xstrdup(view.context) : NULL;
	return rc;
}

/* Looks id up; *st is then on its row (SQLITE_ROW) or done, with the
 * stored context (NULL for a reference) and, after it, whether the context
 * is a reference into the article's text.  The caller resets *st. */
static int lookup(struct store *s, const char *id, sqlite3_stmt **st, int *step)
{
	int rc = store_cached(
		s, STMT_FORECAST_GET,
		s->context_refs ? "SELECT " FORECAST_COLUMNS ", context_len IS NOT NULL"
				  " FROM forecast WHERE id = ?1"
				: "SELECT " FORECAST_COLUMNS ", 0 FROM forecast WHERE id = ?1",
		st);
	if (rc)
		return rc;
	sqlite3_bind_text(*st, 1, id, -1, SQLITE_STATIC);
	*step = sqlite3_step(*st);
	if (*step != SQLITE_ROW && *step != SQLITE_DONE) {
		rc = store_fail(s, *step, "reading a forecast");
		sqlite3_reset(*st);
	}
	return rc;
}

/* The context of forecast id rebuilt from its article's text (the caller
 * frees it; NULL if there is none). */
static int context_rebuilt(struct store *s, const char *id, char **out)
{
	sqlite3_stmt *st;
	*out = NULL;
	int rc = store_cached(s, STMT_CONTEXT_GET,
			      "SELECT " STORE_CONTEXT_REBUILD " FROM forecast WHERE id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*out = xstrdup(store_text(st, 0));
	else if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_fail(s, step, "reading a forecast's context");
	sqlite3_reset(st);
	return rc;
}

/* store_forecast_get, the context rebuilt when whole is set (only one
 * forecast shown needs it: rebuilding reads the article's whole text,
 * which an extract that looks up every forecast it finds must not). */
static int get_row(struct store *s, const char *id, struct forecast *f, bool *found, bool whole)
{
	sqlite3_stmt *st;
	int rc, step;

	forecast_init(f);
	*found = false;
	if ((rc = lookup(s, id, &st, &step)))
		return rc;
	bool reference = false;
	if (step == SQLITE_ROW) {
		rc = read_row(s, st, f);
		reference = sqlite3_column_int(st, LEDGER_NCOLS + 1) != 0;
		*found = rc == LIKELY_OK;
	}
	sqlite3_reset(st);
	if (*found && reference && whole) {
		free(f->context);
		rc = context_rebuilt(s, id, &f->context);
	}
	return rc;
}

int store_forecast_get(struct store *s, const char *id, struct forecast *f, bool *found)
{
	return get_row(s, id, f, found, false);
}

/*
 * Finds the ids that start with prefix (so editors can type the first
 * digits, as with git).  *count is 0, 1 or 2 (2 meaning "two or more");
 * when it is 1, *full is the whole id (the caller frees it), else NULL.
 */
static int store_forecast_match(struct store *s, const char *prefix, char **full, int *count)
{
	sqlite3_stmt *st;
	int rc, step;

	*full = NULL;
	*count = 0;
	if ((rc = store_prepare(s,
				"SELECT id FROM forecast WHERE"
				" substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT 2",
				&st)))
		return rc;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if (++*count == 1)
			*full = xstrdup(store_text(st, 0));
	if (step != SQLITE_DONE)
		rc = store_fail(s, step, "looking up an id");
	sqlite3_finalize(st);
	if (rc || *count != 1) {
		free(*full);
		*full = NULL;
	}
	return rc;
}

static int add_history(struct store *s, const char *id, const char *at, const char *field,
		       const char *old_value, const char *new_value, const char *reason)
{
	sqlite3_stmt *st;
	int rc = store_cached(s, STMT_HISTORY_ADD,
			      "INSERT INTO history (forecast_id, at, field, old_value,"
			      " new_value, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			      &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
	if (old_value)
		sqlite3_bind_text(st, 4, old_value, -1, SQLITE_STATIC);
	if (new_value)
		sqlite3_bind_text(st, 5, new_value, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, reason ? reason : "", -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	if (step != SQLITE_DONE)
		rc = store_fail(s, step, "recording history");
	sqlite3_reset(st);
	return rc;
}

/* Binds the 19 ledger columns to ?1..?19, leaving ?20 (the context)
 * NULL. */
static void bind_columns(sqlite3_stmt *st, const struct forecast *f)
{
	for (int c = 0; c < LEDGER_NCOLS; c++)
		sqlite3_bind_text(st, c + 1, f->col[c], -1, SQLITE_STATIC);
}

/* Binds the 19 ledger columns to ?1..?19 and the context to ?20. */
static void bind_forecast(sqlite3_stmt *st, const struct forecast *f)
{
	bind_columns(st, f);
	if (f->context)
		sqlite3_bind_text(st, LEDGER_NCOLS + 1, f->context, -1, SQLITE_STATIC);
}

/*
 * How far from where a context is expected it is looked for at least, and
 * how much more reading (times the article's text) a search may spend on
 * the whole article.  Reading the whole waiting text for each forecast
 * made a long article whose contexts are not in it word for word (a tab,
 * two spaces) quadratic: a 2 MB page of 20 000 such forecasts stored in
 * 2.3 s against 0.14 s dry.
 */
#define CONTEXT_WINDOW 16384
#define CONTEXT_READ   4

/* Whether the n bytes at text are context's, a separator in the text
 * standing for a space in the context.  Eight bytes at a time: where
 * they differ, the text's separators are made spaces (the zero-byte test
 * of Hacker's Delight 6-1, exact for every byte, finds them) and the
 * bytes compared again.  A context is a paragraph of up to 4 KiB; going
 * sentence by sentence with memchr and memcmp cost twice as much. */
static bool same_as_context(const char *text, const char *context, size_t n)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), high = ones << 7;
	size_t i = 0;
	for (; n - i >= 8; i += 8) {
		uint64_t t, c;
		memcpy(&t, text + i, 8);
		memcpy(&c, context + i, 8);
		if (t == c)
			continue;
		uint64_t x = t ^ ones * STORE_SENTENCE_SEP;
		uint64_t sep = ~(((x & ~high) + ~high) | x) & high;
		if ((t ^ (sep >> 7) * (STORE_SENTENCE_SEP ^ ' ')) != c)
			return false;
	}
	for (; i < n; i++)
		if ((text[i] == STORE_SENTENCE_SEP ? ' ' : text[i]) != context[i])
			return false;
	return true;
}

/* The first place in [from, to) where context starts, a space in it
 * standing for a separator in the text (which ends at end), or NULL. */
static const char *find_context(const char *from, const char *to, const char *end,
				const char *context, size_t clen, size_t word)
{
	/* memchr and memcmp: memmem is not C11 */
	for (const char *p = from; p + word <= to && (p = memchr(p, context[0], (size_t)(to - p)));
	     p++) {
		if ((size_t)(end - p) >= clen && memcmp(p, context, word) == 0 &&
		    same_as_context(p + word, context + word, clen - word))
			return p;
	}
	return NULL;
}

/*
 * Where f's context stands in the waiting text of its article (-1: not
 * there, or not waiting): its bytes, a space in it standing for the
 * separator between two sentences.  Contexts come in the order of the
 * article, so it is looked for from where the last one was found
 * onwards (where it is at once when it is the same context: forecasts of
 * one paragraph, compared with the last context in one memcmp), then
 * just before it, then in the text's last part (where the paragraph just
 * read stands).  Each look covers CONTEXT_WINDOW bytes
 * past the context's length, the first one the rest of the text while
 * the reading budget lasts; a context not found is kept as a copy.
 */
static long long context_offset(struct store *s, const char *context, size_t clen,
				long long article_id)
{
	size_t word = 0;
	if (!s->context_refs || article_id < 0 || article_id != s->text_article || clen == 0 ||
	    clen > s->text.len)
		return -1;
	if (clen == s->context_last.len && memcmp(context, s->context_last.data, clen) == 0)
		return (long long)s->context_hint;
	while (word < clen && context[word] != ' ')
		word++;
	if (word == 0 || memchr(context, STORE_SENTENCE_SEP, clen))
		return -1;
	const char *t = s->text.data, *end = t + s->text.len, *hint = t + s->context_hint;
	size_t span = clen + CONTEXT_WINDOW;
	bool afford = s->context_read + (size_t)(end - hint) <= CONTEXT_READ * s->text.len;
	const char *ahead = afford || (size_t)(end - hint) <= span ? end : hint + span;
	const char *before = s->context_hint > span ? hint - span : t;
	const char *tail = s->text.len > span ? end - span : t;
	const char *p = find_context(hint, ahead, end, context, clen, word);
	if (!p)
		p = find_context(before, hint, end, context, clen, word);
	if (!p && tail > ahead)
		p = find_context(tail, end, end, context, clen, word);
	if (!p) {
		s->context_read += (size_t)(ahead - hint);
		return -1;
	}
	s->context_hint = (size_t)(p - t);
	buf_reset(&s->context_last);
	buf_add(&s->context_last, context, clen);
	return (long long)s->context_hint;
}

/* The load the next forecast belongs to (0: none, it has a history row),
 * its row made at the load's first forecast. */
static int load_for_insert(struct store *s, long long *load)
{
	*load = 0;
	if (s->load_id < 0)
		return LIKELY_OK;
	if (s->load_id == 0) {
		sqlite3_stmt *st;
		int rc = store_prepare(s, "INSERT INTO load (at, reason) VALUES (?1, ?2)", &st);
		if (rc)
			return rc;
		sqlite3_bind_text(st, 1, s->load_at.data, (int)s->load_at.len, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, s->load_reason.data, (int)s->load_reason.len,
				  SQLITE_STATIC);
		int step = sqlite3_step(st);
		sqlite3_finalize(st);
		if (step != SQLITE_DONE)
			return store_fail(s, step, "recording a load");
		s->load_id = sqlite3_last_insert_rowid(s->db);
	}
	*load = s->load_id;
	return LIKELY_OK;
}

/* article_id < 0: from no stored article.  The article is set here, not
 * by an UPDATE afterwards: an UPDATE of a foreign key may need to undo
 * itself half-way, so SQLite copied the row's page to a statement journal
 * for every forecast (a third of a stored extract's writes).  Only a file
 * opened for writing stores, and it has the latest schema. */
static int insert_row(struct store *s, const struct forecast *f, long long article_id,
		      long long load)
{
	sqlite3_stmt *st;
	int rc = store_cached(s, STMT_FORECAST_INSERT,
			      "INSERT INTO forecast (" FORECAST_COLUMNS ", article_id,"
			      " context_at, context_len, load_id) VALUES (?1, ?2, ?3, ?4, ?5,"
			      " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
			      " ?19, ?20, ?21, ?22, ?23, ?24)",
			      &st);
	if (rc)
		return rc;
	bind_columns(st, f);
	if (article_id >= 0)
		sqlite3_bind_int64(st, LEDGER_NCOLS + 2, article_id);
	/* the context's length once: binding it with -1 made SQLite measure
	 * it again, 57 MB of contexts on make bench's pages */
	size_t clen = f->context ? strlen(f->context) : 0;
	long long ref = context_offset(s, f->context, clen, article_id);
	if (ref >= 0) {
		sqlite3_bind_null(st, LEDGER_NCOLS + 1);
		sqlite3_bind_int64(st, LEDGER_NCOLS + 3, ref);
		sqlite3_bind_int64(st, LEDGER_NCOLS + 4, (long long)clen);
	} else if (f->context) {
		sqlite3_bind_text(st, LEDGER_NCOLS + 1, f->context, (int)clen, SQLITE_STATIC);
	}
	if (load > 0)
		sqlite3_bind_int64(st, LEDGER_NCOLS + 5, load);
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	return step == SQLITE_DONE ? LIKELY_OK : store_fail(s, step, "storing a forecast");
}

/* A forecast of a load is created by the load's row, any other by a
 * "created" row of history. */
static int insert_forecast(struct store *s, const struct forecast *f, const char *at,
			   const char *reason, long long article_id)
{
	long long load;
	int rc = load_for_insert(s, &load);
	if (!rc)
		rc = insert_row(s, f, article_id, load);
	if (rc || load > 0)
		return rc;
	return add_history(s, f->col[COL_ID], at, "created", NULL, f->col[COL_STATUS], reason);
}

int store_forecast_add(struct store *s, const struct forecast *f)
{
	long long load;
	int rc = load_for_insert(s, &load);
	return rc ? rc : insert_row(s, f, -1, load);
}

void store_load_begin(struct store *s, const char *at, const char *reason)
{
	buf_reset(&s->load_at);
	buf_adds(&s->load_at, at);
	buf_reset(&s->load_reason);
	buf_adds(&s->load_reason, reason ? reason : "");
	s->load_id = 0;
}

void store_load_end(struct store *s)
{
	s->load_id = -1;
}

int store_forecast_add_from(struct store *s, const struct forecast *f, const char *at,
			    const char *reason, long long article_id)
{
	return insert_forecast(s, f, at, reason, article_id);
}

/* A NULL context in the new record, or keep_context, means "keep the
 * stored one" (a reference into the article's text stays one). */
static int update_forecast(struct store *s, const struct forecast *f, bool keep_context)
{
	sqlite3_stmt *st;
	int rc = store_cached(s, STMT_FORECAST_UPDATE,
			      "UPDATE forecast SET file = ?2, title = ?3, published = ?4,"
			      " source = ?5, url = ?6, author = ?7, topic = ?8, claim = ?9,"
			      " cue = ?10, probability = ?11, horizon = ?12,"
			      " horizon_phrase = ?13, status = ?14, outcome = ?15,"
			      " resolved_on = ?16, evidence = ?17, note = ?18, speaker = ?19,"
			      " context = coalesce(?20, context),"
			      " context_at = iif(?20 IS NULL, context_at, NULL),"
			      " context_len = iif(?20 IS NULL, context_len, NULL) WHERE id = ?1",
			      &st);
	if (rc)
		return rc;
	bind_forecast(st, f);
	if (keep_context)
		sqlite3_bind_null(st, LEDGER_NCOLS + 1);
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	return step == SQLITE_DONE ? LIKELY_OK : store_fail(s, step, "updating a forecast");
}

int store_forecast_put(struct store *s, const struct forecast *f, const char *at,
		       const char *reason, enum store_put *result)
{
	struct forecast old;
	sqlite3_stmt *st;
	int rc, step, changed = 0;

	/* a new forecast (every row of a first import) costs one probe of
	 * the id index, and no copy of an empty record */
	if ((rc = lookup(s, f->col[COL_ID], &st, &step)))
		return rc;
	if (step == SQLITE_DONE) {
		sqlite3_reset(st);
		rc = insert_forecast(s, f, at, reason, -1);
		if (result)
			*result = STORE_PUT_NEW;
		return rc;
	}
	forecast_init(&old);
	rc = read_row(s, st, &old);
	bool reference = sqlite3_column_int(st, LEDGER_NCOLS + 1) != 0;
	sqlite3_reset(st);
	if (rc)
		goto out;
	/* a context given for a forecast whose context is a reference is
	 * compared with the text it refers to (an editor's forecast, read
	 * with it, comes back with it) */
	if (reference && f->context) {
		free(old.context);
		if ((rc = context_rebuilt(s, f->col[COL_ID], &old.context)))
			goto out;
	}
	for (int c = 0; c < LEDGER_NCOLS && !rc; c++) {
		if (strcmp(old.col[c], f->col[c]) == 0)
			continue;
		changed++;
		rc = add_history(s, f->col[COL_ID], at, ledger_columns[c], old.col[c], f->col[c],
				 reason);
	}
	bool new_context = f->context && (!old.context || strcmp(old.context, f->context));
	if (!rc && (changed || new_context))
		rc = update_forecast(s, f, !new_context);
	if (result)
		*result = changed ? STORE_PUT_CHANGED : STORE_PUT_UNCHANGED;
out:
	forecast_release(&old);
	return rc;
}

int store_forecast_empty(struct store *s, bool *empty)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, "SELECT NOT EXISTS (SELECT 1 FROM forecast)", &st);
	if (rc)
		return rc;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*empty = sqlite3_column_int(st, 0);
	else
		rc = store_fail(s, step, "reading forecasts");
	sqlite3_finalize(st);
	return rc;
}

int store_bulk_begin(struct store *s)
{
	return store_exec(s, BULK_CACHE);
}

int store_forecast_each(struct store *s, const struct forecast_filter *flt,
			int (*fn)(const struct forecast *f, void *ctx), void *ctx)
{
	static const struct forecast_filter all = {0};
	sqlite3_stmt *st;
	struct forecast f;
	int rc, step;

	if (!flt)
		flt = &all;
	/* no context: none of its callers shows one, and rebuilding each
	 * would read every article's text (a list of all forecasts took
	 * fifty times as long) */
	if ((rc = store_prepare(
		     s,
		     "SELECT " FORECAST_LEDGER_COLUMNS ", NULL FROM forecast"
		     " WHERE (?1 IS NULL OR status = ?1)"
		     " AND (?2 IS NULL OR instr(';' || topic || ';', ';' || ?2 || ';') > 0)"
		     " AND (?3 = 0 OR (status = 'accepted' AND outcome = ''))"
		     " ORDER BY seq",
		     &st)))
		return rc;
	if (flt->status)
		sqlite3_bind_text(st, 1, flt->status, -1, SQLITE_STATIC);
	if (flt->topic)
		sqlite3_bind_text(st, 2, flt->topic, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, flt->open_only);
	struct buf want, have;
	buf_init(&want);
	buf_init(&have);
	if (flt->speaker)
		speaker_normalise(flt->speaker, &want);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		/* a view, not copies: score reads every row of the ledger */
		if (flt->unchecked)
			view_unchecked(st, &f);
		else if ((rc = view_row(s, st, &f)))
			break;
		if (flt->speaker) {
			speaker_normalise(f.col[COL_SPEAKER], &have);
			if (!speaker_same(want.data, have.data))
				continue;
		}
		if ((rc = fn(&f, ctx)))
			break;
	}
	buf_release(&have);
	buf_release(&want);
	if (flt->unchecked) {
		int end = fn(NULL, ctx);
		if (end)
			rc = end;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail(s, step, "reading forecasts");
	sqlite3_finalize(st);
	return rc;
}

/* The forecast's history rows, after (schema 10) the "created" entry of
 * the load that made it: its time and reason, and the status it was
 * created with, which its first change of status has as the old value
 * (every change is a row), else the status it has. */
#define HISTORY_ROWS                                                                               \
	"SELECT at, field, old_value, new_value, reason, id FROM history"                          \
	" WHERE forecast_id = ?1"
#define HISTORY_LOAD                                                                               \
	"SELECT l.at, 'created', NULL, coalesce((SELECT h.old_value FROM history h"                \
	" WHERE h.forecast_id = f.id AND h.field = 'status' ORDER BY h.id LIMIT 1),"               \
	" f.status), l.reason, 0 FROM forecast f JOIN load l ON l.id = f.load_id"                  \
	" WHERE f.id = ?1 UNION ALL "

int store_history_each(struct store *s, const char *id,
		       int (*fn)(const struct history_entry *h, void *ctx), void *ctx)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_prepare(s,
				s->loads ? HISTORY_LOAD HISTORY_ROWS " ORDER BY 6"
					 : HISTORY_ROWS " ORDER BY id",
				&st)))
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct history_entry h = {
			store_text(st, 0), store_text(st, 1),
			sqlite3_column_type(st, 2) == SQLITE_NULL ? NULL : store_text(st, 2),
			sqlite3_column_type(st, 3) == SQLITE_NULL ? NULL : store_text(st, 3),
			store_text(st, 4)};
		if ((rc = fn(&h, ctx)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail(s, step, "reading history");
	sqlite3_finalize(st);
	return rc;
}

int store_forecast_lookup(struct store *s, const char *id, enum id_use use, struct forecast *f)
{
	bool found;
	char *full = NULL;
	int count, rc = get_row(s, id, f, &found, true);

	if (rc || found)
		return rc;
	/* not an id: perhaps the first digits of one */
	if (use == ID_CHANGE && strlen(id) < ID_PREFIX_MIN_CHANGE)
		return diag_report(s->diag, LIKELY_USAGE, NULL, 0,
				   "'%s' is not an id; to change a forecast give "
				   "its whole id or at least its first %d "
				   "characters",
				   id, ID_PREFIX_MIN_CHANGE);
	if ((rc = store_forecast_match(s, id, &full, &count)))
		return rc;
	if (count == 1) {
		forecast_release(f);
		rc = get_row(s, full, f, &found, true);
	} else if (count > 1) {
		rc = diag_report(s->diag, LIKELY_DATAERR, NULL, 0,
				 "'%s' is the start of several ids; give more digits", id);
	} else {
		rc = diag_report(s->diag, LIKELY_DATAERR, NULL, 0,
				 "no forecast with id '%s' (see likely list)", id);
	}
	free(full);
	return rc;
}
