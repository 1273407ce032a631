/*
 * chart: the reliability diagram as hand-written SVG.
 *
 * Layout is fixed (a 400 px square plot) so that the same bins always
 * give the same bytes.  Every number goes through add_fixed, which prints
 * from integers: printf's %f follows LC_NUMERIC, and a decimal comma would
 * break the SVG.  Labels are placed greedily in a fixed order of candidate
 * spots, which is deterministic and keeps close bins (0.70, 0.74, 0.78)
 * readable.
 */
#include "likely/chart.h"

#include <math.h>
#include <stdint.h>

#define CHART_W      520
#define CHART_H      540
#define PLOT_X       70.0  /* left edge of the plot */
#define PLOT_Y       50.0  /* top edge */
#define PLOT_S       400.0 /* side of the square plot */
#define R_MIN        3.0
#define R_MAX        10.0
#define LABEL_CHAR_W 6.2 /* DejaVu Sans at 10 px: a generous mean width */
#define LABEL_H      10.0
#define MAX_PLACED   64 /* bins whose point and bar labels avoid */

#define COLOUR_POINT "#1f77b4"
#define COLOUR_BAR   "#2c3e50"
#define FONT         "DejaVu Sans, Verdana, Arial, sans-serif"

struct box {
	double x0, y0, x1, y1;
};

/*
 * Appends v with the given number of decimals (0..6), computed from
 * integers so that no locale can change the decimal point.
 */
static void add_fixed(struct buf *b, double v, int decimals)
{
	long long scale = 1;
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	if (!isfinite(v))
		v = 0.0;
	long long t = llround(v * (double)scale);
	if (t < 0) {
		buf_addc(b, '-');
		t = -t;
	}
	buf_printf(b, "%lld", t / scale);
	if (decimals > 0)
		buf_printf(b, ".%0*lld", decimals, t % scale);
}

static double px(double p)
{
	return PLOT_X + PLOT_S * fmin(fmax(p, 0.0), 1.0);
}

static double py(double o)
{
	return PLOT_Y + PLOT_S * (1.0 - fmin(fmax(o, 0.0), 1.0));
}

/*
 * Returns the length of the valid UTF-8 sequence at s and sets *cp, or 0
 * when s does not start one (overlong forms, surrogates and code points
 * past U+10FFFF are invalid; a NUL ends a truncated sequence).
 */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t len;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1Fu, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, v = c & 0x0Fu, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07u, min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3Fu);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

void chart_xml_escape(struct buf *out, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		uint32_t cp;
		size_t len = utf8_decode(u, &cp);
		/* XML 1.0 Char: tab, LF, CR, U+0020..U+FFFD minus surrogates, and beyond. */
		int allowed = len > 0 && (cp >= 0x20 || cp == 0x9 || cp == 0xA || cp == 0xD) &&
		              cp != 0xFFFE && cp != 0xFFFF;
		if (!allowed) {
			buf_adds(out, "\xEF\xBF\xBD");
			u += len ? len : 1;
			continue;
		}
		switch (cp) {
		case '&':
			buf_adds(out, "&amp;");
			break;
		case '<':
			buf_adds(out, "&lt;");
			break;
		case '>':
			buf_adds(out, "&gt;");
			break;
		case '"':
			buf_adds(out, "&quot;");
			break;
		case '\'':
			buf_adds(out, "&apos;");
			break;
		default:
			buf_add(out, u, len);
			break;
		}
		u += len;
	}
}

static void add_line(struct buf *b, double x1, double y1, double x2, double y2, const char *attrs)
{
	buf_adds(b, "<line x1=\"");
	add_fixed(b, x1, 1);
	buf_adds(b, "\" y1=\"");
	add_fixed(b, y1, 1);
	buf_adds(b, "\" x2=\"");
	add_fixed(b, x2, 1);
	buf_adds(b, "\" y2=\"");
	add_fixed(b, y2, 1);
	buf_printf(b, "\"%s%s/>\n", *attrs ? " " : "", attrs);
}

/* Opens a <text> element at (x, y); the caller adds content and </text>. */
static void open_text(struct buf *b, double x, double y, const char *attrs)
{
	buf_adds(b, "<text x=\"");
	add_fixed(b, x, 1);
	buf_adds(b, "\" y=\"");
	add_fixed(b, y, 1);
	buf_printf(b, "\"%s%s>", *attrs ? " " : "", attrs);
}

/* "0", "0.1", ..., "1": tick k of ten, without any floating point. */
static void add_tick_label(struct buf *b, int k)
{
	if (k == 0 || k == 10)
		buf_printf(b, "%d", k / 10);
	else
		buf_printf(b, "0.%d", k);
}

