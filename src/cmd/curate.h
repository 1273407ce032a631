/*
 * curate: the work of accept and reject (curate.c).
 */
#ifndef LIKELY_CMD_CURATE_H
#define LIKELY_CMD_CURATE_H

#include "likely/cli/cli.h"

/*
 * Sets each id of a's operands to status ("accepted" or "rejected"),
 * recording verb and reason in its history.  Returns LIKELY_OK to keep
 * the changes: an undated candidate that cannot be accepted is reported
 * (the exit code says so) and the others are kept; any other failure
 * returns its code and the whole command is undone.
 */
int curate(struct ctx *ctx, const struct cmd_args *a, const char *reason, const char *status,
	   const char *verb);

#endif
