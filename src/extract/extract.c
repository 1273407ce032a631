/*
 * extract: glue between the page reader, the sentence splitter and the
 * cue rules.  The hot path is: split a paragraph, hand each sentence to
 * on_sentence, and run the (cheap, allocation-free) candidate test; only
 * the few candidate sentences are tokenized and classified.
 */
#include "likely/extract/extract.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "likely/base/buf.h"
#include "likely/extract/cue.h"
#include "likely/base/date.h"
#include "likely/page/page.h"
#include "likely/base/path.h"
#include "likely/text/sentence.h"
#include "likely/extract/speaker.h"
#include "likely/text/text.h"

#define HEAD_BYTES   65536 /* what the speaker module reads a masthead from */
#define RECENT_IDS   64    /* exact repeats within an article are dropped */
#define CONTEXT_MAX  4096  /* longer paragraphs give a window as context */
#define CONTEXT_SIDE 1500
/* Forecasts held back until the article shows whether it speaks as a
 * research note's "we"; past this many they are handed on with what is
 * known by then, so memory stays bounded on a huge one-article page. */
#define PENDING_MAX 256

void extract_config_init(struct extract_config *c)
{
	lexicon_init_default(&c->lexicon);
	horizon_init_default(&c->horizons);
	topic_init_default(&c->topics);
	cue_vocab_extra_init(&c->vocab);
	c->origin = xstrdup("built-in");
}

void extract_config_release(struct extract_config *c)
{
	lexicon_release(&c->lexicon);
	horizon_release(&c->horizons);
	topic_release(&c->topics);
	cue_vocab_extra_release(&c->vocab);
	free(c->origin);
	c->origin = NULL;
}

/*
 * Only a name that is not there at all means "use the built-in table".
 * A file that is there but cannot be read (permissions, a dangling link,
 * a loop of links) is the outlet's configuration failing: the loader's
 * open reports it (66), rather than scoring silently with the defaults.
 */
static bool present(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 || errno != ENOENT;
}

/* The configuration files a directory may hold, each read by the module
 * that owns its table. */
static int load_lexicon(struct extract_config *c, const char *path, struct diag *d)
{
	return lexicon_load(&c->lexicon, path, d);
}

static int load_horizons(struct extract_config *c, const char *path, struct diag *d)
{
	return horizon_load(&c->horizons, path, d);
}

static int load_topics(struct extract_config *c, const char *path, struct diag *d)
{
	return topic_load(&c->topics, path, d);
}

static int load_vocabulary(struct extract_config *c, const char *path, struct diag *d)
{
	return cue_vocab_load(&c->vocab, path, d);
}

static const struct {
	const char *name;
	int (*load)(struct extract_config *c, const char *path, struct diag *d);
} config_files[] = {
	{"lexicon.csv", load_lexicon},
	{"horizons.csv", load_horizons},
	{"topics.csv", load_topics},
	{"vocabulary.csv", load_vocabulary},
};

int extract_config_load_dir(struct extract_config *c, const char *dir, struct diag *d)
{
	struct extract_config fresh;
	struct buf path;
	int rc = LIKELY_OK, r;
	extract_config_init(&fresh);
	buf_init(&path);
	/* every file is read, so that one run reports every bad one */
	for (size_t i = 0; i < sizeof config_files / sizeof config_files[0]; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, config_files[i].name);
		if (present(path.data) &&
		    (r = config_files[i].load(&fresh, path.data, d)) != LIKELY_OK)
			rc = r;
	}
	buf_release(&path);
	if (rc != LIKELY_OK) {
		extract_config_release(&fresh);
		return rc;
	}
	free(fresh.origin);
	fresh.origin = xstrdup(dir);
	extract_config_release(c);
	*c = fresh;
	return LIKELY_OK;
}

static bool is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int extract_config_find(const char *dir, struct diag *d, struct extract_config *c)
{
	extract_config_init(c);
	if (dir && !is_directory(dir))
		return diag_report(d, LIKELY_NOINPUT, dir, 0, "no such configuration directory");
	if (!dir && is_directory(EXTRACT_CONFIG_DIR))
		dir = EXTRACT_CONFIG_DIR;
	return dir ? extract_config_load_dir(c, dir, d) : LIKELY_OK;
}

