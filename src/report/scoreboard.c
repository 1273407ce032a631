/*
 * scoreboard: one pass over the ledger into per-group score tables.
 *
 * A record belongs to 3 + 3T + 1 groups (all, its author, its forecaster,
 * each of its T topics, each author+topic and forecaster+topic pair, its
 * cue).  It is counted in only 1 + T cells: one for its (author,
 * forecaster) pair and one for each (author, forecaster, topic), and
 * scoreboard_finish sums the cells into the groups.  Every count is a
 * sum and every score table exact counts, so the sums are the groups'
 * own figures; with thousands of groups each add is a cache miss, and
 * adding a record to 7 groups rather than 2 cells took a third of
 * `score`'s time.  The cue groups are counted directly (scored records
 * only, one group each).  ISO dates compare as strings, so the as-of
 * tests need no parsing; only the review queue's days overdue parse a
 * date.  Which cells a record counts in is found once per distinct
 * (author, speaker) and topic (struct sb_pair), not from the names each
 * time.
 */
#include "likely/report/scoreboard.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/base/date.h"
#include "likely/extract/speaker.h"
#include "likely/base/strset.h"

struct pick_list {
	struct sb_pick item[SB_QUEUE_K];
	size_t n, k;
	/* whether a goes before b in this list */
	bool (*before)(const struct sb_pick *a, const struct sb_pick *b);
};

/* The records of one (author, forecaster) pair, or of one (author,
 * forecaster, topic): counted like a group, summed into groups at the end.
 * g.author and g.topic ("" in a pair's cell) are the group fields. */
struct sb_cell {
	struct sb_group g;
	const char *who; /* the forecaster as first met (sb->who_names) */
	bool topical;    /* an (author, forecaster, topic) cell */
};

/*
 * Adds to score tables wait in a ring of AHEAD before they are made: a
 * new one asks for its table's fields, one halfway through the ring for
 * its slot, so that the add finds both in cache.  Cells are thousands of
 * tables, tens of megabytes in all, and each add waited for memory twice;
 * that was a sixth of `score`'s time.  The order of adds does not change
 * a table (exact counts), and scoreboard_finish makes every waiting add
 * before any table is read.
 */
#define AHEAD 16

struct pending_add {
	struct score_table *t;
	double p;
	int half;
};

/*
 * What a record's cells are is found once per distinct (author, speaker)
 * and (author, speaker, topic): finding them from the names each time --
 * the forecaster's name normalised and looked up, a key of author,
 * forecaster and topic made and hashed for each cell -- was three fifths
 * of scoreboard_add.  A pair is looked up by its raw names; its topics by
 * a number per topic name, in a table of (pair, topic) numbers.  The
 * first record of each makes its cells by the names as before, so the
 * cells, and the forecasters' names, come in the same order.
 */
struct sb_pair {
	const char *who; /* the forecaster, as forecaster_name gives it */
	size_t cell;     /* the (author, forecaster) cell */
	bool own;        /* no speaker: in the author's own voice */
};

struct scoreboard {
	char as_of[DATE_ISO_LEN];
	long as_of_days;
	bool exclude_partial;
	int bins;
	struct sb_group *groups;
	size_t ngroups, cap;
	struct strset *index; /* group key -> position in groups */
	struct sb_cell *cells;
	size_t ncells, cap_cells;
	struct strset *cell_index; /* cell key -> position in cells */
	bool finished;
	struct sb_totals totals;
	struct buf key; /* scratch: a group key */
	struct buf who; /* scratch: the record's forecaster */
	/* each forecaster's name as first met, by its case-folded form, so
	 * that every group of one forecaster shows the same name */
	struct strset *who_index;
	char **who_names;
	size_t nwho, cap_who;
	struct buf topic_buf; /* scratch: the record's topic cell, split */
	const char **topics;  /* scratch: pointers into topic_buf */
	size_t ntopics_cap;
	struct pick_list misses, best, queue;
	struct pending_add ahead[AHEAD];
	size_t nahead; /* adds ever put in the ring */
	/* the cells found before (struct sb_pair) */
	struct strset *pair_index; /* "LEN:author" "LEN:speaker" -> pairs */
	struct sb_pair *pairs;
	size_t npairs, cap_pairs;
	struct strset *topic_index; /* topic -> its number */
	uint64_t *pt_key;           /* open addressing: (pair, topic) + 1, 0 empty */
	size_t *pt_cell;            /* its cell */
	size_t pt_cap, pt_n;        /* pt_cap a power of two */
	struct strset *cue_index;   /* cue -> position in groups */
};

