/*
 * store_evidence: sentences of later articles that may settle a forecast.
 *
 * The full-text index (schema 6) is over whole articles and knows only
 * which article holds which word.  A search takes the later articles that
 * hold a word of the query, splits their texts into the sentences stored,
 * splits each into words with FTS5's own tokenizer (so a word matches
 * here exactly when it would match in the index), counts each phrase of
 * the query in it, and ranks the sentences that hold one by bm25 as FTS5
 * computes it (evidence_bm25).  What bm25 counts -- how many sentences
 * hold a phrase, how long a sentence is on average -- is counted over
 * those articles' sentences, not over every stored one.  A file of an
 * older schema opened read-only (never upgraded) is searched as before,
 * sentence by sentence, by FTS5 itself.
 */
#include "store_impl.h"

#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/core/evidence.h"

/* As the stored index tokenizes: the words must be the ones it holds. */
static const char *const tokenizer_args[] = {"remove_diacritics", "2"};

/* Tokens one after another, each ending in NUL, and where each starts. */
struct tokens {
	struct buf text;
	size_t *at;
	size_t n, cap;
};

/* The query's phrases: phrase i is tokens first[i] .. first[i] + len[i]
 * - 1 of tok. */
struct phrases {
	struct tokens tok;
	int *first, *len;
	int n, cap;
};

/* A sentence that holds a phrase: where it is, and what bm25 needs. */
struct hit {
	long long article;
	size_t start, end; /* its bytes in the article's text */
	long long order;   /* sentences in article date order: ties go first */
	double dl, score;
	double *freq; /* times each phrase stands in it */
};

struct search {
	fts5_tokenizer api;
	Fts5Tokenizer *tok;
	struct phrases q;
	struct tokens words; /* the sentence at hand */
	struct hit *hit;
	size_t nhit, caphit;
	long long *nmatch; /* sentences holding each phrase */
	long long sentences, total_tokens;
};

/* Schema 5 and before: one indexed row per sentence. */
static int sentence_search(struct store *s, const char *query, const char *after, long limit,
			   int (*fn)(const struct evidence_hit *h, void *ctx), void *ctx)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_prepare(s,
				"SELECT a.file, a.title, a.published, se.text, bm25(sentence_fts)"
				" FROM sentence_fts"
				" JOIN sentence se ON se.id = sentence_fts.rowid"
				" JOIN article a ON a.id = se.article_id"
				" WHERE sentence_fts MATCH ?1 AND a.published > ?2"
				" ORDER BY bm25(sentence_fts), a.published, se.id LIMIT ?3",
				&st)))
		return rc;
	sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, after, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, limit);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct evidence_hit h = {store_text(st, 0), store_text(st, 1), store_text(st, 2),
					 store_text(st, 3), sqlite3_column_double(st, 4)};
		if ((rc = fn(&h, ctx)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail(s, step, "searching sentences");
	sqlite3_finalize(st);
	return rc;
}

static void tokens_add(struct tokens *t, const char *tok, size_t len)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->at = xrealloc(t->at, t->cap * sizeof *t->at);
	}
	t->at[t->n++] = t->text.len;
	buf_add(&t->text, tok, len);
	buf_addc(&t->text, '\0');
}

static void tokens_reset(struct tokens *t)
{
	buf_reset(&t->text);
	t->n = 0;
}

static void tokens_release(struct tokens *t)
{
	buf_release(&t->text);
	free(t->at);
}

/* FTS5 calls this for each token; colocated ones (synonyms) take no
 * place of their own, and unicode61 makes none. */
static int take_token(void *data, int flags, const char *tok, int len, int start, int end)
{
	(void)start;
	(void)end;
	if (!(flags & FTS5_TOKEN_COLOCATED))
		tokens_add(data, tok, (size_t)len);
	return SQLITE_OK;
}

static void tokenize(struct search *se, int mode, const char *text, size_t len, struct tokens *out)
{
	se->api.xTokenize(se->tok, out, mode, text ? text : "", (int)len, take_token);
}

static int search_open(struct store *s, struct search *se)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	void *ud;
	int rc = store_prepare(s, "SELECT fts5(?1)", &st);

	memset(se, 0, sizeof *se);
	buf_init(&se->q.tok.text);
	buf_init(&se->words.text);
	if (rc)
		return rc;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->xFindTokenizer(api, "unicode61", &ud, &se->api) != SQLITE_OK ||
	    se->api.xCreate(ud, (const char **)tokenizer_args, 2, &se->tok) != SQLITE_OK) {
		se->tok = NULL;
		return store_fail(s, SQLITE_ERROR, "finding the full-text tokenizer");
	}
	return LIKELY_OK;
}

