/*
 * cue: the forecast decision.  Finders list the places where a sentence
 * may state a forecast; an ordered table of named rules rejects the ones
 * that are not (see cue.h for both lists).  Words come from cue_vocab and
 * the lexicon; a token's vocabulary classes are looked up once per
 * sentence, so a rule asks a bit, never compares strings with a list.
 */
#include "cue_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/text/pagevocab.h"

/* The pre-test reads raw text, where "won't", "shan't" and "it'll" are
 * not yet split into "will not" / "it will": their stems stand for
 * "will" there. */
static const char *const contraction_anchors[] = {"won", "shan", "ll", NULL};

#define ANCHOR_CLASSES (CW_FORECAST_VERB | CW_HEDGE | CW_CUE_WORD)
/* Words that may name who speaks: a sentence without one gives the
 * speaker module nothing to remember. */
#define SPEECH_CLASSES (CW_REPORTING | CW_FORECAST_VERB)

static void add_anchor(struct cue_matcher *m, const char *w, size_t n, unsigned kind);

static void add_vocab_anchor(struct cue_matcher *m, const struct cue_vocab_entry *e)
{
	unsigned kind = (e->classes & ANCHOR_CLASSES ? CUE_SCAN_CUE : 0) |
			(e->classes & SPEECH_CLASSES ? CUE_SCAN_SPEECH : 0);
	if (kind)
		add_anchor(m, e->word, strlen(e->word), kind);
}

static void add_anchor(struct cue_matcher *m, const char *w, size_t n, unsigned kind)
{
	if (n == 0 || m->nanchor >= ANCHOR_SLOTS / 2) {
		m->any_non_ascii = true; /* cannot pre-test: always candidate */
		return;
	}
	for (size_t k = 0; k < n; k++)
		if ((unsigned char)w[k] >= 0x80)
			m->any_non_ascii = true;
	/* an anchor not starting with a letter never equals a word of
	 * letters: it needs no shape */
	if (n >= 2 && n < 32 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z')
		m->anchor_shape[w[0] - 'a'][w[1] - 'a'] |= UINT32_C(1) << n;
	unsigned h = text_hash(w, n);
	for (size_t slot = h % ANCHOR_SLOTS;; slot = (slot + 1) % ANCHOR_SLOTS) {
		struct anchor *a = &m->anchor[slot];
		if (!a->word) {
			a->hash = h;
			a->word = xstrndup(w, n);
			a->kind = kind;
			m->nanchor++;
			return;
		}
		if (a->hash == h && strlen(a->word) == n && memcmp(a->word, w, n) == 0) {
			a->kind |= kind;
			return;
		}
	}
}

/* The kinds (enum cue_scan_flag) of the anchor w[0..n), 0 for none. */
static unsigned anchor_kind(const struct cue_matcher *m, const char *w, size_t n, unsigned h)
{
	for (size_t slot = h % ANCHOR_SLOTS;; slot = (slot + 1) % ANCHOR_SLOTS) {
		const struct anchor *a = &m->anchor[slot];
		if (!a->word)
			return 0;
		if (a->hash == h && strncmp(a->word, w, n) == 0 && a->word[n] == '\0')
			return a->kind;
	}
}

/* The longest hyphen/apostrophe-free part of the longest word of a cue:
 * every match must contain it, so it is the cue's pre-test anchor. */
static void anchor_of(struct cue_matcher *m, const struct lexicon_entry *e)
{
	const char *best = "";
	size_t bl = 0;
	for (size_t i = 0; i < e->nwords; i++) {
		const char *w = e->words[i];
		while (*w) {
			size_t n = strcspn(w, "-'");
			if (n > bl) {
				best = w;
				bl = n;
			}
			w += n;
			if (*w)
				w++;
		}
	}
	add_anchor(m, best, bl, CUE_SCAN_CUE);
}

static struct known_word *find_known(const struct cue_matcher *m, const char *w, size_t n,
				     unsigned h)
{
	size_t mask = m->known_slots - 1;
	for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
		struct known_word *k = &m->known[slot];
		if (!k->word || (k->hash == h && k->len == n && memcmp(k->word, w, n) == 0))
			return k;
	}
}

static struct known_word *add_known(struct cue_matcher *m, const char *w)
{
	size_t n = strlen(w);
	unsigned h = text_hash(w, n);
	struct known_word *k = find_known(m, w, n, h);
	if (!k->word) {
		k->word = xstrndup(w, n);
		k->len = n;
		k->hash = h;
	}
	return k;
}

