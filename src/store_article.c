/*
 * store_article: articles and their sentences, which feed the full-text
 * index that `evidence` searches (SQLite FTS5, built into Debian's
 * sqlite3, with the unicode61 tokenizer so Cyrillic is split into words).
 */
#include "store_impl.h"

/* Runs a cached statement that returns no rows, and resets it so that it
 * holds nothing between uses. */
static int step_done(struct store *s, sqlite3_stmt *st, const char *what)
{
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	return step == SQLITE_DONE ? LIKELY_OK : store_fail(s, step, what);
}

int store_sentences_index(struct store *s)
{
	sqlite3_stmt *st;
	int rc = store_sentences_flush(s);
	if (rc || !s->unindexed_from)
		return rc;
	rc = store_cached(s, STMT_SENTENCE_INDEX,
		"INSERT INTO sentence_fts (rowid, text)"
		" SELECT id, text FROM sentence WHERE id >= ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, s->unindexed_from);
	if ((rc = step_done(s, st, "indexing sentences")))
		return rc;
	s->unindexed_from = 0;
	return LIKELY_OK;
}

/*
 * The delete trigger takes an article's old sentences out of the index as
 * they go.  Sentences of this page not yet indexed (the same article twice
 * in one page) must be indexed first, or the trigger would take out what
 * was never put in, and FTS5 would be left inconsistent.
 */
static int index_if_pending(struct store *s, long long article_id)
{
	sqlite3_stmt *st;
	if (!s->unindexed_from)
		return LIKELY_OK;
	int rc = store_cached(s, STMT_SENTENCE_PENDING,
		"SELECT 1 FROM sentence WHERE article_id = ?1 AND id >= ?2 LIMIT 1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, s->unindexed_from);
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	if (step == SQLITE_ROW)
		return store_sentences_index(s);
	return step == SQLITE_DONE ? LIKELY_OK
		: store_fail(s, step, "replacing an article's sentences");
}

int store_article_begin(struct store *s, const struct article_rec *a,
			long long *id)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_sentences_flush(s)) ||
	    (rc = store_cached(s, STMT_ARTICLE_BEGIN,
		"INSERT INTO article (file, title, published, author, source, url,"
		" section, digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT (file, title, published) DO UPDATE SET"
		" author = excluded.author, source = excluded.source,"
		" url = excluded.url, section = excluded.section RETURNING id", &st)))
		return rc;
	const char *v[] = {a->file, a->title, a->published, a->author,
			   a->source, a->url, a->section, a->digest};
	for (int i = 0; i < 8; i++)
		sqlite3_bind_text(st, i + 1, v[i] ? v[i] : "", -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		step = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE)
		return store_fail(s, step, "storing an article");

	if ((rc = index_if_pending(s, *id)) ||
	    (rc = store_cached(s, STMT_SENTENCE_CLEAR,
			       "DELETE FROM sentence WHERE article_id = ?1", &st)))
		return rc;
	sqlite3_bind_int64(st, 1, *id);
	return step_done(s, st, "replacing an article's sentences");
}

