/*
 * speaker: from the cue rules' raw speaker span to a normalised name, with
 * the article's memory of names (surnames expand to full names), the
 * paragraph's last speaker (pronouns carry it) and the page's masthead (a
 * research note speaks for its publisher).  See speaker.h.
 */
#include "likely/extract/speaker.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "likely/extract/cue_vocab.h"
#include "likely/core/ledger.h"
#include "likely/base/strset.h"
#include "likely/text/text.h"

#define MAX_NAMES 256   /* names remembered per article */
#define HEAD_MAX  65536 /* how far into a page the masthead is looked for */
#define SAID_MAX  32    /* nouns of named speakers remembered per article */

struct speaker_state {
	char *publisher;
	bool head_seen;
	char *names[MAX_NAMES]; /* proper names of the article, first mention first */
	size_t nnames;
	struct strset *known;           /* the same names, to look up */
	char *last_para, *last_article; /* the last named speakers */
	/* the common nouns of named speakers' spans ("a survey by X": survey
	 * -> X), newest last, so that "the survey said" finds X */
	struct {
		char *noun, *name;
	} said[SAID_MAX];
	size_t nsaid;
	bool named_here; /* the current sentence named its speaker */
	bool note_voice;
};

/* How a raw speaker reads. */
enum speaker_kind {
	SK_NONE,
	SK_NAME,
	SK_CARRY,
	SK_UNNAMED
};

/* Words that are not names even when capitalised at a sentence's start. */
/* clang-format off */
static const char *const generic_words[] = {
	"the", "a", "an", "most", "some", "several", "many", "few", "other",
	"others", "all", "both", "two", "three", "according", "our", "their",
	"his", "her", "its", "this", "these", "those", "such", "one", "each",
	"analysts", "analyst", "economists", "economist", "experts", "expert",
	"observers", "observer", "sources", "source", "officials", "official",
	"dealers", "dealer", "traders", "trader", "respondents", "forecasters",
	"forecaster", "strategists", "strategist", "investors", "bankers",
	"people", "researchers", "participants", "commentators", "diplomats",
	"pollsters", "market", "markets", "survey", "poll", "polls", "if",
	"but", "and", "while", "as", "in", "on", "at", "for", "by", "with",
	"he", "she", "they", "it", "we", "i", "you", "there", "that", "what",
	"still", "yet", "so", "then", "however", "meanwhile", "also", NULL};
/* clang-format on */

static const char *const pronouns[] = {"he", "she", "they", "it", "him", "her", "them", NULL};

/* Lower-case joining words inside a name ("Centre for Governance
 * Studies", "Institut für ...", "Bank of ..."). */
static const char *const particles[] = {"of",  "for", "für", "de", "da",  "del", "der", "van",
					"von", "la",  "le",  "on", "and", "&",   NULL};

static const char *const legal_forms[] = {"plc", "PLC",  "Ltd",   "Ltd.", "LLC", "Inc", "Inc.",
					  "AG",  "SA",   "S.A.",  "GmbH", "LLP", "JSC", "N.V.",
					  "NV",  "Corp", "Corp.", "Co.",  NULL};

/* Words that mark a poll or survey of unnamed people. */
static const char *const poll_words[] = {"poll", "polled", "polls", "surveyed", "consensus", NULL};

static const char *const titles[] = {"Dr",  "Dr.",  "Prof", "Prof.", "Professor", "Mr",   "Mr.",
				     "Mrs", "Mrs.", "Ms",   "Ms.",   "Sir",       "Dame", NULL};

/* The head words of an institution's name: "X of Y" with one of them
 * before "of" is the institution's whole name, not a person's. */
/* clang-format off */
static const char *const org_words[] = {
	"Bank", "University", "Institute", "Institut", "Centre", "Center",
	"Ministry", "Department", "Council", "Board", "Office", "Federal",
	"National", "Central", "Royal", "School", "College", "Academy",
	"Association", "Federation", "Union", "Chamber", "Agency", "Fund",
	"Authority", "Commission", "Committee", "Society", "Foundation",
	"Reserve", "Bureau", "Service", "Republic", "State", "Government", NULL};
/* clang-format on */

/* Words that a speaker's name never holds: a span with one is a clause. */
static const char *const clause_words[] = {"will",   "would",    "could", "may", "might", "can",
					   "likely", "unlikely", "is",    "are", "be",    "was",
					   "were",   "has",      "have",  "had", NULL};
static const char *const lead_prepositions[] = {"from", "as",   "to", "for", "on",
						"in",   "with", "by", "if",  NULL};