bool is_will_entry(const struct lexicon_entry *e)
{
	return strcmp(e->cue, "will") == 0 || strcmp(e->cue, "will not") == 0;
}

static void build_known(struct cue_matcher *m)
{
	size_t total = m->lx->n + (m->extra ? m->extra->n : 0);
	for (size_t k = 0; cue_vocab[k].word; k++)
		total++;
	for (size_t k = 0; vocab_weekdays[k].word; k++)
		total++;
	m->known_slots = 16;
	while (m->known_slots < 2 * total)
		m->known_slots *= 2;
	m->known = xcalloc(m->known_slots, sizeof *m->known);
	for (size_t k = 0; cue_vocab[k].word; k++)
		add_known(m, cue_vocab[k].word)->classes |= cue_vocab[k].classes;
	/* a weekday's name, not its abbreviation ("sun", "sat", "wed" are
	 * English words too) */
	for (size_t k = 0; vocab_weekdays[k].word; k++) {
		const char *w = vocab_weekdays[k].word;
		if (!vocab_abbreviation(vocab_weekdays, w, strlen(w)))
			add_known(m, w)->classes |= CW_CALENDAR;
	}
	for (size_t k = 0; m->extra && k < m->extra->n; k++)
		add_known(m, m->extra->e[k].word)->classes |= m->extra->e[k].classes;
	for (size_t i = 0; i < m->lx->n; i++) {
		const struct lexicon_entry *e = &m->lx->e[i];
		if (is_will_entry(e))
			continue; /* the "will" rule owns these */
		struct known_word *k = add_known(m, e->words[0]);
		k->cues = xrealloc(k->cues, (k->ncues + 1) * sizeof *k->cues);
		k->cues[k->ncues++] = i;
	}
}

/* Looks every word token of the sentence up in the known words. */
static void know_tokens(struct cue_matcher *m)
{
	if (m->kw_cap < m->tok.n) {
		m->kw_cap = m->tok.cap;
		m->kw = xrealloc(m->kw, m->kw_cap * sizeof *m->kw);
	}
	for (size_t i = 0; i < m->tok.n; i++) {
		const struct text_token *t = &m->tok.tok[i];
		const struct known_word *k = NULL;
		if (t->kind == TOK_WORD)
			k = find_known(m, m->tok.norm.data + t->norm, t->norm_len, t->hash);
		m->kw[i] = k && k->word ? k : NULL;
	}
}

struct cue_matcher *cue_matcher_new(const struct lexicon *lx, const struct horizon_table *h,
				    const struct cue_vocab_extra *extra)
{
	struct cue_matcher *m = xcalloc(1, sizeof *m);
	m->lx = lx;
	m->h = h;
	m->extra = extra;
	m->memo = xcalloc(1, sizeof *m->memo);
	text_tokens_init(&m->tok);
	for (size_t i = 0; i < lx->n; i++)
		anchor_of(m, &lx->e[i]);
	for (size_t k = 0; contraction_anchors[k]; k++)
		add_anchor(m, contraction_anchors[k], strlen(contraction_anchors[k]), CUE_SCAN_CUE);
	for (size_t k = 0; cue_vocab[k].word; k++)
		add_vocab_anchor(m, &cue_vocab[k]);
	for (size_t k = 0; extra && k < extra->n; k++)
		add_vocab_anchor(m, &extra->e[k]);
	add_anchor(m, "we", 2, CUE_SCAN_VOICE);
	add_anchor(m, "our", 3, CUE_SCAN_VOICE);
	size_t total = 0;
	for (size_t i = 0; i < lx->n; i++)
		total += lx->e[i].nwords;
	m->whash = xmalloc((total ? total : 1) * sizeof *m->whash);
	m->wfirst = xmalloc((lx->n ? lx->n : 1) * sizeof *m->wfirst);
	total = 0;
	for (size_t i = 0; i < lx->n; i++) {
		m->wfirst[i] = total;
		for (size_t j = 0; j < lx->e[i].nwords; j++)
			m->whash[total++] = text_hash(lx->e[i].words[j], strlen(lx->e[i].words[j]));
	}
	build_known(m);
	return m;
}

void cue_matcher_free(struct cue_matcher *m)
{
	if (!m)
		return;
	for (size_t k = 0; k < ANCHOR_SLOTS; k++)
		free(m->anchor[k].word);
	for (size_t k = 0; k < m->known_slots; k++) {
		free(m->known[k].word);
		free(m->known[k].cues);
	}
	free(m->known);
	free(m->memo);
	free(m->kw);
	free(m->whash);
	free(m->wfirst);
	text_tokens_release(&m->tok);
	free(m);
}

