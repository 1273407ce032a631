/*
 * Test plan (htmlmain, html dates, the page sniffer):
 *  - elements dropped whole: never-text tags, navigation, header/footer
 *    outside an article but not inside, hidden ones (attribute, aria,
 *    inline style), class/id words strong and weak, content words saving
 *    a weak word, structural elements never dropped by class;
 *  - blocks dropped by link density, and the byline and headline kept;
 *  - dates as metadata writes them (ISO with zone, month, compact, RFC
 *    822, visible forms) and what is not a date;
 *  - content detection: doctype, <html, feeds, comments and XML
 *    declarations before them, text whatever looks like markup later.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/date.h"
#include "likely/page/html.h"
#include "likely/page/htmlmain.h"
#include "likely/page/page.h"

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

static void test_never_text(void **state)
{
	(void)state;
	static const char *const tags[] = {"script", "style", "noscript", "template",
					   "nav", "aside", "form", "button",
					   "figcaption", "iframe", NULL};
	for (size_t i = 0; tags[i]; i++)
		assert_true(htmlmain_drop_element(tags[i], NULL, true));
	assert_false(htmlmain_drop_element("p", NULL, false));
	assert_false(htmlmain_drop_element("div", NULL, false));
}

static void test_header_footer(void **state)
{
	(void)state;
	/* a header outside the article may hold the headline and byline */
	assert_false(htmlmain_drop_element("header", NULL, false));
	assert_true(htmlmain_drop_element("footer", NULL, false));
	/* inside an article they hold the headline, byline and date */
	assert_false(htmlmain_drop_element("header", NULL, true));
	assert_false(htmlmain_drop_element("footer", NULL, true));
}

static void test_hidden(void **state)
{
	(void)state;
	assert_true(htmlmain_drop_element("p", A("hidden", ""), true));
	assert_true(htmlmain_drop_element("div", A("aria-hidden", "true"), true));
	assert_false(htmlmain_drop_element("div", A("aria-hidden", "false"), true));
	assert_true(htmlmain_drop_element("div", A("style", "color:red; display: none"), true));
	assert_true(htmlmain_drop_element("span", A("style", "VISIBILITY:hidden"), true));
	assert_false(htmlmain_drop_element("div", A("style", "display:block"), true));
}

static void test_class_words(void **state)
{
	(void)state;
	/* strong words drop whatever stands beside them */
	assert_true(htmlmain_drop_element("div", A("class", "cookie-banner"), true));
	assert_true(htmlmain_drop_element("section", A("id", "comments"), true));
	assert_true(htmlmain_drop_element("div", A("class", "post-comments"), true));
	assert_true(htmlmain_drop_element("div", A("class", "related-posts"), true));
	assert_true(htmlmain_drop_element("div", A("class", "share"), true));
	assert_true(htmlmain_drop_element("div", A("class", "newsletter_signup"), true));
	/* weak words only without a content word */
	assert_true(htmlmain_drop_element("div", A("class", "site-header"), true));
	assert_true(htmlmain_drop_element("div", A("id", "menu"), false));
	assert_false(htmlmain_drop_element("header", A("class", "entry-header"), true));
	assert_false(htmlmain_drop_element("div", A("class", "article-footer"), true));
	/* glued words that begin with a strong word */
	assert_true(htmlmain_drop_element("div", A("class", "jp-relatedposts"), true));
	assert_true(htmlmain_drop_element("div", A("id", "sharedaddy"), true));
	assert_true(htmlmain_drop_element("ul", A("class", "socialicons"), true));
	assert_true(htmlmain_drop_element("ol", A("class", "commentlist"), true));
	/* ARIA landmarks that are not the text */
	assert_true(htmlmain_drop_element("div", A("role", "navigation"), true));
	assert_true(htmlmain_drop_element("div", A("role", "complementary"), false));
	assert_false(htmlmain_drop_element("div", A("role", "main"), false));
	assert_false(htmlmain_drop_element("main", A("role", "banner"), false));
	/* a word inside another word is no word */
	assert_false(htmlmain_drop_element("div", A("class", "shared-content"), true));
	assert_false(htmlmain_drop_element("div", A("class", "post-meta"), true));
	/* the page's frame is never dropped by class */
	assert_false(htmlmain_drop_element("body", A("class", "has-sidebar"), false));
	assert_false(htmlmain_drop_element("article", A("class", "comment"), false));
}

