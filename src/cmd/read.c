/*
 * read: what the page reader found in each page -- articles with their
 * title, date (its precision and where it came from), author and url,
 * then every paragraph with its kind, heading and block author -- so that
 * when a page yields no forecast, anyone can see whether the reader or
 * the rules lost it.  Reads no database; the text format (pagedump.h) is
 * the one tests/extract/pages/ expects, --format jsonl one JSON object
 * per article.  With --manifest, what it gives for a page wins, as in
 * extract.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "likely/cli.h"
#include "likely/date.h"
#include "likely/manifest.h"
#include "likely/page.h"
#include "likely/pagedump.h"
#include "likely/path.h"

/* The manifest's fields over the page's first article. */
struct override {
	struct page_callbacks inner;
	const struct manifest_entry *e;
};

static const char *given(const char *s)
{
	return s && *s ? s : NULL;
}

static int over_article(const struct page_article *a, void *data)
{
	struct override *o = data;
	struct page_article b = *a;
	if (o->e) {
		if (given(o->e->url))
			b.url = o->e->url;
		if (a->index == 0) {
			long d;
			if (given(o->e->title))
				b.title = o->e->title;
			if (given(o->e->author))
				b.author = o->e->author;
			if (given(o->e->published) && date_parse_iso(o->e->published, &d)) {
				b.has_date = true;
				b.date = d;
				b.precision = PAGE_DATE_DAY;
				b.date_source = PAGE_SRC_MANIFEST;
			} else if (given(o->e->published) &&
				   date_parse_month(o->e->published, &d)) {
				b.has_date = true;
				b.date = d;
				b.precision = PAGE_DATE_MONTH;
				b.date_source = PAGE_SRC_MANIFEST;
			}
		}
	}
	return o->inner.on_article(&b, o->inner.ctx);
}

static int over_paragraph(const struct page_article *a,
			  const struct page_paragraph *p, void *data)
{
	struct override *o = data;
	return o->inner.on_paragraph(a, p, o->inner.ctx);
}

static int read_one(struct ctx *ctx, const char *path, bool jsonl,
		    enum page_format format, const struct manifest *m)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *in = is_stdin ? stdin : fopen(path, "rb");
	struct page_json json;
	struct override o;
	struct page_reader *r;
	char chunk[65536];
	size_t n;
	int rc = 0;

	if (!in)
		return diag_report(&ctx->diag, LIKELY_NOINPUT, path, 0,
				   "cannot open: %s", strerror(errno));
	o.inner = jsonl ? page_json_callbacks(&json, ctx->out, path)
			: page_dump_callbacks(ctx->out);
	o.e = m ? manifest_find(m, path_base(path)) : NULL;
	struct page_callbacks cb = {over_article, over_paragraph, &o};
	if (!jsonl)
		fprintf(ctx->out, "== %s\n", path);
	r = page_reader_new(&cb, 0);
	page_reader_set_format(r, format);
	while (!rc && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
		rc = page_feed(r, chunk, n);
	if (!rc && ferror(in))
		rc = diag_report(&ctx->diag, LIKELY_IOERR, path, 0, "cannot read");
	else if (!rc)
		rc = page_finish(r);
	if (jsonl)
		page_json_finish(&json);
	if (rc == LIKELY_DATAERR)
		diag_report(&ctx->diag, LIKELY_DATAERR, path, 0, "%s", page_error(r));
	else if (page_warning(r))
		diag_note(&ctx->diag, "%s: warning: %s", path, page_warning(r));
	page_reader_free(r);
	if (!is_stdin)
		fclose(in);
	return rc;
}

int cmd_read(struct ctx *ctx, const struct cmd_args *a)
{
	int worst = LIKELY_OK;
	const char *fmt = args_get(a, "format");
	const char *as = args_get(a, "as");
	const char *manifest_path = args_get(a, "manifest");
	enum page_format format = PAGE_FORMAT_AUTO;
	struct manifest *m = NULL;
	bool jsonl = false;

	if (fmt && strcmp(fmt, "jsonl") == 0)
		jsonl = true;
	else if (fmt && strcmp(fmt, "text") != 0)
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "--format: text or jsonl, not '%s'", fmt);
	if (as && !page_format_parse(as, &format))
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "--as: text, html or feed, not '%s'", as);
	if (manifest_path) {
		int rc = manifest_read(manifest_path, &ctx->diag, &m);
		if (rc)
			return rc;
	}
	for (int i = 0; i < a->argc; i++) {
		int rc = read_one(ctx, a->argv[i], jsonl, format, m);
		if (rc && worst == LIKELY_OK)
			worst = rc;
	}
	manifest_free(m);
	return worst;
}
