/*
 * diag: the single diagnostics sink (after mandoc's: one function, worst
 * severity wins).
 */
#include "likely/base/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/utf8.h"

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
	case LIKELY_OK:
		return 0;
	case LIKELY_FAILURE:
		return 1;
	case LIKELY_USAGE:
		return 2;
	case LIKELY_DATAERR:
		return 3;
	case LIKELY_NOINPUT:
		return 4;
	case LIKELY_CANTCREAT:
		return 5;
	case LIKELY_IOERR:
		return 6;
	case LIKELY_TEMPFAIL:
		return 7;
	}
	return 1;
}

enum exit_code diag_worse(enum exit_code a, enum exit_code b)
{
	return severity(b) > severity(a) ? b : a;
}

/*
 * Writes s[0..n) with what could upset a terminal or a log reader made
 * visible: control characters and bytes that are not UTF-8 (a bad value
 * is quoted in a message as it was read, a file name is what the user
 * gave) come out as \xNN, so every diagnostic is one line of valid text.
 */
static void put_visible(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c < 0x80 ? 1 : utf8_char_len(s + i, n - i);
		if (c < 0x20 || c == 0x7F || k == 0) {
			fprintf(out, "\\x%02X", c);
			i++;
		} else {
			fwrite(s + i, 1, k, out);
			i += k;
		}
	}
}

static void put_message(FILE *out, const char *fmt, va_list ap)
{
	char small[512], *msg = small;
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small) {
		msg = malloc((size_t)n + 1);
		if (msg)
			vsnprintf(msg, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	if (n < 0 || !msg) {
		fputs("(a message could not be formatted)", out);
		return;
	}
	put_visible(out, msg, (size_t)n);
	if (msg != small)
		free(msg);
}

enum exit_code diag_report(struct diag *d, enum exit_code code, const char *file,
			   unsigned long line, const char *fmt, ...)
{
	va_list ap;
	fputs("likely: ", d->out);
	if (file) {
		put_visible(d->out, file, strlen(file));
		if (line)
			fprintf(d->out, ":%lu", line);
		fputs(": ", d->out);
	}
	va_start(ap, fmt);
	put_message(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
	d->count++;
	d->worst = diag_worse(d->worst, code);
	return code;
}

void diag_note(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	fputs("likely: ", d->out);
	va_start(ap, fmt);
	put_message(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
}

void diag_relay(struct diag *d, const char *text, size_t len, enum exit_code worst,
		unsigned long count)
{
	fwrite(text, 1, len, d->out);
	d->count += count;
	d->worst = diag_worse(d->worst, worst);
}
