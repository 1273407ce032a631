/*
 * pageline: line classification for the page reader.  The order of the
 * tests matters and is the one place it is decided (page_line_classify):
 * credits first (a credit may hold a date), then dates, markers, bylines,
 * round-up heads, boilerplate, and last the shape of the line (heading,
 * label, text).  Long lines (over 400 bytes) are body text without
 * further tests, so most of a page's bytes are looked at once.
 */
#include "likely/page/pageline.h"

#include <string.h>

#include "likely/text/pagevocab.h"
#include "likely/text/text.h"

size_t page_count_words(const char *s, size_t len)
{
	size_t n = 0, i = 0, k;
	bool in = false;
	while (i < len) {
		if ((k = text_space_len(s + i, len - i))) {
			in = false;
			i += k;
			continue;
		}
		if (!in)
			n++;
		in = true;
		i++;
	}
	return n;
}

bool page_ends_sentence(const char *s, size_t len)
{
	while (len) {
		unsigned char c = (unsigned char)s[len - 1];
		if (c == '"' || c == '\'' || c == ')') {
			len--;
			continue;
		}
		if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 &&
		    (unsigned char)s[len - 2] == 0x80) {
			if (c == 0x9D || c == 0x99) { /* ” ’ */
				len -= 3;
				continue;
			}
			return c == 0xA6; /* … */
		}
		if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && c == 0xBB) {
			len -= 2;
			continue;
		}
		return c == '.' || c == '!' || c == '?';
	}
	return false;
}

/* Separators between the parts of a metadata or navigation line. */
static const char *const separators[] = {" | ", " / ", " \xc2\xb7 " /* · */,
					 " \xe2\x80\xa2 " /* • */, NULL};
/* Breadcrumb arrows, counted only in navigation. */
static const char *const nav_arrows[] = {" > ", " \xc2\xbb " /* » */, " \xe2\x80\xba " /* › */,
					 NULL};

static size_t sep_at(const char *s, size_t len, size_t i, const char *const *list)
{
	for (size_t k = 0; list[k]; k++) {
		size_t n = strlen(list[k]);
		if (i + n <= len && memcmp(s + i, list[k], n) == 0)
			return n;
	}
	return 0;
}

size_t page_next_separator(const char *s, size_t len, size_t i, size_t *seplen)
{
	for (; i + 2 < len; i++) {
		if (s[i] != ' ')
			continue;
		if ((*seplen = sep_at(s, len, i, separators)) != 0)
			return i;
	}
	*seplen = 0;
	return len;
}

/* "Home | World | Politics", "News > Europe", "Home / Analytics / X":
 * two or more separators in a short line that does not end a sentence. */
static bool is_navigation(const char *s, size_t len)
{
	size_t seps = 0;
	if (len > 200 || s[len - 1] == '.')
		return false;
	for (size_t i = 0; i + 2 < len; i++)
		if (s[i] == ' ' && (sep_at(s, len, i, separators) || sep_at(s, len, i, nav_arrows)))
			seps++;
	return seps >= 2;
}

bool page_menu_like(const char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == ' ' && (s[i + 1] == ' ' || sep_at(s, len, i, separators) ||
				    sep_at(s, len, i, nav_arrows)))
			return true;
	return false;
}

size_t page_list_marker(const char *s, size_t len)
{
	static const char *const bullets[] = {"-",
					      "*",
					      "\xe2\x80\x93" /* – */,
					      "\xe2\x80\x94" /* — */,
					      "\xe2\x80\xa2" /* • */,
					      "\xc2\xb7" /* · */,
					      "\xe2\x97\x8f" /* ● */,
					      "\xe2\x96\xaa" /* ▪ */,
					      NULL};
	size_t n = 0;
	for (size_t k = 0; bullets[k] && !n; k++) {
		size_t b = strlen(bullets[k]);
		if (len > b && memcmp(s, bullets[k], b) == 0)
			n = b;
	}
	if (!n) { /* "1." "12)" "a)" */
		while (n < len && n < 2 && s[n] >= '0' && s[n] <= '9')
			n++;
		if (n == 0 && len > 1 && s[0] >= 'a' && s[0] <= 'h' && s[1] == ')')
			n = 1;
		if (n == 0 || n >= len || !(s[n] == '.' || s[n] == ')'))
			return 0;
		n++;
	}
	if (n >= len || s[n] != ' ')
		return 0;
	while (n < len && s[n] == ' ')
		n++;
	return n < len ? n : 0;
}

