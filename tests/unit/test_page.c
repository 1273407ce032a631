/*
 * Test plan (page): pages written inline, read into a transcript of
 * articles (index|title|date|author) and paragraphs (T title, P body):
 *  - the corpus layouts: title first with date and photo credit (000,
 *    002), "by"/week range/section label/title/status/repeated title
 *    (001), byline "By ..." (003), "Posted:" first (004);
 *  - embedded articles after "Similar articles", "Read also", "See also",
 *    and after a date line met inside a body, each with its own metadata;
 *    a marker followed by nothing yields no article;
 *  - boilerplate dropped: newsletter lines and the blurb after them,
 *    navigation (EN, BE/RU, View all), undated ranges, credits in Latin
 *    and Cyrillic, status and section labels, a repeated title, URLs;
 *  - CRLF and a BOM, any chunking (byte by byte = all at once), a long
 *    line cut at sentence ends under a small cap, text cut off without a
 *    final stop, hard-wrapped paragraphs joined;
 *  - invalid UTF-8 stops with the byte offset;
 *  - page_classify on single lines;
 *  - page_format_sniff: a doctype or <html> is HTML, <rss> a feed, other
 *    text (also after a BOM) text, in UTF-16 too; a comment not yet
 *    closed says nothing until the page ends.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/base/date.h"
#include "likely/base/diag.h"
#include "likely/page/page.h"
#include "likely/page/pageline.h"

#include "feed_steps.h"

static int on_art(const struct page_article *a, void *ctx)
{
	char iso[DATE_ISO_LEN] = "-";
	if (a->has_date)
		date_format_iso(a->date, iso);
	buf_printf(ctx, "A%u|%s|%s|%s\n", a->index, a->title, iso, a->author);
	return 0;
}

static int on_par(const struct page_article *a, const struct page_paragraph *p,
		  void *ctx)
{
	(void)a;
	buf_printf(ctx, "%c %.*s\n", p->kind == PAGE_PARA_TITLE ? 'T' : 'P',
		   (int)p->len, p->text);
	return 0;
}

/* Reads page in chunks of `step` bytes (0: at once) with paragraph cap. */
static int read_page(const char *page, size_t len, size_t step, size_t cap,
		     struct buf *out, unsigned long long *bad)
{
	struct page_callbacks cb = {on_art, on_par, out};
	struct page_reader *r = page_reader_new(&cb, cap);
	int rc = feed_steps(r, page, len, step);
	if (bad)
		*bad = page_error_offset(r);
	page_reader_free(r);
	return rc;
}

static void expect_page(const char *page, const char *want)
{
	size_t len = strlen(page);
	size_t steps[] = {0, 1, 3, 17};
	for (size_t k = 0; k < 4; k++) {
		struct buf out;
		buf_init(&out);
		assert_int_equal(read_page(page, len, steps[k], 0, &out, NULL), 0);
		assert_string_equal(out.data, want);
		buf_release(&out);
	}
}

static void test_layout_title_first(void **state)
{
	(void)state;
	expect_page("Minsk set to strengthen military cooperation with China\n\n"
		    "October 03, 2016 11:24\nPhoto: www.belta.by\n\n"
		    "Belarus is developing cooperation. It is natural.\n\n"
		    "Similar articles\n\n"
		    "Death penalty discussion in Belarus: yet not ready\n"
		    "September 18, 2017 10:43\n"
		    "\xd0\xa4\xd0\xbe\xd1\x82\xd0\xb0 \xd0\xbd\xd0\xbe\xd1\x81\xd1\x96\xd1\x86\xd1\x8c. "
		    "\xd0\x98\xd1\x81\xd1\x82\xd0\xbe\xd1\x87\xd0\xbd\xd0\xb8\xd0\xba: https://x.by\n\n"
		    "The authorities are likely to continue.",
		    "A0|Minsk set to strengthen military cooperation with China|2016-10-03|\n"
		    "T Minsk set to strengthen military cooperation with China\n"
		    "P Belarus is developing cooperation. It is natural.\n"
		    "A1|Death penalty discussion in Belarus: yet not ready|2017-09-18|\n"
		    "T Death penalty discussion in Belarus: yet not ready\n"
		    "P The authorities are likely to continue.\n");
}

/* A headline of three words or fewer was once taken for a section label
 * and dropped, leaving the article without a title. */
