#include "chart_bars.h"

#include <inttypes.h>

#include "../../core/credit.h"
#include "html.h"
#include "../../core/banned.h"

enum {
    BARS_WIDTH = 640,
    BARS_LEFT = 8,   /* each bar's label is above it, so a long name fits */
    BARS_RIGHT = 64, /* room for the total after the longest bar */
    BARS_TOP = 8,
    BARS_ROW = 46,        /* a label's line, then its bar */
    BARS_LABEL_LINE = 20, /* from a row's top to its label's baseline is 16 */
    BARS_THICKNESS = 18,
    BARS_BOTTOM = 32, /* the scale */
};

static int64_t bar_total(const struct chart_bars *chart, const struct chart_bar *bar)
{
    int64_t total = 0;
    for (size_t s = 0; s < chart->series_count; s++) {
        total += bar->values[s];
    }
    return total;
}

/* The scale's step: 1, 2 or 5 times a power of ten (in credits when the values are
 * half-credits), so that the largest total needs at most five steps. */
static int64_t scale_step(int64_t largest, bool credits)
{
    int64_t unit = credits ? 2 : 1;
    for (int64_t power = 1; power <= INT64_MAX / 100; power *= 10) {
        static const int64_t multiples[] = {1, 2, 5};
        for (size_t i = 0; i < 3; i++) {
            int64_t step = multiples[i] * power * unit;
            if (largest <= step * 5) {
                return step;
            }
        }
    }
    return largest > 0 ? largest : 1;
}

static long x_of(int64_t value, int64_t scale_top)
{
    long width = BARS_WIDTH - BARS_LEFT - BARS_RIGHT;
    return BARS_LEFT + (long)(value * width / scale_top);
}

static void write_value(struct html *h, int64_t value, bool credits)
{
    if (credits) {
        html_credits(h, value);
    } else {
        html_int(h, value);
    }
}

static void scale_lines(struct html *h, int64_t step, int64_t scale_top, long bottom, bool credits)
{
    for (int64_t value = 0; value <= scale_top; value += step) {
        long x = x_of(value, scale_top);
        html_format(h,
                    "<line class=\"grid\" x1=\"%ld\" y1=\"%d\" x2=\"%ld\" y2=\"%ld\"/>\n"
                    "<text class=\"tick\" x=\"%ld\" y=\"%ld\" text-anchor=\"middle\">",
                    x, BARS_TOP, x, bottom, x, bottom + 18);
        write_value(h, value, credits);
        html_markup(h, "</text>\n");
    }
}

static void one_bar(struct html *h, const struct chart_bars *chart, size_t index, int64_t scale_top)
{
    const struct chart_bar *bar = &chart->bars[index];
    long row_top = BARS_TOP + (long)index * BARS_ROW;
    long top = row_top + BARS_LABEL_LINE + 2;
    html_format(h, "<text class=\"bar-label\" x=\"%d\" y=\"%ld\">", BARS_LEFT + 4, row_top + 16);
    html_text(h, bar->label);
    html_markup(h, "</text>\n");
    int64_t sum = 0;
    for (size_t s = 0; s < chart->series_count; s++) {
        if (bar->values[s] > 0) {
            long x = x_of(sum, scale_top);
            long width = x_of(sum + bar->values[s], scale_top) - x;
            html_format(h,
                        "<rect class=\"series-%zu\" x=\"%ld\" y=\"%ld\" width=\"%ld\""
                        " height=\"%d\"/>\n",
                        s, x, top, width > 0 ? width : 1, BARS_THICKNESS);
        }
        sum += bar->values[s];
    }
    html_format(h, "<text class=\"bar-value\" x=\"%ld\" y=\"%ld\">", x_of(sum, scale_top) + 6,
                top + BARS_THICKNESS - 4);
    write_value(h, sum, chart->credits);
    html_markup(h, "</text>\n");
}

static void key(struct html *h, const struct chart_bars *chart)
{
    html_markup(h, "</svg>");
    if (chart->series_count < 2) {
        html_markup(h, "</figure>\n");
        return;
    }
    html_markup(h, "<figcaption><ul class=\"chart-key\">");
    for (size_t s = 0; s < chart->series_count; s++) {
        html_format(h, "<li><span class=\"swatch block series-%zu\"></span>", s);
        html_text(h, chart->series[s]);
        html_markup(h, "</li>");
    }
    html_markup(h, "</ul></figcaption></figure>\n");
}

static bool chart_fits(const struct chart_bars *chart)
{
    if (chart->series_count < 1 || chart->series_count > CHART_BARS_MAX_SERIES ||
        chart->bar_count > CHART_BARS_MAX_BARS) {
        return false;
    }
    for (size_t b = 0; b < chart->bar_count; b++) {
        for (size_t s = 0; s < chart->series_count; s++) {
            if (chart->bars[b].values[s] < 0) {
                return false;
            }
        }
    }
    return true;
}

enum ct_status chart_bars_svg(struct buf *out, const struct chart_bars *chart)
{
    if (!chart_fits(chart)) {
        return CT_ERR_INPUT;
    }
    int64_t largest = 0;
    for (size_t b = 0; b < chart->bar_count; b++) {
        int64_t total = bar_total(chart, &chart->bars[b]);
        largest = total > largest ? total : largest;
    }
    int64_t step = scale_step(largest, chart->credits);
    int64_t scale_top = (largest + step - 1) / step * step;
    scale_top = scale_top > 0 ? scale_top : step;
    long bottom = BARS_TOP + (long)chart->bar_count * BARS_ROW;
    struct html h;
    html_start(&h, out);
    html_markup(&h, "<figure class=\"chart bars\"><svg viewBox=\"0 0 ");
    html_format(&h, "%d %ld\" role=\"img\" aria-labelledby=\"", BARS_WIDTH, bottom + BARS_BOTTOM);
    html_text(&h, chart->id);
    html_markup(&h, "-title ");
    html_text(&h, chart->id);
    html_markup(&h, "-description\">\n<title id=\"");
    html_text(&h, chart->id);
    html_markup(&h, "-title\">");
    html_text(&h, chart->title);
    html_markup(&h, "</title>\n<desc id=\"");
    html_text(&h, chart->id);
    html_markup(&h, "-description\">");
    html_text(&h, chart->description);
    html_markup(&h, "</desc>\n");
    scale_lines(&h, step, scale_top, bottom, chart->credits);
    for (size_t b = 0; b < chart->bar_count; b++) {
        one_bar(&h, chart, b, scale_top);
    }
    html_format(&h, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%ld\"/>\n", BARS_LEFT,
                BARS_TOP, BARS_LEFT, bottom);
    key(&h, chart);
    return html_status(&h);
}
