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

#include "likely/cli/cli.h"
#include "likely/base/date.h"
#include "likely/core/manifest.h"
#include "likely/page/page.h"
#include "likely/page/pagedump.h"
#include "likely/base/path.h"

/* What the command line may give: a->value[OPT_X] (NULL when not
 * given) and a->seen[OPT_X]. */
enum {
	OPT_FORMAT,
	OPT_AS,
	OPT_MANIFEST,
	NOPTS
};

static const struct cli_option option_list[NOPTS] = {
	CLI_OPTION(OPT_FORMAT, "format", 0, CLI_VALUE),
	CLI_OPTION(OPT_AS, "as", 0, CLI_VALUE),
	CLI_OPTION(OPT_MANIFEST, "manifest", 0, CLI_VALUE),
};

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

static int over_paragraph(const struct page_article *a, const struct page_paragraph *p, void *data)
{
	struct override *o = data;
	return o->inner.on_paragraph(a, p, o->inner.ctx);
}

static int read_one(struct ctx *ctx, const char *path, bool jsonl, enum page_format format,
		    const struct manifest *m)
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
		return diag_report(&ctx->diag, LIKELY_NOINPUT, path, 0, "cannot open: %s",
				   strerror(errno));
	o.inner =
		jsonl ? page_json_callbacks(&json, ctx->out, path) : page_dump_callbacks(ctx->out);
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

static int cmd_read(struct ctx *ctx, const struct cmd_args *a)
{
	int rc = LIKELY_OK;
	const char *fmt = a->value[OPT_FORMAT];
	const char *as = a->value[OPT_AS];
	const char *manifest_path = a->value[OPT_MANIFEST];
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
	if (manifest_path && (rc = manifest_read(manifest_path, &ctx->diag, &m)))
		return rc;
	/* a bad page is reported and the others are read */
	for (int i = 0; i < a->argc; i++) {
		int page_rc = read_one(ctx, a->argv[i], jsonl, format, m);
		if (page_rc)
			rc = page_rc;
	}
	manifest_free(m);
	return rc;
}

const struct command command_read = {
	.name = "read",
	.run = cmd_read,
	.min_operands = 1,
	.max_operands = -1,
	.db = DB_NONE,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "show what the page reader finds in pages (no database)",
	.usage = "read [--format text|jsonl] [--as text|html|feed] [--manifest F] FILE...",
	.details =
		"  FILE...          pages: UTF-8 text, HTML or an RSS/Atom/WXR feed, told\n"
		"                   apart by their content; \"-\" reads stdin\n"
		"  --format jsonl   one JSON object per article: file, article, title,\n"
		"                   published, date_source, author, url, text\n"
		"  --as FORMAT      read every page as text, html or feed\n"
		"  --manifest F     as for extract: what it gives for a page wins\n"
		"Text: \"== FILE\", then each article as \"A<n> DATE [SOURCE] | AUTHOR | TITLE\"\n"
		"(DATE YYYY-MM-DD, YYYY-MM when only the month is given, - when none;\n"
		"SOURCE json-ld, meta, time, text, manifest or none), \"U URL\" when it has\n"
		"one, then its paragraphs, one a line: T title, P body, I list item, each\n"
		"with [heading] and {block author} when it has them.\n",
};
