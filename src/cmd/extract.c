/*
 * extract: article pages in, candidate forecasts out.
 *
 * Each page is its own savepoint: a page that turns out to be bad (invalid
 * UTF-8 at byte 900 million) is reported and everything it produced is
 * rolled back, the other pages are kept, and the run exits 65 at the end
 * (SPEC.md §2).  Forecasts already in the database are left alone -- an
 * editor may have accepted or edited them -- so running extract twice adds
 * nothing.  With --dry-run nothing is stored: each good page's forecasts
 * are printed as ledger CSV once the whole page has been read.  With
 * --jobs N (N > 1) worker processes read the pages (extractpool) and this
 * one only stores or prints what they found, page by page in order, so
 * that the output is the same for every N.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "likely/base/buf.h"
#include "likely/cli/cli.h"
#include "likely/io/csvio.h"
#include "likely/base/date.h"
#include "likely/extract/extract.h"
#include "likely/extract/extractpool.h"
#include "likely/base/hash8.h"
#include "likely/core/ledger.h"
#include "likely/core/manifest.h"
#include "likely/base/path.h"
#include "likely/extract/redate.h"
#include "likely/store/store.h"

/* What the command line may give: a->value[OPT_X] (NULL when not
 * given) and a->seen[OPT_X]. */
enum {
	OPT_MANIFEST,
	OPT_SOURCE,
	OPT_DRY_RUN,
	OPT_FORMAT,
	OPT_JOBS,
	NOPTS
};

static const struct cli_option option_list[NOPTS] = {
	CLI_OPTION(OPT_MANIFEST, "manifest", 0, CLI_VALUE),
	CLI_OPTION(OPT_SOURCE, "source", 0, CLI_VALUE),
	CLI_OPTION(OPT_DRY_RUN, "dry-run", 0, CLI_FLAG),
	CLI_OPTION(OPT_FORMAT, "format", 0, CLI_VALUE),
	CLI_OPTION(OPT_JOBS, "jobs", 0, CLI_VALUE),
};

#define JOBS_MAX 256

struct run {
	struct ctx *ctx;
	const struct extract_config *cfg;
	bool dry_run;
	const char *default_source; /* --source */
	enum page_format format;    /* --format */
	const struct manifest *manifest;
	struct extract_pool *pool; /* --jobs N > 1: the workers */
	struct csv_writer csv;
	/* the page being read */
	const char *file;
	const char *source;
	const char *url;
	/* dry run: the page's rows wait in a temporary file until the page
	 * has been read to its end (a bad byte at the end voids them all);
	 * a file, not memory, so a huge page needs no more memory than a
	 * small one */
	FILE *spool;
	struct csv_writer spool_csv;
	long long article_id; /* current article's row, -1 before the first */
	bool article_dated;   /* the current article has a date */
	uint64_t digest;      /* hash8 over the current article's sentences */
	unsigned long page_new, page_known, page_dated;
	unsigned long page_articles, page_forecasts, page_hedged, page_undated;
	/* totals */
	unsigned long pages, bad_pages, articles, forecasts, added, known, hedged;
	unsigned long undated, dated;
};

/* The digest is known only once the article's last sentence is in. */
static int close_article(struct run *r)
{
	if (r->dry_run || r->article_id < 0)
		return 0;
	char hex[17];
	snprintf(hex, sizeof hex, "%016llx", (unsigned long long)r->digest);
	return store_article_set_digest(r->ctx->store, r->article_id, hex);
}

static int on_article(const struct extract_article *a, void *data)
{
	struct run *r = data;
	int rc;

	r->page_articles++;
	if (!*a->published)
		r->page_undated++;
	if ((rc = close_article(r)))
		return rc;
	r->article_id = -1;
	r->digest = HASH8_START;
	r->article_dated = *a->published;
	/* an undated article is stored too (with an empty date): its
	 * forecasts show their context, and it is never evidence, which must
	 * come after a forecast's date, so its sentences are not kept */
	if (r->dry_run)
		return 0;
	struct article_rec rec = {.file = path_base(r->file),
				  .title = a->title,
				  .published = a->published,
				  .author = a->author,
				  .source = r->source ? r->source : "",
				  .url = a->url,
				  .digest = ""};
	return store_article_begin(r->ctx->store, &rec, &r->article_id);
}