static void test_short_headline(void **state)
{
	(void)state;
	expect_page("Transit deal signed\n\nJune 30, 2021\n\n"
		    "Ukraine and Poland signed the deal.",
		    "A0|Transit deal signed|2021-06-30|\n"
		    "T Transit deal signed\n"
		    "P Ukraine and Poland signed the deal.\n");
	/* a section label before a longer headline stays a label */
	expect_page("Security issues\nJune 30, 2021\n\nThe transit deal is signed at last\n\n"
		    "Ukraine and Poland signed the deal.",
		    "A0|The transit deal is signed at last|2021-06-30|\n"
		    "T The transit deal is signed at last\n"
		    "P Ukraine and Poland signed the deal.\n");
}

/* A navigation line was once taken for the article's title, and the real
 * headline (a forecast itself) was lost. */
static void test_navigation_dropped(void **state)
{
	(void)state;
	expect_page("Home | World | Politics | Business\n\n"
		    "Central bank likely to hold rates as lira steadies\n\n"
		    "By Jane Smith\nPublished 12 March 2019\n\nThe lira steadied.",
		    "A0|Central bank likely to hold rates as lira steadies|2019-03-12|Jane Smith\n"
		    "T Central bank likely to hold rates as lira steadies\n"
		    "P The lira steadied.\n");
	expect_page("News \xe2\x80\xba Europe \xe2\x80\xba Belarus\nMarch 12, 2019\n\n"
		    "Minsk and Beijing sign a roadmap\n\nThe sides agreed.",
		    "A0|Minsk and Beijing sign a roadmap|2019-03-12|\n"
		    "T Minsk and Beijing sign a roadmap\n"
		    "P The sides agreed.\n");
}

/* Byline and date on one line, or a date among other metadata, once left
 * the article without a date (and so without forecasts). */
static void test_metadata_on_one_line(void **state)
{
	(void)state;
	expect_page("EU likely to extend sanctions against Minsk\n"
		    "By Ivan Petrov | March 3, 2021\n"
		    "The EU is likely to extend its sanctions.",
		    "A0|EU likely to extend sanctions against Minsk|2021-03-03|Ivan Petrov\n"
		    "T EU likely to extend sanctions against Minsk\n"
		    "P The EU is likely to extend its sanctions.\n");
	expect_page("Poland's economy set to rebound\n"
		    "March 3, 2021 / 5:42 PM / Updated 2 hours ago\n"
		    "Growth is likely to reach 4% next year.",
		    "A0|Poland's economy set to rebound|2021-03-03|\n"
		    "T Poland's economy set to rebound\n"
		    "P Growth is likely to reach 4% next year.\n");
	/* an agency after the name is not part of it */
	expect_page("Poland's economy set to rebound\nMarch 3, 2021\nBy Anna Nowak, Reuters\n"
		    "Growth is likely to reach 4% next year.",
		    "A0|Poland's economy set to rebound|2021-03-03|Anna Nowak\n"
		    "T Poland's economy set to rebound\n"
		    "P Growth is likely to reach 4% next year.\n");
	expect_page("Poland's economy set to rebound\nMarch 3, 2021\nBy Anna Nowak, Jan Kowalski\n"
		    "Growth is likely to reach 4% next year.",
		    "A0|Poland's economy set to rebound|2021-03-03|Anna Nowak, Jan Kowalski\n"
		    "T Poland's economy set to rebound\n"
		    "P Growth is likely to reach 4% next year.\n");
	/* separators in a line that holds no date or byline change nothing:
	 * a short label stays the title when no longer headline comes */
	expect_page("Trade | Energy\nMarch 3, 2021\n\nPrices rose / fell.",
		    "A0|Trade | Energy|2021-03-03|\n"
		    "T Trade | Energy\n"
		    "P Prices rose / fell.\n");
}

static void test_layout_by_range_section(void **state)
{
	(void)state;
	expect_page("by\nDecember 11 \xe2\x80\x93 December 17, 2017\nSecurity issues\n\n"
		    "Cooperation is likely to widen\n\nThe situation has gotten better\n"
		    "Cooperation is likely to widen\n\nBelarus is broadening cooperation.\n\n"
		    "You have been successfully subscribed\n\nSubscribe to our newsletter\n\n"
		    "Once a week we provide analytical commentaries in English.\nEN\nBE/RU\n"
		    "Subscribe\n\nSituation in Belarus\n\nMarch 18 \xe2\x80\x93 March 24\n"
		    "View all\n\nSubscribe to us\n\nRead more",
		    "A0|Cooperation is likely to widen|2017-12-17|\n"
		    "T Cooperation is likely to widen\n"
		    "P Belarus is broadening cooperation.\n");
}

