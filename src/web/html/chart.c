#include "chart.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/credit.h"
#include "html.h"
#include "../../core/banned.h"

enum {
    CHART_WIDTH = 640,
    CHART_HEIGHT = 240,
    CHART_LEFT = 48,
    CHART_RIGHT = 16,
    CHART_TOP = 16,
    CHART_BOTTOM = 40,
};

struct chart_scale {
    int32_t first_day;
    int32_t last_day;
    int64_t top_halves;
};

static long x_of(const struct chart_scale *scale, int32_t day)
{
    int32_t span = scale->last_day - scale->first_day;
    long width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT;
    return CHART_LEFT + (span > 0 ? (long)(day - scale->first_day) * width / span : 0);
}

static long y_of(const struct chart_scale *scale, int64_t halves)
{
    long height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM;
    return CHART_TOP + height - (long)(halves * height / scale->top_halves);
}

struct dated_credit {
    int32_t day;
    int64_t halves;
};

static int compare_dated(const void *a, const void *b)
{
    const struct dated_credit *left = a;
    const struct dated_credit *right = b;
    return (left->day > right->day) - (left->day < right->day);
}

/* The counted activities in date order; the caller frees the array. */
static struct dated_credit *counted_by_date(const struct learner_record *record,
                                            const struct evaluation *evaluation, size_t *count)
{
    struct dated_credit *points = calloc(record->activity_count + 1, sizeof *points);
    *count = 0;
    for (size_t i = 0; points != NULL && i < record->activity_count; i++) {
        if (evaluation->activities[i].counted_halves > 0) {
            points[(*count)++] = (struct dated_credit){record->activities[i].date.days,
                                                       evaluation->activities[i].counted_halves};
        }
    }
    if (points != NULL) {
        qsort(points, *count, sizeof *points, compare_dated);
    }
    return points;
}

static void step_line(struct html *h, const struct chart_scale *scale,
                      const struct dated_credit *points, size_t count, int32_t today)
{
    html_format(h, "<polyline class=\"counted\" fill=\"none\" points=\"%ld,%ld",
                x_of(scale, scale->first_day), y_of(scale, 0));
    int64_t total = 0;
    for (size_t i = 0; i < count; i++) {
        long x = x_of(scale, points[i].day < scale->first_day ? scale->first_day : points[i].day);
        html_format(h, " %ld,%ld", x, y_of(scale, total));
        total += points[i].halves;
        html_format(h, " %ld,%ld", x, y_of(scale, total));
    }
    html_format(h, " %ld,%ld\"/>\n", x_of(scale, today), y_of(scale, total));
}

/* Horizontal grid lines with their credit values, every 10 or 20 credits. */
static void y_ticks(struct html *h, const struct chart_scale *scale)
{
    int64_t step = scale->top_halves > 2 * 80   ? 2 * 20
                   : scale->top_halves > 2 * 20 ? 2 * 10
                                                : 2 * 5;
    for (int64_t halves = 0; halves < scale->top_halves; halves += step) {
        long y = y_of(scale, halves);
        html_format(h,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\"/>\n"
                    "<text class=\"tick\" x=\"%d\" y=\"%ld\" text-anchor=\"end\">%" PRId64
                    "</text>\n",
                    CHART_LEFT, y, CHART_WIDTH - CHART_RIGHT, y, CHART_LEFT - 6, y + 4, halves / 2);
    }
}

static void axes(struct html *h, const struct chart_scale *scale,
                 const struct evaluation *evaluation)
{
    char required[CREDIT_TEXT_SIZE], start[CIVIL_DATE_TEXT_SIZE], deadline[CIVIL_DATE_TEXT_SIZE];
    credit_format(evaluation->required_halves, required);
    civil_date_format((struct civil_date){scale->first_day}, start);
    civil_date_format(evaluation->deadline, deadline);
    long bottom = y_of(scale, 0);
    long goal = y_of(scale, evaluation->required_halves);
    long deadline_x = x_of(scale, evaluation->deadline.days);
    html_format(h,
                "<line class=\"axis\" x1=\"%d\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\"/>\n"
                "<line class=\"required\" x1=\"%d\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\"/>\n"
                "<text x=\"%d\" y=\"%ld\" class=\"label\">%s required</text>\n"
                "<line class=\"deadline\" x1=\"%ld\" y1=\"%d\" x2=\"%ld\" y2=\"%ld\"/>\n"
                "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>\n"
                "<text x=\"%ld\" y=\"%d\" class=\"label\" text-anchor=\"end\">deadline %s"
                "</text>\n",
                CHART_LEFT, bottom, CHART_WIDTH - CHART_RIGHT, bottom, CHART_LEFT, goal,
                CHART_WIDTH - CHART_RIGHT, goal, CHART_LEFT + 4, goal - 4, required, deadline_x,
                CHART_TOP, deadline_x, bottom, CHART_LEFT, CHART_HEIGHT - CHART_BOTTOM + 18, start,
                deadline_x, CHART_HEIGHT - CHART_BOTTOM + 18, deadline);
}

/* From today, a dashed line of what stays counted over the next twelve months as
 * credits expire, if nothing new is learned. */
