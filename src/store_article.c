/*
 * store_article: articles and their sentences, which feed the full-text
 * index that `evidence` searches (SQLite FTS5, built into Debian's
 * sqlite3, with the unicode61 tokenizer so Cyrillic is split into words).
 */
#include "store_impl.h"

int store_article_begin(struct store *s, const struct article_rec *a,
			long long *id)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_prepare(s,
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
	if (step == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	while (step == SQLITE_ROW)
		step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return store_fail(s, step, "storing an article");

	if ((rc = store_prepare(s, "DELETE FROM sentence WHERE article_id = ?1", &st)))
		return rc;
	sqlite3_bind_int64(st, 1, *id);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? LIKELY_OK
		: store_fail(s, step, "replacing an article's sentences");
}

int store_article_set_digest(struct store *s, long long id, const char *digest)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, "UPDATE article SET digest = ?2 WHERE id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, digest, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? LIKELY_OK
		: store_fail(s, step, "storing an article's digest");
}

int store_sentence_add(struct store *s, long long article_id, int ord,
		       int paragraph, const char *text)
{
	sqlite3_stmt *st;
	int rc = store_cached(s, STMT_SENTENCE_ADD,
		"INSERT INTO sentence (article_id, ord, paragraph, text)"
		" VALUES (?1, ?2, ?3, ?4)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int(st, 2, ord);
	sqlite3_bind_int(st, 3, paragraph);
	sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	return step == SQLITE_DONE ? LIKELY_OK
		: store_fail(s, step, "storing a sentence");
}

int store_forecast_link(struct store *s, const char *forecast_id,
			long long article_id)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s, "UPDATE forecast SET article_id = ?2"
			       " WHERE id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, forecast_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, article_id);
	int step = sqlite3_step(st);
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? LIKELY_OK
		: store_fail(s, step, "linking a forecast to its article");
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
