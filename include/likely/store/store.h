/*
 * store: the SQLite database, the only module that sees sqlite3.h.
 *
 * Every function returns an exit code (LIKELY_OK on success) and reports
 * what went wrong through the diag sink it was opened with; SQLITE_BUSY
 * becomes LIKELY_TEMPFAIL (75) here and nowhere else.  Writes happen inside
 * store_begin/store_commit, which the dispatcher wraps around a writing
 * command.  The store module may span several store_*.c files; all of them
 * share the private header src/store/store_impl.h.
 */
#ifndef LIKELY_STORE_H
#define LIKELY_STORE_H

#include <stdbool.h>

#include "likely/base/diag.h"
#include "likely/core/ledger.h"

struct store;

enum store_mode {
	STORE_READONLY, /* must exist; opened read-only (works on read-only media) */
	STORE_WRITE,    /* must exist */
	STORE_CREATE,   /* created when missing (or an empty file) */
};

/*
 * Opens the database at path.  A missing file is LIKELY_NOINPUT with a
 * hint to run init, unless mode is STORE_CREATE.  A file that is not
 * likely's (another program's SQLite file, a foreign application_id or
 * user_version, a missing table or column, or an empty file when not
 * creating) is refused with LIKELY_DATAERR before anything is written to
 * it.  A writable one is brought up to the current schema.  *out is NULL
 * on error.
 */
int store_open(const char *path, enum store_mode mode, struct diag *d, struct store **out);
void store_close(struct store *s); /* NULL is fine */
/* The schema version recorded in the database. */
int store_schema_version(struct store *s, int *version);

int store_begin(struct store *s); /* BEGIN IMMEDIATE */
/* BEGIN (deferred): a consistent snapshot for a long read that must not
 * hold the write lock; end it with store_commit or store_rollback. */
int store_begin_read(struct store *s);
int store_commit(struct store *s);
void store_rollback(struct store *s); /* no-op outside a transaction */
/* Nested undo points, for work that may be dropped (one bad page).
 * An article's text waiting to be stored (store_sentence_add) is stored
 * before a savepoint starts or ends. */
int store_savepoint(struct store *s);
int store_release(struct store *s);
void store_rollback_savepoint(struct store *s);

/* Reads the forecast with this id into f (initialised here); *found says
 * whether there was one (f is left empty otherwise).  f->context is NULL
 * where it is a reference into the article's text (schema 9):
 * store_forecast_lookup gives it whole. */
int store_forecast_get(struct store *s, const char *id, struct forecast *f, bool *found);

/* What a forecast is looked up for: a command that changes data needs a
 * longer prefix (ID_PREFIX_MIN_CHANGE characters), so that a slip of one
 * character cannot name a forecast by accident. */
enum id_use {
	ID_READ,
	ID_CHANGE
};
#define ID_PREFIX_MIN_CHANGE 4

/*
 * Reads the forecast an editor named into f (initialised here; release it
 * either way): id is a whole id, or the start of exactly one (for
 * ID_CHANGE at least ID_PREFIX_MIN_CHANGE characters).  An unknown or
 * ambiguous id is a data error (65), a prefix too short for a change a
 * usage error (2), each reported.
 */
int store_forecast_lookup(struct store *s, const char *id, enum id_use use, struct forecast *f);

enum store_put {
	STORE_PUT_NEW,       /* inserted */
	STORE_PUT_CHANGED,   /* updated; history rows written */
	STORE_PUT_UNCHANGED, /* identical to what was stored */
};

/*
 * Inserts f, or updates the stored forecast with the same id column by
 * column, writing one history row per changed column with the old and new
 * value, the time `at` and `reason`.  A new forecast gets one history row
 * ("created"), or, during a load, belongs to the load.  Sets *result when not NULL.
 */
int store_forecast_put(struct store *s, const struct forecast *f, const char *at,
		       const char *reason, enum store_put *result);

/*
 * Readies the open write transaction for storing many forecasts (import):
 * a bigger page cache (64 MiB; memory used only as pages are read).
 */
int store_bulk_begin(struct store *s);

/*
 * From store_load_begin to store_load_end, the forecasts stored new
 * (store_forecast_put, store_forecast_add) are one load, an import of a
 * file: one row of `load` with the time `at` and `reason`, made at the
 * first of them, instead of a "created" row of history each.  `show`
 * gives the same history either way (store_history_each).  A rollback
 * ends the load.
 */
