/*
 * cue: the forecast decision.  Finders list the places where a sentence
 * may state a forecast; an ordered table of named rules rejects the ones
 * that are not (see cue.h for both lists).  Words come from cue_vocab and
 * the lexicon; a token's vocabulary classes are looked up once per
 * sentence, so a rule asks a bit, never compares strings with a list.
 */
#include "likely/cue.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/cue_vocab.h"
#include "likely/pagedate.h"

#define ANCHOR_SLOTS 512 /* open addressing; at most half full */

struct anchor {
	unsigned hash;
	char *word; /* NULL: empty slot */
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
	/* bit n of anchor_shape[c - 'a']: an anchor of n letters starts with
	 * c, which rules out most words before they are folded and hashed */
	uint32_t anchor_shape[26];
	bool letter[256]; /* ASCII letters: one load per byte of the scan */
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
	struct cue_memo { int horizon; } *memo;
	char note[256];
	const struct known_word **kw; /* per token: NULL when not known */
	size_t kw_cap;
};

/* The pre-test reads raw text, where "won't", "shan't" and "it'll" are
 * not yet split into "will not" / "it will": their stems stand for
 * "will" there. */
static const char *const contraction_anchors[] = {"won", "shan", "ll", NULL};

#define ANCHOR_CLASSES (CW_FORECAST_VERB | CW_HEDGE | CW_CUE_WORD)

static void add_anchor(struct cue_matcher *m, const char *w, size_t n)
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
	if (w[0] >= 'a' && w[0] <= 'z' && n < 32)
		m->anchor_shape[w[0] - 'a'] |= UINT32_C(1) << n;
	unsigned h = text_hash(w, n);
	for (size_t slot = h % ANCHOR_SLOTS;; slot = (slot + 1) % ANCHOR_SLOTS) {
		struct anchor *a = &m->anchor[slot];
		if (!a->word) {
			a->hash = h;
			a->word = xstrndup(w, n);
			m->nanchor++;
			return;
		}
		if (a->hash == h && strlen(a->word) == n && memcmp(a->word, w, n) == 0)
			return;
	}
}

