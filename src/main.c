/*
 * main: global options and dispatch, nothing else.
 *
 * The command table below is the single list of what likely can do; each
 * command (src/cmd/NAME.c) declares its options, operands, database use
 * and help beside its code.  The dispatcher does what every command
 * shares -- --help, option and operand parsing (cli.c), opening the
 * database, one transaction around a writing command, checking that
 * stdout was written, the exit code (cli.h's policy) -- so each command
 * only does its own work.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "likely/base/buf.h"
#include "likely/base/version.h"
#include "likely/cli/cli.h"
#include "likely/base/date.h"
#include "likely/store/store.h"
#include "likely/cli/suggest.h"

/* Sorted by name. */
static const struct command *const commands[] = {
	&command_accept,  &command_due,     &command_edit,   &command_evidence, &command_export,
	&command_extract, &command_import,  &command_init,   &command_list,     &command_read,
	&command_reject,  &command_resolve, &command_review, &command_score,    &command_show,
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void print_help(FILE *fp)
{
	fputs("usage: likely [--db PATH] [--config DIR] COMMAND [OPTIONS] [ARGS]\n"
	      "       likely --version | --help | COMMAND --help\n\n"
	      "Finds forecasts in article pages, keeps them as a ledger, lets\n"
	      "editors settle them, and scores the track record.\n\n"
	      "commands:\n",
	      fp);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-9s %s\n", commands[i]->name, commands[i]->summary);
	fputs("\ndatabase: --db, else $LIKELY_DB, else ./likely.db\n"
	      "configuration: --config DIR, else $LIKELY_CONFIG, else "
	      "predictions/config/ when present, else built in\n",
	      fp);
}

static void print_command_help(FILE *fp, const struct command *c)
{
	fprintf(fp, "usage: likely %s\n\n%s\n\n%s", c->usage, c->summary, c->details);
}

/* SOURCE_DATE_EPOCH (reproducible-builds.org) pins the clock for tests and
 * reproducible runs; the history's timestamps come from here. */
static void set_clock(struct ctx *ctx)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	long long t = (long long)time(NULL);
	if (epoch && *epoch) {
		char *end;
		long long v = strtoll(epoch, &end, 10);
		if (*end == '\0' && v >= 0)
			t = v;
	}
	long days = (long)(t / 86400);
	long secs = (long)(t % 86400);
	date_format_iso(days, ctx->today);
	snprintf(ctx->now, sizeof ctx->now, "%sT%02ld:%02ld:%02ldZ", ctx->today, secs / 3600,
		 secs / 60 % 60, secs % 60);
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

static int unknown_command(struct ctx *ctx, const char *name)
{
	struct suggest s;
	struct buf hint;
	buf_init(&hint);
	suggest_init(&s, name, strlen(name));
	for (size_t i = 0; i < NCOMMANDS; i++)
		suggest_offer(&s, commands[i]->name, strlen(commands[i]->name));
	suggest_hint(&s, "", &hint);
	diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, "unknown command '%s'%s", name,
		    hint.len ? hint.data : " (see likely --help)");
	buf_release(&hint);
	return LIKELY_USAGE;
}

/* Parses, opens the database as the command declares, runs it, and ends
 * its transaction: committed when it returns LIKELY_OK, else undone. */
static int run(struct ctx *ctx, const struct command *c, int argc, char **argv)
{
	struct cmd_args a;
	int rc = cli_parse(ctx, c, argc, argv, &a);

	if (rc == CLI_HELP) {
		print_command_help(ctx->out, c);
		rc = LIKELY_OK;
		goto out;
	}
	ctx->db_use = c->db;
	if (rc || (c->db != DB_WRITE_LAZY && (rc = cli_store_open(ctx))))
		goto out;
	rc = c->run(ctx, &a);
	if (cli_in_transaction(ctx)) {
		if (rc == LIKELY_OK)
			rc = store_commit(ctx->store);
		store_rollback(ctx->store);
	}
out:
	store_close(ctx->store);
	ctx->store = NULL;
	free(a.argv);
	return rc;
}

static int unknown_global_option(struct ctx *ctx, const char *arg)
{
	struct buf hint;
	buf_init(&hint);
	cli_suggest_global(arg, &hint);
	diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, "unknown or incomplete option '%s'%s", arg,
		    hint.data);
	buf_release(&hint);
	print_help(stderr);
	return LIKELY_USAGE;
}

int main(int argc, char **argv)
{
	struct ctx ctx = {0};
	int i = 1, rc;

	/* Over a file-size limit (ulimit -f) a write then fails with EFBIG,
	 * reported as an I/O error (74) with the temporaries removed, instead
	 * of a silent death by SIGXFSZ. */
	signal(SIGXFSZ, SIG_IGN);
	diag_init(&ctx.diag, stderr);
	ctx.out = stdout;
	ctx.db_path = getenv("LIKELY_DB");
	if (!ctx.db_path || !*ctx.db_path)
		ctx.db_path = "likely.db";
	ctx.config_dir = getenv("LIKELY_CONFIG");
	if (ctx.config_dir && !*ctx.config_dir)
		ctx.config_dir = NULL;
	set_clock(&ctx);

	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *arg = argv[i];
		if (!strcmp(arg, "--version")) {
			printf("likely %s\n", LIKELY_VERSION);
			return fflush(stdout) || ferror(stdout) ? LIKELY_IOERR : LIKELY_OK;
		} else if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			print_help(stdout);
			return fflush(stdout) || ferror(stdout) ? LIKELY_IOERR : LIKELY_OK;
		} else if (cli_global_option(&ctx, argc, argv, &i) <= 0) {
			return unknown_global_option(&ctx, arg);
		}
	}
	if (i == argc) {
		diag_report(&ctx.diag, LIKELY_USAGE, NULL, 0, "no command given");
		print_help(stderr);
		return LIKELY_USAGE;
	}
	const struct command *c = find_command(argv[i]);
	if (!c)
		return unknown_command(&ctx, argv[i]);
	rc = run(&ctx, c, argc - i - 1, argv + i + 1);
	/* A result that did not reach stdout is an I/O error, whatever else. */
	if (fflush(stdout) != 0 || ferror(stdout))
		diag_report(&ctx.diag, LIKELY_IOERR, NULL, 0,
			    "cannot write the results to standard output");
	return diag_worse(rc, ctx.diag.worst);
}
