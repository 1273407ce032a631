/*
 * xlsx: a spreadsheet workbook (Office Open XML, .xlsx) written row by
 * row, the only module that sees libxlsxwriter.
 *
 * Every cell is typed by its column: text, a whole number, a number, a
 * percentage (the value stays the fraction 0.7, shown as 70.0%) or a
 * date.  There is no way to write a formula: text is always a string
 * cell, whatever its first character, so a claim that starts with "="
 * stays text in Excel and LibreOffice alike.  Each sheet has its header
 * row frozen, an autofilter over its table, and column widths set from
 * the column types.
 *
 * Rows go out in order and are not kept in memory (libxlsxwriter's
 * constant-memory mode), so a sheet of a million forecasts costs little
 * memory; sheets can be filled in any order once they are all added.
 * The bytes depend only on what is written and the creation date given:
 * the same input gives the same file.
 */
#ifndef LIKELY_XLSX_H
#define LIKELY_XLSX_H

#include <stdbool.h>
#include <stddef.h>

/* The most rows a sheet holds (Excel's limit, header included). */
#define XLSX_MAX_ROWS 1048576L

enum xlsx_type {
	XLSX_TEXT,
	XLSX_INTEGER, /* shown without decimals */
	XLSX_NUMBER,  /* shown with 3 decimals; the cell keeps every digit */
	XLSX_PERCENT, /* a fraction shown as "70.0%" */
	XLSX_DATE,    /* "YYYY-MM-DD" becomes a date cell shown so; other
		       * text ("2016-05", a month) stays text */
};

struct xlsx_column {
	const char *name;
	enum xlsx_type type;
};

struct xlsx;

/*
 * Starts the workbook that xlsx_close will write to path.  created is the
 * creation date (days since 1970-01-01) the file records -- the report's
 * as-of date, not the clock, so the bytes are reproducible; title goes into
 * the document properties.  Returns a workbook, or NULL when
 * libxlsxwriter cannot start one (out of memory).  Nothing is written
 * before xlsx_close.
 */
struct xlsx *xlsx_new(const char *path, const char *title, long created);

/* Adds sheet number i (0, 1, ... in the order of the tabs) with its
 * header row; ncols columns, the descriptions kept by pointer. */
void xlsx_add_sheet(struct xlsx *x, const char *name, const struct xlsx_column *cols, size_t ncols);
/* Keeps at most `rows` rows under the header of sheet `sheet` (never more
 * than the format's XLSX_MAX_ROWS); the rest are dropped and counted. */
void xlsx_limit_rows(struct xlsx *x, size_t sheet, long rows);

/*
 * The next cell of the current row of sheet `sheet`, in column order.
 * xlsx_text writes text (NULL or "" is an empty cell); xlsx_number a
 * number (NAN or an infinity: an empty cell); xlsx_cell writes text as
 * its column's type says (a date, or a number read with a '.' decimal
 * point; text that is not one stays text).  Rows past the sheet's limit
 * (XLSX_MAX_ROWS, or xlsx_limit_rows) are counted and dropped
 * (xlsx_dropped).
 */
void xlsx_text(struct xlsx *x, size_t sheet, const char *s);
void xlsx_number(struct xlsx *x, size_t sheet, double v);
void xlsx_cell(struct xlsx *x, size_t sheet, const char *s);
void xlsx_end_row(struct xlsx *x, size_t sheet);
/* Whether the row being written on sheet will be kept (false once the
 * sheet's limit is reached): a caller may then skip making its cells and
 * just end the row, which still counts it as dropped. */
bool xlsx_row_kept(const struct xlsx *x, size_t sheet);
/* Rows of sheet that did not fit. */
long xlsx_dropped(const struct xlsx *x, size_t sheet);

/*
 * A native scatter chart placed on sheet `on` at cell (row, col): series
 * of points (x, y) read from columns of the rows first..last (0-based,
 * header is row 0) of sheet `from`; both axes 0-100%.
 */
struct xlsx_series {
	const char *name;
	size_t from;      /* sheet holding the data */
	long first, last; /* rows */
	size_t x_col, y_col;
	int line; /* 1: a line without markers, 0: markers only */
};

void xlsx_scatter(struct xlsx *x, size_t on, long row, size_t col, const char *title,
		  const char *x_title, const char *y_title, const struct xlsx_series *s, size_t ns);

/*
 * Writes the file and frees the workbook.  Returns 0, or -1 with *why set
 * to a static message when libxlsxwriter could not write it.  NULL is
 * fine (returns 0).
 */
int xlsx_close(struct xlsx *x, const char **why);

#endif
