/*
 * store_impl: what the store_*.c files share and nobody else may see.
 */
#ifndef LIKELY_STORE_IMPL_H
#define LIKELY_STORE_IMPL_H

#include <sqlite3.h>

#include "likely/store.h"

/* Statements used once per row are prepared once per connection. */
enum store_stmt {
	STMT_FORECAST_GET,
	STMT_FORECAST_INSERT,
	STMT_FORECAST_UPDATE,
	STMT_HISTORY_ADD,
	STMT_SENTENCE_ADD,
	STMT_SCORE_GROUP_ADD,
	STORE_NSTMT
};

#define STORE_BULK_INDEXES 2
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
/* Runs statements without results. */
int store_exec(struct store *s, const char *sql);
/* Column text as a C string, "" for NULL. */
const char *store_text(sqlite3_stmt *st, int col);

#endif