static bool is_anchor(const struct cue_matcher *m, const char *w, size_t n,
		      unsigned h)
{
	for (size_t slot = h % ANCHOR_SLOTS;; slot = (slot + 1) % ANCHOR_SLOTS) {
		const struct anchor *a = &m->anchor[slot];
		if (!a->word)
			return false;
		if (a->hash == h && strncmp(a->word, w, n) == 0 && a->word[n] == '\0')
			return true;
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
	add_anchor(m, best, bl);
}

static struct known_word *find_known(const struct cue_matcher *m,
				     const char *w, size_t n, unsigned h)
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

static bool is_will_entry(const struct lexicon_entry *e)
{
	return strcmp(e->cue, "will") == 0 || strcmp(e->cue, "will not") == 0;
}

static void build_known(struct cue_matcher *m)
{
	size_t total = m->lx->n + (m->extra ? m->extra->n : 0);
	for (size_t k = 0; cue_vocab[k].word; k++)
		total++;
	m->known_slots = 16;
	while (m->known_slots < 2 * total)
		m->known_slots *= 2;
	m->known = xcalloc(m->known_slots, sizeof *m->known);
	for (size_t k = 0; cue_vocab[k].word; k++)
		add_known(m, cue_vocab[k].word)->classes |= cue_vocab[k].classes;
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

struct cue_matcher *cue_matcher_new(const struct lexicon *lx,
				    const struct horizon_table *h,
				    const struct cue_vocab_extra *extra)
{
	struct cue_matcher *m = xcalloc(1, sizeof *m);
	m->lx = lx;
	m->h = h;
	m->extra = extra;
	m->memo = xcalloc(1, sizeof *m->memo);
	text_tokens_init(&m->tok);
	for (int c = 'a'; c <= 'z'; c++)
		m->letter[c] = m->letter[c - 32] = true;
	for (size_t i = 0; i < lx->n; i++)
		anchor_of(m, &lx->e[i]);
	for (size_t k = 0; contraction_anchors[k]; k++)
		add_anchor(m, contraction_anchors[k], strlen(contraction_anchors[k]));
	for (size_t k = 0; cue_vocab[k].word; k++)
		if (cue_vocab[k].classes & ANCHOR_CLASSES)
			add_anchor(m, cue_vocab[k].word, strlen(cue_vocab[k].word));
	for (size_t k = 0; extra && k < extra->n; k++)
		if (extra->e[k].classes & ANCHOR_CLASSES)
			add_anchor(m, extra->e[k].word, strlen(extra->e[k].word));
	size_t total = 0;
	for (size_t i = 0; i < lx->n; i++)
		total += lx->e[i].nwords;
	m->whash = xmalloc((total ? total : 1) * sizeof *m->whash);
	m->wfirst = xmalloc((lx->n ? lx->n : 1) * sizeof *m->wfirst);
	total = 0;
	for (size_t i = 0; i < lx->n; i++) {
		m->wfirst[i] = total;
		for (size_t j = 0; j < lx->e[i].nwords; j++)
			m->whash[total++] = text_hash(lx->e[i].words[j],
						      strlen(lx->e[i].words[j]));
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

bool cue_candidate(const struct cue_matcher *m, const char *s, size_t len)
{
	if (m->any_non_ascii)
		return true;
	size_t i = 0;
	while (i < len) {
		if (!m->letter[(unsigned char)s[i]]) {
			i++;
			continue;
		}
		size_t start = i;
		while (i < len && m->letter[(unsigned char)s[i]])
			i++;
		/* every sentence of the page comes here: only a word with an
		 * anchor's length and first letter is folded and hashed */
		size_t n = i - start;
		char w[32];
		if (n >= sizeof w ||
		    !(m->anchor_shape[(s[start] | 32) - 'a'] >> n & 1))
			continue;
		for (size_t k = 0; k < n; k++)
			w[k] = (char)(s[start + k] | 32);
		if (is_anchor(m, w, n, text_hash(w, n)))
			return true;
	}
	return false;
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
		if (text_word_has(w, '"') || text_word_has(w, 0xE2) ||
		    text_word_has(w, 0xC2))
			break;
		i += 8;
	}
	while (i < len && !maybe[(unsigned char)s[i]])
		i++;
	return i;
}

bool cue_quote_scan(const char *s, size_t len, bool q)
{
	for (size_t i = next_quote_byte(s, len, 0); i < len;
	     i = next_quote_byte(s, len, i + 1)) {
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
	case CUE_NONE: return "none";
	case CUE_FORECAST: return "forecast";
	case CUE_WILL: return "will";
	case CUE_HEDGE: return "hedge";
	case CUE_NEGATED: return "negated";
	case CUE_COMPARATIVE: return "comparative";
	case CUE_PRESENT_OR_PAST: return "present-or-past";
	case CUE_HEDGE_PRESENT: return "hedge-about-present";
	case CUE_COUNTERFACTUAL: return "counterfactual";
	case CUE_SUBJUNCTIVE: return "subjunctive";
	case CUE_QUESTION: return "question";
	case CUE_ACTOR: return "actor";
	case CUE_INTENTION: return "intention";
	case CUE_TERMS: return "terms";
	case CUE_SCHEDULE: return "schedule";
	case CUE_QUOTED: return "quoted";
	}
	return "none";
}

/* ---- token helpers ---- */

static const char *W(const struct cue_matcher *m, size_t i)
{
	if (i >= m->tok.n || m->tok.tok[i].kind != TOK_WORD)
		return "";
	return m->tok.norm.data + m->tok.tok[i].norm;
}

static bool is_word(const struct cue_matcher *m, size_t i)
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
static bool has_class(const struct cue_matcher *m, size_t i, unsigned c)
{
	return i < m->tok.n && m->kw[i] && (m->kw[i]->classes & c);
}

static bool punct_is(const struct cue_matcher *m, size_t i, const char *p)
{
	return i < m->tok.n && m->tok.tok[i].kind == TOK_PUNCT &&
	       strcmp(text_tok(&m->tok, i), p) == 0;
}

/* Tokens that end a clause: , ; : ( ) dashes and quotation marks. */
static bool clause_break(const struct cue_matcher *m, size_t i)
{
	if (i >= m->tok.n)
		return true;
	const struct text_token *t = &m->tok.tok[i];
	if (t->kind == TOK_WORD)
		return false;
	if (t->kind != TOK_PUNCT)
		return true; /* quotation marks */
	const char *p = text_tok(&m->tok, i);
	if (strchr(".!?", p[0])) /* not the point of "2.75" or "U.S" */
		return i + 1 >= m->tok.n || m->tok.tok[i + 1].start > t->end;
	return strchr(",;:()", p[0]) || strcmp(p, "\xe2\x80\x94") == 0 ||
	       strcmp(p, "\xe2\x80\x93") == 0;
}

/* First token of the clause holding token i. */
static size_t clause_start(const struct cue_matcher *m, size_t i)
{
	while (i > 0 && !clause_break(m, i - 1))
		i--;
	return i;
}

/* One past the last token of the clause holding token i. */
static size_t clause_end(const struct cue_matcher *m, size_t i)
{
	while (i < m->tok.n && !clause_break(m, i))
		i++;
	return i;
}

static size_t first_word(const struct cue_matcher *m)
{
	size_t i = 0;
	while (i < m->tok.n && !is_word(m, i))
		i++;
	return i;
}

static bool any_word_in(const struct cue_matcher *m, size_t a, size_t b,
			unsigned c)
{
	for (size_t i = a; i < b && i < m->tok.n; i++)
		if (has_class(m, i, c))
			return true;
	return false;
}

static bool is_adverb(const struct cue_matcher *m, size_t i)
{
	if (!is_word(m, i))
		return false;
	size_t n = m->tok.tok[i].norm_len;
	return has_class(m, i, CW_ADVERB) ||
	       (n > 4 && strcmp(W(m, i) + n - 2, "ly") == 0);
}

/* The next token from i on that is not an adverb or "not". */
static size_t skip_adverbs(const struct cue_matcher *m, size_t i)
{
	while (i < m->tok.n && (is_adverb(m, i) || is(m, i, "not")))
		i++;
	return i;
}

static bool is_number(const struct cue_matcher *m, size_t i)
{
	const char *w = W(m, i);
	return w[0] >= '0' && w[0] <= '9';
}

/* ---- what the sentence is about ---- */

static bool is_question(const struct cue_matcher *m)
{
	for (size_t i = m->tok.n; i-- > 0;) {
		enum text_token_kind k = m->tok.tok[i].kind;
		if (k == TOK_QCLOSE || k == TOK_QUOTE || punct_is(m, i, ")"))
			continue;
		return punct_is(m, i, "?");
	}
	return false;
}

/* "will" used as a noun ("political will", "the will of the people"). */
static bool will_is_noun(const struct cue_matcher *m, size_t i)
{
	if (i > 0 && has_class(m, i - 1, CW_BEFORE_NOUN_WILL))
		return true;
	if (!is_word(m, i + 1) || is(m, i + 1, "of") || is(m, i + 1, "to"))
		return true;
	/* "Will Smith": a capitalised "Will" inside the sentence is a name */
	return i > 0 && m->tok.tok[i].upper_initial;
}

static bool is_will_modal(const struct cue_matcher *m, size_t i)
{
	return (is(m, i, "will") || is(m, i, "shall")) && !will_is_noun(m, i);
}

static bool is_going_to(const struct cue_matcher *m, size_t i)
{
	return is(m, i, "going") && is(m, i + 1, "to") && is_word(m, i + 2) &&
	       i > 0 && (has_class(m, i - 1, CW_COPULA) || is(m, i - 1, "not"));
}

/* A word that sets the clause in the future, outside any indirect
 * question ("how far Moscow will go" says nothing of the future of the
 * sentence's own claim). */
static bool future_in(const struct cue_matcher *m, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < m->tok.n; i++) {
		if (has_class(m, i, CW_WH))
			return false;
		if (is(m, i, "ahead") && is(m, i + 1, "of"))
			continue; /* "ahead of the tax period": a preposition */
		if (is_will_modal(m, i) || is_going_to(m, i) ||
		    has_class(m, i, CW_FUTURE))
			return true;
	}
	return false;
}

/* The horizon test tokenizes nothing but walks every token against the
 * table: asked by several rules, it is worked out once a sentence. */
static bool has_horizon(const struct cue_matcher *m)
{
	if (m->memo->horizon < 0)
		m->memo->horizon = horizon_present(m->h, &m->tok, m->in.from);
	return m->memo->horizon;
}

static bool looks_ahead(const struct cue_matcher *m)
{
	return future_in(m, 0, m->tok.n) || has_horizon(m);
}

static bool has_if(const struct cue_matcher *m)
{
	for (size_t i = 0; i < m->tok.n; i++)
		if (is(m, i, "if") || is(m, i, "unless"))
			return true;
	return false;
}

/* modal + "have" + participle: "could have influenced". */
static bool modal_perfect_at(const struct cue_matcher *m, size_t i)
{
	size_t j = i + 1;
	if (is(m, j, "not"))
		j++;
	return has_class(m, i, CW_MODAL) && is(m, j, "have") && is_word(m, j + 1) &&
	       !is(m, j + 1, "to");
}

/* A clock time ("14:00", "2 p.m.") or a day of a month ("on 24 October",
 * "April 23", "Jan. 1"). */
static bool names_a_day(const struct cue_matcher *m)
{
	for (size_t i = 0; i < m->tok.n; i++) {
		const char *w = W(m, i);
		size_t len = strlen(w), n;
		if (!*w)
			continue;
		if (has_class(m, i, CW_CALENDAR))
			return true;
		if (is_number(m, i) && (punct_is(m, i + 1, ":") && is_number(m, i + 2)))
			return true;
		if (is_number(m, i) && (is(m, i + 1, "p.m") || is(m, i + 1, "a.m") ||
					is(m, i + 1, "pm") || is(m, i + 1, "am")))
			return true;
		if (m->tok.tok[i].upper_initial && pagedate_month(w, len, &n) &&
		    (n == len || n + 1 == len)) {
			const char *nx = W(m, i + 1), *pv = i ? W(m, i - 1) : "";
			if (is(m, i + 1, ".")) /* "Jan. 1" */
				nx = W(m, i + 2);
			if ((nx[0] >= '0' && nx[0] <= '9' && strlen(nx) <= 2) ||
			    (pv[0] >= '0' && pv[0] <= '9' && strlen(pv) <= 2))
				return true;
		}
	}
	return false;
}

/* ---- the places a forecast may be stated ---- */

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
	size_t a, b;    /* first and last token of the cue */
	size_t verb;    /* the word the cue governs (after "will" ...) */
	const struct lexicon_entry *e; /* F_LEXICON */
	double p;
	bool scored, intensified;
	char polarity;
};

static const char *finder_name(enum finder f)
{
	switch (f) {
	case F_LEXICON: return "lexicon";
	case F_VERB: return "forecast-verb";
	case F_HEADLINE: return "headline";
	case F_HEDGE: return "hedge";
	case F_WILL: return "will";
	case F_SHOULD: return "should";
	case F_WOULD: return "reported-would";
	}
	return "?";
}

static bool entry_has(const struct lexicon_entry *e, const char *w)
{
	for (size_t i = 0; i < e->nwords; i++)
		if (strcmp(e->words[i], w) == 0)
			return true;
	return false;
}

static bool entry_is_to_form(const struct lexicon_entry *e)
{
	return strcmp(e->words[e->nwords - 1], "to") == 0;
}

/* The lexicon entry matching at token i, longest first (a copula-led
 * form loses to the bare one of the same length: "likely to" over "is
 * likely"). */
static bool lexicon_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	const struct lexicon_entry *best = NULL;
	int best_key = -1;
	size_t ncues = m->kw[i] ? m->kw[i]->ncues : 0;
	for (size_t q = 0; q < ncues; q++) {
		size_t k = m->kw[i]->cues[q];
		const struct lexicon_entry *e = &m->lx->e[k];
		if (i + e->nwords > m->tok.n)
			continue;
		const unsigned *wh = m->whash + m->wfirst[k];
		size_t j;
		for (j = 1; j < e->nwords; j++)
			if (!is_word(m, i + j) || m->tok.tok[i + j].hash != wh[j] ||
			    strcmp(W(m, i + j), e->words[j]) != 0)
				break;
		if (j < e->nwords)
			continue;
		int key = (int)(2 * e->nwords) - has_class(m, i, CW_COPULA);
		if (key > best_key) {
			best = e;
			best_key = key;
		}
	}
	if (!best)
		return false;
	memset(p, 0, sizeof *p);
	p->kind = F_LEXICON;
	p->e = best;
	p->a = i;
	p->b = i + best->nwords - 1;
	p->verb = p->b + 1;
	p->p = best->p;
	p->scored = true;
	if (i > 0 && has_class(m, i - 1, CW_INTENSIFIER) &&
	    !has_class(m, i, CW_INTENSIFIER)) {
		p->a = i - 1;
		p->intensified = true;
		p->p = lexicon_intensify(m->lx, best->p);
	}
	p->polarity = p->p < 0.5 ? '-' : '+';
	return true;
}

