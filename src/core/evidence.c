/*
 * evidence: what `evidence` and `review` search the store with for a
 * forecast -- the claim's content words as a full-text query, and the day
 * after which an article may settle it.  The store does the search
 * (store_evidence_each); this module decides what to search for.
 */
#include "likely/core/evidence.h"

#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#include "likely/base/date.h"
#include "likely/core/ledger.h"

/* The claim's content words (four letters or more, minus common and
 * estimative words), OR-ed: a sentence sharing the rare words of the claim
 * ranks first under bm25. */
/* clang-format off */
static const char *const stopwords[] = {
	"about", "after", "also", "been", "before", "being", "between", "both",
	"could", "does", "doubtful", "during", "each", "expected", "from",
	"have", "into", "likely", "little", "more", "most", "much", "near",
	"only", "other", "over", "poised", "probably", "remain", "said",
	"should", "some", "such", "than", "that", "their", "them", "then",
	"there", "these", "they", "this", "those", "through", "unlikely",
	"very", "were", "what", "when", "which", "while", "will", "with",
	"within", "would", "future", "coming", "years", "months", NULL};
/* clang-format on */

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

void evidence_after(const char *published, char after[DATE_ISO_LEN])
{
	long day;
	after[0] = '\0';
	if (ledger_published_day(published, &day))
		date_format_iso(day, after);
}

int claim_search_query(const char *claim, struct buf *q)
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

double evidence_idf(long long n, long long nhit)
{
	double idf = log(((double)n - (double)nhit + 0.5) / ((double)nhit + 0.5));
	return idf <= 0.0 ? 1e-6 : idf;
}

double evidence_bm25(const double *freq, const double *idf, int nphrase, double dl, double avgdl)
{
	const double k1 = 1.2, b = 0.75;
	double score = 0.0;
	/* the terms in FTS5's order, so that equal sentences tie exactly */
	for (int i = 0; i < nphrase; i++)
		score += idf[i] *
			 ((freq[i] * (k1 + 1.0)) / (freq[i] + k1 * (1 - b + b * dl / avgdl)));
	return -1.0 * score;
}
