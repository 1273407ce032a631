/*
 * gen_html: writes a large HTML page to stdout for the HTML benchmark:
 * a saved-page head (meta tags, JSON-LD, scripts, styles), navigation,
 * a cookie banner, then article text -- paragraphs with links and
 * emphasis, headings, lists, figures -- interleaved with related-link
 * boxes, share widgets, hidden blocks and comment sections, as real pages
 * are, until the size asked for; about one sentence in twelve carries a
 * cue, as in gen_pages.  Deterministic, so runs compare.
 *
 * usage: gen_html MEGABYTES > page.html
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static unsigned long long written;

static void out(const char *s)
{
	size_t n = strlen(s);
	fwrite(s, 1, n, stdout);
	written += n;
}

static const char *const subjects[] = {
	"The central bank", "Minsk", "The ruling party", "Exporters",
	"The government", "Inflation", "The opposition", "Grain prices",
	"The &ldquo;new&rdquo; coalition", "Industrial output"};
/* about one sentence in twelve carries a cue, as in gen_pages */
static const char *const verbs[] = {
	"is likely to raise rates", "reported a fall in output", "met on Monday",
	"published its annual report", "rose by 2%", "held talks with lenders",
	"cut the budget for roads", "signed a trade agreement",
	"lost a court case", "opened a new office", "named a new chairman",
	"raised its dividend"};
static const char *const tails[] = {
	"next year", "before the summer", "in the coming months",
	"according to <a href=\"/analysts\">analysts</a>",
	"as <em>energy prices</em> stay high", "by the end of 2027",
	"despite protests in the capital", "&mdash; a first since 2019"};

static void sentence(void)
{
	out(PICK(subjects));
	out(" ");
	out(PICK(verbs));
	out(" ");
	out(PICK(tails));
	out(". ");
}

static void paragraph(void)
{
	out("<p>");
	unsigned n = 2 + rnd(6);
	for (unsigned i = 0; i < n; i++)
		sentence();
	out("</p>\n");
}

static void furniture(void)
{
	switch (rnd(6)) {
	case 0:
		out("<div class=\"related\"><h3>Related</h3><ul>"
		    "<li><a href=\"/a\">Rates likely to rise, bankers say</a></li>"
		    "<li><a href=\"/b\">Exports will recover next year</a></li></ul></div>\n");
		break;
	case 1:
		out("<div class=\"share\">Share <a href=\"#\">Facebook</a> "
		    "<a href=\"#\">X</a> <a href=\"#\">Telegram</a></div>\n");
		break;
	case 2:
		out("<section id=\"comments\"><div class=\"comment\"><p>This will "
		    "never happen, mark my words.</p></div></section>\n");
		break;
	case 3:
		out("<h2>What comes next</h2>\n<ul><li>Rates will probably stay "
		    "high;</li><li>the budget may be revised.</li></ul>\n");
		break;
	case 4:
		out("<figure><img src=\"x.jpg\" alt=\"\"><figcaption>Photo: "
		    "archive</figcaption></figure>\n<div style=\"display:none\">"
		    "Hidden text will not be read.</div>\n");
		break;
	default:
		out("<script>var x = \"this will likely load late\";</script>\n");
		break;
	}
}

int main(int argc, char **argv)
{
	unsigned long long target = megabytes_arg(argc, argv, "gen_html", "page.html");
	if (target == 0)
		return 2;
	out("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	    "<title>Rates likely to rise as inflation returns | Example Review</title>\n"
	    "<meta property=\"article:published_time\" content=\"2024-05-15T18:40:00+04:00\">\n"
	    "<link rel=\"canonical\" href=\"https://review.example.org/rates\">\n"
	    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
	    "\"@type\":\"NewsArticle\",\"headline\":\"Rates likely to rise as inflation returns\","
	    "\"datePublished\":\"2024-05-15\",\"author\":{\"@type\":\"Person\",\"name\":\"Anna Reed\"}}"
	    "</script>\n<style>.x{color:red}</style>\n</head>\n<body>\n"
	    "<header><nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a></nav></header>\n"
	    "<div class=\"cookie-banner\"><p>We will store cookies if you agree.</p></div>\n"
	    "<main><article>\n<h1>Rates likely to rise as inflation returns</h1>\n"
	    "<p class=\"byline\">By <a href=\"/anna\">Anna Reed</a></p>\n");
	while (written < target) {
		unsigned paras = 2 + rnd(6);
		for (unsigned p = 0; p < paras; p++)
			paragraph();
		furniture();
	}
	out("</article></main>\n<footer><p>&copy; 2024 Example Review</p></footer>\n"
	    "</body>\n</html>\n");
	if (fflush(stdout) != 0) {
		fprintf(stderr, "gen_html: write error: %s\n", strerror(errno));
		return 74;
	}
	return 0;
}
