/*
 * store_impl: what the store_*.c files share and nobody else may see.
 */
#ifndef LIKELY_STORE_IMPL_H
#define LIKELY_STORE_IMPL_H

#include <sqlite3.h>

#include "likely/base/buf.h"
#include "likely/store/store.h"
#include "likely/text/runset.h"

/* What stands between two sentences of an article's stored text
 * (U+001E, record separator). */
#define STORE_SENTENCE_SEP '\x1e'

/* A forecast's context as `show` gives it, in SQL, for a row of forecast
 * (columns unqualified) whose context may be a reference into its
 * article's text (schema 9): the stored copy, or the bytes referred to
 * with the sentence separators read as spaces. */
#define STORE_CONTEXT_REBUILD                                                                      \
	"CASE WHEN context_len IS NULL THEN context ELSE"                                          \
	" (SELECT CAST(replace(substr(CAST(t.text AS BLOB), context_at + 1, context_len),"         \
	" x'1e', ' ') AS TEXT) FROM article_text t WHERE t.article_id = forecast.article_id) END"

/* Statements used once per row are prepared once per connection. */
enum store_stmt {
	STMT_FORECAST_GET,
	STMT_FORECAST_INSERT,
	STMT_FORECAST_UPDATE,
	STMT_HISTORY_ADD,
	STMT_TEXT_ADD,
	STMT_TEXT_INDEX,
	STMT_TEXT_HAS,
	STMT_TEXT_CLEAR,
	STMT_TEXT_GET,
	STMT_CONTEXT_COPY,
	STMT_CONTEXT_GET,
	STMT_ARTICLE_FIND,
	STMT_ARTICLE_UPDATE,
	STMT_ARTICLE_BEGIN,
	STMT_ARTICLE_DIGEST,
	STMT_SCORE_GROUP_ADD,
	STORE_NSTMT
};

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
	/* The sentences of article text_article (-1: none) so far, each
	 * after the first behind a U+001E: stored as one row, and put in the
	 * full-text index, when the article ends (store_text_flush). */
	struct buf text;
	long long text_article;
	/* the index entries of the texts stored since the page's savepoint
	 * began (article index_row[i].article has the words at index_row[i].at,
	 * index_row[i].len in index_words): written together when it ends
	 * (store_text_settle) */
	struct buf index_words;
	struct store_index_row {
		long long article;
		size_t at, len;
	} * index_row;
	size_t nindex, capindex;
	struct runset runs; /* finds a text's words (likely_fts_words) */
	/* text_article had a stored text already: it is replaced (or kept,
	 * when the same) when the article ends */
	bool text_old;
	long long text_seq; /* the last forecast stored before it was seen again */
	/* the file's forecasts have context_at and context_len (schema 9;
	 * a file opened read-only may be older) */
	bool context_refs;
	/* forecasts may point to the load that created them (schema 10) */
	bool loads;
	/* the load the forecasts stored now belong to: -1 when they have a
	 * "created" row of history each, 0 while the load's row is still to
	 * be made (at the first forecast, so a file that creates none leaves
	 * no load) */
	long long load_id;
	struct buf load_at, load_reason;
	/* the write transaction goes through the rollback journal
	 * (store_load_journal) and WAL mode is to be set again after it */
	bool rollback_journal;
	/* where in text the last context was found, and that context: the
	 * next one is looked for from there first, and is found there at
	 * once when it is the same (a paragraph of several forecasts) */
	size_t context_hint;
	struct buf context_last;
	/* bytes read looking for contexts that were not where expected:
	 * bounded, so an article of many such contexts stays linear */
	size_t context_read;
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
int store_cached(struct store *s, enum store_stmt which, const char *sql, sqlite3_stmt **st);
/* Stores the text of the article whose sentences are waiting (before
 * anything reads the article's text), its index entry left waiting. */
int store_text_flush(struct store *s);
/* store_text_flush, then the waiting index entries written: when a
 * page's savepoint ends, and before the transaction commits. */
int store_text_settle(struct store *s);
/* Makes likely_fts_words(text), the words the full-text index is given
 * for an article's text (schema 11), a function of the connection: the
 * index's trigger and migration call it.  Returns the exit code. */
int store_words_register(struct store *s);
/* Drops the waiting text and index entries (a rollback). */
void store_text_forget(struct store *s);
/* Runs statements without results. */
int store_exec(struct store *s, const char *sql);
/* Column text as a C string, "" for NULL. */
const char *store_text(sqlite3_stmt *st, int col);

#endif