static int on_sentence(unsigned article, const char *text, size_t len, void *data)
{
	struct run *r = data;
	(void)article;
	if (r->dry_run || r->article_id < 0)
		return 0;
	/* eight bytes a step: FNV-1a, a byte a step, took a tenth of what
	 * storing adds to a dry run, for a digest nothing reads yet */
	r->digest = hash8(r->digest, text, len);
	if (!r->article_dated)
		return 0;
	return store_sentence_add(r->ctx->store, r->article_id, text, len);
}

static int on_forecast(struct forecast *f, void *data)
{
	struct run *r = data;
	bool found;
	int rc;

	r->page_forecasts++;
	r->page_hedged += !*f->col[COL_PROBABILITY];
	if (r->source && !*f->col[COL_SOURCE])
		forecast_set(f, COL_SOURCE, r->source);
	/* The last gate: nothing is stored or printed that import would
	 * refuse (a page's file name with a line break, say); the page is
	 * then bad as a whole. */
	for (int c = 0; c < LEDGER_NCOLS; c++) {
		const char *why = ledger_check_field(c, f->col[c]);
		if (why)
			return diag_report(&r->ctx->diag, LIKELY_DATAERR, r->file, 0,
					   "%s: %s: \"%s\"", ledger_columns[c], why, f->col[c]);
	}
	enum ledger_column col;
	const char *wrong = ledger_check_record(f, &col);
	if (wrong)
		return diag_report(&r->ctx->diag, LIKELY_DATAERR, r->file, 0, "%s: %s: \"%s\"",
				   ledger_columns[col], wrong, f->col[col]);
	if (r->dry_run) {
		ledger_write_record(&r->spool_csv, f);
		return ferror(r->spool) ? diag_report(&r->ctx->diag, LIKELY_IOERR, NULL, 0,
						      "cannot write a temporary file")
					: 0;
	}
	struct forecast old;
	rc = store_forecast_get(r->ctx->store, f->col[COL_ID], &old, &found);
	forecast_release(&old);
	if (rc)
		return rc;
	/* a date found now (a manifest, a better page reader) gives a new
	 * id; the forecast stored undated is the same one and keeps its id
	 * (ids never change once stored).  Still undated, it takes the date
	 * found, as edit --published would give it; dated by an editor since,
	 * it is left alone. */
	if (!found && *f->col[COL_PUBLISHED]) {
		char undated[17];
		ledger_make_id(f->col[COL_TITLE], "", f->col[COL_CLAIM], undated);
		rc = store_forecast_get(r->ctx->store, undated, &old, &found);
		if (!rc && found && !*old.col[COL_PUBLISHED]) {
			enum ledger_column bad;
			redate_forecast(&r->cfg->horizons, &old, f->col[COL_PUBLISHED]);
			/* an editor's horizon before the date found is left for
			 * the editor: edit --published would refuse it too */
			if (!ledger_check_record(&old, &bad)) {
				rc = store_forecast_put(r->ctx->store, &old, r->ctx->now,
							"extract: date found", NULL);
				r->page_dated++;
			}
		}
		forecast_release(&old);
		if (rc)
			return rc;
	}
	if (found) {
		r->page_known++;
		return 0;
	}
	struct buf why;
	buf_init(&why);
	buf_printf(&why, "extract %s", path_base(r->file));
	/* not stored: looked up above */
	rc = store_forecast_add_from(r->ctx->store, f, r->ctx->now, why.data, r->article_id);
	buf_release(&why);
	r->page_new++;
	return rc;
}

/* Copies the spooled rows of a good page to stdout (print) or drops them,
 * and empties the spool for the next page. */
static int drop_held(struct run *r, bool print)
{
	char chunk[65536];
	size_t n;
	int rc = LIKELY_OK;

	if (!r->spool)
		return rc;
	if (print) {
		fflush(r->spool);
		rewind(r->spool);
		while ((n = fread(chunk, 1, sizeof chunk, r->spool)) > 0)
			fwrite(chunk, 1, n, r->ctx->out);
		if (ferror(r->spool))
			rc = diag_report(&r->ctx->diag, LIKELY_IOERR, NULL, 0,
					 "cannot read a temporary file");
	}
	rewind(r->spool);
	if (ftruncate(fileno(r->spool), 0) != 0)
		rc = diag_report(&r->ctx->diag, LIKELY_IOERR, NULL, 0,
				 "cannot reuse a temporary file");
	return rc;
}