/* Particles and "and" between the words of names ("de", "van", "and"):
 * matched as printed, since "De" or "Van" opening a name is a name. */
static bool is_joiner(const char *s, size_t len)
{
	for (size_t k = 0; vocab_name_joiners[k].word; k++)
		if (strlen(vocab_name_joiners[k].word) == len &&
		    memcmp(s, vocab_name_joiners[k].word, len) == 0)
			return true;
	return false;
}

/* A capitalised word of a name: "Anna", "Vuković-Hale", "O'Neill",
 * "Тамара". */
static bool name_word(const char *s, size_t len, bool caps)
{
	size_t n, i;
	if (text_char_case(s, len, &n) != TEXT_UPPER)
		return false;
	bool lower = false;
	for (i = n; i < len; i += n) {
		if (s[i] == '-' || s[i] == '\'' || s[i] == '.') {
			n = 1;
			continue;
		}
		if (len - i >= 3 && memcmp(s + i, "\xe2\x80\x99", 3) == 0) {
			n = 3;
			continue;
		}
		enum text_case c = text_char_case(s + i, len - i, &n);
		size_t k;
		/* letters of other scripts and accents ("ć") count as small */
		if (c == TEXT_LOWER ||
		    ((unsigned char)s[i] >= 0x80 && text_is_wordchar(s + i, len - i, &k)))
			lower = true;
		else if (c != TEXT_UPPER)
			return false;
	}
	/* "Anna", an initial "J.", or after a byline label "HOLM" */
	return lower || len - n <= 1 || caps;
}

/* s[0..len) is a person's name of two to four words (or, with
 * allow_one, one word: "By Reuters"). */
static bool is_name(const char *s, size_t len, bool allow_one)
{
	size_t words = 0, i = 0, k;
	int v;
	/* "Home  About  Contact": menus are spaced out, names are not */
	for (size_t j = 0; j + 1 < len; j++)
		if (s[j] == ' ' && s[j + 1] == ' ')
			return false;
	while (i < len) {
		if ((k = text_space_len(s + i, len - i))) {
			i += k;
			continue;
		}
		size_t w = i;
		while (i < len && !text_space_len(s + i, len - i))
			i++;
		size_t wl = i - w;
		if (wl > 1 && s[w + wl - 1] == ',') /* "Anna Nowak, Jan Kowalski" */
			wl--;
		if (is_joiner(s + w, wl))
			continue;
		/* a labelled byline may be in capitals ("BY PETER HOLM") */
		if (!name_word(s + w, wl, allow_one))
			return false;
		/* "By March": one word that is a month or weekday is no name */
		if (words == 0 && i == len &&
		    (vocab_prefix(vocab_months, s + w, i - w, &v) == i - w ||
		     vocab_prefix(vocab_weekdays, s + w, i - w, &v) == i - w))
			return false;
		words++;
	}
	return words <= (allow_one ? 6u : 4u) && (words >= 2 || (allow_one && words == 1));
}

/* Capitalised words only ("Black Sea Wire", "Senior Economist"), or a
 * role in lower case, at most five words: what follows a name's comma. */
static bool is_affiliation(const char *s, size_t len)
{
	return len > 0 && len <= 80 && page_count_words(s, len) <= 6 &&
	       !page_ends_sentence(s, len) && !memchr(s, ':', len);
}

/* Whether some word of s is an entry of t. */
static bool has_word(const struct vocab_entry *t, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((i == 0 || s[i - 1] == ' ') && vocab_prefix(t, s + i, len - i, NULL))
			return true;
	return false;
}

/* The name of "Name Surname, Affiliation" in [*ns, *ne): the part
 * before the first comma when the rest is an affiliation. */
