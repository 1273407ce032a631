/*
 * driver: runs a harness over files without libFuzzer (gcc, make check):
 * each argument is a file or a directory of files, each file one input.
 * Prints how many inputs ran; a broken property aborts.
 */
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static unsigned long ran;

static void run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		fprintf(stderr, "driver: cannot open %s\n", path);
		exit(1);
	}
	size_t cap = 1 << 16, len = 0, n;
	uint8_t *buf = malloc(cap);
	while (buf && (n = fread(buf + len, 1, cap - len, fp)) > 0) {
		len += n;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(fp);
	if (!buf)
		exit(1);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	ran++;
}

static void run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	DIR *dp = opendir(path);
	struct dirent *e;
	while (dp && (e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		char *p = malloc(len);
		snprintf(p, len, "%s/%s", path, e->d_name);
		run_path(p);
		free(p);
	}
	if (dp)
		closedir(dp);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		run_path(argv[i]);
	printf("%lu inputs\n", ran);
	return 0;
}