/*
 * Before the first write of the open write transaction, when nothing is
 * stored yet (no forecast, no article): the rest of it goes through
 * SQLite's rollback journal instead of the WAL, which writes every new
 * page twice (into the WAL, then into the database when the WAL is copied
 * back).  Readers wait for the commit meanwhile, and lose nothing by it:
 * until then there is nothing to read.  It is not done (silently) when
 * another connection has the database open; WAL mode comes back at the
 * commit or rollback.
 */
int store_load_journal(struct store *s);
void store_load_begin(struct store *s, const char *at, const char *reason);
void store_load_end(struct store *s);

/* Sets *empty to whether no forecast is stored. */
int store_forecast_empty(struct store *s, bool *empty);

/*
 * Stores f as store_forecast_put stores a new forecast, without first
 * looking for a stored one: for a load into an empty table (an import,
 * its ids checked unique).  A stored id is still
 * refused, as an error, by the table's UNIQUE constraint.
 */
int store_forecast_add(struct store *s, const struct forecast *f);
/* Stores f, with its history, from stored article article_id (for its
 * context and evidence; < 0 for none), without first looking for a stored
 * one. */
int store_forecast_add_from(struct store *s, const struct forecast *f, const char *at,
			    const char *reason, long long article_id);

/* Which forecasts store_forecast_each visits; NULL members match all. */
struct forecast_filter {
	const char *status;
	const char *speaker; /* compared normalised (speaker_normalise) */
	const char *topic;   /* matches one of the ;-separated topics */
	bool open_only;      /* accepted with no outcome */
	/* The rows come unchecked: the caller checks each by the ledger's
	 * rules (ledger_check_field, on any thread) and reports the first
	 * that fails with store_forecast_refused.  fn is then called once
	 * more, with f NULL, after the last row or when reading fails, before
	 * the store reports anything: where the caller reports what it found,
	 * so that it comes first, as from a row checked here. */
	bool unchecked;
};

/*
 * Calls fn for every matching forecast in ledger order (the order they
 * entered the database).  fn returns 0 to go on or an exit code to stop,
 * which is then returned.  The forecast is valid only during the call,
 * and has no context (store_forecast_lookup gives it).  A row that fails
 * the ledger's checks (the database was changed by hand) is reported and
 * stops the walk with LIKELY_DATAERR, unless flt->unchecked.
 */
int store_forecast_each(struct store *s, const struct forecast_filter *flt,
			int (*fn)(const struct forecast *f, void *ctx), void *ctx);

/* Reports that column c of forecast id holds value, which the ledger's
 * rules refuse (why, as ledger_check_field says), as store_forecast_each
 * does; returns LIKELY_DATAERR. */
int store_forecast_refused(struct store *s, const char *id, int c, const char *why,
			   const char *value);

struct history_entry {
	const char *at, *field, *old_value, *new_value, *reason;
};

/* Calls fn for each history row of forecast id, oldest first. */
int store_history_each(struct store *s, const char *id,
		       int (*fn)(const struct history_entry *h, void *ctx), void *ctx);

/* An article as extraction found it (all strings, "" when unknown). */
struct article_rec {
	const char *file, *title, *published, *author, *source, *url;
	const char *digest; /* of the article's text, to notice a changed page */
};

/*
 * Stores an article, or finds it (same file, title and date) and updates
 * its metadata; either way its sentences are dropped so that the caller
 * adds the current ones (a page extracted again may have changed).  *id is
 * its row id.
 */
int store_article_begin(struct store *s, const struct article_rec *a, long long *id);
/* Records the digest of the article's text once all of it was read. */
int store_article_set_digest(struct store *s, long long id, const char *digest);
/* Adds the next sentence of an article, text[0..len).  An article's
 * sentences are stored together, as one text, when the article ends (the
 * next store_article_begin, store_article_set_digest, or the end of the
 * page's savepoint or of the transaction), and are searchable from then
 * on: a failure to store them is reported by that call. */
int store_sentence_add(struct store *s, long long article_id, const char *text, size_t len);

struct evidence_hit {
	const char *file, *title, *published, *sentence;
	double rank; /* bm25: lower is more relevant */
};

/*
 * Sentences from articles published after `after` (ISO date) that match
 * the full-text query, best first by bm25 (ties: the earlier article
 * first), at most limit.  query is FTS5 phrases in double quotes joined by
 * OR (claim_search_query's).  bm25's counts are taken over the sentences
 * of the later articles that hold a word of the query (evidence_bm25).
 * Writes nothing, so works on a database opened read-only too.  fn as for
 * store_forecast_each.
 */
int store_evidence_each(struct store *s, const char *query, const char *after, long limit,
			int (*fn)(const struct evidence_hit *h, void *ctx), void *ctx);

#endif
