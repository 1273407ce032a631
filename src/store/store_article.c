/*
 * store_article: articles and their text, which feeds the full-text index
 * that `evidence` searches (SQLite FTS5, built into Debian's sqlite3, with
 * the unicode61 tokenizer so Cyrillic is split into words).  An article's
 * sentences are one row (schema version 6): what extraction splits is kept
 * with U+001E between sentences, so that `evidence` gets the very same
 * sentences back without splitting again.
 *
 * The index (schema 11) is contentless and is given each text's distinct
 * runs (runset.h), not the text: it only says which article holds which
 * word (detail=none), the runs hold exactly the text's words, and FTS5's
 * work is a token at a time, so a text's 45 000 bytes became a thousand
 * or so (a third of a stored extract's extra time went to indexing).
 * `evidence` reads nothing else from it.  An external-content index could
 * not be given less than its content: FTS5 tokenizes the content again to
 * delete, rebuild or check it.
 */
#include "store_impl.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/*
 * likely_fts_words(text): what the index is given for text, its distinct
 * runs; NULL for NULL.  A text's index entry is deleted by giving FTS5
 * the same words again, and the trigger article_text_ad does that
 * whoever deletes the text: an SQL function rather than C in the store,
 * so that the database keeps the index in step by itself.  A program
 * that does not have the function (the sqlite3 shell) then fails to
 * delete an article's text rather than leave its words in the index,
 * where `evidence` would count an article that is not there.  Never
 * change what it returns: the words of every text indexed before must
 * come back the same.
 */
static void fts_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *s = sqlite3_user_data(ctx);
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	(void)argc;
	if (!text)
		return; /* the result stays NULL */
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	struct buf out;
	buf_init(&out);
	runset_distinct(&s->runs, text, len, &out);
	size_t n = out.len;
	sqlite3_result_text64(ctx, buf_detach(&out), n, free, SQLITE_UTF8);
	buf_release(&out);
}

int store_words_register(struct store *s)
{
	int rc = sqlite3_create_function_v2(s->db, "likely_fts_words", 1,
					    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					    s, fts_words, NULL, NULL, NULL);
	return rc == SQLITE_OK ? LIKELY_OK : store_fail(s, rc, "registering a function");
}

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
 * trigger (its words given again), its index entry go. */
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

/* Writes the index entries waiting.  Each is a single-row statement
 * (no statement journal), one after another: FTS5 keeps the terms of
 * the entries in memory and writes them out as one segment when the
 * next statement that needs a statement journal begins (a forecast's
 * row, with its foreign key, is one).  Written as each article ended,
 * they made a segment per article, and merging those took twice as
 * long as indexing. */
static int index_write(struct store *s)
{
	sqlite3_stmt *st;
	int rc = LIKELY_OK;
	for (size_t i = 0; i < s->nindex && !rc; i++) {
		const struct store_index_row *row = &s->index_row[i];
		if ((rc = store_cached(s, STMT_TEXT_INDEX,
				       "INSERT INTO article_fts (rowid, text) VALUES (?1, ?2)",
				       &st)))
			break;
		sqlite3_bind_int64(st, 1, row->article);
		sqlite3_bind_text(st, 2, s->index_words.data + row->at, (int)row->len,
				  SQLITE_STATIC);
		rc = step_done(s, st, "indexing an article's text");
	}
	s->nindex = 0;
	buf_reset(&s->index_words);
	return rc;
}

static void text_reset(struct store *s)
{
	buf_reset(&s->text);
	s->text_article = -1;
	s->text_old = false;
	s->context_hint = 0;
	buf_reset(&s->context_last);
	s->context_read = 0;
}

/* The text goes in as one row, by a single-row statement (no statement
 * journal), and its index entry, its distinct runs as likely_fts_words
 * gives them, waits for the page's end (index_write).  An article seen
 * before keeps its stored text when it is the same (its entry in the
 * index too); else that text is replaced, after the entries waiting are
 * written (one may be the old text's, which the trigger deletes). */
