/*
 * bench_extract: streams one page file through the extractor and prints
 * throughput and peak memory, to show speed (target 100 MB/s on one
 * core) and that memory does not grow with the input (compare a 200 MB
 * and a 1 GB page).  The sentence callback does a token amount of work
 * (it sums lengths) so the whole path is measured as the CLI would use
 * it.
 *
 * usage: bench_extract FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "likely/extract/extract.h"

struct tally {
	unsigned long long sentence_bytes, forecasts, probability_sum_ppm;
};

static int on_sentence(unsigned art, const char *t, size_t n, void *ctx)
{
	struct tally *k = ctx;
	(void)art;
	(void)t;
	k->sentence_bytes += n;
	return 0;
}

static int on_forecast(struct forecast *f, void *ctx)
{
	struct tally *k = ctx;
	k->forecasts++;
	k->probability_sum_ppm += f->col[COL_PROBABILITY][0] ? 1 : 0;
	return 0;
}

int main(int argc, char **argv)
{
	struct extract_config cfg;
	struct extract_stats st;
	struct tally k = {0, 0, 0};
	struct extract_callbacks cb = {NULL, on_sentence, on_forecast, &k};
	struct diag d;
	struct timespec t0, t1;
	struct rusage ru;
	if (argc != 2) {
		fputs("usage: bench_extract FILE\n", stderr);
		return 2;
	}
	diag_init(&d, stderr);
	extract_config_init(&cfg);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = extract_path(&cfg, argv[1], NULL, &cb, &d, &st);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	extract_config_release(&cfg);
	getrusage(RUSAGE_SELF, &ru);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	double mb = (double)st.bytes / (1024.0 * 1024.0);
	double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		     (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	printf("file %s: %.1f MiB in %.3f s wall = %.1f MiB/s (%.1f MB/s); "
	       "CPU %.3f s = %.1f MiB/s per core; peak RSS %ld KiB\n",
	       argv[1], mb, secs, secs > 0 ? mb / secs : 0.0,
	       secs > 0 ? (double)st.bytes / 1e6 / secs : 0.0, cpu,
	       cpu > 0 ? mb / cpu : 0.0, ru.ru_maxrss);
	printf("articles %llu, paragraphs %llu, sentences %llu, candidates %llu, "
	       "forecasts %llu (hedged %llu, undated %llu)\n",
	       st.articles, st.paragraphs, st.sentences, st.candidates, st.forecasts,
	       st.hedged, st.undated);
	return rc;
}
