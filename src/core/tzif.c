#include "tzif.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

/* A POSIX TZ rule's date: Jn (1-365, 29 February never counted), n (0-365) or Mm.w.d. */
enum rule_date_form { RULE_JULIAN_NO_LEAP, RULE_JULIAN_ZERO, RULE_MONTH_WEEK_DAY };

struct rule_date {
    enum rule_date_form form;
    int day;         /* Jn, n, or the d of Mm.w.d (0 = Sunday) */
    int month;       /* Mm.w.d */
    int week;        /* Mm.w.d: 1-5, 5 = the last */
    int32_t seconds; /* local time of the change, may be negative or past 24 h */
};

struct tz_rule {
    bool present;
    int32_t std_offset; /* seconds east of UTC */
    bool has_dst;
    int32_t dst_offset;
    struct rule_date start; /* into daylight time, in standard time */
    struct rule_date end;   /* back to standard time, in daylight time */
};

struct tzif_zone {
    size_t transition_count;
    int64_t *transitions; /* ascending */
    uint8_t *transition_types;
    size_t type_count;
    int32_t *type_offsets;
    struct tz_rule footer;
};

enum { SECONDS_PER_DAY = 86400, MAX_TRANSITIONS = 1 << 16, MAX_TYPES = 256 };

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* ---- the POSIX TZ rule ---- */

/* Skips a zone abbreviation: three or more letters, or <...> quoted. */
static bool skip_name(const char **p)
{
    const char *c = *p;
    if (*c == '<') {
        const char *close = strchr(c, '>');
        if (close == NULL || close - c < 4) {
            return false;
        }
        *p = close + 1;
        return true;
    }
    size_t length = 0;
    while ((c[length] >= 'A' && c[length] <= 'Z') || (c[length] >= 'a' && c[length] <= 'z')) {
        length++;
    }
    if (length < 3) {
        return false;
    }
    *p = c + length;
    return true;
}

static bool read_number(const char **p, int max, int *out)
{
    const char *c = *p;
    int value = 0;
    if (*c < '0' || *c > '9') {
        return false;
    }
    while (*c >= '0' && *c <= '9') {
        value = value * 10 + (*c - '0');
        if (value > max) {
            return false;
        }
        c++;
    }
    *p = c;
    *out = value;
    return true;
}

/* [+-]hh[:mm[:ss]] into seconds; hours up to max_hours. */
static bool read_time(const char **p, int max_hours, int32_t *seconds)
{
    int sign = 1;
    if (**p == '+' || **p == '-') {
        sign = **p == '-' ? -1 : 1;
        (*p)++;
    }
    int hours = 0, minutes = 0, secs = 0;
    if (!read_number(p, max_hours, &hours)) {
        return false;
    }
    if (**p == ':') {
        (*p)++;
        if (!read_number(p, 59, &minutes)) {
            return false;
        }
        if (**p == ':') {
            (*p)++;
            if (!read_number(p, 59, &secs)) {
                return false;
            }
        }
    }
    *seconds = sign * (hours * 3600 + minutes * 60 + secs);
    return true;
}

static bool read_rule_date(const char **p, struct rule_date *date)
{
    date->seconds = 2 * 3600;
    if (**p == 'J') {
        (*p)++;
        date->form = RULE_JULIAN_NO_LEAP;
        if (!read_number(p, 365, &date->day) || date->day < 1) {
            return false;
        }
    } else if (**p == 'M') {
        (*p)++;
        date->form = RULE_MONTH_WEEK_DAY;
        if (!read_number(p, 12, &date->month) || date->month < 1 || **p != '.') {
            return false;
        }
        (*p)++;
        if (!read_number(p, 5, &date->week) || date->week < 1 || **p != '.') {
            return false;
        }
        (*p)++;
        if (!read_number(p, 6, &date->day)) {
            return false;
        }
    } else {
        date->form = RULE_JULIAN_ZERO;
        if (!read_number(p, 365, &date->day)) {
            return false;
        }
    }
    if (**p == '/') {
        (*p)++;
        return read_time(p, 167, &date->seconds);
    }
    return true;
}

static bool parse_rule(const char *text, struct tz_rule *rule)
{
    memset(rule, 0, sizeof *rule);
    const char *p = text;
    int32_t west = 0;
    if (!skip_name(&p) || !read_time(&p, 24, &west)) {
        return false;
    }
    rule->std_offset = -west;
    rule->present = true;
    if (*p == '\0') {
        return true;
    }
    if (!skip_name(&p)) {
        return false;
    }
    rule->has_dst = true;
    rule->dst_offset = rule->std_offset + 3600;
    if (*p != ',' && *p != '\0') {
        if (!read_time(&p, 24, &west)) {
            return false;
        }
        rule->dst_offset = -west;
    }
    if (*p == '\0') {
        /* No rule given: the United States' current one, as POSIX allows. */
        rule->start = (struct rule_date){RULE_MONTH_WEEK_DAY, 0, 3, 2, 7200};
        rule->end = (struct rule_date){RULE_MONTH_WEEK_DAY, 0, 11, 1, 7200};
        return true;
    }
    if (*p++ != ',' || !read_rule_date(&p, &rule->start) || *p++ != ',' ||
        !read_rule_date(&p, &rule->end)) {
        return false;
    }
    return *p == '\0';
}

