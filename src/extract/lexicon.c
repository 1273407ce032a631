/*
 * lexicon: the cue table.  The default follows SPEC.md §3 (with spelling
 * variants: plural copulas, "seems likely") and adds the estimative
 * phrases real outlets use ("all but certain to", "a sure bet", "no
 * change is expected"), each on the same scale; predictions/config/
 * lexicon.csv holds the same table for an outlet to edit.
 */
#include "likely/extract/lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/extract/cfgtable.h"
#include "likely/core/ledger.h"
#include "likely/text/text.h"

static const struct {
	const char *cue;
	double p;
} builtin[] = {
/* made by the build from predictions/config/lexicon.csv (scripts/config-table.awk):
 * the shipped file is the built-in table */
#include "lexicon.inc"
};

void lexicon_init_empty(struct lexicon *lx)
{
	memset(lx, 0, sizeof *lx);
}

static void free_entry(struct lexicon_entry *e)
{
	free(e->cue);
	if (e->words)
		free(e->words[0]);
	free(e->words);
}

void lexicon_release(struct lexicon *lx)
{
	for (size_t i = 0; i < lx->n; i++)
		free_entry(&lx->e[i]);
	free(lx->e);
	free(lx->levels);
	lexicon_init_empty(lx);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void rebuild_levels(struct lexicon *lx)
{
	lx->levels = xrealloc(lx->levels, (lx->n ? lx->n : 1) * sizeof(double));
	lx->nlevels = 0;
	for (size_t i = 0; i < lx->n; i++) {
		size_t k;
		for (k = 0; k < lx->nlevels; k++)
			if (lx->levels[k] == lx->e[i].p)
				break;
		if (k == lx->nlevels)
			lx->levels[lx->nlevels++] = lx->e[i].p;
	}
	qsort(lx->levels, lx->nlevels, sizeof(double), cmp_double);
}

const struct lexicon_entry *lexicon_find(const struct lexicon *lx, const char *cue)
{
	for (size_t i = 0; i < lx->n; i++)
		if (strcmp(lx->e[i].cue, cue) == 0)
			return &lx->e[i];
	return NULL;
}

int lexicon_add(struct lexicon *lx, const char *cue, double p)
{
	struct text_tokens t;
	struct buf folded, words;
	size_t nw = 0;
	int rc = -1;
	text_tokens_init(&t);
	buf_init(&folded);
	buf_init(&words);
	text_tokenize(&t, cue, strlen(cue));
	for (size_t i = 0; i < t.n; i++) {
		if (i)
			buf_addc(&folded, ' ');
		buf_adds(&folded, text_tok(&t, i));
		buf_add(&words, text_tok(&t, i), strlen(text_tok(&t, i)) + 1);
		nw++;
	}
	if (nw == 0 || lexicon_find(lx, folded.data))
		goto out;
	if (lx->n == lx->cap) {
		lx->cap = lx->cap ? lx->cap * 2 : 64;
		lx->e = xrealloc(lx->e, lx->cap * sizeof *lx->e);
	}
	struct lexicon_entry *e = &lx->e[lx->n++];
	e->cue = buf_detach(&folded);
	e->p = p;
	e->nwords = nw;
	e->words = xmalloc(nw * sizeof *e->words);
	char *w = buf_detach(&words);
	for (size_t i = 0; i < nw; i++) {
		e->words[i] = w;
		w += strlen(w) + 1;
	}
	rebuild_levels(lx);
	rc = 0;
out:
	buf_release(&words);
	buf_release(&folded);
	text_tokens_release(&t);
	return rc;
}

void lexicon_init_default(struct lexicon *lx)
{
	lexicon_init_empty(lx);
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		lexicon_add(lx, builtin[i].cue, builtin[i].p);
}

static const char *check_row(const char *key, const char *value, const char **column, void *ctx)
{
	struct lexicon *lx = ctx;
	double p;
	if (!ledger_parse_probability(value, &p)) {
		*column = "probability";
		return "not a decimal in [0,1]";
	}
	if (lexicon_add(lx, key, p) != 0)
		return "duplicate cue";
	return NULL;
}

int lexicon_load(struct lexicon *lx, const char *path, struct diag *d)
{
	struct lexicon fresh;
	lexicon_init_empty(&fresh);
	int rc = cfgtable_read(path, "cue", "probability", check_row, &fresh, d);
	if (rc != LIKELY_OK) {
		lexicon_release(&fresh);
		return rc;
	}
	lexicon_release(lx);
	*lx = fresh;
	return LIKELY_OK;
}

double lexicon_intensify(const struct lexicon *lx, double p)
{
	if (p > 0.5) {
		for (size_t k = 0; k < lx->nlevels; k++)
			if (lx->levels[k] > p)
				return lx->levels[k];
	} else if (p < 0.5) {
		for (size_t k = lx->nlevels; k-- > 0;)
			if (lx->levels[k] < p)
				return lx->levels[k];
	}
	return p;
}
