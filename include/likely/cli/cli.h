/*
 * cli: what the dispatcher in main.c hands to every command -- the
 * context (no globals: options, database, streams, clock) and the parsed
 * command line -- the shape of a command, and the checks of option values
 * that several commands share.
 *
 * Each command is one file in src/cmd/ that ends with its
 * `const struct command command_NAME`: its options (an enum and a
 * cli_option list), operands, database use and help text sit beside its
 * code, so adding an option touches that one file and a mistyped option
 * name does not compile.
 *
 * The exit policy: a command returns LIKELY_OK to keep what it did (the
 * dispatcher commits) and anything else to undo it (rolled back).  The
 * process exits with the worse of that result and the worst problem the
 * command reported (diag.h), so a run that keeps its good pages and
 * reports a bad one exits 65 without help from the command.
 */
#ifndef LIKELY_CLI_H
#define LIKELY_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "likely/base/diag.h"

#define CLI_MAX_OPTIONS 16

struct store;

/* How a command uses the database. */
enum db_use {
	DB_NONE,       /* no database */
	DB_READ,       /* must exist; opened read-only */
	DB_WRITE,      /* created when missing; one transaction around the command */
	DB_WRITE_LAZY, /* as DB_WRITE, opened only when the command calls
			* cli_store_open (extract --dry-run never does) */
	DB_OWN_TX,     /* must exist; the command commits as it goes (review, score) */
};

struct ctx {
	const char *db_path;    /* --db, $LIKELY_DB, or ./likely.db */
	const char *config_dir; /* --config, $LIKELY_CONFIG, or NULL */
	enum db_use db_use;     /* the running command's */
	struct store *store;    /* opened by the dispatcher (or cli_store_open) */
	struct diag diag;
	FILE *out;      /* results; stdout */
	char now[32];   /* "YYYY-MM-DDTHH:MM:SSZ": $SOURCE_DATE_EPOCH or the clock */
	char today[11]; /* the date part of now */
};

/* One option of a command: --name, and -letter when letter is not 0. */
enum cli_option_kind {
	CLI_FLAG,
	CLI_VALUE
};
struct cli_option {
	const char *name;
	char letter;
	enum cli_option_kind kind;
};
/* One entry of a command's option list, at its OPT_ index. */
#define CLI_OPTION(index, name, letter, kind) [index] = {name, letter, kind}

/* The command line after the dispatcher parsed it against the command's
 * option list: indexed by the command's own OPT_ enum. */
struct cmd_args {
	const char *value[CLI_MAX_OPTIONS]; /* value given, or NULL */
	bool seen[CLI_MAX_OPTIONS];
	int argc; /* operands */
	char **argv;
};

struct command {
	const char *name;
	/* Does the command's own work; returns an exit code (see above). */
	int (*run)(struct ctx *ctx, const struct cmd_args *a);
	int min_operands, max_operands; /* -1: no limit */
	enum db_use db;
	const struct cli_option *options; /* noptions of them, at most CLI_MAX_OPTIONS */
	size_t noptions;
	const char *summary; /* one line, for likely --help */
	const char *usage;   /* after "usage: likely " */
	const char *details; /* options and operands, for COMMAND --help */
};

/* Every command, one per file in src/cmd/. */
extern const struct command command_accept, command_due, command_edit, command_evidence,
	command_export, command_extract, command_import, command_init, command_list, command_read,
	command_reject, command_resolve, command_review, command_score, command_show;

struct buf;
/*
 * For the dispatcher.  cli_parse parses argv (after the command name)
 * into a, and returns LIKELY_OK, LIKELY_USAGE (reported, with the usage
 * line), or CLI_HELP when --help was asked for.  --db and --config are
 * taken before the command's name and after it.
 */
#define CLI_HELP (-1)
int cli_parse(struct ctx *ctx, const struct command *c, int argc, char **argv, struct cmd_args *a);
/* When argv[*i] is --db or --config (with its value, moving *i past it),
 * sets it in ctx and returns 1; -1 when the value is missing; else 0. */
int cli_global_option(struct ctx *ctx, int argc, char **argv, int *i);
/* Appends to hint a "did you mean" for an unknown global option. */
void cli_suggest_global(const char *arg, struct buf *hint);

/*
 * Opens the database as the running command's db_use says and, for a
 * writing command, begins the transaction the dispatcher ends.  The
 * dispatcher calls it before the command, except for DB_WRITE_LAZY, whose
 * command calls it when it is going to write.
 */
int cli_store_open(struct ctx *ctx);
/* Whether the dispatcher holds a transaction to end for the command. */
bool cli_in_transaction(const struct ctx *ctx);

/*
 * Checks of option values.  Each passes NULL (not given), and reports a
 * usage error (2) naming the option otherwise.
 */
/* One of candidate, accepted, rejected. */
int opt_status(struct ctx *ctx, const char *value);
/* --format table|csv (NULL = table); sets *csv. */
int opt_format(struct ctx *ctx, const char *value, bool *csv);
/* A date option (--as-of, --on): ISO, a real day.  NULL leaves *days. */
int opt_date(struct ctx *ctx, const char *option, const char *value, long *days);
/* A text option by the textfield rule (TEXTFIELD_* flags). */
int opt_text(struct ctx *ctx, const char *option, const char *value, unsigned flags);
/* A whole number from 0 to max (--min-n, --limit, --jobs). */
int opt_count(struct ctx *ctx, const char *option, const char *value, long max, long *out);

#endif
