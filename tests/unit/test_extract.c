/*
 * Test plan (extract): a small two-article page through the whole chain:
 *  - every ledger column is filled as SPEC.md §4 says (id from title,
 *    published and claim; base file name; ISO dates; "0.7" and "" for a
 *    hedge; horizon and its phrase; topic or "general"; status candidate;
 *    review note; context = the paragraph);
 *  - a forecast in the embedded article takes that article's date and
 *    author; on_article and on_sentence see every article and sentence
 *    (the title too);
 *  - manifest overrides: title/published/author for the first article,
 *    url/source for all;
 *  - a quotation opened in an earlier sentence still shields "will";
 *  - an article without a date keeps its forecasts as candidates with an
 *    empty published and the note "check: no date found" (joined to a
 *    rule's note with "; "); only a phrase naming its date gives them a
 *    horizon; a manifest day or month (YYYY-MM) overrides, and a month's
 *    horizon counts from its last day;
 *  - invalid UTF-8: exit 65 with "FILE: invalid UTF-8 at byte N";
 *  - a callback's code stops extraction and is returned;
 *  - a config directory replaces the tables it holds; a bad file is 65
 *    and the built-in tables stay.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "likely/base/buf.h"
#include "likely/extract/extract.h"

struct seen {
	struct forecast rows[16];
	size_t n;
	struct buf log;
	int stop_at; /* return 99 at this forecast (1-based), 0: never */
};

static int on_article(const struct extract_article *a, void *ctx)
{
	struct seen *s = ctx;
	buf_printf(&s->log, "A%u|%s|%s|%s\n", a->index, a->title, a->published, a->author);
	return 0;
}

static int on_sentence(unsigned art, const char *t, size_t n, void *ctx)
{
	struct seen *s = ctx;
	buf_printf(&s->log, "S%u %.*s\n", art, (int)n, t);
	return 0;
}

static int on_forecast(struct forecast *f, void *ctx)
{
	struct seen *s = ctx;
	assert_true(s->n < 16);
	struct forecast *k = &s->rows[s->n++];
	*k = *f; /* take ownership */
	forecast_init(f);
	if (s->stop_at && (int)s->n == s->stop_at)
		return 99;
	return 0;
}

static const char page[] =
	"Minsk set to strengthen military cooperation with China\n\n"
	"October 03, 2016 11:24\nPhoto: www.belta.by\n\n"
	"Belarus is likely to expand military production. Prices may soon change. "
	"Russia will remain an ally in the near future.\n\n"
	"He said: \xe2\x80\x9cThis is our plan. Minsk will buy jets.\xe2\x80\x9d\n\n"
	"Similar articles\n\n"
	"Death penalty discussion in Belarus continues\nSeptember 18, 2017 10:43\n"
	"By Jane Roe\n\nThe authorities are unlikely to abolish the death penalty by 2020.\n";

static char *write_tmp(const char *dir, const char *name, const char *text, size_t len)
{
	struct buf p;
	buf_init(&p);
	buf_printf(&p, "%s/%s", dir, name);
	FILE *fp = fopen(p.data, "wb");
	assert_non_null(fp);
	fwrite(text, 1, len, fp);
	fclose(fp);
	char *out = buf_detach(&p);
	buf_release(&p);
	return out;
}

static int run(const char *text, size_t len, const struct extract_meta *meta,
	       struct seen *s, char *msgs, size_t cap, struct extract_stats *st)
{
	char dir[] = "/tmp/likely-extract-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = write_tmp(dir, "page_01.txt", text, len);
	struct extract_config cfg;
	struct extract_callbacks cb = {on_article, on_sentence, on_forecast, s};
	struct diag d;
	FILE *err = fmemopen(msgs, cap, "w");
	diag_init(&d, err);
	extract_config_init(&cfg);
	int rc = extract_path(&cfg, path, meta, &cb, &d, st);
	extract_config_release(&cfg);
	fclose(err);
	unlink(path);
	rmdir(dir);
	free(path);
	return rc;
}

static void seen_init(struct seen *s)
{
	memset(s, 0, sizeof *s);
	buf_init(&s->log);
}

static void seen_release(struct seen *s)
{
	for (size_t i = 0; i < s->n; i++)
		forecast_release(&s->rows[i]);
	buf_release(&s->log);
}

