/*
 * Test plan (extract, a page shared among processes): a page of many
 * articles (titles, dates, bylines, named and unnamed speakers, a research
 * note's "we", a headline repeated in its body, quotations) is extracted
 * whole and then as 1, 2 and 3 parts (extract_share), the blocks claimed
 * in turn (block b by part b mod N) or two by two;
 *  - taking each block from the part that claimed it gives every article
 *    and forecast of the whole page, in its order, with every column
 *    alike;
 *  - every part is told the end of every block, and it is asked to claim
 *    each block once, in order;
 *  - the page has more blocks than parts, and every part has some;
 *  - a bad byte in the middle of the page stops every part with the
 *    page's error, and the blocks before it are what the whole page gave
 *    before its error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/extract/extract.h"

#define MAX_BLOCKS 64

/* Which part claims block b of a page shared by parts: in turn, or two
 * blocks at a time. */
static unsigned owner_in_turn(unsigned long long b, unsigned parts)
{
	return (unsigned)(b % parts);
}

static unsigned owner_by_twos(unsigned long long b, unsigned parts)
{
	return (unsigned)(b / 2 % parts);
}

/* What one part saw, block by block. */
struct part {
	unsigned k, parts;
	unsigned (*owner)(unsigned long long b, unsigned parts);
	unsigned long long asked; /* the next block claim must be asked for */
	unsigned long long ended; /* blocks ended, claimed or not */
	struct buf block[MAX_BLOCKS];
	size_t nblocks; /* blocks of its own ended */
};

static struct buf *current(struct part *p)
{
	assert_true(p->nblocks < MAX_BLOCKS);
	return &p->block[p->nblocks];
}

static bool claim(void *ctx, unsigned long long b)
{
	struct part *p = ctx;
	assert_int_equal(b, p->asked);
	p->asked++;
	return p->owner(b, p->parts) == p->k;
}

static int on_block_end(void *ctx, bool claimed)
{
	struct part *p = ctx;
	assert_int_equal(p->ended + 1, p->asked);
	assert_int_equal(claimed, p->owner(p->ended, p->parts) == p->k);
	p->ended++;
	if (claimed) {
		current(p);
		p->nblocks++;
	}
	return 0;
}

static int on_article(const struct extract_article *a, void *ctx)
{
	buf_printf(current(ctx), "A%u|%s|%s|%s|%s\n", a->index, a->title,
		   a->published, a->author, a->url);
	return 0;
}

static int on_forecast(struct forecast *f, void *ctx)
{
	struct buf *b = current(ctx);
	for (int c = 0; c < LEDGER_NCOLS; c++)
		buf_printf(b, "%s|", f->col[c]);
	buf_printf(b, "%s\n", f->context ? f->context : "(none)");
	return 0;
}

static const char *const paragraphs[] = {
	"Belarus is likely to expand military production by 2023. Prices may soon "
	"change. Russia will remain an ally in the near future.",
	"\xe2\x80\x9cMinsk will buy jets next year,\xe2\x80\x9d said Ivan Petrov, a "
	"defence analyst. He expects the deal to close by March.",
	"We expect the National Bank to cut rates in the second half of the year. "
	"Our view is that inflation will probably ease.",
	"The government announced a number of agreements. The opposition "
	"rejected the draft budget last week.",
	"According to a survey by the Centre for Governance Studies, the reform is "
	"unlikely to pass before 2025. The survey said turnout could fall.",
};

/* A page of narticles articles; bad: an invalid byte in article bad_at. */
static void make_page(struct buf *page, unsigned narticles, int bad_at)
{
	for (unsigned a = 0; a < narticles; a++) {
		if (a)
			buf_adds(page, "Similar articles\n\n");
		buf_printf(page, "Minsk is likely to widen trade, part %u\n\n", a);
		if (a % 7 != 3)
			buf_printf(page, "March %u, 2021 10:%02u\n\n", 1 + a % 28, a % 60);
		if (a % 2)
			buf_printf(page, "By Jane Roe %u\n\n", a);
		buf_printf(page, "Minsk is likely to widen trade, part %u.\n\n", a);
		for (unsigned i = 0; i < 100; i++) {
			buf_adds(page, paragraphs[(a + i) % 5]);
			buf_printf(page, " Item %u of %u.", i, a);
			if ((int)a == bad_at && i == 30)
				buf_adds(page, "\xff");
			buf_adds(page, "\n\n");
		}
	}
}

