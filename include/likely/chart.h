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

#include "likely/buf.h"
#include "likely/score.h"

/*
 * Appends a complete SVG document (XML declaration included) to out for
 * the nbins bins (as score_calibration returns them; bins with n < 1 or a
 * NAN figure are left out).  title (UTF-8, may be NULL for none) is shown
 * above the plot, escaped for XML; invalid UTF-8 and characters XML
 * forbids become U+FFFD.  With no bins to draw the plot says "no scored
 * forecasts".  Returns nothing and cannot fail (out of memory exits).
 */
void chart_reliability_svg(struct buf *out, const struct score_bin *bins, size_t nbins,
                           const char *title);

/*
 * Appends s (UTF-8, not NULL) to out escaped as XML character data or an
 * attribute value: & < > " ' become entities, invalid UTF-8 and the
 * characters XML 1.0 forbids become U+FFFD.  Returns nothing.
 */
void chart_xml_escape(struct buf *out, const char *s);

#endif
