/*
 * fileset: a set of files in one directory (the reports) replaced as a
 * whole, so that a reader -- or a run killed half-way -- never sees new
 * files beside old ones.
 *
 * Layout of DIR:
 *   DIR/.set-RANDOM/       one complete set per run (hidden)
 *   DIR/current ->         .set-RANDOM, the set in force
 *   DIR/NAME ->            current/NAME, for each file of the set
 * A run writes a fresh .set-RANDOM, then switches `current` with one
 * rename(2) of a symbolic link; the NAME links never change after the
 * first run.  Files of an older layout (plain DIR/NAME files) are first
 * moved into a set of their own by hard links, so even that switch is
 * whole.  A run takes an fcntl lock on DIR/.lock, so two runs into one
 * directory take turns, and removes what killed runs left: sets that are
 * not current, and NAME.tmp.RANDOM files of older versions.
 */
#ifndef LIKELY_FILESET_H
#define LIKELY_FILESET_H

#include <stddef.h>
#include <stdio.h>

#include "likely/base/diag.h"

struct fileset;

/*
 * Creates dir (and its parents) when missing, locks it, cleans up after
 * killed runs, and opens the n files (names: plain file names) of a fresh
 * set for writing.  Returns LIKELY_OK, or LIKELY_CANTCREAT (reported)
 * with *out NULL and nothing left behind.
 */
int fileset_open(const char *dir, const char *const *names, size_t n, struct diag *d,
		 struct fileset **out);
/* The stream to write file i to. */
FILE *fileset_fp(struct fileset *f, size_t i);
/* The path of file i inside the set being written, for a writer that
 * takes a file name rather than a stream (libxlsxwriter); it replaces
 * what the stream would have held.  The caller frees it. */
char *fileset_new_path(const struct fileset *f, size_t i);
/* DIR/NAME of file i, for messages. */
const char *fileset_path(const struct fileset *f, size_t i);
/*
 * Flushes and syncs every file and switches the set into place.
 * LIKELY_IOERR (a write error: disk full, EFBIG) or LIKELY_CANTCREAT
 * (reported) leave the previous set in force and remove the new one.
 */
int fileset_commit(struct fileset *f);
/*
 * Writes to disk what file i holds so far (what its FILE still buffers
 * aside), so that fileset_commit, which makes sure of every byte, has
 * less to wait for.  Reports nothing: a failure is fileset_commit's to
 * find and report, as without this call.
 */
void fileset_presync(struct fileset *f, size_t i);
/* Removes an uncommitted set, unlocks and frees; NULL is fine. */
void fileset_free(struct fileset *f);

#endif