static void search_close(struct search *se)
{
	if (se->tok)
		se->api.xDelete(se->tok);
	tokens_release(&se->q.tok);
	tokens_release(&se->words);
	free(se->q.first);
	free(se->q.len);
	for (size_t i = 0; i < se->nhit; i++)
		free(se->hit[i].freq);
	free(se->hit);
	free(se->nmatch);
}

/* A token of the query or of a sentence, quoted for an FTS5 query. */
static void add_quoted(struct buf *b, const char *tok)
{
	buf_addc(b, '"');
	for (; *tok; tok++) {
		if (*tok == '"')
			buf_addc(b, '"');
		buf_addc(b, *tok);
	}
	buf_addc(b, '"');
}

/*
 * Reads the query's quoted phrases ("" inside one is a quote) into
 * se->q, as tokens, and writes the query for the article index: an index
 * without positions cannot match a phrase of two tokens or more
 * ("Poland's" is poland, s), so each phrase becomes its tokens AND-ed,
 * which every article that holds the phrase matches.  pre is left empty
 * when no phrase has a token.
 */
static void read_query(struct search *se, const char *query, struct buf *pre)
{
	struct phrases *q = &se->q;
	struct buf phrase;
	buf_init(&phrase);
	for (const char *p = query; (p = strchr(p, '"')) != NULL;) {
		buf_reset(&phrase);
		for (p++; *p && !(p[0] == '"' && p[1] != '"'); p++) {
			buf_addc(&phrase, *p);
			if (*p == '"')
				p++;
		}
		if (*p)
			p++;
		if (q->n == q->cap) {
			q->cap = q->cap ? 2 * q->cap : 16;
			q->first = xrealloc(q->first, (size_t)q->cap * sizeof *q->first);
			q->len = xrealloc(q->len, (size_t)q->cap * sizeof *q->len);
		}
		size_t first = q->tok.n;
		tokenize(se, FTS5_TOKENIZE_QUERY, phrase.data, phrase.len, &q->tok);
		q->first[q->n] = (int)first;
		q->len[q->n] = (int)(q->tok.n - first);
		if (q->len[q->n] > 0) {
			buf_adds(pre, pre->len ? " OR (" : "(");
			for (size_t t = first; t < q->tok.n; t++) {
				if (t > first)
					buf_adds(pre, " AND ");
				add_quoted(pre, q->tok.text.data + q->tok.at[t]);
			}
			buf_addc(pre, ')');
		}
		q->n++;
	}
	buf_release(&phrase);
	se->nmatch = xcalloc((size_t)(q->n ? q->n : 1), sizeof *se->nmatch);
}

/* How many times phrase i stands in the sentence's words (overlapping
 * places each count, as FTS5 counts them). */
static int phrase_count(const struct search *se, int i)
{
	const struct phrases *q = &se->q;
	const struct tokens *w = &se->words;
	int count = 0, len = q->len[i];
	if (len == 0)
		return 0;
	for (size_t at = 0; at + (size_t)len <= w->n; at++) {
		int k = 0;
		while (k < len && strcmp(w->text.data + w->at[at + (size_t)k],
					 q->tok.text.data + q->tok.at[q->first[i] + k]) == 0)
			k++;
		count += k == len;
	}
	return count;
}

/* Counts one sentence, text[start, end) of article, and keeps it when it
 * holds a phrase. */
static void count_sentence(struct search *se, long long article, const char *text, size_t start,
			   size_t end)
{
	double *freq = NULL;
	tokens_reset(&se->words);
	tokenize(se, FTS5_TOKENIZE_DOCUMENT, text + start, end - start, &se->words);
	se->sentences++;
	se->total_tokens += (long long)se->words.n;
	for (int i = 0; i < se->q.n; i++) {
		int c = phrase_count(se, i);
		if (!c)
			continue;
		if (!freq)
			freq = xcalloc((size_t)se->q.n, sizeof *freq);
		freq[i] = c;
		se->nmatch[i]++;
	}
	if (!freq)
		return;
	if (se->nhit == se->caphit) {
		se->caphit = se->caphit ? 2 * se->caphit : 64;
		se->hit = xrealloc(se->hit, se->caphit * sizeof *se->hit);
	}
	se->hit[se->nhit++] =
		(struct hit){article, start, end, se->sentences, (double)se->words.n, 0, freq};
}

/* Counts the sentences of the later articles that hold a word of the
 * query, in the order of the articles' dates. */
