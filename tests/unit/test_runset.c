/*
 * Test plan (runset): the distinct runs of a text, by hand -- nothing for
 * an empty text or one of separators only; each run once, where it first
 * stood; only byte-identical runs are one ("The", "the", "THE" and "the,"
 * are four); every byte up to 0x20 separates (space, tab, LF, CR, U+001E
 * between sentences, U+001F, U+0001) and no byte of 0x80 or more does (a
 * no-break space stays inside its run, "café" and "cafe" are two); runs
 * that are prefixes of one another, and runs of 7, 8, 9, 16 and 17 bytes
 * that share their first eight bytes, stay apart; a run may end the text
 * at any length; two runs of the same first eight bytes whose 32-bit
 * hashes are the same (found by search when this test was written:
 * "forecast5m0gskg", "forecasturfkskz") are both kept; what out held
 * before stays.  Against a plain reference (split at bytes up to 0x20,
 * keep what strset has not seen): 2 000 random texts of words, Cyrillic,
 * accents, punctuation and every kind of separator, one runset reused
 * for all, big and small in turn; and 300 000 distinct runs with repeats
 * (the table grows from 64 slots).
 *
 * Then the property the store relies on, through SQLite's own FTS5: an
 * index of the distinct runs holds the same words for the same rows as
 * an index of the whole texts.  Hand-picked texts (Cyrillic, diacritics
 * that remove_diacritics 2 folds, "Poland's", "toss-up", curly
 * apostrophes, dashes, "U.S.", numbers, tabs, U+001E, a no-break space,
 * Greek, CJK, emoji) and 300 random ones go into a full-text table of
 * the texts and a contentless one of their runs (detail=none, the
 * unicode61 tokenizer as the store has it); every term of either
 * (fts5vocab) must match the same rows in both, and after deleting a
 * third of the rows (the contentless one given the same runs again) the
 * same holds and FTS5's integrity-check passes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/base/strset.h"
#include "likely/text/runset.h"
#include "../tools/splitmix.h"

static void check(struct runset *r, const char *text, size_t len, const char *want)
{
	struct buf out;
	buf_init(&out);
	runset_distinct(r, text, len, &out);
	assert_int_equal(out.len, strlen(want));
	assert_memory_equal(out.data, want, out.len);
	assert_int_equal(out.data[out.len], '\0');
	buf_release(&out);
}

static void check_str(struct runset *r, const char *text, const char *want)
{
	check(r, text, strlen(text), want);
}

static void test_by_hand(void **state)
{
	(void)state;
	struct runset r;
	runset_init(&r);
	check_str(&r, "", "");
	check_str(&r, " \t\n\x1e\x1f ", "");
	check_str(&r, "b a b c a", "b a c");
	check_str(&r, "  lead and trail  ", "lead and trail");
	check_str(&r, "The the THE the, the", "The the THE the,");
	check_str(&r,
		  "a\tb\nc\rd\x1e"
		  "e\x1f"
		  "a\x01"
		  "b\x1e"
		  "c",
		  "a b c d e");
	check_str(&r,
		  "a\xc2\xa0"
		  "b a b",
		  "a\xc2\xa0"
		  "b a b");
	check_str(&r, "caf\xc3\xa9 cafe caf\xc3\xa9", "caf\xc3\xa9 cafe");
	check_str(&r, "ab a abc ab a", "ab a abc");
	check_str(&r,
		  "abcdefg abcdefgh abcdefghi abcdefgh abcdefghijklmnop abcdefghijklmnopq "
		  "abcdefghi abcdefghijklmnop abcdefg abcdefghijklmnopq",
		  "abcdefg abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq");
	check_str(&r, "internationally internationalism internationally",
		  "internationally internationalism");
	check_str(&r, "forecast5m0gskg forecasturfkskz forecast5m0gskg forecasturfkskz",
		  "forecast5m0gskg forecasturfkskz");
	check_str(&r, "forecastm64nso6 x forecast5kkjedh forecastm64nso6",
		  "forecastm64nso6 x forecast5kkjedh");
	/* a run that ends the text, at every length around the words read */
	char text[64], want[64];
	for (size_t n = 1; n <= 25; n++) {
		memset(text, 'q', n);
		text[n] = '\0';
		snprintf(want, sizeof want, "%s", text);
		check(&r, text, n, want);
		snprintf(text, sizeof text, "x %.*s x", (int)n, "qqqqqqqqqqqqqqqqqqqqqqqqq");
		snprintf(want, sizeof want, "x %.*s", (int)n, "qqqqqqqqqqqqqqqqqqqqqqqqq");
		check_str(&r, text, want);
	}
	/* what out held stays; the runs follow it */
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "kept|");
	runset_distinct(&r, "b a b", 5, &out);
	assert_string_equal(out.data, "kept|b a");
	runset_distinct(&r, "a", 1, &out);
	assert_string_equal(out.data, "kept|b aa");
	buf_release(&out);
	runset_release(&r);
	runset_release(&r); /* released twice: nothing to free */
}

