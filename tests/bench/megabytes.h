/*
 * megabytes: the one argument of the bench page generators (gen_pages,
 * gen_html): how many MiB to write.
 */
#ifndef LIKELY_BENCH_MEGABYTES_H
#define LIKELY_BENCH_MEGABYTES_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

/* The byte count argv asks of program, or 0 after a usage message. */
static unsigned long long megabytes_arg(int argc, char **argv,
					const char *program, const char *output)
{
	char *end;
	if (argc != 2) {
		fprintf(stderr, "usage: %s MEGABYTES > %s\n", program, output);
		return 0;
	}
	errno = 0;
	unsigned long mb = strtoul(argv[1], &end, 10);
	if (errno || *end || mb == 0 || mb > 100000) {
		fprintf(stderr, "%s: MEGABYTES must be a whole number in 1..100000\n",
			program);
		return 0;
	}
	return (unsigned long long)mb << 20;
}

#endif
