/*
 * evidence: sentences from later articles in the database that may settle
 * a forecast, best first.  The claim's content words (four letters or
 * more, minus common and estimative words) are OR-ed into an FTS5 query and
 * ranked by bm25, so a sentence sharing the rare words of the claim ranks
 * first.  It suggests; the editor decides.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/cmdutil.h"
#include "likely/ledger.h"
#include "likely/store.h"

static const char *const stopwords[] = {
	"about", "after", "also", "been", "before", "being", "between", "both",
	"could", "does", "doubtful", "during", "each", "expected", "from",
	"have", "into", "likely", "little", "more", "most", "much", "near",
	"only", "other", "over", "poised", "probably", "remain", "said",
	"should", "some", "such", "than", "that", "their", "them", "then",
	"there", "these", "they", "this", "those", "through", "unlikely",
	"very", "were", "what", "when", "which", "while", "will", "with",
	"within", "would", "future", "coming", "years", "months", NULL};

static bool is_stopword(const char *w, size_t len)
{
	for (int i = 0; stopwords[i]; i++)
		if (strlen(stopwords[i]) == len && strncasecmp(stopwords[i], w, len) == 0)
			return true;
	return false;
}

/* Bytes of a word: ASCII letters and digits, and any non-ASCII byte (so
 * Cyrillic words stay whole; the tokenizer does the real work). */
static bool word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

static size_t chars(const char *w, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)w[i] & 0xC0) != 0x80;
	return n;
}

/* Builds `"w1" OR "w2" ...`; returns the number of words used. */
static int build_query(const char *claim, struct buf *q)
{
	int words = 0;
	const char *p = claim;
	while (*p) {
		while (*p && !word_byte((unsigned char)*p))
			p++;
		const char *start = p;
		while (*p && word_byte((unsigned char)*p))
			p++;
		size_t len = (size_t)(p - start);
		if (len == 0 || chars(start, len) < 4 || is_stopword(start, len))
			continue;
		buf_printf(q, "%s\"%.*s\"", words ? " OR " : "", (int)len, start);
		words++;
	}
	return words;
}

struct evidence_state {
	struct ctx *ctx;
	int n;
};

static int print_hit(const struct evidence_hit *h, void *data)
{
	struct evidence_state *st = data;
	fprintf(st->ctx->out, "%d. %s  %s  (%s)\n   %s\n", ++st->n, h->published,
		h->title, h->file, h->sentence);
	return 0;
}

int cmd_evidence(struct ctx *ctx, const struct cmd_args *a)
{
	struct forecast f;
	struct buf q;
	struct evidence_state st = {ctx, 0};
	long limit = 10;
	int rc;

	if ((rc = opt_count(ctx, "limit", args_get(a, "limit"), 1000, &limit)))
		return rc;
	buf_init(&q);
	if ((rc = forecast_load(ctx, a->argv[0], &f)))
		goto out;
	fprintf(ctx->out, "claim (%s): %s\n\n", f.col[COL_PUBLISHED], f.col[COL_CLAIM]);
	if (build_query(f.col[COL_CLAIM], &q) == 0) {
		diag_note(&ctx->diag, "%s: the claim has no words to search for",
			  f.col[COL_ID]);
		goto out;
	}
	rc = store_evidence_each(ctx->store, q.data, f.col[COL_PUBLISHED], limit,
				 print_hit, &st);
	if (!rc && st.n == 0)
		diag_note(&ctx->diag, "no sentence in a later article matches");
out:
	forecast_release(&f);
	buf_release(&q);
	return rc;
}