static void progress(int at, int of, const char *path)
{
	if (!isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\rlikely: extracting %d/%d %.50s\033[K", at, of, path);
	if (at == of)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* The manifest's overrides for a page, else --source; --format.  Called
 * in the workers too. */
static void page_meta(void *data, const char *path, struct extract_meta *meta)
{
	const struct run *r = data;
	const struct manifest_entry *e = manifest_find(r->manifest, path_base(path));

	*meta = (struct extract_meta){0};
	if (e)
		*meta = (struct extract_meta){e->url,    e->title,         e->published, e->author,
					      e->source, PAGE_FORMAT_AUTO, NULL};
	if (!meta->source || !*meta->source)
		meta->source = r->default_source;
	meta->format = r->format;
}

static int extract_one(struct run *r, int i, const char *path)
{
	struct ctx *ctx = r->ctx;
	struct extract_meta meta;
	struct extract_callbacks cb = {on_article, on_sentence, on_forecast, r};
	int rc;

	page_meta(r, path, &meta);
	r->file = path;
	r->source = meta.source;
	r->url = meta.url;
	r->article_id = -1;
	r->page_new = r->page_known = r->page_dated = 0;
	r->page_articles = r->page_forecasts = r->page_hedged = r->page_undated = 0;
	struct stat st;
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (r->pool)
			extract_pool_skip(r->pool, i);
		r->bad_pages++;
		return diag_report(&ctx->diag, LIKELY_NOINPUT, path, 0,
				   "is a directory, not a page");
	}
	if (!r->dry_run && (rc = store_savepoint(ctx->store))) {
		if (r->pool)
			extract_pool_skip(r->pool, i);
		return rc;
	}
	rc = r->pool ? extract_pool_page(r->pool, i, &cb, &ctx->diag)
		     : extract_path(r->cfg, path, &meta, &cb, &ctx->diag, NULL);
	if (!rc)
		rc = close_article(r);
	if (rc) {
		if (!r->dry_run)
			store_rollback_savepoint(ctx->store);
		drop_held(r, false);
		r->bad_pages++;
		diag_note(&ctx->diag, "%s: nothing from this page was kept", path);
		return rc;
	}
	if (!r->dry_run && (rc = store_release(ctx->store)))
		return rc;
	if ((rc = drop_held(r, true)))
		return rc;
	/* only pages that were kept count in the totals */
	r->added += r->page_new;
	r->known += r->page_known;
	r->articles += r->page_articles;
	r->forecasts += r->page_forecasts;
	r->hedged += r->page_hedged;
	r->undated += r->page_undated;
	r->dated += r->page_dated;
	return LIKELY_OK;
}

/* --jobs 0 (the default) is one per core.  Pages on stdin are read by one
 * process in their order: "-" twice is the rest of stdin the second time. */
static long jobs_to_use(long jobs, const struct cmd_args *a)
{
	if (jobs == 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = cores > 0 ? cores : 1;
	}
	for (int i = 0; i < a->argc; i++)
		if (strcmp(a->argv[i], "-") == 0)
			return 1;
	return jobs;
}

static int cmd_extract(struct ctx *ctx, const struct cmd_args *a)
{
	struct run r = {.ctx = ctx,
			.dry_run = a->seen[OPT_DRY_RUN],
			.default_source = a->value[OPT_SOURCE]};
	const char *fmt = a->value[OPT_FORMAT];
	if (fmt && (!page_format_parse(fmt, &r.format) || r.format == PAGE_FORMAT_AUTO))
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "--format: text, html or feed, not '%s'", fmt);
	/* the database first: one that is not likely's is refused before
	 * any page is read */
	int rc = r.dry_run ? LIKELY_OK : cli_store_open(ctx);
	/* a first extraction writes a new file's pages: once, not twice */
	if (!rc && !r.dry_run)
		rc = store_load_journal(ctx->store);
	if (rc)
		return rc;
	struct extract_config cfg;
	struct manifest *m = NULL;
	const char *manifest_path = a->value[OPT_MANIFEST];
	long jobs = 0;

	if ((rc = extract_config_find(ctx->config_dir, &ctx->diag, &cfg)) ||
	    (rc = opt_text(ctx, "source", r.default_source,
			   ledger_column_text_flags(COL_SOURCE))) ||
	    (rc = opt_count(ctx, "jobs", a->value[OPT_JOBS], JOBS_MAX, &jobs)))
		goto out;
	jobs = jobs_to_use(jobs, a);
	r.cfg = &cfg;
	if (manifest_path && (rc = manifest_read(manifest_path, &ctx->diag, &m)))
		goto out;
	r.manifest = m;
	if (r.dry_run) {
		r.spool = tmpfile();
		if (!r.spool) {
			rc = diag_report(&ctx->diag, LIKELY_CANTCREAT, NULL, 0,
					 "cannot create a temporary file");
			goto out;
		}
		csvw_init(&r.spool_csv, r.spool, 0);
		csvw_init(&r.csv, ctx->out, 0);
		ledger_write_header(&r.csv);
	}
	if (jobs > 1 && (rc = extract_pool_start(&cfg, a->argv, a->argc, (int)jobs, !r.dry_run,
						 page_meta, &r, &ctx->diag, &r.pool)))
		goto out;
	for (int i = 0; i < a->argc; i++) {
		progress(i + 1, a->argc, a->argv[i]);
		r.pages++;
		/* a bad page is reported and skipped, and the good ones are
		 * kept (the exit code says a page was bad); a failing
		 * database or output stops the run */
		rc = extract_one(&r, i, a->argv[i]);
		if (rc == LIKELY_TEMPFAIL || rc == LIKELY_IOERR)
			goto out;
	}
	rc = LIKELY_OK;
	/* one line, as a cron log wants it */
	if (r.dry_run)
		diag_note(&ctx->diag,
			  "%lu page%s (%lu bad), %lu article%s, %lu forecast%s "
			  "(%lu hedged); dry run, nothing stored",
			  r.pages, r.pages == 1 ? "" : "s", r.bad_pages, r.articles,
			  r.articles == 1 ? "" : "s", r.forecasts, r.forecasts == 1 ? "" : "s",
			  r.hedged);
	else
		diag_note(&ctx->diag,
			  "%lu page%s (%lu bad), %lu article%s, %lu forecast%s "
			  "(%lu hedged): %lu new, %lu already known",
			  r.pages, r.pages == 1 ? "" : "s", r.bad_pages, r.articles,
			  r.articles == 1 ? "" : "s", r.forecasts, r.forecasts == 1 ? "" : "s",
			  r.hedged, r.added, r.known);
	if (r.dated)
		diag_note(&ctx->diag,
			  "%lu forecast%s stored without a date took the "
			  "date found now",
			  r.dated, r.dated == 1 ? "" : "s");
	if (r.undated)
		diag_note(&ctx->diag,
			  "warning: %lu article%s without a date: %s forecasts "
			  "are candidates marked '%s'; add dates with --manifest "
			  "or 'likely edit ID --published YYYY-MM-DD'",
			  r.undated, r.undated == 1 ? "" : "s", r.undated == 1 ? "its" : "their",
			  LEDGER_NOTE_NO_DATE);
out:
	extract_pool_free(r.pool);
	if (r.spool)
		fclose(r.spool);
	manifest_free(m);
	extract_config_release(&cfg);
	return rc;
}

const struct command command_extract = {
	.name = "extract",
	.run = cmd_extract,
	.min_operands = 1,
	.max_operands = -1,
	.db = DB_WRITE_LAZY,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "find forecasts in article pages and store them as candidates",
	.usage = "extract [--manifest F] [--source S] [--format text|html|feed] [--dry-run] "
		 "[--jobs N] FILE...",
	.details =
		"  FILE...        article pages: UTF-8 text, HTML (any charset it declares)\n"
		"                 or an RSS/Atom/WXR feed, told apart by content; \"-\" is stdin\n"
		"  --format F     read every page as text, html or feed\n"
		"  --dry-run      print the forecasts as ledger CSV, store nothing\n"
		"  --manifest F   CSV file,url,title,published,author,source overriding\n"
		"                 what was detected for the pages it names\n"
		"  --source S     the source column for pages the manifest does not name\n"
		"  --jobs N       read pages in N processes (default 0: one per core);\n"
		"                 the output is the same for every N\n"
		"A bad page is reported and nothing of it is kept; the others are, and the\n"
		"run exits 65 (66 when a page cannot be read). Forecasts already stored\n"
		"are never changed.\n",
};