/* Verbs that attribute what a sentence says to a speaker: the cue
 * rules' reporting and forecasting verbs (cue_vocab), put into the index
 * from there (vocab_lists below); this list only names the index. */
static const char *const reporting_words[] = {NULL};

/* After a span, a passive participle makes it the forecast's subject
 * ("Fed seen holding rates"), not its speaker. */
static const char *const passives[] = {"seen", "expected", "projected", "predicted", NULL};

/* The research note's own voice: "we expect" (any reporting word after
 * "we"), "our forecasts". */
static const char *const our_nouns[] = {"forecast", "forecasts",  "outlook",
					"view",     "projection", "projections",
					"baseline", "estimates",  NULL};

/*
 * Word lists are asked about every word of every sentence, so the named
 * lists above are indexed once, on first use, in one small hash table
 * (word -> the lists it is in); a list not indexed (a literal at a call
 * site) is scanned.  The table is filled once and only read after.
 */
enum {
	L_GENERIC,
	L_PRONOUNS,
	L_PARTICLES,
	L_LEGAL,
	L_POLL,
	L_TITLES,
	L_ORG,
	L_CLAUSE,
	L_LEAD,
	L_REPORTING,
	L_PASSIVES,
	L_OUR_NOUNS
};
static const char *const *const indexed_lists[] = {
	[L_GENERIC] = generic_words,  [L_PRONOUNS] = pronouns,
	[L_PARTICLES] = particles,    [L_LEGAL] = legal_forms,
	[L_POLL] = poll_words,        [L_TITLES] = titles,
	[L_ORG] = org_words,          [L_CLAUSE] = clause_words,
	[L_LEAD] = lead_prepositions, [L_REPORTING] = reporting_words,
	[L_PASSIVES] = passives,      [L_OUR_NOUNS] = our_nouns};
#define NLISTS (sizeof indexed_lists / sizeof indexed_lists[0])
/* The lists whose words are cue_vocab's words of some classes. */
static const struct {
	size_t list;
	unsigned classes;
} vocab_lists[] = {
	{L_REPORTING, CW_REPORTING | CW_FORECAST_VERB},
};
#define WORD_SLOTS 1024 /* a power of two, well above twice the words */
#define WORD_MAX   24

static struct {
	char word[WORD_MAX];
	unsigned lists; /* bit k: in indexed_lists[k] */
} word_index[WORD_SLOTS];
static bool word_index_built;
/* bit n of word_shape[c]: an indexed word of n bytes starts with c; most
 * words are ruled out by it before they are hashed */
static uint32_t word_shape[256];

static size_t word_slot(const char *w, size_t n)
{
	size_t slot = text_hash(w, n) & (WORD_SLOTS - 1);
	while (word_index[slot].word[0] &&
	       !(strncmp(word_index[slot].word, w, n) == 0 && word_index[slot].word[n] == '\0'))
		slot = (slot + 1) & (WORD_SLOTS - 1);
	return slot;
}

static void index_word(size_t list, const char *w)
{
	size_t n = strlen(w);
	if (n >= WORD_MAX)
		return; /* longer words are scanned: none today */
	size_t slot = word_slot(w, n);
	word_shape[(unsigned char)*w] |= UINT32_C(1) << n;
	memcpy(word_index[slot].word, w, n + 1);
	word_index[slot].lists |= 1u << list;
}

static void build_word_index(void)
{
	for (size_t k = 0; k < NLISTS; k++)
		for (const char *const *l = indexed_lists[k]; *l; l++)
			index_word(k, *l);
	for (size_t v = 0; v < sizeof vocab_lists / sizeof vocab_lists[0]; v++)
		for (size_t r = 0; cue_vocab[r].word; r++)
			if (cue_vocab[r].classes & vocab_lists[v].classes)
				index_word(vocab_lists[v].list, cue_vocab[r].word);
	word_index_built = true;
}

/* Word w[0..n) is in indexed_lists[k]. */
static bool in_indexed(size_t k, const char *w, size_t n)
{
	if (!word_index_built)
		build_word_index();
	return n < WORD_MAX && (word_shape[(unsigned char)w[0]] >> n & 1) &&
	       (word_index[word_slot(w, n)].lists >> k & 1);
}

static bool in_list(const char *const *list, const char *w, size_t n)
{
	if (n == 0)
		return false;
	for (size_t k = 0; k < NLISTS && n < WORD_MAX; k++)
		if (indexed_lists[k] == list)
			return in_indexed(k, w, n);
	for (; *list; list++)
		if ((*list)[0] == w[0] && strncmp(*list, w, n) == 0 && (*list)[n] == '\0')
			return true;
	return false;
}