struct extractor {
	const struct extract_config *cfg;
	struct extract_callbacks cb;
	struct page_reader *page;
	struct cue_matcher *cue;
	struct extract_stats st;
	char *file; /* base name */
	char *url, *source, *o_title, *o_published, *o_author;
	/* the current article */
	unsigned index;
	struct buf title, published, author, page_url;
	bool has_date;
	long from; /* the day horizons count from: the date, a month's last day */
	char recent[RECENT_IDS][17];
	size_t nrecent;
	/* who speaks: the article's forecasts wait for its end, when it is
	 * known whether it speaks as a research note's "we" */
	struct speaker_state *speaker;
	struct forecast *pending;
	bool *from_body; /* a headline that takes the next speaker named */
	size_t npending, cap_pending;
	/* a page shared among processes: this one's part of it */
	struct extract_share share;     /* claim NULL: not shared */
	unsigned long long block;       /* the current block */
	unsigned long long block_bytes; /* its paragraphs' bytes so far */
	bool mine;                      /* the current block is this part's */
	/* scratch */
	struct buf sent, text, topic;
	/* the text source (extractor_feed): what the page reader is given */
	struct buf feed;
	bool cr_pending;        /* the last byte fed was a CR */
	unsigned long long fed; /* bytes of the page seen so far */
	struct buf head;        /* the page's first bytes, until HEAD_BYTES */
	bool head_done;
	bool raw;         /* UTF-16: fed to the page reader as it is */
	bool bad_control; /* stopped at a control character */
	unsigned long long bad_offset;
	char bad_msg[80]; /* "a NUL byte at byte N" */
};

