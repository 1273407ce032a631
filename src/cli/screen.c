/*
 * screen: terminal size, word wrapping and tables that fit the width.
 */
#include "likely/cli/screen.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "likely/text/text.h"

#define DEFAULT_COLS 80
#define DEFAULT_ROWS 24
#define MIN_ROWS     10
#define MIN_TEXT     10
#define GAP          2 /* spaces between table columns */

/* A positive whole number from the environment, or 0. */
static size_t env_count(const char *s)
{
	char *end;
	if (!s || *s < '1' || *s > '9')
		return 0;
	errno = 0;
	long v = strtol(s, &end, 10);
	return *end || errno || v > 10000 ? 0 : (size_t)v;
}

void screen_size_from(size_t tty_cols, size_t tty_rows, const char *columns, const char *lines,
		      struct screen_size *sz)
{
	size_t c = tty_cols ? tty_cols : env_count(columns);
	size_t r = tty_rows ? tty_rows : env_count(lines);
	sz->cols = !c ? DEFAULT_COLS : c < SCREEN_MIN_COLS ? SCREEN_MIN_COLS : c;
	sz->rows = !r ? DEFAULT_ROWS : r < MIN_ROWS ? MIN_ROWS : r;
}

void screen_size(FILE *fp, struct screen_size *sz)
{
	struct winsize ws = {0};
	int fd = fileno(fp);
	if (fd < 0 || !isatty(fd) || ioctl(fd, TIOCGWINSZ, &ws) != 0)
		memset(&ws, 0, sizeof ws);
	screen_size_from(ws.ws_col, ws.ws_row, getenv("COLUMNS"), getenv("LINES"), sz);
}

static bool is_lead(unsigned char c)
{
	return (c & 0xC0) != 0x80;
}

size_t screen_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += is_lead((unsigned char)*s);
	return n;
}

/* Bytes of the first `chars` code points of s[0..len). */
static size_t prefix_bytes(const char *s, size_t len, size_t chars)
{
	size_t i = 0;
	while (i < len && chars) {
		i++;
		while (i < len && !is_lead((unsigned char)s[i]))
			i++;
		chars--;
	}
	return i;
}

static size_t span_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += is_lead((unsigned char)s[i]);
	return n;
}

void screen_cut(struct buf *out, const char *s, size_t width)
{
	size_t len = strlen(s), chars = span_chars(s, len);
	if (chars > width)
		len = prefix_bytes(s, len, width > 3 ? width - 3 : 0);
	size_t start = out->len;
	buf_add(out, s, len);
	for (size_t i = start; i < out->len; i++)
		if (out->data[i] == '\n' || out->data[i] == '\r' || out->data[i] == '\t')
			out->data[i] = ' ';
	if (chars > width)
		buf_adds(out, width > 3 ? "..." : "");
}

struct wrap {
	struct buf *out;
	const char *indent;
	size_t room; /* characters per line after the indent */
	size_t used; /* on the current line */
	size_t lines, max;
	bool open; /* a line has been started */
};

static bool wrap_full(const struct wrap *w)
{
	return w->max && w->lines == w->max;
}

static void wrap_newline(struct wrap *w)
{
	if (w->open)
		buf_addc(w->out, '\n');
	buf_adds(w->out, w->indent);
	w->lines++;
	w->used = 0;
	w->open = true;
}

/* Puts one word (no spaces); false when the line limit cut it off. */
static bool wrap_word(struct wrap *w, const char *word, size_t len)
{
	size_t chars = span_chars(word, len);
	if (w->open && w->used && w->used + 1 + chars <= w->room) {
		buf_addc(w->out, ' ');
		buf_add(w->out, word, len);
		w->used += 1 + chars;
		return true;
	}
	while (chars) {
		if (wrap_full(w))
			return false;
		wrap_newline(w);
		size_t take = chars < w->room ? chars : w->room;
		size_t bytes = prefix_bytes(word, len, take);
		buf_add(w->out, word, bytes);
		w->used = take;
		word += bytes;
		len -= bytes;
		chars -= take;
	}
	return true;
}

/* The last line ends in "..." when text was left over. */
static void wrap_mark_cut(struct wrap *w)
{
	size_t line_start = w->out->len;
	while (line_start && w->out->data[line_start - 1] != '\n')
		line_start--;
	size_t keep = w->room > 3 ? w->room - 3 : 0;
	if (w->used > keep) {
		const char *text = w->out->data + line_start + strlen(w->indent);
		size_t len = w->out->len - (size_t)(text - w->out->data);
		w->out->len = (size_t)(text - w->out->data) + prefix_bytes(text, len, keep);
		w->out->data[w->out->len] = '\0';
	}
	buf_adds(w->out, "...");
}

size_t screen_wrap(struct buf *out, const char *s, size_t width, const char *indent,
		   size_t max_lines)
{
	size_t ind = screen_chars(indent);
	struct wrap w = {out, indent, width > ind + 1 ? width - ind : 1, 0, 0, max_lines, false};
	const char *p = s;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		const char *start = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			p++;
		if (p == start)
			break;
		if (!wrap_word(&w, start, (size_t)(p - start))) {
			wrap_mark_cut(&w);
			break;
		}
	}
	if (w.open)
		buf_addc(out, '\n');
	return w.lines;
}

size_t screen_table_fit(struct screen_col *cols, size_t n, size_t width, size_t min_text)
{
	size_t used = 0;
	int top = 0;
	for (size_t i = 0; i < n; i++) {
		cols[i].shown = cols[i].rank == 0;
		if (cols[i].shown)
			used += cols[i].width + GAP;
		if (cols[i].rank > top)
			top = cols[i].rank;
	}
	for (int rank = 1; rank <= top; rank++) {
		size_t more = 0;
		for (size_t i = 0; i < n; i++)
			if (cols[i].rank == rank)
				more += cols[i].width + GAP;
		if (used + more + min_text > width)
			break;
		used += more;
		for (size_t i = 0; i < n; i++)
			if (cols[i].rank == rank)
				cols[i].shown = true;
	}
	return width > used + MIN_TEXT ? width - used : MIN_TEXT;
}

void screen_cell(struct buf *line, const struct screen_col *c, const char *value)
{
	if (!c->shown)
		return;
	size_t chars = screen_chars(value);
	for (size_t i = chars; c->right && i < c->width; i++)
		buf_addc(line, ' ');
	text_fit(line, value, c->width, !c->right);
	buf_adds(line, "  ");
}

void screen_table_header(struct buf *line, const struct screen_col *cols, size_t n,
			 const char *text_title)
{
	for (size_t i = 0; i < n; i++)
		screen_cell(line, &cols[i], cols[i].title);
	buf_adds(line, text_title);
}