int store_article_set_digest(struct store *s, long long id, const char *digest)
{
	sqlite3_stmt *st;
	int rc = store_cached(s, STMT_ARTICLE_DIGEST,
			      "UPDATE article SET digest = ?2 WHERE id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, digest, -1, SQLITE_STATIC);
	return step_done(s, st, "storing an article's digest");
}

/* Binds the batch's row i to st's parameters from first on. */
static void bind_sentence(sqlite3_stmt *st, int first, const struct sentence_batch *b,
			  int i)
{
	sqlite3_bind_int64(st, first, b->article_id[i]);
	sqlite3_bind_int(st, first + 1, b->ord[i]);
	sqlite3_bind_int(st, first + 2, b->paragraph[i]);
	sqlite3_bind_text(st, first + 3, b->text.data + b->at[i], -1, SQLITE_STATIC);
}

/* A full batch in one statement (rows get consecutive ids, so the first
 * is the last one's less the others). */
static int insert_batch(struct store *s, long long *first_id)
{
	struct sentence_batch *b = &s->batch;
	struct buf sql;
	sqlite3_stmt *st;
	buf_init(&sql);
	buf_adds(&sql, "INSERT INTO sentence (article_id, ord, paragraph, text) VALUES ");
	for (int i = 0; i < SENTENCE_BATCH; i++)
		buf_adds(&sql, i ? ", (?, ?, ?, ?)" : "(?, ?, ?, ?)");
	int rc = store_cached(s, STMT_SENTENCE_BATCH, sql.data, &st);
	buf_release(&sql);
	if (rc)
		return rc;
	for (int i = 0; i < SENTENCE_BATCH; i++)
		bind_sentence(st, 4 * i + 1, b, i);
	if ((rc = step_done(s, st, "storing sentences")))
		return rc;
	*first_id = sqlite3_last_insert_rowid(s->db) - (SENTENCE_BATCH - 1);
	return LIKELY_OK;
}

/* What is left of a batch, a row at a time. */
static int insert_rows(struct store *s, long long *first_id)
{
	struct sentence_batch *b = &s->batch;
	sqlite3_stmt *st;
	for (int i = 0; i < b->n; i++) {
		int rc = store_cached(s, STMT_SENTENCE_ADD,
			"INSERT INTO sentence (article_id, ord, paragraph, text)"
			" VALUES (?1, ?2, ?3, ?4)", &st);
		if (rc)
			return rc;
		bind_sentence(st, 1, b, i);
		if ((rc = step_done(s, st, "storing a sentence")))
			return rc;
		if (i == 0)
			*first_id = sqlite3_last_insert_rowid(s->db);
	}
	return LIKELY_OK;
}

int store_sentences_flush(struct store *s)
{
	struct sentence_batch *b = &s->batch;
	long long first_id = 0;
	if (b->n == 0)
		return LIKELY_OK;
	int rc = b->n == SENTENCE_BATCH ? insert_batch(s, &first_id)
					: insert_rows(s, &first_id);
	b->n = 0;
	buf_reset(&b->text);
	if (!rc && !s->unindexed_from)
		s->unindexed_from = first_id;
	return rc;
}

void store_sentences_forget(struct store *s)
{
	s->batch.n = 0;
	buf_reset(&s->batch.text);
	s->unindexed_from = 0;
}

int store_sentence_add(struct store *s, long long article_id, int ord,
		       int paragraph, const char *text, size_t len)
{
	struct sentence_batch *b = &s->batch;
	b->article_id[b->n] = article_id;
	b->ord[b->n] = ord;
	b->paragraph[b->n] = paragraph;
	b->at[b->n] = b->text.len;
	buf_add(&b->text, text, len);
	buf_addc(&b->text, '\0');
	b->n++;
	return b->n == SENTENCE_BATCH ? store_sentences_flush(s) : LIKELY_OK;
}

int store_forecast_link(struct store *s, const char *forecast_id,
			long long article_id)
{
	sqlite3_stmt *st;
	int rc = store_cached(s, STMT_FORECAST_LINK,
			      "UPDATE forecast SET article_id = ?2 WHERE id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, forecast_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, article_id);
	return step_done(s, st, "linking a forecast to its article");
}

int store_evidence_each(struct store *s, const char *query, const char *after,
			long limit,
			int (*fn)(const struct evidence_hit *h, void *ctx),
			void *ctx)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_prepare(s,
		"SELECT a.file, a.title, a.published, se.text, bm25(sentence_fts)"
		" FROM sentence_fts"
		" JOIN sentence se ON se.id = sentence_fts.rowid"
		" JOIN article a ON a.id = se.article_id"
		" WHERE sentence_fts MATCH ?1 AND a.published > ?2"
		" ORDER BY bm25(sentence_fts), a.published, se.id LIMIT ?3", &st)))
		return rc;
	sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, after, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, limit);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct evidence_hit h = {store_text(st, 0), store_text(st, 1),
					 store_text(st, 2), store_text(st, 3),
					 sqlite3_column_double(st, 4)};
		if ((rc = fn(&h, ctx)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail(s, step, "searching sentences");
	sqlite3_finalize(st);
	return rc;
}