/* in_indexed, ASCII case-insensitive. */
/* w[0..n) in ASCII lower case into low (WORD_MAX bytes); false when it
 * is empty or too long to be any listed word. */
static bool ascii_lower(const char *w, size_t n, char low[WORD_MAX])
{
	if (n >= WORD_MAX || n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
	return true;
}

static bool in_indexed_ci(size_t k, const char *w, size_t n)
{
	char low[WORD_MAX];
	return ascii_lower(w, n, low) && in_indexed(k, low, n);
}

/* ASCII case-insensitive membership. */
static bool in_list_ci(const char *const *list, const char *w, size_t n)
{
	char low[WORD_MAX];
	return ascii_lower(w, n, low) && in_list(list, low, n);
}

/* Starts with a capital: ASCII, Latin-1 (À-Þ) or Cyrillic (Ѐ-Я). */
static bool is_cap(const char *w)
{
	const unsigned char *u = (const unsigned char *)w;
	if (u[0] >= 'A' && u[0] <= 'Z')
		return true;
	if (u[0] == 0xC3)
		return u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97;
	if (u[0] == 0xD0)
		return u[1] >= 0x80 && u[1] <= 0xAF;
	return false;
}

/* The words of a collapsed string: [start, end) pairs, punctuation at
 * their ends (quotes, commas, stops, brackets) left out. */
struct words {
	size_t n;
	size_t at[64], end[64];
};

/* " ' ( ) , . ; : ! ? [ ] */
static bool punct1(char c)
{
	switch (c) {
	case '"':
	case '\'':
	case '(':
	case ')':
	case ',':
	case '.':
	case ';':
	case ':':
	case '!':
	case '?':
	case '[':
	case ']':
		return true;
	default:
		return false;
	}
}

static bool edge_punct(const char *s, size_t i, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s + i;
	if (punct1(s[i])) {
		*len = 1;
		return true;
	}
	/* “ ” ‘ ’ — – */
	if (u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] == 0x9C || u[2] == 0x9D || u[2] == 0x98 || u[2] == 0x99 || u[2] == 0x94 ||
	     u[2] == 0x93)) {
		*len = 3;
		return true;
	}
	return false;
}

/* Every byte of every sentence is asked: one load, not six compares. */
static inline bool is_space(char c)
{
	static const bool space[256] = {
		[' '] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1};
	return space[(unsigned char)c];
}

/* The words of s[0..n): no copy, no allocation (every sentence of every
 * page comes here). */
static void split_words_n(const char *s, size_t n, struct words *w)
{
	size_t i = 0;
	w->n = 0;
	while (i < n && w->n < 64) {
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n)
			break;
		size_t a = i;
		while (i < n && !is_space(s[i]))
			i++;
		size_t b = i, k;
		while (a < b && edge_punct(s, a, &k))
			a += k;
		/* trailing: step back over one-byte and three-byte marks */
		for (;;) {
			if (b > a && punct1(s[b - 1]))
				b--;
			else if (b >= a + 3 && edge_punct(s, b - 3, &k) && k == 3)
				b -= 3;
			else
				break;
		}
		/* "the Central Bank's updated forecast": the name without
		 * 's when a lower-case word follows ("according to Moody's,"
		 * keeps it) */
		size_t next = i;
		while (next < n && is_space(s[next]))
			next++;
		bool noun_follows = b == i && next < n && s[next] >= 'a' && s[next] <= 'z';
		if (noun_follows && b >= a + 3 && s[b - 1] == 's' && s[b - 2] == '\'')
			b -= 2;
		else if (noun_follows && b >= a + 5 && s[b - 1] == 's' &&
			 memcmp(s + b - 4, "\xe2\x80\x99", 3) == 0)
			b -= 4;
		if (b > a) {
			w->at[w->n] = a;
			w->end[w->n] = b;
			w->n++;
		}
	}
}

static void split_words(const char *s, struct words *w)
{
	split_words_n(s, strlen(s), w);
}

#define WLEN(w, i) ((w)->end[i] - (w)->at[i])

static bool proper(const char *s, const struct words *w, size_t i)
{
	return is_cap(s + w->at[i]) && !in_indexed_ci(L_GENERIC, s + w->at[i], WLEN(w, i));
}

static bool particle(const char *s, const struct words *w, size_t i)
{
	return in_indexed(L_PARTICLES, s + w->at[i], WLEN(w, i));
}

