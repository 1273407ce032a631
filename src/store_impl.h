/*
 * store_impl: what the store_*.c files share and nobody else may see.
 */
#ifndef LIKELY_STORE_IMPL_H
#define LIKELY_STORE_IMPL_H

#include <sqlite3.h>

#include "likely/buf.h"
#include "likely/store.h"

/* Sentences wait in a batch and go in SENTENCE_BATCH rows to a statement:
 * each statement's own cost (about half of a one-row insert) is paid once
 * per batch. */
#define SENTENCE_BATCH 32

struct sentence_batch {
	long long article_id[SENTENCE_BATCH];
	int ord[SENTENCE_BATCH], paragraph[SENTENCE_BATCH];
	size_t at[SENTENCE_BATCH]; /* where each text starts in text */
	struct buf text;           /* the texts, each ending in NUL */
	int n;
};

/* Statements used once per row are prepared once per connection. */
enum store_stmt {
	STMT_FORECAST_GET,
	STMT_FORECAST_INSERT,
	STMT_FORECAST_UPDATE,
	STMT_HISTORY_ADD,
	STMT_SENTENCE_ADD,
	STMT_SENTENCE_BATCH,
	STMT_SENTENCE_INDEX,
	STMT_SENTENCE_PENDING,
	STMT_SENTENCE_CLEAR,
	STMT_ARTICLE_BEGIN,
	STMT_ARTICLE_DIGEST,
	STMT_FORECAST_LINK,
	STMT_SCORE_GROUP_ADD,
	STORE_NSTMT
};

#define STORE_BULK_INDEXES 1
/* The page cache while storing many forecasts, 64 MiB (negative: KiB,
 * not pages): with SQLite's 2 MB an import read back and wrote out the
 * same pages many times. */
#define BULK_CACHE "PRAGMA cache_size = -65536"

struct store {
	sqlite3 *db;
	sqlite3_stmt *cache[STORE_NSTMT];
	struct diag *diag;
	const char *path;
	int savepoints; /* depth of open savepoints */
	/* The first sentence row not yet in the full-text index (0: none).
	 * Sentences are indexed in one statement per page, not one per row:
	 * FTS5 writes its pending terms out at every statement that touches
	 * it, so a row at a time cost two thirds of a stored extract. */
	long long unindexed_from;
	struct sentence_batch batch; /* sentences not yet inserted */
	/* the statements that make the indexes store_bulk_begin dropped */
	char *bulk_sql[STORE_BULK_INDEXES];
};

/*
 * Reports the database error behind rc (SQLITE_BUSY/LOCKED -> 75, full
 * disk or I/O -> 74, anything else -> 1) with `what` saying what was being
 * done, and returns the exit code.
 */
int store_fail(struct store *s, int rc, const char *what);
/* Prepares sql; on failure reports it and returns the exit code. */
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st);
/*
 * The cached statement `which` (prepared from sql on first use), reset and
 * with its bindings cleared.  Do not finalize it; store_close does.
 */
int store_cached(struct store *s, enum store_stmt which, const char *sql,
		 sqlite3_stmt **st);
/* Adds the sentences stored since the last call to the full-text index
 * (store_release and store_commit call it before they end a page). */
int store_sentences_index(struct store *s);
/* Inserts the batch of sentences waiting (before anything reads the
 * sentence table). */
int store_sentences_flush(struct store *s);
/* Drops the batch (a rollback) and forgets what was not indexed. */
void store_sentences_forget(struct store *s);
/* Runs statements without results. */
int store_exec(struct store *s, const char *sql);
/* Column text as a C string, "" for NULL. */
const char *store_text(sqlite3_stmt *st, int col);

#endif
