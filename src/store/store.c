/*
 * store: opening, schema migrations, transactions and the forecast table.
 *
 * Choices (NOTES-dependencies.md §1): WAL with synchronous=NORMAL (bulk
 * writes are 50x faster than the default and still durable at commit
 * boundaries for our purposes), a 5 s busy timeout, foreign keys on (off
 * by default in SQLite), STRICT tables so a wrong type is an error rather
 * than silently stored, and BEGIN IMMEDIATE so a writer never hits
 * SQLITE_BUSY half-way through a transaction.
 */
#include "store_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "likely/base/buf.h"

/* The page size of a new database: 8 KiB pages took a quarter off a
 * million-row import against SQLite's 4 KiB (half the pages to write to
 * the WAL and to copy back from it; a forecast row is about 300 bytes).
 * Older databases keep the size they were made with. */
#define PAGE_SIZE_TEXT "8192"

/* SQLite's application_id for likely's files: "LKLY". */
#define APP_ID      0x4C4B4C59
#define APP_ID_TEXT "1280003161"

/* Each step takes the schema from version i to i + 1.  Never edit a step
 * that has shipped: add a new one. */
static const char *const migrations[] = {
	/* 1: everything SPEC.md needs */
	"CREATE TABLE article ("
	"  id INTEGER PRIMARY KEY,"
	"  file TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  published TEXT NOT NULL,"
	"  author TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT '',"
	"  url TEXT NOT NULL DEFAULT '',"
	"  section TEXT NOT NULL DEFAULT '',"
	"  digest TEXT NOT NULL,"
	"  UNIQUE (file, title, published)"
	") STRICT;"
	"CREATE TABLE sentence ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  paragraph INTEGER NOT NULL DEFAULT 0,"
	"  text TEXT NOT NULL,"
	"  UNIQUE (article_id, ord)"
	") STRICT;"
	"CREATE VIRTUAL TABLE sentence_fts USING fts5("
	"  text, content='sentence', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER sentence_ai AFTER INSERT ON sentence BEGIN"
	"  INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text);"
	"END;"
	"CREATE TRIGGER sentence_ad AFTER DELETE ON sentence BEGIN"
	"  INSERT INTO sentence_fts(sentence_fts, rowid, text)"
	"  VALUES ('delete', old.id, old.text);"
	"END;"
	"CREATE TABLE forecast ("
	"  seq INTEGER PRIMARY KEY," /* ledger order: the order of arrival */
	"  id TEXT NOT NULL UNIQUE,"
	"  file TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  published TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  url TEXT NOT NULL,"
	"  author TEXT NOT NULL,"
	"  topic TEXT NOT NULL,"
	"  claim TEXT NOT NULL,"
	"  cue TEXT NOT NULL,"
	"  probability TEXT NOT NULL,"
	"  horizon TEXT NOT NULL,"
	"  horizon_phrase TEXT NOT NULL,"
	"  status TEXT NOT NULL"
	"    CHECK (status IN ('candidate','accepted','rejected')),"
	"  outcome TEXT NOT NULL"
	"    CHECK (outcome IN ('','yes','no','partial','void')),"
	"  resolved_on TEXT NOT NULL,"
	"  evidence TEXT NOT NULL,"
	"  note TEXT NOT NULL,"
	"  context TEXT,"
	"  article_id INTEGER REFERENCES article(id) ON DELETE SET NULL"
	") STRICT;"
	"CREATE INDEX forecast_status ON forecast(status, outcome, horizon);"
	"CREATE TABLE history ("
	"  id INTEGER PRIMARY KEY,"
	"  forecast_id TEXT NOT NULL REFERENCES forecast(id) ON DELETE CASCADE,"
	"  at TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  old_value TEXT,"
	"  new_value TEXT,"
	"  reason TEXT NOT NULL DEFAULT ''"
	") STRICT;"
	"CREATE INDEX history_forecast ON history(forecast_id, id);"
	"CREATE TABLE score_run ("
	"  id INTEGER PRIMARY KEY,"
	"  as_of TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  options TEXT NOT NULL,"
	"  digest TEXT NOT NULL,"
	"  scored INTEGER NOT NULL,"
	"  brier REAL"
	") STRICT;"
	"CREATE TABLE score_group ("
	"  run_id INTEGER NOT NULL REFERENCES score_run(id) ON DELETE CASCADE,"
	"  by TEXT NOT NULL,"
	"  author TEXT NOT NULL,"
	"  topic TEXT NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  open INTEGER NOT NULL,"
	"  overdue INTEGER NOT NULL,"
	"  void INTEGER NOT NULL,"
	"  hedged INTEGER NOT NULL,"
	"  base_rate REAL, mean_probability REAL, brier REAL, brier_se REAL,"
	"  reliability REAL, resolution REAL, uncertainty REAL,"
	"  within_bin_variance REAL, within_bin_covariance REAL, skill REAL,"
	"  log_score REAL, ece REAL, spiegelhalter_z REAL, spiegelhalter_p REAL,"
	"  PRIMARY KEY (run_id, by, author, topic)"
	") STRICT;",
	/* 2: who made each forecast when it is not the article's own voice
	 * (the ledger's 19th column); old rows are the author's own */
	"ALTER TABLE forecast ADD COLUMN speaker TEXT NOT NULL DEFAULT '';",
	/* 3: the file says whose it is (`file` and other tools read it) */
	"PRAGMA application_id = " APP_ID_TEXT ";",
	/* 4: the checks on status and outcome as OR chains.  SQLite runs a
	 * CHECK's IN list by building a temporary b-tree for every row it
	 * writes (30% of an import's time); an OR chain compares in place and
	 * accepts the same values.  A CHECK cannot be altered, so the table
	 * is rebuilt as sqlite.org/lang_altertable.html#otheralter says:
	 * the same columns in the same order, every row with its seq, the
	 * index again; migrate() runs this with foreign keys off, so that
	 * dropping the old table does not take history's rows with it. */
	"CREATE TABLE forecast_v4 ("
	"  seq INTEGER PRIMARY KEY,"
	"  id TEXT NOT NULL UNIQUE,"
	"  file TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  published TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  url TEXT NOT NULL,"
	"  author TEXT NOT NULL,"
	"  topic TEXT NOT NULL,"
	"  claim TEXT NOT NULL,"
	"  cue TEXT NOT NULL,"
	"  probability TEXT NOT NULL,"
	"  horizon TEXT NOT NULL,"
	"  horizon_phrase TEXT NOT NULL,"
	"  status TEXT NOT NULL"
	"    CHECK (status = 'candidate' OR status = 'accepted'"
	" OR status = 'rejected'),"
	"  outcome TEXT NOT NULL"
	"    CHECK (outcome = '' OR outcome = 'yes' OR outcome = 'no'"
	" OR outcome = 'partial' OR outcome = 'void'),"
	"  resolved_on TEXT NOT NULL,"
	"  evidence TEXT NOT NULL,"
	"  note TEXT NOT NULL,"
	"  context TEXT,"
	"  article_id INTEGER REFERENCES article(id) ON DELETE SET NULL,"
	"  speaker TEXT NOT NULL DEFAULT ''"
	") STRICT;"
	"INSERT INTO forecast_v4 (seq, id, file, title, published, source, url,"
	"  author, topic, claim, cue, probability, horizon, horizon_phrase,"
	"  status, outcome, resolved_on, evidence, note, context, article_id,"
	"  speaker)"
	" SELECT seq, id, file, title, published, source, url, author, topic,"
	"  claim, cue, probability, horizon, horizon_phrase, status, outcome,"
	"  resolved_on, evidence, note, context, article_id, speaker"
	" FROM forecast ORDER BY seq;"
	"DROP TABLE forecast;"
	"ALTER TABLE forecast_v4 RENAME TO forecast;"
	"CREATE INDEX forecast_status ON forecast(status, outcome, horizon);",
	/* 5: sentences are indexed by the store, a page at a time
	 * (store_sentences_index), no longer one row at a time by a trigger;
	 * what is already indexed stays as it is, so old sentences are still
	 * found.  The delete trigger stays.  FTS5 merges its segments 16 at
	 * a time rather than 4: a sixth less work when storing, a few more
	 * segments to read when searching, the same results. */
	"DROP TRIGGER IF EXISTS sentence_ai;"
	"INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('automerge', 16);",
	/* 6: an article's sentences in one row, in order, each ending where
	 * a U+001E (record separator) starts the next: a row per sentence, and
	 * its index entry, had made storing six times as slow as reading.
	 * The full-text index is over articles and only says which ones hold
	 * a word (detail=none: no positions, no sizes, a hundredth of the
	 * size); `evidence` splits the articles it finds at the separators
	 * and ranks their sentences itself (store_evidence.c).  Old
	 * sentences are joined in their order, a separator in one (there
	 * can be none: the page reader refuses control characters) made a
	 * space. */
	"CREATE TABLE article_text ("
	"  article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,"
	"  text TEXT NOT NULL"
	") STRICT;"
	/* (the order of group_concat over an ordered subquery is SQLite's
	 * habit, not its promise, and ORDER BY inside it needs 3.44; as a
	 * window function its frame's order is the promise) */
	"INSERT INTO article_text (article_id, text)"
	" SELECT article_id, text FROM (SELECT article_id, row_number() OVER w AS n,"
	"  group_concat(replace(text, char(30), ' '), char(30)) OVER (w ROWS BETWEEN"
	"  UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS text FROM sentence"
	"  WINDOW w AS (PARTITION BY article_id ORDER BY ord))"
	" WHERE n = 1;"
	"DROP TABLE sentence_fts;"
	"DROP TABLE sentence;"
	"CREATE VIRTUAL TABLE article_fts USING fts5("
	"  text, content='article_text', content_rowid='article_id',"
	"  tokenize='unicode61 remove_diacritics 2', detail=none, columnsize=0);"
	"INSERT INTO article_fts (article_fts) VALUES ('rebuild');"
	"CREATE TRIGGER article_text_ad AFTER DELETE ON article_text BEGIN"
	"  INSERT INTO article_fts (article_fts, rowid, text)"
	"  VALUES ('delete', old.article_id, old.text);"
	"END;",
	/* 7: no index on (status, outcome, horizon).  No query reads it:
	 * the forecast queries filter with "?1 IS NULL OR status = ?1" and
	 * go in seq order, which SQLite answers by a scan of the table
	 * (EXPLAIN QUERY PLAN), and the rest look up ids.  Keeping it cost
	 * an import of a million rows 1.5 s. */
	"DROP INDEX IF EXISTS forecast_status;",
	/* 8: no article section: nothing ever filled it (the page reader
	 * gives headings per paragraph, not a section per article). */
	"ALTER TABLE article DROP COLUMN section;",
	/* 9: a forecast's context may be a reference into its article's
	 * stored text rather than a copy: context NULL, context_at the byte
	 * where it starts and context_len its bytes, the U+001E between
	 * sentences read as spaces (store_forecast.c rebuilds it).  The
	 * copies were half of a stored extract's database and a sixth of
	 * its time; a context not found verbatim in the text is still
	 * copied, and an article whose text changes has its forecasts'
	 * contexts copied out first (store_article.c), found by the index. */
	"ALTER TABLE forecast ADD COLUMN context_at INTEGER;"
	"ALTER TABLE forecast ADD COLUMN context_len INTEGER;"
	"CREATE INDEX forecast_context ON forecast(article_id, seq)"
	" WHERE context_len IS NOT NULL;",
	/* 10: an import of a file is one event, a row of `load` (when, and
	 * the reason, "import FILE"), and each forecast it created points
	 * to it (forecast.load_id) instead of having a "created" row of
	 * history of its own: those rows and their index were a third of an
	 * import's time and of its database (a million rows: 1.0 s of 3.2,
	 * 96 MB of 321).  `show` gives the same history (store_history_each
	 * makes the "created" entry from the load).  Forecasts stored before
	 * keep their rows; forecasts are never deleted, so a load's
	 * forecasts are exactly those that point to it. */
	"CREATE TABLE load ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  reason TEXT NOT NULL"
	") STRICT;"
	"ALTER TABLE forecast ADD COLUMN load_id INTEGER REFERENCES load(id);",
	/* 11: the full-text index contentless, given each article's distinct
	 * runs (likely_fts_words, store_article.c) rather than its text:
	 * FTS5 does its work a token at a time, and indexing every word of
	 * every sentence was a third of what storing added to a dry run.  The
	 * index says which article holds which word as before, so `evidence`
	 * finds the same.  An external-content index cannot be given less
	 * than its content (FTS5 reads the content again to delete or check),
	 * so this one keeps none, and its trigger deletes with the same words
	 * it was given.  Made again from every stored text. */
	"DROP TRIGGER article_text_ad;"
	"DROP TABLE article_fts;"
	"CREATE VIRTUAL TABLE article_fts USING fts5("
	"  text, content='',"
	"  tokenize='unicode61 remove_diacritics 2', detail=none, columnsize=0);"
	"INSERT INTO article_fts (rowid, text)"
	" SELECT article_id, likely_fts_words(text) FROM article_text ORDER BY article_id;"
	"CREATE TRIGGER article_text_ad AFTER DELETE ON article_text BEGIN"
	"  INSERT INTO article_fts (article_fts, rowid, text)"
	"  VALUES ('delete', old.article_id, likely_fts_words(old.text));"
	"END;",
};