const struct text_tokens *cue_tokens(const struct cue_matcher *m)
{
	return &m->tok;
}

/* The kinds of the word s[start..end) when it is an anchor, else 0.
 * Only a word with an anchor's length and first two letters (a test
 * inlined into the scan) is folded and hashed (one letter let "that",
 * "this", "they" through for "told"). */
static unsigned anchor_word(const struct cue_matcher *m, const char *s, size_t n)
{
	char w[32];
	for (size_t k = 0; k < n; k++)
		w[k] = (char)(s[k] | 32);
	return anchor_kind(m, w, n, text_hash(w, n));
}

static inline unsigned anchor_at(const struct cue_matcher *m, const char *s, size_t start,
				 size_t end)
{
	size_t n = end - start;
	if (n < 2 || n >= 32 ||
	    !(m->anchor_shape[(s[start] | 32) - 'a'][(s[start + 1] | 32) - 'a'] >> n & 1))
		return 0;
	return anchor_word(m, s + start, n);
}

unsigned cue_scan(const struct cue_matcher *m, const char *s, size_t len)
{
	if (m->any_non_ascii)
		return CUE_SCAN_CUE | CUE_SCAN_SPEECH | CUE_SCAN_VOICE;
	const uint64_t high = UINT64_C(0x8080808080808080);
	unsigned found = 0;
	size_t start = SIZE_MAX; /* of the word being read, SIZE_MAX: none */
	/* Every sentence of the page comes here: the letters are found eight
	 * bytes at a time (text_letters8), and the words' starts and ends
	 * within those eight bytes from the one mask.  A cue ends the scan:
	 * the matcher then reads the sentence whole and cue_detect reports
	 * speech and voice itself. */
	for (size_t base = 0; base < len && !(found & CUE_SCAN_CUE); base += 8) {
		uint64_t letters = text_letters8(s + base, len - base);
		uint64_t rest = high; /* the bytes not yet looked at */
		for (;;) {
			if (start == SIZE_MAX) {
				uint64_t first = letters & rest;
				if (!first)
					break;
				size_t k = text_first8(first);
				start = base + k;
				rest = high & ~UINT64_C(0) << 8 * k;
			}
			uint64_t after = ~letters & rest;
			if (!after)
				break; /* the word goes on in the next eight */
			size_t k = text_first8(after);
			found |= anchor_at(m, s, start, base + k);
			start = SIZE_MAX;
			rest = high & ~UINT64_C(0) << 8 * k;
		}
	}
	if (start != SIZE_MAX && !(found & CUE_SCAN_CUE))
		found |= anchor_at(m, s, start, len);
	return found;
}

bool cue_candidate(const struct cue_matcher *m, const char *s, size_t len)
{
	return cue_scan(m, s, len) & CUE_SCAN_CUE;
}

/* The first index from i on whose byte may start a quotation mark (" and
 * the leads of “ ” « »), or len.  The text before every candidate is
 * scanned, so eight bytes at a time while none of them may. */
static size_t next_quote_byte(const char *s, size_t len, size_t i)
{
	static const unsigned char maybe[256] = {['"'] = 1, [0xE2] = 1, [0xC2] = 1};
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (text_word_has(w, '"') || text_word_has(w, 0xE2) || text_word_has(w, 0xC2))
			break;
		i += 8;
	}
	while (i < len && !maybe[(unsigned char)s[i]])
		i++;
	return i;
}

bool cue_quote_scan(const char *s, size_t len, bool q)
{
	for (size_t i = next_quote_byte(s, len, 0); i < len; i = next_quote_byte(s, len, i + 1)) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"')
			q = !q;
		else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
			if ((unsigned char)s[i + 2] == 0x9C)
				q = true;
			else if ((unsigned char)s[i + 2] == 0x9D)
				q = false;
		} else if (c == 0xC2 && i + 1 < len) {
			if ((unsigned char)s[i + 1] == 0xAB)
				q = true;
			else if ((unsigned char)s[i + 1] == 0xBB)
				q = false;
		}
	}
	return q;
}

bool cue_kept(enum cue_class c)
{
	return c == CUE_FORECAST || c == CUE_WILL || c == CUE_HEDGE;
}