static int month_length(int year, int month)
{
    static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && civil_date_is_leap_year(year) ? 29 : lengths[month - 1];
}

/* The day (days since 1970-01-01) a rule date falls on in year. */
static int64_t rule_day(const struct rule_date *date, int year)
{
    int64_t january_first = civil_date_from_ymd(year, 1, 1).days;
    switch (date->form) {
    case RULE_JULIAN_NO_LEAP:
        return january_first + date->day - 1 +
               (civil_date_is_leap_year(year) && date->day >= 60 ? 1 : 0);
    case RULE_JULIAN_ZERO:
        return january_first + date->day;
    case RULE_MONTH_WEEK_DAY:
    default: {
        int64_t first = civil_date_from_ymd(year, date->month, 1).days;
        int64_t weekday_of_first = ((first + 4) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
        int64_t day = first + (date->day - weekday_of_first + 7) % 7 + 7 * (date->week - 1);
        int64_t last = first + month_length(year, date->month) - 1;
        while (day > last) {
            day -= 7;
        }
        return day;
    }
    }
}

static int32_t rule_offset_at(const struct tz_rule *rule, int64_t unix_seconds)
{
    if (!rule->has_dst) {
        return rule->std_offset;
    }
    int64_t local_day = floor_div(unix_seconds + rule->std_offset, SECONDS_PER_DAY);
    if (local_day < INT32_MIN + 1 || local_day > INT32_MAX) {
        return rule->std_offset;
    }
    int year, month, day;
    civil_date_to_ymd((struct civil_date){(int32_t)local_day}, &year, &month, &day);
    if (year < 1 || year > 9999) {
        return rule->std_offset;
    }
    int64_t start =
        rule_day(&rule->start, year) * SECONDS_PER_DAY + rule->start.seconds - rule->std_offset;
    int64_t end =
        rule_day(&rule->end, year) * SECONDS_PER_DAY + rule->end.seconds - rule->dst_offset;
    bool in_dst = start < end ? (unix_seconds >= start && unix_seconds < end)
                              : !(unix_seconds >= end && unix_seconds < start);
    return in_dst ? rule->dst_offset : rule->std_offset;
}

/* ---- the TZif file ---- */

struct reader {
    const unsigned char *data;
    size_t length;
    size_t at;
};

static bool take(struct reader *r, size_t count, const unsigned char **out)
{
    if (r->length - r->at < count) {
        return false;
    }
    *out = r->data + r->at;
    r->at += count;
    return true;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int64_t be64(const unsigned char *p)
{
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

struct header {
    char version;
    uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

static bool read_header(struct reader *r, struct header *h)
{
    const unsigned char *p;
    if (!take(r, 44, &p) || memcmp(p, "TZif", 4) != 0) {
        return false;
    }
    h->version = (char)p[4];
    h->isutcnt = be32(p + 20);
    h->isstdcnt = be32(p + 24);
    h->leapcnt = be32(p + 28);
    h->timecnt = be32(p + 32);
    h->typecnt = be32(p + 36);
    h->charcnt = be32(p + 40);
    return h->typecnt >= 1 && h->typecnt <= MAX_TYPES && h->timecnt <= MAX_TRANSITIONS &&
           (h->isutcnt == 0 || h->isutcnt == h->typecnt) &&
           (h->isstdcnt == 0 || h->isstdcnt == h->typecnt) && h->leapcnt <= MAX_TRANSITIONS &&
           h->charcnt <= 65536;
}

static size_t block_length(const struct header *h, size_t time_size)
{
    return h->timecnt * time_size + h->timecnt + h->typecnt * 6 + h->charcnt +
           h->leapcnt * (time_size + 4) + h->isstdcnt + h->isutcnt;
}

static enum ct_status read_block(struct reader *r, const struct header *h, size_t time_size,
                                 struct tzif_zone *zone, struct ct_err *err)
{
    const unsigned char *times, *indices, *types, *rest;
    if (!take(r, h->timecnt * time_size, &times) || !take(r, h->timecnt, &indices) ||
        !take(r, h->typecnt * 6, &types) ||
        !take(r, block_length(h, time_size) - h->timecnt * (time_size + 1) - h->typecnt * 6,
              &rest)) {
        return ct_err_set(err, CT_ERR_INPUT, "time zone", "the file is cut short");
    }
    zone->transition_count = h->timecnt;
    zone->type_count = h->typecnt;
    zone->transitions = calloc(h->timecnt + 1, sizeof *zone->transitions);
    zone->transition_types = calloc(h->timecnt + 1, 1);
    zone->type_offsets = calloc(h->typecnt, sizeof *zone->type_offsets);
    if (zone->transitions == NULL || zone->transition_types == NULL || zone->type_offsets == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < h->timecnt; i++) {
        zone->transitions[i] =
            time_size == 8 ? be64(times + 8 * i) : (int64_t)(int32_t)be32(times + 4 * i);
        zone->transition_types[i] = indices[i];
        if (indices[i] >= h->typecnt ||
            (i > 0 && zone->transitions[i] <= zone->transitions[i - 1])) {
            return ct_err_set(err, CT_ERR_INPUT, "time zone", "transition %zu is out of order", i);
        }
    }
    for (size_t i = 0; i < h->typecnt; i++) {
        int32_t offset = (int32_t)be32(types + 6 * i);
        if (offset < -25 * 3600 || offset > 26 * 3600) {
            return ct_err_set(err, CT_ERR_INPUT, "time zone", "offset %ld is out of range",
                              (long)offset);
        }
        zone->type_offsets[i] = offset;
    }
    return CT_OK;
}

static void zone_release_tables(struct tzif_zone *zone)
{
    free(zone->transitions);
    free(zone->transition_types);
    free(zone->type_offsets);
    zone->transitions = NULL;
    zone->transition_types = NULL;
    zone->type_offsets = NULL;
    zone->transition_count = 0;
    zone->type_count = 0;
}

/* The footer: "\n" rule "\n"; an empty rule means none. */
static enum ct_status read_footer(struct reader *r, struct tzif_zone *zone, struct ct_err *err)
{
    const unsigned char *newline;
    if (!take(r, 1, &newline) || *newline != '\n') {
        return ct_err_set(err, CT_ERR_INPUT, "time zone", "the footer is missing");
    }
    const unsigned char *start = r->data + r->at;
    const unsigned char *end = memchr(start, '\n', r->length - r->at);
    if (end == NULL || end - start > 128) {
        return ct_err_set(err, CT_ERR_INPUT, "time zone", "the footer is malformed");
    }
    char rule[129];
    memcpy(rule, start, (size_t)(end - start));
    rule[end - start] = '\0';
    if (rule[0] != '\0' && !parse_rule(rule, &zone->footer)) {
        return ct_err_set(err, CT_ERR_INPUT, "time zone", "the footer's rule is not understood");
    }
    return CT_OK;
}

enum ct_status tzif_parse(const unsigned char *data, size_t length, struct tzif_zone **out,
                          struct ct_err *err)
{
    *out = NULL;
    struct reader r = {data, length, 0};
    struct header h;
    if (!read_header(&r, &h)) {
        return ct_err_set(err, CT_ERR_INPUT, "time zone", "not a TZif file");
    }
    struct tzif_zone *zone = calloc(1, sizeof *zone);
    if (zone == NULL) {
        return ct_err_nomem(err);
    }
    enum ct_status status = read_block(&r, &h, 4, zone, err);
    if (status == CT_OK && h.version >= '2') {
        zone_release_tables(zone);
        if (!read_header(&r, &h)) {
            status = ct_err_set(err, CT_ERR_INPUT, "time zone", "the second header is bad");
        }
        if (status == CT_OK) {
            status = read_block(&r, &h, 8, zone, err);
        }
        if (status == CT_OK) {
            status = read_footer(&r, zone, err);
        }
    }
    if (status != CT_OK) {
        tzif_free(zone);
        return status;
    }
    *out = zone;
    return CT_OK;
}

enum ct_status tzif_from_rule(const char *rule, struct tzif_zone **out, struct ct_err *err)
{
    *out = NULL;
    struct tzif_zone *zone = calloc(1, sizeof *zone);
    if (zone == NULL) {
        return ct_err_nomem(err);
    }
    if (!parse_rule(rule, &zone->footer)) {
        free(zone);
        return ct_err_set(err, CT_ERR_INPUT, "time zone", "not a POSIX TZ rule: \"%.60s\"", rule);
    }
    *out = zone;
    return CT_OK;
}

void tzif_free(struct tzif_zone *zone)
{
    if (zone == NULL) {
        return;
    }
    zone_release_tables(zone);
    free(zone);
}

int32_t tzif_offset_at(const struct tzif_zone *zone, int64_t unix_seconds)
{
    size_t count = zone->transition_count;
    if (count > 0 && unix_seconds >= zone->transitions[count - 1] && zone->footer.present) {
        return rule_offset_at(&zone->footer, unix_seconds);
    }
    if (count == 0) {
        if (zone->footer.present) {
            return rule_offset_at(&zone->footer, unix_seconds);
        }
        return zone->type_count > 0 ? zone->type_offsets[0] : 0;
    }
    if (unix_seconds < zone->transitions[0]) {
        return zone->type_offsets[0];
    }
    /* The last transition at or before the instant. */
    size_t low = 0, high = count - 1;
    while (low < high) {
        size_t middle = low + (high - low + 1) / 2;
        if (zone->transitions[middle] <= unix_seconds) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    return zone->type_offsets[zone->transition_types[low]];
}

struct civil_date tzif_civil_date(const struct tzif_zone *zone, int64_t unix_seconds)
{
    int64_t day = floor_div(unix_seconds + tzif_offset_at(zone, unix_seconds), SECONDS_PER_DAY);
    if (day <= INT32_MIN || day > INT32_MAX) {
        return civil_date_unset();
    }
    return (struct civil_date){(int32_t)day};
}