/*
 * What a likely database holds, table by table, as of version 1 and
 * still, and the tables and columns that later migrations add or remove
 * (checked while the file's version has them):
 * store_open checks it before touching a file, so another program's
 * database, or one changed by hand, is refused rather than "upgraded".
 * Keep it in step with the migrations.
 */
/* clang-format off */
static const char *const expected_tables[][32] = {
	{"article", "id", "file", "title", "published", "author", "source", "url",
	 "digest", NULL},
	{"forecast", "seq", "id", "file", "title", "published", "source", "url",
	 "author", "topic", "claim", "cue", "probability", "horizon",
	 "horizon_phrase", "status", "outcome", "resolved_on", "evidence", "note",
	 "context", "article_id", NULL},
	{"history", "id", "forecast_id", "at", "field", "old_value", "new_value",
	 "reason", NULL},
	{"score_run", "id", "as_of", "created_at", "options", "digest", "scored",
	 "brier", NULL},
	{"score_group", "run_id", "by", "author", "topic", "n", "open", "overdue",
	 "void", "hedged", "base_rate", "mean_probability", "brier", "brier_se",
	 "reliability", "resolution", "uncertainty", "within_bin_variance",
	 "within_bin_covariance", "skill", "log_score", "ece", "spiegelhalter_z",
	 "spiegelhalter_p", NULL},
};
/* clang-format on */

