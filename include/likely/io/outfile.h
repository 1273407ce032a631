/*
 * outfile: write a file under a temporary name and rename it into place,
 * so a crash or an error never leaves half a file where a user (or a
 * spreadsheet) would read it.
 */
#ifndef LIKELY_OUTFILE_H
#define LIKELY_OUTFILE_H

#include <stdio.h>

#include "likely/base/diag.h"

struct outfile {
	FILE *fp;   /* write here between open and commit */
	char *path; /* final name */
	char *tmp;  /* temporary name in the same directory */
};

/* Creates the temporary file.  A path that is a device, a pipe or a
 * symbolic link is opened and written in place instead (no temporary
 * file, no rename).  LIKELY_CANTCREAT (reported) on failure. */
int outfile_open(struct outfile *o, const char *path, struct diag *d);
/* Flushes, syncs and renames into place; LIKELY_IOERR on a write error
 * (the temporary file is removed).  Always releases o. */
int outfile_commit(struct outfile *o, struct diag *d);
/* Removes the temporary file and releases o; safe after a failed open. */
void outfile_abort(struct outfile *o);

#endif
