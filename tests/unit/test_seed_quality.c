/*
 * Test plan (seed quality): run the whole extractor over the five seed
 * pages kept in the repository (tests/data/seed/corpus, copied from the
 * product side's shared corpus so a clone needs nothing beside it; the
 * suite runs from the top of the tree) and compare with the hand-made
 * seeds, gold.csv and negatives.csv beside it:
 *  - every committed gold forecast is extracted, with the date and author
 *    of the article (embedded or main) that holds it;
 *  - no sentence of seed-negatives.csv is extracted;
 *  - precision (extracted rows that are gold) and recall (over all gold,
 *    and over committed gold) are printed; recall on committed must be 1.
 * Sentences are compared after collapsing white space.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/io/csvio.h"
#include "likely/extract/extract.h"
#include "likely/core/ledger.h"

#define SEED_DIR "tests/data/seed"

struct row {
	char *file, *sentence, *date, *author, *kind, *cue;
	int hits;
};

struct rows {
	struct row *r;
	size_t n, cap;
	int negatives; /* reading the negatives file */
};

static int on_seed(const struct csv_record *rec, void *ctx)
{
	struct rows *rs = ctx;
	if (rec->line == 1)
		return 0;
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 32;
		rs->r = xrealloc(rs->r, rs->cap * sizeof *rs->r);
	}
	struct row *r = &rs->r[rs->n++];
	memset(r, 0, sizeof *r);
	r->file = xstrdup(rec->fields[0]);
	r->sentence = ledger_collapse_space(rec->fields[1]);
	if (!rs->negatives && rec->count >= 8) {
		r->cue = xstrdup(rec->fields[2]);
		r->date = xstrdup(rec->fields[5]);
		r->author = xstrdup(rec->fields[6]);
		r->kind = xstrdup(rec->fields[7]);
	}
	return 0;
}

static void free_rows(struct rows *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->r[i].file);
		free(rs->r[i].sentence);
		free(rs->r[i].date);
		free(rs->r[i].author);
		free(rs->r[i].kind);
		free(rs->r[i].cue);
	}
	free(rs->r);
}

struct run {
	struct rows *gold, *neg;
	int extracted, correct, negatives_hit, wrong_meta;
};

static int on_forecast(struct forecast *f, void *ctx)
{
	struct run *run = ctx;
	const char *mark = " ";
	run->extracted++;
	for (size_t i = 0; i < run->gold->n; i++) {
		struct row *g = &run->gold->r[i];
		if (strcmp(g->file, f->col[COL_FILE]) || strcmp(g->sentence, f->col[COL_CLAIM]))
			continue;
		g->hits++;
		run->correct++;
		mark = "+";
		if (strcmp(g->date, f->col[COL_PUBLISHED]) || strcmp(g->author, f->col[COL_AUTHOR])) {
			run->wrong_meta++;
			mark = "M";
		}
	}
	for (size_t i = 0; i < run->neg->n; i++) {
		struct row *n = &run->neg->r[i];
		if (!strcmp(n->file, f->col[COL_FILE]) && !strcmp(n->sentence, f->col[COL_CLAIM])) {
			n->hits++;
			run->negatives_hit++;
			mark = "N";
		}
	}
	printf("  %s %s | %s | p=%s | %s | %s | %s | %s | %s\n", mark,
	       f->col[COL_FILE], f->col[COL_PUBLISHED], f->col[COL_PROBABILITY],
	       f->col[COL_CUE], f->col[COL_HORIZON], f->col[COL_HORIZON_PHRASE],
	       f->col[COL_TOPIC], f->col[COL_CLAIM]);
	if (*f->col[COL_NOTE])
		printf("      note: %s\n", f->col[COL_NOTE]);
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_seed(void **state)
{
	(void)state;
	struct buf corpus, path;
	struct rows gold = {0}, neg = {0};
	struct diag d;
	struct extract_config cfg;
	buf_init(&corpus);
	buf_init(&path);
	buf_printf(&corpus, "%s/corpus", SEED_DIR);
	DIR *dir = opendir(corpus.data);
	if (!dir)
		fail_msg("%s not found: run the suite from the top of the tree (make check)",
			 corpus.data);
	diag_init(&d, stderr);
	buf_printf(&path, "%s/gold.csv", SEED_DIR);
	assert_int_equal(csvio_read_path(path.data, on_seed, &gold, &d), LIKELY_OK);
	neg.negatives = 1;
	buf_reset(&path);
	buf_printf(&path, "%s/negatives.csv", SEED_DIR);
	assert_int_equal(csvio_read_path(path.data, on_seed, &neg, &d), LIKELY_OK);

	char *names[256];
	size_t nn = 0;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL && nn < 256)
		if (strlen(e->d_name) > 4 && !strcmp(e->d_name + strlen(e->d_name) - 4, ".txt"))
			names[nn++] = xstrdup(e->d_name);
	closedir(dir);
	qsort(names, nn, sizeof names[0], cmp_names);

	extract_config_init(&cfg);
	struct run run = {&gold, &neg, 0, 0, 0, 0};
	struct extract_callbacks cb = {NULL, NULL, on_forecast, &run};
	for (size_t i = 0; i < nn; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", corpus.data, names[i]);
		assert_int_equal(extract_path(&cfg, path.data, NULL, &cb, &d, NULL), LIKELY_OK);
		free(names[i]);
	}
	int found = 0, committed = 0, committed_found = 0;
	for (size_t i = 0; i < gold.n; i++) {
		int c = strcmp(gold.r[i].kind, "committed") == 0;
		committed += c;
		found += gold.r[i].hits > 0;
		committed_found += c && gold.r[i].hits > 0;
		if (!gold.r[i].hits)
			printf("  MISSED (%s) %s: %s\n", gold.r[i].kind, gold.r[i].file,
			       gold.r[i].sentence);
	}
	printf("seed quality: extracted %d, gold %zu (committed %d), negatives %zu\n",
	       run.extracted, gold.n, committed, neg.n);
	printf("seed quality: precision %.3f, recall %.3f (all), %.3f (committed), "
	       "negatives extracted %d, wrong date/author %d\n",
	       run.extracted ? (double)run.correct / run.extracted : 1.0,
	       gold.n ? (double)found / (double)gold.n : 1.0,
	       committed ? (double)committed_found / committed : 1.0,
	       run.negatives_hit, run.wrong_meta);
	extract_config_release(&cfg);
	assert_int_equal(committed_found, committed);
	assert_int_equal(run.negatives_hit, 0);
	assert_int_equal(run.wrong_meta, 0);
	free_rows(&gold);
	free_rows(&neg);
	buf_release(&corpus);
	buf_release(&path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed),
	};
	return cmocka_run_group_tests_name("seed_quality", tests, NULL, NULL);
}