/* The run of name words starting at word i: proper words, with particles
 * between them.  Returns the index after its last proper word. */
static size_t name_run(const char *s, const struct words *w, size_t i)
{
	size_t j = i, last = i;
	while (j < w->n) {
		/* the first word is the caller's to judge; after it a capital
		 * is enough */
		if (j == i ? proper(s, w, j) : is_cap(s + w->at[j]))
			last = ++j;
		else if (particle(s, w, j) && j + 1 < w->n)
			/* "Institute for the World Economy" (but "X of the
			 * Y" is a person and an institution) */
			j += j + 2 < w->n && WLEN(w, j) == 3 && !strncmp(s + w->at[j], "for", 3) &&
					     WLEN(w, j + 1) == 3 &&
					     !strncmp(s + w->at[j + 1], "the", 3)
				     ? 2
				     : 1;
		else
			break;
	}
	return last;
}

/* Copies words [i, j) of s, single-spaced, into out. */
static void add_words(struct buf *out, const char *s, const struct words *w, size_t i, size_t j)
{
	if (j > i)
		buf_add(out, s + w->at[i], w->end[j - 1] - w->at[i]);
}

/* "HALDEN BANK" -> "Halden Bank", "CENTRAL BANK OF ARMENIA" -> "Central
 * Bank of Armenia"; words with a lower-case letter are kept. */
static void title_case(char *s)
{
	struct words w;
	split_words(s, &w);
	for (size_t i = 0; i < w.n; i++) {
		char *p = s + w.at[i];
		size_t n = WLEN(&w, i);
		bool upper = true;
		for (size_t k = 0; k < n; k++)
			if (p[k] >= 'a' && p[k] <= 'z')
				upper = false;
		if (!upper || n < 2)
			continue;
		for (size_t k = 1; k < n; k++)
			if (p[k] >= 'A' && p[k] <= 'Z')
				p[k] = (char)(p[k] + 32);
		if (i > 0 && in_list_ci(particles, p, n))
			p[0] = (char)(p[0] >= 'A' && p[0] <= 'Z' ? p[0] + 32 : p[0]);
	}
}

struct speaker_state *speaker_new(void)
{
	struct speaker_state *st = xcalloc(1, sizeof *st);
	st->publisher = xstrdup("");
	return st;
}

static void forget_article(struct speaker_state *st)
{
	for (size_t i = 0; i < st->nnames; i++)
		free(st->names[i]);
	st->nnames = 0;
	strset_free(st->known);
	st->known = NULL;
	for (size_t i = 0; i < st->nsaid; i++) {
		free(st->said[i].noun);
		free(st->said[i].name);
	}
	st->nsaid = 0;
	free(st->last_para);
	free(st->last_article);
	st->last_para = st->last_article = NULL;
	st->note_voice = false;
}

void speaker_free(struct speaker_state *st)
{
	if (!st)
		return;
	forget_article(st);
	free(st->publisher);
	free(st);
}

const char *speaker_publisher(const struct speaker_state *st)
{
	return st->publisher;
}

bool speaker_note_voice(const struct speaker_state *st)
{
	return st->note_voice;
}

/* The masthead: the first non-blank line, up to a separator ("|", "·",
 * " / ", " — "), when it is two to six words of a name and nothing
 * else (no digits, no lower-case words other than particles). */
static char *masthead_line(const char *data, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	size_t e = i;
	while (e < len && data[e] != '\n' && data[e] != '\r')
		e++;
	if (i >= e || data[i] == '<')
		return NULL;
	char *line = xstrndup(data + i, e - i);
	static const char *const seps[] = {
		"|", "\xc2\xb7", " / ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", "   ", NULL};
	for (const char *const *sp = seps; *sp; sp++) {
		char *at = strstr(line, *sp);
		if (at)
			*at = '\0';
	}
	char *c = ledger_collapse_space(line);
	free(line);
	struct words w;
	split_words(c, &w);
	static const char *const navigation[] = {"home", "main",  "start", "news",
						 "menu", "index", NULL};
	bool ok = w.n >= 1 && w.n <= 6 && name_run(c, &w, 0) == w.n &&
		  !(w.n == 1 && in_list_ci(navigation, c, WLEN(&w, 0))) && proper(c, &w, 0) &&
		  strcspn(c, "0123456789") == strlen(c);
	if (!ok) {
		free(c);
		return NULL;
	}
	title_case(c);
	return c;
}