static const struct {
	const char *table, *column; /* column NULL: the table itself */
	long long since;            /* the schema version that added it */
	long long until;            /* the version that removed it, 0 if none did */
} later_columns[] = {
	{"forecast", "speaker", 2, 0},
	{"article", "section", 1, 8},
	{"sentence", "text", 1, 6},
	{"sentence", "article_id", 1, 6},
	{"sentence", "ord", 1, 6},
	{"article_text", "article_id", 6, 0},
	{"article_text", "text", 6, 0},
	{"forecast", "context_at", 9, 0},
	{"forecast", "context_len", 9, 0},
	{"load", "id", 10, 0},
	{"load", "at", 10, 0},
	{"load", "reason", 10, 0},
	{"forecast", "load_id", 10, 0},
};

#define NMIGRATIONS (sizeof migrations / sizeof migrations[0])

int store_fail(struct store *s, int rc, const char *what)
{
	const char *msg = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return diag_report(s->diag, LIKELY_TEMPFAIL, s->path, 0,
				   "database is busy (%s); try again", what);
	case SQLITE_FULL:
	case SQLITE_IOERR:
		return diag_report(s->diag, LIKELY_IOERR, s->path, 0, "%s: %s", what, msg);
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
		return diag_report(s->diag, LIKELY_CANTCREAT, s->path, 0, "%s: %s", what, msg);
	case SQLITE_NOTADB:
		return diag_report(s->diag, LIKELY_DATAERR, s->path, 0,
				   "not a likely database (%s)", msg);
	case SQLITE_CORRUPT:
		return diag_report(s->diag, LIKELY_DATAERR, s->path, 0, "%s: %s", what, msg);
	default:
		return diag_report(s->diag, LIKELY_FAILURE, s->path, 0, "%s: %s", what, msg);
	}
}

