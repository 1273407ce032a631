/*
 * extractpool: pages extracted in worker processes, handed back in order.
 *
 * Processes rather than threads: the extraction code keeps tables and
 * scratch space that were never meant to be shared, and a fork()ed worker
 * owns its copy of everything.  Worker k takes pages k, k+N, k+2N, ...;
 * the caller takes page i from worker i mod N, so a worker runs ahead of
 * the page being stored by at most what its pipe holds, and memory stays
 * flat however large the pages.  A text page of SHARE_MIN bytes or more
 * is read by every worker, each extracting the blocks of the page's
 * articles it claims first (extract_share: a counter in memory the
 * workers share, so that a worker the machine gives more time to takes
 * more blocks), and the caller takes each block from the worker that
 * claimed it: one huge page uses every core, and each page still comes
 * back as extract_path gives it.  The records on a pipe are: a
 * type byte, then 32-bit counts and length-prefixed strings, in the
 * machine's own byte order (both ends are the same program on the same
 * machine).
 */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include "likely/extract/extractpool.h"

#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio_ext.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "likely/base/buf.h"
#include "likely/page/page.h"

/* A worker's head start on the page being stored: what its pipe holds.
 * Linux lets anyone raise a pipe to 1 MiB (the default is 64 KiB). */
#define PIPE_BYTES (1 << 20)
/* the context of a forecast that had none (a NULL, not "") */
#define NO_CONTEXT UINT32_MAX
/* A text page this large is shared among the workers.  Below it, pages
 * are dealt whole: sharing costs each worker a reading of the whole page
 * (about a tenth of the work of a dry run), and many smaller pages keep
 * the cores busy anyway. */
#define SHARE_MIN (8 * 1024 * 1024)
/* what the format is sniffed from: what the extractor holds back */
#define SNIFF_BYTES 65536

/* the next block of a shared page nobody has claimed, in memory shared
 * by the workers: a lock-free atomic works across processes */
typedef _Atomic unsigned long long block_counter;

struct extract_pool {
	int nworkers;
	pid_t *pid;
	FILE **from; /* worker k's pipe */
	int *type;   /* what ended worker k's part of the current block */
	char *const *pages;
	int npages;
	int *owner;                /* page i's worker, or -1: shared by all */
	block_counter *next_block; /* page i's, when any page is shared */
	struct buf field[LEDGER_NCOLS + 1];
};

/* ---- the worker's end ---- */

struct sender {
	FILE *out;
	bool to_store;             /* forecasts' contexts too (a dry run prints none) */
	block_counter *next_block; /* the shared page's */
};

static void put_u32(FILE *out, uint32_t v)
{
	fwrite(&v, sizeof v, 1, out);
}

static void put_str(FILE *out, const char *s, size_t len)
{
	put_u32(out, (uint32_t)len);
	fwrite(s, 1, len, out);
}

static void put_cstr(FILE *out, const char *s)
{
	put_str(out, s, strlen(s));
}

static int sent(const struct sender *w)
{
	return ferror(w->out) ? LIKELY_IOERR : LIKELY_OK;
}

static int send_article(const struct extract_article *a, void *data)
{
	struct sender *w = data;
	putc('A', w->out);
	put_u32(w->out, a->index);
	put_cstr(w->out, a->title);
	put_cstr(w->out, a->published);
	put_cstr(w->out, a->author);
	put_cstr(w->out, a->url);
	return sent(w);
}

static int send_sentence(unsigned article, const char *text, size_t len, void *data)
{
	struct sender *w = data;
	putc('S', w->out);
	put_u32(w->out, article);
	put_str(w->out, text, len);
	return sent(w);
}

/* Block b is this worker's when no other has claimed it: the workers
 * reach the blocks in order, so the counter is b or more. */
static bool claim_block(void *data, unsigned long long b)
{
	struct sender *w = data;
	unsigned long long expected = b;
	return atomic_compare_exchange_strong(w->next_block, &expected, b + 1);
}

static int send_block_end(void *data, bool claimed)
{
	struct sender *w = data;
	putc(claimed ? 'B' : 'N', w->out);
	return sent(w);
}

static int send_forecast(struct forecast *f, void *data)
{
	struct sender *w = data;
	putc('F', w->out);
	for (int c = 0; c < LEDGER_NCOLS; c++)
		put_cstr(w->out, f->col[c]);
	if (f->context && w->to_store)
		put_cstr(w->out, f->context);
	else
		put_u32(w->out, NO_CONTEXT);
	return sent(w);
}

