/*
 * report_impl: what report.c (CSV files, chart, orchestration) and
 * report_md.c (report.md) share and nobody else may see.
 */
#ifndef LIKELY_REPORT_IMPL_H
#define LIKELY_REPORT_IMPL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "likely/buf.h"
#include "likely/csvio.h"
#include "likely/fileset.h"
#include "likely/report.h"
#include "likely/strset.h"

enum report_file { RF_SCORES, RF_CALIBRATION, RF_FORECASTS, RF_MARKDOWN, RF_CHART, RF_NFILES };

struct report {
	const struct report_options *o;
	struct diag *diag;
	struct fileset *set;
	struct {
		FILE *fp;
		const char *path;
	} file[RF_NFILES]; /* the set's files */
	struct csv_writer forecasts;
	/* The digest: each record is formatted as `likely export` would, into
	 * row, then hashed. */
	struct sha256 sha;
	struct buf row;
	struct csv_writer row_w;
	char digest[SHA256_HEX_LEN];
	/* Formatting a double (shortest text that reads back) is the main
	 * cost of writing the CSV files, and most values repeat: a score
	 * (p - o)^2 takes a few hundred values, bin edges and mean
	 * probabilities recur in every group.  Remember recent ones
	 * (direct-mapped; a miss just formats again). */
	struct {
		uint64_t bits;
		char text[32];
		bool used;
	} num_cache[4096];
	long scored;
	/* The previous run, if any, and its Brier per author. */
	bool has_prev;
	struct report_previous prev;
	double prev_all_brier;
	struct strset *prev_authors; /* author -> index in prev_brier */
	double *prev_brier;
	size_t prev_n, prev_cap;
};

/* The file names, in enum report_file order. */
extern const char *const report_file_names[RF_NFILES];

/* Writes report.md into b. */
void report_markdown(struct report *r, const struct scoreboard *sb, struct buf *b);

#endif
