/*
 * csvio: libcsv behind one door.
 *
 * Traps handled here (NOTES-dependencies.md): libcsv does not strip a BOM;
 * it trims spaces around unquoted fields unless told otherwise; after a
 * parse error csv_fini would still flush the partial record through the
 * callbacks; without CSV_STRICT_FINI an unterminated quote passes silently.
 * The input is fed one physical line at a time so that every record knows
 * the line it starts on.
 */
#include "likely/io/csvio.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "likely/base/buf.h"

/* The fields of the record being read sit one after another, each with
 * its NUL, in one buffer that every record reuses: no malloc and free a
 * field. */
struct reader {
	csv_record_fn fn;
	void *ctx;
	unsigned long line;     /* physical line being fed */
	unsigned long rec_line; /* line the current record starts on */
	struct buf text;        /* the fields' bytes */
	size_t *start;          /* where each field starts in text */
	char **fields;          /* pointers into text, made at the record's end */
	size_t count, cap;
	int stop; /* callback's non-zero code */
};

static int keep_spaces(unsigned char c)
{
	(void)c;
	return 0;
}

/* Line breaks: LF, CR LF, and a CR alone (old Mac files). */
static unsigned long count_newlines(const char *s, size_t len)
{
	unsigned long n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'));
	return n;
}

/* Length of the first physical line of s[0..len): up to and including a
 * CR that no LF follows, else all of it (getline stops at LF). */
static size_t physical_line(const char *s, size_t len)
{
	for (const char *cr = memchr(s, '\r', len); cr;
	     cr = memchr(cr + 1, '\r', len - (size_t)(cr + 1 - s))) {
		size_t at = (size_t)(cr - s);
		if (at + 1 == len || s[at + 1] != '\n')
			return at + 1;
	}
	return len;
}

static void on_field(void *field, size_t len, void *data)
{
	struct reader *r = data;
	if (r->stop)
		return;
	if (r->count == 0)
		r->rec_line = r->line - count_newlines(field ? field : "", len);
	if (r->count == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->start = xrealloc(r->start, r->cap * sizeof *r->start);
		r->fields = xrealloc(r->fields, r->cap * sizeof *r->fields);
	}
	r->start[r->count++] = r->text.len;
	buf_add(&r->text, field ? field : "", field ? len : 0);
	buf_addc(&r->text, '\0');
}

static void clear_fields(struct reader *r)
{
	buf_reset(&r->text);
	r->count = 0;
}

static void on_record(int term, void *data)
{
	struct reader *r = data;
	(void)term;
	if (!r->stop) {
		for (size_t i = 0; i < r->count; i++)
			r->fields[i] = r->text.data + r->start[i];
		struct csv_record rec = {r->fields, r->count, r->rec_line};
		r->stop = r->fn(&rec, r->ctx);
	}
	clear_fields(r);
	/* Until a field says otherwise, the next record starts on the next
	 * line; an unterminated quote is then reported where it opened. */
	r->rec_line = r->line + 1;
}

static int parse_error(struct csv_parser *p, struct reader *r, const char *name, struct diag *d)
{
	const char *why = csv_error(p) == CSV_EPARSE ? "malformed CSV: a quote inside an unquoted "
						       "field, or text after a closing quote"
						     : csv_strerror(csv_error(p));
	return diag_report(d, LIKELY_DATAERR, name, r->line, "%s", why);
}

