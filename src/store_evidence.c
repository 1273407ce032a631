/*
 * store_evidence: sentences of later articles that may settle a forecast.
 *
 * The full-text index (schema 6) is over whole articles and knows only
 * which article holds which word.  A search takes the later articles that
 * hold a word of the query, puts their sentences in a temporary FTS5 table
 * in the connection's own temporary space, and asks that the query: bm25
 * ranks the sentences as it did when every stored sentence was indexed,
 * except that what it counts (how many sentences hold a word, how long a
 * sentence is on average) is counted over those articles' sentences, not
 * over all of them.  A file of an older schema opened read-only (never
 * upgraded) is searched as before, sentence by sentence.
 */
#include "store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "likely/buf.h"

/* As the stored indexes tokenize: the query must find what they hold. */
#define TOKENIZE "tokenize='unicode61 remove_diacritics 2'"

/* The article whose sentences start at each row of the temporary table. */
struct spans {
	long long *article, *first;
	size_t n, cap;
};

/* Schema 5 and before: one indexed row per sentence. */
static int sentence_search(struct store *s, const char *query, const char *after,
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

struct phrase_tokens {
	struct buf *q;
	int n;
};

static int add_token(void *data, int flags, const char *tok, int len, int start,
		     int end)
{
	struct phrase_tokens *t = data;
	(void)start;
	(void)end;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	buf_adds(t->q, t->n++ ? " AND \"" : "(\"");
	for (int i = 0; i < len; i++) {
		if (tok[i] == '"')
			buf_addc(t->q, '"');
		buf_addc(t->q, tok[i]);
	}
	buf_addc(t->q, '"');
	return SQLITE_OK;
}

/*
 * The query for the article index: an index without positions cannot
 * match a phrase of two tokens or more ("Poland's" is poland, s), so each
 * quoted phrase of the query becomes its tokens AND-ed, which every
 * article that holds the phrase matches.  The tokens are FTS5's own, from
 * its unicode61 tokenizer.  Leaves pre empty when no phrase has a token.
 */
static int article_query(struct store *s, const char *query, struct buf *pre)
{
	static const char *args[] = {"remove_diacritics", "2"};
	fts5_api *api = NULL;
	fts5_tokenizer tok;
	Fts5Tokenizer *t = NULL;
	sqlite3_stmt *st;
	void *ud;
	struct buf phrase, one;
	int rc = store_prepare(s, "SELECT fts5(?1)", &st);

	if (rc)
		return rc;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->xFindTokenizer(api, "unicode61", &ud, &tok) != SQLITE_OK ||
	    tok.xCreate(ud, args, 2, &t) != SQLITE_OK)
		return store_fail(s, SQLITE_ERROR, "finding the full-text tokenizer");
	buf_init(&phrase);
	buf_init(&one);
	for (const char *p = query; (p = strchr(p, '"')) != NULL;) {
		/* a quoted phrase; "" inside it is one quote */
		buf_reset(&phrase);
		for (p++; *p && !(p[0] == '"' && p[1] != '"'); p++) {
			buf_addc(&phrase, *p);
			if (*p == '"')
				p++;
		}
		if (*p)
			p++;
		struct phrase_tokens pt = {&one, 0};
		buf_reset(&one);
		tok.xTokenize(t, &pt, FTS5_TOKENIZE_QUERY, phrase.data ? phrase.data : "",
			      (int)phrase.len, add_token);
		if (pt.n)
			buf_printf(pre, "%s%s)", pre->len ? " OR " : "", one.data);
	}
	buf_release(&phrase);
	buf_release(&one);
	tok.xDelete(t);
	return LIKELY_OK;
}

/* Puts the sentences of the matching later articles in the temporary
 * table, in the order of their articles' dates, rows numbered from 1. */
static int load_sentences(struct store *s, const char *pre, const char *after,
			  struct spans *sp)
{
	sqlite3_stmt *find = NULL, *add = NULL;
	long long row = 0;
	int rc, step;

