/*
 * accept: candidate -> accepted, the forecasts the ledger scores.
 * The work is curate's, shared with reject.
 */
#include "likely/cli/cli.h"

#include "curate.h"

/* What the command line may give: a->value[OPT_X] (NULL when not
 * given) and a->seen[OPT_X]. */
enum {
	OPT_REASON,
	NOPTS
};

static const struct cli_option option_list[NOPTS] = {
	CLI_OPTION(OPT_REASON, "reason", 0, CLI_VALUE),
};

static int cmd_accept(struct ctx *ctx, const struct cmd_args *a)
{
	return curate(ctx, a, a->value[OPT_REASON], "accepted", "accept");
}

const struct command command_accept = {
	.name = "accept",
	.run = cmd_accept,
	.min_operands = 1,
	.max_operands = -1,
	.db = DB_WRITE,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "accept candidate forecasts",
	.usage = "accept ID... [--reason R]",
	.details = "  ID...        forecasts to accept (the first 4 characters of an id are\n"
		   "               enough when no other id starts the same way)\n"
		   "  --reason R   why, kept in each forecast's history\n"
		   "One transaction: an unknown id anywhere changes nothing.  A candidate\n"
		   "without a publication date is refused (exit 65) and the others are\n"
		   "accepted; add its date with likely edit ID --published YYYY-MM-DD.\n",
};
