/*
 * text: character classes and the word tokenizer.  Only the scripts the
 * corpus needs have case (ASCII, Latin-1 letters, Russian and Belarusian
 * Cyrillic); other scripts are "other", which the sentence splitter treats
 * as a safe place to break and the matchers as word characters.
 */
#include "likely/text/text.h"

#include <stdlib.h>
#include <string.h>

#include "likely/base/fnv.h"

enum text_case text_char_case(const char *s, size_t len, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char c = u[0];
	*n = 1;
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			return TEXT_UPPER;
		if (c >= 'a' && c <= 'z')
			return TEXT_LOWER;
		if (c >= '0' && c <= '9')
			return TEXT_DIGIT;
		return TEXT_OTHER;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		if (len < 2)
			return TEXT_OTHER;
		*n = 2;
		unsigned char d = u[1];
		if (c == 0xD0)
			return d < 0xB0 ? TEXT_UPPER : TEXT_LOWER;
		if (c == 0xD1)
			return TEXT_LOWER;
		if (c == 0xC3) {
			if (d == 0x97 || d == 0xB7)
				return TEXT_OTHER;
			return d < 0x9F ? TEXT_UPPER : TEXT_LOWER;
		}
		return TEXT_OTHER;
	}
	if (c >= 0xE0 && c <= 0xEF)
		*n = len >= 3 ? 3 : len;
	else if (c >= 0xF0 && c <= 0xF4)
		*n = len >= 4 ? 4 : len;
	return TEXT_OTHER;
}

bool text_is_wordchar(const char *s, size_t len, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char c = u[0];
	*n = 1;
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	if (c >= 0xC2 && c <= 0xDF) {
		*n = len >= 2 ? 2 : 1;
		/* U+0080..U+00BF is Latin-1 punctuation and symbols */
		return c != 0xC2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		*n = len >= 3 ? 3 : len;
		/* U+2000..U+2BFF: punctuation, symbols, arrows; U+3000..U+303F:
		 * CJK punctuation */
		if (c == 0xE2)
			return false;
		if (c == 0xE3 && len >= 2 && u[1] == 0x80)
			return false;
		return true;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		*n = len >= 4 ? 4 : len;
		return true;
	}
	return false; /* continuation byte: never a lead */
}

void text_fold(struct buf *out, const char *s, size_t len)
{
	/* the folded text is never longer than s: s is copied in once and
	 * folded in place, each write landing at or before the bytes just
	 * read (one buf_add per call instead of one per run or byte) */
	size_t at = out->len, i = 0, j = 0;
	buf_add(out, s, len);
	unsigned char *u = (unsigned char *)out->data + at;
	while (i < len) {
		unsigned char c = u[i];
		if (c < 0x80) {
			u[j++] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		if (i + 1 < len && (c == 0xD0 || c == 0xC3)) {
			unsigned char d = u[i + 1];
			unsigned char two[2] = {c, d};
			if (c == 0xD0 && d >= 0x90 && d <= 0x9F)
				two[1] = (unsigned char)(d + 0x20);
			else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) {
				two[0] = 0xD1;
				two[1] = (unsigned char)(d - 0x20);
			} else if (c == 0xD0 && d >= 0x80 && d <= 0x8F) {
				two[0] = 0xD1;
				two[1] = (unsigned char)(d + 0x10);
			} else if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97)
				two[1] = (unsigned char)(d + 0x20);
			u[j++] = two[0];
			u[j++] = two[1];
			i += 2;
			continue;
		}
		if (i + 2 < len && c == 0xE2 && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0x99 || u[i + 2] == 0x98)) {
			u[j++] = '\'';
			i += 3;
			continue;
		}
		u[j++] = c;
		i++;
	}
	out->len = at + j;
	out->data[out->len] = '\0';
}

void text_trim(const char *s, size_t *start, size_t *end)
{
	size_t k;
	while (*start < *end && (k = text_space_len(s + *start, *end - *start)))
		*start += k;
	while (*end > *start) {
		/* spaces are 1, 2 or 3 bytes long: try each ending */
		if ((k = text_space_len(s + *end - 1, 1)) == 1) {
			*end -= 1;
			continue;
		}
		if (*end - *start >= 2 && text_space_len(s + *end - 2, 2) == 2) {
			*end -= 2;
			continue;
		}
		if (*end - *start >= 3 && text_space_len(s + *end - 3, 3) == 3) {
			*end -= 3;
			continue;
		}
		break;
	}
}

void text_tokens_init(struct text_tokens *t)
{
	t->tok = NULL;
	t->n = t->cap = 0;
	buf_init(&t->norm);
}

