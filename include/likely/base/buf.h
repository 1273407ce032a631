/*
 * buf: the one growable byte string of likely.
 *
 * A struct buf is embedded by value (buf_init/buf_release).  Its data is
 * always NUL-terminated, so b.data can be passed wherever a C string is
 * expected.  Allocation failure is fatal (xmalloc prints and exits 1), so
 * no function here reports an error.
 */
#ifndef LIKELY_BUF_H
#define LIKELY_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data; /* never NULL after buf_init; NUL-terminated */
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_release(struct buf *b);
/* Empties the buffer but keeps its memory. */
void buf_reset(struct buf *b);
void buf_add(struct buf *b, const void *data, size_t len);
/* Makes room for extra more bytes (and the NUL) after b->len, for the
 * caller to write there and then add to b->len; the text is unchanged. */
void buf_reserve(struct buf *b, size_t extra);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
/* printf into the buffer; formats with the C locale's "." decimal point. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Hands the string to the caller (who frees it) and leaves b empty. */
char *buf_detach(struct buf *b);

/* Allocation helpers: never return NULL (print "out of memory", exit 1). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