static char *dup_or_null(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

/* Hands on the article's forecasts; a research note's own voice speaks
 * for its publisher. */
static int flush_pending(struct extractor *x)
{
	int rc = 0;
	const char *publisher = speaker_publisher(x->speaker);
	bool note = speaker_note_voice(x->speaker) && *publisher;
	for (size_t i = 0; i < x->npending; i++) {
		struct forecast *f = &x->pending[i];
		for (size_t k = i + 1; x->from_body[i] && k < x->npending; k++)
			if (*x->pending[k].col[COL_SPEAKER]) {
				forecast_set(f, COL_SPEAKER, x->pending[k].col[COL_SPEAKER]);
				break;
			}
		if (note && !*f->col[COL_SPEAKER])
			forecast_set(f, COL_SPEAKER, publisher);
		if (!rc && x->cb.on_forecast)
			rc = x->cb.on_forecast(f, x->cb.ctx);
		forecast_release(f);
	}
	x->npending = 0;
	return rc;
}

static int on_article(const struct page_article *a, void *ctx)
{
	struct extractor *x = ctx;
	long d;
	char iso[DATE_ISO_LEN];
	int rc;
	if ((rc = flush_pending(x)) != 0)
		return rc;
	if (x->share.claim && a->index > 0 && x->block_bytes >= EXTRACT_SHARE_BLOCK) {
		if ((rc = x->share.on_block_end(x->cb.ctx, x->mine)) != 0)
			return rc;
		x->block++;
		x->block_bytes = 0;
		x->mine = x->share.claim(x->cb.ctx, x->block);
	}
	speaker_article(x->speaker);
	x->st.articles++;
	x->index = a->index;
	x->nrecent = 0;
	buf_reset(&x->title);
	buf_reset(&x->published);
	buf_reset(&x->author);
	buf_adds(&x->title, a->index == 0 && x->o_title ? x->o_title : a->title);
	buf_adds(&x->author, a->index == 0 && x->o_author ? x->o_author : a->author);
	x->has_date = a->has_date;
	bool month = a->has_date && a->precision == PAGE_DATE_MONTH;
	d = a->has_date ? a->date : 0;
	if (a->index == 0 && x->o_published) {
		/* the manifest wins, a day or a month */
		if (date_parse_iso(x->o_published, &d)) {
			x->has_date = true;
			month = false;
		} else if (date_parse_month(x->o_published, &d)) {
			x->has_date = true;
			month = true;
		}
	}
	/* a month-only date stays visible as such; what counts from it
	 * counts from the month's last day (the forecast may be that late) */
	if (x->has_date && month) {
		date_format_month(d, iso);
		x->from = date_month_last(d);
	} else {
		if (x->has_date)
			date_format_iso(d, iso);
		x->from = d;
	}
	if (x->has_date)
		buf_adds(&x->published, iso);
	/* the manifest's url, else the page's (canonical link, og:url, a
	 * feed item's link) */
	buf_reset(&x->page_url);
	buf_adds(&x->page_url, *x->url ? x->url : a->url ? a->url : "");
	if (!x->cb.on_article || !x->mine)
		return 0;
	struct extract_article ea = {a->index, x->title.data, x->published.data, x->author.data,
				     x->page_url.data};
	return x->cb.on_article(&ea, x->cb.ctx);
}

/* The folded, single-spaced text of s[0..len) into out. */
static void folded_collapsed(struct buf *out, struct buf *scratch, const char *s, size_t len)
{
	buf_reset(scratch);
	text_fold(scratch, s, len);
	char *c = ledger_collapse_space(scratch->data);
	buf_reset(out);
	buf_adds(out, c);
	free(c);
}

/* The paragraph, or for a very long one (a page without line breaks) the
 * sentence with about CONTEXT_SIDE bytes each side, cut at spaces, so that
 * each forecast costs the same whatever the paragraph's size. */
static char *context_of(const char *para, size_t para_len, const char *s, size_t len)
{
	if (para_len <= CONTEXT_MAX)
		return xstrndup(para, para_len);
	size_t st = (size_t)(s - para), en = st + len;
	size_t a = st > CONTEXT_SIDE ? st - CONTEXT_SIDE : 0;
	size_t b = para_len - en > CONTEXT_SIDE ? en + CONTEXT_SIDE : para_len;
	while (a > 0 && a < st && para[a - 1] != ' ')
		a++;
	while (b < para_len && b > en && para[b] != ' ')
		b--;
	return xstrndup(para + a, b - a);
}

/*
 * What makes two sentences of one article the same forecast: the claim
 * without its final full stop (or ! ? …), so a headline repeated as the
 * first sentence of the body ("X is unlikely to Y" / "X is unlikely to
 * Y.") is kept once, as it first appeared.
 */
static void repeat_key(const struct extractor *x, const char *claim, char key[17])
{
	size_t n = strlen(claim);
	while (n > 0 && (claim[n - 1] == '.' || claim[n - 1] == '!' || claim[n - 1] == '?'))
		n--;
	if (n >= 3 && memcmp(claim + n - 3, "\xe2\x80\xa6", 3) == 0) /* … */
		n -= 3;
	char *bare = xstrndup(claim, n);
	ledger_make_id(x->title.data, x->published.data, bare, key);
	free(bare);
}

/* The horizon of a sentence that names none: its section heading's
 * ("Outlook for 2024:" over a list of forecasts), when the heading names
 * one.  Sets *phrase to the heading's words for it. */
static void heading_horizon(struct extractor *x, const char *heading, struct horizon_match *hm,
			    struct buf *phrase)
{
	struct horizon_match hh;
	if (!heading || !*heading)
		return;
	horizon_find(&x->cfg->horizons, heading, strlen(heading), x->from, &hh);
	if (!hh.found)
		return;
	*hm = hh;
	buf_add(phrase, heading + hh.start, hh.end - hh.start);
}

static int make_forecast(struct extractor *x, const char *s, size_t len,
			 const struct page_paragraph *p, const struct cue_result *r, bool title)
{
	struct forecast f;
	struct horizon_match hm;
	char id[17], iso[DATE_ISO_LEN], num[32];
	int rc = 0;

	buf_reset(&x->sent);
	buf_add(&x->sent, s, len);
	char *claim = ledger_collapse_space(x->sent.data);
	char key[17];
	ledger_make_id(x->title.data, x->published.data, claim, id);
	repeat_key(x, claim, key);
	for (size_t i = 0; i < x->nrecent && i < RECENT_IDS; i++)
		if (strcmp(x->recent[i], key) == 0) {
			free(claim);
			return 0;
		}
	memcpy(x->recent[x->nrecent++ % RECENT_IDS], key, sizeof key);

	forecast_init(&f);
	forecast_set(&f, COL_ID, id);
	forecast_set(&f, COL_FILE, x->file);
	forecast_set(&f, COL_TITLE, x->title.data);
	forecast_set(&f, COL_PUBLISHED, x->published.data);
	forecast_set(&f, COL_SOURCE, x->source);
	forecast_set(&f, COL_URL, x->page_url.data);
	/* a round-up's expert writes the block under their "Name: role" line */
	forecast_set(&f, COL_AUTHOR, *p->author ? p->author : x->author.data);
	topic_match(&x->cfg->topics, claim, strlen(claim), &x->topic);
	if (!x->topic.len)
		topic_match(&x->cfg->topics, x->title.data, x->title.len, &x->topic);
	forecast_set(&f, COL_TOPIC, x->topic.len ? x->topic.data : "general");
	forecast_set(&f, COL_CLAIM, claim);
	folded_collapsed(&x->text, &x->sent, s + r->start, r->end - r->start);
	forecast_set(&f, COL_CUE, x->text.data);
	if (r->scored) {
		csv_format_double(r->p, num);
		forecast_set(&f, COL_PROBABILITY, num);
	}
	/* undated: only a phrase naming its own date ("by 2020") gives a
	 * horizon; a relative one is kept as the phrase, to count from the
	 * date an editor adds */
	bool has_horizon = true;
	if (x->has_date)
		horizon_find_tokens(&x->cfg->horizons, cue_tokens(x->cue), x->from, &hm);
	else
		has_horizon = horizon_find_undated(&x->cfg->horizons, cue_tokens(x->cue), &hm);
	buf_reset(&x->sent);
	if (hm.found)
		buf_add(&x->sent, s + hm.start, hm.end - hm.start);
	else if (x->has_date)
		heading_horizon(x, p->heading, &hm, &x->sent);
	if (has_horizon) {
		date_format_iso(hm.due, iso);
		forecast_set(&f, COL_HORIZON, iso);
	}
	if (hm.found) {
		char *ph = ledger_collapse_space(x->sent.data);
		forecast_set(&f, COL_HORIZON_PHRASE, ph);
		free(ph);
	}
	forecast_set(&f, COL_STATUS, "candidate");
	if (r->note) { /* a speaker's name may run over a hard-wrapped line */
		char *note = ledger_collapse_space(r->note);
		forecast_set(&f, COL_NOTE, note);
		free(note);
	}
	if (!x->has_date) {
		ledger_note_add(&f, LEDGER_NOTE_NO_DATE);
		x->st.undated++;
	}
	speaker_forecast(x->speaker, s, len, r->speaker_start, r->speaker_end, p->author, &x->text);
	forecast_set(&f, COL_SPEAKER, x->text.data);
	f.context = context_of(p->text, p->len, s, len);
	free(claim);
	x->st.forecasts++;
	if (!r->scored)
		x->st.hedged++;
	if (x->npending == x->cap_pending) {
		x->cap_pending = x->cap_pending ? 2 * x->cap_pending : 16;
		x->pending = xrealloc(x->pending, x->cap_pending * sizeof *x->pending);
		x->from_body = xrealloc(x->from_body, x->cap_pending * sizeof *x->from_body);
	}
	x->from_body[x->npending] =
		title && speaker_headline_attributed(s, len, f.col[COL_SPEAKER]);
	x->pending[x->npending++] = f; /* handed on at the article's end */
	if (x->npending >= PENDING_MAX)
		rc = flush_pending(x);
	return rc;
}

/* A paragraph that is one short sentence without a final stop is a
 * headline wherever it stands (a digest's item headlines, a standfirst),
 * so headline grammar applies to it. */
static bool headline_shaped(const char *text, size_t len, size_t st, size_t en)
{
	enum {
		MAX_HEADLINE_WORDS = 16
	};
	size_t a = 0, b = len, words = 0;
	text_trim(text, &a, &b);
	if (st != a || en != b || en == st)
		return false;
	char last = text[en - 1];
	if (last == '.' || last == '!' || last == '?' || last == ';' || last == ':' ||
	    (en - st >= 3 && memcmp(text + en - 3, "\xe2\x80\xa6", 3) == 0))
		return false;
	for (size_t i = st; i < en; i++)
		if (text[i] == ' ' && (i + 1 == en || text[i + 1] != ' '))
			words++;
	return words + 1 <= MAX_HEADLINE_WORDS;
}

static int on_paragraph(const struct page_article *a, const struct page_paragraph *p, void *ctx)
{
	struct extractor *x = ctx;
	const char *text = p->text;
	size_t len = p->len;
	struct sentence_iter it;
	size_t st, en, scanned = 0;
	bool quote = false; /* quotation state at `scanned` */
	int rc;
	(void)a;
	x->block_bytes += len;
	if (!x->mine)
		return 0;
	x->st.paragraphs++;
	speaker_paragraph(x->speaker);
	sentence_iter_init(&it, text, len);
	while (sentence_next(&it, &st, &en)) {
		const char *s = text + st;
		size_t n = en - st;
		x->st.sentences++;
		if (x->cb.on_sentence && (rc = x->cb.on_sentence(x->index, s, n, x->cb.ctx)) != 0)
			return rc;
		bool title = p->kind == PAGE_PARA_TITLE || headline_shaped(text, len, st, en);
		unsigned scan = cue_scan(x->cue, s, n);
		bool speech = scan & CUE_SCAN_SPEECH, voice = scan & CUE_SCAN_VOICE;
		if (!title && !(scan & CUE_SCAN_CUE)) {
			speaker_sentence(x->speaker, s, n, false, speech, voice);
			continue;
		}
		x->st.candidates++;
		/* the quotation state is brought up to date only when a
		 * candidate needs it: most sentences never pay for it */
		quote = cue_quote_scan(text + scanned, st - scanned, quote);
		scanned = st;
		struct cue_result r;
		struct cue_input in = {quote, title, x->from};
		cue_detect(x->cue, s, n, &in, &r);
		if (cue_kept(r.cls) && (rc = make_forecast(x, s, n, p, &r, title)) != 0)
			return rc;
		speaker_sentence(x->speaker, s, n, quote, r.speech, r.voice);
	}
	return 0;
}

struct extractor *extractor_new(const struct extract_config *cfg, const char *file,
				const struct extract_meta *meta, const struct extract_callbacks *cb)
{
	struct extractor *x = xcalloc(1, sizeof *x);
	struct page_callbacks pc = {on_article, on_paragraph, x};
	x->cfg = cfg;
	if (cb)
		x->cb = *cb;
	x->page = page_reader_new(&pc, 0);
	if (meta)
		page_reader_set_format(x->page, meta->format);
	x->cue = cue_matcher_new(&cfg->lexicon, &cfg->horizons, &cfg->vocab);
	x->speaker = speaker_new();
	x->file = xstrdup(path_base(file));
	x->url = xstrdup(meta && meta->url ? meta->url : "");
	x->source = xstrdup(meta && meta->source ? meta->source : "");
	if (meta) {
		x->o_title = dup_or_null(meta->title);
		x->o_published = dup_or_null(meta->published);
		x->o_author = dup_or_null(meta->author);
		if (meta->share)
			x->share = *meta->share;
	}
	x->mine = !x->share.claim || x->share.claim(x->cb.ctx, 0);
	buf_init(&x->title);
	buf_init(&x->published);
	buf_init(&x->author);
	buf_init(&x->page_url);
	buf_init(&x->sent);
	buf_init(&x->text);
	buf_init(&x->topic);
	buf_init(&x->feed);
	buf_init(&x->head);
	return x;
}

void extractor_free(struct extractor *x)
{
	if (!x)
		return;
	buf_release(&x->feed);
	buf_release(&x->head);
	buf_release(&x->topic);
	buf_release(&x->text);
	buf_release(&x->sent);
	buf_release(&x->author);
	buf_release(&x->page_url);
	buf_release(&x->published);
	buf_release(&x->title);
	free(x->o_author);
	free(x->o_published);
	free(x->o_title);
	free(x->source);
	free(x->url);
	free(x->file);
	for (size_t i = 0; i < x->npending; i++)
		forecast_release(&x->pending[i]);
	free(x->pending);
	free(x->from_body);
	speaker_free(x->speaker);
	cue_matcher_free(x->cue);
	page_reader_free(x->page);
	free(x);
}

/* A byte the text source must look at: a control character (tab and
 * LF pass as they are) or a CR. */
static bool special(unsigned char c)
{
	return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
}

/* The first index from i on whose byte is special, or len.  Every byte
 * of every page passes here: eight at a time while none of them is below
 * 0x20 or is 0x7F (the zero-byte test of Hacker's Delight, 6-1, on bytes
 * below 0x20, and text_word_has for 0x7F). */
static size_t next_special(const unsigned char *p, size_t len, size_t i)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t high = ones << 7;
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		/* a byte below 0x20 (only ASCII bytes count: UTF-8's
		 * continuation and lead bytes have the high bit set) */
		uint64_t below = (w - ones * 0x20) & ~w & high;
		if (below || text_word_has(w, 0x7F))
			break;
		i += 8;
	}
	while (i < len && !special(p[i]))
		i++;
	return i;
}

