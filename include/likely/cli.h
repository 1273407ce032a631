/*
 * cli: what the dispatcher in main.c hands to every command -- the
 * context (no globals: options, database, streams, clock) and the parsed
 * command line -- and the command functions themselves.
 */
#ifndef LIKELY_CLI_H
#define LIKELY_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "likely/diag.h"

#define LIKELY_VERSION "0.1.0"
#define CLI_MAX_OPTIONS 16

struct store;

struct ctx {
	const char *db_path;     /* --db, $LIKELY_DB, or ./likely.db */
	const char *config_dir;  /* --config, $LIKELY_CONFIG, or NULL */
	struct store *store;     /* opened by the dispatcher when needed */
	struct diag diag;
	FILE *out;               /* results; stdout */
	char now[32];            /* "YYYY-MM-DDTHH:MM:SSZ": $SOURCE_DATE_EPOCH or the clock */
	char today[11];          /* the date part of now */
	/* Set by a writing command that wants its work kept although it
	 * returns an error (extract skipping one bad page of many). */
	bool commit_anyway;
};

/* The command line after the dispatcher parsed it against the command's
 * option list. */
struct cmd_args {
	const char *const *options;           /* the command's spec list */
	const char *value[CLI_MAX_OPTIONS];   /* value given, or NULL */
	bool seen[CLI_MAX_OPTIONS];
	int argc;                             /* operands */
	char **argv;
};

/*
 * Index of an option in a spec list ("name", "name=" takes a value,
 * "long,s=" also answers to -s), matching the canonical name, or with
 * is_short the one-letter alias; -1 when there is none.
 */
int cli_find_option(const char *const *spec, const char *name, size_t len,
		    bool is_short);
/* Whether the spec entry takes a value (ends in '='). */
bool cli_takes_value(const char *spec);

struct suggest;
/* Offers every canonical option name of the spec list to s (suggest.h). */
void cli_offer_options(const char *const *spec, struct suggest *s);

/* Whether option `name` (canonical name, as in the spec) was given. */
bool args_has(const struct cmd_args *a, const char *name);
/* Its value, or NULL when not given. */
const char *args_get(const struct cmd_args *a, const char *name);

/* Every command: does its own work, returns an exit code (diag.h). */
int cmd_init(struct ctx *ctx, const struct cmd_args *a);
int cmd_import(struct ctx *ctx, const struct cmd_args *a);
int cmd_export(struct ctx *ctx, const struct cmd_args *a);
int cmd_list(struct ctx *ctx, const struct cmd_args *a);
int cmd_show(struct ctx *ctx, const struct cmd_args *a);
int cmd_extract(struct ctx *ctx, const struct cmd_args *a);
int cmd_accept(struct ctx *ctx, const struct cmd_args *a);
int cmd_reject(struct ctx *ctx, const struct cmd_args *a);
int cmd_edit(struct ctx *ctx, const struct cmd_args *a);
int cmd_due(struct ctx *ctx, const struct cmd_args *a);
int cmd_resolve(struct ctx *ctx, const struct cmd_args *a);
int cmd_review(struct ctx *ctx, const struct cmd_args *a);
int cmd_evidence(struct ctx *ctx, const struct cmd_args *a);
int cmd_score(struct ctx *ctx, const struct cmd_args *a);
int cmd_read(struct ctx *ctx, const struct cmd_args *a);

#endif
