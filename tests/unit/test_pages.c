/*
 * Test plan (pages as data): every tests/extract/pages/NAME.txt (and
 * NAME.html, NAME.xml: HTML pages and feeds, told apart by content) is read
 * by the page reader and what it finds, printed as `likely read` prints
 * it (pagedump.h), must equal NAME.expected -- read all at once and in
 * chunks of 1 and 7 bytes, so the streaming reader is checked on every
 * case.  Adding a case is adding the two files; a mismatch prints both.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/page/page.h"
#include "likely/page/pagedump.h"

#include "feed_steps.h"

#define DIR_PAGES "tests/extract/pages"

static char *slurp(const char *path, size_t *len)
{
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *in = fopen(path, "rb");
	if (!in)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
		buf_add(&b, chunk, n);
	fclose(in);
	*len = b.len;
	char *data = buf_detach(&b);
	buf_release(&b); /* buf_detach leaves b empty but allocated */
	return data;
}

/* What the reader finds in page, fed step bytes at a time (0: at once). */
static char *transcript(const char *page, size_t len, size_t step)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	struct page_callbacks cb = page_dump_callbacks(out);
	struct page_reader *r = page_reader_new(&cb, 0);
	int rc = feed_steps(r, page, len, step);
	page_reader_free(r);
	fclose(out);
	assert_int_equal(rc, 0);
	return text;
}

static int check_case(const char *name, const char *ext)
{
	char path[512];
	size_t len, wlen;
	int bad = 0;
	snprintf(path, sizeof path, "%s/%s%s", DIR_PAGES, name, ext);
	char *page = slurp(path, &len);
	snprintf(path, sizeof path, "%s/%s.expected", DIR_PAGES, name);
	char *want = slurp(path, &wlen);
	if (!page || !want)
		fail_msg("%s: the page or the .expected file is missing", name);
	static const size_t steps[] = {0, 1, 7};
	for (size_t k = 0; k < 3; k++) {
		char *got = transcript(page, len, steps[k]);
		if (strcmp(got, want) != 0) {
			print_error("pages/%s (chunks of %zu):\n--- want\n%s--- got\n%s",
				    name, steps[k], want, got);
			bad = 1;
		}
		free(got);
	}
	free(page);
	free(want);
	return bad;
}

static void test_page_files(void **state)
{
	(void)state;
	DIR *d = opendir(DIR_PAGES);
	struct dirent *e;
	int cases = 0, bad = 0;
	if (!d)
		fail_msg("cannot open %s (run from the top of the tree)", DIR_PAGES);
	while ((e = readdir(d)) != NULL) {
		static const char *const exts[] = {".txt", ".html", ".xml", NULL};
		size_t n = strlen(e->d_name), k;
		for (k = 0; exts[k]; k++) {
			size_t x = strlen(exts[k]);
			if (n > x && strcmp(e->d_name + n - x, exts[k]) == 0)
				break;
		}
		if (!exts[k])
			continue;
		char name[256];
		snprintf(name, sizeof name, "%.*s", (int)(n - strlen(exts[k])), e->d_name);
		bad += check_case(name, exts[k]);
		cases++;
	}
	closedir(d);
	assert_true(cases > 0);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_files),
	};
	return cmocka_run_group_tests_name("pages", tests, NULL, NULL);
}