/* Does a forecaster stand before the verb at i: a pronoun, a name, an
 * analyst word, a count ("28 expect")?  Adverbs between are skipped
 * ("economists now expect").  Sentence-initial capitals are no names. */
static bool forecaster_word(const struct cue_matcher *m, size_t k)
{
	return is(m, k, "we") || is(m, k, "i") || is(m, k, "they") ||
	       is(m, k, "them") || is(m, k, "he") || is(m, k, "she") ||
	       is(m, k, "it") || is(m, k, "who") || is_number(m, k) ||
	       has_class(m, k, CW_ANALYST | CW_ACTOR);
}

static bool forecaster_before(const struct cue_matcher *m, size_t i)
{
	size_t k = i;
	while (k > 0 && is_adverb(m, k - 1) && !has_class(m, k - 1, CW_ANALYST))
		k--;
	if (k > 0 && punct_is(m, k - 1, ",")) {
		/* "Aida Sultanova, an analyst at X, expects", "or 32 of 36
		 * surveyed, see": the apposition says who the subject is */
		size_t cs = clause_start(m, k - 1);
		if (cs == 0 || !punct_is(m, cs - 1, ","))
			return false;
		for (size_t j = cs; j + 1 < k; j++)
			if (forecaster_word(m, j))
				return true;
		return false;
	}
	if (k == 0 || !is_word(m, k - 1))
		return false;
	if (m->tok.tok[k - 1].upper_initial && k - 1 > first_word(m))
		return true; /* a name */
	/* "Fitch expects debt to jump": a name opening the sentence, the
	 * verb's -s form right after it, no auxiliary after the verb
	 * ("Growth forecasts were revised" is a noun phrase) */
	size_t n = m->tok.tok[i].norm_len;
	if (k - 1 == first_word(m) && k == i && W(m, i)[n - 1] == 's' &&
	    !has_class(m, i + 1, CW_COPULA | CW_PAST | CW_MODAL))
		return true;
	/* the subject may run back a few words: "economists surveyed over
	 * the past week expect", "most of the analysts expect" */
	size_t cs = clause_start(m, k - 1);
	for (size_t j = k; j-- > cs && j + 8 >= k;)
		if (forecaster_word(m, j))
			return true;
	return false;
}