int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
	return rc == SQLITE_OK ? LIKELY_OK : store_fail(s, rc, "preparing a query");
}

int store_cached(struct store *s, enum store_stmt which, const char *sql, sqlite3_stmt **st)
{
	if (!s->cache[which]) {
		int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
					    &s->cache[which], NULL);
		if (rc != SQLITE_OK)
			return store_fail(s, rc, "preparing a query");
	}
	*st = s->cache[which];
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	return LIKELY_OK;
}

int store_exec(struct store *s, const char *sql)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? LIKELY_OK : store_fail(s, rc, "writing");
}

const char *store_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

int store_schema_version(struct store *s, int *version)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, "PRAGMA user_version", &st);
	if (rc)
		return rc;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*version = sqlite3_column_int(st, 0);
		rc = LIKELY_OK;
	} else {
		rc = store_fail(s, step, "reading the schema version");
	}
	sqlite3_finalize(st);
	return rc;
}

/* Runs with foreign keys off (SQLite ignores the pragma inside a
 * transaction, so store_open turns them on only afterwards): a step that
 * rebuilds a table drops the old one, which would otherwise cascade.  No
 * step changes a key, so none can leave a reference dangling. */
static int migrate(struct store *s)
{
	int version, rc;
	if ((rc = store_schema_version(s, &version)))
		return rc;
	if (version == (int)NMIGRATIONS)
		return LIKELY_OK;
	if ((rc = store_exec(s, "PRAGMA foreign_keys = OFF;")) || (rc = store_begin(s)))
		return rc;
	/* Re-read inside the write lock: another process may have migrated. */
	if ((rc = store_schema_version(s, &version)))
		goto fail;
	for (; version < (int)NMIGRATIONS; version++) {
		char pragma[48];
		if ((rc = store_exec(s, migrations[version])))
			goto fail;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version + 1);
		if ((rc = store_exec(s, pragma)))
			goto fail;
	}
	return store_commit(s);
