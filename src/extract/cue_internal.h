/*
 * cue_internal: what the parts of the forecast decision share, and
 * nothing else includes.  The decision is split by concern:
 *   cue.c           the matcher (known words, the candidate pre-test) and
 *                   cue_detect: places found, rules run, the first place
 *                   no rule rejects kept with its note;
 *   cue_sentence.c  facts about the tokenized sentence the finders and
 *                   rules ask (clauses, questions, "will" as a modal, a
 *                   future word or horizon, a named day, quotations);
 *   cue_find.c      the finders: where a forecast may be stated;
 *   cue_rules.c     the ordered table of named rules, and who speaks.
 */
#ifndef LIKELY_CUE_INTERNAL_H
#define LIKELY_CUE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "likely/extract/cue.h"
#include "likely/extract/cue_vocab.h"

#define ANCHOR_SLOTS 512 /* open addressing; at most half full */

struct anchor {
	unsigned hash;
	unsigned kind; /* enum cue_scan_flag bits */
	char *word;    /* NULL: empty slot */
};

/* A word some rule asks about: its classes, and the lexicon entries that
 * begin with it (in table order, the "will" entries left out), so that
 * only those entries are tried where it occurs. */
struct known_word {
	char *word; /* NULL: empty slot */
	size_t len;
	unsigned hash;
	unsigned classes; /* enum word_class bits */
	size_t *cues;
	size_t ncues;
};

struct cue_matcher {
	const struct lexicon *lx;
	const struct horizon_table *h;
	const struct cue_vocab_extra *extra; /* an outlet's words, or NULL */
	struct text_tokens tok;
	/* the candidate pre-test: a hash set of anchor words */
	struct anchor anchor[ANCHOR_SLOTS];
	size_t nanchor;
	/* bit n of anchor_shape[c1 - 'a'][c2 - 'a']: an anchor of n letters
	 * starts with c1 c2, which rules out most words before they are
	 * folded and hashed (anchors have two letters or more) */
	uint32_t anchor_shape[26][26];
	bool any_non_ascii; /* an anchor we cannot test cheaply */
	unsigned *whash;    /* hashes of every lexicon word, entry by entry */
	size_t *wfirst;     /* index in whash of each entry's first word */
	/* open addressing, a power of two at most half full */
	struct known_word *known;
	size_t known_slots;
	/* per sentence */
	struct cue_input in;
	const char *text; /* the sentence */
	/* answers worked out once a sentence when a rule first asks; the
	 * rules see the matcher as const, the memo stays writable */
	struct cue_memo {
		int horizon;
	} * memo;
	char note[256];
	const struct known_word **kw; /* per token: NULL when not known */
	size_t kw_cap;
};

/* ---- token access: asked about nearly every token, so inline ---- */

static inline const char *W(const struct cue_matcher *m, size_t i)
{
	if (i >= m->tok.n || m->tok.tok[i].kind != TOK_WORD)
		return "";
	return m->tok.norm.data + m->tok.tok[i].norm;
}

static inline bool is_word(const struct cue_matcher *m, size_t i)
{
	return i < m->tok.n && m->tok.tok[i].kind == TOK_WORD;
}

/* Token i is the word w.  Inline and length first: w is nearly always a
 * literal, so its length is a constant, and most tokens differ in it. */
static inline bool is(const struct cue_matcher *m, size_t i, const char *w)
{
	size_t n = strlen(w);
	return is_word(m, i) && m->tok.tok[i].norm_len == n &&
	       memcmp(m->tok.norm.data + m->tok.tok[i].norm, w, n) == 0;
}

/* Token i is a word of one of the vocabulary classes c. */
static inline bool has_class(const struct cue_matcher *m, size_t i, unsigned c)
{
	return i < m->tok.n && m->kw[i] && (m->kw[i]->classes & c);
}

static inline bool punct_is(const struct cue_matcher *m, size_t i, const char *p)
{
	return i < m->tok.n && m->tok.tok[i].kind == TOK_PUNCT &&
	       strcmp(text_tok(&m->tok, i), p) == 0;
}

/* ---- cue_sentence.c ---- */

bool clause_break(const struct cue_matcher *m, size_t i);
size_t clause_start(const struct cue_matcher *m, size_t i);
size_t clause_end(const struct cue_matcher *m, size_t i);
size_t first_word(const struct cue_matcher *m);
bool any_word_in(const struct cue_matcher *m, size_t a, size_t b, unsigned c);
bool is_adverb(const struct cue_matcher *m, size_t i);
size_t skip_adverbs(const struct cue_matcher *m, size_t i);
bool is_number(const struct cue_matcher *m, size_t i);
bool is_question(const struct cue_matcher *m);
bool will_is_noun(const struct cue_matcher *m, size_t i);
bool is_will_modal(const struct cue_matcher *m, size_t i);
bool is_going_to(const struct cue_matcher *m, size_t i);
bool future_in(const struct cue_matcher *m, size_t a, size_t b);
bool has_horizon(const struct cue_matcher *m);
bool looks_ahead(const struct cue_matcher *m);
bool has_if(const struct cue_matcher *m);
bool modal_perfect_at(const struct cue_matcher *m, size_t i);
bool names_a_day(const struct cue_matcher *m);
bool quoted_at(const struct cue_matcher *m, size_t at);

/* ---- cue_find.c ---- */

enum finder {
	F_LEXICON = 1 << 0,
	F_VERB = 1 << 1,
	F_HEADLINE = 1 << 2,
	F_HEDGE = 1 << 3,
	F_WILL = 1 << 4,
	F_SHOULD = 1 << 5,
	F_WOULD = 1 << 6
};
#define F_ANY (F_LEXICON | F_VERB | F_HEADLINE | F_HEDGE | F_WILL | F_SHOULD | F_WOULD)

struct place {
	enum finder kind;
	size_t a, b;                   /* first and last token of the cue */
	size_t verb;                   /* the word the cue governs (after "will" ...) */
	const struct lexicon_entry *e; /* F_LEXICON */
	double p;
	bool scored, intensified;
	char polarity;
};

bool entry_is_to_form(const struct lexicon_entry *e);
bool entry_has(const struct lexicon_entry *e, const char *w);
const char *finder_name(enum finder f);
size_t find_places(struct cue_matcher *m, struct place *out, size_t cap);

/* ---- cue.c ---- */

bool is_will_entry(const struct lexicon_entry *e);

/* ---- cue_rules.c ---- */

bool speaker_of(const struct cue_matcher *m, const struct place *p, size_t *sa, size_t *sb);
const char *first_rejection(const struct cue_matcher *m, const struct place *p,
			    enum cue_class *cls);

#endif
