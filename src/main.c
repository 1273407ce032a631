/*
 * main: global options and dispatch, nothing else.
 *
 * The command table below is the single list of what likely can do.  The
 * dispatcher does what every command shares -- --help, option and operand
 * parsing, opening the database, one transaction around a writing command,
 * checking that stdout was written -- so each cmd_x only does its own work.
 * Commands receive their options already parsed (struct cmd_args) rather
 * than raw argv: the option lists are declared here, once, next to the
 * usage text they must agree with.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "likely/buf.h"
#include "likely/cli.h"
#include "likely/date.h"
#include "likely/store.h"
#include "likely/suggest.h"

enum db_use {
	DB_NONE,    /* no database */
	DB_READ,    /* must exist */
	DB_WRITE,   /* created when missing; one transaction around the command */
	DB_OWN_TX,  /* must exist; the command commits as it goes (review) */
};

struct command {
	const char *name;
	int (*fn)(struct ctx *ctx, const struct cmd_args *a); /* NULL: not built yet */
	int min_operands, max_operands;                      /* -1: no limit */
	enum db_use db;
	const char *const *options; /* "name", "name=" takes a value, "long,s=" adds -s */
	const char *summary;
	const char *usage;
	const char *details; /* options and operands, for COMMAND --help */
};

#define OPTS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NO_OPTS ((const char *const[]){NULL})

