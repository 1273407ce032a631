/*
 * fuzz_import: ledger CSV through the real import command into an
 * in-memory database.  Properties: no crash or sanitizer report; when a
 * ledger is accepted, its export imports again into a fresh database and
 * exports to the same bytes (every ledger likely writes it can read).
 */
#include <string.h>

#include "fuzz.h"
#include "likely/cli/cli.h"
#include "likely/store/store.h"

static int import_file(struct store *s, const char *path)
{
	struct ctx ctx = {0};
	char *argv[] = {(char *)path, NULL};
	struct cmd_args a = {.argc = 1, .argv = argv};
	diag_init(&ctx.diag, fuzz_devnull());
	ctx.store = s;
	ctx.out = fuzz_devnull();
	snprintf(ctx.now, sizeof ctx.now, "2024-01-01T00:00:00Z");
	snprintf(ctx.today, sizeof ctx.today, "2024-01-01");
	FUZZ_ASSERT(store_begin(s) == 0);
	int rc = command_import.run(&ctx, &a);
	if (rc == 0)
		FUZZ_ASSERT(store_commit(s) == 0);
	store_rollback(s);
	return rc;
}

static int put_row(const struct forecast *f, void *w)
{
	ledger_write_record(w, f);
	return 0;
}

/* The ledger export writes, into a malloc'd buffer. */
static char *export_all(struct store *s, size_t *len)
{
	char *buf = NULL;
	FILE *mem = open_memstream(&buf, len);
	struct csv_writer w;
	FUZZ_ASSERT(mem != NULL);
	csvw_init(&w, mem, 0);
	ledger_write_header(&w);
	FUZZ_ASSERT(store_forecast_each(s, NULL, put_row, &w) == 0);
	FUZZ_ASSERT(fclose(mem) == 0);
	return buf;
}

static struct store *fresh(struct diag *d)
{
	struct store *s;
	FUZZ_ASSERT(store_open(":memory:", STORE_CREATE, d, &s) == 0);
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	diag_init(&d, fuzz_devnull());
	struct store *s = fresh(&d);
	if (import_file(s, fuzz_scratch_file(data, size)) == 0) {
		size_t len1, len2;
		char *first = export_all(s, &len1);
		struct store *again = fresh(&d);
		FUZZ_ASSERT(import_file(again, fuzz_scratch_file((const uint8_t *)first, len1)) == 0);
		char *second = export_all(again, &len2);
		FUZZ_ASSERT(len1 == len2 && memcmp(first, second, len1) == 0);
		free(first);
		free(second);
		store_close(again);
	}
	store_close(s);
	return 0;
}