/* "We expect the bank to cut", "X predicts that ...", "Analysts see the
 * ruble weakening", "X forecasts growth of 2%": a forecasting verb in the
 * present with a subject before it (not "the forecast") and an object
 * after it.  "seen" stands alone in headlines only ("Fed seen holding"). */
static bool verb_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	if (!has_class(m, i, CW_FORECAST_VERB))
		return false;
	bool seen = is(m, i, "seen");
	if (seen && !m->in.title) {
		/* "The rate is widely seen at 0.5% by early next year": a
		 * passive forecast when the sentence looks ahead */
		size_t k = i;
		while (k > 0 && is_adverb(m, k - 1))
			k--;
		if (k == 0 || !has_class(m, k - 1, CW_COPULA) || !looks_ahead(m))
			return false;
		memset(p, 0, sizeof *p);
		p->kind = F_VERB;
		p->a = k - 1;
		p->b = i;
		p->verb = i + 1;
		p->p = CUE_VERB_P;
		p->scored = true;
		p->polarity = '+';
		return true;
	}
	if (i == 0 || (clause_start(m, i) == i && !punct_is(m, i - 1, ","))) {
		if (!seen)
			return false; /* no subject: a noun or an imperative */
	} else if (has_class(m, i - 1, CW_DETERMINER | CW_COPULA | CW_MODAL) ||
		   is(m, i - 1, "to")) {
		return false;      /* "the forecast", "is forecast", "to see" */
	}
	if (!seen && clause_end(m, i + 1) == i + 1)
		return false;      /* nothing forecast: "as forecasters predict," */
	if (has_class(m, i + 1, CW_WH) || is(m, i + 1, "of"))
		return false;      /* "we see how ...", "projects of" */
	if (!seen && !forecaster_before(m, i))
		return false;      /* "unpopular project" */
	bool see_form = is(m, i, "see") || is(m, i, "sees");
	if (see_form && (has_class(m, i - 1, CW_ACTOR) ||
			 !(forecaster_word(m, i - 1) || is_adverb(m, i - 1) ||
			   punct_is(m, i - 1, ","))))
		return false;      /* "China sees Belarus as a partner": a view */
	if (m->tok.tok[i].upper_initial && i > first_word(m))
		return false;      /* part of a name: "the Holy See" */
	memset(p, 0, sizeof *p);
	p->kind = F_VERB;
	p->a = p->b = i;
	p->verb = i + 1;
	p->p = CUE_VERB_P;
	p->scored = true;
	p->polarity = '+';
	return true;
}

/* A headline's infinitive future: "Minsk to keep up military activity",
 * "Tenge to weaken further as oil slides, analysts say". */
static bool headline_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	if (!m->in.title || !is(m, i, "to") || i == 0 || !is_word(m, i - 1))
		return false;
	if (has_class(m, i - 1, CW_NOT_HEADLINE_SUBJECT | CW_COPULA | CW_MODAL |
			     CW_FORECAST_VERB | CW_ACTOR_VERB | CW_ESTIMATIVE |
			     CW_DETERMINER | CW_NEGATOR | CW_WH | CW_PAST |
			     CW_REPORTING) ||
	    is_number(m, i - 1))
		return false;
	if (i - clause_start(m, i) > 4)
		return false; /* "Moldova and Romania sign deal to expand": the
			       * subject of a headline future is short */
	const char *v = W(m, i + 1), *before = W(m, i - 1);
	size_t n = strlen(v), nb = strlen(before);
	if (nb > 4 && strcmp(before + nb - 3, "ing") == 0)
		return false; /* "by opening to Western values" */
	if (!is_word(m, i + 1) || is_number(m, i + 1) || m->tok.tok[i + 1].upper_initial ||
	    has_class(m, i + 1, CW_DETERMINER | CW_BEFORE_NOUN_WILL) ||
	    (n > 4 && strcmp(v + n - 3, "ing") == 0))
		return false;
	memset(p, 0, sizeof *p);
	p->kind = F_HEADLINE;
	p->a = i;
	p->b = i + 1;
	p->verb = i + 1;
	p->p = CUE_WILL_P;
	p->scored = true;
	p->polarity = '+';
	return true;
}

static bool month_may(const struct cue_matcher *m, size_t i)
{
	/* the modal is capitalised only at the start of a sentence, and then
	 * not before a number ("May 14 was ..."); "this may", "in may" in
	 * lower case are the modal */
	const char *nx = W(m, i + 1);
	if (!m->tok.tok[i].upper_initial)
		return false;
	return i > 0 || (nx[0] >= '0' && nx[0] <= '9');
}

/* may, might, could, possibly, perhaps, maybe; "cannot be ruled out",
 * "not rule out"; "(is) possible". */
static bool hedge_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	size_t a = i, b = i;
	if (has_class(m, i, CW_HEDGE)) {
		if (is(m, i, "may") && month_may(m, i))
			return false;
	} else if (is(m, i, "not")) {
		size_t j = i + 1;
		if (is(m, j, "be"))
			j++;
		bool rule_out = (is(m, j, "rule") || is(m, j, "ruled")) && is(m, j + 1, "out");
		if (!rule_out && !is(m, j, "excluded"))
			return false;
		a = i > 0 && (is(m, i - 1, "can") || is(m, i - 1, "does") ||
			      is(m, i - 1, "do")) ? i - 1 : i;
		b = rule_out ? j + 1 : j;
	} else if (is(m, i, "possible")) {
		/* predicative only: "is (quite) possible", "run-off possible";
		 * "the possible abolition" is about something else */
		size_t k = i;
		if (k > 0 && is_adverb(m, k - 1))
			k--;
		if (is(m, i + 1, "to"))
			return false; /* "it is possible to develop": ability */
		bool pred = (k > 0 && has_class(m, k - 1, CW_COPULA)) ||
			    clause_break(m, i + 1) || is(m, i + 1, "that") ||
			    is(m, i + 1, "in") || is(m, i + 1, "before");
		if (!pred || (k > 0 && is(m, k - 1, "longer")) ||
		    (k > 0 && has_class(m, k - 1, CW_NEGATOR)))
			return false;
		a = k > 0 && has_class(m, k - 1, CW_COPULA) ? k - 1 : k;
	} else {
		return false;
	}
	memset(p, 0, sizeof *p);
	p->kind = F_HEDGE;
	p->a = a;
	p->b = b;
	p->verb = skip_adverbs(m, b + 1);
	p->polarity = (is(m, i, "may") || is(m, i, "might")) && is(m, i + 1, "not")
		      ? '-' : '+';
	return true;
}

