/*
 * path: the file-name part of a path, the one way pages, manifests and
 * ledger rows name a file ("pages/2024/a.html" is "a.html").
 */
#ifndef LIKELY_PATH_H
#define LIKELY_PATH_H

#include <string.h>

/* What follows the last '/' of path (path itself when it has none). */
static inline const char *path_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

#endif
