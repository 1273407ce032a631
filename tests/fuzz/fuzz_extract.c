/*
 * fuzz_extract: a page through the extractor, fed whole and then in
 * pieces whose sizes come from the input's first bytes.  Properties: the
 * same articles, sentences, forecasts, exit code and error offset either
 * way; every forecast of a good page passes the ledger's field and record
 * checks (so its export imports).
 */
#include <string.h>

#include "fuzz.h"
#include "likely/extract/extract.h"

struct sink {
	FILE *mem;
	struct csv_writer w;
	bool ok; /* every forecast passed the ledger checks */
};

static int on_article(const struct extract_article *a, void *ctx)
{
	struct sink *k = ctx;
	fprintf(k->mem, "A %u|%s|%s|%s\n", a->index, a->title, a->published, a->author);
	return 0;
}

static int on_sentence(unsigned article, const char *text, size_t len, void *ctx)
{
	struct sink *k = ctx;
	fprintf(k->mem, "S %u|", article);
	fwrite(text, 1, len, k->mem);
	fputc('\n', k->mem);
	return 0;
}

static int on_forecast(struct forecast *f, void *ctx)
{
	struct sink *k = ctx;
	enum ledger_column bad;
	for (int c = 0; c < LEDGER_NCOLS; c++)
		if (ledger_check_field(c, f->col[c])) {
			fprintf(stderr, "column %s: %s: [%s]\n", ledger_columns[c],
				ledger_check_field(c, f->col[c]), f->col[c]);
			k->ok = false;
		}
	if (ledger_check_record(f, &bad)) {
		fprintf(stderr, "record: %s: %s\n", ledger_columns[bad],
			ledger_check_record(f, &bad));
		k->ok = false;
	}
	ledger_write_record(&k->w, f);
	return 0;
}

static const struct extract_config *config(void)
{
	static struct extract_config cfg;
	static bool ready;
	if (!ready) {
		extract_config_init(&cfg);
		ready = true;
	}
	return &cfg;
}

/* Runs the page through one extractor, in pieces of the sizes given by
 * steps (cycled; NULL: whole); returns the output, its code and offset. */
static char *run(const uint8_t *page, size_t size, const uint8_t *steps, size_t nsteps,
		 int *rc, unsigned long long *offset, bool *ok)
{
	char *out = NULL;
	size_t len;
	struct sink k = {.ok = true};
	k.mem = open_memstream(&out, &len);
	FUZZ_ASSERT(k.mem != NULL);
	csvw_init(&k.w, k.mem, 0);
	struct extract_callbacks cb = {on_article, on_sentence, on_forecast, &k};
	struct extractor *x = extractor_new(config(), "fuzz.txt", NULL, &cb);
	size_t at = 0, i = 0;
	*rc = 0;
	while (at < size && *rc == 0) {
		size_t n = steps ? (size_t)steps[i++ % nsteps] % 97 + 1 : size;
		if (n > size - at)
			n = size - at;
		*rc = extractor_feed(x, page + at, n);
		at += n;
	}
	if (*rc == 0)
		*rc = extractor_finish(x);
	*offset = *rc ? extractor_error_offset(x) : 0;
	extractor_free(x);
	FUZZ_ASSERT(fclose(k.mem) == 0);
	*ok = k.ok;
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t nsteps = data[0] % 8 + 1;
	if (size < 1 + nsteps)
		return 0;
	const uint8_t *steps = data + 1, *page = data + 1 + nsteps;
	size_t psize = size - 1 - nsteps;
	int rc1, rc2;
	unsigned long long off1, off2;
	bool ok1, ok2;
	char *whole = run(page, psize, NULL, 0, &rc1, &off1, &ok1);
	char *pieces = run(page, psize, steps, nsteps, &rc2, &off2, &ok2);
	FUZZ_ASSERT(rc1 == rc2);
	FUZZ_ASSERT(off1 == off2);
	if (rc1 == 0) {
		FUZZ_ASSERT(strcmp(whole, pieces) == 0);
		FUZZ_ASSERT(ok1);
	}
	free(whole);
	free(pieces);
	return 0;
}
