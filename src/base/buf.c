/*
 * buf: growable string and the allocation wrappers.  Out of memory is the
 * one condition likely does not try to survive: the wrappers say so and
 * exit, which is the only exit() outside main (STYLE.md).
 */
#include "likely/base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("likely: out of memory\n", stderr);
	exit(1);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory();
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void buf_init(struct buf *b)
{
	b->cap = 64;
	b->len = 0;
	b->data = xmalloc(b->cap);
	b->data[0] = '\0';
}

void buf_release(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

static void buf_grow(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
		buf_grow(b, extra);
}

void buf_add(struct buf *b, const void *data, size_t len)
{
	/* the test first: most calls fit, and a call of buf_grow each was
	 * a tenth of the time of formatting a ledger record */
	if (b->len + len + 1 > b->cap)
		buf_grow(b, len);
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	/* called per byte in loops: no memcpy, and grow only when full */
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int need = vsnprintf(NULL, 0, fmt, ap);
	if (need < 0) {
		va_end(again);
		return;
	}
	buf_grow(b, (size_t)need);
	vsnprintf(b->data + b->len, (size_t)need + 1, fmt, again);
	va_end(again);
	b->len += (size_t)need;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *buf_detach(struct buf *b)
{
	char *s = b->data;
	buf_init(b);
	return s;
}
