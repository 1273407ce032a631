/*
 * diag: the single diagnostics sink (after mandoc's: one function, worst
 * severity wins).
 */
#include "likely/diag.h"

#include <stdarg.h>

void diag_init(struct diag *d, FILE *out)
{
	d->out = out;
	d->worst = LIKELY_OK;
	d->count = 0;
}

/* Exit codes are ordered by how much a caller should worry; a busy
 * database (try again) outranks bad data, which outranks a usage slip. */
static int severity(enum exit_code c)
{
	switch (c) {
	case LIKELY_OK: return 0;
	case LIKELY_FAILURE: return 1;
	case LIKELY_USAGE: return 2;
	case LIKELY_DATAERR: return 3;
	case LIKELY_NOINPUT: return 4;
	case LIKELY_CANTCREAT: return 5;
	case LIKELY_IOERR: return 6;
	case LIKELY_TEMPFAIL: return 7;
	}
	return 1;
}

enum exit_code diag_report(struct diag *d, enum exit_code code,
			   const char *file, unsigned long line,
			   const char *fmt, ...)
{
	va_list ap;
	fputs("likely: ", d->out);
	if (file && line)
		fprintf(d->out, "%s:%lu: ", file, line);
	else if (file)
		fprintf(d->out, "%s: ", file);
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
	d->count++;
	if (severity(code) > severity(d->worst))
		d->worst = code;
	return code;
}

void diag_note(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	fputs("likely: ", d->out);
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
}