const char *sb_by_name(enum sb_by by)
{
	switch (by) {
	case SB_ALL:
		return "all";
	case SB_AUTHOR:
		return "author";
	case SB_AUTHOR_TOPIC:
		return "author+topic";
	case SB_CUE:
		return "cue";
	case SB_FORECASTER:
		return "forecaster";
	case SB_FORECASTER_TOPIC:
		return "forecaster+topic";
	case SB_TOPIC:
		return "topic";
	}
	return "?";
}

static int cmp_id(const struct sb_pick *a, const struct sb_pick *b)
{
	return strcmp(a->f.col[COL_ID], b->f.col[COL_ID]);
}

static bool miss_before(const struct sb_pick *a, const struct sb_pick *b)
{
	if (a->score != b->score)
		return a->score > b->score;
	return cmp_id(a, b) < 0;
}

static bool best_before(const struct sb_pick *a, const struct sb_pick *b)
{
	if (a->score != b->score)
		return a->score < b->score;
	return cmp_id(a, b) < 0;
}

/* The order of `likely due`, so the report and the command agree. */
static bool queue_before(const struct sb_pick *a, const struct sb_pick *b)
{
	return forecast_due_order(&a->f, &b->f) < 0;
}

static struct sb_group *group_get(struct scoreboard *sb, enum sb_by by, const char *author,
				  const char *topic, const char *cue);

struct scoreboard *scoreboard_new(const struct sb_options *o)
{
	struct scoreboard *sb = xcalloc(1, sizeof *sb);
	snprintf(sb->as_of, sizeof sb->as_of, "%s", o->as_of);
	if (!date_parse_iso(sb->as_of, &sb->as_of_days))
		sb->as_of_days = 0;
	sb->exclude_partial = o->exclude_partial;
	sb->bins = o->bins;
	sb->index = strset_new();
	sb->cell_index = strset_new();
	buf_init(&sb->key);
	buf_init(&sb->who);
	sb->who_index = strset_new();
	buf_init(&sb->topic_buf);
	sb->pair_index = strset_new();
	sb->topic_index = strset_new();
	sb->cue_index = strset_new();
	sb->misses = (struct pick_list){.k = SB_TOP_K, .before = miss_before};
	sb->best = (struct pick_list){.k = SB_TOP_K, .before = best_before};
	sb->queue = (struct pick_list){.k = SB_QUEUE_K, .before = queue_before};
	/* "all" exists even when nothing is offered, and comes first. */
	group_get(sb, SB_ALL, "", "", "");
	return sb;
}

static void picks_release(struct pick_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		forecast_release(&l->item[i].f);
	l->n = 0;
}

static void group_release(struct sb_group *g)
{
	free(g->author);
	free(g->topic);
	free(g->cue);
	score_table_free(g->table);
}