/*
 * Extracts worker k's pages (and its share of the shared ones) into out,
 * each followed by its end record: what extract_path returned and what it
 * reported.  Never returns: _exit, not exit, so that nothing the parent
 * owns (its database connection, its buffered output) is closed or
 * flushed from here.
 */
static void work(const struct extract_config *cfg, const struct extract_pool *p, int k,
		 bool to_store, extract_meta_fn *meta_of, void *data, FILE *out)
{
	char *const *pages = p->pages;
	const int *owner = p->owner;
	struct sender w = {out, to_store, NULL};
	struct extract_callbacks cb = {send_article, to_store ? send_sentence : NULL, send_forecast,
				       &w};
	struct extract_share share = {claim_block, send_block_end};
	for (int i = 0; i < p->npages && !ferror(out); i++) {
		if (owner[i] != k && owner[i] >= 0)
			continue;
		struct extract_meta meta = {0};
		struct diag d;
		char *text = NULL;
		size_t len = 0;
		FILE *said = open_memstream(&text, &len);
		if (!said)
			_exit(LIKELY_FAILURE);
		diag_init(&d, said);
		meta_of(data, pages[i], &meta);
		if (owner[i] < 0) {
			meta.share = &share;
			w.next_block = &p->next_block[i];
		}
		int rc = extract_path(cfg, pages[i], &meta, &cb, &d, NULL);
		fclose(said);
		putc('E', out);
		put_u32(out, (uint32_t)rc);
		put_u32(out, (uint32_t)d.worst);
		put_u32(out, (uint32_t)d.count);
		put_str(out, text, len);
		free(text);
	}
	_exit(fflush(out) == 0 && !ferror(out) ? LIKELY_OK : LIKELY_IOERR);
}

/* ---- the caller's end ---- */

/*
 * Whether a page is shared: a file of SHARE_MIN bytes or more that is
 * read as text.  An HTML page or a feed is dealt whole: parsing it, which
 * every worker of a shared page would repeat, is most of its cost, and
 * an HTML page is mostly one article.
 */
static bool worth_sharing(const char *path, enum page_format forced)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < SHARE_MIN)
		return false;
	if (forced != PAGE_FORMAT_AUTO)
		return forced == PAGE_FORMAT_TEXT;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return false;
	char *head = xmalloc(SNIFF_BYTES);
	size_t n = fread(head, 1, SNIFF_BYTES, fp);
	bool text = page_format_sniff(head, n, n < SNIFF_BYTES) == PAGE_FORMAT_TEXT;
	free(head);
	fclose(fp);
	return text;
}

static bool get_u32(FILE *in, uint32_t *v)
{
	return fread(v, sizeof *v, 1, in) == 1;
}

static bool get_bytes(FILE *in, struct buf *b, uint32_t len)
{
	char chunk[65536];
	buf_reset(b);
	while (len > 0) {
		size_t n = len < sizeof chunk ? len : sizeof chunk;
		if (fread(chunk, 1, n, in) != n)
			return false;
		buf_add(b, chunk, n);
		len -= (uint32_t)n;
	}
	return true;
}

static bool get_str(FILE *in, struct buf *b)
{
	uint32_t len;
	return get_u32(in, &len) && get_bytes(in, b, len);
}

static bool get_strs(FILE *in, struct buf *b, int n)
{
	for (int i = 0; i < n; i++)
		if (!get_str(in, &b[i]))
			return false;
	return true;
}

static bool replay_article(struct extract_pool *p, FILE *in, const struct extract_callbacks *cb,
			   int *rc)
{
	uint32_t index;
	if (!get_u32(in, &index) || !get_strs(in, p->field, 4))
		return false;
	struct extract_article a = {index, p->field[0].data, p->field[1].data, p->field[2].data,
				    p->field[3].data};
	if (!*rc && cb->on_article)
		*rc = cb->on_article(&a, cb->ctx);
	return true;
}

static bool replay_sentence(struct extract_pool *p, FILE *in, const struct extract_callbacks *cb,
			    int *rc)
{
	uint32_t article;
	if (!get_u32(in, &article) || !get_str(in, &p->field[0]))
		return false;
	if (!*rc && cb->on_sentence)
		*rc = cb->on_sentence(article, p->field[0].data, p->field[0].len, cb->ctx);
	return true;
}