fail:
	store_rollback(s);
	return rc;
}

/* One integer from a query such as "PRAGMA application_id". */
static int query_int(struct store *s, const char *sql, long long *v)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, sql, &st);
	if (rc)
		return rc;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	else
		rc = store_fail(s, step, "reading the database header");
	sqlite3_finalize(st);
	return rc;
}

static int foreign(struct store *s, const char *why)
{
	return diag_report(s->diag, LIKELY_DATAERR, s->path, 0,
			   "not a likely database (%s); it was left as it was", why);
}

/* Checks that table has column (column NULL: that the table is there),
 * through st, the pragma_table_info query of check_tables. */
static int check_column(struct store *s, sqlite3_stmt *st, const char *table, const char *column)
{
	char why[160];
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	if (column)
		sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		return LIKELY_OK;
	if (step != SQLITE_DONE)
		return store_fail(s, step, "reading the schema");
	if (!column)
		snprintf(why, sizeof why, "table '%s' is missing", table);
	else
		snprintf(why, sizeof why, "table '%s' has no column '%s'", table, column);
	return foreign(s, why);
}

/* Checks that every table and column likely uses is there: those of
 * version 1, and those later versions added as of the file's version. */
static int check_tables(struct store *s, long long version)
{
	sqlite3_stmt *st;
	int rc = store_prepare(
		s, "SELECT 1 FROM pragma_table_info(?1) WHERE ?2 IS NULL OR name = ?2", &st);
	if (rc)
		return rc;
	for (size_t t = 0; !rc && t < sizeof expected_tables / sizeof expected_tables[0]; t++) {
		const char *const *tab = expected_tables[t];
		rc = check_column(s, st, tab[0], NULL);
		for (size_t c = 1; tab[c] && !rc; c++)
			rc = check_column(s, st, tab[0], tab[c]);
	}
	for (size_t k = 0; !rc && k < sizeof later_columns / sizeof later_columns[0]; k++)
		if (version >= later_columns[k].since &&
		    (!later_columns[k].until || version < later_columns[k].until))
			rc = check_column(s, st, later_columns[k].table, later_columns[k].column);
	sqlite3_finalize(st);
	return rc;
}