void scoreboard_free(struct scoreboard *sb)
{
	if (!sb)
		return;
	for (size_t i = 0; i < sb->ngroups; i++)
		group_release(&sb->groups[i]);
	free(sb->groups);
	strset_free(sb->index);
	for (size_t i = 0; i < sb->ncells; i++)
		group_release(&sb->cells[i].g);
	free(sb->cells);
	strset_free(sb->cell_index);
	buf_release(&sb->key);
	buf_release(&sb->who);
	strset_free(sb->who_index);
	for (size_t i = 0; i < sb->nwho; i++)
		free(sb->who_names[i]);
	free(sb->who_names);
	buf_release(&sb->topic_buf);
	free(sb->topics);
	picks_release(&sb->misses);
	picks_release(&sb->best);
	picks_release(&sb->queue);
	strset_free(sb->pair_index);
	free(sb->pairs);
	strset_free(sb->topic_index);
	free(sb->pt_key);
	free(sb->pt_cell);
	strset_free(sb->cue_index);
	free(sb);
}

/* Appends "LEN:" then s: with the length in front no text can make two
 * different (author, topic, cue) triples give one key. */
static void key_part(struct buf *b, const char *s)
{
	char digits[24];
	size_t len = strlen(s), i = sizeof digits;
	digits[--i] = ':';
	do {
		digits[--i] = (char)('0' + len % 10);
		len /= 10;
	} while (len);
	buf_add(b, digits + i, sizeof digits - i);
	buf_adds(b, s);
}

/* The forecaster's name as first met for the normalised name in sb->who. */
static const char *forecaster_name(struct scoreboard *sb)
{
	long at;
	char *folded = xstrdup(sb->who.data);
	for (char *c = folded; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c + 32);
	if (!strset_get(sb->who_index, folded, &at)) {
		if (sb->nwho == sb->cap_who) {
			sb->cap_who = sb->cap_who ? 2 * sb->cap_who : 16;
			sb->who_names =
				xrealloc(sb->who_names, sb->cap_who * sizeof *sb->who_names);
		}
		at = (long)sb->nwho;
		sb->who_names[sb->nwho++] = xstrdup(sb->who.data);
		strset_add(sb->who_index, folded, at, NULL);
	}
	free(folded);
	return sb->who_names[at];
}

static void group_init(struct sb_group *g, enum sb_by by, const char *author, const char *topic,
		       const char *cue)
{
	memset(g, 0, sizeof *g);
	g->by = by;
	g->author = xstrdup(author);
	g->topic = xstrdup(topic);
	g->cue = xstrdup(cue);
	g->table = score_table_new();
}

static struct sb_group *group_get(struct scoreboard *sb, enum sb_by by, const char *author,
				  const char *topic, const char *cue)
{
	long at;
	buf_reset(&sb->key);
	buf_addc(&sb->key, (char)('0' + by));
	if (by == SB_FORECASTER || by == SB_FORECASTER_TOPIC) {
		/* one person whatever the case of the name */
		size_t at0 = sb->key.len;
		key_part(&sb->key, author);
		for (char *c = sb->key.data + at0; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c + 32);
	} else {
		key_part(&sb->key, author);
	}
	key_part(&sb->key, topic);
	key_part(&sb->key, cue);
	if (strset_get(sb->index, sb->key.data, &at))
		return &sb->groups[at];
	if (sb->ngroups == sb->cap) {
		sb->cap = sb->cap ? sb->cap * 2 : 64;
		sb->groups = xrealloc(sb->groups, sb->cap * sizeof *sb->groups);
	}
	strset_add(sb->index, sb->key.data, (long)sb->ngroups, NULL);
	struct sb_group *g = &sb->groups[sb->ngroups++];
	group_init(g, by, author, topic, cue);
	return g;
}

/* The cell of (author, who) when topic is NULL, else of (author, who,
 * topic); who is a name from forecaster_name, so one pointer per person. */