/*
 * The text source.  Before the page reader sees them, bytes are held to
 * the textfield rule (textfield.h): a NUL or other control character
 * stops the page (it is binary, or its text would reach the ledger and be
 * refused on import); form feed and vertical tab are white space and
 * become spaces; a CR not followed by LF (old Mac line ends) becomes LF,
 * so a CR-only page has lines.  Every replacement keeps the length, so
 * offsets in messages are the file's.  A CR at the end of one chunk waits
 * for the next, so a page fed in pieces reads as one fed whole.
 */
static int feed_text(struct extractor *x, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i = 0;
	if (x->bad_control)
		return LIKELY_DATAERR;
	if (x->raw)
		return page_feed(x->page, data, len);
	i = next_special(p, len, 0);
	if (i == len && !x->cr_pending) {
		x->fed += len;
		return page_feed(x->page, data, len);
	}
	buf_reset(&x->feed);
	for (i = 0; i < len; i++) {
		unsigned char c = p[i];
		if (x->cr_pending) {
			buf_addc(&x->feed, c == '\n' ? '\r' : '\n');
			x->cr_pending = false;
		}
		if (!special(c)) {
			/* copy the run up to the next byte to look at at once:
			 * CRLF pages come this way */
			size_t end = next_special(p, len, i + 1);
			buf_add(&x->feed, (const char *)p + i, end - i);
			i = end - 1;
		} else if (c == '\r') {
			x->cr_pending = true;
		} else if (c == '\f' || c == '\v') {
			buf_addc(&x->feed, ' ');
		} else {
			/* the bytes before it first: an error there comes first,
			 * whatever the pieces the page arrives in */
			int rc = page_feed(x->page, x->feed.data, x->feed.len);
			if (rc)
				return rc;
			x->bad_control = true;
			x->bad_offset = x->fed + i;
			if (c == 0)
				snprintf(x->bad_msg, sizeof x->bad_msg, "a NUL byte at byte %llu",
					 x->bad_offset);
			else
				snprintf(x->bad_msg, sizeof x->bad_msg,
					 "a control character (0x%02X) at byte %llu", c,
					 x->bad_offset);
			return LIKELY_DATAERR;
		}
	}
	x->fed += len;
	/* the held CR is counted: page offsets lag by at most that byte */
	return page_feed(x->page, x->feed.data, x->feed.len);
}

