/*
 * fuzz_config: the configuration loaders (lexicon, horizons, topics,
 * vocabulary) and the manifest reader; the first byte picks which, the
 * rest is the file.  Properties: no crash or sanitizer report; a
 * configuration that loads gives forecasts that pass the ledger checks on
 * a small page that uses every kind of rule.
 */
#include <string.h>

#include "fuzz.h"
#include "likely/extract/extract.h"
#include "likely/core/manifest.h"

static const char page[] =
	"Minsk set to widen grain exports\n\n"
	"March 3, 2021 09:15\n\nBy Olena Kovalenko\n\n"
	"Belarus is likely to increase grain exports to China in the coming months.\n\n"
	"Trade with Poland will almost certainly fall next year, analysts say.\n\n"
	"The port is unlikely to reopen soon; the military may expand the base.\n";

static int check(struct forecast *f, void *ctx)
{
	enum ledger_column bad;
	(void)ctx;
	for (int c = 0; c < LEDGER_NCOLS; c++)
		FUZZ_ASSERT(ledger_check_field(c, f->col[c]) == NULL);
	FUZZ_ASSERT(ledger_check_record(f, &bad) == NULL);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct diag d;
	diag_init(&d, fuzz_devnull());
	const char *path = fuzz_scratch_file(data + 1, size - 1);
	struct extract_config cfg;
	extract_config_init(&cfg);
	int rc;
	switch (data[0] % 5) {
	case 0:
		rc = lexicon_load(&cfg.lexicon, path, &d);
		break;
	case 1:
		rc = horizon_load(&cfg.horizons, path, &d);
		break;
	case 2:
		rc = topic_load(&cfg.topics, path, &d);
		break;
	case 3:
		rc = cue_vocab_load(&cfg.vocab, path, &d);
		break;
	default: {
		struct manifest *m = NULL;
		rc = manifest_read(path, &d, &m);
		FUZZ_ASSERT((rc == 0) == (m != NULL));
		manifest_free(m);
		rc = 1; /* nothing to extract with */
		break;
	}
	}
	if (rc == 0) {
		struct extract_callbacks cb = {NULL, NULL, check, NULL};
		struct extractor *x = extractor_new(&cfg, "page.txt", NULL, &cb);
		FUZZ_ASSERT(extractor_feed(x, page, sizeof page - 1) == 0);
		FUZZ_ASSERT(extractor_finish(x) == 0);
		extractor_free(x);
	}
	extract_config_release(&cfg);
	return 0;
}
