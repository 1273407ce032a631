/*
 * chart: the reliability diagram (SPEC §7, calibration.svg) as a
 * self-contained SVG written by hand, no library.  Stated probability
 * runs along x, observed frequency up y; the diagonal is perfect
 * calibration; each occupied bin is a point whose area grows with its
 * count, with its Wilson 95% interval as a vertical bar and an "n=..."
 * label.  The output depends only on the arguments: numbers are formatted
 * from integers, so neither the locale nor anything else changes a byte.
 */
#ifndef LIKELY_CHART_H
#define LIKELY_CHART_H

#include <stddef.h>

#include "likely/base/buf.h"
#include "likely/report/score.h"

/*
 * Appends a complete SVG document (XML declaration included) to out for
 * the nbins bins (as score_calibration returns them; bins with n < 1 or a
 * NAN figure are left out).  title (UTF-8, may be NULL for none) is shown
 * above the plot, escaped for XML; invalid UTF-8 and characters XML
 * forbids become U+FFFD.  base_rate (the observed rate of all the
 * forecasts; NAN: none) draws the base-rate line.  With no bins to draw
 * the plot says "no scored forecasts".  Returns nothing and cannot fail (out of memory exits).
 */
void chart_reliability_svg(struct buf *out, const struct score_bin *bins, size_t nbins,
			   double base_rate, const char *title);

/* One line of a trend chart: n points (day, value), in order of day. */
struct chart_line {
	const char *name; /* for the legend (UTF-8, escaped) */
	size_t n;
	const long *day;     /* days since 1970-01-01 (date.h) */
	const double *value; /* NAN: no point that day (the line breaks) */
};

/*
 * Appends a complete SVG document to out: a line chart of the nlines
 * lines against their dates (x: from the first to the last day of any
 * line; y: 0 up to the largest value rounded up to a tenth, at least
 * 0.25), each line with its points marked and named in a legend, the first
 * drawn thicker.  y_label names the y axis.  With no point at all the plot
 * says "no recorded runs yet".  Cannot fail (out of memory exits).
 */
void chart_trend_svg(struct buf *out, const struct chart_line *lines, size_t nlines,
		     const char *title, const char *y_label);

/*
 * Appends s (UTF-8, not NULL) to out escaped as XML character data or an
 * attribute value: & < > " ' become entities, invalid UTF-8 and the
 * characters XML 1.0 forbids become U+FFFD.  Returns nothing.
 */
void chart_xml_escape(struct buf *out, const char *s);

#endif