/* A reported "will" shifted into the past: "Economists said trade
 * relations would stay the same", "X predicted that prices would fall".
 * The speech verb comes first and is not itself in the past perfect
 * ("had predicted ... would peak" is a resolved old forecast). */
static bool would_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	if (!is(m, i, "would") || is(m, i + 1, "have") || is(m, i + 1, "like"))
		return false;
	bool reported = false;
	for (size_t k = 0; k < i; k++)
		if ((has_class(m, k, CW_REPORTING) || is(m, k, "predicted") ||
		     is(m, k, "forecast") || is(m, k, "expected")) &&
		    !(k > 0 && is(m, k - 1, "had")) && !is(m, k, "according"))
			reported = true;
	if (!reported)
		return false;
	bool negative = is(m, i + 1, "not") || is(m, i + 1, "never");
	memset(p, 0, sizeof *p);
	p->kind = F_WOULD;
	p->a = i;
	p->b = negative ? i + 1 : i;
	p->verb = skip_adverbs(m, p->b + 1);
	p->p = negative ? CUE_WILL_NOT_P : CUE_WILL_P;
	p->scored = true;
	p->polarity = negative ? '-' : '+';
	return true;
}

/* Epistemic "should": "Inflation should rise again in the second half",
 * a trend verb after it and a time ahead; "NATO should offer", "the EU
 * should plan" (no trend verb) are advice. */
static bool should_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	if (!is(m, i, "should") || i == first_word(m))
		return false;
	size_t v = skip_adverbs(m, i + 1);
	if (!has_class(m, v, CW_TREND_VERB) || !looks_ahead(m))
		return false;
	memset(p, 0, sizeof *p);
	p->kind = F_SHOULD;
	p->a = p->b = i;
	p->verb = v;
	p->p = CUE_SHOULD_P;
	p->scored = true;
	p->polarity = '+';
	return true;
}

/* will, shall, won't, is going to; "None of ... will" is negative. */
static bool will_at(const struct cue_matcher *m, size_t i, struct place *p)
{
	bool going = is_going_to(m, i);
	if (!is_will_modal(m, i) && !going)
		return false;
	size_t a = i, b = going ? i + 1 : i;
	bool negative = false;
	if (is(m, b + 1, "not") || is(m, b + 1, "never")) {
		negative = true;
		b++;
	} else if (going && i > 0 && is(m, i - 1, "not")) {
		negative = true;
	}
	for (size_t k = clause_start(m, i); k < i; k++)
		if (has_class(m, k, CW_NEG_SUBJECT))
			negative = true;
	const struct lexicon_entry *e =
		lexicon_find(m->lx, negative ? "will not" : "will");
	memset(p, 0, sizeof *p);
	p->kind = F_WILL;
	p->a = a;
	p->b = b;
	p->verb = skip_adverbs(m, b + 1);
	p->p = e ? e->p : negative ? CUE_WILL_NOT_P : CUE_WILL_P;
	p->scored = true;
	p->polarity = negative ? '-' : '+';
	return true;
}

/* ---- the rules: each returns CUE_NONE to let the place through ---- */

typedef enum cue_class (*rule_fn)(const struct cue_matcher *m,
				  const struct place *p);

static enum cue_class rule_question(const struct cue_matcher *m,
				    const struct place *p)
{
	(void)p;
	return is_question(m) ? CUE_QUESTION : CUE_NONE;
}

/* "not very likely", "not unlikely", "not set to": never scored. */
static enum cue_class rule_negated(const struct cue_matcher *m,
				   const struct place *p)
{
	return p->a > 0 && has_class(m, p->a - 1, CW_NEGATOR) &&
	       !has_class(m, p->a, CW_NEGATOR) ? CUE_NEGATED : CUE_NONE;
}

/* "more likely to buy Chinese arms than Russian ones". */
static enum cue_class rule_comparative(const struct cue_matcher *m,
				       const struct place *p)
{
	if (strcmp(p->e->words[0], "more") == 0)
		return CUE_NONE;
	if ((p->a > 0 && (is(m, p->a - 1, "more") || is(m, p->a - 1, "less"))) ||
	    is(m, p->b + 1, "than"))
		return CUE_COMPARATIVE;
	return CUE_NONE;
}

/* "explain how Beijing is likely to respond", "what to expect",
 * "whether the talks will resume": an indirect question or a teaser. */
static enum cue_class rule_indirect(const struct cue_matcher *m,
				   const struct place *p)
{
	for (size_t k = clause_start(m, p->a); k < p->a; k++)
		if (has_class(m, k, CW_WH))
			return CUE_QUESTION;
	return CUE_NONE;
}

static enum cue_class rule_counterfactual(const struct cue_matcher *m,
					  const struct place *p)
{
	(void)p;
	for (size_t i = 0; i < m->tok.n; i++)
		if (modal_perfect_at(m, i))
			return CUE_COUNTERFACTUAL;
	return CUE_NONE;
}

/* "Were Minsk to agree, ...", "Should the talks fail, ...", "Had it ...,",
 * "if ... were to", and an estimative under "would" ("would likely"). */
static enum cue_class rule_subjunctive(const struct cue_matcher *m,
				       const struct place *p)
{
	if (p->e && entry_has(p->e, "if"))
		return CUE_NONE; /* "would be surprised if" is the cue itself */
	size_t f = first_word(m);
	if (is(m, f, "should") || is(m, f, "were") || is(m, f, "had"))
		for (size_t i = f + 1; i < m->tok.n; i++)
			if (punct_is(m, i, ","))
				return CUE_SUBJUNCTIVE;
	bool in_if = false;
	for (size_t i = 0; i < m->tok.n; i++) {
		if (is(m, i, "if"))
			in_if = true;
		else if (in_if && is(m, i, "were"))
			return CUE_SUBJUNCTIVE;
	}
	for (size_t k = p->a; k > 0 && k + 3 > p->a; k--)
		if (is(m, k - 1, "would"))
			return CUE_SUBJUNCTIVE;
	if (p->kind == F_WOULD && has_if(m))
		return CUE_SUBJUNCTIVE; /* "said that if ..., X would": a hypothetical */
	return CUE_NONE;
}