static struct sb_cell *cell_get(struct scoreboard *sb, const char *author, const char *who,
				const char *topic)
{
	long at;
	buf_reset(&sb->key);
	buf_addc(&sb->key, topic ? 't' : 'p');
	key_part(&sb->key, author);
	key_part(&sb->key, who);
	if (topic)
		key_part(&sb->key, topic);
	if (strset_get(sb->cell_index, sb->key.data, &at))
		return &sb->cells[at];
	if (sb->ncells == sb->cap_cells) {
		sb->cap_cells = sb->cap_cells ? sb->cap_cells * 2 : 64;
		sb->cells = xrealloc(sb->cells, sb->cap_cells * sizeof *sb->cells);
	}
	strset_add(sb->cell_index, sb->key.data, (long)sb->ncells, NULL);
	struct sb_cell *c = &sb->cells[sb->ncells++];
	group_init(&c->g, topic ? SB_AUTHOR_TOPIC : SB_AUTHOR, author, topic ? topic : "", "");
	c->who = who;
	c->topical = topic != NULL;
	return c;
}

/* The pair of f's author and speaker; own is whether it has no speaker. */
static struct sb_pair *pair_get(struct scoreboard *sb, const char *author, const char *speaker,
				bool own)
{
	long at;
	buf_reset(&sb->key);
	key_part(&sb->key, author);
	key_part(&sb->key, speaker);
	if (strset_get(sb->pair_index, sb->key.data, &at))
		return &sb->pairs[at];
	strset_add(sb->pair_index, sb->key.data, (long)sb->npairs, NULL);
	if (sb->npairs == sb->cap_pairs) {
		sb->cap_pairs = sb->cap_pairs ? 2 * sb->cap_pairs : 64;
		sb->pairs = xrealloc(sb->pairs, sb->cap_pairs * sizeof *sb->pairs);
	}
	struct sb_pair *p = &sb->pairs[sb->npairs++];
	speaker_normalise(own ? author : speaker, &sb->who);
	p->who = forecaster_name(sb);
	const struct sb_cell *c = cell_get(sb, author, p->who, NULL); /* may move cells */
	p->cell = (size_t)(c - sb->cells);
	p->own = own;
	return p;
}

static size_t pt_slot(const struct scoreboard *sb, uint64_t key)
{
	uint64_t h = key * UINT64_C(0x9E3779B97F4A7C15);
	size_t i = (size_t)(h >> 32) & (sb->pt_cap - 1);
	while (sb->pt_key[i] && sb->pt_key[i] != key)
		i = (i + 1) & (sb->pt_cap - 1);
	return i;
}

/* The cell of pair p (of author) and topic. */
static size_t topic_cell(struct scoreboard *sb, const struct sb_pair *p, const char *author,
			 const char *topic)
{
	long t;
	if (!strset_get(sb->topic_index, topic, &t)) {
		t = (long)strset_count(sb->topic_index);
		strset_add(sb->topic_index, topic, t, NULL);
	}
	uint64_t key = ((uint64_t)(p - sb->pairs) << 32 | (uint64_t)t) + 1;
	if (sb->pt_cap) {
		size_t i = pt_slot(sb, key);
		if (sb->pt_key[i])
			return sb->pt_cell[i];
	}
	const struct sb_cell *c = cell_get(sb, author, p->who, topic); /* may move cells */
	size_t cell = (size_t)(c - sb->cells);
	if ((sb->pt_n + 1) * 2 > sb->pt_cap) {
		uint64_t *old_key = sb->pt_key;
		size_t *old_cell = sb->pt_cell, old_cap = sb->pt_cap;
		sb->pt_cap = sb->pt_cap ? 2 * sb->pt_cap : 256;
		sb->pt_key = xcalloc(sb->pt_cap, sizeof *sb->pt_key);
		sb->pt_cell = xmalloc(sb->pt_cap * sizeof *sb->pt_cell);
		for (size_t i = 0; i < old_cap; i++) {
			if (!old_key[i])
				continue;
			size_t j = pt_slot(sb, old_key[i]);
			sb->pt_key[j] = old_key[i];
			sb->pt_cell[j] = old_cell[i];
		}
		free(old_key);
		free(old_cell);
	}
	size_t i = pt_slot(sb, key);
	sb->pt_key[i] = key;
	sb->pt_cell[i] = cell;
	sb->pt_n++;
	return cell;
}