static void test_columns(void **state)
{
	struct seen s;
	char msgs[256] = "";
	struct extract_stats st;
	(void)state;
	seen_init(&s);
	assert_int_equal(run(page, strlen(page), NULL, &s, msgs, sizeof msgs, &st), 0);
	assert_int_equal(s.n, 5);
	struct forecast *f = &s.rows[0]; /* the headline */
	char id[17];
	ledger_make_id(f->col[COL_TITLE], f->col[COL_PUBLISHED], f->col[COL_CLAIM], id);
	assert_string_equal(f->col[COL_ID], id);
	assert_string_equal(f->col[COL_FILE], "page_01.txt");
	assert_string_equal(f->col[COL_TITLE], "Minsk set to strengthen military cooperation with China");
	assert_string_equal(f->col[COL_PUBLISHED], "2016-10-03");
	assert_string_equal(f->col[COL_CLAIM], f->col[COL_TITLE]);
	assert_string_equal(f->col[COL_CUE], "set to");
	assert_string_equal(f->col[COL_PROBABILITY], "0.7");
	assert_string_equal(f->col[COL_HORIZON], "2017-10-03");
	assert_string_equal(f->col[COL_HORIZON_PHRASE], "");
	assert_string_equal(f->col[COL_TOPIC], "military");
	assert_string_equal(f->col[COL_STATUS], "candidate");
	assert_string_equal(f->col[COL_OUTCOME], "");
	assert_string_equal(f->col[COL_AUTHOR], "");

	f = &s.rows[1];
	assert_string_equal(f->col[COL_CLAIM], "Belarus is likely to expand military production.");
	assert_non_null(f->context);
	assert_non_null(strstr(f->context, "Prices may soon change."));
	f = &s.rows[2];
	assert_string_equal(f->col[COL_CUE], "may");
	assert_string_equal(f->col[COL_PROBABILITY], "");
	assert_string_equal(f->col[COL_HORIZON], "2017-04-03");
	assert_string_equal(f->col[COL_HORIZON_PHRASE], "soon");
	assert_string_equal(f->col[COL_TOPIC], "economy");
	f = &s.rows[3];
	assert_string_equal(f->col[COL_CUE], "will");
	assert_string_equal(f->col[COL_PROBABILITY], "0.95");
	assert_string_equal(f->col[COL_HORIZON_PHRASE], "in the near future");
	assert_string_equal(f->col[COL_TOPIC], "foreign policy");

	f = &s.rows[4]; /* embedded article: its own date and author */
	assert_string_equal(f->col[COL_PUBLISHED], "2017-09-18");
	assert_string_equal(f->col[COL_AUTHOR], "Jane Roe");
	assert_string_equal(f->col[COL_TITLE], "Death penalty discussion in Belarus continues");
	assert_string_equal(f->col[COL_PROBABILITY], "0.2");
	assert_string_equal(f->col[COL_HORIZON], "2020-12-31");
	assert_string_equal(f->col[COL_HORIZON_PHRASE], "by 2020");
	assert_string_equal(f->col[COL_TOPIC], "human rights");

	/* "Minsk will buy jets." sits inside a quote opened a sentence before */
	assert_non_null(strstr(s.log.data, "S0 Minsk will buy jets.\xe2\x80\x9d\n"));
	assert_non_null(strstr(s.log.data, "A0|Minsk set to strengthen military cooperation with China|2016-10-03|\n"
					    "S0 Minsk set to strengthen"));
	assert_non_null(strstr(s.log.data, "A1|Death penalty discussion in Belarus continues|2017-09-18|Jane Roe\n"));
	assert_int_equal(st.articles, 2);
	assert_int_equal(st.forecasts, 5);
	assert_int_equal(st.hedged, 1);
	seen_release(&s);
}

static void test_manifest(void **state)
{
	struct seen s;
	char msgs[256] = "";
	struct extract_meta meta = {.url = "https://example.org/a", .title = "Given title",
				    .published = "2016-10-05", .author = "Given Author",
				    .source = "Example Source"};
	(void)state;
	seen_init(&s);
	assert_int_equal(run(page, strlen(page), &meta, &s, msgs, sizeof msgs, NULL), 0);
	assert_int_equal(s.n, 5);
	assert_string_equal(s.rows[0].col[COL_TITLE], "Given title");
	assert_string_equal(s.rows[0].col[COL_PUBLISHED], "2016-10-05");
	assert_string_equal(s.rows[0].col[COL_AUTHOR], "Given Author");
	assert_string_equal(s.rows[0].col[COL_URL], "https://example.org/a");
	assert_string_equal(s.rows[0].col[COL_SOURCE], "Example Source");
	assert_string_equal(s.rows[4].col[COL_PUBLISHED], "2017-09-18");
	assert_string_equal(s.rows[4].col[COL_AUTHOR], "Jane Roe");
	assert_string_equal(s.rows[4].col[COL_SOURCE], "Example Source");
	seen_release(&s);
}

