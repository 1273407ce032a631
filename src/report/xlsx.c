/*
 * xlsx: libxlsxwriter behind one door.
 *
 * Why libxlsxwriter: it is in Debian (libxlsxwriter-dev), plain C with
 * only zlib beneath, writes the format Excel itself writes (its output is
 * tested against files made by Excel), streams rows in constant memory,
 * and makes native charts.  An .xlsx is a zip of XML parts; writing those
 * by hand would mean a zip writer and the SpreadsheetML schema's many
 * traps (shared strings, styles, drawing relationships) in this project.
 *
 * Traps handled here: libxlsxwriter stamps docProps/core.xml with the
 * clock unless a creation time is given (the zip entries carry a fixed
 * 1980 date); in constant-memory mode cells of a row must be written
 * left to right and rows in order; a row or column past Excel's limits is
 * an error, so such rows are counted and dropped; strings longer than
 * 32767 characters are refused, so they are cut (at a UTF-8 boundary).
 */
#include "likely/report/xlsx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "likely/base/buf.h"
#include "likely/base/date.h"

/* Excel's longest string cell, in characters; counted here in bytes,
 * which is never more. */
#define CELL_MAX 32767
/* 1899-12-30, day 0 of Excel's date serials (1900 system), and
 * 1900-03-01, the first day after Excel's phantom 1900-02-29. */
#define SERIAL_EPOCH (-25569L)
#define SERIAL_FIRST (-25508L)
#define MAX_SHEETS   8

struct sheet {
	lxw_worksheet *ws;
	const struct xlsx_column *cols;
	size_t ncols;
	long row;      /* the row being written (0 is the header) */
	long max_rows; /* rows the sheet keeps, the header's included */
	size_t col;    /* the next column of that row */
	long dropped;
};

struct xlsx {
	lxw_workbook *wb;
	lxw_format *fmt[XLSX_DATE + 1];
	lxw_format *header;
	char *title;
	struct sheet sheet[MAX_SHEETS];
	size_t nsheets;
};

struct xlsx *xlsx_new(const char *path, const char *title, long created)
{
	static const char *const num_format[XLSX_DATE + 1] = {[XLSX_TEXT] = "@",
							      [XLSX_INTEGER] = "0",
							      [XLSX_NUMBER] = "0.000",
							      [XLSX_PERCENT] = "0.0%",
							      [XLSX_DATE] = "yyyy-mm-dd"};
	lxw_workbook_options opt = {
		.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
	struct xlsx *x = xcalloc(1, sizeof *x);
	x->wb = workbook_new_opt(path, &opt);
	if (!x->wb) {
		free(x);
		return NULL;
	}
	x->title = xstrdup(title);
	lxw_doc_properties props = {
		.title = x->title, .author = "likely", .created = (time_t)created * 86400};
	workbook_set_properties(x->wb, &props);
	for (int t = XLSX_TEXT; t <= XLSX_DATE; t++) {
		x->fmt[t] = workbook_add_format(x->wb);
		format_set_num_format(x->fmt[t], num_format[t]);
	}
	x->header = workbook_add_format(x->wb);
	format_set_bold(x->header);
	format_set_bottom(x->header, LXW_BORDER_THIN);
	return x;
}

/* Wide enough for the header and for what the type usually holds; the
 * long text columns (claims, evidence) get a readable width, not all. */
static double column_width(const struct xlsx_column *c)
{
	static const double type_width[XLSX_DATE + 1] = {[XLSX_TEXT] = 18,
							 [XLSX_INTEGER] = 8,
							 [XLSX_NUMBER] = 10,
							 [XLSX_PERCENT] = 9,
							 [XLSX_DATE] = 11};
	double w = type_width[c->type];
	if (c->type == XLSX_TEXT && (!strcmp(c->name, "claim") || !strcmp(c->name, "title") ||
				     !strcmp(c->name, "evidence") || !strcmp(c->name, "group")))
		w = 40;
	double name = (double)strlen(c->name) + 2;
	return name > w ? name : w;
}

void xlsx_add_sheet(struct xlsx *x, const char *name, const struct xlsx_column *cols, size_t ncols)
{
	if (x->nsheets == MAX_SHEETS)
		abort(); /* a fixed set of sheets: a programming error */
	struct sheet *s = &x->sheet[x->nsheets++];
	s->ws = workbook_add_worksheet(x->wb, name);
	s->cols = cols;
	s->ncols = ncols;
	for (size_t c = 0; c < ncols; c++) {
		worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, column_width(&cols[c]),
				     x->fmt[cols[c].type]);
		worksheet_write_string(s->ws, 0, (lxw_col_t)c, cols[c].name, x->header);
	}
	worksheet_freeze_panes(s->ws, 1, 0);
	s->row = 1;
	s->max_rows = XLSX_MAX_ROWS;
}

void xlsx_limit_rows(struct xlsx *x, size_t sheet, long rows)
{
	struct sheet *s = &x->sheet[sheet];
	s->max_rows = rows + 1 < XLSX_MAX_ROWS ? rows + 1 : XLSX_MAX_ROWS;
}

/* The sheet's next cell, or NULL when the row does not fit (dropped). */
static struct sheet *next_cell(struct xlsx *x, size_t sheet, lxw_col_t *col)
{
	struct sheet *s = &x->sheet[sheet];
	*col = (lxw_col_t)s->col++;
	return s->row < s->max_rows && *col < s->ncols ? s : NULL;
}

