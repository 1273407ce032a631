/*
 * store_score: scoring runs and their groups.  A run is written once and
 * never changed, so there is no history here; the report reads the
 * previous run back to show each author's change.
 */
#include "store_impl.h"

#include <math.h>
#include <stdlib.h>

#include "likely/base/buf.h"
#include "likely/store/store_score.h"

static void bind_real(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v) || isinf(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

static double column_real(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

int store_score_run_add(struct store *s, const struct score_run_rec *r, long long *id)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s,
			       "INSERT INTO score_run (as_of, created_at, options,"
			       " digest, scored, brier) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			       &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, r->as_of, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->created_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->options, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->digest, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, r->scored);
	bind_real(st, 6, r->brier);
	int step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		*id = sqlite3_last_insert_rowid(s->db);
	else
		rc = store_fail(s, step, "recording the scoring run");
	sqlite3_finalize(st);
	return rc;
}

/* score_group's columns after run_id, by, author and topic, and their
 * parameters ?5, ?6, ... (a bare ? takes the number after the largest
 * before it), from score_figures.h. */
#define COUNT_COLUMN(column, member, label, meaning)      ", " column
#define FIGURE_COLUMN(name, kind, binned, label, meaning) ", " #name
#define COUNT_PARAM(column, member, label, meaning)       ", ?"
#define FIGURE_PARAM(name, kind, binned, label, meaning)  ", ?"
#define GROUP_COLUMNS                                     SCORE_COUNTS(COUNT_COLUMN) SCORE_FIGURES(FIGURE_COLUMN)

int store_score_group_add(struct store *s, long long run_id, const struct score_group_rec *g)
{
	sqlite3_stmt *st;
	/* Thousands of groups per run: the statement is worth keeping. */
	int rc = store_cached(s, STMT_SCORE_GROUP_ADD,
			      "INSERT INTO score_group (run_id, by, author, topic" GROUP_COLUMNS
			      ") VALUES (?1, ?2, ?3, ?4" SCORE_COUNTS(COUNT_PARAM)
				      SCORE_FIGURES(FIGURE_PARAM) ")",
			      &st);
	if (rc)
		return rc;
	int i = 5;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_text(st, 2, g->by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, g->author, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, g->topic, -1, SQLITE_STATIC);
#define BIND_COUNT(column, member, label, meaning)      sqlite3_bind_int64(st, i++, g->member);
#define BIND_FIGURE(name, kind, binned, label, meaning) bind_real(st, i++, g->fig.name);
	SCORE_COUNTS(BIND_COUNT)
	SCORE_FIGURES(BIND_FIGURE)
	int step = sqlite3_step(st);
	sqlite3_reset(st);
	return step == SQLITE_DONE ? LIKELY_OK : store_fail(s, step, "recording a scored group");
}

int store_score_previous(struct store *s, const char *as_of, struct score_run_rec *r, bool *found)
{
	sqlite3_stmt *st;
	int rc = store_prepare(s,
			       "SELECT id, as_of, created_at, options, digest, scored,"
			       " brier FROM score_run WHERE as_of < ?1"
			       " ORDER BY as_of DESC, id DESC LIMIT 1",
			       &st);
	*found = false;
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, as_of, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*found = true;
		r->id = sqlite3_column_int64(st, 0);
		r->as_of = xstrdup(store_text(st, 1));
		r->created_at = xstrdup(store_text(st, 2));
		r->options = xstrdup(store_text(st, 3));
		r->digest = xstrdup(store_text(st, 4));
		r->scored = (long)sqlite3_column_int64(st, 5);
		r->brier = column_real(st, 6);
	} else if (step != SQLITE_DONE) {
		rc = store_fail(s, step, "reading the previous scoring run");
	}
	sqlite3_finalize(st);
	return rc;
}

void store_score_run_release(struct score_run_rec *r)
{
	free((char *)r->as_of);
	free((char *)r->created_at);
	free((char *)r->options);
	free((char *)r->digest);
	r->as_of = r->created_at = r->options = r->digest = NULL;
}

int store_score_group_each(struct store *s, long long run_id, const char *by,
			   int (*fn)(const struct score_group_rec *g, void *ctx), void *ctx)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_prepare(s,
				"SELECT by, author, topic" GROUP_COLUMNS
				" FROM score_group WHERE run_id = ?1"
				" AND (?2 IS NULL OR by = ?2)",
				&st)))
		return rc;
	sqlite3_bind_int64(st, 1, run_id);
	if (by)
		sqlite3_bind_text(st, 2, by, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct score_group_rec g = {.by = store_text(st, 0),
					    .author = store_text(st, 1),
					    .topic = store_text(st, 2)};
		int i = 3;
#define READ_COUNT(column, member, label, meaning)      g.member = (long)sqlite3_column_int64(st, i++);
#define READ_FIGURE(name, kind, binned, label, meaning) g.fig.name = column_real(st, i++);
		SCORE_COUNTS(READ_COUNT)
		SCORE_FIGURES(READ_FIGURE)
		if ((rc = fn(&g, ctx)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail(s, step, "reading a scoring run");
	sqlite3_finalize(st);
	return rc;
}

int store_score_trend(struct store *s, const char *as_of,
		      int (*fn)(const struct score_trend_rec *t, void *ctx), void *ctx)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_prepare(s,
				"SELECT r.as_of, g.by, g.author, g.n, g.brier"
				" FROM score_run r JOIN score_group g ON g.run_id = r.id"
				" WHERE r.as_of < ?1 AND g.by IN ('all', 'author')"
				" AND r.id = (SELECT max(id) FROM score_run WHERE as_of = r.as_of)"
				" ORDER BY r.as_of, g.by, g.author COLLATE BINARY",
				&st)))
		return rc;
	sqlite3_bind_text(st, 1, as_of, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct score_trend_rec t = {store_text(st, 0), store_text(st, 1), store_text(st, 2),
					    (long)sqlite3_column_int64(st, 3), column_real(st, 4)};
		if ((rc = fn(&t, ctx)))
			break;
	}
	if (!rc && step != SQLITE_DONE)
		rc = store_fail(s, step, "reading the recorded scoring runs");
	sqlite3_finalize(st);
	return rc;
}