void text_tokens_release(struct text_tokens *t)
{
	free(t->tok);
	buf_release(&t->norm);
	t->tok = NULL;
	t->n = t->cap = 0;
}

/* Ends a token whose folded text, of hash text_hash, is already the last
 * norm_len bytes of t->norm, starting at offset at. */
static void push_hashed(struct text_tokens *t, enum text_token_kind kind, size_t start, size_t end,
			size_t at, size_t norm_len, bool upper, unsigned hash)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->tok = xrealloc(t->tok, t->cap * sizeof *t->tok);
	}
	struct text_token *k = &t->tok[t->n++];
	k->kind = kind;
	k->start = start;
	k->end = end;
	k->norm = at;
	k->norm_len = norm_len;
	k->upper_initial = upper;
	k->hash = hash;
	buf_addc(&t->norm, '\0');
}

static void push_folded(struct text_tokens *t, enum text_token_kind kind, size_t start, size_t end,
			size_t at, size_t norm_len, bool upper)
{
	push_hashed(t, kind, start, end, at, norm_len, upper,
		    text_hash(t->norm.data + at, norm_len));
}

static void push(struct text_tokens *t, enum text_token_kind kind, size_t start, size_t end,
		 const char *norm, size_t norm_len, bool upper)
{
	size_t at = t->norm.len;
	buf_add(&t->norm, norm, norm_len);
	push_folded(t, kind, start, end, at, norm_len, upper);
}

/* Apostrophe (straight or curly) at s: its length, else 0. */
static size_t apostrophe_len(const char *s, size_t len)
{
	if (len >= 1 && s[0] == '\'')
		return 1;
	if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0x99)
		return 3;
	return 0;
}

/* Does push_word split the folded word w[0..n) in two? */
static bool is_contraction(const char *w, size_t n)
{
	return (n == 6 && memcmp(w, "cannot", 6) == 0) ||
	       (n > 3 && memcmp(w + n - 3, "n't", 3) == 0) ||
	       (n > 3 && memcmp(w + n - 3, "'ll", 3) == 0);
}

static void push_word(struct text_tokens *t, const char *s, size_t start, size_t end)
{
	size_t n;
	bool upper = text_char_case(s + start, end - start, &n) == TEXT_UPPER;
	size_t at = t->norm.len;
	text_fold(&t->norm, s + start, end - start);
	size_t flen = t->norm.len - at;
	/* most words are no contraction: they stay where they were folded */
	if (!is_contraction(t->norm.data + at, flen)) {
		push_folded(t, TOK_WORD, start, end, at, flen, upper);
		return;
	}
	/* copy a contraction out, for its halves replace it: it is short */
	char word[64];
	if (flen >= sizeof word) {
		char *big = xstrndup(t->norm.data + at, flen);
		t->norm.len = at;
		t->norm.data[at] = '\0';
		push(t, TOK_WORD, start, end, big, flen, upper);
		free(big);
		return;
	}
	memcpy(word, t->norm.data + at, flen);
	word[flen] = '\0';
	t->norm.len = at;
	t->norm.data[at] = '\0';
	if (flen == 6 && memcmp(word, "cannot", 6) == 0) {
		push(t, TOK_WORD, start, end, "can", 3, upper);
		push(t, TOK_WORD, start, end, "not", 3, false);
		return;
	}
	if (flen > 3 && memcmp(word + flen - 3, "n't", 3) == 0) {
		const char *base = word;
		size_t blen = flen - 3;
		if (blen == 2 && memcmp(word, "wo", 2) == 0)
			base = "will";
		else if (blen == 2 && memcmp(word, "ca", 2) == 0)
			base = "can";
		else if (blen == 3 && memcmp(word, "sha", 3) == 0)
			base = "shall";
		if (base != word)
			blen = strlen(base);
		push(t, TOK_WORD, start, end, base, blen, upper);
		push(t, TOK_WORD, start, end, "not", 3, false);
		return;
	}
	/* what is left is "'ll" */
	push(t, TOK_WORD, start, end, word, flen - 3, upper);
	push(t, TOK_WORD, start, end, "will", 4, false);
}

