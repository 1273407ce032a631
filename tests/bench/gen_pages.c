/*
 * gen_pages: writes a large, realistic scraped page to stdout for the
 * extraction benchmark: one main article and then embedded articles after
 * "Similar articles" markers, each with a title, a date in one of the
 * corpus formats, sometimes a byline, photo credits in Latin and Cyrillic,
 * section and status labels, newsletter boilerplate, paragraphs of varied
 * sentences (about one in twelve carries a cue), Cyrillic paragraphs, CRLF
 * stretches and some very long single-line paragraphs (up to 3 MB, past
 * the reader's 1 MiB cap).  Deterministic (fixed xorshift seed), so runs
 * are comparable.
 *
 * usage: gen_pages MEGABYTES > page.txt
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static const char *const subjects[] = {
	"Belarus", "Minsk", "The Belarusian authorities", "Moscow", "Beijing",
	"The Defence Ministry", "The opposition", "The National Bank",
	"Lukashenka", "The government", "Russian investors", "The European Union",
	"Sino-Belarusian cooperation", "The military-industrial complex",
	"Public opinion", "The Orthodox Church", "Domestic producers"};
static const char *const verbs[] = {
	"expanded", "discussed", "reviewed", "postponed", "signed", "criticised",
	"supported", "announced", "received", "rejected", "developed", "promoted",
	"visited", "monitored", "restructured", "financed"};
static const char *const objects[] = {
	"the roadmap on military-technical cooperation",
	"a number of agreements on bilateral cooperation",
	"the contract for wheeled armoured vehicles",
	"the moratorium on the death penalty",
	"new loans from Chinese banks", "the Great Stone industrial park",
	"the air defence modernisation programme",
	"its stance on regional security issues",
	"the nuclear power plant in Astravets",
	"trade with Kazakhstan and Ukraine", "the draft budget for 2021",
	"relations with Western capitals"};
static const char *const tails[] = {
	"", " last week", " in 2015", ", according to independent pollsters",
	" despite Moscow\xe2\x80\x99s objections", " on May 14th, 2020",
	" (the roadmap)", " at the highest level", ", e.g. in the U.S. market",
	" with 3.5 percent growth", " \xe2\x80\x93 as noted by Mr. Avdonin \xe2\x80\x93"};
static const char *const cues[] = {
	"%s is likely to expand %s.", "%s is unlikely to abandon %s.",
	"%s will remain committed to %s in the near future.",
	"%s may soon change %s.", "%s could have influenced %s.",
	"%s would depend on %s.", "This is likely a signal that %s ignores %s.",
	"%s is expected to review %s by the end of 2021.",
	"%s is not very likely to revise %s.", "%s must reconsider %s.",
	"Earlier, the ministry reported that %s will review %s.",
	"%s could be interested in %s."};
static const char *const cyr[] = {
	"\xd0\x9c\xd0\xb8\xd0\xbd\xd1\x81\xd0\xba \xd0\xb8 \xd0\x9f\xd0\xb5\xd0\xba\xd0\xb8\xd0\xbd "
	"\xd1\x80\xd0\xb0\xd0\xb7\xd0\xb2\xd0\xb8\xd0\xb2\xd0\xb0\xd1\x8e\xd1\x82 "
	"\xd1\x81\xd0\xbe\xd1\x82\xd1\x80\xd1\x83\xd0\xb4\xd0\xbd\xd0\xb8\xd1\x87\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd0\xbe.",
	"\xd0\x90. \xd0\x9b\xd1\x83\xd0\xba\xd0\xb0\xd1\x88\xd0\xb5\xd0\xbd\xd0\xba\xd0\xbe "
	"\xd0\xbf\xd0\xbe\xd1\x81\xd0\xb5\xd1\x82\xd0\xb8\xd0\xbb \xd0\x9a\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9 "
	"\xd0\xb2 2015 \xd0\xb3. \xd0\xb8 \xd0\xbf\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x81\xd0\xb0\xd0\xbb "
	"\xd0\xb4\xd0\xbe\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80.",
	"\xc2\xab\xd0\xad\xd1\x82\xd0\xbe \xd1\x80\xd0\xb0\xd0\xb2\xd0\xbd\xd0\xbe\xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xbd\xd0\xbe\xd0\xb5 "
	"\xd1\x81\xd0\xbe\xd1\x82\xd1\x80\xd1\x83\xd0\xb4\xd0\xbd\xd0\xb8\xd1\x87\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd0\xbe\xc2\xbb, "
	"\xe2\x80\x94 \xd0\xbe\xd1\x82\xd0\xbc\xd0\xb5\xd1\x82\xd0\xb8\xd0\xbb \xd1\x8d\xd0\xba\xd1\x81\xd0\xbf\xd0\xb5\xd1\x80\xd1\x82."};
static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"};

static unsigned long long written;
static const char *eol = "\n";

static void out(const char *s)
{
	size_t n = strlen(s);
	if (fwrite(s, 1, n, stdout) != n) {
		fprintf(stderr, "gen_pages: write error: %s\n", strerror(errno));
		exit(74);
	}
	written += n;
}

static void sentence(void)
{
	char b[512];
	if (rnd(12) == 0)
		snprintf(b, sizeof b, PICK(cues), PICK(subjects), PICK(objects));
	else
		snprintf(b, sizeof b, "%s %s %s%s.", PICK(subjects), PICK(verbs),
			 PICK(objects), PICK(tails));
	out(b);
}

static void paragraph(unsigned sentences)
{
	for (unsigned i = 0; i < sentences; i++) {
		if (i)
			out(" ");
		if (rnd(25) == 0)
			out(PICK(cyr));
		else
			sentence();
	}
	out(eol);
	out(eol);
}

static void header(int embedded)
{
	char b[256];
	unsigned y = 2015 + rnd(9), m = rnd(12), d = 1 + rnd(28);
	if (embedded) {
		out("Similar articles");
		out(eol);
		out(eol);
	}
	switch (rnd(3)) {
	case 0:
		snprintf(b, sizeof b, "%s %s %s%s%s %02u, %u %02u:%02u%s", PICK(subjects),
			 PICK(verbs), PICK(objects), eol, months[m], d, y, rnd(24), rnd(60), eol);
		out(b);
		out(rnd(2) ? "Photo: www.belta.by" : "\xd0\xa4\xd0\xbe\xd1\x82\xd0\xbe: "
							 "\xd0\xb8\xd0\xbb\xd0\xbb\xd1\x8e\xd1\x81\xd1\x82\xd1\x80\xd0\xb0\xd1\x86\xd0\xb8\xd1\x8f");
		out(eol);
		break;
	case 1:
		snprintf(b, sizeof b, "by%s%s %u \xe2\x80\x93 %s %u, %u%sSecurity issues%s%s",
			 eol, months[m], d, months[m], d + 1 > 28 ? 28 : d + 1, y, eol, eol, eol);
		out(b);
		snprintf(b, sizeof b, "%s is likely to widen %s%s%sThe situation has not changed%s",
			 PICK(subjects), PICK(objects), eol, eol, eol);
		out(b);
		break;
	default:
		snprintf(b, sizeof b, "Posted: %02u.%02u.%u 16:38:00%s%sExpert: %s %s %s%s%sBy Andrei Parotnikau%s",
			 d, m + 1, y, eol, eol, PICK(subjects), PICK(verbs), PICK(objects), eol,
			 eol, eol);
		out(b);
		break;
	}
	out(eol);
}

static void boilerplate(void)
{
	out("You have been successfully subscribed");
	out(eol);
	out(eol);
	out("Subscribe to our newsletter");
	out(eol);
	out(eol);
	out("Once a week, we provide analytical commentaries on the most topical issues.");
	out(eol);
	out("EN");
	out(eol);
	out("BE/RU");
	out(eol);
	out(eol);
	out("March 18 \xe2\x80\x93 March 24");
	out(eol);
	out("View all");
	out(eol);
	out(eol);
}

int main(int argc, char **argv)
{
	unsigned long long target = megabytes_arg(argc, argv, "gen_pages", "page.txt");
	if (target == 0)
		return 2;
	int embedded = 0;
	while (written < target) {
		eol = rnd(10) == 0 ? "\r\n" : "\n";
		header(embedded);
		embedded = 1;
		unsigned paras = 3 + rnd(8);
		for (unsigned p = 0; p < paras; p++) {
			unsigned r = rnd(400);
			if (r == 0)
				paragraph(20000 + rnd(10000)); /* a 2-3 MB single line */
			else if (r < 20)
				paragraph(300 + rnd(300));     /* a long line */
			else
				paragraph(2 + rnd(7));
		}
		if (rnd(4) == 0)
			boilerplate();
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "gen_pages: write error: %s\n", strerror(errno));
		return 74;
	}
	return 0;
}
