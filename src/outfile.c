/*
 * outfile: temporary name, then rename(2), which replaces the target
 * atomically on POSIX file systems.
 */
#include "likely/outfile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "likely/buf.h"

int outfile_open(struct outfile *o, const char *path, struct diag *d)
{
	struct buf tmp;
	buf_init(&tmp);
	buf_printf(&tmp, "%s.tmp.XXXXXX", path);
	o->fp = NULL;
	o->path = xstrdup(path);
	o->tmp = buf_detach(&tmp);
	buf_release(&tmp);
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		diag_report(d, LIKELY_CANTCREAT, path, 0, "cannot create: %s",
			    strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		outfile_abort(o);
		return LIKELY_CANTCREAT;
	}
	/* mkstemp makes the file 0600; a report is for sharing. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	o->fp = fdopen(fd, "wb");
	if (!o->fp) {
		close(fd);
		diag_report(d, LIKELY_CANTCREAT, path, 0, "cannot create: %s",
			    strerror(errno));
		outfile_abort(o);
		return LIKELY_CANTCREAT;
	}
	return LIKELY_OK;
}

int outfile_commit(struct outfile *o, struct diag *d)
{
	int rc = LIKELY_OK;
	bool failed = fflush(o->fp) != 0 || ferror(o->fp);
	failed |= fsync(fileno(o->fp)) != 0 && errno != EINVAL;
	failed |= fclose(o->fp) != 0;
	o->fp = NULL;
	if (failed) {
		rc = diag_report(d, LIKELY_IOERR, o->path, 0, "write error: %s",
				 strerror(errno));
	} else if (rename(o->tmp, o->path) != 0) {
		rc = diag_report(d, LIKELY_CANTCREAT, o->path, 0,
				 "cannot replace: %s", strerror(errno));
	}
	if (rc == LIKELY_OK) {
		free(o->tmp);
		o->tmp = NULL;
	}
	outfile_abort(o);
	return rc;
}

void outfile_abort(struct outfile *o)
{
	if (o->fp)
		fclose(o->fp);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->fp = NULL;
	o->tmp = o->path = NULL;
}
