/*
 * pagedump: what the page reader found, as text -- the output of `likely
 * read` and the format of tests/extract/pages/NAME.expected:
 *
 *   A0 2023-06-04 | Anna Reed | The headline
 *     T The headline
 *     P [Outlook for 2024:] {Olga Petrenko} A body paragraph.
 *     I A list item, its marker removed.
 *
 * One line per article (index, date as YYYY-MM-DD or YYYY-MM when only the
 * month is known or "-", author or "-", title or "-"), then its
 * paragraphs: T title, P body, I list item, with [section heading] and
 * {block author} when they have them; line breaks inside a paragraph are
 * printed as spaces.
 */
#ifndef LIKELY_PAGEDUMP_H
#define LIKELY_PAGEDUMP_H

#include <stdio.h>

#include "likely/page.h"

/* Callbacks printing to out (they never stop the reader). */
struct page_callbacks page_dump_callbacks(FILE *out);

#endif