static bool replay_forecast(struct extract_pool *p, FILE *in, const struct extract_callbacks *cb,
			    int *rc)
{
	uint32_t context_len;
	struct buf *context = &p->field[LEDGER_NCOLS];
	if (!get_strs(in, p->field, LEDGER_NCOLS) || !get_u32(in, &context_len) ||
	    !get_bytes(in, context, context_len == NO_CONTEXT ? 0 : context_len))
		return false;
	if (*rc || !cb->on_forecast)
		return true;
	struct forecast f;
	forecast_init(&f);
	for (int c = 0; c < LEDGER_NCOLS; c++)
		forecast_set(&f, c, p->field[c].data);
	f.context = context_len == NO_CONTEXT ? NULL : xstrdup(context->data);
	*rc = cb->on_forecast(&f, cb->ctx);
	forecast_release(&f);
	return true;
}

/* Replays in's records through cb (while *rc is 0) up to the end of a
 * block ('B', 'N') or of the page ('E'), which it returns; 0 when the
 * stream breaks off. */
static int replay_records(struct extract_pool *p, FILE *in, const struct extract_callbacks *cb,
			  int *rc)
{
	for (;;) {
		int type = getc(in);
		bool ok;
		if (type == 'A')
			ok = replay_article(p, in, cb, rc);
		else if (type == 'S')
			ok = replay_sentence(p, in, cb, rc);
		else if (type == 'F')
			ok = replay_forecast(p, in, cb, rc);
		else
			return type == 'B' || type == 'N' || type == 'E' ? type : 0;
		if (!ok)
			return 0;
	}
}

/* The rest of an end record: the worker's return, worst, count, text. */
static bool get_end(FILE *in, uint32_t end[3], struct buf *said)
{
	return get_u32(in, &end[0]) && get_u32(in, &end[1]) && get_u32(in, &end[2]) &&
	       get_str(in, said);
}

/*
 * Reads page i's records up to its end record, which it leaves in end
 * and said.  A shared page comes block by block: every worker ends every
 * block ('B' for one it claimed, after its records, 'N' for one it did
 * not), and ends the page where all the others do (at its end, or at a
 * page error, which stops every worker at the same byte); worker 0's end
 * is kept, the others, which say the same, are read past.
 */
static bool replay_page(struct extract_pool *p, int i, const struct extract_callbacks *cb, int *rc,
			uint32_t end[3], struct buf *said)
{
	if (p->owner[i] >= 0) {
		FILE *in = p->from[p->owner[i]];
		return replay_records(p, in, cb, rc) == 'E' && get_end(in, end, said);
	}
	struct extract_callbacks none = {0};
	int ignored = LIKELY_OK;
	uint32_t other[3];
	for (;;) {
		int ended = 0, broken = 0;
		for (int k = 0; k < p->nworkers; k++) {
			p->type[k] = replay_records(p, p->from[k], cb, rc);
			ended += p->type[k] == 'E';
			broken += p->type[k] == 0;
		}
		if (!ended && !broken)
			continue;
		/* the others are read to their ends even when one broke off,
		 * so that their next pages start where they should */
		bool ok = !broken && ended == p->nworkers;
		for (int k = 0; k < p->nworkers; k++) {
			int type = p->type[k];
			while (type == 'B' || type == 'N')
				type = replay_records(p, p->from[k], &none, &ignored);
			if (type != 'E' || !(k == 0 ? get_end(p->from[k], end, said)
						    : get_end(p->from[k], other, &p->field[1])))
				ok = false;
		}
		return ok;
	}
}

/*
 * Replays page i through cb, until one returns non-zero, as
 * extract_stream stops at it; then reports to d (NULL: nowhere), as it
 * would, either the worker's messages or, after a callback's error, the
 * page's end with no page error (a page error would have come before).
 */
static int replay(struct extract_pool *p, int i, const struct extract_callbacks *cb, struct diag *d)
{
	const char *name = p->pages[i];
	int rc = LIKELY_OK;
	uint32_t end[3]; /* the worker's return, worst, count */
	struct buf *said = &p->field[0];
	if (!replay_page(p, i, cb, &rc, end, said))
		return d ? diag_report(d, LIKELY_FAILURE, name, 0,
				       "the process extracting this page ended before it did")
			 : LIKELY_FAILURE;
	if (rc) {
		if (d)
			extract_report_end(d, name, rc, "", NULL);
		return rc;
	}
	if (d)
		diag_relay(d, said->data, said->len, (enum exit_code)end[1], end[2]);
	return (int)end[0];
}

int extract_pool_page(struct extract_pool *p, int i, const struct extract_callbacks *cb,
		      struct diag *d)
{
	return replay(p, i, cb, d);
}

