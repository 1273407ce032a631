/*
 * gen: what the bench page generators (gen_pages, gen_html) share: their
 * one argument, how many MiB to write, and the random choices that make
 * the same page on every run.
 */
#ifndef LIKELY_BENCH_GEN_H
#define LIKELY_BENCH_GEN_H

#include <errno.h>
#include <stdint.h>
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

/* xorshift64 from a fixed seed: the same page on every run */
static uint64_t rng = 88172645463325252ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

#define PICK(a) (a[rnd(sizeof a / sizeof a[0])])

#endif