int store_text_flush(struct store *s)
{
	sqlite3_stmt *st;
	long long id = s->text_article;
	int rc = LIKELY_OK;
	if (id < 0)
		return rc;
	if (s->text_old) {
		bool same;
		if ((rc = text_unchanged(s, id, &same)) || same || (rc = index_write(s)) ||
		    (rc = text_drop(s, id)))
			goto out;
	}
	if (s->text.len == 0)
		goto out;
	if ((rc = store_cached(s, STMT_TEXT_ADD,
			       "INSERT INTO article_text (article_id, text) VALUES (?1, ?2)", &st)))
		goto out;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, s->text.data, (int)s->text.len, SQLITE_STATIC);
	if ((rc = step_done(s, st, "storing an article's text")))
		goto out;
	if (s->nindex == s->capindex) {
		s->capindex = s->capindex ? 2 * s->capindex : 64;
		s->index_row = xrealloc(s->index_row, s->capindex * sizeof *s->index_row);
	}
	struct store_index_row *row = &s->index_row[s->nindex++];
	row->article = id;
	row->at = s->index_words.len;
	runset_distinct(&s->runs, s->text.data, s->text.len, &s->index_words);
	row->len = s->index_words.len - row->at;
out:
	text_reset(s);
	return rc;
}

int store_text_settle(struct store *s)
{
	int rc = store_text_flush(s);
	return rc ? rc : index_write(s);
}

void store_text_forget(struct store *s)
{
	text_reset(s);
	s->nindex = 0;
	buf_reset(&s->index_words);
}

/* The article's row by its key (file, title, date): found, or *id -1. */
static int article_find(struct store *s, const struct article_rec *a, long long *id)
{
	sqlite3_stmt *st;
	int rc = store_cached(
		s, STMT_ARTICLE_FIND,
		"SELECT id FROM article WHERE file = ?1 AND title = ?2 AND published = ?3", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, a->file ? a->file : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->title ? a->title : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->published ? a->published : "", -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	*id = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return step == SQLITE_ROW || step == SQLITE_DONE
		       ? LIKELY_OK
		       : store_fail(s, step, "storing an article");
}

/* An article seen before has its author, source and url updated; its old
 * text is dealt with when its new text is complete (store_text_flush):
 * dropped, or kept when the same, which saves indexing it again. */
static int article_again(struct store *s, const struct article_rec *a, long long id)
{
	sqlite3_stmt *st;
	int rc = store_cached(s, STMT_ARTICLE_UPDATE,
			      "UPDATE article SET author = ?2, source = ?3, url = ?4 WHERE id = ?1",
			      &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	const char *v[] = {a->author, a->source, a->url};
	for (int i = 0; i < 3; i++)
		sqlite3_bind_text(st, i + 2, v[i] ? v[i] : "", -1, SQLITE_STATIC);
	if ((rc = step_done(s, st, "storing an article")) ||
	    (rc = store_cached(s, STMT_TEXT_HAS,
			       "SELECT (SELECT max(seq) FROM forecast) FROM article_text"
			       " WHERE article_id = ?1",
			       &st)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		s->text_article = id;
		s->text_old = true;
		s->text_seq = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return step == SQLITE_ROW || step == SQLITE_DONE
		       ? LIKELY_OK
		       : store_fail(s, step, "replacing an article's text");
}

/*
 * The article is looked up, then updated or inserted, by single-row
 * statements rather than by one upsert (INSERT ... ON CONFLICT DO
 * UPDATE): SQLite runs an upsert with a statement journal, which copied
 * each page it changed to a temporary file first (80 MB for make
 * bench's 60 MB of pages), and each statement journal makes FTS5 write
 * out the terms it holds.  A new article has no text yet, and is not
 * asked about it: a DELETE, with a trigger that writes to the index,
 * opens a savepoint in FTS5 too.
 */
int store_article_begin(struct store *s, const struct article_rec *a, long long *id)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_text_flush(s)) || (rc = article_find(s, a, id)))
		return rc;
	if (*id >= 0)
		return article_again(s, a, *id);
	if ((rc = store_cached(s, STMT_ARTICLE_BEGIN,
			       "INSERT INTO article (file, title, published, author, source, url,"
			       " digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			       &st)))
		return rc;
	const char *v[] = {a->file,   a->title, a->published, a->author,
			   a->source, a->url,   a->digest};
	for (int i = 0; i < 7; i++)
		sqlite3_bind_text(st, i + 1, v[i] ? v[i] : "", -1, SQLITE_STATIC);
	if ((rc = step_done(s, st, "storing an article")))
		return rc;
	*id = sqlite3_last_insert_rowid(s->db);
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