/* The group of cue. */
static struct sb_group *cue_group(struct scoreboard *sb, const char *cue)
{
	long at;
	if (strset_get(sb->cue_index, cue, &at))
		return &sb->groups[at];
	struct sb_group *g = group_get(sb, SB_CUE, "", "", cue); /* may move groups */
	strset_add(sb->cue_index, cue, (long)(g - sb->groups), NULL);
	return g;
}

/*
 * Splits the topic cell in place: parts between ';', spaces around them
 * trimmed, empty parts and repeats dropped.  "a;b" counts in a and in b;
 * a cell with no topic at all is the one topic "".
 */
static size_t split_topics(struct scoreboard *sb, const char *cell)
{
	size_t n = 0;
	buf_reset(&sb->topic_buf);
	buf_adds(&sb->topic_buf, cell);
	char *s = sb->topic_buf.data;
	for (;;) {
		char *end = strchr(s, ';');
		char *next = end ? end + 1 : NULL;
		if (!end)
			end = s + strlen(s);
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		*end = '\0';
		bool dup = !*s;
		for (size_t i = 0; i < n && !dup; i++)
			dup = strcmp(sb->topics[i], s) == 0;
		if (!dup) {
			if (n == sb->ntopics_cap) {
				sb->ntopics_cap = sb->ntopics_cap ? 2 * sb->ntopics_cap : 8;
				sb->topics =
					xrealloc(sb->topics, sb->ntopics_cap * sizeof *sb->topics);
			}
			sb->topics[n++] = s;
		}
		if (!next)
			break;
		s = next;
	}
	if (n == 0) {
		if (sb->ntopics_cap == 0) {
			sb->ntopics_cap = 8;
			sb->topics = xrealloc(sb->topics, sb->ntopics_cap * sizeof *sb->topics);
		}
		sb->topics[n++] = "";
	}
	return n;
}

static void copy_forecast(struct forecast *dst, const struct forecast *src)
{
	for (int c = 0; c < LEDGER_NCOLS; c++)
		dst->col[c] = xstrdup(src->col[c]);
	dst->context = NULL;
}

/* Keeps cand (whose record is only borrowed) if it belongs in the list. */
static void keep(struct pick_list *l, const struct sb_pick *cand)
{
	if (l->n == l->k && !l->before(cand, &l->item[l->n - 1]))
		return;
	size_t pos = l->n;
	while (pos > 0 && l->before(cand, &l->item[pos - 1]))
		pos--;
	if (l->n == l->k)
		forecast_release(&l->item[--l->n].f);
	memmove(&l->item[pos + 1], &l->item[pos], (l->n - pos) * sizeof l->item[0]);
	l->n++;
	l->item[pos] = *cand;
	copy_forecast(&l->item[pos].f, &cand->f);
}

/* Puts an add to t in the ring, and makes the one AHEAD before it. */
static void add_later(struct scoreboard *sb, struct score_table *t, double p, int half)
{
	struct pending_add *slot = &sb->ahead[sb->nahead % AHEAD];
	if (sb->nahead >= AHEAD)
		score_table_add(slot->t, slot->p, slot->half);
	if (sb->nahead >= AHEAD / 2) {
		const struct pending_add *mid = &sb->ahead[(sb->nahead - AHEAD / 2) % AHEAD];
		score_table_prefetch(mid->t, mid->p);
	}
	*slot = (struct pending_add){t, p, half};
	score_table_prefetch_table(t);
	sb->nahead++;
}

/* Makes the adds still in the ring, oldest first. */
static void add_now(struct scoreboard *sb)
{
	size_t first = sb->nahead > AHEAD ? sb->nahead - AHEAD : 0;
	for (size_t i = first; i < sb->nahead; i++) {
		const struct pending_add *a = &sb->ahead[i % AHEAD];
		score_table_add(a->t, a->p, a->half);
	}
	sb->nahead = 0;
}