static void add_frame(struct buf *b)
{
	buf_adds(b, "<g stroke=\"#e6e6e6\" stroke-width=\"1\">\n");
	for (int k = 1; k < 10; k++) {
		double t = k / 10.0;
		add_line(b, px(t), py(0), px(t), py(1), "");
		add_line(b, px(0), py(t), px(1), py(t), "");
	}
	buf_adds(b, "</g>\n");

	buf_adds(b, "<rect x=\"");
	add_fixed(b, PLOT_X, 1);
	buf_adds(b, "\" y=\"");
	add_fixed(b, PLOT_Y, 1);
	buf_adds(b, "\" width=\"");
	add_fixed(b, PLOT_S, 1);
	buf_adds(b, "\" height=\"");
	add_fixed(b, PLOT_S, 1);
	buf_adds(b, "\" fill=\"none\" stroke=\"#888888\" stroke-width=\"1\"/>\n");

	/* Ticks every 0.1, labels every 0.2 so that they never crowd. */
	buf_adds(b, "<g stroke=\"#888888\" stroke-width=\"1\">\n");
	for (int k = 0; k <= 10; k++) {
		double t = k / 10.0, len = k % 2 ? 3.0 : 6.0;
		add_line(b, px(t), py(0), px(t), py(0) + len, "");
		add_line(b, px(0) - len, py(t), px(0), py(t), "");
	}
	buf_adds(b, "</g>\n");
	buf_adds(b, "<g font-size=\"11\" fill=\"#333333\">\n");
	for (int k = 0; k <= 10; k += 2) {
		double t = k / 10.0;
		open_text(b, px(t), py(0) + 19.0, "text-anchor=\"middle\"");
		add_tick_label(b, k);
		buf_adds(b, "</text>\n");
		open_text(b, px(0) - 9.0, py(t) + 4.0, "text-anchor=\"end\"");
		add_tick_label(b, k);
		buf_adds(b, "</text>\n");
	}
	buf_adds(b, "</g>\n");

	open_text(b, PLOT_X + PLOT_S / 2, PLOT_Y + PLOT_S + 40.0,
	          "font-size=\"13\" text-anchor=\"middle\" fill=\"#222222\"");
	buf_adds(b, "stated probability</text>\n");
	buf_adds(b, "<text transform=\"translate(22 ");
	add_fixed(b, PLOT_Y + PLOT_S / 2, 1);
	buf_adds(b, ") rotate(-90)\" font-size=\"13\" text-anchor=\"middle\" "
	            "fill=\"#222222\">observed frequency</text>\n");

	add_line(b, px(0), py(0), px(1), py(1),
	         "stroke=\"#999999\" stroke-width=\"1.2\" "
	         "stroke-dasharray=\"6 4\"");
}

static int drawable(const struct score_bin *s)
{
	return s->n >= 1 && isfinite(s->mean_probability) && isfinite(s->observed) &&
	       isfinite(s->observed_low) && isfinite(s->observed_high);
}

