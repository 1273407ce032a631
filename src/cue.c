/*
 * cue: rule-based classification over folded word tokens.  The order of
 * the rules matters and is the order of SPEC.md §3: a lexicon cue decides
 * alone (it carries its own probability), else a hedge (it withdraws the
 * commitment of any "will" beside it), else a plain "will".  Each reason
 * for rejecting a sentence has its own class so tests can pin each trap.
 */
#include "likely/cue.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "likely/pagedate.h"

#define ANCHOR_SLOTS 512 /* open addressing; at most half full */

struct anchor {
	unsigned hash;
	char *word; /* NULL: empty slot */
};

/* The word lists the rules test tokens against.  Each list is a class;
 * a token's classes are looked up once per sentence (see known_word), so
 * a rule asks a bit instead of comparing the token with every entry. */
enum word_class {
	WC_REPORTING = 1 << 0,
	WC_MODAL = 1 << 1,
	WC_NEGATOR = 1 << 2,
	WC_INTENSIFIER = 1 << 3,
	WC_PAST = 1 << 4,
	WC_FUTURE = 1 << 5,
	WC_BEFORE_NOUN_WILL = 1 << 6,
	WC_ADVERB = 1 << 7,
	WC_SCHEDULED = 1 << 8,
	WC_ESTIMATIVE = 1 << 9
};

static const char *const reporting[] = {
	"said", "says", "told", "tells", "stated", "noted", "stressed",
	"reported", "announced", "announces", "claimed", "claims", "added",
	"adds", "declared", "declares", "confirmed", "confirms", "informed",
	"explained", "emphasized", "emphasised", "emphasizes", "emphasises",
	"underlined", "underscored", "promised", "promises", "pledged",
	"vowed", "assured", "warned", "warns", "insisted", "argued",
	"mentioned", "quoted", "believes", "thinks", "expects", "hopes",
	"predicted", "predicts", "forecasts", "according", "unveiled",
	"revealed", "disclosed", "specified", "clarified", NULL};

static const char *const modals[] = {"would", "could", "might", "should",
				     "may", "must", "can", NULL};

static const char *const negators[] = {"not", "never", "hardly", "scarcely",
				       "no", NULL};
static const char *const intensifiers[] = {"extremely", "very", "highly",
					   "exceedingly", NULL};
static const char *const past_marks[] = {"was", "were", "had", "been", "did",
					 NULL};

static const char *const future_words[] = {
	"soon", "eventually", "later", "future", "ahead", "upcoming",
	"forthcoming", "tomorrow", "next", "henceforth", "sooner", NULL};

/* before "will" they make it a noun: "political will", "the will" */
static const char *const before_noun_will[] = {
	"the", "a", "an", "his", "her", "their", "its", "our", "my",
	"your", "political", "good", "ill", "free", "strong", "own",
	"of", "at", "popular", "public", "general", "no", "lack",
	"same", "this", "that", "whose", "people's", "sovereign", NULL};

static const char *const adverbs[] = {
	"somewhat", "also", "even", "still", "further", "well", "soon",
	"eventually", "yet", "again", "then", "ultimately", "gradually",
	"quickly", "significantly", "seriously", "easily", "in", "turn",
	"actually", "already", NULL};

static const char *const scheduled_words[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "visit", "visits", "visiting", "talks",
	"scheduled", "schedule", "summit", "meeting", "session",
	"conference", "ceremony", "forum", "host", "hosts", "arrive",
	"arrives", "attend", "travel", "tomorrow", "tonight",
	"inaugurat", "election", NULL};

static const char *const estimatives[] = {"likely", "unlikely", "probable",
					  "improbable", "probably", "certain",
					  "certainly", NULL};

static const struct {
	const char *const *words;
	enum word_class cls;
} word_lists[] = {
	{reporting, WC_REPORTING}, {modals, WC_MODAL},
	{negators, WC_NEGATOR}, {intensifiers, WC_INTENSIFIER},
	{past_marks, WC_PAST}, {future_words, WC_FUTURE},
	{before_noun_will, WC_BEFORE_NOUN_WILL}, {adverbs, WC_ADVERB},
	{scheduled_words, WC_SCHEDULED}, {estimatives, WC_ESTIMATIVE},
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
	bool in_quote0;
	long from;
	const struct known_word **kw; /* per token: NULL when not known */
	size_t kw_cap;
};

