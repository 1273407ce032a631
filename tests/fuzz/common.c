/*
 * common: the scratch file and the silent diagnostics stream of fuzz.h.
 */
#include "fuzz.h"

#include <string.h>
#include <unistd.h>

static char scratch[64];

static void remove_scratch(void)
{
	if (scratch[0])
		unlink(scratch);
}

const char *fuzz_scratch_file(const uint8_t *data, size_t size)
{
	if (!scratch[0]) {
		snprintf(scratch, sizeof scratch, "/tmp/likely-fuzz.%ld", (long)getpid());
		atexit(remove_scratch);
	}
	FILE *fp = fopen(scratch, "wb");
	FUZZ_ASSERT(fp != NULL);
	FUZZ_ASSERT(fwrite(data, 1, size, fp) == size || size == 0);
	FUZZ_ASSERT(fclose(fp) == 0);
	return scratch;
}

FILE *fuzz_devnull(void)
{
	static FILE *null;
	if (!null)
		null = fopen("/dev/null", "w");
	FUZZ_ASSERT(null != NULL);
	return null;
}