static void test_undated(void **state)
{
	struct seen s;
	char msgs[256] = "";
	struct extract_stats st;
	(void)state;
	seen_init(&s);
	const char *p = "A title without any date line\n\nBelarus is likely to grow."
			" Minsk is unlikely to join by 2020. Growth is likely next year.\n";
	assert_int_equal(run(p, strlen(p), NULL, &s, msgs, sizeof msgs, &st), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(st.undated, 3);
	assert_string_equal(s.rows[0].col[COL_PUBLISHED], "");
	assert_string_equal(s.rows[0].col[COL_NOTE], LEDGER_NOTE_NO_DATE);
	assert_string_equal(s.rows[0].col[COL_STATUS], "candidate");
	assert_string_equal(s.rows[0].col[COL_HORIZON], "");
	assert_string_equal(s.rows[0].col[COL_HORIZON_PHRASE], "");
	/* the id is made with an empty date, as ledger_make_id documents */
	char id[17];
	ledger_make_id("A title without any date line", "",
		       "Belarus is likely to grow.", id);
	assert_string_equal(s.rows[0].col[COL_ID], id);
	assert_string_equal(s.rows[1].col[COL_HORIZON], "2020-12-31");
	assert_string_equal(s.rows[1].col[COL_HORIZON_PHRASE], "by 2020");
	assert_string_equal(s.rows[2].col[COL_HORIZON], "");
	assert_string_equal(s.rows[2].col[COL_HORIZON_PHRASE], "next year");
	seen_release(&s);

	seen_init(&s);
	struct extract_meta meta = {.published = "2020-01-02"};
	assert_int_equal(run(p, strlen(p), &meta, &s, msgs, sizeof msgs, &st), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(st.undated, 0);
	assert_string_equal(s.rows[0].col[COL_PUBLISHED], "2020-01-02");
	assert_string_equal(s.rows[0].col[COL_NOTE], "");
	assert_string_equal(s.rows[0].col[COL_HORIZON], "2021-01-02");
	seen_release(&s);

	/* a month: shown as such, counted from its last day */
	seen_init(&s);
	meta.published = "2020-02";
	assert_int_equal(run(p, strlen(p), &meta, &s, msgs, sizeof msgs, &st), 0);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.rows[0].col[COL_PUBLISHED], "2020-02");
	assert_string_equal(s.rows[0].col[COL_HORIZON], "2021-02-28");
	assert_string_equal(s.rows[1].col[COL_HORIZON], "2020-12-31");
	assert_string_equal(s.rows[2].col[COL_HORIZON], "2021-12-31");
	seen_release(&s);
}

/* A headline repeated as the body's first sentence, with its full stop,
 * once gave two forecasts of the same claim. */
static void test_headline_repeated_in_body(void **state)
{
	struct seen s;
	char msgs[256] = "";
	struct extract_stats st;
	(void)state;
	seen_init(&s);
	const char *p = "Lukashenka is unlikely to step down before 2025\n\nMay 5, 2021\n\n"
			"Lukashenka is unlikely to step down before 2025. "
			"The opposition is likely to stay divided.\n";
	assert_int_equal(run(p, strlen(p), NULL, &s, msgs, sizeof msgs, &st), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.rows[0].col[COL_CLAIM],
			    "Lukashenka is unlikely to step down before 2025");
	assert_string_equal(s.rows[1].col[COL_CLAIM],
			    "The opposition is likely to stay divided.");
	seen_release(&s);
}

static void test_invalid_and_stop(void **state)
{
	struct seen s;
	char msgs[256] = "";
	(void)state;
	seen_init(&s);
	const char bad[] = "Title of a bad page\nOctober 03, 2016\n\nIt is \xed\xa0\x80 bad.\n";
	assert_int_equal(run(bad, sizeof bad - 1, NULL, &s, msgs, sizeof msgs, NULL), 65);
	assert_non_null(strstr(msgs, "page_01.txt: invalid UTF-8 at byte 44"));
	s.stop_at = 2;
	assert_int_equal(run(page, strlen(page), NULL, &s, msgs, sizeof msgs, NULL), 99);
	assert_int_equal(s.n, 2);
	seen_release(&s);
}

static void test_config_dir(void **state)
{
	char dir[] = "/tmp/likely-config-XXXXXX";
	char msgs[512] = "";
	struct extract_config cfg;
	struct diag d;
	(void)state;
	assert_non_null(mkdtemp(dir));
	char *lx = write_tmp(dir, "lexicon.csv", "cue,probability\nlikely to,0.8\n", 30);
	extract_config_init(&cfg);
	FILE *err = fmemopen(msgs, sizeof msgs, "w");
	diag_init(&d, err);
	assert_int_equal(extract_config_load_dir(&cfg, dir, &d), 0);
	assert_int_equal(cfg.lexicon.n, 1);
	assert_true(cfg.horizons.n > 5); /* no horizons.csv: built-in kept */
	assert_string_equal(cfg.origin, dir);
	char *tp = write_tmp(dir, "topics.csv", "topic,keyword\nx;y,z\n", 20);
	assert_int_equal(extract_config_load_dir(&cfg, dir, &d), 65);
	assert_int_equal(cfg.lexicon.n, 1); /* unchanged on error */
	fclose(err);
	assert_non_null(strstr(msgs, "topics.csv:2: topic:"));
	extract_config_release(&cfg);
	unlink(lx);
	unlink(tp);
	rmdir(dir);
	free(lx);
	free(tp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_manifest),
		cmocka_unit_test(test_undated),
		cmocka_unit_test(test_headline_repeated_in_body),
		cmocka_unit_test(test_invalid_and_stop),
		cmocka_unit_test(test_config_dir),
	};
	return cmocka_run_group_tests_name("extract", tests, NULL, NULL);
}
