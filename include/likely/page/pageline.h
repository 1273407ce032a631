/*
 * pageline: what one line of a page is (page reader, internal).  Pure
 * functions over a trimmed line; every word they look for comes from the
 * tables of pagevocab.  The article state machine (pagearticle) decides
 * what a kind of line means where it stands.
 */
#ifndef LIKELY_PAGELINE_H
#define LIKELY_PAGELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/page/page.h"
#include "likely/page/pagedate.h"

#define PAGELINE_HEADING_MAX 200 /* bytes: longer lines are body text */
#define PAGELINE_SHORT_WORDS 3   /* a label has at most this many words */

struct page_line {
	enum page_line_kind kind;
	struct pagedate date;        /* PAGE_LINE_DATE */
	size_t name_start, name_end; /* BYLINE, EXPERT, NAME: the name */
	/* HEADING with a date after a dash ("Review — January 18, 2022"):
	 * the date, and the heading's length without it; 0 otherwise */
	size_t title_len;
};

/* Classifies the trimmed line s[0..len); an empty one is text. */
void page_line_classify(const char *s, size_t len, struct page_line *l);

/* Words, counted at white space. */
size_t page_count_words(const char *s, size_t len);
/* Ends like a sentence: . ! ? … or one of them before closing quotes. */
bool page_ends_sentence(const char *s, size_t len);
/* Shaped like a menu or breadcrumb: a separator, an arrow ("Press ›
 * Releases") or words spaced out ("News  Analysis  Economy"). */
bool page_menu_like(const char *s, size_t len);
/* The byte length of a list marker ("– ", "• ", "1. ", "a) ") opening s,
 * 0 when none. */
size_t page_list_marker(const char *s, size_t len);
/*
 * Where a metadata separator (" | ", " / ", " · ", " • ") starts at or
 * after i and its length in *seplen; len when there is none.
 */
size_t page_next_separator(const char *s, size_t len, size_t i, size_t *seplen);

#endif