	if ((rc = store_prepare(s,
		"SELECT t.article_id, t.text FROM article_fts"
		" JOIN article_text t ON t.article_id = article_fts.rowid"
		" JOIN article a ON a.id = t.article_id"
		" WHERE article_fts MATCH ?1 AND a.published > ?2"
		" ORDER BY a.published, a.id", &find)) ||
	    (rc = store_prepare(s,
		"INSERT INTO temp.evidence_sentence (rowid, text) VALUES (?1, ?2)",
		&add)))
		goto out;
	sqlite3_bind_text(find, 1, pre, -1, SQLITE_STATIC);
	sqlite3_bind_text(find, 2, after, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(find)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(find, 1);
		size_t len = (size_t)sqlite3_column_bytes(find, 1);
		if (sp->n == sp->cap) {
			sp->cap = sp->cap ? 2 * sp->cap : 64;
			sp->article = xrealloc(sp->article, sp->cap * sizeof *sp->article);
			sp->first = xrealloc(sp->first, sp->cap * sizeof *sp->first);
		}
		sp->article[sp->n] = sqlite3_column_int64(find, 0);
		sp->first[sp->n++] = row + 1;
		for (size_t at = 0; text && at <= len;) {
			const char *sep = memchr(text + at, STORE_SENTENCE_SEP, len - at);
			size_t end = sep ? (size_t)(sep - text) : len;
			sqlite3_bind_int64(add, 1, ++row);
			sqlite3_bind_text(add, 2, text + at, (int)(end - at), SQLITE_STATIC);
			step = sqlite3_step(add);
			sqlite3_reset(add);
			if (step != SQLITE_DONE) {
				rc = store_fail(s, step, "searching sentences");
				goto out;
			}
			at = end + 1;
		}
	}
	if (step != SQLITE_DONE)
		rc = store_fail(s, step, "searching articles");
out:
	sqlite3_finalize(find);
	sqlite3_finalize(add);
	return rc;
}

/* The article of temporary row `row`: the last whose first row is not
 * after it. */
static long long article_of(const struct spans *sp, long long row)
{
	size_t lo = 0, hi = sp->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (sp->first[mid] <= row)
			lo = mid;
		else
			hi = mid;
	}
	return sp->article[lo];
}

/* Ranks the sentences of the temporary table as the query matches them:
 * best first, a tie to the earlier article. */
static int rank_sentences(struct store *s, const char *query, long limit,
			  const struct spans *sp,
			  int (*fn)(const struct evidence_hit *h, void *ctx),
			  void *ctx)
{
	sqlite3_stmt *rank = NULL, *meta = NULL;
	int rc, step;

	if ((rc = store_prepare(s,
		"SELECT rowid, text, bm25(evidence_sentence) FROM temp.evidence_sentence"
		" WHERE evidence_sentence MATCH ?1"
		" ORDER BY bm25(evidence_sentence), rowid LIMIT ?2", &rank)) ||
	    (rc = store_prepare(s,
		"SELECT file, title, published FROM article WHERE id = ?1", &meta)))
		goto out;
	sqlite3_bind_text(rank, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int64(rank, 2, limit);
	while ((step = sqlite3_step(rank)) == SQLITE_ROW) {
		sqlite3_reset(meta);
		sqlite3_bind_int64(meta, 1, article_of(sp, sqlite3_column_int64(rank, 0)));
		if ((step = sqlite3_step(meta)) != SQLITE_ROW)
			break;
		struct evidence_hit h = {store_text(meta, 0), store_text(meta, 1),
					 store_text(meta, 2), store_text(rank, 1),
					 sqlite3_column_double(rank, 2)};
		if ((rc = fn(&h, ctx)))
			goto out;
	}
	if (step != SQLITE_DONE)
		rc = store_fail(s, step, "searching sentences");
out:
	sqlite3_finalize(rank);
	sqlite3_finalize(meta);
	return rc;
}

int store_evidence_each(struct store *s, const char *query, const char *after,
			long limit,
			int (*fn)(const struct evidence_hit *h, void *ctx),
			void *ctx)
{
	struct spans sp = {0};
	struct buf pre;
	int version, rc;

	if ((rc = store_schema_version(s, &version)))
		return rc;
	if (version < 6)
		return sentence_search(s, query, after, limit, fn, ctx);
	buf_init(&pre);
	if ((rc = article_query(s, query, &pre)) || pre.len == 0)
		goto out;
	/* a savepoint: the table's rows go in as one transaction, also when
	 * the command runs outside one (a read-only command) */
	if ((rc = store_exec(s, "SAVEPOINT evidence;"
				"DROP TABLE IF EXISTS temp.evidence_sentence;"
				"CREATE VIRTUAL TABLE temp.evidence_sentence"
				" USING fts5(text, " TOKENIZE ");")))
		goto out;
	rc = load_sentences(s, pre.data, after, &sp);
	if (!rc)
		rc = rank_sentences(s, query, limit, &sp, fn, ctx);
	/* the table goes with what it held, whatever happened */
	sqlite3_exec(s->db, "ROLLBACK TO evidence; RELEASE evidence", NULL, NULL, NULL);
out:
	free(sp.article);
	free(sp.first);
	buf_release(&pre);
	return rc;
}