/* text_is_wordchar, with ASCII (most bytes) settled without a call. */
static inline bool wordchar_at(const char *s, size_t len, size_t *n)
{
	unsigned char c = (unsigned char)s[0];
	if (c >= 0x80)
		return text_is_wordchar(s, len, n);
	*n = 1;
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/*
 * Most words of a candidate sentence are ASCII letters and digits ended
 * by a space or a stop: the word s[start..end) of those is folded and
 * hashed in one pass, as push_word would fold and text_hash hash it.
 * False (nothing pushed) for "cannot", which push_word splits.
 */
static bool push_ascii_word(struct text_tokens *t, const char *s, size_t start, size_t end)
{
	size_t at = t->norm.len, n = end - start;
	buf_add(&t->norm, s + start, n);
	char *w = t->norm.data + at;
	uint64_t h = FNV1A_START;
	for (size_t k = 0; k < n; k++) {
		if (w[k] >= 'A' && w[k] <= 'Z')
			w[k] = (char)(w[k] + 32);
		h = fnv1a_byte(h, (unsigned char)w[k]);
	}
	if (is_contraction(w, n)) {
		t->norm.len = at;
		t->norm.data[at] = '\0';
		return false;
	}
	push_hashed(t, TOK_WORD, start, end, at, n, s[start] >= 'A' && s[start] <= 'Z',
		    (unsigned)h);
	return true;
}

void text_tokenize(struct text_tokens *t, const char *s, size_t len)
{
	size_t i = 0, n, k;
	t->n = 0;
	buf_reset(&t->norm);
	while (i < len) {
		if ((k = text_space_len(s + i, len - i))) {
			i += k;
			continue;
		}
		size_t e = i;
		while (e < len && ascii_alnum((unsigned char)s[e]))
			e++;
		/* a hyphen, an apostrophe or a non-ASCII byte after it may
		 * join or continue the word: the general path below decides */
		if (e > i &&
		    (e == len || (s[e] != '-' && s[e] != '\'' && (unsigned char)s[e] < 0x80)) &&
		    push_ascii_word(t, s, i, e)) {
			i = e;
			continue;
		}
		if (wordchar_at(s + i, len - i, &n)) {
			size_t start = i;
			i += n;
			for (;;) {
				if (i < len && wordchar_at(s + i, len - i, &n)) {
					i += n;
					continue;
				}
				/* inner hyphen or apostrophe joins two word parts */
				size_t j = 0;
				if (i < len && s[i] == '-')
					j = 1;
				else
					j = apostrophe_len(s + i, len - i);
				if (j && i + j < len && wordchar_at(s + i + j, len - i - j, &n)) {
					i += j;
					continue;
				}
				break;
			}
			push_word(t, s, start, i);
			continue;
		}
		const unsigned char *u = (const unsigned char *)s + i;
		enum text_token_kind kind = TOK_PUNCT;
		n = 1;
		if (u[0] >= 0xC0) {
			text_char_case(s + i, len - i, &n);
			if (n == 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x9C)
				kind = TOK_QOPEN;
			else if (n == 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x9D)
				kind = TOK_QCLOSE;
			else if (n == 2 && u[0] == 0xC2 && u[1] == 0xAB)
				kind = TOK_QOPEN;
			else if (n == 2 && u[0] == 0xC2 && u[1] == 0xBB)
				kind = TOK_QCLOSE;
		} else if (u[0] == '"') {
			kind = TOK_QUOTE;
		}
		push(t, kind, i, i + n, s + i, n, false);
		i += n;
	}
}

unsigned text_hash(const char *s, size_t len)
{
	return (unsigned)fnv1a(FNV1A_START, s, len);
}

const char *text_tok(const struct text_tokens *t, size_t i)
{
	return t->norm.data + t->tok[i].norm;
}

/* s with each run of white space as one space, none at either end. */
static void collapse_space(struct buf *out, const char *s)
{
	size_t len = strlen(s), i = 0;
	bool pending = false;
	while (i < len) {
		size_t k = text_space_len(s + i, len - i);
		if (k) {
			pending = out->len > 0;
			i += k;
			continue;
		}
		if (pending)
			buf_addc(out, ' ');
		pending = false;
		buf_addc(out, s[i++]);
	}
}

void text_fit(struct buf *b, const char *s, size_t width, bool pad)
{
	struct buf flat;
	size_t chars = 0, cut = 0, cut_chars = 0;

	buf_init(&flat);
	collapse_space(&flat, s);
	for (size_t i = 0; i < flat.len; i++) {
		if (((unsigned char)flat.data[i] & 0xC0) == 0x80)
			continue;
		if (chars == (width > 3 ? width - 3 : width)) {
			cut = i;
			cut_chars = chars;
		}
		chars++;
	}
	if (chars > width && width > 3) {
		buf_add(b, flat.data, cut);
		buf_adds(b, "...");
		chars = cut_chars + 3;
	} else {
		buf_add(b, flat.data, flat.len);
	}
	while (pad && chars++ < width)
		buf_addc(b, ' ');
	buf_release(&flat);
}