/* A schema.org publisher's name: "publisher": {... "name": "X"}. */
static char *metadata_publisher(const char *data, size_t len)
{
	char *head = xstrndup(data, len);
	char *p = strstr(head, "\"publisher\"");
	char *out = NULL;
	if (p) {
		char *name = strstr(p, "\"name\"");
		if (name && name - p < 200) {
			char *q = strchr(name + 6, '"');
			char *end = q ? strchr(q + 1, '"') : NULL;
			if (end && end - q > 1 && end - q < 120)
				out = xstrndup(q + 1, (size_t)(end - q - 1));
		}
	}
	free(head);
	return out;
}

void speaker_page_head(struct speaker_state *st, const char *data, size_t len)
{
	if (st->head_seen)
		return;
	st->head_seen = true;
	if (len > HEAD_MAX)
		len = HEAD_MAX;
	char *name = masthead_line(data, len);
	if (!name)
		name = metadata_publisher(data, len);
	if (name) {
		free(st->publisher);
		st->publisher = name;
	}
}

void speaker_article(struct speaker_state *st)
{
	forget_article(st);
}

void speaker_paragraph(struct speaker_state *st)
{
	free(st->last_para);
	st->last_para = NULL;
}

static void remember(struct speaker_state *st, const char *name)
{
	if (st->nnames >= MAX_NAMES)
		return;
	if (!st->known)
		st->known = strset_new();
	if (strset_add(st->known, name, 0, NULL))
		st->names[st->nnames++] = xstrdup(name);
}

static void set_last(struct speaker_state *st, const char *name)
{
	free(st->last_para);
	free(st->last_article);
	st->last_para = xstrdup(name);
	st->last_article = xstrdup(name);
	st->named_here = true;
}

/* The fullest name the article (or the masthead) gives for a short one:
 * a surname -> the first full name ending with it; the start of an
 * organisation's name ("Central Bank") -> a name that goes on with "of"
 * or "for" ("Central Bank of Armenia"). */
static void expand(const struct speaker_state *st, struct buf *name)
{
	size_t n = name->len;
	const char *best = NULL;
	for (size_t i = 0; i <= st->nnames && !best; i++) {
		const char *c = i < st->nnames ? st->names[i] : st->publisher;
		size_t cn = strlen(c);
		if (cn <= n + 1)
			continue;
		/* surname: "... Voskresenskaya" */
		if (!strchr(name->data, ' ') && c[cn - n - 1] == ' ' &&
		    strcmp(c + cn - n, name->data) == 0)
			best = c;
		else if (strncmp(c, name->data, n) == 0 && c[n] == ' ' &&
			 (strncmp(c + n + 1, "of ", 3) == 0 || strncmp(c + n + 1, "for ", 4) == 0))
			best = c;
	}
	if (best) {
		buf_reset(name);
		buf_adds(name, best);
	}
}

static bool has_word(const char *s, const struct words *w, const char *const *list)
{
	for (size_t i = 0; i < w->n; i++)
		if (in_list_ci(list, s + w->at[i], WLEN(w, i)))
			return true;
	return false;
}

/* Reads a raw speaker ("Irina V, chief economist at X", "he", "analysts
 * polled by Y", "Analysts at Z") into a name in out. */
