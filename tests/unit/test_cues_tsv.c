/*
 * Test plan (cue rules as data): every line of tests/extract/cues.tsv is
 * a sentence with its expected verdict -- class, cue as written,
 * probability, polarity and the finder or rule that decided -- so adding
 * a case is adding a line.  Each line is checked on its own and every
 * mismatch is printed before the test fails; the candidate pre-test must
 * pass every kept body sentence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/extract/cue.h"
#include "likely/base/date.h"

#define CASES "tests/extract/cues.tsv"

struct expect {
	const char *where, *cls, *cue, *p, *pol, *rule, *sentence;
};

/* Splits line at tabs into the seven columns; false when it has fewer. */
static bool split(char *line, struct expect *e)
{
	const char **col[] = {&e->where, &e->cls, &e->cue, &e->p, &e->pol,
			      &e->rule, &e->sentence};
	for (size_t k = 0; k < 7; k++) {
		*col[k] = line;
		char *tab = k < 6 ? strchr(line, '\t') : NULL;
		if (k < 6 && !tab)
			return false;
		if (tab) {
			*tab = '\0';
			line = tab + 1;
		}
	}
	return true;
}

/* Returns the number of mismatches, each printed with its line. */
static int check(struct cue_matcher *m, unsigned long lineno,
		 const struct expect *e)
{
	struct cue_result r;
	struct cue_input in = {false, strcmp(e->where, "title") == 0,
			       date_from_ymd(2017, 1, 10)};
	size_t len = strlen(e->sentence);
	cue_detect(m, e->sentence, len, &in, &r);
	char cue[128] = "-", p[32] = "-", pol[2] = "-";
	if (cue_kept(r.cls)) {
		snprintf(cue, sizeof cue, "%.*s", (int)(r.end - r.start),
			 e->sentence + r.start);
		if (r.scored)
			snprintf(p, sizeof p, "%g", r.p);
		pol[0] = r.polarity;
	}
	const char *cls = cue_class_name(r.cls);
	bool ok = strcmp(cls, e->cls) == 0 && strcmp(cue, e->cue) == 0 &&
		  strcmp(p, e->p) == 0 && strcmp(pol, e->pol) == 0 &&
		  strcmp(r.rule, e->rule) == 0;
	if (!ok)
		printf("# %s:%lu: \"%s\"\n#   want %s %s %s %s %s\n#   got  %s %s %s %s %s\n",
		       CASES, lineno, e->sentence, e->cls, e->cue, e->p, e->pol,
		       e->rule, cls, cue, p, pol, r.rule);
	if (cue_kept(r.cls) && !in.title && !cue_candidate(m, e->sentence, len)) {
		printf("# %s:%lu: kept, but the pre-test drops it\n", CASES, lineno);
		ok = false;
	}
	return ok ? 0 : 1;
}

static void test_cues_file(void **state)
{
	(void)state;
	struct lexicon lx;
	struct horizon_table h;
	lexicon_init_default(&lx);
	horizon_init_default(&h);
	struct cue_matcher *m = cue_matcher_new(&lx, &h, NULL);
	FILE *fp = fopen(CASES, "r");
	assert_non_null(fp);
	char line[2048];
	unsigned long lineno = 0, cases = 0;
	int bad = 0;
	while (fgets(line, sizeof line, fp)) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		struct expect e;
		if (!split(line, &e)) {
			printf("# %s:%lu: fewer than seven columns\n", CASES, lineno);
			bad++;
			continue;
		}
		cases++;
		bad += check(m, lineno, &e);
	}
	fclose(fp);
	printf("# cues.tsv: %lu cases, %d wrong\n", cases, bad);
	cue_matcher_free(m);
	horizon_release(&h);
	lexicon_release(&lx);
	assert_true(cases > 100);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cues_file),
	};
	return cmocka_run_group_tests_name("cues.tsv", tests, NULL, NULL);
}
