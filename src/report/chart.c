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
#include "likely/report/chart.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "likely/base/date.h"
#include "likely/base/utf8.h"

#define CHART_W      520
#define CHART_H      610
#define HIST_Y       480.0 /* top of the count histogram, below the plot */
#define HIST_H       60.0
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

void chart_xml_escape(struct buf *out, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t left = strlen(s);
	while (*u) {
		uint32_t cp;
		size_t len = utf8_decode(u, left, &cp);
		/* XML 1.0 Char: tab, LF, CR, U+0020..U+FFFD minus surrogates, and beyond. */
		int allowed = len > 0 && (cp >= 0x20 || cp == 0x9 || cp == 0xA || cp == 0xD) &&
			      cp != 0xFFFE && cp != 0xFFFF;
		if (!allowed) {
			buf_adds(out, "\xEF\xBF\xBD");
			len = len ? len : 1;
			u += len;
			left -= len;
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
		left -= len;
	}
}

/* An empty element <TAG N0="V0" ... N3="V3" ATTRS/> with four numbers. */
static void add_shape(struct buf *b, const char *tag, const char *const name[4], const double v[4],
		      const char *attrs)
{
	buf_printf(b, "<%s", tag);
	for (int i = 0; i < 4; i++) {
		buf_printf(b, " %s=\"", name[i]);
		add_fixed(b, v[i], 1);
		buf_addc(b, '"');
	}
	buf_printf(b, "%s%s/>\n", *attrs ? " " : "", attrs);
}

static void add_line(struct buf *b, double x1, double y1, double x2, double y2, const char *attrs)
{
	static const char *const name[4] = {"x1", "y1", "x2", "y2"};
	add_shape(b, "line", name, (const double[4]){x1, y1, x2, y2}, attrs);
}

static void add_rect(struct buf *b, double x, double y, double w, double h, const char *attrs)
{
	static const char *const name[4] = {"x", "y", "width", "height"};
	add_shape(b, "rect", name, (const double[4]){x, y, w, h}, attrs);
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

/* "0%", "10%", ..., "100%": tick k of ten, as report.md writes
 * probabilities. */
static void add_tick_label(struct buf *b, int k)
{
	buf_printf(b, "%d%%", 10 * k);
}

/* A fraction as a percentage with one decimal: "72.5%". */
static void add_percent(struct buf *b, double v)
{
	add_fixed(b, 100.0 * v, 1);
	buf_addc(b, '%');
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

	add_rect(b, PLOT_X, PLOT_Y, PLOT_S, PLOT_S,
		 "fill=\"none\" stroke=\"#888888\" stroke-width=\"1\"");

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

	open_text(b, PLOT_X + PLOT_S / 2, HIST_Y + HIST_H + 30.0,
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
		add_percent(b, s->mean_probability);
		buf_adds(b, ", observed ");
		add_percent(b, s->observed);
		buf_adds(b, " (95% interval ");
		add_percent(b, s->observed_low);
		buf_adds(b, "\xE2\x80\x93");
		add_percent(b, s->observed_high);
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

/*
 * Sharpness: how many forecasts each bin holds, as bars under the plot on
 * the same x axis (a bin's width, or a narrow bar at an exact
 * probability), the tallest HIST_H high.
 */
static void add_histogram(struct buf *b, const struct score_bin *bins, size_t nbins)
{
	long nmax = 1;
	for (size_t i = 0; i < nbins; i++)
		if (drawable(&bins[i]) && bins[i].n > nmax)
			nmax = bins[i].n;
	buf_adds(b, "<g id=\"counts\" fill=\"" COLOUR_POINT "\" fill-opacity=\"0.5\">\n");
	for (size_t i = 0; i < nbins; i++) {
		const struct score_bin *s = &bins[i];
		if (!drawable(s))
			continue;
		double x0 = px(s->low) + 1.0, x1 = px(s->high) - 1.0;
		if (x1 - x0 < 6.0) {
			x0 = px(s->mean_probability) - 3.0;
			x1 = x0 + 6.0;
		}
		double h = fmax(1.0, HIST_H * (double)s->n / (double)nmax);
		buf_printf(b, "<g><title>n=%ld</title>", s->n);
		add_rect(b, x0, HIST_Y + HIST_H - h, x1 - x0, h, "");
		buf_adds(b, "</g>\n");
	}
	buf_adds(b, "</g>\n");
	add_line(b, px(0), HIST_Y + HIST_H, px(1), HIST_Y + HIST_H,
		 "stroke=\"#888888\" stroke-width=\"1\"");
	open_text(b, px(0) - 9.0, HIST_Y + HIST_H / 2 + 4.0,
		  "font-size=\"10\" text-anchor=\"end\" fill=\"#333333\"");
	buf_printf(b, "n (max %ld)</text>\n", nmax);
}

/* What a forecaster who always stated the observed rate would draw: a
 * horizontal line at the base rate. */
static void add_base_rate(struct buf *b, double base_rate)
{
	if (!isfinite(base_rate))
		return;
	add_line(b, px(0), py(base_rate), px(1), py(base_rate),
		 "stroke=\"#ff7f0e\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"");
	open_text(b, px(0) + 4.0, py(base_rate) - 4.0, "font-size=\"10\" fill=\"#b35806\"");
	buf_adds(b, "base rate ");
	add_percent(b, base_rate);
	buf_adds(b, "</text>\n");
}

void chart_reliability_svg(struct buf *out, const struct score_bin *bins, size_t nbins,
			   double base_rate, const char *title)
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
		add_rect(out, PLOT_X + PLOT_S / 2 - 100.0, PLOT_Y + PLOT_S / 2 - 20.0, 200.0, 30.0,
			 "fill=\"#ffffff\"");
		open_text(out, PLOT_X + PLOT_S / 2, PLOT_Y + PLOT_S / 2,
			  "font-size=\"16\" text-anchor=\"middle\" "
			  "fill=\"#555555\"");
		buf_adds(out, "no scored forecasts</text>\n");
	} else {
		add_base_rate(out, base_rate);
		add_bins(out, bins, nbins);
		add_histogram(out, bins, nbins);
	}
	open_text(out, CHART_W / 2.0, CHART_H - 24.0,
		  "font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\"");
	buf_adds(out, "dashed: perfect calibration \xC2\xB7 dotted: base rate \xC2\xB7 bars: "
		      "Wilson 95% interval</text>\n");
	open_text(out, CHART_W / 2.0, CHART_H - 10.0,
		  "font-size=\"10\" text-anchor=\"middle\" fill=\"#666666\"");
	buf_adds(out, "point area grows with n \xC2\xB7 below: forecasts per bin "
		      "(sharpness)</text>\n");
	buf_adds(out, "</svg>\n");
}

/* The trend chart: a wider plot, dates along x, a legend on the right. */
#define TREND_W      640
#define TREND_H      340
#define TREND_X      70.0
#define TREND_Y      50.0
#define TREND_PW     400.0
#define TREND_PH     220.0
#define TREND_LEGEND (TREND_X + TREND_PW + 20.0)

static const char *const line_colours[] = {"#222222", "#1f77b4", "#ff7f0e", "#2ca02c",
					   "#d62728", "#9467bd", "#8c564b", "#e377c2"};

struct trend_frame {
	long first, last; /* days on x */
	double top;       /* value at the top of the plot */
};

static double trend_x(const struct trend_frame *f, long day)
{
	if (f->last == f->first)
		return TREND_X + TREND_PW / 2;
	return TREND_X + TREND_PW * (double)(day - f->first) / (double)(f->last - f->first);
}

static double trend_y(const struct trend_frame *f, double v)
{
	return TREND_Y + TREND_PH * (1.0 - fmin(fmax(v / f->top, 0.0), 1.0));
}

/* The days and values the lines span; false when there is no point. */
static int trend_range(const struct chart_line *lines, size_t nlines, struct trend_frame *f)
{
	int any = 0;
	double max = 0;
	for (size_t i = 0; i < nlines; i++)
		for (size_t k = 0; k < lines[i].n; k++) {
			if (!isfinite(lines[i].value[k]))
				continue;
			long d = lines[i].day[k];
			if (!any || d < f->first)
				f->first = d;
			if (!any || d > f->last)
				f->last = d;
			max = fmax(max, lines[i].value[k]);
			any = 1;
		}
	/* a tenth above the largest value, in whole tenths, from integers */
	f->top = fmax(0.25, fmin(1.0, ceil(max * 10.0 - 1e-9) / 10.0));
	return any;
}

static void add_date_label(struct buf *b, double x, double y, long day)
{
	char iso[DATE_ISO_LEN];
	date_format_iso(day, iso);
	open_text(b, x, y, "font-size=\"10\" text-anchor=\"middle\" fill=\"#333333\"");
	buf_adds(b, iso);
	buf_adds(b, "</text>\n");
}

static void add_trend_frame(struct buf *b, const struct trend_frame *f, const char *y_label)
{
	buf_adds(b, "<g stroke=\"#e6e6e6\" stroke-width=\"1\">\n");
	for (int k = 1; k < 5; k++)
		add_line(b, TREND_X, TREND_Y + TREND_PH * k / 5.0, TREND_X + TREND_PW,
			 TREND_Y + TREND_PH * k / 5.0, "");
	buf_adds(b, "</g>\n");
	add_rect(b, TREND_X, TREND_Y, TREND_PW, TREND_PH,
		 "fill=\"none\" stroke=\"#888888\" stroke-width=\"1\"");
	buf_adds(b, "<g font-size=\"11\" fill=\"#333333\">\n");
	for (int k = 0; k <= 5; k++) {
		open_text(b, TREND_X - 9.0, TREND_Y + TREND_PH * (5 - k) / 5.0 + 4.0,
			  "text-anchor=\"end\"");
		add_fixed(b, f->top * k / 5.0, 2);
		buf_adds(b, "</text>\n");
	}
	buf_adds(b, "</g>\n");
	add_date_label(b, trend_x(f, f->first), TREND_Y + TREND_PH + 18.0, f->first);
	if (f->last != f->first)
		add_date_label(b, trend_x(f, f->last), TREND_Y + TREND_PH + 18.0, f->last);
	open_text(b, TREND_X + TREND_PW / 2, TREND_Y + TREND_PH + 40.0,
		  "font-size=\"13\" text-anchor=\"middle\" fill=\"#222222\"");
	buf_adds(b, "as-of date of the run</text>\n");
	buf_adds(b, "<text transform=\"translate(22 ");
	add_fixed(b, TREND_Y + TREND_PH / 2, 1);
	buf_adds(b, ") rotate(-90)\" font-size=\"13\" text-anchor=\"middle\" fill=\"#222222\">");
	chart_xml_escape(b, y_label);
	buf_adds(b, "</text>\n");
}

/* One line: segments between consecutive points, a dot on each. */
static void add_trend_line(struct buf *b, const struct trend_frame *f, const struct chart_line *l,
			   const char *colour, int thick)
{
	buf_adds(b, "<g class=\"line\">\n<title>");
	chart_xml_escape(b, l->name);
	buf_adds(b, "</title>\n");
	for (size_t k = 0; k < l->n; k++) {
		if (!isfinite(l->value[k]))
			continue;
		double x = trend_x(f, l->day[k]), y = trend_y(f, l->value[k]);
		if (k + 1 < l->n && isfinite(l->value[k + 1])) {
			struct buf attrs;
			buf_init(&attrs);
			buf_printf(&attrs, "stroke=\"%s\" stroke-width=\"%s\"", colour,
				   thick ? "2.5" : "1.5");
			add_line(b, x, y, trend_x(f, l->day[k + 1]), trend_y(f, l->value[k + 1]),
				 attrs.data);
			buf_release(&attrs);
		}
		buf_adds(b, "<circle cx=\"");
		add_fixed(b, x, 1);
		buf_adds(b, "\" cy=\"");
		add_fixed(b, y, 1);
		buf_printf(b, "\" r=\"%s\" fill=\"%s\"/>\n", thick ? "3.5" : "2.5", colour);
	}
	buf_adds(b, "</g>\n");
}

void chart_trend_svg(struct buf *out, const struct chart_line *lines, size_t nlines,
		     const char *title, const char *y_label)
{
	struct trend_frame f = {0, 0, 0.25};
	size_t ncolours = sizeof line_colours / sizeof line_colours[0];
	int any = trend_range(lines, nlines, &f);

	buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_printf(out,
		   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		   "viewBox=\"0 0 %d %d\" font-family=\"%s\" role=\"img\">\n<title>",
		   TREND_W, TREND_H, TREND_W, TREND_H, FONT);
	chart_xml_escape(out, title);
	buf_printf(out, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", TREND_W,
		   TREND_H);
	open_text(out, TREND_W / 2.0, 30.0,
		  "font-size=\"15\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#111111\"");
	chart_xml_escape(out, title);
	buf_adds(out, "</text>\n");
	add_trend_frame(out, &f, y_label);
	if (!any) {
		open_text(out, TREND_X + TREND_PW / 2, TREND_Y + TREND_PH / 2,
			  "font-size=\"16\" text-anchor=\"middle\" fill=\"#555555\"");
		buf_adds(out, "no recorded runs yet</text>\n</svg>\n");
		return;
	}
	for (size_t i = 0; i < nlines && i < ncolours; i++) {
		add_trend_line(out, &f, &lines[i], line_colours[i], i == 0);
		double y = TREND_Y + 8.0 + 18.0 * (double)i;
		struct buf attrs;
		buf_init(&attrs);
		buf_printf(&attrs, "stroke=\"%s\" stroke-width=\"%s\"", line_colours[i],
			   i == 0 ? "2.5" : "1.5");
		add_line(out, TREND_LEGEND, y - 4.0, TREND_LEGEND + 18.0, y - 4.0, attrs.data);
		buf_release(&attrs);
		open_text(out, TREND_LEGEND + 24.0, y, "font-size=\"11\" fill=\"#333333\"");
		chart_xml_escape(out, lines[i].name);
		buf_adds(out, "</text>\n");
	}
	buf_adds(out, "</svg>\n");
}
