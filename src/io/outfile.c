/*
 * outfile: temporary name, then rename(2), which replaces the target
 * atomically on POSIX file systems.
 */
#include "likely/io/outfile.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "likely/base/buf.h"

int outfile_open(struct outfile *o, const char *path, struct diag *d)
{
	struct stat st;
	struct buf tmp;
	/* A device, a pipe or a symbolic link (-o /dev/stdout, /dev/full, a
	 * FIFO) is written in place: a temporary file renamed over it would
	 * replace the link or the device itself, not what it leads to. */
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		o->tmp = NULL;
		o->path = xstrdup(path);
		o->fp = fopen(path, "wb");
		if (!o->fp) {
			diag_report(d, LIKELY_CANTCREAT, path, 0, "cannot open: %s",
				    strerror(errno));
			outfile_abort(o);
			return LIKELY_CANTCREAT;
		}
		return LIKELY_OK;
	}
	buf_init(&tmp);
	buf_printf(&tmp, "%s.tmp.XXXXXX", path);
	o->fp = NULL;
	o->path = xstrdup(path);
	o->tmp = buf_detach(&tmp);
	buf_release(&tmp);
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		diag_report(d, LIKELY_CANTCREAT, path, 0, "cannot create: %s", strerror(errno));
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
		diag_report(d, LIKELY_CANTCREAT, path, 0, "cannot create: %s", strerror(errno));
		outfile_abort(o);
		return LIKELY_CANTCREAT;
	}
	return LIKELY_OK;
}

int outfile_commit(struct outfile *o, struct diag *d)
{
	int rc = LIKELY_OK, err = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		err = errno ? errno : EIO;
	else if (fsync(fileno(o->fp)) != 0 && errno != EINVAL)
		err = errno; /* EINVAL: a pipe or a device, nothing to sync */
	if (fclose(o->fp) != 0 && !err)
		err = errno;
	o->fp = NULL;
	if (err) {
		rc = diag_report(d, LIKELY_IOERR, o->path, 0, "write error: %s", strerror(err));
	} else if (o->tmp && rename(o->tmp, o->path) != 0) {
		rc = diag_report(d, LIKELY_CANTCREAT, o->path, 0, "cannot replace: %s",
				 strerror(errno));
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
