/*
 * csvio: all CSV reading and writing, the only module that sees libcsv.
 *
 * Reading is strict RFC 4180 (a stray quote or an unterminated quoted
 * field is an error), accepts a UTF-8 BOM and CRLF line ends, keeps spaces
 * around unquoted fields, and hands each record to a callback together with
 * the physical line it starts on, so callers can say FILE:LINE.
 *
 * Writing follows the spreadsheet convention of SPEC.md §7: text is always
 * quoted, numbers and ISO dates never are, an undefined value is an empty
 * cell, and (on request) text that a spreadsheet would run as a formula is
 * prefixed with an apostrophe.
 */
#ifndef LIKELY_CSVIO_H
#define LIKELY_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "likely/base/diag.h"

struct csv_record {
	char **fields; /* NUL-terminated; an empty cell is "" */
	size_t count;
	unsigned long line; /* physical line the record starts on (1-based) */
};

/*
 * Called once per record, header included.  Return 0 to go on, or an
 * exit code to stop reading (csvio_read then returns that code).
 */
typedef int (*csv_record_fn)(const struct csv_record *rec, void *ctx);

/*
 * Reads CSV from fp (name is used in messages only).  Returns LIKELY_OK,
 * the callback's code, LIKELY_DATAERR for malformed CSV (reported to d as
 * "NAME:LINE: ..."), or LIKELY_IOERR for a read error.
 */
int csvio_read(FILE *fp, const char *name, csv_record_fn fn, void *ctx, struct diag *d);
/* Opens path ("-" is stdin) and reads it; LIKELY_NOINPUT when it cannot. */
int csvio_read_path(const char *path, csv_record_fn fn, void *ctx, struct diag *d);

/*
 * A table: a header naming the columns, then rows of as many fields.  The
 * ledger, the manifest and the configuration files are each one; this
 * checks what they share -- the exact header, the field count of every
 * row, a cap on reported problems -- and hands each row of the right
 * shape to the owner, who checks its values.  Every bad row is reported as
 * "FILE:LINE: ..." (a user fixes a file in one pass) up to
 * CSV_TABLE_MAX_ERRORS, where reading stops.
 */
#define CSV_TABLE_MAX_ERRORS 20

struct csv_table {
	const char *path;           /* "-" is stdin */
	const char *const *columns; /* the header, NULL-terminated */
	size_t min_columns;         /* a header of only the first min_columns
				     * names is accepted too (an older file);
				     * 0: all of them */
	const char *header_note;    /* said after the expected header, or NULL */
	/* Each row with the header's field count: returns 0 to go on, or
	 * csv_table_bad's result, or an exit code to stop. */
	int (*row)(struct csv_table *t, const struct csv_record *rec);
	void *ctx; /* the owner's */
	struct diag *d;
	size_t ncols;         /* the header's columns, once read */
	unsigned long errors; /* problems reported */
};

/*
 * Reads t->path.  LIKELY_OK when the header and every row passed,
 * LIKELY_DATAERR after reporting what did not (an empty file, a wrong
 * header, a row of another field count, what t->row reported),
 * LIKELY_NOINPUT / LIKELY_IOERR when the file cannot be read, or the code
 * t->row stopped with.
 */
int csv_table_read(struct csv_table *t);
/*
 * Reports a bad row ("FILE:LINE: " then the message) and counts it.
 * Returns 0, or LIKELY_DATAERR when the cap is reached (return it from
 * t->row to stop reading).
 */
int csv_table_bad(struct csv_table *t, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

enum {
	CSVW_CRLF = 1,          /* end records with CR LF (Excel) */
	CSVW_BOM = 2,           /* start the file with a UTF-8 BOM (Excel) */
	CSVW_GUARD_FORMULAS = 4 /* prefix ' to text starting = + - @ TAB CR */
};

struct buf;

/* A record is kept in pend and reaches fp whole at csvw_end. */
struct csv_writer {
	FILE *fp;
	struct buf *mem; /* or, when fp is NULL, the buffer records go to */
	unsigned flags;
	bool row_started; /* a field has been written on this record */
	size_t npend;
	char pend[4096];
};

void csvw_init(struct csv_writer *w, FILE *fp, unsigned flags);
/* The same writer, appending its records to b (which the caller owns). */
void csvw_init_buf(struct csv_writer *w, struct buf *b, unsigned flags);
/* Quoted text; NULL or "" writes an empty cell. */
void csvw_text(struct csv_writer *w, const char *s);
/* Unquoted token written as given (ISO dates, integers already formatted). */
void csvw_raw(struct csv_writer *w, const char *s);
/* Whether csvw_text(w, s) would prefix s with an apostrophe (the formula
 * guard). */
bool csvw_guards(const struct csv_writer *w, const char *s);
/* Fields already formatted, len bytes with their separators but no line
 * end (the start of a record another writer made), written as they are. */
void csvw_fields(struct csv_writer *w, const char *fields, size_t len);
/* A number: shortest text that reads back exactly, '.' decimal point;
 * NaN and infinities (undefined figures) write an empty cell. */
void csvw_double(struct csv_writer *w, double v);
void csvw_long(struct csv_writer *w, long long v);
void csvw_end(struct csv_writer *w);
/* Writes a header record of plain (unquoted) names, NULL-terminated. */
void csvw_header(struct csv_writer *w, const char *const *names);

/* The number formatting used by csvw_double, for other writers (reports). */
void csv_format_double(double v, char out[32]);
/*
 * A computed figure for a spreadsheet: at most 12 significant digits
 * ("%.12g", '.' decimal point), so 0.015 is not 0.0150000000000001;
 * "0" for zero of either sign; "" for NaN and infinities.
 */
void csv_format_figure(double v, char out[32]);

#endif