/* The reference: split at every byte up to 0x20, keep the runs not seen. */
static void reference(const char *s, size_t len, struct buf *out)
{
	struct strset *seen = strset_new();
	struct buf run;
	buf_init(&run);
	buf_reset(out);
	for (size_t i = 0; i <= len; i++) {
		if (i < len && (unsigned char)s[i] > ' ') {
			buf_addc(&run, s[i]);
			continue;
		}
		if (run.len && strset_add(seen, run.data, 0, NULL)) {
			if (out->len)
				buf_addc(out, ' ');
			buf_add(out, run.data, run.len);
		}
		buf_reset(&run);
	}
	buf_release(&run);
	strset_free(seen);
}

static const char *const pieces[] = {
	"the",
	"The",
	"THE",
	"rates",
	"rates,",
	"(rates)",
	"will",
	"rise",
	"Poland's",
	"Poland\xe2\x80\x99s",
	"toss-up",
	"U.S.",
	"3.5%",
	"1,000",
	"2025",
	"\xd1\x86\xd1\x96\xd0\xbd\xd0\xb8",
	"\xd0\xa6\xd1\x96\xd0\xbd\xd0\xb8",
	"\xd0\xb7\xd1\x80\xd0\xbe\xd1\x81\xd1\x82\xd1\x83\xd1\x82\xd1\x8c",
	"caf\xc3\xa9",
	"cafe",
	"CAF\xc3\x89",
	"na\xc3\xafve",
	"\xe2\x80\x94",
	"e-mail",
	"\xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1",
	"\xe6\x9d\xb1\xe4\xba\xac",
	"\xf0\x9f\x93\x88",
	"internationalisation",
	"internationalization",
	"a",
	"x",
	"\"quoted\"",
	"it's",
	"don't",
	"well-known",
	"co\xc3\xb6perate",
	"\xc3\x85ngstr\xc3\xb6m",
	"stra\xc3\x9f"
	"e",
	"\xe2\x80\x9cyes\xe2\x80\x9d",
	"no\xc2\xa0"
	"break",
	"--",
	"...",
	"#tag",
	"@user",
	"http://example.org/a?b=c",
};
static const char *const separators[] = {" ",    " ",    " ",    "  ",   "\t",   "\n",
					 "\r\n", "\x1e", "\x1f", "\x01", "\x1e "};

#define NPIECES (sizeof pieces / sizeof pieces[0])
#define NSEPS   (sizeof separators / sizeof separators[0])

/* A random text of n pieces, random separators between (and maybe
 * before and after), and sometimes a piece glued to the next. */
static void random_text(struct buf *b, size_t n)
{
	buf_reset(b);
	if (rnd(4) == 0)
		buf_adds(b, separators[rnd(NSEPS)]);
	for (size_t i = 0; i < n; i++) {
		buf_adds(b, pieces[rnd(NPIECES)]);
		if (rnd(8) == 0)
			continue; /* glued */
		buf_adds(b, separators[rnd(NSEPS)]);
	}
}

static void same_as_reference(struct runset *r, const struct buf *text, struct buf *got,
			      struct buf *want)
{
	buf_reset(got);
	runset_distinct(r, text->data, text->len, got);
	reference(text->data, text->len, want);
	assert_int_equal(got->len, want->len);
	assert_memory_equal(got->data, want->data, got->len);
}