/* strcmp only when the first bytes agree: most words differ there. */
static bool streq(const char *a, const char *b)
{
	return a[0] == b[0] && strcmp(a, b) == 0;
}

static bool in_set(const char *w, const char *const *set)
{
	for (size_t k = 0; set[k]; k++)
		if (streq(w, set[k]))
			return true;
	return false;
}

static const char *const hedge_anchors[] = {
	"may", "might", "could", "possibly", "perhaps", "maybe", "rule",
	"ruled", "will", "won", "ll", "shall", "shan", NULL};

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
	size_t total = m->lx->n;
	for (size_t l = 0; l < sizeof word_lists / sizeof word_lists[0]; l++)
		for (size_t k = 0; word_lists[l].words[k]; k++)
			total++;
	m->known_slots = 16;
	while (m->known_slots < 2 * total)
		m->known_slots *= 2;
	m->known = xcalloc(m->known_slots, sizeof *m->known);
	for (size_t l = 0; l < sizeof word_lists / sizeof word_lists[0]; l++)
		for (size_t k = 0; word_lists[l].words[k]; k++)
			add_known(m, word_lists[l].words[k])->classes |= word_lists[l].cls;
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
				    const struct horizon_table *h)
{
	struct cue_matcher *m = xcalloc(1, sizeof *m);
	m->lx = lx;
	m->h = h;
	text_tokens_init(&m->tok);
	for (int c = 'a'; c <= 'z'; c++)
		m->letter[c] = m->letter[c - 32] = true;
	for (size_t i = 0; i < lx->n; i++)
		anchor_of(m, &lx->e[i]);
	for (size_t k = 0; hedge_anchors[k]; k++)
		add_anchor(m, hedge_anchors[k], strlen(hedge_anchors[k]));
	/* estimative words outside a cue still need a look (negations) */
	add_anchor(m, "likely", 6);
	add_anchor(m, "unlikely", 8);
	add_anchor(m, "probable", 8);
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
	case CUE_CONDITIONAL: return "conditional";
	case CUE_DUTY: return "duty";
	case CUE_REPORTED: return "reported";
	case CUE_QUOTED: return "quoted";
	case CUE_QUESTION: return "question";
	case CUE_CONFIDENCE: return "confidence";
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

/* Token i is a word of one of the classes c (a list above). */
static bool has_class(const struct cue_matcher *m, size_t i, unsigned c)
{
	return i < m->tok.n && m->kw[i] && (m->kw[i]->classes & c);
}

static bool any_class(const struct cue_matcher *m, unsigned c)
{
	for (size_t i = 0; i < m->tok.n; i++)
		if (has_class(m, i, c))
			return true;
	return false;
}

static bool quoted_at(const struct cue_matcher *m, size_t at)
{
	bool q = m->in_quote0;
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

static bool is_question(const struct cue_matcher *m)
{
	for (size_t i = m->tok.n; i-- > 0;) {
		enum text_token_kind k = m->tok.tok[i].kind;
		if (k == TOK_QCLOSE || k == TOK_QUOTE || strcmp(text_tok(&m->tok, i), ")") == 0)
			continue;
		return strcmp(text_tok(&m->tok, i), "?") == 0;
	}
	return false;
}

/* "if"/"unless"/"whether" make a conditional; "even if" and "as if" do
 * not (concessive and comparative). */
static bool is_conditional(const struct cue_matcher *m, bool with_whether)
{
	/* "Should the talks fail, ...", "Were Minsk to agree, ...", "Had it
	 * happened, ...": an inverted conditional opens the sentence and ends
	 * its clause with a comma */
	size_t first = 0;
	while (first < m->tok.n && !is_word(m, first))
		first++;
	if (is(m, first, "should") || is(m, first, "were") || is(m, first, "had"))
		for (size_t i = first + 1; i < m->tok.n; i++)
			if (strcmp(text_tok(&m->tok, i), ",") == 0)
				return true;
	for (size_t i = 0; i < m->tok.n; i++) {
		if (is(m, i, "unless") || (with_whether && is(m, i, "whether")))
			return true;
		if (is(m, i, "if") && !(i > 0 && (is(m, i - 1, "even") ||
						  is(m, i - 1, "as"))))
			return true;
		if (is(m, i, "provided") && is(m, i + 1, "that"))
			return true;
		if (is(m, i, "in") && is(m, i + 1, "case") && !is(m, i + 2, "of"))
			return true;
	}
	return false;
}

static bool is_reported(const struct cue_matcher *m)
{
	for (size_t i = 0; i < m->tok.n; i++) {
		if (!has_class(m, i, WC_REPORTING))
			continue;
		if (is(m, i, "according") && !is(m, i + 1, "to"))
			continue;
		/* "That said," / "having said that": connectives, not speech */
		if (is(m, i, "said") && ((i > 0 && is(m, i - 1, "that") &&
					  !is_word(m, i + 1)) ||
					 (i > 0 && is(m, i - 1, "having"))))
			continue;
		return true;
	}
	return false;
}

/* modal + "have" + participle: "could have influenced". */
static bool modal_perfect_at(const struct cue_matcher *m, size_t i)
{
	size_t j = i + 1;
	if (is(m, j, "not"))
		j++;
	return has_class(m, i, WC_MODAL) && is(m, j, "have") && is_word(m, j + 1) &&
	       !is(m, j + 1, "to");
}

static bool any_modal_perfect(const struct cue_matcher *m)
{
	for (size_t i = 0; i < m->tok.n; i++)
		if (modal_perfect_at(m, i))
			return true;
	return false;
}

static bool duty_at(const struct cue_matcher *m, size_t i)
{
	if (is(m, i, "must") || is(m, i, "should") || is(m, i, "ought"))
		return true;
	if ((is(m, i, "need") || is(m, i, "needs") || is(m, i, "needed") ||
	     is(m, i, "have") || is(m, i, "has") || is(m, i, "had")) &&
	    is(m, i + 1, "to") && is_word(m, i + 2) && !is(m, i + 2, "the") &&
	    !is(m, i + 2, "a"))
		return true;
	return false;
}

static bool any_duty(const struct cue_matcher *m)
{
	for (size_t i = 0; i < m->tok.n; i++)
		if (duty_at(m, i))
			return true;
	return false;
}

static bool has_confidence(const struct cue_matcher *m)
{
	for (size_t i = 0; i + 1 < m->tok.n; i++)
		if ((is(m, i, "high") || is(m, i, "moderate") || is(m, i, "low")) &&
		    is(m, i + 1, "confidence"))
			return true;
	return false;
}

/* "will" used as a noun ("political will", "the will of the people"). */
static bool will_is_noun(const struct cue_matcher *m, size_t i)
{
	if (i > 0 && has_class(m, i - 1, WC_BEFORE_NOUN_WILL))
		return true;
	if (!is_word(m, i + 1) || is(m, i + 1, "of") || is(m, i + 1, "to"))
		return true;
	/* "Will Smith": a capitalised "Will" inside the sentence is a name */
	if (i > 0 && m->tok.tok[i].upper_initial)
		return true;
	return false;
}

static bool is_will_modal(const struct cue_matcher *m, size_t i)
{
	return (is(m, i, "will") || is(m, i, "shall")) && !will_is_noun(m, i);
}

static bool any_future_modal(const struct cue_matcher *m)
{
	for (size_t i = 0; i < m->tok.n; i++) {
		if (is_will_modal(m, i))
			return true;
		if (is(m, i, "going") && is(m, i + 1, "to") && is_word(m, i + 2))
			return true;
	}
	return false;
}

static bool looks_ahead(const struct cue_matcher *m)
{
	return any_class(m, WC_FUTURE) || horizon_present(m->h, &m->tok, m->from);
}

/* Verbs of change (stems): after a hedge they make it forward-looking. */
static const char *const change_stems[] = {
	"chang", "increas", "decreas", "grow", "grew", "rise", "rising",
	"fall", "drop", "declin", "expand", "extend", "widen", "deepen",
	"improv", "worsen", "deteriorat", "escalat", "lead", "result",
	"becom", "emerg", "resum", "collaps", "replac", "shift", "strengthen",
	"weaken", "intensif", "reduc", "boost", "acceler", "slow", "spread",
	"turn", "start", "begin", "stop", "launch", "join", "leave", "lose",
	"gain", "trigger", "caus", "bring", "push", "forc", "abolish",
	"introduc", "adopt", "transform", "evolv", "break", "fail", "return",
	"surpass", "overtake", "exceed", "soar", "plummet", "default",
	"invad", "attack", "withdraw", "recogni", "sign", "ban", "impos",
	"lift", "cut", "rais", "shrink", "recover", "collapse", "destabili",
	"undermin", "harm", "damag", "hurt", "spark", "provok", "prompt",
	"end", "halt", "suspend", "cancel", "expel", "annex", "merge",
	"unif", "split", "resign", "replace", "win", "reach", "enhanc",
	"develop", "establish", "creat", "form", "set", "open", "clos",
	"revers", "restor", "renew", "offer", "receiv", "allow", "enabl",
	NULL};

static bool is_change_verb(const char *w)
{
	for (size_t k = 0; change_stems[k]; k++)
		if (strncmp(w, change_stems[k], strlen(change_stems[k])) == 0)
			return true;
	return false;
}

static bool is_adverb(const struct cue_matcher *m, size_t i)
{
	if (!is_word(m, i))
		return false;
	size_t n = m->tok.tok[i].norm_len;
	return has_class(m, i, WC_ADVERB) ||
	       (n > 4 && strcmp(W(m, i) + n - 2, "ly") == 0);
}

/* A change verb within two words after token i (adverbs skipped; a
 * passive "be extended" counts). */
static bool change_follows(const struct cue_matcher *m, size_t i)
{
	size_t j = i + 1;
	for (int hops = 0; hops < 3 && is_word(m, j); hops++, j++) {
		if (is(m, j, "be") || is(m, j, "not"))
			continue;
		if (is_change_verb(W(m, j)))
			return true;
		if (!is_adverb(m, j))
			return false;
	}
	return false;
}

static bool scheduled_look(const struct cue_matcher *m)
{
	for (size_t i = 0; i < m->tok.n; i++) {
		const char *w = W(m, i);
		size_t n;
		if (!*w)
			continue;
		if (has_class(m, i, WC_SCHEDULED))
			return true;
		if ((is(m, i, "take") && is(m, i + 1, "place")) ||
		    (is(m, i, "be") && is(m, i + 1, "held")))
			return true;
		/* a calendar date: "May 14", "14 May", "14th" */
		bool digit = w[0] >= '0' && w[0] <= '9';
		size_t len = strlen(w);
		if (digit && len >= 3 &&
		    (strcmp(w + len - 2, "th") == 0 || strcmp(w + len - 2, "st") == 0 ||
		     strcmp(w + len - 2, "nd") == 0 || strcmp(w + len - 2, "rd") == 0))
			return true;
		/* the capital first: month names are rare, words are many */
		if (m->tok.tok[i].upper_initial && pagedate_month(w, len, &n) &&
		    n == len) {
			const char *nx = W(m, i + 1), *pv = i ? W(m, i - 1) : "";
			if ((nx[0] >= '0' && nx[0] <= '9' && strlen(nx) <= 2) ||
			    (pv[0] >= '0' && pv[0] <= '9' && strlen(pv) <= 2))
				return true;
		}
	}
	return false;
}

/* ---- lexicon matching ---- */

struct match {
	const struct lexicon_entry *e;
	size_t a, b; /* first and last token */
	int key;     /* preference: twice the word count, minus one when the
		      * cue starts with a copula */
};

static bool starts_with_copula(const struct lexicon_entry *e)
{
	static const char *const cop[] = {"is", "are", "was", "were", "be",
					  "seems", "seem", "appears", "appear", NULL};
	return in_set(e->words[0], cop);
}

static bool find_lexicon(const struct cue_matcher *m, struct match *best)
{
	struct match first = {NULL, 0, 0, 0};
	for (size_t i = 0; i < m->tok.n; i++) {
		if (!is_word(m, i))
			continue;
		/* only the entries whose first word this token is */
		size_t ncues = m->kw[i] ? m->kw[i]->ncues : 0;
		for (size_t q = 0; q < ncues; q++) {
			size_t k = m->kw[i]->cues[q];
			const struct lexicon_entry *e = &m->lx->e[k];
			if (i + e->nwords > m->tok.n)
				continue;
			const unsigned *wh = m->whash + m->wfirst[k];
			size_t j;
			/* word 0 is this token: the entry was found through it */
			for (j = 1; j < e->nwords; j++)
				if (!is_word(m, i + j) || m->tok.tok[i + j].hash != wh[j] ||
				    strcmp(W(m, i + j), e->words[j]) != 0)
					break;
			if (j < e->nwords)
				continue;
			struct match c = {e, i, i + e->nwords - 1,
					  (int)(2 * e->nwords) - starts_with_copula(e)};
			if (!first.e) {
				first = c;
				continue;
			}
			/* only matches overlapping the leftmost one compete */
			if (c.a > first.b)
				continue;
			if (c.key > first.key)
				first = c;
		}
		if (first.e && i >= first.b)
			break;
	}
	*best = first;
	return first.e != NULL;
}

static void span(const struct cue_matcher *m, size_t a, size_t b,
		 struct cue_result *r)
{
	r->start = m->tok.tok[a].start;
	r->end = m->tok.tok[b].end;
}

static bool entry_has(const struct lexicon_entry *e, const char *w)
{
	for (size_t i = 0; i < e->nwords; i++)
		if (strstr(e->words[i], w))
			return true;
	return false;
}

static void lexicon_rule(struct cue_matcher *m, const struct match *x,
			 struct cue_result *r)
{
	const struct lexicon_entry *e = x->e;
	size_t a = x->a, b = x->b;
	size_t pre = a; /* token before the cue, if any: pre - 1 */
	bool intens = false;
	span(m, a, b, r);
	if (pre > 0 && has_class(m, pre - 1, WC_INTENSIFIER) &&
	    !in_set(e->words[0], intensifiers)) {
		intens = true;
		pre--;
		span(m, pre, b, r);
	}
	/* the token before the cue (pre - 1) exists only when pre > 0 */
	if (pre > 0 && has_class(m, pre - 1, WC_NEGATOR)) {
		r->cls = CUE_NEGATED;
		return;
	}
	if (((pre > 0 && (is(m, pre - 1, "more") || is(m, pre - 1, "less"))) ||
	     is(m, b + 1, "than")) && strcmp(e->words[0], "more") != 0) {
		r->cls = CUE_COMPARATIVE;
		return;
	}
	if (is_question(m)) {
		r->cls = CUE_QUESTION;
		return;
	}
	if ((pre > 0 && has_class(m, pre - 1, WC_MODAL)) || is_conditional(m, false)) {
		r->cls = CUE_CONDITIONAL;
		return;
	}
	/* past: "was likely caused", "were expected to" (up to three words
	 * back, within the clause) */
	for (size_t k = pre, hops = 0; k > 0 && hops < 3; k--, hops++) {
		if (!is_word(m, k - 1))
			break;
		if (has_class(m, k - 1, WC_PAST)) {
			r->cls = CUE_PRESENT_OR_PAST;
			return;
		}
	}
	bool to_form = strcmp(e->words[e->nwords - 1], "to") == 0;
	size_t after = b + 1;
	if (!to_form && is(m, after, "to") && is_word(m, after + 1)) {
		to_form = true;
		after++;
	}
	if (to_form && is(m, after, "have") && is_word(m, after + 1)) {
		r->cls = CUE_PRESENT_OR_PAST; /* "is likely to have played" */
		return;
	}
	if (!to_form) {
		bool closes = after >= m->tok.n || (!is_word(m, after) &&
			m->tok.tok[after].kind == TOK_PUNCT &&
			strchr(".,;:!", text_tok(&m->tok, after)[0]));
		bool chance = entry_has(e, "chance") || entry_has(e, "toss") ||
			      entry_has(e, "even") || entry_has(e, "will");
		if (!(closes || chance || any_future_modal(m) || looks_ahead(m))) {
			r->cls = CUE_PRESENT_OR_PAST;
			return;
		}
	}
	r->cls = CUE_FORECAST;
	r->scored = true;
	r->p = intens ? lexicon_intensify(m->lx, e->p) : e->p;
	r->polarity = r->p < 0.5 ? '-' : '+';
	/* no "scheduled event" flag here: the estimative word already says
	 * this is a judgement, which is what the flag is there to doubt for
	 * a plain "will" */
	if (quoted_at(m, a) || is_reported(m))
		r->note = CUE_NOTE_ATTRIBUTED;
	else if (has_confidence(m))
		r->note = CUE_NOTE_CONFIDENCE;
}

/* ---- hedges ---- */

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

/* Index of the first hedge and its last token, or false. */
static bool find_hedge(const struct cue_matcher *m, size_t *h, size_t *hb)
{
	for (size_t i = 0; i < m->tok.n; i++) {
		if (!is_word(m, i))
			continue;
		if (is(m, i, "may") && month_may(m, i))
			continue;
		if (is(m, i, "may") || is(m, i, "might") || is(m, i, "could") ||
		    is(m, i, "possibly") || is(m, i, "perhaps") || is(m, i, "maybe")) {
			*h = *hb = i;
			return true;
		}
		/* "cannot rule out", "can't be ruled out", "not rule out" */
		if (is(m, i, "not")) {
			size_t j = i + 1;
			if (is(m, j, "be"))
				j++;
			if ((is(m, j, "rule") || is(m, j, "ruled")) && is(m, j + 1, "out")) {
				*h = i > 0 && is(m, i - 1, "can") ? i - 1 : i;
				*hb = j + 1;
				return true;
			}
		}
	}
	return false;
}

static void hedge_rule(struct cue_matcher *m, size_t h, size_t hb,
		       struct cue_result *r)
{
	span(m, h, hb, r);
	if (is_question(m)) {
		r->cls = CUE_QUESTION;
		return;
	}
	if (quoted_at(m, h)) {
		r->cls = CUE_QUOTED;
		return;
	}
	if (is_reported(m)) {
		r->cls = CUE_REPORTED;
		return;
	}
	if (is_conditional(m, false)) {
		r->cls = CUE_CONDITIONAL;
		return;
	}
	if (modal_perfect_at(m, h)) {
		r->cls = CUE_COUNTERFACTUAL;
		return;
	}
	if (is(m, h, "could") && is(m, h + 1, "not")) {
		r->cls = CUE_HEDGE_PRESENT; /* past inability, not a forecast */
		return;
	}
	bool negative = (is(m, h, "may") || is(m, h, "might")) && is(m, h + 1, "not");
	bool forward = looks_ahead(m) || change_follows(m, hb);
	if (hb > h) /* "cannot rule out": forward unless about the past */
		forward = true;
	if (is(m, h, "possibly") || is(m, h, "perhaps") || is(m, h, "maybe"))
		forward = forward || any_future_modal(m);
	for (size_t k = hb + 1; k < m->tok.n && k < hb + 4; k++)
		if (has_class(m, k, WC_PAST))
			forward = false;
	if (!forward) {
		r->cls = CUE_HEDGE_PRESENT;
		return;
	}
	r->cls = CUE_HEDGE;
	r->polarity = negative ? '-' : '+';
}

/* ---- will ---- */

static bool will_rule(struct cue_matcher *m, struct cue_result *r)
{
	size_t i;
	for (i = 0; i < m->tok.n; i++)
		if (is_will_modal(m, i))
			break;
	if (i == m->tok.n)
		return false;
	size_t b = i;
	bool negative = is(m, i + 1, "not") || is(m, i + 1, "never");
	if (negative)
		b = i + 1; /* "will not"; for "won't" both share one span */
	span(m, i, b, r);
	size_t v = negative ? i + 2 : i + 1;
	while (is_adverb(m, v) && !is(m, v, "soon"))
		v++;
	if (is_question(m))
		r->cls = CUE_QUESTION;
	else if (quoted_at(m, i))
		r->cls = CUE_QUOTED;
	else if ((i > 0 && (is(m, i - 1, "we") || is(m, i - 1, "i"))) ||
		 (i > 1 && is_adverb(m, i - 1) && (is(m, i - 2, "we") || is(m, i - 2, "i"))))
		r->cls = CUE_QUOTED; /* a speaker's plan or promise */
	else if (is_reported(m))
		r->cls = CUE_REPORTED;
	else if (is_conditional(m, true))
		r->cls = CUE_CONDITIONAL;
	else if ((is(m, v, "have") || is(m, v, "need") || is(m, v, "has")) &&
		 is(m, v + 1, "to"))
		r->cls = CUE_DUTY;
	else {
		const struct lexicon_entry *e =
			lexicon_find(m->lx, negative ? "will not" : "will");
		r->cls = CUE_WILL;
		r->scored = true;
		r->p = e ? e->p : negative ? CUE_WILL_NOT_P : CUE_WILL_P;
		r->polarity = negative ? '-' : '+';
		if (scheduled_look(m))
			r->note = CUE_NOTE_SCHEDULED;
		else if (has_confidence(m))
			r->note = CUE_NOTE_CONFIDENCE;
	}
	return true;
}

static bool any_would(const struct cue_matcher *m)
{
	for (size_t i = 0; i < m->tok.n; i++)
		if (is(m, i, "would"))
			return true;
	return false;
}

/* An estimative word outside any lexicon cue: negated ("not unlikely
 * that", "not very probable") it is never scored, and after "was"/"were"
 * ("was likely caused") it is about the past; either way it must not fall
 * through to the "will" rule. */
static enum cue_class stray_estimative(const struct cue_matcher *m)
{
	for (size_t i = 1; i < m->tok.n; i++) {
		if (!has_class(m, i, WC_ESTIMATIVE))
			continue;
		size_t k = i - 1;
		if (k > 0 && has_class(m, k, WC_INTENSIFIER))
			k--;
		if (has_class(m, k, WC_NEGATOR))
			return CUE_NEGATED;
		if (has_class(m, k, WC_PAST))
			return CUE_PRESENT_OR_PAST;
	}
	return CUE_NONE;
}

void cue_detect(struct cue_matcher *m, const char *s, size_t len,
		bool in_quote, long from, struct cue_result *r)
{
	struct match x;
	size_t h, hb;
	memset(r, 0, sizeof *r);
	r->cls = CUE_NONE;
	r->polarity = '+';
	m->in_quote0 = in_quote;
	m->from = from;
	text_tokenize(&m->tok, s, len);
	know_tokens(m);
	if (find_lexicon(m, &x)) {
		lexicon_rule(m, &x, r);
		return;
	}
	if ((r->cls = stray_estimative(m)) != CUE_NONE)
		return;
	if (find_hedge(m, &h, &hb)) {
		hedge_rule(m, h, hb, r);
		return;
	}
	if (will_rule(m, r))
		return;
	if (any_modal_perfect(m))
		r->cls = CUE_COUNTERFACTUAL;
	else if (any_duty(m))
		r->cls = CUE_DUTY;
	else if (is_conditional(m, false) || any_would(m))
		r->cls = CUE_CONDITIONAL;
	else if (has_confidence(m))
		r->cls = CUE_CONFIDENCE;
}