/* "was likely caused", "were expected to", "looked set to" (up to three
 * words back, within the clause). */
static enum cue_class rule_past(const struct cue_matcher *m,
				const struct place *p)
{
	for (size_t k = p->a, hops = 0; k > 0 && hops < 3; k--, hops++) {
		if (!is_word(m, k - 1))
			break;
		if (has_class(m, k - 1, CW_PAST))
			return CUE_PRESENT_OR_PAST;
	}
	if (p->kind == F_LEXICON && entry_is_to_form(p->e) &&
	    is(m, p->b + 1, "have") && is_word(m, p->b + 2))
		return CUE_PRESENT_OR_PAST; /* "is likely to have played" */
	return CUE_NONE;
}

/* An estimative without "to" ("most likely", "probably", "is likely")
 * speaks of the future only when its clause does: "will", a horizon,
 * "to" + verb after it, or the cue closing the sentence ("A deal is
 * likely.").  "Most likely, the delay cost ..." is about the past. */
static enum cue_class rule_present(const struct cue_matcher *m,
				   const struct place *p)
{
	const struct lexicon_entry *e = p->e;
	if (entry_is_to_form(e) || is_will_entry(e))
		return CUE_NONE;
	if (is(m, p->b + 1, "to") && is_word(m, p->b + 2) && !is(m, p->b + 2, "have"))
		return CUE_NONE;
	if (entry_has(e, "chance") || entry_has(e, "toss-up") ||
	    entry_has(e, "even") || entry_has(e, "will") || entry_has(e, "if") ||
	    entry_has(e, "expected") || entry_has(e, "expect") ||
	    entry_has(e, "foresee") || entry_has(e, "bet") ||
	    entry_has(e, "outcome") || entry_has(e, "favourite") ||
	    entry_has(e, "favorite") || entry_has(e, "there"))
		return CUE_NONE; /* these name an outcome to come */
	size_t after = p->b + 1;
	bool closes = after >= m->tok.n || punct_is(m, after, ".") ||
		      punct_is(m, after, "!") || punct_is(m, after, ";") ||
		      (m->in.title && clause_break(m, after));
	if (closes || future_in(m, 0, m->tok.n))
		return CUE_NONE;
	/* a horizon phrase alone does not do for "Most likely, ..." or a
	 * participle ("are probably aimed at ... in the spring"): there the
	 * phrase dates a present or past state */
	const char *next = W(m, after);
	size_t nn = strlen(next);
	bool adverbial = punct_is(m, after, ",") ||
			 (nn > 3 && strcmp(next + nn - 2, "ed") == 0);
	if (!adverbial && has_horizon(m))
		return CUE_NONE;
	return CUE_PRESENT_OR_PAST;
}

/* A hedge speaks of the future when a verb of action follows it ("could
 * restrict", "may get"), or, after "be", when the sentence looks ahead
 * or states a condition ("may be disrupted in January", "could be
 * smaller than expected if ..."); "could be interested in", "may be the
 * reason" and "could not obtain" are about now. */
static enum cue_class rule_hedge_present(const struct cue_matcher *m,
					 const struct place *p)
{
	size_t h = p->b, v = p->verb;
	if (is(m, p->a, "could") && is(m, p->a + 1, "not"))
		return CUE_HEDGE_PRESENT;
	for (size_t k = h + 1; k < m->tok.n && k < h + 4; k++)
		if (has_class(m, k, CW_PAST))
			return CUE_HEDGE_PRESENT;
	if (!has_class(m, p->a, CW_HEDGE) || is(m, p->a, "possibly") ||
	    is(m, p->a, "perhaps") || is(m, p->a, "maybe")) {
		/* adverbs and "possible" need a future around them */
		if (p->b > p->a || is(m, p->b, "possible"))
			return CUE_NONE; /* "cannot be ruled out", "is possible" */
		/* "Maybe I'm wrong about August": a date is not enough */
		return future_in(m, 0, m->tok.n) ? CUE_NONE : CUE_HEDGE_PRESENT;
	}
	if (!is_word(m, v))
		return CUE_HEDGE_PRESENT;
	if (is(m, v, "be") || is(m, v, "well"))
		return looks_ahead(m) || has_if(m) ||
		       any_word_in(m, v, m->tok.n, 0) ||
		       (is_word(m, v + 1) && strlen(W(m, v + 1)) > 3 &&
			(strcmp(W(m, v + 1) + strlen(W(m, v + 1)) - 2, "ed") == 0) &&
			!is(m, v + 1, "interested") && !is(m, v + 1, "concerned") &&
			!is(m, v + 1, "aimed") && !is(m, v + 1, "based")) ||
		       is(m, v + 2, "than")
		       ? CUE_NONE : CUE_HEDGE_PRESENT;
	return CUE_NONE;
}

/* "Actual results may differ materially", "forecasts may not be
 * realised": a disclaimer about forecasts is not one. */
static enum cue_class rule_disclaimer(const struct cue_matcher *m,
				      const struct place *p)
{
	return any_word_in(m, clause_start(m, p->a), p->a, CW_META)
	       ? CUE_PRESENT_OR_PAST : CUE_NONE;
}

/* "Officials hope the link will end ...", "Minsk fears that ...", "the
 * ministry announced that it will ...": what an actor hopes, fears,
 * plans or announces is not a forecast.  A noun use ("its plans are")
 * does not count. */
static enum cue_class rule_actor(const struct cue_matcher *m,
				 const struct place *p)
{
	for (size_t k = 0; k < p->a; k++)
		if (has_class(m, k, CW_ACTOR_VERB) &&
		    !has_class(m, k + 1, CW_COPULA | CW_MODAL) &&
		    !(k > 0 && has_class(m, k - 1, CW_DETERMINER)))
			return CUE_ACTOR;
	return CUE_NONE;
}

/* One's own conduct: "The Board expects to continue easing", "we will",
 * "We could lower the ratings if ...". */