static void expiry_line(struct html *h, const struct chart_scale *scale,
                        const struct evaluation *evaluation, struct civil_date today)
{
    int32_t limit = civil_date_add_years(today, 1).days;
    if (limit > scale->last_day) {
        limit = scale->last_day;
    }
    struct dated_credit *expiries = calloc(evaluation->activity_count + 1, sizeof *expiries);
    if (expiries == NULL) {
        html_fail(h, CT_ERR_NOMEM);
        return;
    }
    size_t count = 0;
    for (size_t i = 0; i < evaluation->activity_count; i++) {
        const struct activity_result *result = &evaluation->activities[i];
        if (result->counted_halves > 0 && result->expires.days <= limit) {
            expiries[count++] = (struct dated_credit){result->expires.days, result->counted_halves};
        }
    }
    qsort(expiries, count, sizeof *expiries, compare_dated);
    int64_t total = evaluation->counted_halves;
    if (count > 0) {
        html_format(h, "<polyline class=\"expiring\" fill=\"none\" points=\"%ld,%ld",
                    x_of(scale, today.days), y_of(scale, total));
    }
    for (size_t i = 0; i < count; i++) {
        long x = x_of(scale, expiries[i].day);
        html_format(h, " %ld,%ld", x, y_of(scale, total));
        total -= expiries[i].halves;
        html_format(h, " %ld,%ld", x, y_of(scale, total < 0 ? 0 : total));
    }
    if (count > 0) {
        html_format(h, " %ld,%ld\"/>\n", x_of(scale, limit), y_of(scale, total < 0 ? 0 : total));
    }
    free(expiries);
}

/* Counted credit that expires within a year from today. */
static int64_t expiring_within_a_year(const struct evaluation *evaluation, struct civil_date today)
{
    struct civil_date limit = civil_date_add_years(today, 1);
    int64_t halves = 0;
    for (size_t i = 0; i < evaluation->activity_count; i++) {
        const struct activity_result *result = &evaluation->activities[i];
        if (result->counted_halves > 0 && civil_date_compare(result->expires, limit) <= 0) {
            halves += result->counted_halves;
        }
    }
    return halves;
}

static void description(struct html *h, const struct evaluation *evaluation, int64_t expiring)
{
    char counted[CREDIT_TEXT_SIZE], required[CREDIT_TEXT_SIZE], soon[CREDIT_TEXT_SIZE];
    char deadline[CIVIL_DATE_TEXT_SIZE];
    credit_format(evaluation->counted_halves, counted);
    credit_format(evaluation->required_halves, required);
    credit_format(expiring, soon);
    civil_date_format(evaluation->deadline, deadline);
    html_format(h,
                "<title id=\"chart-title\">Credits counted over time</title>\n"
                "<desc id=\"chart-description\">%s of %s credits counted; deadline %s; %s"
                " credits expire within the next twelve months.</desc>\n",
                counted, required, deadline, soon);
}

/* The key under the chart, and how much expires within the year. */
static void caption(struct html *h, int64_t expiring)
{
    char amount[CREDIT_TEXT_SIZE], soon[CREDIT_TEXT_SIZE + 40];
    credit_format(expiring, amount);
    snprintf(soon, sizeof soon, "%s %s", expiring > 0 ? amount : "No counted",
             expiring == 2 ? "credit expires" : "credits expire");
    html_markup(h, "</svg><figcaption><ul class=\"chart-key\">"
                   "<li><span class=\"swatch\"></span>Credits counted</li>"
                   "<li><span class=\"swatch required\"></span>Credits required</li>");
    if (expiring > 0) {
        html_markup(h, "<li><span class=\"swatch expiring\"></span>Still counted as credits"
                       " expire, if nothing new is learned</li>");
    }
    html_markup(h, "</ul><p>");
    html_text(h, soon);
    html_markup(h, " within the next twelve months.</p></figcaption></figure>\n");
}

/* The scale: from the track's start to a year past today at least, up to a tenth above
 * the larger of what is required and what is counted. */
static struct chart_scale scale_of(const struct learner_record *record,
                                   const struct evaluation *evaluation, struct civil_date today)
{
    struct chart_scale scale = {record->track_started.days, evaluation->deadline.days,
                                evaluation->required_halves};
    /* The chart reaches at least a year past today, so that every credit the caption
     * says will expire in the next twelve months is drawn expiring. */
    int32_t year_ahead = civil_date_add_years(today, 1).days;
    if (year_ahead > scale.last_day) {
        scale.last_day = year_ahead;
    }
    if (evaluation->counted_halves > scale.top_halves) {
        scale.top_halves = evaluation->counted_halves;
    }
    scale.top_halves += scale.top_halves / 10 + 1;
    return scale;
}

enum ct_status chart_progress_svg(struct buf *out, const struct learner_record *record,
                                  const struct evaluation *evaluation, struct civil_date today)
{
    struct chart_scale scale = scale_of(record, evaluation, today);
    size_t count = 0;
    struct dated_credit *points = counted_by_date(record, evaluation, &count);
    if (points == NULL) {
        return CT_ERR_NOMEM;
    }
    int64_t expiring = expiring_within_a_year(evaluation, today);
    struct html h;
    html_start(&h, out);
    html_format(&h,
                "<figure class=\"chart\"><svg viewBox=\"0 0 %d %d\" role=\"img\""
                " aria-labelledby=\"chart-title chart-description\">\n",
                CHART_WIDTH, CHART_HEIGHT);
    description(&h, evaluation, expiring);
    y_ticks(&h, &scale);
    axes(&h, &scale, evaluation);
    step_line(&h, &scale, points, count, today.days);
    expiry_line(&h, &scale, evaluation, today);
    free(points);
    caption(&h, expiring);
    return html_status(&h);
}