static enum speaker_kind read_span(const char *raw, struct buf *out)
{
	char *c = ledger_collapse_space(raw);
	struct words w;
	enum speaker_kind kind = SK_UNNAMED;
	buf_reset(out);
	split_words(c, &w);
	if (w.n == 0) {
		free(c);
		return SK_NONE;
	}
	if (w.n == 1 && in_list_ci(pronouns, c + w.at[0], WLEN(&w, 0))) {
		free(c);
		return SK_CARRY;
	}
	if (has_word(c, &w, poll_words)) {
		free(c);
		return SK_UNNAMED;
	}
	/* not a speaker: a clause the rules took for one ("from an", "the
	 * opposition could take ...") */
	if (w.n > 14 || has_word(c, &w, clause_words) ||
	    in_list_ci(lead_prepositions, c + w.at[0], WLEN(&w, 0))) {
		free(c);
		return SK_NONE;
	}
	/* cut at the first comma: an apposition or affiliation follows */
	size_t end = w.n;
	for (size_t i = 0; i < w.n; i++)
		if (c[w.end[i]] == ',') {
			end = i + 1;
			break;
		}
	size_t from = 0;
	/* "Analysts at X", "economists from X": the organisation */
	for (size_t i = 1; i + 1 < end; i++) {
		const char *wd = c + w.at[i];
		if ((WLEN(&w, i) == 2 && !strncmp(wd, "at", 2)) ||
		    (WLEN(&w, i) == 4 && !strncmp(wd, "from", 4))) {
			bool named_before = false;
			for (size_t k = 0; k < i; k++)
				named_before |= proper(c, &w, k);
			if (!named_before) {
				from = i + 1;
				break;
			}
		}
	}
	/* "X of the Y", "Anna Berg of Oxford University": the person, not
	 * the institution ("Bank of England" stays whole) */
	for (size_t i = from + 1; i + 1 < end; i++) {
		if (WLEN(&w, i) != 2 || strncmp(c + w.at[i], "of", 2) != 0)
			continue;
		bool the = WLEN(&w, i + 1) == 3 && !strncmp(c + w.at[i + 1], "the", 3);
		size_t k = i;
		while (k > from && proper(c, &w, k - 1) &&
		       !in_list(org_words, c + w.at[k - 1], WLEN(&w, k - 1)))
			k--;
		bool person = i - k >= 2 && i - k <= 3 && (k == from || !proper(c, &w, k - 1));
		if (the || person) {
			end = i;
			break;
		}
	}
	/* "X in Munich": no place */
	for (size_t i = from + 1; i + 1 < end; i++)
		if (WLEN(&w, i) == 2 && !strncmp(c + w.at[i], "in", 2) && proper(c, &w, i + 1)) {
			end = i;
			break;
		}
	/* the first name in what is left; one capitalised word before a
	 * lower-case one is a modifier ("Political scientist X",
	 * "Baku-based consultancy X", "Currency strategists") */
	size_t a = from, b = from;
	for (; a < end; a++) {
		if (!proper(c, &w, a) || in_list(titles, c + w.at[a], WLEN(&w, a)))
			continue;
		b = name_run(c, &w, a);
		if (b == a + 1 && b < end && !proper(c, &w, b) && !particle(c, &w, b))
			continue;
		break;
	}
	if (a < end) {
		if (b > end)
			b = end;
		while (b > a + 1 && in_list(legal_forms, c + w.at[b - 1], WLEN(&w, b - 1)))
			b--;
		add_words(out, c, &w, a, b);
		kind = SK_NAME;
	} else if (in_list_ci((const char *const[]){"the", "this", NULL}, c + w.at[0],
			      WLEN(&w, 0)) &&
		   w.n >= 2 && c[w.end[w.n - 1] - 1] != 's') {
		/* "the analyst", "the brokerage", "the survey": one named
		 * before */
		kind = SK_CARRY;
		/* the noun, to find who "the survey" is */
		add_words(out, c, &w, w.n - 1, w.n);
	}
	free(c);
	return kind;
}

/* "in his view", "in her opinion": the speaker named before speaks. */
static bool in_their_view(const char *c, const struct words *w)
{
	static const char *const poss[] = {"his", "her", "their", NULL};
	static const char *const view[] = {"view", "opinion", "words", NULL};
	for (size_t i = 0; i + 2 < w->n; i++)
		if (in_list_ci((const char *const[]){"in", NULL}, c + w->at[i], WLEN(w, i)) &&
		    in_list(poss, c + w->at[i + 1], WLEN(w, i + 1)) &&
		    in_list(view, c + w->at[i + 2], WLEN(w, i + 2)))
			return true;
	return false;
}

/* A speaker the rules did not name: "Anna Berg, an analyst at X,
 * expects ..." (a name, an apposition, a verb) or a last clause ",
 * analysts at X estimate." */
static bool fallback_span(const char *c, const struct words *w, size_t *a, size_t *b)
{
	if (w->n >= 4 && proper(c, w, 0)) {
		size_t j = name_run(c, w, 0);
		if (j >= 2 && c[w->end[j - 1]] == ',')
			for (size_t k = j; k + 1 < w->n && k < j + 12; k++)
				if (c[w->end[k]] == ',') {
					if (in_list(reporting_words, c + w->at[k + 1],
						    WLEN(w, k + 1))) {
						*a = w->at[0];
						*b = w->end[j - 1];
						return true;
					}
					break;
				}
	}
	if (w->n >= 3 && in_list(reporting_words, c + w->at[w->n - 1], WLEN(w, w->n - 1))) {
		size_t k = w->n - 1;
		while (k > 0 && k + 9 > w->n && c[w->end[k - 1]] != ',')
			k--;
		if (k > 0 && c[w->end[k - 1]] == ',' && k < w->n - 1) {
			*a = w->at[k];
			*b = w->end[w->n - 2];
			return true;
		}
	}
	return false;
}

