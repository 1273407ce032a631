/*
 * topic: keyword rules.  Text is folded once (text_fold) and each keyword
 * looked for at word starts.  Every forecast's claim is classified, and
 * claims run to hundreds of bytes, so each position is compared only with
 * the keywords that begin with its byte.
 */
#include "likely/extract/topic.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "likely/extract/cfgtable.h"
#include "likely/core/ledger.h"
#include "likely/text/text.h"

static const struct {
	const char *topic, *keyword;
} builtin[] = {
/* made by the build from predictions/config/topics.csv (scripts/config-table.awk):
 * the shipped file is the built-in table */
#include "topics.inc"
};

void topic_init_empty(struct topic_rules *t)
{
	memset(t, 0, sizeof *t);
}

void topic_release(struct topic_rules *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->r[i].topic);
		free(t->r[i].keyword);
	}
	free(t->r);
	topic_init_empty(t);
}

int topic_add(struct topic_rules *t, const char *topic, const char *keyword)
{
	struct buf kw;
	char *tp = ledger_collapse_space(topic);
	char *k = ledger_collapse_space(keyword);
	int rc = -1;
	buf_init(&kw);
	text_fold(&kw, k, strlen(k));
	if (!*tp || !kw.len || strchr(tp, ';'))
		goto out;
	size_t index = t->ntopics;
	for (size_t i = 0; i < t->n; i++) {
		if (strcmp(t->r[i].topic, tp) != 0)
			continue;
		if (strcmp(t->r[i].keyword, kw.data) == 0)
			goto out;
		index = t->r[i].topic_index;
	}
	if (index == t->ntopics)
		t->ntopics++;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->r = xrealloc(t->r, t->cap * sizeof *t->r);
	}
	t->r[t->n].topic = tp;
	t->r[t->n].keyword = buf_detach(&kw);
	t->r[t->n].keyword_len = strlen(t->r[t->n].keyword);
	t->r[t->n].topic_index = index;
	t->n++;
	tp = NULL;
	rc = 0;
out:
	free(tp);
	free(k);
	buf_release(&kw);
	return rc;
}

void topic_init_default(struct topic_rules *t)
{
	topic_init_empty(t);
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		topic_add(t, builtin[i].topic, builtin[i].keyword);
}

static const char *check_row(const char *key, const char *value, const char **column, void *ctx)
{
	if (strchr(key, ';'))
		return "must not contain \";\" (it joins several topics)";
	char *v = ledger_collapse_space(value);
	bool empty = !*v;
	free(v);
	if (empty) {
		*column = "keyword";
		return "empty";
	}
	if (topic_add(ctx, key, value) != 0)
		return "duplicate topic and keyword";
	return NULL;
}

int topic_load(struct topic_rules *t, const char *path, struct diag *d)
{
	struct topic_rules fresh;
	topic_init_empty(&fresh);
	int rc = cfgtable_read(path, "topic", "keyword", check_row, &fresh, d);
	if (rc != LIKELY_OK) {
		topic_release(&fresh);
		return rc;
	}
	topic_release(t);
	*t = fresh;
	return LIKELY_OK;
}

/* Is the folded text at i the start of a word? */
static bool word_start_at(const char *s, size_t i)
{
	size_t n;
	if (i == 0)
		return true;
	unsigned char c = (unsigned char)s[i - 1];
	if (c < 0x80) /* most text: settled without a call */
		return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9'));
	size_t lead = i - 1;
	while (lead > 0 && ((unsigned char)s[lead] & 0xC0) == 0x80)
		lead--;
	return !text_is_wordchar(s + lead, i - lead, &n);
}

/* Keywords chained by first byte, so that each position of the text is
 * compared only with the keywords that begin with its byte. */
struct keyword_index {
	size_t head[256]; /* first rule for a byte; n: none */
	size_t *next;     /* the next rule with the same first byte */
};

static void index_keywords(const struct topic_rules *t, struct keyword_index *x)
{
	x->next = xmalloc((t->n ? t->n : 1) * sizeof *x->next);
	for (size_t b = 0; b < 256; b++)
		x->head[b] = t->n;
	for (size_t i = t->n; i-- > 0;) {
		unsigned char b = (unsigned char)t->r[i].keyword[0];
		x->next[i] = x->head[b];
		x->head[b] = i;
	}
}

/* Does s (NUL-terminated, at least n bytes before its NUL) begin with
 * kw[0..n)?  Most candidates differ in the second byte: no call. */
static bool begins_with(const char *s, const char *kw, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (s[k] != kw[k])
			return false;
	return true;
}

void topic_match(const struct topic_rules *t, const char *s, size_t len, struct buf *out)
{
	struct buf folded;
	struct keyword_index x;
	buf_init(&folded);
	buf_reset(out);
	text_fold(&folded, s, len);
	/* a keyword matches where it starts a word, as strstr would find it
	 * (which stops at a NUL) */
	size_t hay = strlen(folded.data);
	bool *hit = xcalloc(t->ntopics ? t->ntopics : 1, sizeof *hit);
	index_keywords(t, &x);
	for (size_t p = 0; p < hay; p++) {
		size_t i = x.head[(unsigned char)folded.data[p]];
		if (i == t->n || !word_start_at(folded.data, p))
			continue;
		for (; i < t->n; i = x.next[i]) {
			const struct topic_rule *r = &t->r[i];
			if (!hit[r->topic_index] && r->keyword_len <= hay - p &&
			    begins_with(folded.data + p, r->keyword, r->keyword_len))
				hit[r->topic_index] = true;
		}
	}
	for (size_t k = 0; k < t->ntopics; k++) {
		if (!hit[k])
			continue;
		for (size_t i = 0; i < t->n; i++) {
			if (t->r[i].topic_index != k)
				continue;
			if (out->len)
				buf_addc(out, ';');
			buf_adds(out, t->r[i].topic);
			break;
		}
	}
	free(x.next);
	free(hit);
	buf_release(&folded);
}