static int extract(const struct buf *page, struct part *p, unsigned part,
		   unsigned parts, unsigned (*owner)(unsigned long long, unsigned),
		   char *err, size_t cap)
{
	struct extract_config cfg;
	struct extract_share share = {claim, on_block_end};
	struct extract_meta meta = {.url = "https://example.org/",
				    .share = parts ? &share : NULL};
	struct extract_callbacks cb = {on_article, NULL, on_forecast, p};
	extract_config_init(&cfg);
	for (size_t i = 0; i < MAX_BLOCKS; i++)
		buf_init(&p->block[i]);
	p->nblocks = 0;
	p->k = part;
	p->parts = parts;
	p->owner = owner;
	p->asked = p->ended = 0;
	struct extractor *x = extractor_new(&cfg, "dir/page.txt", &meta, &cb);
	int rc = LIKELY_OK;
	/* in pieces of odd sizes, as a file is read */
	for (size_t at = 0; !rc && at < page->len; at += 40000) {
		size_t n = page->len - at < 40000 ? page->len - at : 40000;
		rc = extractor_feed(x, page->data + at, n);
	}
	if (!rc)
		rc = extractor_finish(x);
	snprintf(err, cap, "%s", rc ? extractor_error(x) : "");
	extractor_free(x);
	extract_config_release(&cfg);
	return rc;
}

static void release(struct part *p)
{
	for (size_t i = 0; i < MAX_BLOCKS; i++)
		buf_release(&p->block[i]);
}

/* Each block from the part that claimed it, as extractpool takes them,
 * up to the first block no part has ended (the page stopped in it). */
static void merge(struct part *p, unsigned parts, struct buf *out)
{
	size_t taken[3] = {0};
	for (unsigned long long b = 0;; b++) {
		unsigned k = p[0].owner(b, parts);
		size_t i = taken[k]++;
		buf_adds(out, p[k].block[i].data ? p[k].block[i].data : "");
		if (i >= p[k].nblocks)
			break; /* the page ended (or stopped) in this one */
	}
}

static void check_parts(const struct buf *page, int want_rc,
			unsigned (*owner)(unsigned long long, unsigned))
{
	struct part whole, p[3];
	char err[128], perr[128];
	assert_int_equal(extract(page, &whole, 0, 0, owner, err, sizeof err), want_rc);
	assert_int_equal(whole.nblocks, 0);
	for (unsigned parts = 1; parts <= 3; parts++) {
		struct buf merged;
		buf_init(&merged);
		for (unsigned k = 0; k < parts; k++) {
			assert_int_equal(extract(page, &p[k], k, parts, owner, perr, sizeof perr),
					 want_rc);
			assert_string_equal(perr, err);
			/* every part passed the same blocks */
			assert_int_equal(p[k].asked, p[0].asked);
			assert_int_equal(p[k].ended, p[0].ended);
		}
		merge(p, parts, &merged);
		assert_string_equal(merged.data ? merged.data : "", whole.block[0].data);
		size_t blocks = 0;
		for (unsigned k = 0; k < parts; k++) {
			assert_true(want_rc != LIKELY_OK || p[k].nblocks > 0);
			blocks += p[k].nblocks;
			release(&p[k]);
		}
		assert_true(want_rc != LIKELY_OK || blocks > parts);
		buf_release(&merged);
	}
	release(&whole);
}

static void test_parts_give_the_whole(void **state)
{
	(void)state;
	struct buf page;
	buf_init(&page);
	make_page(&page, 240, -1);
	assert_true(page.len > 6 * EXTRACT_SHARE_BLOCK);
	check_parts(&page, LIKELY_OK, owner_in_turn);
	check_parts(&page, LIKELY_OK, owner_by_twos);
	buf_release(&page);
}

static void test_bad_byte_stops_every_part(void **state)
{
	(void)state;
	struct buf page;
	buf_init(&page);
	make_page(&page, 240, 140);
	check_parts(&page, LIKELY_DATAERR, owner_in_turn);
	check_parts(&page, LIKELY_DATAERR, owner_by_twos);
	buf_release(&page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parts_give_the_whole),
		cmocka_unit_test(test_bad_byte_stops_every_part),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