/* The lower-case nouns of a named speaker's span ("a survey by X",
 * "the consultancy X"), each remembered with the name. */
static void remember_nouns(struct speaker_state *st, const char *s, size_t len, size_t a, size_t b,
			   const char *name)
{
	struct words w;
	if (b > len)
		b = len;
	split_words_n(s + a, b - a, &w);
	for (size_t i = 0; i < w.n; i++) {
		const char *wd = s + a + w.at[i];
		size_t n = WLEN(&w, i);
		if (n < 4 || !(wd[0] >= 'a' && wd[0] <= 'z') || in_list(particles, wd, n))
			continue;
		if (st->nsaid == SAID_MAX) {
			free(st->said[0].noun);
			free(st->said[0].name);
			memmove(st->said, st->said + 1, (SAID_MAX - 1) * sizeof st->said[0]);
			st->nsaid--;
		}
		st->said[st->nsaid].noun = xstrndup(wd, n);
		st->said[st->nsaid].name = xstrdup(name);
		st->nsaid++;
	}
}

/* A span's kind and name; SK_NONE for no speaker (or a span that is no
 * speaker's). */
static enum speaker_kind span_kind(struct speaker_state *st, const char *s, size_t len, size_t a,
				   size_t b, struct buf *out)
{
	if (b <= a)
		return SK_NONE;
	/* "Fed seen holding rates": the subject of a passive */
	size_t k = b;
	while (k < len && s[k] == ' ')
		k++;
	size_t e = k;
	while (e < len && s[e] != ' ')
		e++;
	if (in_list(passives, s + k, e - k))
		return SK_NONE;
	/* "said Dr. Anna Berg, ...": the rules stop at the title's stop */
	if (in_list(titles, s + a, b - a) ||
	    (b + 1 <= len && s[b] == '.' && in_list(titles, s + a, b - a)))
		while (b < len && s[b] != ',' && s[b] != ';')
			b++;
	char *raw = xstrndup(s + a, b - a);
	enum speaker_kind kind = read_span(raw, out);
	free(raw);
	if (kind == SK_NAME) {
		expand(st, out);
		remember_nouns(st, s, len, a, b, out->data);
	}
	return kind;
}

void speaker_forecast(struct speaker_state *st, const char *s, size_t len, size_t a, size_t b,
		      const char *block, struct buf *out)
{
	enum speaker_kind k = span_kind(st, s, len, a, b, out);
	if (k == SK_NONE) {
		char *raw = xstrndup(s, len);
		char *whole = ledger_collapse_space(raw);
		struct words w;
		free(raw);
		split_words(whole, &w);
		if (fallback_span(whole, &w, &a, &b))
			k = span_kind(st, whole, strlen(whole), a, b, out);
		else if (in_their_view(whole, &w))
			k = SK_CARRY;
		free(whole);
	}
	switch (k) {
	case SK_NAME:
		set_last(st, out->data);
		return;
	case SK_CARRY: {
		const char *prev = st->last_para ? st->last_para : st->last_article;
		for (size_t i = st->nsaid; out->len && i-- > 0;)
			if (strcmp(st->said[i].noun, out->data) == 0) {
				prev = st->said[i].name;
				break;
			}
		buf_reset(out);
		buf_adds(out, prev ? prev : SPEAKER_UNNAMED);
		st->named_here = prev != NULL;
		return;
	}
	case SK_UNNAMED:
		buf_reset(out);
		buf_adds(out, SPEAKER_UNNAMED);
		st->named_here = true; /* "he" no longer means the last one */
		return;
	case SK_NONE:
		break;
	}
	buf_reset(out);
	if (block && *block)
		buf_adds(out, block);
}

/* The names a sentence mentions, and its attribution when it names one
 * ("Anna Berg, chief economist at X, said the data were weak"). */
/* Whether s[0..len) holds a quotation mark (" or “). */
static bool has_quote(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == '"' ||
		    (s[i] == '\xe2' && i + 2 < len && s[i + 1] == '\x80' && s[i + 2] == '\x9c'))
			return true;
	return false;
}

/* One cheap pass: does s[0..len) hold two capitalised words in a row
 * (a name may be there) or the word "we" or "our" (a voice may be)? */