static void test_against_reference(void **state)
{
	(void)state;
	struct runset r;
	struct buf text, got, want;
	runset_init(&r);
	buf_init(&text);
	buf_init(&got);
	buf_init(&want);
	for (int k = 0; k < 2000; k++) {
		random_text(&text, k % 2 ? rnd(40) : rnd(4000));
		same_as_reference(&r, &text, &got, &want);
	}
	/* many distinct runs, each twice, and the table's growth */
	buf_reset(&text);
	for (unsigned long i = 0; i < 300000; i++)
		buf_printf(&text, "w%07lx ", (i * 2654435761UL) & 0xFFFFFFFUL);
	for (unsigned long i = 0; i < 300000; i += 7)
		buf_printf(&text, "w%07lx\t", (i * 2654435761UL) & 0xFFFFFFFUL);
	same_as_reference(&r, &text, &got, &want);
	runset_release(&r);
	buf_release(&text);
	buf_release(&got);
	buf_release(&want);
}

/* The store's tokenizer (store_evidence.c, migration 11). */
#define TOKENIZE "tokenize='unicode61 remove_diacritics 2'"

static void exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
}

/* The rows each term matches in table `name`, as "term:r1,r2,...\n" in
 * term order, for every term of either table. */
static void postings(sqlite3 *db, const char *name, struct buf *out)
{
	sqlite3_stmt *terms, *rows;
	char sql[256];
	buf_reset(out);
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT term FROM vfull UNION SELECT term FROM vwords"
					    " ORDER BY 1",
					    -1, &terms, NULL),
			 SQLITE_OK);
	snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH ?1 ORDER BY rowid", name,
		 name);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &rows, NULL), SQLITE_OK);
	while (sqlite3_step(terms) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(terms, 0);
		struct buf q;
		buf_init(&q);
		buf_addc(&q, '"');
		for (const char *p = term; *p; p++) {
			if (*p == '"')
				buf_addc(&q, '"');
			buf_addc(&q, *p);
		}
		buf_addc(&q, '"');
		sqlite3_reset(rows);
		sqlite3_bind_text(rows, 1, q.data, -1, SQLITE_TRANSIENT);
		buf_printf(out, "%s:", term);
		int step;
		while ((step = sqlite3_step(rows)) == SQLITE_ROW)
			buf_printf(out, "%lld,", sqlite3_column_int64(rows, 0));
		assert_int_equal(step, SQLITE_DONE);
		buf_addc(out, '\n');
		buf_release(&q);
	}
	sqlite3_finalize(terms);
	sqlite3_finalize(rows);
}

static void same_index(sqlite3 *db)
{
	struct buf full, words;
	buf_init(&full);
	buf_init(&words);
	postings(db, "full", &full);
	postings(db, "words", &words);
	assert_true(full.len > 0);
	assert_string_equal(full.data, words.data);
	buf_release(&full);
	buf_release(&words);
}

static const char *const hand_texts[] = {
	"Ukraine and Poland are likely to sign a transit agreement in the coming months, "
	"analysts say.\x1eTrade volumes grew by 12.5% last year.",
	"\xd0\xa6\xd1\x96\xd0\xbd\xd0\xb8 \xd0\xb7\xd1\x80\xd0\xbe\xd1\x81\xd1\x82\xd1\x83\xd1\x82"
	"\xd1\x8c \xd1\x83 2025 "
	"\xd1\x80\xd0\xbe\xd1\x86\xd1\x96.\x1e\xd0\x9d\xd0\xb0\xd1\x86\xd0\xb1"
	"\xd0\xb0\xd0\xbd\xd0\xba \xd0\xbc\xd0\xb0\xd0\xb1\xd1\x83\xd1\x82\xd1\x8c \xd0\xbf\xd1\x96"
	"\xd0\xb4\xd0\xb2\xd0\xb8\xd1\x89\xd0\xb8\xd1\x82\xd1\x8c \xd1\x81\xd1\x82\xd0\xb0\xd0\xb2"
	"\xd0\xba\xd1\x83.",
	"Caf\xc3\xa9 owners in Z\xc3\xbcrich expect na\xc3\xafve co\xc3\xb6peration; "
	"CAFE prices \xe2\x80\x94 up.\x1e\xc3\x85ngstr\xc3\xb6m said \xe2\x80\x9cno\xe2\x80\x9d.",
	"Poland's toss-up: Poland\xe2\x80\x99s U.S.-backed e-mail plan\twill (probably) pass."
	"\x1eIt's a well-known 50/50 call\xc2\xa0today.",
	"\xce\x97 \xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1 \xce\xb8\xce\xb1 "
	"\xce\xb1\xce\xbd\xce\xb5"
	"\xce\xb2\xce\xb5\xce\xaf. \xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xaf\xe9\x9b\xa8 "
	"\xf0\x9f\x93\x88"
	" #markets @desk http://example.org/a?b=c",
	"the the the THE The tHe\x1ethe",
};

