/*
 * fuzz_dates: the date parsers -- ISO days and months, article date lines
 * (pagedate), horizon phrases counted from a day the input picks.
 * Properties: no crash; a parsed ISO day or month formats back to the same
 * text; every horizon found is a date ISO text can hold, and parses back.
 */
#include <string.h>

#include "fuzz.h"
#include "likely/base/date.h"
#include "likely/extract/horizon.h"
#include "likely/page/pagedate.h"
#include "likely/base/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct horizon_table table;
	static bool ready;
	char iso[DATE_ISO_LEN];
	long day;
	if (!ready) {
		horizon_init_default(&table);
		ready = true;
	}
	if (size < 2)
		return 0;
	/* the forecast day: anywhere in 0001..9999, edges included */
	unsigned k = (unsigned)data[0] << 8 | data[1];
	long lo = date_from_ymd(1, 1, 1), hi = date_from_ymd(9999, 12, 31);
	long from = k < 16 ? lo + k : k > 65519 ? hi - (65535 - k) : lo + (long)((hi - lo) / 65535.0 * k);
	data += 2;
	size -= 2;
	char *s = malloc(size + 1);
	FUZZ_ASSERT(s != NULL);
	memcpy(s, data, size);
	s[size] = '\0';

	if (date_parse_iso(s, &day)) {
		date_format_iso(day, iso);
		FUZZ_ASSERT(strcmp(iso, s) == 0);
	}
	if (date_parse_month(s, &day)) {
		date_format_month(day, iso);
		FUZZ_ASSERT(strcmp(iso, s) == 0);
	}
	/* the page reader and the cue matcher validate UTF-8 before these */
	if (!utf8_valid(s, size, NULL)) {
		free(s);
		return 0;
	}
	struct pagedate pd;
	if (pagedate_read(s, size, &pd) == PAGEDATE_DATE) {
		FUZZ_ASSERT(pd.end <= size);
		date_format_iso(pagedate_days(&pd), iso);
		FUZZ_ASSERT(date_parse_iso(iso, &day));
	}
	if (pagedate_read_prefix(s, size, &pd))
		FUZZ_ASSERT(pd.end <= size);
	size_t head;
	if (pagedate_title_tail(s, size, &pd, &head))
		FUZZ_ASSERT(head <= size);
	size_t n;
	int month = pagedate_month(s, size, &n);
	FUZZ_ASSERT(month >= 0 && month <= 12 && (month == 0 || n <= size));

	struct horizon_match m;
	horizon_find(&table, s, size, from, &m);
	date_format_iso(m.due, iso);
	FUZZ_ASSERT(date_parse_iso(iso, &day));
	if (m.found)
		FUZZ_ASSERT(m.start <= m.end && m.end <= size);
	free(s);
	return 0;
}