void speaker_sentence(struct speaker_state *st, const char *s, size_t len, bool in_quote,
		      bool speech, bool voice)
{
	const char *c = s; /* not NUL-terminated: words end before len */
	bool said = speech;
	/* names are remembered from attributions ("X, an economist at Y,
	 * said"), where a later surname or pronoun will point back to them;
	 * a sentence with no speech verb and no "we" has nothing to give */
	if (!said && (!voice || st->note_voice || in_quote)) {
		st->named_here = false;
		return;
	}
	struct words w;
	struct buf name;
	buf_init(&name);
	split_words_n(c, len, &w);
	const char *person = NULL;
	char *person_copy = NULL;
	for (size_t i = 0; i < w.n;) {
		if (!proper(c, &w, i) || in_indexed(L_TITLES, c + w.at[i], WLEN(&w, i))) {
			i++;
			continue;
		}
		size_t j = name_run(c, &w, i);
		/* a name ends at a comma */
		for (size_t k = i; k + 1 < j; k++)
			if (c[w.end[k]] == ',') {
				j = k + 1;
				break;
			}
		while (j > i + 1 && in_indexed(L_LEGAL, c + w.at[j - 1], WLEN(&w, j - 1)))
			j--;
		if (j >= i + 2) {
			buf_reset(&name);
			add_words(&name, c, &w, i, j);
			if (strpbrk(name.data, "\n\t\r\f\v")) { /* wrapped */
				char *flat = ledger_collapse_space(name.data);
				buf_reset(&name);
				buf_adds(&name, flat);
				free(flat);
			}
			remember(st, name.data);
			if (!person)
				person = person_copy = xstrdup(name.data);
		}
		i = j > i ? j : i + 1;
	}
	/* "Novak told reporters.": a surname of a name met before */
	for (size_t i = 0; said && !person && !st->named_here && i < w.n; i++) {
		if (!proper(c, &w, i))
			continue;
		buf_reset(&name);
		add_words(&name, c, &w, i, i + 1);
		expand(st, &name);
		if (strchr(name.data, ' '))
			person = person_copy = xstrdup(name.data);
	}
	if (!st->named_here && person && has_word(c, &w, reporting_words))
		set_last(st, person);
	/* a research note's own voice, outside quotations ("we" or "our"
	 * in the sentence, as the caller's scan said) */
	bool quoted = !voice || in_quote || st->note_voice || has_quote(c, len);
	for (size_t i = 0; i + 1 < w.n && !quoted && !st->note_voice; i++) {
		char f = c[w.at[i]];
		if (f != 'w' && f != 'W' && f != 'o' && f != 'O')
			continue;
		if (in_list_ci((const char *const[]){"we", NULL}, c + w.at[i], WLEN(&w, i)) &&
		    in_list(reporting_words, c + w.at[i + 1], WLEN(&w, i + 1)))
			st->note_voice = true;
		if (in_list_ci((const char *const[]){"our", NULL}, c + w.at[i], WLEN(&w, i)))
			for (size_t k = i + 1; k < w.n && k <= i + 2; k++)
				if (in_list(our_nouns, c + w.at[k], WLEN(&w, k)))
					st->note_voice = true;
	}
	st->named_here = false;
	free(person_copy);
	buf_release(&name);
}

void speaker_normalise(const char *name, struct buf *out)
{
	char *c = ledger_collapse_space(name);
	char *comma = strchr(c, ',');
	if (comma)
		*comma = '\0';
	char *p = c;
	for (;;) {
		size_t n = strcspn(p, " ");
		if (p[n] == ' ' && in_list(titles, p, n))
			p += n + 1;
		else
			break;
	}
	size_t n = strlen(p);
	while (n > 0 && p[n - 1] == ' ')
		n--;
	buf_reset(out);
	buf_add(out, p, n);
	free(c);
}

bool speaker_same(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a + 32) : *a;
		char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b + 32) : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

bool speaker_headline_attributed(const char *s, size_t len, const char *speaker)
{
	if (strcmp(speaker, SPEAKER_UNNAMED) == 0)
		return true;
	if (*speaker)
		return false;
	/* "... – survey", "... - analysts": a dash and one lower-case word */
	size_t e = len;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	size_t a = e;
	while (a > 0 && s[a - 1] >= 'a' && s[a - 1] <= 'z')
		a--;
	if (a == e || a < 2 || s[a - 1] != ' ')
		return false;
	size_t d = a - 1;
	if (d >= 1 && s[d - 1] == '-')
		return true;
	return d >= 3 && (memcmp(s + d - 3, "\xe2\x80\x93", 3) == 0 ||
			  memcmp(s + d - 3, "\xe2\x80\x94", 3) == 0);
}