const char *cue_class_name(enum cue_class c)
{
	switch (c) {
	case CUE_NONE:
		return "none";
	case CUE_FORECAST:
		return "forecast";
	case CUE_WILL:
		return "will";
	case CUE_HEDGE:
		return "hedge";
	case CUE_NEGATED:
		return "negated";
	case CUE_COMPARATIVE:
		return "comparative";
	case CUE_PRESENT_OR_PAST:
		return "present-or-past";
	case CUE_HEDGE_PRESENT:
		return "hedge-about-present";
	case CUE_COUNTERFACTUAL:
		return "counterfactual";
	case CUE_SUBJUNCTIVE:
		return "subjunctive";
	case CUE_QUESTION:
		return "question";
	case CUE_ACTOR:
		return "actor";
	case CUE_INTENTION:
		return "intention";
	case CUE_TERMS:
		return "terms";
	case CUE_SCHEDULE:
		return "schedule";
	case CUE_QUOTED:
		return "quoted";
	}
	return "none";
}

static void span(const struct cue_matcher *m, size_t a, size_t b, struct cue_result *r)
{
	r->start = m->tok.tok[a].start;
	r->end = m->tok.tok[b].end;
}

static bool has_confidence(const struct cue_matcher *m)
{
	for (size_t i = 0; i + 1 < m->tok.n; i++)
		if ((is(m, i, "high") || is(m, i, "moderate") || is(m, i, "low")) &&
		    is(m, i + 1, "confidence"))
			return true;
	return false;
}

/* Fills r for the place no rule rejected, with its review note. */
static void keep(struct cue_matcher *m, const struct place *p, struct cue_result *r)
{
	size_t sa, sb;
	span(m, p->a, p->b, r);
	r->rule = finder_name(p->kind);
	r->cls = p->kind == F_HEDGE                          ? CUE_HEDGE
		 : p->kind & (F_WILL | F_HEADLINE | F_WOULD) ? CUE_WILL
							     : CUE_FORECAST;
	r->scored = p->scored;
	r->p = p->p;
	r->polarity = p->polarity;
	if (speaker_of(m, p, &sa, &sb) && !is(m, sa, "we") && !is(m, sa, "i")) {
		r->speaker_start = m->tok.tok[sa].start;
		r->speaker_end = m->tok.tok[sb - 1].end;
		snprintf(m->note, sizeof m->note, "%s (%.*s)", CUE_NOTE_REPORTED,
			 (int)(r->speaker_end - r->speaker_start), m->text + r->speaker_start);
		r->note = m->note;
	} else if (p->kind == F_WILL && names_a_day(m)) {
		r->note = CUE_NOTE_SCHEDULED;
	} else if (has_confidence(m)) {
		r->note = CUE_NOTE_CONFIDENCE;
	}
}

void cue_detect(struct cue_matcher *m, const char *s, size_t len, const struct cue_input *in,
		struct cue_result *r)
{
	enum {
		MAX_PLACES = 16
	};
	struct place places[MAX_PLACES];
	memset(r, 0, sizeof *r);
	r->cls = CUE_NONE;
	r->rule = "none";
	r->polarity = '+';
	m->in = *in;
	m->text = s;
	m->memo->horizon = -1;
	text_tokenize(&m->tok, s, len);
	know_tokens(m);
	for (size_t i = 0; i < m->tok.n; i++) {
		if (has_class(m, i, CW_REPORTING | CW_FORECAST_VERB))
			r->speech = true;
		if (is(m, i, "we") || is(m, i, "our"))
			r->voice = true;
	}
	size_t n = find_places(m, places, MAX_PLACES);
	const char *calendar = NULL; /* a will of this sentence was a schedule */
	for (size_t k = 0; k < n; k++) {
		enum cue_class cls;
		const char *why = first_rejection(m, &places[k], &cls);
		/* "The assembly will hold its first sitting on Friday, when
		 * members will be sworn in": the other wills of a sentence that
		 * states a calendar or a law's terms are part of it */
		if (!why && calendar && places[k].kind == F_WILL) {
			why = calendar;
			cls = strcmp(calendar, "terms") == 0 ? CUE_TERMS : CUE_SCHEDULE;
		}
		if (why && places[k].kind == F_WILL && (cls == CUE_SCHEDULE || cls == CUE_TERMS))
			calendar = why;
		if (!why) {
			keep(m, &places[k], r);
			return;
		}
		if (k == 0) { /* the first place's verdict is the sentence's */
			r->cls = cls;
			r->rule = why;
			span(m, places[k].a, places[k].b, r);
		}
	}
}