static void test_fts_same_words(void **state)
{
	(void)state;
	sqlite3 *db;
	sqlite3_stmt *full, *words, *del;
	struct runset r;
	struct buf text, runs;
	enum {
		NHAND = sizeof hand_texts / sizeof hand_texts[0],
		NROWS = NHAND + 300
	};
	char *kept[NROWS];

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	exec(db, "CREATE VIRTUAL TABLE full USING fts5(text, " TOKENIZE ", detail=none);"
		 "CREATE VIRTUAL TABLE words USING fts5(text, content='', " TOKENIZE
		 ", detail=none, columnsize=0);"
		 "CREATE VIRTUAL TABLE temp.vfull USING fts5vocab(main, 'full', 'row');"
		 "CREATE VIRTUAL TABLE temp.vwords USING fts5vocab(main, 'words', 'row');");
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO full (rowid, text) VALUES (?1, ?2)",
					    -1, &full, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO words (rowid, text) VALUES (?1, ?2)",
					    -1, &words, NULL),
			 SQLITE_OK);
	runset_init(&r);
	buf_init(&text);
	buf_init(&runs);
	for (int i = 0; i < NROWS; i++) {
		if (i < NHAND) {
			buf_reset(&text);
			buf_adds(&text, hand_texts[i]);
		} else {
			random_text(&text, 1 + rnd(300));
		}
		kept[i] = xstrdup(text.data);
		buf_reset(&runs);
		runset_distinct(&r, text.data, text.len, &runs);
		sqlite3_reset(full);
		sqlite3_bind_int64(full, 1, i + 1);
		sqlite3_bind_text(full, 2, text.data, (int)text.len, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(full), SQLITE_DONE);
		sqlite3_reset(words);
		sqlite3_bind_int64(words, 1, i + 1);
		sqlite3_bind_text(words, 2, runs.data, (int)runs.len, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(words), SQLITE_DONE);
	}
	same_index(db);

	exec(db, "BEGIN");
	assert_int_equal(sqlite3_prepare_v2(db,
					    "INSERT INTO words (words, rowid, text)"
					    " VALUES ('delete', ?1, ?2)",
					    -1, &del, NULL),
			 SQLITE_OK);
	for (int i = 0; i < NROWS; i += 3) {
		char sql[64];
		snprintf(sql, sizeof sql, "DELETE FROM full WHERE rowid = %d", i + 1);
		exec(db, sql);
		buf_reset(&runs);
		runset_distinct(&r, kept[i], strlen(kept[i]), &runs);
		sqlite3_reset(del);
		sqlite3_bind_int64(del, 1, i + 1);
		sqlite3_bind_text(del, 2, runs.data, (int)runs.len, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(del), SQLITE_DONE);
	}
	exec(db, "COMMIT");
	same_index(db);
	exec(db, "INSERT INTO words (words) VALUES ('integrity-check')");

	for (int i = 0; i < NROWS; i++)
		free(kept[i]);
	sqlite3_finalize(full);
	sqlite3_finalize(words);
	sqlite3_finalize(del);
	sqlite3_close(db);
	runset_release(&r);
	buf_release(&text);
	buf_release(&runs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_hand),
		cmocka_unit_test(test_against_reference),
		cmocka_unit_test(test_fts_same_words),
	};
	return cmocka_run_group_tests_name("runset", tests, NULL, NULL);
}