static enum cue_class rule_intention(const struct cue_matcher *m,
				     const struct place *p)
{
	if (p->kind == F_VERB && is(m, p->b + 1, "to") && !is(m, p->b + 2, "see"))
		return CUE_INTENTION; /* but "we expect to see robust growth" */
	/* "cannot be ruled out" is an estimate, whoever says it */
	if ((p->kind & (F_WILL | F_HEDGE | F_WOULD)) &&
	    !(p->kind == F_HEDGE && p->b > p->a)) {
		size_t k = p->a;
		while (k > 0 && is_adverb(m, k - 1))
			k--;
		/* "we will see a lot more of it" forecasts what will be seen,
		 * unlike "we will defend": perception verbs are no plan */
		bool seeing = (is(m, p->verb, "see") || is(m, p->verb, "witness")) &&
			      is_word(m, p->verb + 1);
		if (k > 0 && (is(m, k - 1, "we") || is(m, k - 1, "i")) && !seeing)
			return CUE_INTENTION;
		/* "The bank said it will keep ...", "S&P warns that it may
		 * downgrade ...": the speaker's own conduct */
		if (k > 1 && (is(m, k - 1, "it") || is(m, k - 1, "they")) &&
		    (has_class(m, k - 2, CW_REPORTING | CW_ACTOR_VERB) ||
		     (is(m, k - 2, "that") && k > 2 &&
		      has_class(m, k - 3, CW_REPORTING | CW_ACTOR_VERB))))
			return CUE_INTENTION;
	}
	return CUE_NONE;
}

/* "Under the agreement, ...", "will enter into force", "will be set at":
 * the terms of a law, treaty or decision. */
static enum cue_class rule_terms(const struct cue_matcher *m,
				 const struct place *p)
{
	size_t f = first_word(m);
	if (is(m, f, "under") && any_word_in(m, f + 1, clause_end(m, f), CW_TERMS_NOUN))
		return CUE_TERMS;
	for (size_t i = 0; i + 1 < m->tok.n; i++)
		if (is(m, i, "into") && is(m, i + 1, "force"))
			return CUE_TERMS;
	size_t v = p->verb;
	if (is(m, v, "be") && is(m, v + 1, "set") && is(m, v + 2, "at"))
		return CUE_TERMS;
	return CUE_NONE;
}

/* "will publish", "will be held", "will take place", "will take office",
 * "will hold its next meeting", "will end on Saturday": a calendar. */
static enum cue_class rule_schedule(const struct cue_matcher *m,
				    const struct place *p)
{
	size_t v = p->verb;
	if (is(m, v, "be"))
		v = skip_adverbs(m, v + 1);
	if (is(m, v, "continue") && is(m, v + 1, "to"))
		v += 2; /* "will continue to monitor" */
	if (has_class(m, v, CW_SCHEDULE_VERB))
		return CUE_SCHEDULE;
	if (is(m, v, "take") && (is(m, v + 1, "place") || is(m, v + 1, "office")))
		return CUE_SCHEDULE;
	if ((is(m, v, "hold") || is(m, v, "open") || is(m, v, "begin") ||
	     is(m, v, "start") || is(m, v, "end") || is(m, v, "close")) &&
	    (any_word_in(m, v + 1, v + 5, CW_SCHEDULE_NOUN) || names_a_day(m)))
		return CUE_SCHEDULE;
	if (any_word_in(m, 0, m->tok.n, CW_SCHEDULE_NOUN) &&
	    any_word_in(m, 0, m->tok.n, CW_CALENDAR))
		return CUE_SCHEDULE;
	/* "are scheduled to be put into operation by April", "is slated
	 * for": the sentence states a timetable */
	for (size_t i = 0; i < m->tok.n; i++)
		if (has_class(m, i, CW_SCHEDULE_MARK) &&
		    ((i > 0 && has_class(m, i - 1, CW_COPULA | CW_PAST)) ||
		     is(m, i + 1, "to") || is(m, i + 1, "for")))
			return CUE_SCHEDULE; /* not "scheduled blackouts" */
	/* a headline future with a day on it is a calendar: "Talks to
	 * continue on Thursday", "X to raise tariffs from 1 May" */
	if (p->kind == F_HEADLINE && names_a_day(m))
		return CUE_SCHEDULE;
	return CUE_NONE;
}

/* Who reports the forecast: the words beside a speech verb ("..., the
 * analyst said", "said Irina V of X"), after "according to", or before
 * a forecasting verb ("Sergei Lamin of the X Centre forecasts").  False
 * when nobody is named. */
static bool speaker_of(const struct cue_matcher *m, const struct place *p,
		       size_t *sa, size_t *sb)
{
	bool found = false;
	/* the last attribution wins: "..., which it believes ..., X warned" */
	for (size_t i = 0; i < m->tok.n; i++) {
		if (is(m, i, "according") && is(m, i + 1, "to")) {
			*sa = i + 2;
			*sb = clause_end(m, i + 2);
			found = *sb > *sa;
			continue;
		}
		/* an actor verb before the cue is rule_actor's; one after it
		 * is the forecast's content ("is expected to announce") */
		if (!has_class(m, i, CW_REPORTING) || (i >= p->a && i <= p->b))
			continue;
		/* "That said," / "having said that": connectives */
		if (is(m, i, "said") && i > 0 && (is(m, i - 1, "that") || is(m, i - 1, "having")))
			continue;
		size_t cs = clause_start(m, i);
		if (cs < i) {
			*sa = cs;
			*sb = i;
		} else {
			*sa = i + 1;
			*sb = clause_end(m, i + 1);
		}
		found = *sb > *sa;
	}
	/* "But analysts say": the conjunction is not part of the name */
	while (found && *sa + 1 < *sb && (is(m, *sa, "but") || is(m, *sa, "and") ||
					  is(m, *sa, "so") || is(m, *sa, "yet")))
		(*sa)++;
	if (!found && p->kind == F_VERB && p->a == p->b && /* active */
	    clause_start(m, p->a) < p->a) {
		*sa = clause_start(m, p->a);
		*sb = p->a;
		found = true;
	}
	return found;
}

/* A forecast reported from a ministry, a government or officials is that
 * actor's position, not a forecast. */
static enum cue_class rule_actor_speaker(const struct cue_matcher *m,
					 const struct place *p)
{
	size_t sa, sb;
	if (speaker_of(m, p, &sa, &sb) && any_word_in(m, sa, sb, CW_ACTOR))
		return CUE_ACTOR;
	return CUE_NONE;
}

static bool quoted_at(const struct cue_matcher *m, size_t at)
{
	bool q = m->in.in_quote;
	for (size_t i = 0; i < at && i < m->tok.n; i++) {
		switch (m->tok.tok[i].kind) {
		case TOK_QOPEN: q = true; break;
		case TOK_QCLOSE: q = false; break;
		case TOK_QUOTE: q = !q; break;
		default: break;
		}
	}
	return q;
}

/* A quotation opened in an earlier sentence, and this sentence does not
 * say who speaks: it may be an actor stating a plan ("He said: 'This is
 * our plan.  Minsk will buy jets.'"), so it is not taken on trust. */
