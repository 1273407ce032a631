/*
 * pagedump: the page reader's findings as text (format in pagedump.h),
 * shared by `likely read` and the page tests so the two cannot drift.
 */
#include "likely/pagedump.h"

#include "likely/date.h"

static int dump_article(const struct page_article *a, void *data)
{
	FILE *out = data;
	char iso[DATE_ISO_LEN] = "-";
	if (a->has_date) {
		date_format_iso(a->date, iso);
		if (a->precision == PAGE_DATE_MONTH)
			iso[7] = '\0';
	}
	fprintf(out, "A%u %s | %s | %s\n", a->index, iso,
		*a->author ? a->author : "-", *a->title ? a->title : "-");
	return 0;
}

static int dump_paragraph(const struct page_article *a,
			  const struct page_paragraph *p, void *data)
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