static void test_link_density(void **state)
{
	(void)state;
	const char *rel = "Rail carriers likely to raise tariffs";
	assert_false(htmlmain_keep_block(rel, strlen(rel), strlen(rel), 1, false));
	const char *two = "Ports, Rail";
	assert_false(htmlmain_keep_block(two, strlen(two), 9, 2, false));
	/* a paragraph with a link in it */
	const char *para = "The port, says the board's report, will likely shrink.";
	assert_true(htmlmain_keep_block(para, strlen(para), 20, 1, false));
	assert_true(htmlmain_keep_block(para, strlen(para), 0, 0, false));
	/* a linked byline and headline stay */
	const char *by = "By Marta Ilves";
	assert_true(htmlmain_keep_block(by, strlen(by), 11, 1, false));
	assert_true(htmlmain_keep_block(rel, strlen(rel), strlen(rel), 1, true));
}

static void test_blocks(void **state)
{
	(void)state;
	assert_true(htmlmain_is_block("p"));
	assert_true(htmlmain_is_block("li"));
	assert_true(htmlmain_is_block("h2"));
	assert_true(htmlmain_is_block("br"));
	assert_false(htmlmain_is_block("a"));
	assert_false(htmlmain_is_block("em"));
	assert_false(htmlmain_is_block("time"));
}

static void date_is(const char *s, const char *iso)
{
	long d;
	bool month;
	char out[DATE_ISO_LEN];
	if (!iso) {
		assert_false(html_parse_date(s, &d, &month));
		return;
	}
	assert_true(html_parse_date(s, &d, &month));
	if (month)
		date_format_month(d, out);
	else
		date_format_iso(d, out);
	assert_string_equal(out, iso);
}

static void test_dates(void **state)
{
	(void)state;
	date_is("2023-10-10T08:30:00+02:00", "2023-10-10");
	date_is("2023-10-10T23:30:00-05:00", "2023-10-10"); /* its own day */
	date_is("2023-10-10", "2023-10-10");
	date_is(" 2023/10/10 ", "2023-10-10");
	date_is("2023-10", "2023-10");
	date_is("20231010", "2023-10-10");
	date_is("Tue, 10 Oct 2023 08:30:00 +0200", "2023-10-10");
	date_is("10 Oct 2023 08:30 GMT", "2023-10-10");
	date_is("Mon, 04 Sep 2023 07:00:00 GMT", "2023-09-04");
	date_is("4 Sept. 2023", "2023-09-04"); /* the months' other names too */
	date_is("4 Mai 2023", NULL);
	date_is("October 10, 2023", "2023-10-10");
	date_is("2023-02-30", NULL);
	date_is("yesterday", NULL);
	date_is("", NULL);
}

static enum page_format detect(const char *page)
{
	struct page_callbacks cb = {0};
	struct page_reader *r = page_reader_new(&cb, 0);
	page_feed(r, page, strlen(page));
	enum page_format f = page_reader_format(r);
	page_reader_free(r);
	return f;
}

static void test_sniff(void **state)
{
	(void)state;
	/* a long enough page decides at once; the padding is text */
	char buf[8192];
	static const struct {
		const char *head;
		enum page_format want;
	} cases[] = {
		{"<!DOCTYPE html>\n<html>", PAGE_FORMAT_HTML},
		{"<!doctype HTML><title>x</title>", PAGE_FORMAT_HTML},
		{"\xef\xbb\xbf  <html lang=\"en\">", PAGE_FORMAT_HTML},
		{"<!-- saved from url -->\n<HTML>", PAGE_FORMAT_HTML},
		{"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"x\">\n<html>",
		 PAGE_FORMAT_HTML},
		{"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", PAGE_FORMAT_FEED},
		{"<feed xmlns=\"http://www.w3.org/2005/Atom\">", PAGE_FORMAT_FEED},
		{"<rdf:RDF xmlns:rdf=\"x\">", PAGE_FORMAT_FEED},
		{"Grain exports likely to recover\n<html>", PAGE_FORMAT_TEXT},
		{"<p>A fragment is text unless forced</p>", PAGE_FORMAT_TEXT},
		{"<htmlx>", PAGE_FORMAT_TEXT},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(buf, sizeof buf, "%s", cases[i].head);
		size_t n = strlen(buf);
		memset(buf + n, ' ', sizeof buf - n - 1);
		buf[sizeof buf - 1] = '\0';
		if (detect(buf) != cases[i].want)
			fail_msg("%s: read as %s", cases[i].head,
				 page_format_name(detect(buf)));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_never_text),
		cmocka_unit_test(test_header_footer),
		cmocka_unit_test(test_hidden),
		cmocka_unit_test(test_class_words),
		cmocka_unit_test(test_link_density),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_sniff),
	};
	return cmocka_run_group_tests_name("htmlmain", tests, NULL, NULL);
}