static enum cue_class rule_quoted(const struct cue_matcher *m,
				  const struct place *p)
{
	if (!m->in.in_quote || !quoted_at(m, p->a))
		return CUE_NONE;
	for (size_t i = 0; i < m->tok.n; i++)
		if (has_class(m, i, CW_REPORTING))
			return CUE_NONE;
	return CUE_QUOTED;
}

static const struct {
	const char *name;
	unsigned finders; /* the kinds of place the rule applies to */
	rule_fn test;
} rules[] = {
	{"question", F_ANY, rule_question},
	{"negated", F_LEXICON, rule_negated},
	{"comparative", F_LEXICON, rule_comparative},
	{"indirect-question", F_ANY, rule_indirect},
	{"counterfactual", F_ANY, rule_counterfactual},
	{"subjunctive", F_ANY, rule_subjunctive},
	{"past", F_LEXICON | F_VERB, rule_past},
	{"present", F_LEXICON, rule_present},
	{"hedge-present", F_HEDGE, rule_hedge_present},
	{"disclaimer", F_HEDGE | F_WILL, rule_disclaimer},
	{"actor", F_ANY, rule_actor},
	{"intention", F_VERB | F_WILL | F_HEDGE | F_WOULD, rule_intention},
	{"terms", F_WILL | F_HEDGE | F_HEADLINE | F_WOULD, rule_terms},
	{"schedule", F_WILL | F_HEADLINE | F_WOULD, rule_schedule},
	{"actor-speaker", F_ANY, rule_actor_speaker},
	{"quoted", F_ANY, rule_quoted},
};

/* ---- the decision ---- */

static const char *first_rejection(const struct cue_matcher *m,
				   const struct place *p, enum cue_class *cls)
{
	for (size_t k = 0; k < sizeof rules / sizeof rules[0]; k++) {
		if (!(rules[k].finders & p->kind))
			continue;
		enum cue_class c = rules[k].test(m, p);
		if (c != CUE_NONE) {
			*cls = c;
			return rules[k].name;
		}
	}
	return NULL;
}

static void span(const struct cue_matcher *m, size_t a, size_t b,
		 struct cue_result *r)
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
static void keep(struct cue_matcher *m, const struct place *p,
		 struct cue_result *r)
{
	size_t sa, sb;
	span(m, p->a, p->b, r);
	r->rule = finder_name(p->kind);
	r->cls = p->kind == F_HEDGE ? CUE_HEDGE
		 : p->kind & (F_WILL | F_HEADLINE | F_WOULD) ? CUE_WILL
		 : CUE_FORECAST;
	r->scored = p->scored;
	r->p = p->p;
	r->polarity = p->polarity;
	if (speaker_of(m, p, &sa, &sb) && !is(m, sa, "we") && !is(m, sa, "i")) {
		r->speaker_start = m->tok.tok[sa].start;
		r->speaker_end = m->tok.tok[sb - 1].end;
		snprintf(m->note, sizeof m->note, "%s (%.*s)", CUE_NOTE_REPORTED,
			 (int)(r->speaker_end - r->speaker_start),
			 m->text + r->speaker_start);
		r->note = m->note;
	} else if (p->kind == F_WILL && names_a_day(m)) {
		r->note = CUE_NOTE_SCHEDULED;
	} else if (has_confidence(m)) {
		r->note = CUE_NOTE_CONFIDENCE;
	}
}

/* A second predicate of the same subject: "and will", "but will not". */
static bool coordinated(const struct cue_matcher *m, size_t i,
			const struct place *found, size_t n)
{
	if (i == 0 || !(is(m, i - 1, "and") || is(m, i - 1, "but") || is(m, i - 1, "or")))
		return false;
	for (size_t k = 0; k < n; k++)
		if (found[k].kind == F_WILL && found[k].a < i)
			return true;
	return false;
}

static int lexicon_key(const struct cue_matcher *m, const struct place *p)
{
	return (int)(2 * p->e->nwords) - has_class(m, p->a + p->intensified, CW_COPULA);
}

/* Of the lexicon entries overlapping the one found at p, the best ("likely
 * to" over "is likely" in "is likely to"); returns the index to resume
 * after. */
static size_t best_overlapping(const struct cue_matcher *m, struct place *p)
{
	struct place q;
	for (size_t j = p->a + 1; j <= p->b && j < m->tok.n; j++)
		if (is_word(m, j) && lexicon_at(m, j, &q) &&
		    lexicon_key(m, &q) > lexicon_key(m, p))
			*p = q;
	return p->b;
}

/* Every place, in the order they are tried: by finder, then by position. */
static size_t find_places(struct cue_matcher *m, struct place *out, size_t cap)
{
	static const enum finder order[] = {F_LEXICON, F_VERB, F_HEADLINE,
					    F_HEDGE, F_WILL, F_SHOULD, F_WOULD};
	size_t n = 0;
	for (size_t f = 0; f < sizeof order / sizeof order[0]; f++)
		for (size_t i = 0; i < m->tok.n && n < cap; i++) {
			/* every finder but the headline's starts from a word of
			 * the vocabulary or the lexicon: others are passed over
			 * without a look */
			if (!is_word(m, i) || (!m->kw[i] && order[f] != F_HEADLINE))
				continue;
			struct place p;
			bool found = false;
			switch (order[f]) {
			case F_LEXICON: found = lexicon_at(m, i, &p); break;
			case F_VERB: found = verb_at(m, i, &p); break;
			case F_HEADLINE: found = headline_at(m, i, &p); break;
			case F_HEDGE: found = hedge_at(m, i, &p); break;
			case F_WILL: found = will_at(m, i, &p); break;
			case F_SHOULD: found = should_at(m, i, &p); break;
			case F_WOULD: found = would_at(m, i, &p); break;
			}
			if (found && order[f] == F_LEXICON)
				i = best_overlapping(m, &p);
			if (found && order[f] == F_WILL && coordinated(m, i, out, n))
				continue; /* "will continue to monitor ... and will
					   * take": the first "will" decides */
			if (found)
				out[n++] = p;
		}
	return n;
}

void cue_detect(struct cue_matcher *m, const char *s, size_t len,
		const struct cue_input *in, struct cue_result *r)
{
	enum { MAX_PLACES = 16 };
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
	size_t n = find_places(m, places, MAX_PLACES);
	for (size_t k = 0; k < n; k++) {
		enum cue_class cls;
		const char *why = first_rejection(m, &places[k], &cls);
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