/* Sorted by name. */
static const struct command commands[] = {
	{"accept", cmd_accept, 1, -1, DB_WRITE, OPTS("reason="),
	 "accept candidate forecasts", "accept ID... [--reason R]",
	 "  ID...        forecasts to accept (the first 4 characters of an id are\n"
	 "               enough when no other id starts the same way)\n"
	 "  --reason R   why, kept in each forecast's history\n"
	 "One transaction: an unknown id anywhere changes nothing.  A candidate\n"
	 "without a publication date is refused (exit 65) and the others are\n"
	 "accepted; add its date with likely edit ID --published YYYY-MM-DD.\n"},
	{"due", cmd_due, 0, 0, DB_READ, OPTS("as-of=", "format="),
	 "the review queue: accepted forecasts past their horizon, unsettled",
	 "due [--as-of DATE] [--format table|csv]",
	 "  --as-of DATE   the day to judge \"past the horizon\" (default today)\n"
	 "  --format csv   CSV instead of the table (id, days_overdue, horizon, ...)\n"
	 "The table fits the terminal's width (else $COLUMNS, else 80 columns);\n"
	 "the claim is cut, never the id.  FORECASTER is the speaker when there\n"
	 "is one, else the author.\n"},
	{"edit", cmd_edit, 1, 1, DB_WRITE,
	 OPTS("probability=", "horizon=", "topic=", "author=", "speaker=",
	      "claim=", "published=", "reason="),
	 "change a forecast's probability, horizon, topic, author, speaker, "
	 "claim or date",
	 "edit ID [--probability P] [--horizon DATE] [--topic T] [--author A] "
	 "[--speaker S] [--claim TEXT] [--published DATE] [--reason R]",
	 "  ID                the whole id, or its first 4 characters or more\n"
	 "  --probability P   a decimal in [0,1], or \"\" for a hedged statement\n"
	 "  --horizon DATE    YYYY-MM-DD, not before the publication date\n"
	 "  --published DATE  the article's date, YYYY-MM-DD or YYYY-MM (a month);\n"
	 "                    a horizon from extraction is computed again from\n"
	 "                    it, one set by an editor is kept\n"
	 "  --topic T         one or more topics joined by \";\"\n"
	 "  --author A        the author (\"\" for none)\n"
	 "  --speaker S       who made the forecast when it is not the article's\n"
	 "                    own voice (\"\" for the author's own, \"(unnamed)\"\n"
	 "                    for a source the article does not name)\n"
	 "  --claim TEXT      the sentence (whitespace is collapsed)\n"
	 "  --reason R        why, kept in the history\n"
	 "The id does not change.\n"},
	{"evidence", cmd_evidence, 1, 1, DB_READ, OPTS("limit="),
	 "sentences from later articles that may settle a forecast",
	 "evidence ID [--limit N]",
	 "  ID          the forecast\n"
	 "  --limit N   how many sentences (default 10)\n"
	 "Sentences come from articles published after the forecast that were read\n"
	 "with extract; they are suggestions, ranked by full-text relevance.\n"},
	{"export", cmd_export, 0, 0, DB_READ, OPTS("output,o=", "status="),
	 "write the ledger CSV", "export [-o FILE] [--status S]",
	 "  -o FILE, --output FILE   write FILE (atomically) instead of stdout\n"
	 "  --status S               only candidate, accepted or rejected forecasts\n"
	 "Forecasts come out in the order they entered the database, so export,\n"
	 "import, export gives the same bytes.\n"},
	{"extract", cmd_extract, 1, -1, DB_WRITE,
	 OPTS("manifest=", "source=", "dry-run", "format=", "jobs="),
	 "find forecasts in article pages and store them as candidates",
	 "extract [--manifest F] [--source S] [--format text|html|feed] [--dry-run] [--jobs N] FILE...",
	 "  FILE...        article pages: UTF-8 text, HTML (any charset it declares)\n"
	 "                 or an RSS/Atom/WXR feed, told apart by content; \"-\" is stdin\n"
	 "  --format F     read every page as text, html or feed\n"
	 "  --dry-run      print the forecasts as ledger CSV, store nothing\n"
	 "  --manifest F   CSV file,url,title,published,author,source overriding\n"
	 "                 what was detected for the pages it names\n"
	 "  --source S     the source column for pages the manifest does not name\n"
	 "  --jobs N       read pages in N processes (default 0: one per core);\n"
	 "                 the output is the same for every N\n"
	 "A bad page is reported and nothing of it is kept; the others are, and the\n"
	 "run exits 65. Forecasts already stored are never changed.\n"},
	{"import", cmd_import, 1, -1, DB_WRITE, NO_OPTS,
	 "load ledger CSV files (all or nothing)", "import FILE...",
	 "  FILE...   ledger CSV files (header id,file,title,published,...); \"-\" is stdin\n"
	 "All files or nothing: any bad row is reported as FILE:LINE: column: reason\n"
	 "and the database is left as it was.\n"},
	{"init", cmd_init, 0, 0, DB_WRITE, NO_OPTS,
	 "create or upgrade the database", "init",
	 "Creates the database (--db, $LIKELY_DB or ./likely.db) or upgrades its\n"
	 "schema.\n"},
	{"list", cmd_list, 0, 0, DB_READ,
	 OPTS("author=", "speaker=", "topic=", "status=", "open", "outcome=",
	      "since=", "until=", "format="),
	 "browse forecasts",
	 "list [--author A] [--speaker S] [--topic T] [--status S] [--open] "
	 "[--outcome O] [--since DATE] [--until DATE] [--format table|csv]",
	 "  --author A       authors whose name holds A (case does not matter);\n"
	 "                   \"unattributed\" selects forecasts with no author\n"
	 "  --speaker S      only forecasts this speaker made (case and spaces,\n"
	 "                   a title and an affiliation do not matter)\n"
	 "  --topic T        only forecasts with this topic (one of their \";\" topics)\n"
	 "  --status S       candidate, accepted or rejected\n"
	 "  --open           accepted and not settled\n"
	 "  --outcome O      yes, no, partial, void, or open (no outcome yet)\n"
	 "  --since DATE     published on or after DATE (YYYY-MM-DD; a month-only\n"
	 "                   date counts as the month's last day; undated ones drop)\n"
	 "  --until DATE     published on or before DATE\n"
	 "  --format csv     ledger CSV instead of the table\n"
	 "The table fits the terminal's width (else $COLUMNS, else 80 columns):\n"
	 "columns are dropped when space is short and the claim is cut, never the\n"
	 "id.  STATE is candidate, rejected, open (accepted, not settled) or the\n"
	 "outcome; FORECASTER is the speaker when there is one, else the author.\n"},
	{"read", cmd_read, 1, -1, DB_NONE, OPTS("format=", "as=", "manifest="),
	 "show what the page reader finds in pages (no database)",
	 "read [--format text|jsonl] [--as text|html|feed] [--manifest F] FILE...",
	 "  FILE...          pages: UTF-8 text, HTML or an RSS/Atom/WXR feed, told\n"
	 "                   apart by their content; \"-\" reads stdin\n"
	 "  --format jsonl   one JSON object per article: file, article, title,\n"
	 "                   published, date_source, author, url, text\n"
	 "  --as FORMAT      read every page as text, html or feed\n"
	 "  --manifest F     as for extract: what it gives for a page wins\n"
	 "Text: \"== FILE\", then each article as \"A<n> DATE [SOURCE] | AUTHOR | TITLE\"\n"
	 "(DATE YYYY-MM-DD, YYYY-MM when only the month is given, - when none;\n"
	 "SOURCE json-ld, meta, time, text, manifest or none), \"U URL\" when it has\n"
	 "one, then its paragraphs, one a line: T title, P body, I list item, each\n"
	 "with [heading] and {block author} when it has them.\n"},
	{"reject", cmd_reject, 1, -1, DB_WRITE, OPTS("reason="),
	 "reject candidate forecasts", "reject ID... [--reason R]",
	 "  ID...        forecasts to reject (whole ids or their first 4+ characters)\n"
	 "  --reason R   why, kept in each forecast's history\n"},
	{"resolve", cmd_resolve, 1, 1, DB_WRITE,
	 OPTS("outcome=", "on=", "evidence=", "note=", "undo", "force"),
	 "settle a forecast, or reopen it with --undo",
	 "resolve ID --outcome yes|no|partial|void [--on DATE] [--evidence E] "
	 "[--note N] [--force]\n       likely resolve ID --undo",
	 "  ID              the whole id, or its first 4 characters or more\n"
	 "  --outcome O     yes, no, partial or void\n"
	 "  --on DATE       the day it was settled (default today; not before the\n"
	 "                  forecast was published, not in the future)\n"
	 "  --evidence E    what settled it\n"
	 "  --note N        a note\n"
	 "  --force         replace the verdict of a forecast already settled; its\n"
	 "                  evidence and note are replaced or cleared\n"
	 "  --undo          reopen: outcome, date and evidence are cleared; the old\n"
	 "                  verdict stays in the history\n"},
	{"review", cmd_review, 0, 0, DB_OWN_TX, NO_OPTS,
	 "interactive review of candidates and due forecasts", "review",
	 "On a terminal: the candidates, then the due forecasts, one at a time,\n"
	 "each on one screen laid out for the terminal's size (else $COLUMNS and\n"
	 "$LINES, else 80x24) under a fixed header and a line of keys.\n"
	 "Candidates: a accept (one without a date asks for it), r reject (asks\n"
	 "why).  Due: y yes, n no, p partial (each asks the day it became known --\n"
	 "Enter takes the horizon when it has passed, else today -- and the\n"
	 "evidence), v void (asks the day and why, kept as the note); a forecast\n"
	 "settled meanwhile asks before its verdict is replaced.  Both: e edit\n"
	 "(Enter keeps a value, - clears it), s skip, u undo the last answer (the\n"
	 "history keeps the answer and its undoing), ? the keys, q quit.\n"
	 "Every answer is saved at once; the end shows what the session did.\n"},
	{"score", cmd_score, 0, 0, DB_OWN_TX,
	 OPTS("as-of=", "out=", "bins=", "partial=", "min-n=", "excel", "author=", "topic=",
	      "from=", "to="),
	 "compute scores and write the reports",
	 "score [--as-of DATE] [--out DIR] [--bins N|exact] "
	 "[--partial half|exclude] [--min-n N] [--excel] [--author A] [--topic T] "
	 "[--from DATE] [--to DATE]",
	 "  --as-of DATE        score what was known on this day (default today)\n"
	 "  --out DIR           where the reports go (default reports)\n"
	 "  --bins N|exact      calibration bins: N equal-width, or one per stated\n"
	 "                      probability (default exact)\n"
	 "  --partial half|exclude   a partial outcome counts 0.5, or is left out\n"
	 "  --min-n N           authors with fewer scored forecasts are not ranked (5)\n"
	 "  --excel             BOM and CRLF in the CSV files\n"
	 "  --author A          score only the forecasts whose author is exactly A\n"
	 "  --topic T           score only forecasts with topic T\n"
	 "  --from DATE         score only forecasts published on or after DATE\n"
	 "  --to DATE           score only forecasts published on or before DATE\n"
	 "Writes scores.csv, calibration.csv, forecasts.csv, report.md,\n"
	 "calibration.svg, scorecard.xlsx, trend.csv and trend.svg, and records\n"
	 "the run in the database (a narrowed run is not recorded).\n"},
	{"show", cmd_show, 1, 1, DB_READ, NO_OPTS,
	 "one forecast with its context and history", "show ID",
	 "  ID   the forecast (the first characters of an id are enough)\n"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void print_help(FILE *fp)
{
	fputs("usage: likely [--db PATH] [--config DIR] COMMAND [OPTIONS] [ARGS]\n"
	      "       likely --version | --help | COMMAND --help\n\n"
	      "Finds forecasts in article pages, keeps them as a ledger, lets\n"
	      "editors settle them, and scores the track record.\n\n"
	      "commands:\n", fp);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-9s %s%s\n", commands[i].name, commands[i].summary,
			commands[i].fn ? "" : " (not built yet)");
	fputs("\ndatabase: --db, else $LIKELY_DB, else ./likely.db\n"
	      "configuration: --config DIR, else $LIKELY_CONFIG, else "
	      "predictions/config/ when present, else built in\n", fp);
}

static void print_command_help(FILE *fp, const struct command *c)
{
	fprintf(fp, "usage: likely %s\n\n%s\n\n%s", c->usage, c->summary,
		c->details);
}

static int usage_error(struct ctx *ctx, const struct command *c,
		       const char *fmt, const char *what)
{
	diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, fmt, c->name, what);
	fprintf(stderr, "usage: likely %s\n", c->usage);
	return LIKELY_USAGE;
}