static void test_layout_byline_and_posted(void **state)
{
	(void)state;
	expect_page("May 11 \xe2\x80\x93 May 17, 2020\nSecurity issues\n\n"
		    "Beijing has renewed its interest in Minsk\n\nThe situation has not changed\n"
		    "Beijing has renewed its interest in Minsk\n\nBy Andrei Parotnikau\n\n"
		    "China acts as a more interested party.\n",
		    "A0|Beijing has renewed its interest in Minsk|2020-05-17|Andrei Parotnikau\n"
		    "T Beijing has renewed its interest in Minsk\n"
		    "P China acts as a more interested party.\n");
	expect_page("Posted: 08.11.2023 16:38:00\n\n"
		    "Expert: China sees Belarus as equal partner\n\n"
		    "Cooperation is gaining momentum, as noted by an expert in his talk with Alfa Radio\n",
		    "A0|Expert: China sees Belarus as equal partner|2023-11-08|\n"
		    "T Expert: China sees Belarus as equal partner\n"
		    "P Cooperation is gaining momentum, as noted by an expert in his talk with Alfa Radio\n");
}

static void test_embedded_without_marker(void **state)
{
	(void)state;
	expect_page("First article title here\nJanuary 5, 2020\n\nBody one.\n\n"
		    "Second article title here\nJanuary 9, 2020\nBy Jane Roe\n\nBody two.\n\n"
		    "Read also:\n\nThird article title here\n3 Feb 2020\n\nBody three.\n\n"
		    "See also\n\nA link title with no body\nMarch 1, 2020\n",
		    "A0|First article title here|2020-01-05|\nT First article title here\nP Body one.\n"
		    "A1|Second article title here|2020-01-09|Jane Roe\nT Second article title here\n"
		    "P Body two.\n"
		    "A2|Third article title here|2020-02-03|\nT Third article title here\n"
		    "P Body three.\n");
}

static void test_subheading_kept(void **state)
{
	(void)state;
	expect_page("Main title of the article\nJanuary 5, 2020\n\nBody one.\n\n"
		    "Prices are likely to rise sharply\n\nBody two.\n\nShort label\n\nBody three.\n",
		    "A0|Main title of the article|2020-01-05|\nT Main title of the article\n"
		    "P Body one.\nP Prices are likely to rise sharply\nP Body two.\nP Body three.\n");
}

static void test_crlf_bom_wrapped_cutoff(void **state)
{
	(void)state;
	expect_page("\xef\xbb\xbfTitle of a wrapped article\r\n2017-12-17\r\n\r\n"
		    "This paragraph was hard-wrapped by the scraper at about\r\n"
		    "sixty columns, so its lines must be joined again.\r\n\r\n"
		    "The text is cut off in the middle of a sente",
		    "A0|Title of a wrapped article|2017-12-17|\nT Title of a wrapped article\n"
		    "P This paragraph was hard-wrapped by the scraper at about\n"
		    "sixty columns, so its lines must be joined again.\n"
		    "P The text is cut off in the middle of a sente\n");
}

static void test_long_line(void **state)
{
	struct buf page, out;
	(void)state;
	buf_init(&page);
	buf_init(&out);
	buf_adds(&page, "Title of the long page\nOctober 03, 2016\n\n");
	for (int i = 0; i < 200; i++)
		buf_printf(&page, "Sentence number %d is here. ", i);
	buf_adds(&page, "\n\nLast.\n");
	for (size_t step = 0; step <= 7; step += 7) {
		buf_reset(&out);
		assert_int_equal(read_page(page.data, page.len, step, 128, &out, NULL), 0);
		/* every piece within the cap, cut at sentence ends, nothing lost */
		size_t pieces = 0, total = 0;
		for (char *p = strstr(out.data, "\nP "); p; p = strstr(p + 1, "\nP ")) {
			char *e = strchr(p + 1, '\n');
			size_t n = (size_t)(e - p) - 3;
			assert_true(n <= 128);
			if (strncmp(p + 3, "Last.", 5) != 0) {
				assert_memory_equal(p + 3, "Sentence number ", 16);
				assert_true(p[2 + n] == '.');
				total += n + 1;
			}
			pieces++;
		}
		assert_true(pieces > 40);
		assert_int_equal(total, strlen(strstr(page.data, "Sentence")) - strlen("\n\nLast.\n"));
	}
	buf_release(&out);
	buf_release(&page);
}

