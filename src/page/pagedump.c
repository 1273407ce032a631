/*
 * pagedump: the page reader's findings as text or JSON lines (formats in
 * pagedump.h), shared by `likely read` and the page tests so the two
 * cannot drift.
 */
#include "likely/page/pagedump.h"

#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/base/date.h"

static void format_date(const struct page_article *a, char iso[DATE_ISO_LEN])
{
	snprintf(iso, DATE_ISO_LEN, "%s", "-");
	if (a->has_date) {
		date_format_iso(a->date, iso);
		if (a->precision == PAGE_DATE_MONTH)
			iso[7] = '\0';
	}
}

static int dump_article(const struct page_article *a, void *data)
{
	FILE *out = data;
	char iso[DATE_ISO_LEN];
	format_date(a, iso);
	fprintf(out, "A%u %s [%s] | %s | %s\n", a->index, iso,
		page_date_source_name(a->date_source), *a->author ? a->author : "-",
		*a->title ? a->title : "-");
	if (a->url && *a->url)
		fprintf(out, "  U %s\n", a->url);
	return 0;
}

static int dump_paragraph(const struct page_article *a, const struct page_paragraph *p, void *data)
{
	FILE *out = data;
	static const char kinds[] = {'T', 'P', 'I'};
	(void)a;
	fprintf(out, "  %c ", kinds[p->kind]);
	if (*p->heading)
		fprintf(out, "[%s] ", p->heading);
	if (*p->author)
		fprintf(out, "{%s} ", p->author);
	for (size_t i = 0; i < p->len; i++)
		fputc(p->text[i] == '\n' ? ' ' : p->text[i], out);
	fputc('\n', out);
	return 0;
}

struct page_callbacks page_dump_callbacks(FILE *out)
{
	return (struct page_callbacks){dump_article, dump_paragraph, out};
}

/* ---- JSON lines ---- */

/* s[0..len) escaped for a JSON string (UTF-8 kept; line breaks are
 * spaces). */
static void page_json_string(FILE *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs(" ", out);
			break; /* a wrapped line */
		case '\r':
			break;
		case '\t':
			fputs(" ", out);
			break;
		default:
			if (c < 0x20)
				fprintf(out, "\\u%04x", c);
			else
				fputc(c, out);
		}
	}
}

static void json_field(FILE *out, const char *key, const char *val, bool comma)
{
	fprintf(out, "%s\"%s\":\"", comma ? "," : "", key);
	page_json_string(out, val, strlen(val));
	fputc('"', out);
}

static void json_close(struct page_json *j)
{
	if (j->open)
		fputs("\"}\n", j->out);
	j->open = false;
}

static int json_article(const struct page_article *a, void *data)
{
	struct page_json *j = data;
	char iso[DATE_ISO_LEN];
	json_close(j);
	format_date(a, iso);
	fputc('{', j->out);
	json_field(j->out, "file", j->file, false);
	fprintf(j->out, ",\"article\":%u", a->index + 1);
	json_field(j->out, "title", a->title, true);
	json_field(j->out, "published", a->has_date ? iso : "", true);
	json_field(j->out, "date_source", page_date_source_name(a->date_source), true);
	json_field(j->out, "author", a->author, true);
	json_field(j->out, "url", a->url ? a->url : "", true);
	fputs(",\"text\":\"", j->out);
	j->open = true;
	j->paragraphs = 0;
	return 0;
}

static int json_paragraph(const struct page_article *a, const struct page_paragraph *p, void *data)
{
	struct page_json *j = data;
	(void)a;
	if (p->kind == PAGE_PARA_TITLE)
		return 0; /* the title is a key of its own */
	if (j->paragraphs++)
		fputs("\\n\\n", j->out);
	page_json_string(j->out, p->text, p->len);
	return 0;
}

struct page_callbacks page_json_callbacks(struct page_json *j, FILE *out, const char *file)
{
	j->out = out;
	j->file = file;
	j->open = false;
	j->paragraphs = 0;
	return (struct page_callbacks){json_article, json_paragraph, j};
}

void page_json_finish(struct page_json *j)
{
	json_close(j);
}
