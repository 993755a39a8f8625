#include "reminder_rule.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "credit.h"
#include "director_window.h"
#include "banned.h"

/* The month thresholds, nearest first. */
static const int month_thresholds[] = {1, 3, 6, 12};

int reminder_expiry_threshold(struct civil_date as_of, struct civil_date next_expiry)
{
    if (!civil_date_is_set(as_of) || !civil_date_is_set(next_expiry) ||
        next_expiry.days <= as_of.days) {
        return 0;
    }
    int32_t days_left = next_expiry.days - as_of.days;
    if (days_left <= REMINDER_EXPIRY_LAST_DAYS) {
        return REMINDER_EXPIRY_LAST_DAYS;
    }
    if (days_left <= REMINDER_EXPIRY_FIRST_DAYS) {
        return REMINDER_EXPIRY_FIRST_DAYS;
    }
    return 0;
}

struct civil_date reminder_months_before(struct civil_date day, int months)
{
    if (!civil_date_is_set(day)) {
        return day;
    }
    int year = 0, month = 0, day_of_month = 0;
    civil_date_to_ymd(day, &year, &month, &day_of_month);
    int index = year * 12 + (month - 1) - months;
    year = index / 12;
    month = index % 12 + 1;
    while (day_of_month > 28 && !civil_date_is_valid_ymd(year, month, day_of_month)) {
        day_of_month--;
    }
    if (!civil_date_is_valid_ymd(year, month, day_of_month)) {
        return civil_date_unset();
    }
    return civil_date_from_ymd(year, month, day_of_month);
}

int reminder_deadline_threshold(struct civil_date as_of, struct civil_date deadline)
{
    if (!civil_date_is_set(as_of) || !civil_date_is_set(deadline) ||
        civil_date_compare(as_of, deadline) >= 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof month_thresholds / sizeof month_thresholds[0]; i++) {
        struct civil_date due = reminder_months_before(deadline, month_thresholds[i]);
        if (civil_date_is_set(due) && civil_date_compare(as_of, due) >= 0) {
            return month_thresholds[i];
        }
    }
    return 0;
}

struct civil_date reminder_claims_cutoff(struct civil_date as_of, int days)
{
    return civil_date_add_days(as_of, -(days + 1));
}

bool reminder_claim_waited(struct civil_date claimed, struct civil_date as_of, int days)
{
    return civil_date_is_set(claimed) && civil_date_is_set(as_of) &&
           as_of.days - claimed.days > days;
}

void reminder_claim_key(int64_t activity_id, int days, char out[REMINDER_KEY_SIZE])
{
    snprintf(out, REMINDER_KEY_SIZE, "claim:%" PRId64 ":%d", activity_id, days);
}

/* ---- tracks ---- */

static bool expiry_owed(const struct evaluation *evaluation)
{
    return evaluation->status != TRACK_EXPIRED && civil_date_is_set(evaluation->next_expiry) &&
           evaluation->counted_after_next_expiry_halves < evaluation->counted_halves;
}

/* The coordinator holds a submitted track: its learner has done their part. */
static bool deadline_owed(const char *state)
{
    return strcmp(state, "submitted") != 0;
}

size_t reminder_rule_track(int64_t track_id, const char *state, const struct evaluation *evaluation,
                           struct track_reminder out[REMINDER_TRACK_MAX])
{
    size_t count = 0;
    char day[CIVIL_DATE_TEXT_SIZE];
    int days = reminder_expiry_threshold(evaluation->as_of, evaluation->next_expiry);
    if (days > 0 && expiry_owed(evaluation)) {
        struct track_reminder *r = &out[count++];
        memset(r, 0, sizeof *r);
        r->kind = REMINDER_KIND_EXPIRY;
        r->threshold = days;
        r->day = evaluation->next_expiry;
        r->counted_halves = evaluation->counted_halves;
        r->falls_to_halves = evaluation->counted_after_next_expiry_halves;
        r->expiring_halves = r->counted_halves - r->falls_to_halves;
        civil_date_format(r->day, day);
        snprintf(r->key, sizeof r->key, "track:%" PRId64 ":expiry:%s:%dd", track_id, day, days);
    }
    int months = reminder_deadline_threshold(evaluation->as_of, evaluation->deadline);
    if (months > 0 && deadline_owed(state)) {
        struct track_reminder *r = &out[count++];
        memset(r, 0, sizeof *r);
        r->kind = REMINDER_KIND_DEADLINE;
        r->threshold = months;
        r->day = evaluation->deadline;
        civil_date_format(r->day, day);
        snprintf(r->key, sizeof r->key, "track:%" PRId64 ":deadline:%s:%dm", track_id, day, months);
    }
    return count;
}

/* ---- directors ---- */

struct civil_date reminder_director_deadline(const struct director_facts *facts)
{
    if (civil_date_is_set(facts->certified_until)) {
        return facts->certified_until;
    }
    return director_window_end(facts->hire_day, facts->window_years);
}

static bool newly_hired(const struct director_facts *facts, struct civil_date as_of)
{
    return !civil_date_is_set(facts->certified_until) && civil_date_is_set(facts->hire_day) &&
           civil_date_compare(facts->hire_day, as_of) <= 0 &&
           as_of.days - facts->hire_day.days <= REMINDER_NEW_DIRECTOR_DAYS;
}

/* The deadline's threshold on as_of: months before it, 0 once it has come, -1 for none. */
static int director_threshold(struct civil_date as_of, struct civil_date deadline)
{
    if (!civil_date_is_set(deadline)) {
        return -1;
    }
    if (civil_date_compare(as_of, deadline) >= 0) {
        return 0;
    }
    int months = reminder_deadline_threshold(as_of, deadline);
    return months > 0 ? months : -1;
}

size_t reminder_rule_director(const struct director_facts *facts, struct civil_date as_of,
                              struct director_reminder out[REMINDER_DIRECTOR_MAX])
{
    size_t count = 0;
    char day[CIVIL_DATE_TEXT_SIZE];
    struct civil_date deadline = reminder_director_deadline(facts);
    civil_date_format(deadline, day);
    int threshold = director_threshold(as_of, deadline);
    if (threshold >= 0) {
        struct director_reminder *r = &out[count++];
        memset(r, 0, sizeof *r);
        r->kind = REMINDER_KIND_DIRECTOR_DEADLINE;
        r->threshold = threshold;
        r->deadline = deadline;
        r->certified = civil_date_is_set(facts->certified_until);
        if (threshold > 0) {
            snprintf(r->key, sizeof r->key, "director:%" PRId64 ":%" PRId64 ":deadline:%s:%dm",
                     facts->library_id, facts->director_id, day, threshold);
        } else {
            snprintf(r->key, sizeof r->key, "director:%" PRId64 ":%" PRId64 ":deadline:%s:late",
                     facts->library_id, facts->director_id, day);
        }
    }
    if (newly_hired(facts, as_of)) {
        struct director_reminder *r = &out[count++];
        memset(r, 0, sizeof *r);
        char hired[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(facts->hire_day, hired);
        r->kind = REMINDER_KIND_NEW_DIRECTOR;
        r->deadline = deadline;
        snprintf(r->key, sizeof r->key, "director:%" PRId64 ":%" PRId64 ":hired:%s",
                 facts->library_id, facts->director_id, hired);
    }
    return count;
}

/* Whether program lists program_id among its prerequisites. */
void reminder_months_words(int months, char *out, size_t size)
{
    if (months <= 0) {
        snprintf(out, size, "has come");
    } else {
        snprintf(out, size, "in %d %s", months, months == 1 ? "month" : "months");
    }
}