void xlsx_text(struct xlsx *x, size_t sheet, const char *s)
{
	lxw_col_t col;
	struct sheet *sh = next_cell(x, sheet, &col);
	if (!sh || !s || !*s)
		return;
	size_t len = strlen(s);
	if (len <= CELL_MAX) {
		worksheet_write_string(sh->ws, (lxw_row_t)sh->row, col, s, x->fmt[XLSX_TEXT]);
		return;
	}
	while (len > 0 && (len > CELL_MAX || ((unsigned char)s[len] & 0xC0) == 0x80))
		len--;
	char *cut = xstrndup(s, len);
	worksheet_write_string(sh->ws, (lxw_row_t)sh->row, col, cut, x->fmt[XLSX_TEXT]);
	free(cut);
}

void xlsx_number(struct xlsx *x, size_t sheet, double v)
{
	lxw_col_t col;
	struct sheet *sh = next_cell(x, sheet, &col);
	if (!sh || !isfinite(v))
		return;
	worksheet_write_number(sh->ws, (lxw_row_t)sh->row, col, v == 0 ? 0.0 : v,
			       x->fmt[sh->cols[col].type]);
}

/* A '.'-decimal number, all of s; strtod's locale is C here (likely never
 * calls setlocale). */
static bool parse_number(const char *s, double *v)
{
	char *end;
	if (!*s)
		return false;
	*v = strtod(s, &end);
	return !*end && isfinite(*v);
}

void xlsx_cell(struct xlsx *x, size_t sheet, const char *s)
{
	struct sheet *sh = &x->sheet[sheet];
	enum xlsx_type type = sh->col < sh->ncols ? sh->cols[sh->col].type : XLSX_TEXT;
	long day;
	double v;
	if (type == XLSX_DATE && s && date_parse_iso(s, &day) && day >= SERIAL_FIRST)
		xlsx_number(x, sheet, (double)(day - SERIAL_EPOCH));
	else if (type != XLSX_TEXT && type != XLSX_DATE && s && parse_number(s, &v))
		xlsx_number(x, sheet, v);
	else
		xlsx_text(x, sheet, s);
}

void xlsx_end_row(struct xlsx *x, size_t sheet)
{
	struct sheet *s = &x->sheet[sheet];
	if (s->row < s->max_rows)
		s->row++;
	else
		s->dropped++;
	s->col = 0;
}

bool xlsx_row_kept(const struct xlsx *x, size_t sheet)
{
	return x->sheet[sheet].row < x->sheet[sheet].max_rows;
}

long xlsx_dropped(const struct xlsx *x, size_t sheet)
{
	return x->sheet[sheet].dropped;
}

void xlsx_scatter(struct xlsx *x, size_t on, long row, size_t col, const char *title,
		  const char *x_title, const char *y_title, const struct xlsx_series *s, size_t ns)
{
	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_SCATTER);
	chart_title_set_name(chart, title);
	for (size_t i = 0; i < ns; i++) {
		const char *from = x->sheet[s[i].from].ws->name;
		lxw_chart_series *cs = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(cs, from, (lxw_row_t)s[i].first, (lxw_col_t)s[i].x_col,
					    (lxw_row_t)s[i].last, (lxw_col_t)s[i].x_col);
		chart_series_set_values(cs, from, (lxw_row_t)s[i].first, (lxw_col_t)s[i].y_col,
					(lxw_row_t)s[i].last, (lxw_col_t)s[i].y_col);
		chart_series_set_name(cs, s[i].name);
		if (s[i].line) {
			lxw_chart_line line = {.color = LXW_COLOR_GRAY,
					       .width = 1.25,
					       .dash_type = LXW_CHART_LINE_DASH_DASH};
			chart_series_set_line(cs, &line);
			chart_series_set_marker_type(cs, LXW_CHART_MARKER_NONE);
		} else {
			chart_series_set_marker_type(cs, LXW_CHART_MARKER_CIRCLE);
			chart_series_set_marker_size(cs, 7);
		}
	}
	lxw_chart_axis *axes[2] = {chart->x_axis, chart->y_axis};
	const char *names[2] = {x_title, y_title};
	for (int a = 0; a < 2; a++) {
		chart_axis_set_name(axes[a], names[a]);
		chart_axis_set_min(axes[a], 0);
		chart_axis_set_max(axes[a], 1);
		chart_axis_set_major_unit(axes[a], 0.1);
		chart_axis_set_num_format(axes[a], "0%");
	}
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options place = {.x_scale = 1.2, .y_scale = 1.5};
	worksheet_insert_chart_opt(x->sheet[on].ws, (lxw_row_t)row, (lxw_col_t)col, chart, &place);
}

int xlsx_close(struct xlsx *x, const char **why)
{
	*why = NULL;
	if (!x)
		return 0;
	for (size_t i = 0; i < x->nsheets; i++) {
		struct sheet *s = &x->sheet[i];
		if (s->ncols)
			worksheet_autofilter(s->ws, 0, 0, (lxw_row_t)(s->row > 1 ? s->row - 1 : 1),
					     (lxw_col_t)(s->ncols - 1));
	}
	lxw_error err = workbook_close(x->wb);
	free(x->title);
	free(x);
	if (err == LXW_NO_ERROR)
		return 0;
	*why = lxw_strerror(err);
	return -1;
}
