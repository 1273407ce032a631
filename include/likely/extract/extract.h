/*
 * extract: from a page to ledger records.  Streams the page through the
 * page reader, splits each paragraph into sentences, runs the cue rules on
 * the sentences that hold a candidate word, and fills every ledger column
 * of SPEC.md §4 for each forecast found.  Results are handed over through
 * callbacks as they come, so the caller stores them without the page ever
 * being held in memory.
 *
 * A page that is not UTF-8 yields an error with the byte offset; the
 * caller must then discard whatever the callbacks received from it.
 */
#ifndef LIKELY_EXTRACT_H
#define LIKELY_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "likely/extract/cue_vocab.h"
#include "likely/base/diag.h"
#include "likely/extract/horizon.h"
#include "likely/core/ledger.h"
#include "likely/extract/lexicon.h"
#include "likely/page/page.h"
#include "likely/extract/topic.h"

/* What extraction is configured with (SPEC.md §3). */
struct extract_config {
	struct lexicon lexicon;
	struct horizon_table horizons;
	struct topic_rules topics;
	struct cue_vocab_extra vocab; /* an outlet's words for the rules */
	char *origin;                 /* "built-in" or the directory the files came from */
};

/* The built-in lexicon, horizon phrases and topic rules.  Cannot fail. */
void extract_config_init(struct extract_config *c);
/*
 * Replaces the tables for which dir holds lexicon.csv, horizons.csv or
 * topics.csv (a missing file keeps the built-in table), and adds the
 * words of vocabulary.csv to the rules' built-in vocabulary.  Returns
 * LIKELY_OK, or the worst error after reporting each problem through d
 * (LIKELY_DATAERR for a bad file); on error c keeps the built-in tables.
 */
int extract_config_load_dir(struct extract_config *c, const char *dir, struct diag *d);

/* Where an outlet keeps its configuration, relative to where likely runs. */
#define EXTRACT_CONFIG_DIR "predictions/config"

/*
 * Loads the configuration in force (SPEC.md §3): dir (--config or
 * $LIKELY_CONFIG) when given, else EXTRACT_CONFIG_DIR when it exists,
 * else the built-in tables.  A named directory that does not exist is
 * LIKELY_NOINPUT; a bad file LIKELY_DATAERR.  c is initialised here
 * either way.
 */
int extract_config_find(const char *dir, struct diag *d, struct extract_config *c);
void extract_config_release(struct extract_config *c);

/* Manifest overrides for one page; NULL (or "") fields are detected.
 * published must be ISO YYYY-MM-DD, or YYYY-MM for a month (checked by
 * the caller; anything else is ignored).  title/published/author apply to the page's first article,
 * url and source to all of its articles. */
struct extract_meta {
	const char *url, *title, *published, *author, *source;
	enum page_format format;           /* PAGE_FORMAT_AUTO (0): by content */
	const struct extract_share *share; /* NULL: the whole page */
};

/*
 * One process's part of a page that several read at once (extractpool).
 * Each reads the whole page, so the page's own facts (its dates, its
 * masthead, where its articles begin, what is wrong with it) are known to
 * all alike; the articles are cut into blocks, a new block starting at
 * the first article after EXTRACT_SHARE_BLOCK bytes of paragraphs, and a
 * process extracts the blocks it claims (claim, asked once for each block
 * 0, 1, 2, ... as the process reaches it: exactly one process must get
 * each): nothing the extraction keeps (the speaker's names, repeats, held
 * forecasts) outlives an article.  The callbacks are called for its
 * blocks only, and on_block_end at the end of every block (the last one
 * too), after the last forecast of the ones it claimed; extract_stats
 * counts every article but only its blocks' paragraphs, sentences and
 * forecasts.  Both take extract_callbacks' ctx.
 */
#define EXTRACT_SHARE_BLOCK (512 * 1024)
struct extract_share {
	bool (*claim)(void *ctx, unsigned long long block);
	int (*on_block_end)(void *ctx, bool claimed);
};

struct extract_article {
	unsigned index;        /* 0, 1, ... in page order */
	const char *title;     /* "" when none */
	const char *published; /* ISO, YYYY-MM for a month, "" when no date */
	const char *author;    /* "" when none */
	const char *url;       /* the manifest's, else the page's; "" */
};

/*
 * Each callback may be NULL; each returns 0 to go on or a non-zero code
 * that stops extraction (the feed/finish call then returns it).  Pointers
 * are valid only during the call; on_forecast may take ownership of the
 * forecast's strings by moving them out (it is released afterwards).
 */
struct extract_callbacks {
	int (*on_article)(const struct extract_article *a, void *ctx);
	int (*on_sentence)(unsigned article, const char *text, size_t len, void *ctx);
	int (*on_forecast)(struct forecast *f, void *ctx);
	void *ctx;
};

struct extract_stats {
	unsigned long long bytes, articles, paragraphs, sentences, candidates;
	/* undated: forecasts of articles without a date, kept as candidates
	 * with an empty published and the note LEDGER_NOTE_NO_DATE */
	unsigned long long forecasts, hedged, undated;
};

struct extractor;

/*
 * An extractor for one page.  file is the page's name as given (its base
 * name fills the `file` column); cfg must outlive the extractor; meta may
 * be NULL.  Never returns NULL.
 */
struct extractor *extractor_new(const struct extract_config *cfg, const char *file,
				const struct extract_meta *meta,
				const struct extract_callbacks *cb);
void extractor_free(struct extractor *x);
/* Feeds the next chunk of the page.  Returns 0, a callback's code, or
 * LIKELY_DATAERR for invalid UTF-8 or a control character other than
 * tab, LF, CR, FF and VT (see extractor_error_offset and _reason).  A
 * page fed in pieces gives what it gives fed whole. */
int extractor_feed(struct extractor *x, const void *data, size_t len);
/* Ends the page.  Same returns as extractor_feed. */
int extractor_finish(struct extractor *x);
unsigned long long extractor_error_offset(const struct extractor *x);
/* After LIKELY_DATAERR: what is wrong with the page ("invalid UTF-8 at
 * byte N", "a NUL byte at byte N", "empty file", ...). */
const char *extractor_error(const struct extractor *x);

/*
 * Streams fp (named name in messages) through a fresh extractor in 64 KiB
 * reads.  Returns LIKELY_OK; LIKELY_DATAERR after reporting "NAME: invalid
 * UTF-8 at byte N", "NAME: a NUL byte at byte N", "NAME: empty file", ... to d;
 * LIKELY_IOERR after reporting a read error; or a
 * callback's code.  stats, when not NULL, receives the counts.
 */
int extract_stream(const struct extract_config *cfg, FILE *fp, const char *name,
		   const struct extract_meta *meta, const struct extract_callbacks *cb,
		   struct diag *d, struct extract_stats *stats);
/*
 * What extract_stream reports when a page ends with rc: for
 * LIKELY_DATAERR the page's error (also when a callback returned it: the
 * page's error is then ""), for LIKELY_OK its warning when not NULL.
 * The extraction pool reports through it too, so both say the same.
 */
void extract_report_end(struct diag *d, const char *name, int rc, const char *error,
			const char *warning);
/* Opens path ("-" is stdin) and streams it; LIKELY_NOINPUT (reported)
 * when it cannot be opened. */
int extract_path(const struct extract_config *cfg, const char *path,
		 const struct extract_meta *meta, const struct extract_callbacks *cb,
		 struct diag *d, struct extract_stats *stats);

#endif
