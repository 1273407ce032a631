/*
 * store_impl: what the store_*.c files share and nobody else may see.
 */
#ifndef LIKELY_STORE_IMPL_H
#define LIKELY_STORE_IMPL_H

#include <sqlite3.h>

#include "likely/store.h"

struct store {
	sqlite3 *db;
	struct diag *diag;
	const char *path;
	int savepoints; /* depth of open savepoints */
};

/*
 * Reports the database error behind rc (SQLITE_BUSY/LOCKED -> 75, full
 * disk or I/O -> 74, anything else -> 1) with `what` saying what was being
 * done, and returns the exit code.
 */
int store_fail(struct store *s, int rc, const char *what);
/* Prepares sql; on failure reports it and returns the exit code. */
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st);
/* Runs statements without results. */
int store_exec(struct store *s, const char *sql);
/* Column text as a C string, "" for NULL. */
const char *store_text(sqlite3_stmt *st, int col);

#endif