/*
 * Decides, by reading only, whether the file is likely's: its
 * application_id is ours (or 0 in files made before it was set), its
 * user_version one we know, and its tables and columns ours.  A new,
 * empty file (no tables, version 0) is fine only when create is set, and
 * sets *fresh.
 */
static int recognise(struct store *s, bool create, bool *fresh)
{
	long long app, version, objects;
	char why[160];
	int rc;
	if ((rc = query_int(s, "PRAGMA application_id", &app)) ||
	    (rc = query_int(s, "PRAGMA user_version", &version)) ||
	    (rc = query_int(s, "SELECT count(*) FROM sqlite_master", &objects)))
		return rc;
	if (app != 0 && app != APP_ID) {
		snprintf(why, sizeof why, "its application_id 0x%08llx is another program's",
			 (unsigned long long)app & 0xFFFFFFFFULL);
		return foreign(s, why);
	}
	if (version == 0) {
		if (objects > 0)
			return foreign(s, "it holds tables but no likely schema version");
		if (!create)
			return diag_report(s->diag, LIKELY_DATAERR, s->path, 0,
					   "an empty database, not yet a likely one "
					   "(run 'likely init' first)");
		*fresh = true;
		return LIKELY_OK;
	}
	if (version > (int)NMIGRATIONS) {
		if (app == APP_ID)
			return diag_report(s->diag, LIKELY_FAILURE, s->path, 0,
					   "database schema version %lld is newer than this "
					   "likely understands (%d); upgrade likely",
					   version, (int)NMIGRATIONS);
		snprintf(why, sizeof why, "its user_version %lld is not one of likely's", version);
		return foreign(s, why);
	}
	if (version < 0)
		return foreign(s, "its user_version is negative");
	return check_tables(s, version);
}

/* The journal mode SQLite is left in after "PRAGMA journal_mode = mode"
 * (it answers with it; a mode it cannot change to leaves the old one). */
static bool journal_set(struct store *s, const char *mode)
{
	char sql[48];
	sqlite3_stmt *st;
	bool set = false;
	snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s", mode);
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW)
		set = strcmp(store_text(st, 0), mode) == 0;
	sqlite3_finalize(st);
	return set;
}

/* Where SQLite keeps the database's rollback journal. */
static char *journal_path(const char *path)
{
	struct buf journal;
	buf_init(&journal);
	buf_printf(&journal, "%s-journal", path);
	char *p = buf_detach(&journal);
	buf_release(&journal);
	return p;
}

/*
 * A load through the rollback journal (store_load_journal) killed before
 * its commit leaves SQLite's journal beside the database, not hot: its
 * header is written whole only when it is synced, before the database is
 * touched, so nothing of it reached the database and SQLite ignores it.
 * In WAL mode nothing uses a journal and nobody can leave WAL mode while
 * this connection is open, so one found now is stale and goes.
 */
static void journal_stale_remove(struct store *s)
{
	if (!journal_set(s, "wal"))
		return;
	char *journal = journal_path(s->path);
	(void)remove(journal);
	free(journal);
}

/*
 * A first load killed part-way (store_load_journal) may leave a hot
 * journal, which only a connection that may write can roll back; a
 * reading command opens such a file for writing (and then writes
 * nothing), so that it reads the database as it was, as any command
 * that writes would.  A journal that is not hot does no harm either way.
 */
static bool journal_waiting(const char *path)
{
	char *journal = journal_path(path);
	bool waiting = access(journal, F_OK) == 0 && access(path, W_OK) == 0;
	free(journal);
	return waiting;
}

/*
 * SQLite needs a -shm file beside a WAL database even to read it.  Where
 * none can be made (a read-only medium or folder) and there is no -wal
 * file whose changes it would need, nobody can be writing the database,
 * so it is opened as immutable instead: a "file:" URI, percent-encoded.
 */