static void test_invalid_utf8(void **state)
{
	struct buf out;
	unsigned long long bad = 0;
	(void)state;
	buf_init(&out);
	const char *page = "Title line of the page\nOctober 03, 2016\n\nGood text. Bad \xc0\xaf here.\n";
	assert_int_equal(read_page(page, strlen(page), 0, 0, &out, &bad), LIKELY_DATAERR);
	assert_int_equal(bad, strstr(page, "\xc0") - page);
	buf_reset(&out);
	assert_int_equal(read_page(page, strlen(page), 5, 0, &out, &bad), LIKELY_DATAERR);
	assert_int_equal(bad, strstr(page, "\xc0") - page);
	assert_int_equal(read_page("ok \xe2\x80", 5, 1, 0, &out, &bad), LIKELY_DATAERR);
	assert_int_equal(bad, 3);
	buf_release(&out);
}

static void test_classify(void **state)
{
	long d = 0;
	size_t a = 0, b = 0;
	(void)state;
#define K(s) page_classify(s, strlen(s), &d, &a, &b)
	assert_int_equal(K("Photo: www.belta.by"), PAGE_LINE_CREDIT);
	assert_int_equal(K("Image: Catholic.by"), PAGE_LINE_CREDIT);
	assert_int_equal(K("\xd0\xa4\xd0\xbe\xd1\x82\xd0\xbe: \xd0\x9c\xd0\xb8\xd0\xbd"), PAGE_LINE_CREDIT);
	assert_int_equal(K("Source: Reuters"), PAGE_LINE_CREDIT);
	assert_int_equal(K("Security issues"), PAGE_LINE_LABEL);
	assert_int_equal(K("EN"), PAGE_LINE_LABEL);
	assert_int_equal(K("BE/RU"), PAGE_LINE_LABEL);
	assert_int_equal(K("View all"), PAGE_LINE_LABEL);
	assert_int_equal(K("Category status:"), PAGE_LINE_STATUS);
	assert_int_equal(K("The situation has not changed"), PAGE_LINE_STATUS);
	assert_int_equal(K("Subscribe to our newsletter"), PAGE_LINE_NEWSLETTER);
	assert_int_equal(K("Similar articles"), PAGE_LINE_MARKER);
	assert_int_equal(K("More on this topic:"), PAGE_LINE_MARKER);
	assert_int_equal(K("March 18 \xe2\x80\x93 March 24"), PAGE_LINE_UNDATED);
	assert_int_equal(K("October 03, 2016 11:24"), PAGE_LINE_DATE);
	assert_int_equal(K("https://example.org/a/b"), PAGE_LINE_BOILER);
	assert_int_equal(K("\xc2\xa9 2020 Example Media"), PAGE_LINE_BOILER);
	assert_int_equal(K("Minsk set to strengthen military cooperation with China"),
			 PAGE_LINE_HEADING);
	assert_int_equal(K("It is a sentence."), PAGE_LINE_TEXT);
	assert_int_equal(K("by"), PAGE_LINE_BYLINE);
	assert_int_equal(a, b);
	const char *by = "By Andrei Parotnikau";
	assert_int_equal(K(by), PAGE_LINE_BYLINE);
	assert_int_equal(b - a, strlen("Andrei Parotnikau"));
	assert_memory_equal(by + a, "Andrei Parotnikau", b - a);
	assert_int_equal(K("By 2020 the army will grow."), PAGE_LINE_TEXT);
	assert_int_equal(K("by the end of the year things will change"), PAGE_LINE_TEXT);
	assert_int_equal(K("   "), PAGE_LINE_BLANK);
#undef K
}

/* The case-insensitive substring tests behind newsletter, copyright and
 * status lines: anywhere in the line, any case, overlapping near misses. */
static void test_classify_substring(void **state)
{
	long d = 0;
	size_t a = 0, b = 0;
	(void)state;
#define K(s) page_classify(s, strlen(s), &d, &a, &b)
	assert_int_equal(K("You have been successfully SUBSCRIBED!"), PAGE_LINE_NEWSLETTER);
	assert_int_equal(K("Our weekly NewsLetter"), PAGE_LINE_NEWSLETTER);
	assert_int_equal(K("newsletter"), PAGE_LINE_NEWSLETTER);
	assert_int_not_equal(K("Newslette"), PAGE_LINE_NEWSLETTER);
	assert_int_not_equal(K("ewsletter news"), PAGE_LINE_NEWSLETTER);
	assert_int_equal(K("2020 Example Media. All Rights Reserved."), PAGE_LINE_BOILER);
	assert_int_equal(K("Rights: all rightsall rights reserved"), PAGE_LINE_BOILER);
	assert_int_equal(K("all rights reserved"), PAGE_LINE_BOILER);
	assert_int_not_equal(K("All rights reserve"), PAGE_LINE_BOILER);
	assert_int_not_equal(K("All right reserved"), PAGE_LINE_BOILER);
	assert_int_equal(K("Report STATUS: pending"), PAGE_LINE_STATUS);
	assert_int_equal(K("status:"), PAGE_LINE_STATUS);
	assert_int_not_equal(K("Report statu: pending"), PAGE_LINE_STATUS);
#undef K
}

