/*
 * gen_ledger: writes a synthetic ledger for round-trip tests and benches.
 *
 *   gen_ledger ROWS [SEED] [--bad RECORD:COLUMN]
 *
 * Claims mix Latin and Cyrillic text with quotes, commas and newlines;
 * authors, topics, statuses and outcomes vary; every row is valid (dates
 * on the calendar, outcomes only on accepted forecasts) unless --bad asks
 * for one broken field in a given record (1 is the first); the physical
 * line that record starts on is then printed to stderr.  Output
 * is deterministic for a seed and in the form `likely export` writes, so an
 * import followed by an export must reproduce it byte for byte.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/io/csvio.h"
#include "likely/base/date.h"
#include "likely/core/ledger.h"

#include "splitmix.h"

static const char *pick(const char *const *list, size_t n)
{
	return list[rnd((uint32_t)n)];
}

#define PICK(list) pick(list, sizeof list / sizeof list[0])

static const char *const subjects[] = {
	"Belarus", "Minsk", "Russia", "China", "The government",
	"Беларусь", "Минск", "Правительство", "The \"Great Stone\" park",
	"Lukashenka's administration"};
static const char *const cues[] = {"likely to", "unlikely to", "will",
				   "expected to", "probably", "very likely",
				   "вероятно", "may"};
static const char *const probs[] = {"0.7", "0.2", "0.95", "0.7", "0.7",
				    "0.85", "0.7", ""};
static const char *const verbs[] = {
	"expand military cooperation with China",
	"increase domestic production, thanks to \"Chinese\" assistance",
	"remain an ally, a partner, and a creditor",
	"расширить военное сотрудничество с Китаем",
	"сохранить «статус-кво», несмотря на давление",
	"find supporters;\nthe second line, after a newline",
	"=1+1 look like a formula"};
static const char *const authors[] = {"", "Andrei Parotnikau", "Ann Lee",
				      "Ганна Іванова", "O'Brien, Pat"};
static const char *const topics[] = {"military", "economy", "foreign policy",
				     "military;foreign policy", "religion",
				     "general"};

static void make_row(struct forecast *f, unsigned long i)
{
	char id[32], date[DATE_ISO_LEN], horizon[DATE_ISO_LEN];
	char resolved[DATE_ISO_LEN], file[32];
	struct buf claim;
	int k = (int)rnd(8);

	long published = date_from_ymd(2010, 1, 1) + rnd(5000);
	long due = date_add_months(published, 6 + (int)rnd(48));
	date_format_iso(published, date);
	date_format_iso(due, horizon);
	snprintf(id, sizeof id, "g%07lu", i);
	snprintf(file, sizeof file, "%03lu_page.txt", i / 7);
	buf_init(&claim);
	buf_printf(&claim, "%s is %s %s, row %lu.", PICK(subjects), cues[k],
		   PICK(verbs), i);

	forecast_set(f, COL_ID, id);
	forecast_set(f, COL_FILE, file);
	forecast_set(f, COL_TITLE, rnd(2) ? "Minsk set to strengthen ties, again"
					  : "Пекин и Минск: «новый этап»");
	forecast_set(f, COL_PUBLISHED, date);
	forecast_set(f, COL_SOURCE, "belarusinfocus");
	forecast_set(f, COL_URL, rnd(3) ? "https://example.org/a?x=1,2" : "");
	forecast_set(f, COL_AUTHOR, PICK(authors));
	forecast_set(f, COL_TOPIC, PICK(topics));
	forecast_set(f, COL_CLAIM, claim.data);
	forecast_set(f, COL_CUE, cues[k]);
	forecast_set(f, COL_PROBABILITY, probs[k]);
	forecast_set(f, COL_HORIZON, horizon);
	forecast_set(f, COL_HORIZON_PHRASE, rnd(4) ? "" : "in the near future");
	uint32_t s = rnd(10);
	const char *status = s < 7 ? "accepted" : s < 9 ? "candidate" : "rejected";
	forecast_set(f, COL_STATUS, status);
	if (!strcmp(status, "accepted") && rnd(3)) {
		static const char *const outcomes[] = {"yes", "no", "yes", "no",
						       "partial", "void"};
		date_format_iso(due + rnd(400), resolved);
		forecast_set(f, COL_OUTCOME, PICK(outcomes));
		forecast_set(f, COL_RESOLVED_ON, resolved);
		forecast_set(f, COL_EVIDENCE, "later article, \"quoted\"");
	} else {
		forecast_set(f, COL_OUTCOME, "");
		forecast_set(f, COL_RESOLVED_ON, "");
		forecast_set(f, COL_EVIDENCE, "");
	}
	forecast_set(f, COL_NOTE, rnd(5) ? "" : "checked by the desk");
	buf_release(&claim);
}

static void break_field(struct forecast *f, const char *column)
{
	static const struct {
		const char *column;
		enum ledger_column c;
		const char *value;
	} bad[] = {
		{"published", COL_PUBLISHED, "2019-02-29"},
		{"probability", COL_PROBABILITY, "1.2"},
		{"status", COL_STATUS, "maybe"},
		{"outcome", COL_OUTCOME, "perhaps"},
		{"horizon", COL_HORIZON, "31.12.2020"},
		{"id", COL_ID, "has space"},
		{"claim", COL_CLAIM, ""},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (!strcmp(column, bad[i].column)) {
			forecast_set(f, bad[i].c, bad[i].value);
			return;
		}
	fprintf(stderr, "gen_ledger: cannot break column '%s'\n", column);
	exit(2);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: gen_ledger ROWS [SEED] [--bad RECORD:COLUMN]\n", stderr);
		return 2;
	}
	unsigned long rows = strtoul(argv[1], NULL, 10);
	rng_state = argc > 2 && argv[2][0] != '-' ? strtoull(argv[2], NULL, 10) : 1;
	unsigned long bad_record = 0;
	const char *bad_column = NULL;
	for (int i = 2; i + 1 < argc; i++)
		if (!strcmp(argv[i], "--bad")) {
			bad_record = strtoul(argv[i + 1], NULL, 10);
			bad_column = strchr(argv[i + 1], ':');
			bad_column = bad_column ? bad_column + 1 : "published";
		}

	struct csv_writer w;
	struct forecast f;
	unsigned long line = 2;
	csvw_init(&w, stdout, 0);
	ledger_write_header(&w);
	forecast_init(&f);
	for (unsigned long i = 0; i < rows; i++) {
		make_row(&f, i);
		if (i + 1 == bad_record) {
			break_field(&f, bad_column);
			fprintf(stderr, "%lu\n", line);
		}
		ledger_write_record(&w, &f);
		/* a claim with a newline spans two lines */
		line += 1 + (strchr(f.col[COL_CLAIM], '\n') != NULL) +
			(strchr(f.col[COL_TITLE], '\n') != NULL);
	}
	forecast_release(&f);
	return fflush(stdout) == 0 ? 0 : 74;
}