static bool name_then_affiliation(const char *s, size_t len, size_t *ns, size_t *ne, bool allow_one)
{
	size_t a = 0, b = len;
	const char *comma = memchr(s, ',', len);
	if (comma) {
		size_t c = (size_t)(comma - s), r = c + 1, e = len;
		text_trim(s, &r, &e);
		if (!is_affiliation(s + r, e - r))
			return false;
		/* "By Anna Nowak, Jan Kowalski": two authors */
		if (!(is_name(s + r, e - r, false) && !has_word(vocab_affiliation, s + r, e - r) &&
		      !has_word(vocab_outlet, s + r, e - r)))
			b = c;
	}
	text_trim(s, &a, &b);
	if (a == b || !is_name(s + a, b - a, allow_one))
		return false;
	*ns = a;
	*ne = b;
	return true;
}

/* "By Name Surname", "by" alone, "Author: Name, Role", "By:". */
static bool is_byline(const char *s, size_t len, size_t *ns, size_t *ne)
{
	size_t n = vocab_prefix(vocab_byline_labels, s, len, NULL);
	if (!n)
		return false;
	size_t a = n, b = len;
	if (a < len && s[a] == ':')
		a++;
	text_trim(s, &a, &b);
	while (b > a && (s[b - 1] == ',' || s[b - 1] == ';'))
		b--;
	if (a == b) { /* an empty "By:" names nobody */
		*ns = *ne = len;
		return true;
	}
	if (b - a > 120 || page_ends_sentence(s + a, b - a))
		return false;
	if (!name_then_affiliation(s + a, b - a, ns, ne, true) ||
	    has_word(vocab_outlet, s + a + *ns, *ne - *ns)) /* "BY THE NUMBERS" */
		return false;
	*ns += a;
	*ne += a;
	return true;
}

/* "Olga Petrenko: senior fellow, Some Institute": a round-up's expert. */
static bool is_expert(const char *s, size_t len, size_t *ns, size_t *ne)
{
	const char *colon = memchr(s, ':', len);
	if (!colon || len > 160 || page_ends_sentence(s, len))
		return false;
	size_t c = (size_t)(colon - s), a = 0, b = c, r = c + 1, e = len;
	text_trim(s, &a, &b);
	text_trim(s, &r, &e);
	/* "Russia: the long game" is a sub-heading; an expert's line
	 * names a role or an institution */
	if (r == e || !is_name(s + a, b - a, false) || !has_word(vocab_affiliation, s + r, e - r))
		return false;
	*ns = a;
	*ne = b;
	return true;
}

/* "Leave a Reply", "Comments", "12 comments", "3 responses to ...". */
static bool is_comments(const char *s, size_t len)
{
	size_t i = 0;
	if (len > 120)
		return false;
	size_t n = len;
	/* "Comments (12)" */
	if (n > 2 && s[n - 1] == ')') {
		size_t k = n - 1;
		while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9')
			k--;
		if (k > 1 && k < n - 1 && s[k - 1] == '(') {
			n = k - 1;
			while (n > 0 && s[n - 1] == ' ')
				n--;
		}
	}
	if (vocab_whole(vocab_comments, s, n))
		return true;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0 || i + 1 >= len || s[i] != ' ')
		return false;
	return vocab_prefix(vocab_count_nouns, s + i + 1, len - i - 1, NULL) != 0;
}

/* "name@example.com | +44 20 0000 0000": every word an e-mail address,
 * a phone number's digits and signs, or a separator. */
static bool is_contact(const char *s, size_t len)
{
	bool mail = false;
	if (len > 120 || !memchr(s, '@', len))
		return false;
	for (size_t i = 0; i < len;) {
		size_t w = i;
		bool at = false, other = false;
		while (i < len && s[i] != ' ') {
			char c = s[i++];
			at |= c == '@';
			other |= !((c >= '0' && c <= '9') || strchr("+()-.|/", c));
		}
		if (i > w && other && !at)
			return false;
		mail |= at;
		while (i < len && s[i] == ' ')
			i++;
	}
	return mail;
}

static bool is_boiler(const char *s, size_t len)
{
	if (is_navigation(s, len) || is_contact(s, len))
		return true;
	if (len >= 4 && (memcmp(s, "http", 4) == 0 || memcmp(s, "www.", 4) == 0))
		return page_count_words(s, len) == 1;
	return len < 300 && (vocab_prefix(vocab_boiler, s, len, NULL) ||
			     vocab_contains(vocab_boiler_inside, s, len));
}