/* Marker lines: any case, trailing ":" or ".", the Cyrillic ones with a
 * capital or small first letter; a longer or shorter line is not one. */
static void test_classify_markers(void **state)
{
	long d = 0;
	size_t a = 0, b = 0;
	(void)state;
#define K(s) page_classify(s, strlen(s), &d, &a, &b)
	assert_int_equal(K("RELATED NEWS."), PAGE_LINE_MARKER);
	assert_int_equal(K("You may be interested:"), PAGE_LINE_MARKER);
	assert_int_equal(K("Read more..."), PAGE_LINE_MARKER);
	assert_int_not_equal(K("Related newsy"), PAGE_LINE_MARKER);
	assert_int_not_equal(K("Relate"), PAGE_LINE_MARKER);
	/* Читайте также:, читайте также, По теме, по теме */
	assert_int_equal(K("\xd0\xa7\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
			   "\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5:"), PAGE_LINE_MARKER);
	assert_int_equal(K("\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
			   "\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5"), PAGE_LINE_MARKER);
	assert_int_equal(K("\xd0\x9f\xd0\xbe \xd1\x82\xd0\xb5\xd0\xbc\xd0\xb5"), PAGE_LINE_MARKER);
	assert_int_equal(K("\xd0\xbf\xd0\xbe \xd1\x82\xd0\xb5\xd0\xbc\xd0\xb5."), PAGE_LINE_MARKER);
	assert_int_not_equal(K("\xd0\x9f\xd0\xbe \xd1\x82\xd0\xb5\xd0\xbc\xd0\xb0"), PAGE_LINE_MARKER);
#undef K
}

/* A metadata line split at its separators can give an empty piece
 * ("Jane Okafor |  | 3 March 2021"); the classifier reads nothing before
 * it (the fuzzer found s[len - 1] read at len 0). */
static void test_classify_empty(void **state)
{
	(void)state;
	struct page_line l;
	const char *line = "Jane Okafor |  | 3 March 2021";
	page_line_classify(line + 13, 0, &l);
	assert_int_equal(l.kind, PAGE_LINE_TEXT);
}

static void test_format_sniff(void **state)
{
	(void)state;
	static const char doctype[] = "\n<!doctype html><html><body>";
	static const char rss[] = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">";
	static const char text[] = "\xef\xbb\xbfMinsk is likely to widen trade\n";
	static const char open_comment[] = "<!-- a comment that goes on and on";
	static const char utf16[] = "\xff\xfe<\0h\0t\0m\0l\0>\0<\0b\0o\0d\0y\0>\0";
	assert_int_equal(page_format_sniff(doctype, sizeof doctype - 1, false),
			 PAGE_FORMAT_HTML);
	assert_int_equal(page_format_sniff(rss, sizeof rss - 1, false), PAGE_FORMAT_FEED);
	assert_int_equal(page_format_sniff(text, sizeof text - 1, false), PAGE_FORMAT_TEXT);
	assert_int_equal(page_format_sniff(open_comment, sizeof open_comment - 1, false),
			 PAGE_FORMAT_AUTO);
	assert_int_equal(page_format_sniff(open_comment, sizeof open_comment - 1, true),
			 PAGE_FORMAT_TEXT);
	assert_int_equal(page_format_sniff(utf16, sizeof utf16 - 1, true), PAGE_FORMAT_HTML);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_title_first),
		cmocka_unit_test(test_short_headline),
		cmocka_unit_test(test_navigation_dropped),
		cmocka_unit_test(test_metadata_on_one_line),
		cmocka_unit_test(test_layout_by_range_section),
		cmocka_unit_test(test_layout_byline_and_posted),
		cmocka_unit_test(test_embedded_without_marker),
		cmocka_unit_test(test_subheading_kept),
		cmocka_unit_test(test_crlf_bom_wrapped_cutoff),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_classify_substring),
		cmocka_unit_test(test_classify_markers),
		cmocka_unit_test(test_classify_empty),
		cmocka_unit_test(test_format_sniff),
	};
	return cmocka_run_group_tests_name("page", tests, NULL, NULL);
}