static char *immutable_uri(const char *path)
{
	struct buf b, side;
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	bool usable;
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	usable = access(slash ? dir : ".", W_OK) != 0;
	free(dir);
	buf_init(&side);
	buf_printf(&side, "%s-wal", path);
	usable = usable && access(side.data, F_OK) != 0;
	buf_reset(&side);
	buf_printf(&side, "%s-shm", path);
	usable = usable && (access(side.data, F_OK) != 0 || access(side.data, W_OK) != 0);
	buf_release(&side);
	if (!usable)
		return NULL;
	buf_init(&b);
	buf_adds(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
			buf_addc(&b, (char)*p);
		else
			buf_printf(&b, "%%%02X", *p);
	}
	buf_adds(&b, "?immutable=1");
	char *uri = buf_detach(&b);
	buf_release(&b);
	return uri;
}

int store_open(const char *path, enum store_mode mode, struct diag *d, struct store **out)
{
	struct store *s = xcalloc(1, sizeof *s);
	bool create = mode == STORE_CREATE, readonly = mode == STORE_READONLY;
	bool fresh = false;
	int rc;

	*out = NULL;
	s->diag = d;
	s->path = path;
	if (!create && access(path, F_OK) != 0) {
		diag_report(d, LIKELY_NOINPUT, path, 0,
			    "no database here (run 'likely init' or pass --db)");
		free(s);
		return LIKELY_NOINPUT;
	}
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* for a command that only reads, the database is its input */
		rc = create ? LIKELY_CANTCREAT : LIKELY_NOINPUT;
		diag_report(d, rc, path, 0, "cannot open the database: it is a directory");
		free(s);
		return rc;
	}
	/* likely uses SQLite from one thread: without its mutexes and memory
	 * statistics (a mutex per allocation) a stored extract takes a tenth
	 * fewer instructions.  Only possible before SQLite's first use, so
	 * later calls fail, harmlessly. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	buf_init(&s->text);
	buf_init(&s->index_words);
	buf_init(&s->context_last);
	runset_init(&s->runs);
	s->text_article = -1;
	s->load_id = -1;
	buf_init(&s->load_at);
	buf_init(&s->load_reason);
	/* likely uses a connection from one thread only: without SQLite's
	 * per-connection mutex every bind and step is cheaper (the locking had
	 * cost 5% of an import) */
	bool recover = readonly && journal_waiting(path);
	int flags =
		SQLITE_OPEN_NOMUTEX |
		(readonly && !recover ? SQLITE_OPEN_READONLY
				      : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
	char *uri = readonly && !recover ? immutable_uri(path) : NULL;
	rc = sqlite3_open_v2(uri ? uri : path, &s->db, flags | (uri ? SQLITE_OPEN_URI : 0), NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		/* for a command that only reads, the database is its input */
		if (create)
			rc = store_fail(s, rc, "cannot open the database");
		else
			rc = diag_report(d, LIKELY_NOINPUT, path, 0, "cannot open the database: %s",
					 sqlite3_errmsg(s->db));
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	if ((rc = store_words_register(s)))
		goto fail;
	/* Nothing is written before the file is known to be ours. */
	if ((rc = recognise(s, create, &fresh)))
		goto fail;
	if (readonly) {
		/* a schema older than version 2 has no speaker column, which
		 * the commands read: a view in the connection's own temporary
		 * space gives it one (empty: the author's own voice), so the
		 * file is read as it is, never changed */
		int version;
		if ((rc = store_schema_version(s, &version)))
			goto fail;
		if (version >= 1 && version < 2 &&
		    (rc = store_exec(s, "CREATE TEMP VIEW forecast AS "
					"SELECT *, '' AS speaker FROM main.forecast;")))
			goto fail;
		/* opened for writing only so that SQLite could roll a
		 * journal back (done at the first read, in recognise) */
		if (recover && (rc = store_exec(s, "PRAGMA query_only = 1;")))
			goto fail;
	}
	if (!readonly) {
		/* journal_mode answers with a row; run it through exec and
		 * ignore it. */
		/* a page size can only be chosen before the first table */
		if (fresh && (rc = store_exec(s, "PRAGMA page_size = " PAGE_SIZE_TEXT ";")))
			goto fail;
		if ((rc = store_exec(s, "PRAGMA journal_mode = WAL;"
					"PRAGMA synchronous = NORMAL;")) ||
		    (rc = migrate(s)))
			goto fail;
		journal_stale_remove(s);
	}
	if ((rc = store_exec(s, "PRAGMA foreign_keys = ON;")))
		goto fail;
	int version;
	if ((rc = store_schema_version(s, &version)))
		goto fail;
	s->context_refs = version >= 9;
	s->loads = version >= 10;
	*out = s;
	return LIKELY_OK;
fail:
	store_close(s);
	return rc;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < STORE_NSTMT; i++)
		sqlite3_finalize(s->cache[i]);
	buf_release(&s->load_at);
	buf_release(&s->load_reason);
	sqlite3_close(s->db);
	buf_release(&s->text);
	buf_release(&s->index_words);
	buf_release(&s->context_last);
	free(s->index_row);
	runset_release(&s->runs);
	free(s);
}