static int overlaps(const struct box *a, const struct box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static int inside_canvas(const struct box *a)
{
	return a->x0 >= PLOT_X + 2.0 && a->x1 <= CHART_W - 2.0 && a->y0 >= PLOT_Y &&
	       a->y1 <= PLOT_Y + PLOT_S + 4.0;
}

/* Returns the digits in n (at least 1). */
static int digits(long n)
{
	int d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

struct spot {
	double x, y;        /* text anchor point and baseline */
	const char *anchor; /* SVG text-anchor: "start", "middle" or "end" */
	struct box box;
};

/* A label of width w at (x, y): its box follows from the anchor. */
static struct spot spot_at(double x, double y, const char *anchor, double w)
{
	double x0 = x;
	if (anchor[0] == 'm')
		x0 = x - w / 2;
	else if (anchor[0] == 'e')
		x0 = x - w;
	struct spot s = {x, y, anchor, {x0, y - LABEL_H, x0 + w, y}};
	return s;
}

/*
 * Picks where the "n=" label of a point goes: right of it, left of it,
 * above its bar, below its bar; the first spot that stays on the canvas
 * and clears the labels and points placed so far, else the right.
 */
static struct spot place_label(double cx, double cy, double r, double top, double bottom, long n,
                               const struct box *taken, size_t ntaken)
{
	double w = LABEL_CHAR_W * (2 + digits(n < 0 ? 0 : n));
	struct spot c[4];
	c[0] = spot_at(cx + r + 3, cy + 3.5, "start", w);
	c[1] = spot_at(cx - r - 3, cy + 3.5, "end", w);
	c[2] = spot_at(cx, top - 6, "middle", w);
	c[3] = spot_at(cx, bottom + 14, "middle", w);
	for (size_t i = 0; i < 4; i++) {
		if (!inside_canvas(&c[i].box))
			continue;
		size_t j = 0;
		while (j < ntaken && !overlaps(&c[i].box, &taken[j]))
			j++;
		if (j == ntaken)
			return c[i];
	}
	return c[0];
}

static void add_bins(struct buf *b, const struct score_bin *bins, size_t nbins)
{
	long nmax = 1;
	for (size_t i = 0; i < nbins; i++)
		if (drawable(&bins[i]) && bins[i].n > nmax)
			nmax = bins[i].n;

	/* Points and bars first, so that labels can steer clear of them all. */
	struct box taken[3 * MAX_PLACED];
	size_t ntaken = 0;
	for (size_t i = 0; i < nbins && ntaken < 2 * MAX_PLACED; i++) {
		const struct score_bin *s = &bins[i];
		if (!drawable(s))
			continue;
		/* Area proportional to n: radius grows with sqrt(n). */
		double r = R_MIN + (R_MAX - R_MIN) * sqrt((double)s->n / (double)nmax);
		double cx = px(s->mean_probability), cy = py(s->observed);
		taken[ntaken++] = (struct box){cx - r, cy - r, cx + r, cy + r};
		taken[ntaken++] =
		    (struct box){cx - 4, py(s->observed_high), cx + 4, py(s->observed_low)};
	}

	buf_adds(b, "<g id=\"bins\">\n");
	for (size_t i = 0; i < nbins; i++) {
		const struct score_bin *s = &bins[i];
		if (!drawable(s))
			continue;
		double r = R_MIN + (R_MAX - R_MIN) * sqrt((double)s->n / (double)nmax);
		double cx = px(s->mean_probability), cy = py(s->observed);
		double top = py(s->observed_high), bottom = py(s->observed_low);

		buf_adds(b, "<g class=\"bin\">\n<title>stated ");
		add_fixed(b, s->mean_probability, 3);
		buf_adds(b, ", observed ");
		add_fixed(b, s->observed, 3);
		buf_adds(b, " (95% interval ");
		add_fixed(b, s->observed_low, 3);
		buf_adds(b, "\xE2\x80\x93");
		add_fixed(b, s->observed_high, 3);
		buf_printf(b, "), n=%ld</title>\n", s->n);

		const char *bar = "stroke=\"" COLOUR_BAR "\" stroke-width=\"1.5\"";
		add_line(b, cx, top, cx, bottom, bar);
		add_line(b, cx - 4, top, cx + 4, top, bar);
		add_line(b, cx - 4, bottom, cx + 4, bottom, bar);

		buf_adds(b, "<circle cx=\"");
		add_fixed(b, cx, 1);
		buf_adds(b, "\" cy=\"");
		add_fixed(b, cy, 1);
		buf_adds(b, "\" r=\"");
		add_fixed(b, r, 1);
		buf_adds(b, "\" fill=\"" COLOUR_POINT "\" fill-opacity=\"0.85\" "
		            "stroke=\"#ffffff\" stroke-width=\"1\"/>\n");

		struct spot at = place_label(cx, cy, r, top, bottom, s->n, taken, ntaken);
		if (ntaken < 3 * MAX_PLACED)
			taken[ntaken++] = at.box;
		buf_printf(b, "<text x=\"");
		add_fixed(b, at.x, 1);
		buf_adds(b, "\" y=\"");
		add_fixed(b, at.y, 1);
		buf_printf(b,
		           "\" font-size=\"10\" text-anchor=\"%s\" "
		           "fill=\"#333333\">n=%ld</text>\n</g>\n",
		           at.anchor, s->n);
	}
	buf_adds(b, "</g>\n");
}

void chart_reliability_svg(struct buf *out, const struct score_bin *bins, size_t nbins,
                           const char *title)
{
	size_t ndraw = 0;
	for (size_t i = 0; i < nbins; i++)
		ndraw += (size_t)drawable(&bins[i]);

	buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_printf(out,
	           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	           "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"%s\" "
	           "role=\"img\">\n",
	           CHART_W, CHART_H, CHART_W, CHART_H, FONT);
	buf_adds(out, "<title>");
	if (title && *title)
		chart_xml_escape(out, title);
	else
		buf_adds(out, "Reliability diagram");
	buf_adds(out, "</title>\n");
	buf_printf(out, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", CHART_W, CHART_H);
	if (title && *title) {
		open_text(out, CHART_W / 2.0, 30.0,
		          "font-size=\"15\" font-weight=\"bold\" "
		          "text-anchor=\"middle\" fill=\"#111111\"");
		chart_xml_escape(out, title);
		buf_adds(out, "</text>\n");
	}
	add_frame(out);
	if (ndraw == 0) {
		/* A white plate so the diagonal does not strike the words. */
		buf_adds(out, "<rect x=\"");
		add_fixed(out, PLOT_X + PLOT_S / 2 - 100.0, 1);
		buf_adds(out, "\" y=\"");
		add_fixed(out, PLOT_Y + PLOT_S / 2 - 20.0, 1);
		buf_adds(out, "\" width=\"200.0\" height=\"30.0\" "
		              "fill=\"#ffffff\"/>\n");
		open_text(out, PLOT_X + PLOT_S / 2, PLOT_Y + PLOT_S / 2,
		          "font-size=\"16\" text-anchor=\"middle\" "
		          "fill=\"#555555\"");
		buf_adds(out, "no scored forecasts</text>\n");
	} else {
		add_bins(out, bins, nbins);
	}
	open_text(out, CHART_W / 2.0, CHART_H - 10.0,
	          "font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\"");
	buf_adds(out, "dashed: perfect calibration \xC2\xB7 bars: Wilson 95% "
	              "interval \xC2\xB7 point area grows with n</text>\n");
	buf_adds(out, "</svg>\n");
}