static void count(struct scoreboard *sb, struct sb_group *g, enum sb_class cls, bool hedged,
		  double p, int half)
{
	if (hedged)
		g->hedged++;
	switch (cls) {
	case SB_OPEN:
		g->open++;
		break;
	case SB_OVERDUE:
		g->overdue++;
		break;
	case SB_VOID:
		g->void_count++;
		break;
	case SB_SCORED:
		add_later(sb, g->table, p, half);
		break;
	default:
		break;
	}
}

static int outcome_half_units(const char *outcome)
{
	if (!strcmp(outcome, "yes"))
		return SCORE_YES;
	if (!strcmp(outcome, "no"))
		return SCORE_NO;
	if (!strcmp(outcome, "partial"))
		return SCORE_PARTIAL;
	return -1; /* void */
}

static enum sb_class classify(struct scoreboard *sb, const struct forecast *f, bool hedged,
			      int *half)
{
	const char *outcome = f->col[COL_OUTCOME];
	const char *resolved = f->col[COL_RESOLVED_ON];
	const char *horizon = f->col[COL_HORIZON];

	*half = -1;
	/* A verdict reached after D was not known on D. */
	bool settled = *outcome && *resolved && strcmp(resolved, sb->as_of) <= 0;
	if (*outcome && !settled)
		sb->totals.settled_later++;
	if (!settled)
		return *horizon && strcmp(horizon, sb->as_of) < 0 ? SB_OVERDUE : SB_OPEN;
	*half = outcome_half_units(outcome);
	if (*half < 0)
		return SB_VOID;
	if (hedged)
		return SB_UNSCORED;
	if (*half == SCORE_PARTIAL) {
		if (sb->exclude_partial) {
			sb->totals.partial_dropped++;
			return SB_UNSCORED;
		}
		sb->totals.partial_scored++;
	}
	return SB_SCORED;
}

static void keep_picks(struct scoreboard *sb, const struct forecast *f, enum sb_class cls, double p,
		       int half, double score)
{
	struct sb_pick cand = {.f = *f, .p = p, .half_units = half, .score = score};
	if (cls == SB_SCORED && half != SCORE_PARTIAL) {
		if (score > 0.25)
			keep(&sb->misses, &cand);
		else if (score < 0.25)
			keep(&sb->best, &cand);
	} else if (cls == SB_OVERDUE) {
		long horizon = sb->as_of_days;
		date_parse_iso(f->col[COL_HORIZON], &horizon);
		cand.overdue = sb->as_of_days - horizon;
		keep(&sb->queue, &cand);
	}
}

enum sb_class scoreboard_add(struct scoreboard *sb, const struct forecast *f, double *score)
{
	double p = NAN;
	int half;

	*score = NAN;
	sb->totals.offered++;
	if (strcmp(f->col[COL_STATUS], "accepted") != 0)
		return SB_IGNORED;
	/* a month-only date counts as its last day; an undated forecast is
	 * never accepted (the ledger's rules), and would count as later */
	long published;
	if (!ledger_published_day(f->col[COL_PUBLISHED], &published) ||
	    published > sb->as_of_days) {
		sb->totals.later++;
		return SB_IGNORED;
	}
	sb->totals.accepted++;
	bool hedged = !ledger_parse_probability(f->col[COL_PROBABILITY], &p);
	if (hedged)
		p = NAN;
	enum sb_class cls = classify(sb, f, hedged, &half);
	if (cls == SB_SCORED)
		*score = score_squared_error(p, half);

