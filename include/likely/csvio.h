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

#include "likely/diag.h"

struct csv_record {
	char **fields;      /* NUL-terminated; an empty cell is "" */
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
int csvio_read(FILE *fp, const char *name, csv_record_fn fn, void *ctx,
	       struct diag *d);
/* Opens path ("-" is stdin) and reads it; LIKELY_NOINPUT when it cannot. */
int csvio_read_path(const char *path, csv_record_fn fn, void *ctx,
		    struct diag *d);

enum {
	CSVW_CRLF = 1,          /* end records with CR LF (Excel) */
	CSVW_BOM = 2,           /* start the file with a UTF-8 BOM (Excel) */
	CSVW_GUARD_FORMULAS = 4 /* prefix ' to text starting = + - @ TAB CR */
};

struct buf;

/* A record is kept in pend and reaches fp whole at csvw_end. */
struct csv_writer {
	FILE *fp;
	struct buf *mem;  /* or, when fp is NULL, the buffer records go to */
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