/*
 * The page's first HEAD_BYTES are held until they are all there (or the
 * page ends): the speaker module reads its masthead and publisher from
 * them, and a UTF-16 page is known by its first two bytes, so what is
 * found must not depend on how the page arrives in pieces.  Memory stays
 * bounded by HEAD_BYTES.
 */
static int release_head(struct extractor *x)
{
	const unsigned char *p = (const unsigned char *)x->head.data;
	x->head_done = true;
	speaker_page_head(x->speaker, x->head.data, x->head.len);
	/* a UTF-16 page (by its BOM) is the page reader's to decode: its
	 * NUL bytes are text */
	x->raw = x->head.len >= 2 &&
		 ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF));
	int rc = x->head.len ? feed_text(x, x->head.data, x->head.len) : 0;
	buf_release(&x->head);
	buf_init(&x->head);
	return rc;
}

int extractor_feed(struct extractor *x, const void *data, size_t len)
{
	x->st.bytes += len;
	if (x->head_done)
		return feed_text(x, data, len);
	size_t take = HEAD_BYTES - x->head.len < len ? HEAD_BYTES - x->head.len : len;
	buf_add(&x->head, data, take);
	if (x->head.len < HEAD_BYTES)
		return 0;
	int rc = release_head(x);
	if (rc || take == len)
		return rc;
	return feed_text(x, (const char *)data + take, len - take);
}

