/*
 * chart_bars: a bar chart drawn by the server as SVG, for the statewide picture: one
 * horizontal bar a row (a program, a kind of library, a month), each bar its values
 * stacked one series after another, with the total at its end, a scale below, and a key
 * of the series. Like the progress chart (chart.h) it is an image to assistive
 * technology (role="img", named by its <title> and described by its <desc>); the page
 * puts the same numbers in a table beside it.
 */
#ifndef CERTTRACK_CHART_BARS_H
#define CERTTRACK_CHART_BARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../core/buf.h"

#define CHART_BARS_MAX_SERIES 6
#define CHART_BARS_MAX_BARS   64

struct chart_bar {
    const char *label; /* borrowed: text, escaped when written */
    int64_t values[CHART_BARS_MAX_SERIES];
};

struct chart_bars {
    const char *id;            /* borrowed: [a-z-], unique in the page; names the title's and
                                  the description's ids ("ID-title", "ID-description") */
    const char *title;         /* borrowed text */
    const char *description;   /* borrowed text: the chart in words */
    const char *const *series; /* borrowed: the series' names, series_count of them (1 to
                                  CHART_BARS_MAX_SERIES); one series draws no key */
    size_t series_count;
    const struct chart_bar *bars; /* borrowed: bar_count of them (at most CHART_BARS_MAX_BARS) */
    size_t bar_count;
    bool credits; /* the values are half-credits, shown as credits */
};

/* Appends the chart as <figure class="chart bars"> with its SVG and key. CT_ERR_INPUT
 * when the series or bars are out of range or a value is negative. */
enum ct_status chart_bars_svg(struct buf *out, const struct chart_bars *chart) CT_MUST_CHECK;

#endif
