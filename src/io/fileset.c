/*
 * fileset: a whole set of files switched into place with one rename(2) of
 * a symbolic link (see the header for the layout).  rename(2) replaces its
 * target atomically on POSIX file systems, a symbolic link included, and
 * a kill -9 at any moment leaves either the old `current` or the new one.
 * Every file is fsync'd before the switch; fileset_presync lets a caller
 * start that early for a file it has finished, through a descriptor of
 * its own so that the commit's fsync still hears any write-back error.
 */
#include "likely/io/fileset.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "likely/base/buf.h"

#define SET_PREFIX    ".set-"
#define RANDOM_SUFFIX "XXXXXX" /* the six characters mkdtemp(3) fills in */
#define CURRENT       "current"

struct fileset {
	struct diag *d;
	char *dir;
	char *set; /* DIR/.set-RANDOM, while not committed */
	int lock;  /* fd of DIR/.lock, -1 when none */
	size_t n;
	char **names; /* the n file names */
	char **paths; /* DIR/NAME, for messages */
	FILE **fp;
};

static char *join(const char *a, const char *b)
{
	struct buf p;
	buf_init(&p);
	buf_printf(&p, "%s/%s", a, b);
	char *s = buf_detach(&p);
	buf_release(&p);
	return s;
}

/* Like mkdir -p: each missing directory along path is created. */
static int make_dir(const char *path, struct diag *d)
{
	struct stat st;
	char *p = xstrdup(path);
	int rc = LIKELY_OK;

	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			rc = diag_report(d, LIKELY_CANTCREAT, p, 0,
					 "cannot create the directory: %s", strerror(errno));
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	if (!rc && (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)))
		rc = diag_report(d, LIKELY_CANTCREAT, path, 0, "not a directory");
	free(p);
	return rc;
}

/* Removes a set directory and the plain files in it; name must be one
 * of ours (`current` might have been pointed elsewhere by hand). */
static void remove_set(const char *dir, const char *name)
{
	if (strncmp(name, SET_PREFIX, strlen(SET_PREFIX)) != 0 || strchr(name, '/'))
		return;
	char *path = join(dir, name);
	DIR *dp = opendir(path);
	if (dp) {
		struct dirent *e;
		while ((e = readdir(dp)) != NULL) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char *f = join(path, e->d_name);
			unlink(f);
			free(f);
		}
		closedir(dp);
	}
	rmdir(path);
	free(path);
}

/* The set `current` names (malloc'd), or NULL. */
static char *current_set(const char *dir)
{
	char *link = join(dir, CURRENT);
	char target[256];
	ssize_t len = readlink(link, target, sizeof target - 1);
	free(link);
	if (len <= 0)
		return NULL;
	target[len] = '\0';
	return xstrdup(target);
}

/* True when name is NAME.tmp.RANDOM for one of the set's names: what a
 * version that renamed files one by one left when killed. */
static bool old_temporary(const struct fileset *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++) {
		size_t len = strlen(f->names[i]);
		if (!strncmp(name, f->names[i], len) && !strncmp(name + len, ".tmp.", 5) &&
		    strlen(name + len + 5) == 6)
			return true;
	}
	return false;
}

/* What killed runs left: sets not in force, old temporaries, links
 * half-made. */