int extractor_finish(struct extractor *x)
{
	if (!x->head_done) {
		int rc = release_head(x);
		if (rc)
			return rc;
	}
	if (x->bad_control)
		return LIKELY_DATAERR;
	if (x->cr_pending) {
		x->cr_pending = false;
		int rc = page_feed(x->page, "\n", 1);
		if (rc)
			return rc;
	}
	int rc = page_finish(x->page);
	if (!rc)
		rc = flush_pending(x);
	if (!rc && x->share.claim)
		rc = x->share.on_block_end(x->cb.ctx, x->mine);
	return rc;
}

unsigned long long extractor_error_offset(const struct extractor *x)
{
	return x->bad_control ? x->bad_offset : page_error_offset(x->page);
}

const char *extractor_error(const struct extractor *x)
{
	return x->bad_control ? x->bad_msg : page_error(x->page);
}

/* A warning about a page read anyway (page_warning), or NULL. */
static const char *extractor_warning(const struct extractor *x)
{
	return page_warning(x->page);
}

void extract_report_end(struct diag *d, const char *name, int rc, const char *error,
			const char *warning)
{
	/* a page the callbacks refused was reported by them */
	if (rc == LIKELY_DATAERR && error && *error)
		diag_report(d, LIKELY_DATAERR, name, 0, "%s", error);
	else if (rc == LIKELY_OK && warning)
		diag_note(d, "%s: warning: %s", name, warning);
}

