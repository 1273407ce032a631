/*
 * pagedump: what the page reader found -- the output of `likely read` and
 * the format of tests/extract/pages/NAME.expected.
 *
 * Text (`read`, `read --format text`):
 *
 *   A0 2023-06-04 [meta] | Anna Reed | The headline
 *     U https://example.org/the-article
 *     T The headline
 *     P [Outlook for 2024:] {Olga Petrenko} A body paragraph.
 *     I A list item, its marker removed.
 *
 * One line per article (index, date as YYYY-MM-DD or YYYY-MM when only the
 * month is known or "-", where the date came from in brackets -- json-ld,
 * meta, time, text, manifest or none --, author or "-", title or "-"),
 * its url (U) when it has one, then its paragraphs: T title, P body, I
 * list item, with [section heading] and {block author} when they have
 * them; line breaks inside a paragraph are printed as spaces.
 *
 * JSON lines (`read --format jsonl`): one object per article, in page
 * order, with exactly the keys file, article (1-based), title, published
 * (YYYY-MM-DD, YYYY-MM, or "" when none), date_source, author, url, text
 * (the paragraphs but the title, separated by a blank line); "" for what
 * is missing.  Written as the page is read: memory does not grow with
 * the article.
 */
#ifndef LIKELY_PAGEDUMP_H
#define LIKELY_PAGEDUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "likely/page/page.h"

/* Callbacks printing text to out (they never stop the reader). */
struct page_callbacks page_dump_callbacks(FILE *out);

struct page_json {
	FILE *out;
	const char *file;
	bool open;
	unsigned paragraphs;
};
/* Callbacks printing JSON lines for the page named file to out; j holds
 * their state.  page_json_finish closes the last object. */
struct page_callbacks page_json_callbacks(struct page_json *j, FILE *out, const char *file);
void page_json_finish(struct page_json *j);

#endif
