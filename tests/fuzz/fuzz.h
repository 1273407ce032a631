/*
 * fuzz: what the libFuzzer harnesses share.  Each harness defines
 * LLVMFuzzerTestOneInput; built with clang -fsanitize=fuzzer it is a
 * fuzzer (make fuzz), built with driver.c it replays its seed corpus and
 * the crash inputs kept under tests/fuzz/regress/ (make check), so a
 * crash once found stays fixed without clang.
 */
#ifndef LIKELY_FUZZ_H
#define LIKELY_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property broken: abort, which both libFuzzer and the driver report. */
#define FUZZ_ASSERT(cond)                                                   \
	do {                                                                \
		if (!(cond)) {                                              \
			fprintf(stderr, "%s:%d: property failed: %s\n",      \
				__FILE__, __LINE__, #cond);                  \
			abort();                                            \
		}                                                           \
	} while (0)

/* Writes data to a scratch file of this process (the loaders under test
 * read paths) and returns its name; the same name every call. */
const char *fuzz_scratch_file(const uint8_t *data, size_t size);
/* A diagnostics stream that goes nowhere. */
FILE *fuzz_devnull(void);

#endif
