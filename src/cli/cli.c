/*
 * cli: the command line -- parsing a command's options and operands
 * against its option list, the options every command takes (--db,
 * --config), opening the database as the command declares, and the
 * checks of option values that several commands share.
 */
#include "likely/cli/cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "likely/base/buf.h"
#include "likely/base/date.h"
#include "likely/core/ledger.h"
#include "likely/store/store.h"
#include "likely/cli/suggest.h"
#include "likely/text/textfield.h"

/* The options every command takes, before or after its name. */
static const struct cli_option global_options[] = {
	{"db", 0, CLI_VALUE},
	{"config", 0, CLI_VALUE},
	{"help", 'h', CLI_FLAG},
};
#define NGLOBAL (sizeof global_options / sizeof global_options[0])

/* Index of the option named name (len bytes; one letter when is_short),
 * or -1. */
static int find_option(const struct cli_option *list, size_t n, const char *name, size_t len,
		       bool is_short)
{
	for (size_t i = 0; i < n; i++) {
		if (is_short ? len == 1 && list[i].letter == name[0]
			     : strlen(list[i].name) == len && strncmp(list[i].name, name, len) == 0)
			return (int)i;
	}
	return -1;
}

static void offer_options(const struct cli_option *list, size_t n, struct suggest *s)
{
	for (size_t i = 0; i < n; i++)
		suggest_offer(s, list[i].name, strlen(list[i].name));
}

int cli_global_option(struct ctx *ctx, int argc, char **argv, int *i)
{
	const char *arg = argv[*i];
	if (strncmp(arg, "--", 2) != 0)
		return 0;
	const char *name = arg + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	int k = find_option(global_options, NGLOBAL, name, len, false);
	if (k < 0 || global_options[k].kind != CLI_VALUE)
		return 0;
	const char *v = eq ? eq + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
	if (!v)
		return -1;
	if (strcmp(global_options[k].name, "db") == 0)
		ctx->db_path = v;
	else
		ctx->config_dir = v;
	return 1;
}

void cli_suggest_global(const char *arg, struct buf *hint)
{
	static const struct cli_option version = {"version", 0, CLI_FLAG};
	struct suggest s;
	if (arg[1] != '-')
		return;
	suggest_init(&s, arg + 2, strcspn(arg + 2, "="));
	offer_options(global_options, NGLOBAL, &s);
	offer_options(&version, 1, &s);
	suggest_hint(&s, "--", hint);
}

static int usage_error(struct ctx *ctx, const struct command *c, const char *fmt, const char *what)
{
	diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, fmt, c->name, what);
	fprintf(stderr, "usage: likely %s\n", c->usage);
	return LIKELY_USAGE;
}

/* An option the command does not know, with the closest one it does
 * (the global ones count) when there is one. */
static int unknown_option(struct ctx *ctx, const struct command *c, const char *arg,
			  const char *name, size_t len, bool is_short)
{
	struct suggest s;
	struct buf hint;
	buf_init(&hint);
	if (!is_short) {
		suggest_init(&s, name, len);
		offer_options(c->options, c->noptions, &s);
		offer_options(global_options, NGLOBAL, &s);
		suggest_hint(&s, "--", &hint);
	}
	diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, "%s: unknown option '%s'%s", c->name, arg,
		    hint.data);
	fprintf(stderr, "usage: likely %s\n", c->usage);
	buf_release(&hint);
	return LIKELY_USAGE;
}

int cli_parse(struct ctx *ctx, const struct command *c, int argc, char **argv, struct cmd_args *a)
{
	memset(a, 0, sizeof *a);
	a->argv = xcalloc((size_t)argc + 1, sizeof *a->argv);
	bool only_operands = false;
	for (int i = 0; i < argc; i++) {
		char *arg = argv[i];
		if (only_operands || arg[0] != '-' || strcmp(arg, "-") == 0) {
			a->argv[a->argc++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_operands = true;
			continue;
		}
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
			return CLI_HELP;
		int g = cli_global_option(ctx, argc, argv, &i);
		if (g < 0)
			return usage_error(ctx, c, "%s: option '%s' needs a value", arg);
		if (g > 0)
			continue;
		bool is_short = arg[1] != '-';
		const char *name = arg + (is_short ? 1 : 2);
		const char *eq = is_short ? NULL : strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		int k = find_option(c->options, c->noptions, name, len, is_short);
		if (k < 0)
			return unknown_option(ctx, c, arg, name, len, is_short);
		if (c->options[k].kind == CLI_VALUE) {
			const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v)
				return usage_error(ctx, c, "%s: option '%s' needs a value", arg);
			a->value[k] = v;
		} else if (eq) {
			return usage_error(ctx, c, "%s: option '%s' takes no value", arg);
		}
		a->seen[k] = true;
	}
	if (a->argc < c->min_operands)
		return usage_error(ctx, c, "%s: %s", "missing operand");
	if (c->max_operands >= 0 && a->argc > c->max_operands)
		return usage_error(ctx, c, "%s: unexpected operand '%s'", a->argv[c->max_operands]);
	return LIKELY_OK;
}

int cli_store_open(struct ctx *ctx)
{
	static const enum store_mode mode[] = {
		[DB_READ] = STORE_READONLY,
		[DB_WRITE] = STORE_CREATE,
		[DB_WRITE_LAZY] = STORE_CREATE,
		[DB_OWN_TX] = STORE_WRITE,
	};
	int rc;
	if (ctx->db_use == DB_NONE || ctx->store)
		return LIKELY_OK;
	if ((rc = store_open(ctx->db_path, mode[ctx->db_use], &ctx->diag, &ctx->store)))
		return rc;
	return cli_in_transaction(ctx) ? store_begin(ctx->store) : LIKELY_OK;
}

bool cli_in_transaction(const struct ctx *ctx)
{
	return ctx->store && (ctx->db_use == DB_WRITE || ctx->db_use == DB_WRITE_LAZY);
}

int opt_status(struct ctx *ctx, const char *value)
{
	if (!value || ledger_check_field(COL_STATUS, value) == NULL)
		return LIKELY_OK;
	return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
			   "--status: '%s' is not one of candidate, accepted, rejected", value);
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

int opt_date(struct ctx *ctx, const char *option, const char *value, long *days)
{
	if (!value || date_parse_iso(value, days))
		return LIKELY_OK;
	return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
			   "--%s: '%s' is not a calendar date in the form YYYY-MM-DD", option,
			   value);
}

int opt_text(struct ctx *ctx, const char *option, const char *value, unsigned flags)
{
	const char *why = value ? textfield_check_str(value, flags) : NULL;
	if (!why)
		return LIKELY_OK;
	return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, "--%s: %s", option, why);
}

int opt_count(struct ctx *ctx, const char *option, const char *value, long max, long *out)
{
	char *end;
	if (!value)
		return LIKELY_OK;
	errno = 0;
	long v = strtol(value, &end, 10);
	if (*value < '0' || *value > '9' || *end || errno || v > max)
		return diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
				   "--%s: '%s' is not a whole number from 0 to %ld", option, value,
				   max);
	*out = v;
	return LIKELY_OK;
}
