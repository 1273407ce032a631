/*
 * reject: candidate -> rejected: not a forecast, or not one worth scoring.
 * The work is curate's, shared with accept.
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

static int cmd_reject(struct ctx *ctx, const struct cmd_args *a)
{
	return curate(ctx, a, a->value[OPT_REASON], "rejected", "reject");
}

const struct command command_reject = {
	.name = "reject",
	.run = cmd_reject,
	.min_operands = 1,
	.max_operands = -1,
	.db = DB_WRITE,
	.options = option_list,
	.noptions = NOPTS,
	.summary = "reject candidate forecasts",
	.usage = "reject ID... [--reason R]",
	.details = "  ID...        forecasts to reject (whole ids or their first 4+ characters)\n"
		   "  --reason R   why, kept in each forecast's history\n",
};
