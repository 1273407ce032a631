/*
 * text: the few facts about UTF-8 characters that the sentence splitter,
 * the page reader and the cue matcher share: letter case in Latin and
 * Cyrillic, spaces (including the no-break space), case folding, and a
 * word tokenizer that normalises apostrophes and English contractions.
 *
 * Nothing here validates UTF-8: callers run the utf8 module first, and
 * every function only reads within the length it is given.
 */
#ifndef LIKELY_TEXT_H
#define LIKELY_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "likely/base/buf.h"

enum text_case {
	TEXT_OTHER, /* punctuation, symbols, scripts without case we know */
	TEXT_UPPER,
	TEXT_LOWER,
	TEXT_DIGIT
};

/*
 * Case of the character starting at s (len bytes readable, len > 0).
 * Sets *n to its byte length (1 when the byte is not a valid lead byte).
 */
enum text_case text_char_case(const char *s, size_t len, size_t *n);

/*
 * Byte length of the white-space character at s (ASCII space, tab, CR,
 * LF, FF, VT, no-break space U+00A0, U+2000..U+200A, U+202F, U+3000),
 * or 0 when s does not start with one.  Inline: the page reader and the
 * sentence splitter ask it about nearly every byte, and most bytes are
 * printable ASCII, which the first test settles.
 */
static inline size_t text_space_len(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len == 0 || (u[0] > ' ' && u[0] < 0x80))
		return 0;
	switch (u[0]) {
	case ' ':
	case '\t':
	case '\n':
	case '\r':
	case '\f':
	case '\v':
		return 1;
	case 0xC2:
		return len >= 2 && u[1] == 0xA0 ? 2 : 0;
	case 0xE2:
		if (len >= 3 && u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xAF))
			return 3;
		return 0;
	case 0xE3:
		return len >= 3 && u[1] == 0x80 && u[2] == 0x80 ? 3 : 0;
	default:
		return 0;
	}
}

/*
 * True when one of the eight bytes of w is c: the zero-byte test (Hacker's
 * Delight, 6-1) on w with c's copies cleared.  Scanners for a few rare
 * bytes use it to pass over eight bytes at a time.
 */
static inline bool text_word_has(uint64_t w, unsigned char c)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	uint64_t v = w ^ (ones * c);
	return ((v - ones) & ~v & (ones << 7)) != 0;
}

/*
 * True when one of the eight bytes of w is below 0x20 or is 0x7F (a
 * control character): the "has less than" test (Hacker's Delight, 6-1)
 * on w, then text_word_has for DEL.  Exact for bytes below 0x80; a byte
 * of 0x80 or more may give a false alarm, which only sends the caller to
 * its byte-by-byte path.
 */
static inline bool text_word_has_control(uint64_t w)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	return ((w - ones * 0x20) & ~w & (ones << 7)) != 0 || text_word_has(w, 0x7F);
}

/*
 * The ASCII letters among the eight bytes s[0..8) (only s[0..n) when
 * n < 8; the rest count as not letters): bit 7 of byte k of the result
 * is set when s[k] is one of A-Z a-z.  The range test of Hacker's Delight
 * (6-1, "has between") on the bytes with bit 5 set, exact for every byte
 * (a byte of 0x80 or more is never a letter).  Word scanners use it to
 * find where a word starts and ends without a test per byte.
 */
static inline uint64_t text_letters8(const char *s, size_t n)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	uint64_t w = 0; /* s[0] in the lowest byte, whatever the machine */
	if (n >= 8) {
		memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		w = __builtin_bswap64(w);
#endif
	} else {
		for (size_t k = n; k-- > 0;)
			w = w << 8 | (unsigned char)s[k];
	}
	uint64_t x = w | ones * 0x20, t = x & ones * 0x7F;
	return (ones * (127 + 'z' + 1) - t) & ~x & (t + ones * (127 - ('a' - 1))) & ones << 7;
}

/* The index of the first byte flagged in bit 7 by a text_letters8 mask
 * (mask != 0). */
static inline size_t text_first8(uint64_t mask)
{
#if defined(__GNUC__)
	return (size_t)__builtin_ctzll(mask) / 8;
#else
	size_t k = 0;
	while (!(mask >> (8 * k + 7) & 1))
		k++;
	return k;
#endif
}

/* True when the character at s is a letter or digit (any script; any
 * non-ASCII character that is not known punctuation or space counts). */
bool text_is_wordchar(const char *s, size_t len, size_t *n);

/*
 * Appends the case-folded form of s[0..len) to out: ASCII and the
 * Cyrillic of Russian and Belarusian are lowered, curly apostrophes
 * become "'", everything else is copied.  s must not point into out.
 */
void text_fold(struct buf *out, const char *s, size_t len);

/* Trims white space (text_space_len) at both ends of s[*start..*end). */
void text_trim(const char *s, size_t *start, size_t *end);

/*
 * Appends s to b as one line of a table column: white space (text_space_len)
 * collapsed to one space and trimmed, cut to at most width characters
 * (code points) with "..." when longer, padded with spaces to width when
 * pad is set.
 */
void text_fit(struct buf *b, const char *s, size_t width, bool pad);

enum text_token_kind {
	TOK_WORD,
	TOK_PUNCT,  /* one punctuation character: , . ; : ! ? ( ) dashes ... */
	TOK_QOPEN,  /* “ « */
	TOK_QCLOSE, /* ” » */
	TOK_QUOTE   /* " (opens or closes) */
};

struct text_token {
	enum text_token_kind kind;
	size_t start, end; /* bytes in the source, as written */
	size_t norm;       /* offset of the folded text in text_tokens.norm */
	size_t norm_len;
	bool upper_initial; /* the word starts with a capital letter */
	unsigned hash;      /* text_hash of the folded text */
};

/*
 * A tokenized sentence.  Words are letters and digits with inner hyphens
 * and apostrophes ("toss-up", "China's"); their folded text has curly
 * apostrophes as "'".  Contractions are split into two words so that cues
 * match whatever the spelling: "isn't" -> "is" "not", "won't" -> "will"
 * "not", "can't"/"cannot" -> "can" "not", "it'll" -> "it" "will"; both
 * halves keep the whole word's source span.
 */
struct text_tokens {
	struct text_token *tok;
	size_t n, cap;
	struct buf norm; /* folded words, each NUL-terminated */
};

void text_tokens_init(struct text_tokens *t);
void text_tokens_release(struct text_tokens *t);
/* Replaces t's content with the tokens of s[0..len).  Never fails. */
void text_tokenize(struct text_tokens *t, const char *s, size_t len);
/* FNV-1a (32 bits) of s[0..len): a cheap first test before strcmp. */
unsigned text_hash(const char *s, size_t len);
/* The folded, NUL-terminated text of token i. */
const char *text_tok(const struct text_tokens *t, size_t i);

#endif