static int count_articles(struct store *s, struct search *se, const char *pre, const char *after)
{
	sqlite3_stmt *find;
	int rc, step;

	if ((rc = store_prepare(s,
				"SELECT t.article_id, t.text FROM article_fts"
				" JOIN article_text t ON t.article_id = article_fts.rowid"
				" JOIN article a ON a.id = t.article_id"
				" WHERE article_fts MATCH ?1 AND a.published > ?2"
				" ORDER BY a.published, a.id",
				&find)))
		return rc;
	sqlite3_bind_text(find, 1, pre, -1, SQLITE_STATIC);
	sqlite3_bind_text(find, 2, after, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(find)) == SQLITE_ROW) {
		long long article = sqlite3_column_int64(find, 0);
		const char *text = (const char *)sqlite3_column_text(find, 1);
		size_t len = (size_t)sqlite3_column_bytes(find, 1);
		for (size_t at = 0; text && at <= len;) {
			const char *sep = memchr(text + at, STORE_SENTENCE_SEP, len - at);
			size_t end = sep ? (size_t)(sep - text) : len;
			count_sentence(se, article, text, at, end);
			at = end + 1;
		}
	}
	if (step != SQLITE_DONE)
		rc = store_fail(s, step, "searching articles");
	sqlite3_finalize(find);
	return rc;
}

static int by_rank(const void *pa, const void *pb)
{
	const struct hit *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return (a->order > b->order) - (a->order < b->order);
}

/* Scores the sentences kept, best first, and hands the first limit to
 * fn with their articles' names. */
static int rank_hits(struct store *s, struct search *se, long limit,
		     int (*fn)(const struct evidence_hit *h, void *ctx), void *ctx)
{
	sqlite3_stmt *meta;
	double *idf = xcalloc((size_t)(se->q.n ? se->q.n : 1), sizeof *idf);
	double avgdl = se->sentences ? (double)se->total_tokens / (double)se->sentences : 0;
	int rc, step = SQLITE_DONE;

	for (int i = 0; i < se->q.n; i++)
		idf[i] = evidence_idf(se->sentences, se->nmatch[i]);
	for (size_t h = 0; h < se->nhit; h++)
		se->hit[h].score =
			evidence_bm25(se->hit[h].freq, idf, se->q.n, se->hit[h].dl, avgdl);
	free(idf);
	if (se->nhit) /* qsort(NULL, 0, ...) is undefined */
		qsort(se->hit, se->nhit, sizeof *se->hit, by_rank);
	if ((rc = store_prepare(s,
				"SELECT a.file, a.title, a.published, t.text FROM article a"
				" JOIN article_text t ON t.article_id = a.id WHERE a.id = ?1",
				&meta)))
		return rc;
	for (size_t h = 0; h < se->nhit && (long)h < limit; h++) {
		const struct hit *x = &se->hit[h];
		sqlite3_reset(meta);
		sqlite3_bind_int64(meta, 1, x->article);
		if ((step = sqlite3_step(meta)) != SQLITE_ROW)
			break;
		const char *text = store_text(meta, 3);
		if ((size_t)sqlite3_column_bytes(meta, 3) < x->end) {
			step = SQLITE_CORRUPT; /* changed under us: cannot be, in a transaction */
			break;
		}
		char *sentence = xstrndup(text + x->start, x->end - x->start);
		struct evidence_hit eh = {store_text(meta, 0), store_text(meta, 1),
					  store_text(meta, 2), sentence, x->score};
		rc = fn(&eh, ctx);
		free(sentence);
		if (rc)
			break;
		step = SQLITE_DONE;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail(s, step, "searching sentences");
	sqlite3_finalize(meta);
	return rc;
}

int store_evidence_each(struct store *s, const char *query, const char *after, long limit,
			int (*fn)(const struct evidence_hit *h, void *ctx), void *ctx)
{
	struct search se;
	struct buf pre;
	int version, rc;

	if ((rc = store_schema_version(s, &version)))
		return rc;
	if (version < 6)
		return sentence_search(s, query, after, limit, fn, ctx);
	buf_init(&pre);
	if ((rc = search_open(s, &se)))
		goto out;
	read_query(&se, query, &pre);
	/* one read transaction (a savepoint also starts one outside any):
	 * the texts the hits point into stay as they were counted */
	if (pre.len == 0 || (rc = store_exec(s, "SAVEPOINT evidence")))
		goto out;
	rc = count_articles(s, &se, pre.data, after);
	if (!rc)
		rc = rank_hits(s, &se, limit, fn, ctx);
	sqlite3_exec(s->db, "RELEASE evidence", NULL, NULL, NULL);
out:
	search_close(&se);
	buf_release(&pre);
	return rc;
}
