/*
 * cue_sentence: facts about the tokenized sentence that the finders and
 * the rules ask -- where a clause starts and ends, whether the sentence
 * is a question, whether "will" is the modal, whether the clause looks
 * ahead (a future word or a horizon phrase), whether it names a day,
 * whether a token is inside a quotation.
 */
#include "cue_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/page/pagedate.h"

/* Tokens that end a clause: , ; : ( ) dashes and quotation marks. */
bool clause_break(const struct cue_matcher *m, size_t i)
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
size_t clause_start(const struct cue_matcher *m, size_t i)
{
	while (i > 0 && !clause_break(m, i - 1))
		i--;
	return i;
}

/* One past the last token of the clause holding token i. */
size_t clause_end(const struct cue_matcher *m, size_t i)
{
	while (i < m->tok.n && !clause_break(m, i))
		i++;
	return i;
}

size_t first_word(const struct cue_matcher *m)
{
	size_t i = 0;
	while (i < m->tok.n && !is_word(m, i))
		i++;
	return i;
}

bool any_word_in(const struct cue_matcher *m, size_t a, size_t b, unsigned c)
{
	for (size_t i = a; i < b && i < m->tok.n; i++)
		if (has_class(m, i, c))
			return true;
	return false;
}

bool is_adverb(const struct cue_matcher *m, size_t i)
{
	if (!is_word(m, i))
		return false;
	size_t n = m->tok.tok[i].norm_len;
	return has_class(m, i, CW_ADVERB) || (n > 4 && strcmp(W(m, i) + n - 2, "ly") == 0);
}

/* The next token from i on that is not an adverb or "not". */
size_t skip_adverbs(const struct cue_matcher *m, size_t i)
{
	while (i < m->tok.n && (is_adverb(m, i) || is(m, i, "not")))
		i++;
	return i;
}

bool is_number(const struct cue_matcher *m, size_t i)
{
	const char *w = W(m, i);
	return w[0] >= '0' && w[0] <= '9';
}

bool is_question(const struct cue_matcher *m)
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
bool will_is_noun(const struct cue_matcher *m, size_t i)
{
	if (i > 0 && has_class(m, i - 1, CW_BEFORE_NOUN_WILL))
		return true;
	if (!is_word(m, i + 1) || is(m, i + 1, "of") || is(m, i + 1, "to"))
		return true;
	/* "Will Smith": a capitalised "Will" inside the sentence is a name */
	return i > 0 && m->tok.tok[i].upper_initial;
}

bool is_will_modal(const struct cue_matcher *m, size_t i)
{
	return (is(m, i, "will") || is(m, i, "shall")) && !will_is_noun(m, i);
}

bool is_going_to(const struct cue_matcher *m, size_t i)
{
	return is(m, i, "going") && is(m, i + 1, "to") && is_word(m, i + 2) && i > 0 &&
	       (has_class(m, i - 1, CW_COPULA) || is(m, i - 1, "not"));
}

/* A word that sets the clause in the future, outside any indirect
 * question ("how far Moscow will go" says nothing of the future of the
 * sentence's own claim). */
bool future_in(const struct cue_matcher *m, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < m->tok.n; i++) {
		if (has_class(m, i, CW_WH))
			return false;
		if (is(m, i, "ahead") && is(m, i + 1, "of"))
			continue; /* "ahead of the tax period": a preposition */
		if (is_will_modal(m, i) || is_going_to(m, i) || has_class(m, i, CW_FUTURE))
			return true;
	}
	return false;
}

/* The horizon test tokenizes nothing but walks every token against the
 * table: asked by several rules, it is worked out once a sentence. */
bool has_horizon(const struct cue_matcher *m)
{
	if (m->memo->horizon < 0)
		m->memo->horizon = horizon_present(m->h, &m->tok, m->in.from);
	return m->memo->horizon;
}

bool looks_ahead(const struct cue_matcher *m)
{
	return future_in(m, 0, m->tok.n) || has_horizon(m);
}

bool has_if(const struct cue_matcher *m)
{
	for (size_t i = 0; i < m->tok.n; i++)
		if (is(m, i, "if") || is(m, i, "unless"))
			return true;
	return false;
}

/* modal + "have" + participle: "could have influenced". */
bool modal_perfect_at(const struct cue_matcher *m, size_t i)
{
	size_t j = i + 1;
	if (is(m, j, "not"))
		j++;
	return has_class(m, i, CW_MODAL) && is(m, j, "have") && is_word(m, j + 1) &&
	       !is(m, j + 1, "to");
}

/* A clock time ("14:00", "2 p.m.") or a day of a month ("on 24 October",
 * "April 23", "Jan. 1"). */
bool names_a_day(const struct cue_matcher *m)
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
		/* "2 pm", "2 p.m." (the tokens "p" "." "m") */
		if (is_number(m, i) && (is(m, i + 1, "pm") || is(m, i + 1, "am") ||
					((is(m, i + 1, "p") || is(m, i + 1, "a")) &&
					 punct_is(m, i + 2, ".") && is(m, i + 3, "m"))))
			return true;
		if (m->tok.tok[i].upper_initial && pagedate_month(w, len, &n) &&
		    (n == len || n + 1 == len)) {
			const char *nx = W(m, i + 1), *pv = i ? W(m, i - 1) : "";
			if (punct_is(m, i + 1, ".")) /* "Jan. 1" */
				nx = W(m, i + 2);
			if ((nx[0] >= '0' && nx[0] <= '9' && strlen(nx) <= 2) ||
			    (pv[0] >= '0' && pv[0] <= '9' && strlen(pv) <= 2))
				return true;
		}
	}
	return false;
}

bool quoted_at(const struct cue_matcher *m, size_t at)
{
	bool q = m->in.in_quote;
	for (size_t i = 0; i < at && i < m->tok.n; i++) {
		switch (m->tok.tok[i].kind) {
		case TOK_QOPEN:
			q = true;
			break;
		case TOK_QCLOSE:
			q = false;
			break;
		case TOK_QUOTE:
			q = !q;
			break;
		default:
			break;
		}
	}
	return q;
}
