/*
 * topic: the subject of a claim, from "topic,keyword" rules.  A keyword
 * matches case-insensitively at the start of a word ("militar" matches
 * "military" and "militarisation"; a keyword of several words matches
 * them in sequence).  Every topic with a matching keyword is named, in the
 * order topics first appear in the table, joined with ";"; none: "general".
 */
#ifndef LIKELY_TOPIC_H
#define LIKELY_TOPIC_H

#include <stddef.h>

#include "likely/base/buf.h"
#include "likely/base/diag.h"

struct topic_rule {
	char *topic;        /* as written (trimmed) */
	char *keyword;      /* folded */
	size_t keyword_len; /* strlen(keyword) */
	size_t topic_index; /* order of the topic's first appearance */
};

struct topic_rules {
	struct topic_rule *r;
	size_t n, cap;
	size_t ntopics;
};

/* Built-in rules: military, economy, foreign policy, domestic politics,
 * religion, human rights.  Cannot fail. */
void topic_init_default(struct topic_rules *t);
void topic_init_empty(struct topic_rules *t);
void topic_release(struct topic_rules *t);
/* Adds a rule.  Returns 0, or -1 when the pair is already there or either
 * part is empty or the topic holds ";". */
int topic_add(struct topic_rules *t, const char *topic, const char *keyword);
/*
 * Replaces t with the CSV at path: header exactly "topic,keyword", both
 * non-empty, the topic without ";", no pair twice.  Returns LIKELY_OK or
 * the error code after reporting "FILE:LINE: column: reason"; t is
 * unchanged on error.
 */
int topic_load(struct topic_rules *t, const char *path, struct diag *d);
/*
 * Replaces out's content with the topics of s[0..len) ("military;economy")
 * or leaves it empty when none matched (the caller may try other text and
 * then use "general").
 */
void topic_match(const struct topic_rules *t, const char *s, size_t len, struct buf *out);

#endif
