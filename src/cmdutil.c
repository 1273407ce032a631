/*
 * cmdutil: shared option checks and table text.
 */
#include "likely/cmdutil.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "likely/date.h"
#include "likely/textfield.h"
#include "likely/extract.h"
#include "likely/ledger.h"
#include "likely/store.h"

int opt_status(struct ctx *ctx, const char *value)
{
	if (!value || ledger_check_field(COL_STATUS, value) == NULL)
		return LIKELY_OK;
	return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
			   "--status: '%s' is not one of candidate, accepted, rejected",
			   value);
}

int opt_format(struct ctx *ctx, const char *value, bool *csv)
{
	*csv = false;
	if (!value || strcmp(value, "table") == 0)
		return LIKELY_OK;
	if (strcmp(value, "csv") == 0) {
		*csv = true;
		return LIKELY_OK;
	}
	return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
			   "--format: '%s' is not one of table, csv", value);
}

int opt_date(struct ctx *ctx, const char *option, const char *value,
	     long *days)
{
	if (!value || date_parse_iso(value, days))
		return LIKELY_OK;
	return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
			   "--%s: '%s' is not a calendar date in the form YYYY-MM-DD",
			   option, value);
}

int opt_text(struct ctx *ctx, const char *option, const char *value, unsigned flags)
{
	const char *why = value ? textfield_check_str(value, flags) : NULL;
	if (!why)
		return LIKELY_OK;
	return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, "--%s: %s", option, why);
}

int opt_count(struct ctx *ctx, const char *option, const char *value,
	      long max, long *out)
{
	char *end;
	if (!value)
		return LIKELY_OK;
	errno = 0;
	long v = strtol(value, &end, 10);
	if (*value < '0' || *value > '9' || *end || errno || v > max)
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "--%s: '%s' is not a whole number from 0 to %ld",
				   option, value, max);
	*out = v;
	return LIKELY_OK;
}

void text_fit(struct buf *b, const char *s, size_t width, bool pad)
{
	char *flat = ledger_collapse_space(s);
	size_t chars = 0, i = 0, cut = 0, cut_chars = 0;

	for (; flat[i]; i++) {
		if (((unsigned char)flat[i] & 0xC0) == 0x80)
			continue;
		if (chars == (width > 3 ? width - 3 : width)) {
			cut = i;
			cut_chars = chars;
		}
		chars++;
	}
	if (chars > width && width > 3) {
		buf_add(b, flat, cut);
		buf_adds(b, "...");
		chars = cut_chars + 3;
	} else {
		buf_adds(b, flat);
	}
	while (pad && chars++ < width)
		buf_addc(b, ' ');
	free(flat);
}

int forecast_load(struct ctx *ctx, const char *id, enum id_use use,
		  struct forecast *f)
{
	bool found;
	char *full = NULL;
	int count, rc = store_forecast_get(ctx->store, id, f, &found);

	if (rc || found)
		return rc;
	/* not an id: perhaps the first digits of one */
	if (use == ID_CHANGE && strlen(id) < ID_PREFIX_MIN_CHANGE)
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "'%s' is not an id; to change a forecast give "
				   "its whole id or at least its first %d "
				   "characters", id, ID_PREFIX_MIN_CHANGE);
	if ((rc = store_forecast_match(ctx->store, id, &full, &count)))
		return rc;
	if (count == 1) {
		forecast_release(f);
		rc = store_forecast_get(ctx->store, full, f, &found);
	} else if (count > 1) {
		rc = diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				 "'%s' is the start of several ids; give more digits", id);
	} else {
		rc = diag_report(&ctx->diag, LIKELY_DATAERR, NULL, 0,
				 "no forecast with id '%s' (see likely list)", id);
	}
	free(full);
	return rc;
}

int forecast_save(struct ctx *ctx, const struct forecast *f, const char *reason)
{
	return store_forecast_put(ctx->store, f, ctx->now, reason, NULL);
}

static bool is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int config_load(struct ctx *ctx, struct extract_config *cfg)
{
	const char *dir = ctx->config_dir;
	extract_config_init(cfg);
	if (dir && !is_directory(dir))
		return diag_report(&ctx->diag, LIKELY_NOINPUT, dir, 0,
				   "no such configuration directory");
	if (!dir && is_directory("predictions/config"))
		dir = "predictions/config";
	return dir ? extract_config_load_dir(cfg, dir, &ctx->diag) : LIKELY_OK;
}

static int due_add(const struct forecast *f, void *data)
{
	struct due_list *l = data;
	long horizon;

	if (!date_parse_iso(f->col[COL_HORIZON], &horizon) || horizon >= l->as_of)
		return 0;
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	struct due_item *it = &l->items[l->count++];
	forecast_init(&it->f);
	for (int c = 0; c < LEDGER_NCOLS; c++)
		forecast_set(&it->f, c, f->col[c]);
	it->overdue = l->as_of - horizon;
	return 0;
}

static int by_horizon(const void *pa, const void *pb)
{
	const struct due_item *a = pa, *b = pb;
	return forecast_due_order(&a->f, &b->f);
}

int due_collect(struct ctx *ctx, long as_of, struct due_list *l)
{
	struct forecast_filter open = {.open_only = true};
	memset(l, 0, sizeof *l);
	l->as_of = as_of;
	int rc = store_forecast_each(ctx->store, &open, due_add, l);
	if (!rc && l->count) /* qsort(NULL, 0, ...) is undefined */
		qsort(l->items, l->count, sizeof *l->items, by_horizon);
	return rc;
}

void due_list_release(struct due_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		forecast_release(&l->items[i].f);
	free(l->items);
	memset(l, 0, sizeof *l);
}