int csvio_read(FILE *fp, const char *name, csv_record_fn fn, void *ctx, struct diag *d)
{
	struct csv_parser p;
	struct reader r = {fn, ctx, 0, 1, {0}, NULL, NULL, 0, 0, 0};
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int rc = LIKELY_OK;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return diag_report(d, LIKELY_FAILURE, name, 0, "cannot start the CSV parser");
	buf_init(&r.text);
	csv_set_space_func(&p, keep_spaces);
	while (!r.stop && (len = getline(&line, &cap, fp)) != -1) {
		const char *s = line;
		if (r.line == 0 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			len -= 3;
		}
		/* a CR-only file is one getline "line": feed it line by line
		 * all the same, so messages name the right one */
		while (len > 0 && !r.stop) {
			size_t n = physical_line(s, (size_t)len);
			r.line++;
			/* libcsv would pass a NUL inside a field through, and
			 * every C string after it would silently lose the rest
			 * of the field */
			if (memchr(s, '\0', n)) {
				rc = diag_report(d, LIKELY_DATAERR, name, r.line,
						 "a NUL byte: not a text file");
				goto out;
			}
			if (csv_parse(&p, s, n, on_field, on_record, &r) != n) {
				rc = parse_error(&p, &r, name, d);
				goto out;
			}
			s += n;
			len -= (ssize_t)n;
		}
	}
	if (ferror(fp)) {
		rc = diag_report(d, LIKELY_IOERR, name, 0, "read error: %s", strerror(errno));
		goto out;
	}
	if (r.stop) {
		rc = r.stop;
		goto out;
	}
	if (csv_fini(&p, on_field, on_record, &r) != 0) {
		rc = diag_report(d, LIKELY_DATAERR, name, r.rec_line,
				 "unterminated quoted field (the closing quote is missing)");
		goto out;
	}
	rc = r.stop;
out:
	buf_release(&r.text);
	free(r.start);
	free(r.fields);
	free(line);
	csv_free(&p);
	return rc;
}

int csvio_read_path(const char *path, csv_record_fn fn, void *ctx, struct diag *d)
{
	if (strcmp(path, "-") == 0)
		return csvio_read(stdin, "<stdin>", fn, ctx, d);
	FILE *fp = fopen(path, "rb");
	struct stat st;
	if (!fp)
		return diag_report(d, LIKELY_NOINPUT, path, 0, "cannot open: %s", strerror(errno));
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		return diag_report(d, LIKELY_NOINPUT, path, 0, "is a directory, not a CSV file");
	}
	int rc = csvio_read(fp, path, fn, ctx, d);
	fclose(fp);
	return rc;
}

static bool table_header_ok(struct csv_table *t, const struct csv_record *rec)
{
	size_t all = 0;
	while (t->columns[all])
		all++;
	if (rec->count != all && (!t->min_columns || rec->count != t->min_columns))
		return false;
	for (size_t i = 0; i < rec->count; i++)
		if (strcmp(rec->fields[i], t->columns[i]) != 0)
			return false;
	t->ncols = rec->count;
	return true;
}

static int table_header_bad(struct csv_table *t, unsigned long line)
{
	struct buf want;
	buf_init(&want);
	for (size_t i = 0; t->columns[i]; i++)
		buf_printf(&want, "%s%s", i ? "," : "", t->columns[i]);
	diag_report(t->d, LIKELY_DATAERR, t->path, line, "header: expected \"%s\"%s%s", want.data,
		    t->header_note ? " " : "", t->header_note ? t->header_note : "");
	buf_release(&want);
	t->errors++;
	return LIKELY_DATAERR; /* nothing after a wrong header can be trusted */
}

static int table_record(const struct csv_record *rec, void *data)
{
	struct csv_table *t = data;
	if (!t->ncols)
		return table_header_ok(t, rec) ? 0 : table_header_bad(t, rec->line);
	if (rec->count != t->ncols)
		return csv_table_bad(t, rec->line, "expected %zu fields, found %zu", t->ncols,
				     rec->count);
	return t->row(t, rec);
}

int csv_table_read(struct csv_table *t)
{
	t->ncols = 0;
	t->errors = 0;
	int rc = csvio_read_path(t->path, table_record, t, t->d);
	if (!rc && !t->ncols)
		rc = diag_report(t->d, LIKELY_DATAERR, t->path, 0, "empty file (no header)");
	return !rc && t->errors ? LIKELY_DATAERR : rc;
}

int csv_table_bad(struct csv_table *t, unsigned long line, const char *fmt, ...)
{
	struct buf msg;
	va_list ap;
	buf_init(&msg);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	diag_report(t->d, LIKELY_DATAERR, t->path, line, "%s", msg.data);
	buf_release(&msg);
	return ++t->errors >= CSV_TABLE_MAX_ERRORS ? LIKELY_DATAERR : 0;
}

void csvw_init(struct csv_writer *w, FILE *fp, unsigned flags)
{
	w->fp = fp;
	w->mem = NULL;
	w->flags = flags;
	w->row_started = false;
	w->npend = 0;
	if (flags & CSVW_BOM)
		fputs("\xEF\xBB\xBF", fp);
}