static bool is_status(const char *s, size_t len)
{
	if (len < 100 && vocab_contains(vocab_status_inside, s, len))
		return true;
	return vocab_prefix(vocab_status, s, len, NULL) && page_count_words(s, len) <= 8 &&
	       s[len - 1] != '.';
}

void page_line_classify(const char *s, size_t len, struct page_line *l)
{
	memset(l, 0, sizeof *l);
	l->kind = PAGE_LINE_TEXT;
	/* the pieces of a metadata line split at its separators may be
	 * empty ("Jane Okafor |  | 3 March 2021"): nothing to classify */
	if (len == 0)
		return;
	if (vocab_prefix(vocab_credits, s, len, NULL)) {
		l->kind = PAGE_LINE_CREDIT;
		return;
	}
	if (len > 400)
		return;
	switch (pagedate_read(s, len, &l->date)) {
	case PAGEDATE_DATE:
		l->kind = PAGE_LINE_DATE;
		return;
	case PAGEDATE_UNDATED:
		l->kind = PAGE_LINE_UNDATED;
		return;
	case PAGEDATE_NONE:
		break;
	}
	if (vocab_whole(vocab_related, s, len)) {
		l->kind = PAGE_LINE_MARKER;
		return;
	}
	if (is_comments(s, len)) {
		l->kind = PAGE_LINE_COMMENTS;
		return;
	}
	if (is_byline(s, len, &l->name_start, &l->name_end)) {
		l->kind = PAGE_LINE_BYLINE;
		return;
	}
	if (len <= 200 && vocab_contains(vocab_newsletter, s, len)) {
		/* "News   Opinion   Subscribe" is a menu, not a widget */
		l->kind = page_menu_like(s, len) ? PAGE_LINE_BOILER : PAGE_LINE_NEWSLETTER;
		return;
	}
	if (is_boiler(s, len)) {
		l->kind = PAGE_LINE_BOILER;
		return;
	}
	if (is_status(s, len)) {
		l->kind = PAGE_LINE_STATUS;
		return;
	}
	if (is_expert(s, len, &l->name_start, &l->name_end)) {
		l->kind = PAGE_LINE_EXPERT;
		return;
	}
	/* the word count matters only for lines that do not end a
	 * sentence, so most lines never pay for it */
	if (s[len - 1] == ':' && page_count_words(s, len) <= 6) {
		l->kind = PAGE_LINE_LABEL;
		return;
	}
	/* a list item is text, whatever its shape */
	if (len <= PAGELINE_HEADING_MAX && !page_ends_sentence(s, len) &&
	    !strchr(",;:", s[len - 1]) && !page_list_marker(s, len)) {
		size_t n;
		if (name_then_affiliation(s, len, &l->name_start, &l->name_end, false) &&
		    page_count_words(s, len) <= 8) {
			l->kind = PAGE_LINE_NAME;
			return;
		}
		if (text_char_case(s, len, &n) != TEXT_LOWER) {
			l->kind = page_count_words(s, len) > PAGELINE_SHORT_WORDS
					  ? PAGE_LINE_HEADING
					  : PAGE_LINE_LABEL;
			if (pagedate_title_tail(s, len, &l->date, &l->title_len) &&
			    l->kind == PAGE_LINE_LABEL)
				l->kind = PAGE_LINE_HEADING;
			return;
		}
	}
	if (len <= PAGELINE_HEADING_MAX && (s[len - 1] == '?' || s[len - 1] == '!') &&
	    page_count_words(s, len) <= PAGELINE_SHORT_WORDS)
		l->kind = PAGE_LINE_LABEL;
}

enum page_line_kind page_classify(const char *s, size_t len, long *date, size_t *name_start,
				  size_t *name_end)
{
	struct page_line l;
	size_t a = 0, b = len;
	text_trim(s, &a, &b);
	if (a == b)
		return PAGE_LINE_BLANK;
	page_line_classify(s + a, b - a, &l);
	if (l.kind == PAGE_LINE_DATE && date)
		*date = pagedate_days(&l.date);
	if (name_start)
		*name_start = a + l.name_start;
	if (name_end)
		*name_end = a + l.name_end;
	return l.kind;
}