void extract_pool_skip(struct extract_pool *p, int i)
{
	struct extract_callbacks none = {0};
	replay(p, i, &none, NULL);
}

int extract_pool_start(const struct extract_config *cfg, char *const *pages, int npages,
		       int workers, bool to_store, extract_meta_fn *meta_of, void *data,
		       struct diag *d, struct extract_pool **out)
{
	struct extract_pool *p = xcalloc(1, sizeof *p);
	p->pages = pages;
	p->pid = xcalloc((size_t)workers, sizeof *p->pid);
	p->from = xcalloc((size_t)workers, sizeof *p->from);
	p->type = xcalloc((size_t)workers, sizeof *p->type);
	p->npages = npages;
	for (int f = 0; f <= LEDGER_NCOLS; f++)
		buf_init(&p->field[f]);
	*out = NULL;
	p->owner = xcalloc((size_t)npages, sizeof *p->owner);
	bool any_shared = false;
	for (int i = 0; i < npages && workers > 1 && ATOMIC_LLONG_LOCK_FREE == 2; i++) {
		struct extract_meta meta;
		meta_of(data, pages[i], &meta);
		if (worth_sharing(pages[i], meta.format)) {
			p->owner[i] = -1;
			any_shared = true;
		}
	}
	if (workers > npages && !any_shared)
		workers = npages;
	if (any_shared) {
		void *m = mmap(NULL, (size_t)npages * sizeof *p->next_block, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (m == MAP_FAILED) {
			diag_report(d, LIKELY_FAILURE, NULL, 0,
				    "cannot map memory for the workers");
			goto fail;
		}
		p->next_block = m;
		for (int i = 0; i < npages; i++)
			atomic_init(&p->next_block[i], 0);
	}
	for (int i = 0, dealt = 0; i < npages; i++)
		if (p->owner[i] == 0)
			p->owner[i] = dealt++ % workers;
	/* what is buffered would otherwise be written once more by a worker
	 * that runs out of memory and exits */
	fflush(NULL);
	for (int k = 0; k < workers; k++) {
		int fd[2];
		if (pipe(fd) != 0) {
			diag_report(d, LIKELY_FAILURE, NULL, 0, "cannot make a pipe for a worker");
			goto fail;
		}
#ifdef F_SETPIPE_SZ
		fcntl(fd[1], F_SETPIPE_SZ, PIPE_BYTES);
#endif
		pid_t pid = fork();
		if (pid < 0) {
			close(fd[0]);
			close(fd[1]);
			diag_report(d, LIKELY_FAILURE, NULL, 0, "cannot start a worker process");
			goto fail;
		}
		if (pid == 0) {
			/* only its own pipe: a worker that holds another's
			 * would hide that one's end from the parent */
			for (int j = 0; j < k; j++)
				close(fileno(p->from[j]));
			close(fd[0]);
			FILE *to = fdopen(fd[1], "w");
			if (!to)
				_exit(LIKELY_FAILURE);
			__fsetlocking(to, FSETLOCKING_BYCALLER);
			work(cfg, p, k, to_store, meta_of, data, to);
		}
		close(fd[1]);
		p->pid[k] = pid;
		p->from[k] = fdopen(fd[0], "r");
		p->nworkers = k + 1;
		if (!p->from[k]) {
			close(fd[0]);
			diag_report(d, LIKELY_FAILURE, NULL, 0, "cannot read from a worker");
			goto fail;
		}
		/* one thread reads it: each of the many small reads a record
		 * takes need not lock the stream */
		__fsetlocking(p->from[k], FSETLOCKING_BYCALLER);
	}
	*out = p;
	return LIKELY_OK;
fail:
	extract_pool_free(p);
	return LIKELY_FAILURE;
}

void extract_pool_free(struct extract_pool *p)
{
	if (!p)
		return;
	for (int k = 0; k < p->nworkers; k++) {
		if (p->from[k])
			fclose(p->from[k]);
		/* a worker still busy with pages nobody will take */
		kill(p->pid[k], SIGTERM);
		waitpid(p->pid[k], NULL, 0);
	}
	for (int f = 0; f <= LEDGER_NCOLS; f++)
		buf_release(&p->field[f]);
	if (p->next_block)
		munmap(p->next_block, (size_t)p->npages * sizeof *p->next_block);
	free(p->owner);
	free(p->type);
	free(p->pid);
	free(p->from);
	free(p);
}
