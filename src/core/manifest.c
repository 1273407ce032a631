/*
 * manifest: read once, looked up by file name for every page.
 */
#include "likely/core/manifest.h"

#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/io/csvio.h"
#include "likely/base/date.h"
#include "likely/core/ledger.h"
#include "likely/base/strset.h"
#include "likely/text/textfield.h"

static const char *const columns[] = {"file",   "url",    "title", "published",
				      "author", "source", NULL};

struct manifest {
	struct manifest_entry *entries;
	size_t count, cap;
	struct strset *index; /* file -> entry index */
};

static int bad(struct csv_table *t, unsigned long line, const char *column, const char *why,
	       const char *value)
{
	return csv_table_bad(t, line, "%s: %s ('%s')", column, why, value);
}

static int on_row(struct csv_table *t, const struct csv_record *rec)
{
	struct manifest *m = t->ctx;
	long day, first;

	const char *file = rec->fields[0], *published = rec->fields[3];
	/* each value lands in the ledger column of the same name */
	static const enum ledger_column as[6] = {COL_FILE,      COL_URL,    COL_TITLE,
						 COL_PUBLISHED, COL_AUTHOR, COL_SOURCE};
	for (int i = 0; i < 6; i++) {
		const char *why =
			textfield_check_str(rec->fields[i], ledger_column_text_flags(as[i]));
		if (why)
			return bad(t, rec->line, columns[i], why, rec->fields[i]);
	}
	if (!*file)
		return bad(t, rec->line, "file", "empty (which page is this row about?)", file);
	if (*published && !date_parse_iso(published, &day) && !date_parse_month(published, &day))
		return bad(t, rec->line, "published",
			   "not a calendar date in the form YYYY-MM-DD (or YYYY-MM "
			   "for a month)",
			   published);
	if (!strset_add(m->index, file, (long)m->count, &first))
		return bad(t, rec->line, "file", "listed twice", file);
	if (m->count == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->entries = xrealloc(m->entries, m->cap * sizeof *m->entries);
	}
	struct manifest_entry *e = &m->entries[m->count++];
	e->file = xstrdup(file);
	e->url = xstrdup(rec->fields[1]);
	e->title = xstrdup(rec->fields[2]);
	e->published = xstrdup(published);
	e->author = xstrdup(rec->fields[4]);
	e->source = xstrdup(rec->fields[5]);
	return 0;
}

int manifest_read(const char *path, struct diag *d, struct manifest **out)
{
	struct manifest *m = xcalloc(1, sizeof *m);
	struct csv_table t = {.path = path, .columns = columns, .row = on_row, .ctx = m, .d = d};
	m->index = strset_new();
	int rc = csv_table_read(&t);
	if (rc) {
		manifest_free(m);
		m = NULL;
	}
	*out = m;
	return rc;
}

void manifest_free(struct manifest *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->count; i++) {
		struct manifest_entry *e = &m->entries[i];
		free(e->file);
		free(e->url);
		free(e->title);
		free(e->published);
		free(e->author);
		free(e->source);
	}
	free(m->entries);
	strset_free(m->index);
	free(m);
}

const struct manifest_entry *manifest_find(const struct manifest *m, const char *file)
{
	long i;
	if (!m || !strset_get(m->index, file, &i))
		return NULL;
	return &m->entries[i];
}
