/*
 * store_article: articles and their text, which feeds the full-text index
 * that `evidence` searches (SQLite FTS5, built into Debian's sqlite3, with
 * the unicode61 tokenizer so Cyrillic is split into words).  An article's
 * sentences are one row (schema version 6): what extraction splits is kept
 * with U+001E between sentences, so that `evidence` gets the very same
 * sentences back without splitting again.
 */
#include "store_impl.h"

#include <stdbool.h>
#include <string.h>

/* Runs a cached statement that returns no rows, and resets it so that it
 * holds nothing between uses. */
static int step_done(struct store *s, sqlite3_stmt *st, const char *what)
{
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	return step == SQLITE_DONE ? LIKELY_OK : store_fail(s, step, what);
}

/* Whether the article's stored text is what waits in s->text. */
static int text_unchanged(struct store *s, long long id, bool *same)
{
	sqlite3_stmt *st;
	int rc = store_cached(s, STMT_TEXT_GET,
			      "SELECT text FROM article_text WHERE article_id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	*same = step == SQLITE_ROW && (size_t)sqlite3_column_bytes(st, 0) == s->text.len &&
		memcmp(sqlite3_column_blob(st, 0), s->text.data, s->text.len) == 0;
	sqlite3_reset(st);
	return step == SQLITE_ROW || step == SQLITE_DONE
		       ? LIKELY_OK
		       : store_fail(s, step, "reading an article's text");
}

/* The old text goes: the contexts of the forecasts stored before this
 * article was seen again that point into it become copies first (those
 * stored since point into the new text), then the text and, by the
 * trigger, its index entry go. */
static int text_drop(struct store *s, long long id)
{
	sqlite3_stmt *st;
	int rc = store_cached(s, STMT_CONTEXT_COPY,
			      "UPDATE forecast SET context = " STORE_CONTEXT_REBUILD ","
			      " context_at = NULL, context_len = NULL"
			      " WHERE article_id = ?1 AND context_len IS NOT NULL AND seq <= ?2",
			      &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, s->text_seq);
	if ((rc = step_done(s, st, "copying forecasts' contexts")) ||
	    (rc = store_cached(s, STMT_TEXT_CLEAR, "DELETE FROM article_text WHERE article_id = ?1",
			       &st)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	return step_done(s, st, "replacing an article's text");
}

/* The text and its index entry go in as one row each, by single-row
 * statements: these need no statement journal, and FTS5 keeps the terms
 * in memory until the page's savepoint ends rather than writing them out
 * at every statement.  An article seen before keeps its stored text
 * when it is the same (its entry in the index too); else that text is
 * replaced. */
int store_text_flush(struct store *s)
{
	sqlite3_stmt *st;
	long long id = s->text_article;
	int rc = LIKELY_OK;
	if (id < 0)
		return rc;
	if (s->text_old) {
		bool same;
		if ((rc = text_unchanged(s, id, &same)) || same || (rc = text_drop(s, id)))
			goto out;
	}
	if (s->text.len == 0)
		goto out;
	if ((rc = store_cached(s, STMT_TEXT_ADD,
			       "INSERT INTO article_text (article_id, text) VALUES (?1, ?2)", &st)))
		goto out;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, s->text.data, (int)s->text.len, SQLITE_STATIC);
	if ((rc = step_done(s, st, "storing an article's text")) ||
	    (rc = store_cached(s, STMT_TEXT_INDEX,
			       "INSERT INTO article_fts (rowid, text) VALUES (?1, ?2)", &st)))
		goto out;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, s->text.data, (int)s->text.len, SQLITE_STATIC);
	rc = step_done(s, st, "indexing an article's text");
out:
	store_text_forget(s);
	return rc;
}

void store_text_forget(struct store *s)
{
	buf_reset(&s->text);
	s->text_article = -1;
	s->text_old = false;
	s->context_hint = 0;
	s->context_read = 0;
}

int store_article_begin(struct store *s, const struct article_rec *a, long long *id)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_text_flush(s)) ||
	    (rc = store_cached(s, STMT_ARTICLE_BEGIN,
			       "INSERT INTO article (file, title, published, author, source, url,"
			       " digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
			       " ON CONFLICT (file, title, published) DO UPDATE SET"
			       " author = excluded.author, source = excluded.source,"
			       " url = excluded.url RETURNING id",
			       &st)))
		return rc;
	const char *v[] = {a->file,   a->title, a->published, a->author,
			   a->source, a->url,   a->digest};
	for (int i = 0; i < 7; i++)
		sqlite3_bind_text(st, i + 1, v[i] ? v[i] : "", -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		step = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE)
		return store_fail(s, step, "storing an article");

	/* An article seen before has its old text dealt with when its new
	 * text is complete (store_text_flush): dropped, or kept when the
	 * same, which saves indexing it again.  A new one has none, and is
	 * not asked to: a DELETE, with a trigger that writes to the index,
	 * opens a savepoint in FTS5, which writes out the terms it holds in
	 * memory -- at every article, not once per page. */
	if ((rc = store_cached(s, STMT_TEXT_HAS,
			       "SELECT (SELECT max(seq) FROM forecast) FROM article_text"
			       " WHERE article_id = ?1",
			       &st)))
		return rc;
	sqlite3_bind_int64(st, 1, *id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		s->text_article = *id;
		s->text_old = true;
		s->text_seq = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_fail(s, step, "replacing an article's text");
	return LIKELY_OK;
}

int store_article_set_digest(struct store *s, long long id, const char *digest)
{
	sqlite3_stmt *st;
	int rc = store_text_flush(s);
	if (rc || (rc = store_cached(s, STMT_ARTICLE_DIGEST,
				     "UPDATE article SET digest = ?2 WHERE id = ?1", &st)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, digest, -1, SQLITE_STATIC);
	return step_done(s, st, "storing an article's digest");
}

int store_sentence_add(struct store *s, long long article_id, const char *text, size_t len)
{
	int rc = LIKELY_OK;
	if (article_id != s->text_article) {
		rc = store_text_flush(s);
		s->text_article = article_id;
	}
	if (s->text.len)
		buf_addc(&s->text, STORE_SENTENCE_SEP);
	/* the separator cannot be in a page's text (the page reader refuses
	 * control characters); were one to come, it is made a space rather
	 * than split a sentence in two */
	size_t at = s->text.len;
	buf_add(&s->text, text, len);
	for (char *p = s->text.data + at;
	     (p = memchr(p, STORE_SENTENCE_SEP, (size_t)(s->text.data + s->text.len - p))) != NULL;)
		*p = ' ';
	return rc;
}
