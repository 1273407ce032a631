/*
 * diag: the one place problems are reported, and the exit codes of
 * SPEC.md §5.  Messages go to stderr as "likely: FILE:LINE: what is wrong";
 * the sink remembers the worst exit code seen so a batch can go on past a
 * bad input and still exit non-zero at the end.
 */
#ifndef LIKELY_DIAG_H
#define LIKELY_DIAG_H

#include <stdio.h>

enum exit_code {
	LIKELY_OK = 0,
	LIKELY_FAILURE = 1,    /* any other failure */
	LIKELY_USAGE = 2,      /* bad command line */
	LIKELY_DATAERR = 65,   /* bad input data */
	LIKELY_NOINPUT = 66,   /* input file missing or unreadable */
	LIKELY_CANTCREAT = 73, /* cannot create an output */
	LIKELY_IOERR = 74,     /* I/O error */
	LIKELY_TEMPFAIL = 75,  /* database busy: try again */
};

struct diag {
	FILE *out;            /* stderr, or a test's stream */
	enum exit_code worst; /* LIKELY_OK until something is reported */
	unsigned long count;  /* messages reported */
};

void diag_init(struct diag *d, FILE *out);
/*
 * The code a caller should worry about more: a busy database (try again)
 * outranks an I/O error, then a failed output, a missing input, bad data,
 * a usage slip and any other failure.  The process exits with the worse
 * of the command's result and d->worst.
 */
enum exit_code diag_worse(enum exit_code a, enum exit_code b);
/*
 * Reports one problem.  file may be NULL (no location); line 0 means the
 * whole file.  Raises d->worst to code when code is worse.  Returns code so
 * callers can write "return diag_report(...)".
 */
enum exit_code diag_report(struct diag *d, enum exit_code code, const char *file,
			   unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* A note that is not an error (summaries, warnings): "likely: text". */
void diag_note(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Passes on what another sink reported (a worker process's: its text as
 * written, len bytes, its worst code and message count), as if it had
 * been reported here.
 */
void diag_relay(struct diag *d, const char *text, size_t len, enum exit_code worst,
		unsigned long count);

#endif
