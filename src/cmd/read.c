/*
 * read: what the page reader found in each page -- articles with their
 * title, date (and its precision) and author, then every paragraph with
 * its kind, heading and block author -- so that when a page yields no
 * forecast, anyone can see whether the reader or the rules lost it.
 * Reads no database; the format (pagedump.h) is the one
 * tests/extract/pages/ expects.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "likely/cli.h"
#include "likely/page.h"
#include "likely/pagedump.h"

static int read_one(struct ctx *ctx, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *in = is_stdin ? stdin : fopen(path, "rb");
	struct page_callbacks cb = page_dump_callbacks(ctx->out);
	struct page_reader *r;
	char chunk[65536];
	size_t n;
	int rc = 0;

	if (!in)
		return diag_report(&ctx->diag, LIKELY_NOINPUT, path, 0,
				   "cannot open: %s", strerror(errno));
	fprintf(ctx->out, "== %s\n", path);
	r = page_reader_new(&cb, 0);
	while (!rc && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
		rc = page_feed(r, chunk, n);
	if (!rc && ferror(in))
		rc = diag_report(&ctx->diag, LIKELY_IOERR, path, 0, "cannot read");
	else if (!rc)
		rc = page_finish(r);
	if (rc == LIKELY_DATAERR)
		diag_report(&ctx->diag, LIKELY_DATAERR, path, 0,
			    "not UTF-8 at byte %llu", page_error_offset(r));
	page_reader_free(r);
	if (!is_stdin)
		fclose(in);
	return rc;
}

int cmd_read(struct ctx *ctx, const struct cmd_args *a)
{
	int worst = LIKELY_OK;
	for (int i = 0; i < a->argc; i++) {
		int rc = read_one(ctx, a->argv[i]);
		if (rc && worst == LIKELY_OK)
			worst = rc;
	}
	return worst;
}
