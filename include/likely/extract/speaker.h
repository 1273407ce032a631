/*
 * speaker: who makes a forecast when it is not the article's own voice.
 *
 * Extraction feeds it every sentence of an article (to learn the names
 * the article mentions) and asks it, for each forecast, who speaks:
 *
 *   - the speaker the cue rules found in the sentence ("..., said Anna
 *     Berg of the Delta Institute", "according to ...", "X expects"),
 *     normalised: no leading article, no affiliation after a comma or
 *     "of the", no place ("X in Munich"), no legal form ("plc", "Ltd"),
 *     "Analysts at X" -> X;
 *   - a pronoun or a definite description ("he added", "According to
 *     her", "in his view", "They expect", "the brokerage warned")
 *     carries the last named speaker of the paragraph (else of the
 *     article); a description whose noun came with a named speaker ("a
 *     survey by X" ... "the survey said") carries that one;
 *   - the rules named nobody: "Anna Berg, an analyst at X, expects" (a
 *     name, an apposition, a verb) or a last clause ", analysts at X
 *     estimate";
 *   - a surname ("..., Berg said") or the start of a name ("the Central
 *     Bank") expands to the fullest name the article or the page's
 *     masthead gives that ends (person) or starts (organisation) with it;
 *   - a speaker with no proper name ("analysts say", "most economists",
 *     "a poll of economists") is SPEAKER_UNNAMED;
 *   - no reported speaker: a round-up block's expert, else "" (the
 *     article's own voice); extraction then gives a research note's own
 *     voice its publisher (speaker_publisher) when speaker_note_voice.
 *
 * General rules only: no outlet's or page's names.
 */
#ifndef LIKELY_SPEAKER_H
#define LIKELY_SPEAKER_H

#include <stdbool.h>
#include <stddef.h>

#include "likely/base/buf.h"

#define SPEAKER_UNNAMED "(unnamed)"

struct speaker_state;

struct speaker_state *speaker_new(void);
void speaker_free(struct speaker_state *st);

/*
 * The page's first bytes (any amount; the first call wins): the masthead
 * is its first non-blank line when that names an organisation
 * ("HALDEN BANK | Macro & Markets Research" -> "Halden Bank"), else a
 * schema.org "publisher" name in the page's metadata.
 */
void speaker_page_head(struct speaker_state *st, const char *data, size_t len);
/* The page's publisher ("" when none was found). */
const char *speaker_publisher(const struct speaker_state *st);

/* A new article: forgets the names and speakers of the last one. */
void speaker_article(struct speaker_state *st);
/* A new paragraph: a pronoun no longer reaches back past it first. */
void speaker_paragraph(struct speaker_state *st);

/*
 * Every sentence of the article, in order, after speaker_forecast for
 * it when it is a forecast: records the names it mentions and whether
 * it speaks as a research note's "we" ("We expect", "our forecasts").
 * speech and voice say whether the sentence holds a speech or
 * forecasting verb and "we"/"our" (the cue pre-test finds both in its
 * one pass); a sentence with neither is passed over at once.
 */
void speaker_sentence(struct speaker_state *st, const char *s, size_t len, bool in_quote,
		      bool speech, bool voice);

/*
 * The speaker of a forecast: span [a, b) of s is the speaker the cue
 * rules found (a == b when none); block is the round-up block's expert
 * ("" when none).  Writes the name, SPEAKER_UNNAMED or "" to out.
 */
void speaker_forecast(struct speaker_state *st, const char *s, size_t len, size_t a, size_t b,
		      const char *block, struct buf *out);

/* True once the article has spoken as a research note's "we". */
bool speaker_note_voice(const struct speaker_state *st);

/*
 * The form of a name that scoring groups by, so one person is one row:
 * spaces collapsed, a title ("Dr.", "Prof.") and a trailing affiliation
 * (after a comma) dropped.  Case is kept; compare with speaker_same.
 */
void speaker_normalise(const char *name, struct buf *out);
/* True when two normalised names differ only in case. */
bool speaker_same(const char *a, const char *b);

/*
 * A headline that attributes its forecast to someone it does not name
 * ("..., analysts say" read as SPEAKER_UNNAMED, "... – survey") takes the
 * speaker of the body forecast it sums up: extraction then gives it the
 * next forecast's speaker.
 */
bool speaker_headline_attributed(const char *s, size_t len, const char *speaker);

#endif