static void clean(struct fileset *f)
{
	char *cur = current_set(f->dir);
	DIR *dp = opendir(f->dir);
	if (dp) {
		struct dirent *e;
		while ((e = readdir(dp)) != NULL) {
			const char *name = e->d_name;
			if (!strncmp(name, SET_PREFIX, strlen(SET_PREFIX))) {
				if (!cur || strcmp(name, cur) != 0)
					remove_set(f->dir, name);
			} else if (old_temporary(f, name) || (!strncmp(name, ".new-", 5))) {
				char *p = join(f->dir, name);
				unlink(p);
				free(p);
			}
		}
		closedir(dp);
	}
	free(cur);
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Makes DIR/name a symbolic link to target, replacing what is there in
 * one rename. */
static int place_link(struct fileset *f, const char *target, const char *name)
{
	char *tmp_name = xcalloc(1, strlen(name) + 8);
	memcpy(tmp_name, ".new-", 5);
	memcpy(tmp_name + 5, name, strlen(name));
	char *tmp = join(f->dir, tmp_name), *path = join(f->dir, name);
	int rc = LIKELY_OK;
	unlink(tmp);
	if (symlink(target, tmp) != 0 || rename(tmp, path) != 0) {
		rc = diag_report(f->d, LIKELY_CANTCREAT, path, 0, "cannot replace: %s",
				 strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	free(path);
	free(tmp_name);
	return rc;
}

static bool is_link_to(const char *path, const char *target)
{
	char buf[512];
	ssize_t len = readlink(path, buf, sizeof buf - 1);
	if (len < 0)
		return false;
	buf[len] = '\0';
	return strcmp(buf, target) == 0;
}

static char *set_link_target(const char *name)
{
	return join(CURRENT, name);
}

static void set_mode(const char *path)
{
	mode_t mask = umask(0);
	umask(mask);
	chmod(path, 0777 & ~mask);
}

/*
 * Plain files of an older layout: hard-link them into a set of their own,
 * make it current, then turn each name into a link.  Every step leaves
 * the old reports readable under their names, whole.
 */
static int adopt_plain_files(struct fileset *f)
{
	struct stat st;
	bool plain = false;
	for (size_t i = 0; i < f->n; i++)
		plain |= lstat(f->paths[i], &st) == 0 && S_ISREG(st.st_mode);
	if (!plain)
		return LIKELY_OK;
	char *tmpl = join(f->dir, SET_PREFIX RANDOM_SUFFIX);
	int rc = LIKELY_OK;
	if (!mkdtemp(tmpl)) {
		rc = diag_report(f->d, LIKELY_CANTCREAT, f->dir, 0, "cannot create a directory: %s",
				 strerror(errno));
		goto out;
	}
	set_mode(tmpl);
	for (size_t i = 0; i < f->n && !rc; i++) {
		if (lstat(f->paths[i], &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		char *to = join(tmpl, f->names[i]);
		if (link(f->paths[i], to) != 0)
			rc = diag_report(f->d, LIKELY_CANTCREAT, to, 0, "cannot link: %s",
					 strerror(errno));
		free(to);
	}
	const char *base = strrchr(tmpl, '/') + 1;
	if (!rc)
		rc = place_link(f, base, CURRENT);
	for (size_t i = 0; i < f->n && !rc; i++) {
		char *target = set_link_target(f->names[i]);
		rc = place_link(f, target, f->names[i]);
		free(target);
	}
out:
	free(tmpl);
	return rc;
}

int fileset_open(const char *dir, const char *const *names, size_t n, struct diag *d,
		 struct fileset **out)
{
	struct fileset *f = xcalloc(1, sizeof *f);
	int rc;

	*out = NULL;
	f->d = d;
	f->dir = xstrdup(dir);
	f->lock = -1;
	f->n = n;
	f->names = xcalloc(n, sizeof *f->names);
	f->paths = xcalloc(n, sizeof *f->paths);
	f->fp = xcalloc(n, sizeof *f->fp);
	for (size_t i = 0; i < n; i++) {
		f->names[i] = xstrdup(names[i]);
		f->paths[i] = join(dir, names[i]);
	}
	if ((rc = make_dir(dir, d)))
		goto fail;
	char *lock = join(dir, ".lock");
	f->lock = open(lock, O_RDWR | O_CREAT, 0666);
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
	if (f->lock < 0 || fcntl(f->lock, F_SETLKW, &fl) != 0) {
		rc = diag_report(d, LIKELY_CANTCREAT, lock, 0, "cannot lock: %s", strerror(errno));
		free(lock);
		goto fail;
	}
	free(lock);
	clean(f);
	f->set = join(dir, SET_PREFIX RANDOM_SUFFIX);
	if (!mkdtemp(f->set)) {
		rc = diag_report(d, LIKELY_CANTCREAT, dir, 0, "cannot create a directory: %s",
				 strerror(errno));
		free(f->set);
		f->set = NULL;
		goto fail;
	}
	/* mkdtemp makes it 0700; reports are for sharing */
	set_mode(f->set);
	for (size_t i = 0; i < n; i++) {
		char *p = join(f->set, names[i]);
		f->fp[i] = fopen(p, "wb");
		free(p);
		if (!f->fp[i]) {
			rc = diag_report(d, LIKELY_CANTCREAT, f->paths[i], 0, "cannot create: %s",
					 strerror(errno));
			goto fail;
		}
	}
	*out = f;
	return LIKELY_OK;
fail:
	fileset_free(f);
	return rc;
}

char *fileset_new_path(const struct fileset *f, size_t i)
{
	return join(f->set, f->names[i]);
}

FILE *fileset_fp(struct fileset *f, size_t i)
{
	return f->fp[i];
}

const char *fileset_path(const struct fileset *f, size_t i)
{
	return f->paths[i];
}

void fileset_presync(struct fileset *f, size_t i)
{
	/* through a descriptor of its own: a write-back error is told once
	 * per open file, and fileset_commit's fsync must still hear it */
	char *path = join(f->set, f->names[i]);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(path);
}

int fileset_commit(struct fileset *f)
{
	int rc = LIKELY_OK;
	for (size_t i = 0; i < f->n; i++) {
		int err = 0;
		if (fflush(f->fp[i]) != 0 || ferror(f->fp[i]))
			err = errno ? errno : EIO;
		else if (fsync(fileno(f->fp[i])) != 0 && errno != EINVAL)
			err = errno;
		if (fclose(f->fp[i]) != 0 && !err)
			err = errno;
		f->fp[i] = NULL;
		if (err && !rc)
			rc = diag_report(f->d, LIKELY_IOERR, f->paths[i], 0, "write error: %s",
					 strerror(err));
	}
	if (rc)
		return rc; /* fileset_free removes the set */
	sync_dir(f->set);
	char *old = current_set(f->dir);
	if ((rc = adopt_plain_files(f)))
		goto out;
	free(old);
	old = current_set(f->dir);
	/* the names become links once; a missing one first, harmlessly
	 * dangling until `current` exists */
	for (size_t i = 0; i < f->n && !rc; i++) {
		char *target = set_link_target(f->names[i]);
		if (!is_link_to(f->paths[i], target))
			rc = place_link(f, target, f->names[i]);
		free(target);
	}
	if (!rc)
		rc = place_link(f, strrchr(f->set, '/') + 1, CURRENT);
	if (rc)
		goto out;
	sync_dir(f->dir);
	free(f->set);
	f->set = NULL; /* in force now */
	if (old)
		remove_set(f->dir, old);
out:
	free(old);
	return rc;
}

void fileset_free(struct fileset *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		if (f->fp && f->fp[i])
			fclose(f->fp[i]);
		free(f->names[i]);
		free(f->paths[i]);
	}
	if (f->set) {
		const char *slash = strrchr(f->set, '/');
		remove_set(f->dir, slash + 1);
		free(f->set);
	}
	if (f->lock >= 0)
		close(f->lock); /* releases the lock */
	free(f->names);
	free(f->paths);
	free(f->fp);
	free(f->dir);
	free(f);
}
