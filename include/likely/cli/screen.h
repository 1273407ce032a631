/*
 * screen: laying text out for a person at a terminal -- the terminal's
 * size, paragraphs wrapped at word boundaries, and tables whose columns
 * fit the width (the free text is cut, never an id).
 *
 * The width is the terminal's (TIOCGWINSZ) when the stream is one, else
 * $COLUMNS, else 80; so piped output is the same on every machine.
 * Widths count code points (a wide CJK character counts as one).
 */
#ifndef LIKELY_SCREEN_H
#define LIKELY_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "likely/base/buf.h"

#define SCREEN_MIN_COLS 40 /* narrower terminals are laid out as this */

struct screen_size {
	size_t cols, rows;
};

/*
 * The size to lay out for on fp: the terminal's when fp is one and knows
 * it, else $COLUMNS and $LINES, else 80 by 24; never fewer than
 * SCREEN_MIN_COLS columns or 10 rows.
 */
void screen_size(FILE *fp, struct screen_size *sz);

/*
 * The pure part of screen_size: tty_cols/tty_rows are what the terminal
 * said (0: unknown), columns/lines the environment's values (NULL: unset;
 * anything but a positive whole number is ignored).
 */
void screen_size_from(size_t tty_cols, size_t tty_rows, const char *columns, const char *lines,
		      struct screen_size *sz);

/*
 * Appends s to out as lines of at most width characters, each starting
 * with indent (counted in the width) and ending in '\n'.  Whitespace is
 * collapsed; lines break between words, and a word longer than a line is
 * split.  At most max_lines lines are written (0: no limit); when text is
 * left over the last one ends in "...".  Returns the lines written.
 */
size_t screen_wrap(struct buf *out, const char *s, size_t width, const char *indent,
		   size_t max_lines);

/* Appends s as one line of at most width characters: line breaks and
 * tabs become spaces (other spacing is kept), and a longer line is cut,
 * ending in "...". */
void screen_cut(struct buf *out, const char *s, size_t width);

/* The length of s in code points. */
size_t screen_chars(const char *s);

/* One column of a table before its last, free-text column. */
struct screen_col {
	const char *title;
	size_t width; /* characters */
	int rank;     /* 0: always shown; higher ranks go first when space is short */
	bool right;   /* right-aligned (numbers) */
	bool shown;   /* set by screen_table_fit */
};

/*
 * Chooses the columns for a table cols characters wide: every rank-0
 * column, then whole ranks in order while the free-text column keeps at
 * least min_text characters.  Returns the free-text column's width (at
 * least 10).  Columns are separated by two spaces.
 */
size_t screen_table_fit(struct screen_col *cols, size_t n, size_t width, size_t min_text);

/* Appends value as the cell of column c (cut or padded to its width) and
 * the gap after it; nothing when the column is not shown. */
void screen_cell(struct buf *line, const struct screen_col *c, const char *value);

/* Appends the header line: each shown title, then text_title. */
void screen_table_header(struct buf *line, const struct screen_col *cols, size_t n,
			 const char *text_title);

#endif