int extract_stream(const struct extract_config *cfg, FILE *fp, const char *name,
		   const struct extract_meta *meta, const struct extract_callbacks *cb,
		   struct diag *d, struct extract_stats *stats)
{
	enum {
		CHUNK = 64 * 1024
	};
	struct extractor *x = extractor_new(cfg, name, meta, cb);
	char *chunk = xmalloc(CHUNK);
	size_t n;
	int rc = LIKELY_OK;
	while ((n = fread(chunk, 1, CHUNK, fp)) > 0)
		if ((rc = extractor_feed(x, chunk, n)) != LIKELY_OK)
			break;
	if (rc == LIKELY_OK && ferror(fp)) {
		rc = diag_report(d, LIKELY_IOERR, name, 0, "read error: %s", strerror(errno));
		goto out;
	}
	if (rc == LIKELY_OK)
		rc = extractor_finish(x);
	extract_report_end(d, name, rc, extractor_error(x), extractor_warning(x));
out:
	if (stats)
		*stats = x->st;
	free(chunk);
	extractor_free(x);
	return rc;
}

int extract_path(const struct extract_config *cfg, const char *path,
		 const struct extract_meta *meta, const struct extract_callbacks *cb,
		 struct diag *d, struct extract_stats *stats)
{
	if (strcmp(path, "-") == 0)
		return extract_stream(cfg, stdin, "-", meta, cb, d, stats);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return diag_report(d, LIKELY_NOINPUT, path, 0, "cannot open: %s", strerror(errno));
	int rc = extract_stream(cfg, fp, path, meta, cb, d, stats);
	fclose(fp);
	return rc;
}