	const char *author = f->col[COL_AUTHOR];
	bool own = !*f->col[COL_SPEAKER];
	struct sb_pair *pair = pair_get(sb, author, f->col[COL_SPEAKER], own);
	size_t nt = split_topics(sb, f->col[COL_TOPIC]);
	struct sb_cell *c = &sb->cells[pair->cell];
	count(sb, &c->g, cls, hedged, p, half);
	c->g.own |= own;
	for (size_t i = 0; i < nt; i++) {
		size_t at = topic_cell(sb, pair, author, sb->topics[i]); /* may move cells */
		c = &sb->cells[at];
		count(sb, &c->g, cls, hedged, p, half);
		c->g.own |= own;
	}
	if (cls == SB_SCORED)
		count(sb, cue_group(sb, f->col[COL_CUE]), cls, hedged, p, half);
	keep_picks(sb, f, cls, p, half, *score);
	return cls;
}

static int group_cmp(const void *pa, const void *pb)
{
	const struct sb_group *a = pa, *b = pb;
	int c;
	if (a->by != b->by)
		return a->by < b->by ? -1 : 1;
	if ((c = strcmp(a->author, b->author)))
		return c;
	if ((c = strcmp(a->topic, b->topic)))
		return c;
	return strcmp(a->cue, b->cue);
}

/* Adds cell's counts to group g. */
static void add_cell(struct sb_group *g, const struct sb_cell *c)
{
	g->open += c->g.open;
	g->overdue += c->g.overdue;
	g->void_count += c->g.void_count;
	g->hedged += c->g.hedged;
	if (g->by == SB_FORECASTER || g->by == SB_FORECASTER_TOPIC)
		g->own |= c->g.own;
	/* the counts are the rows': a long holds them */
	score_table_merge(g->table, c->g.table);
}

/* A pair's cell counts in all, its author and its forecaster; a topic's
 * cell in its topic, author+topic and forecaster+topic. */
static void sum_cells(struct scoreboard *sb)
{
	for (size_t i = 0; i < sb->ncells; i++) {
		const struct sb_cell *c = &sb->cells[i];
		const char *author = c->g.author, *topic = c->g.topic;
		if (c->topical) {
			add_cell(group_get(sb, SB_TOPIC, "", topic, ""), c);
			add_cell(group_get(sb, SB_AUTHOR_TOPIC, author, topic, ""), c);
			add_cell(group_get(sb, SB_FORECASTER_TOPIC, c->who, topic, ""), c);
		} else {
			add_cell(group_get(sb, SB_ALL, "", "", ""), c);
			add_cell(group_get(sb, SB_AUTHOR, author, "", ""), c);
			add_cell(group_get(sb, SB_FORECASTER, c->who, "", ""), c);
		}
	}
}

void scoreboard_finish(struct scoreboard *sb)
{
	if (sb->finished)
		return;
	sb->finished = true;
	add_now(sb);
	sum_cells(sb);
	for (size_t i = 0; i < sb->ngroups; i++)
		score_compute(sb->groups[i].table, sb->bins, &sb->groups[i].fig);
	/* The index keeps the old positions: no scoreboard_add after this. */
	qsort(sb->groups, sb->ngroups, sizeof *sb->groups, group_cmp);
}

const struct sb_group *scoreboard_groups(const struct scoreboard *sb, size_t *n)
{
	*n = sb->ngroups;
	return sb->groups;
}

const struct sb_group *scoreboard_all(const struct scoreboard *sb)
{
	/* SB_ALL sorts first and there is exactly one. */
	return &sb->groups[0];
}

const struct sb_totals *scoreboard_totals(const struct scoreboard *sb)
{
	return &sb->totals;
}

size_t scoreboard_misses(const struct scoreboard *sb, const struct sb_pick **out)
{
	*out = sb->misses.item;
	return sb->misses.n;
}

size_t scoreboard_best(const struct scoreboard *sb, const struct sb_pick **out)
{
	*out = sb->best.item;
	return sb->best.n;
}

size_t scoreboard_queue(const struct scoreboard *sb, const struct sb_pick **out)
{
	*out = sb->queue.item;
	return sb->queue.n;
}

long scoreboard_queue_total(const struct scoreboard *sb)
{
	return sb->ngroups ? scoreboard_all(sb)->overdue : 0;
}