/* An option the command does not know, with the closest one it does
 * (--db and --config are everyone's) when there is one. */
static int unknown_option(struct ctx *ctx, const struct command *c,
			  const char *arg, const char *name, size_t len, bool is_short)
{
	static const char *const everyones[] = {"db=", "config=", "help", NULL};
	struct suggest s;
	struct buf hint;
	buf_init(&hint);
	if (!is_short) {
		suggest_init(&s, name, len);
		cli_offer_options(c->options, &s);
		cli_offer_options(everyones, &s);
		suggest_hint(&s, "--", &hint);
	}
	diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, "%s: unknown option '%s'%s",
		    c->name, arg, hint.data);
	fprintf(stderr, "usage: likely %s\n", c->usage);
	buf_release(&hint);
	return LIKELY_USAGE;
}

/*
 * Parses argv (after the command name) into a.  --db and --config are
 * accepted after the command too, because people type them there.
 * Returns LIKELY_OK, LIKELY_USAGE, or -1 when --help was asked for.
 */
static int parse_args(struct ctx *ctx, const struct command *c, int argc,
		      char **argv, struct cmd_args *a)
{
	memset(a, 0, sizeof *a);
	a->options = c->options;
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
			return -1;
		bool is_short = arg[1] != '-';
		const char *name = arg + (is_short ? 1 : 2);
		const char *eq = is_short ? NULL : strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		if (!is_short && (strncmp(name, "db", len) == 0 && len == 2)) {
			const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v)
				return usage_error(ctx, c, "%s: option '%s' needs a value", "--db");
			ctx->db_path = v;
			continue;
		}
		if (!is_short && len == 6 && strncmp(name, "config", 6) == 0) {
			const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
			if (!v)
				return usage_error(ctx, c, "%s: option '%s' needs a value", "--config");
			ctx->config_dir = v;
			continue;
		}
		int k = cli_find_option(c->options, name, len, is_short);
		if (k < 0 || k >= CLI_MAX_OPTIONS)
			return unknown_option(ctx, c, arg, name, len, is_short);
		if (cli_takes_value(c->options[k])) {
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
		return usage_error(ctx, c, "%s: unexpected operand '%s'",
				   a->argv[c->max_operands]);
	return LIKELY_OK;
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
	snprintf(ctx->now, sizeof ctx->now, "%sT%02ld:%02ld:%02ldZ", ctx->today,
		 secs / 3600, secs / 60 % 60, secs % 60);
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int unknown_command(struct ctx *ctx, const char *name)
{
	struct suggest s;
	struct buf hint;
	buf_init(&hint);
	suggest_init(&s, name, strlen(name));
	for (size_t i = 0; i < NCOMMANDS; i++)
		suggest_offer(&s, commands[i].name, strlen(commands[i].name));
	suggest_hint(&s, "", &hint);
	diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0, "unknown command '%s'%s",
		    name, hint.len ? hint.data : " (see likely --help)");
	buf_release(&hint);
	return LIKELY_USAGE;
}

