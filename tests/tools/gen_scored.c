/*
 * gen_scored: writes a ledger of settled, accepted forecasts for scoring
 * benches and tests.
 *
 *   gen_scored ROWS [SEED] [AUTHORS] [TOPICS]     (defaults: 1, 200, 30)
 *
 * Every row is accepted and settled: about 93% yes/no, 4% partial and 3%
 * void.  Probabilities are the default lexicon's (0.05 ... 0.95), with one
 * row in ten carrying another two-digit probability (an edited forecast),
 * so there are about a hundred distinct values.  Each author has a bias, so
 * the authors' scores differ.  One row in twenty has no author; one in
 * four has two topics ("t07;t12").  Published dates span 2010-2019, the
 * horizon is a year later and the verdict within 200 days after that, so
 * `likely score --as-of 2021-12-31` scores all of them.  The output is
 * deterministic for a seed and in the form `likely export` writes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/io/csvio.h"
#include "likely/base/date.h"
#include "likely/core/ledger.h"

#include "splitmix.h"

static const struct {
	const char *cue, *p;
} lexicon[] = {
	{"almost certainly", "0.95"}, {"very likely", "0.85"}, {"likely to", "0.7"},
	{"probably", "0.7"},          {"expected to", "0.7"},  {"more likely than not", "0.6"},
	{"toss-up", "0.5"},           {"not likely to", "0.3"}, {"unlikely to", "0.2"},
	{"very unlikely", "0.1"},     {"almost no chance", "0.05"},
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: gen_scored ROWS [SEED] [AUTHORS] [TOPICS]\n", stderr);
		return 2;
	}
	unsigned long rows = strtoul(argv[1], NULL, 10);
	rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
	unsigned long authors = argc > 3 ? strtoul(argv[3], NULL, 10) : 200;
	unsigned long topics = argc > 4 ? strtoul(argv[4], NULL, 10) : 30;
	if (authors < 1 || topics < 1) {
		fputs("gen_scored: AUTHORS and TOPICS must be at least 1\n", stderr);
		return 2;
	}

	struct csv_writer w;
	struct forecast f;
	char id[32], file[32], author[32], topic[32], claim[160], p[16];
	char published[DATE_ISO_LEN], horizon[DATE_ISO_LEN], resolved[DATE_ISO_LEN];
	const long start = date_from_ymd(2010, 1, 1);

	csvw_init(&w, stdout, 0);
	ledger_write_header(&w);
	forecast_init(&f);
	for (unsigned long i = 0; i < rows; i++) {
		unsigned long a = rnd((uint32_t)authors);
		int k = (int)rnd(sizeof lexicon / sizeof lexicon[0]);
		double prob = strtod(lexicon[k].p, NULL);
		if (rnd(10) == 0) {
			int pc = 1 + (int)rnd(99);
			prob = pc / 100.0;
			snprintf(p, sizeof p, "0.%02d", pc);
		} else {
			snprintf(p, sizeof p, "%s", lexicon[k].p);
		}
		/* author a's events happen with p shifted by a bias in [-0.2, 0.2] */
		double bias = ((double)(a % 41) - 20.0) / 100.0;
		double chance = prob + bias < 0 ? 0 : prob + bias > 1 ? 1 : prob + bias;
		uint32_t kind = rnd(100);
		const char *outcome = kind < 4 ? "partial" : kind < 7 ? "void"
				      : rnd(1000000) < (uint32_t)(chance * 1e6) ? "yes" : "no";

		long pub = start + (long)rnd(3650);
		long due = date_add_months(pub, 12);
		date_format_iso(pub, published);
		date_format_iso(due, horizon);
		date_format_iso(due + (long)rnd(200), resolved);
		snprintf(id, sizeof id, "s%07lu", i);
		snprintf(file, sizeof file, "%05lu.txt", i / 5);
		if (rnd(20) == 0)
			author[0] = '\0';
		else
			snprintf(author, sizeof author, "Author %03lu", a);
		unsigned long t1 = rnd((uint32_t)topics), t2 = rnd((uint32_t)topics);
		if (rnd(4) == 0 && t2 != t1)
			snprintf(topic, sizeof topic, "t%02lu;t%02lu", t1, t2);
		else
			snprintf(topic, sizeof topic, "t%02lu", t1);
		snprintf(claim, sizeof claim, "Claim %lu: the event is %s happen by %s.", i,
			 lexicon[k].cue, horizon);

		forecast_set(&f, COL_ID, id);
		forecast_set(&f, COL_FILE, file);
		forecast_set(&f, COL_TITLE, "Weekly outlook");
		forecast_set(&f, COL_PUBLISHED, published);
		forecast_set(&f, COL_SOURCE, "bench");
		forecast_set(&f, COL_AUTHOR, author);
		forecast_set(&f, COL_TOPIC, topic);
		forecast_set(&f, COL_CLAIM, claim);
		forecast_set(&f, COL_CUE, lexicon[k].cue);
		forecast_set(&f, COL_PROBABILITY, p);
		forecast_set(&f, COL_HORIZON, horizon);
		forecast_set(&f, COL_STATUS, "accepted");
		forecast_set(&f, COL_OUTCOME, outcome);
		forecast_set(&f, COL_RESOLVED_ON, resolved);
		ledger_write_record(&w, &f);
	}
	forecast_release(&f);
	return fflush(stdout) == 0 ? 0 : 74;
}
