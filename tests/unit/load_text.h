/*
 * load_text.h: the configuration tests' way of loading a table from text:
 * the text goes to a temporary file, the module's loader reads it, and
 * what it reported lands in msgs.
 */
#ifndef LIKELY_TESTS_LOAD_TEXT_H
#define LIKELY_TESTS_LOAD_TEXT_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "likely/base/diag.h"

/* A module's loader: reads path into table, reporting through d. */
typedef int (*table_loader)(void *table, const char *path, struct diag *d);

/* Loads text with load into table; returns the loader's code, with its
 * diagnostics in msgs (cap bytes). */
static inline int load_text(table_loader load, void *table, const char *text, char *msgs,
			    size_t cap)
{
	char path[] = "/tmp/likely-table-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	FILE *fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	FILE *err = fmemopen(msgs, cap, "w");
	struct diag d;
	diag_init(&d, err);
	int rc = load(table, path, &d);
	fclose(err);
	unlink(path);
	return rc;
}

#endif