int store_begin(struct store *s)
{
	return store_exec(s, "BEGIN IMMEDIATE");
}

/* In WAL mode readers never block writers, so a long scoring pass run in
 * a read transaction leaves editors free to resolve meanwhile. */
int store_begin_read(struct store *s)
{
	return store_exec(s, "BEGIN");
}

/* Back to WAL, and its syncing, after a load through the rollback
 * journal.  Should another connection stop that, the file stays in
 * rollback mode, which is as safe, until the next command that writes
 * opens it (store_open). */
static void journal_restore(struct store *s)
{
	if (!s->rollback_journal)
		return;
	s->rollback_journal = false;
	if (journal_set(s, "wal"))
		sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
}

int store_load_journal(struct store *s)
{
	long long stored;
	int rc;
	if (s->savepoints || s->rollback_journal)
		return LIKELY_OK;
	if ((rc = query_int(s,
			    "SELECT EXISTS (SELECT 1 FROM forecast)"
			    " OR EXISTS (SELECT 1 FROM article)",
			    &stored)) ||
	    stored)
		return rc;
	/* nothing is written yet: ending the transaction loses nothing */
	rc = store_exec(s, "COMMIT");
	if (rc)
		return rc;
	/* a crash part-way leaves a hot journal, which the next opening
	 * rolls back; FULL syncs the journal before the database is
	 * written, as crash safety in this mode asks */
	s->rollback_journal = journal_set(s, "delete");
	if (s->rollback_journal)
		rc = store_exec(s, "PRAGMA synchronous = FULL");
	if (!rc)
		rc = store_begin(s);
	return rc;
}

int store_commit(struct store *s)
{
	int rc = store_text_settle(s);
	if (!rc)
		rc = store_exec(s, "COMMIT");
	if (!rc)
		journal_restore(s);
	return rc;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->savepoints = 0;
	s->load_id = -1;
	store_text_forget(s);
	journal_restore(s);
}

int store_savepoint(struct store *s)
{
	/* no article's text or index entry waits across a savepoint, so a
	 * rollback to it can simply forget what waits */
	int rc = store_text_settle(s);
	/* The pages changed before go to the WAL now, outside any savepoint.
	 * Left in the page cache, those SQLite had to evict to make room
	 * while the next page was stored were first copied to the savepoint's
	 * journal, so that a rollback to it could restore them: 60 MB for
	 * make bench's pages, nearly everything. */
	if (!rc && sqlite3_db_cacheflush(s->db) != SQLITE_OK)
		rc = store_fail(s, sqlite3_errcode(s->db), "writing");
	if (!rc)
		rc = store_exec(s, "SAVEPOINT page");
	if (!rc)
		s->savepoints++;
	return rc;
}

int store_release(struct store *s)
{
	int rc = store_text_settle(s);
	if (!rc)
		rc = store_exec(s, "RELEASE page");
	if (!rc)
		s->savepoints--;
	return rc;
}

void store_rollback_savepoint(struct store *s)
{
	sqlite3_exec(s->db, "ROLLBACK TO page; RELEASE page", NULL, NULL, NULL);
	s->savepoints--;
	store_text_forget(s);
}