void csvw_init_buf(struct csv_writer *w, struct buf *b, unsigned flags)
{
	w->fp = NULL;
	w->mem = b;
	w->flags = flags;
	w->row_started = false;
	w->npend = 0;
	if (flags & CSVW_BOM)
		buf_adds(b, "\xEF\xBB\xBF");
}

static void flush(struct csv_writer *w)
{
	if (w->npend)
		fwrite(w->pend, 1, w->npend, w->fp);
	w->npend = 0;
}

/* A record is gathered in w->pend and written whole at its end: one
 * fwrite a record, where libcsv's csv_fwrite had made one fputc a byte (a
 * third of an export). */
static void put(struct csv_writer *w, const char *s, size_t n)
{
	if (w->mem) {
		/* a record formatted for the digest is some sixty pieces */
		struct buf *b = w->mem;
		if (b->len + n + 1 > b->cap)
			buf_reserve(b, n);
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
		return;
	}
	if (n > sizeof w->pend - w->npend) {
		flush(w);
		if (n > sizeof w->pend) {
			fwrite(s, 1, n, w->fp);
			return;
		}
	}
	memcpy(w->pend + w->npend, s, n);
	w->npend += n;
}

static void separate(struct csv_writer *w)
{
	if (w->row_started)
		put(w, ",", 1);
	w->row_started = true;
}

static bool looks_like_formula(const char *s)
{
	return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
	       s[0] == '\r';
}

bool csvw_guards(const struct csv_writer *w, const char *s)
{
	return s && *s && (w->flags & CSVW_GUARD_FORMULAS) && looks_like_formula(s);
}

void csvw_text(struct csv_writer *w, const char *s)
{
	separate(w);
	if (!s || !*s)
		return;
	/* RFC 4180: quoted, a quote inside doubled */
	put(w, "\"'", csvw_guards(w, s) ? 2 : 1);
	size_t n = strlen(s);
	for (const char *q; (q = memchr(s, '"', n));) {
		size_t k = (size_t)(q - s) + 1;
		put(w, s, k);
		put(w, "\"", 1);
		s += k;
		n -= k;
	}
	put(w, s, n);
	put(w, "\"", 1);
}

void csvw_raw(struct csv_writer *w, const char *s)
{
	separate(w);
	if (s)
		put(w, s, strlen(s));
}

void csvw_fields(struct csv_writer *w, const char *fields, size_t len)
{
	separate(w);
	put(w, fields, len);
}

/*
 * Shortest of %.15g/%.16g/%.17g that reads back to the same double: short
 * for the common case (0.7 stays "0.7"), exact always.  likely never calls
 * setlocale, so printf's decimal point is '.' whatever LC_ALL says.
 */
/* An undefined figure is an empty cell; false then, with out done.  -0
 * becomes 0: a spreadsheet would show "-0". */
static bool formattable(double *v, char out[32])
{
	if (!isfinite(*v)) {
		out[0] = '\0';
		return false;
	}
	if (*v == 0)
		*v = 0;
	return true;
}

void csv_format_double(double v, char out[32])
{
	if (!formattable(&v, out))
		return;
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(out, 32, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

/*
 * 12 digits: a double carries 15 to 17, and the last three are the
 * rounding of the computation, not information (issue 11: a spreadsheet
 * shows them).  Every figure still reads back within 5e-12 relative.
 */
void csv_format_figure(double v, char out[32])
{
	if (formattable(&v, out))
		snprintf(out, 32, "%.12g", v);
}

void csvw_double(struct csv_writer *w, double v)
{
	char num[32];
	csv_format_double(v, num);
	csvw_raw(w, num);
}

void csvw_long(struct csv_writer *w, long long v)
{
	char num[32];
	snprintf(num, sizeof num, "%lld", v);
	csvw_raw(w, num);
}

void csvw_end(struct csv_writer *w)
{
	if (w->flags & CSVW_CRLF)
		put(w, "\r\n", 2);
	else
		put(w, "\n", 1);
	if (w->fp)
		flush(w);
	w->row_started = false;
}

void csvw_header(struct csv_writer *w, const char *const *names)
{
	for (size_t i = 0; names[i]; i++)
		csvw_raw(w, names[i]);
	csvw_end(w);
}