static int run(struct ctx *ctx, const struct command *c, int argc, char **argv)
{
	struct cmd_args a;
	int rc = parse_args(ctx, c, argc, argv, &a);

	if (rc == -1) {
		print_command_help(ctx->out, c);
		if (!c->fn)
			fprintf(ctx->out, "\n(not built yet)\n");
		rc = c->fn ? LIKELY_OK : LIKELY_FAILURE;
		goto out;
	}
	if (rc)
		goto out;
	if (!c->fn) {
		rc = diag_report(&ctx->diag, LIKELY_FAILURE, NULL, 0,
				 "%s: not built yet", c->name);
		goto out;
	}
	bool dry = c->db == DB_WRITE && args_has(&a, "dry-run");
	if (c->db != DB_NONE && !dry &&
	    (rc = store_open(ctx->db_path,
			     c->db == DB_WRITE ? STORE_CREATE
			     : c->db == DB_READ ? STORE_READONLY : STORE_WRITE,
			     &ctx->diag, &ctx->store)))
		goto out;
	if (c->db == DB_WRITE && !dry && (rc = store_begin(ctx->store)))
		goto out;
	rc = c->fn(ctx, &a);
	if (c->db == DB_WRITE && !dry) {
		if (rc == LIKELY_OK || ctx->commit_anyway) {
			int crc = store_commit(ctx->store);
			if (crc)
				rc = crc;
		}
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
	static const char *const globals[] = {"version", "help", "db=", "config=", NULL};
	struct suggest s;
	struct buf hint;
	buf_init(&hint);
	if (arg[1] == '-') {
		suggest_init(&s, arg + 2, strcspn(arg + 2, "="));
		cli_offer_options(globals, &s);
		suggest_hint(&s, "--", &hint);
	}
	diag_report(&ctx->diag, LIKELY_USAGE, NULL, 0,
		    "unknown or incomplete option '%s'%s", arg, hint.data);
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
		} else if (!strcmp(arg, "--db") && i + 1 < argc) {
			ctx.db_path = argv[++i];
		} else if (!strncmp(arg, "--db=", 5)) {
			ctx.db_path = arg + 5;
		} else if (!strcmp(arg, "--config") && i + 1 < argc) {
			ctx.config_dir = argv[++i];
		} else if (!strncmp(arg, "--config=", 9)) {
			ctx.config_dir = arg + 9;
		} else {
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
	if (fflush(stdout) != 0 || ferror(stdout)) {
		diag_report(&ctx.diag, LIKELY_IOERR, NULL, 0,
			    "cannot write the results to standard output");
		return LIKELY_IOERR;
	}
	return rc;
}
