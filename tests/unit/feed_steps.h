/*
 * feed_steps.h: the page-reader tests' way of feeding a page -- in pieces
 * of `step` bytes (0: all at once), then the end -- so a test can check
 * that a page fed in pieces reads as it does whole.
 */
#ifndef LIKELY_TESTS_FEED_STEPS_H
#define LIKELY_TESTS_FEED_STEPS_H

#include <stddef.h>

#include "likely/page/page.h"

static inline int feed_steps(struct page_reader *r, const char *page, size_t len, size_t step)
{
	int rc = 0;
	if (!step)
		step = len ? len : 1;
	for (size_t i = 0; i < len && !rc; i += step)
		rc = page_feed(r, page + i, len - i < step ? len - i : step);
	return rc ? rc : page_finish(r);
}

#endif
