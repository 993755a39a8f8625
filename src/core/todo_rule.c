#include "todo_rule.h"

#include "banned.h"

struct civil_date todo_rule_near_until(struct civil_date today)
{
    int year = 0, month = 0, day = 0;
    civil_date_to_ymd(today, &year, &month, &day);
    month += WAITING_RULE_NEAR_MONTHS;
    year += (month - 1) / 12;
    month = (month - 1) % 12 + 1;
    while (day > 28 && !civil_date_is_valid_ymd(year, month, day)) {
        day--;
    }
    return civil_date_from_ymd(year, month, day);
}

struct civil_date todo_rule_recent_since(struct civil_date today)
{
    return civil_date_add_days(today, -WAITING_RULE_RECENT_DAYS);
}

enum todo_deadline todo_rule_deadline(struct civil_date deadline, struct civil_date today)
{
    if (!civil_date_is_set(deadline)) {
        return WAITING_DEADLINE_FAR;
    }
    if (civil_date_compare(today, deadline) >= 0) {
        return WAITING_DEADLINE_PASSED;
    }
    if (civil_date_compare(deadline, todo_rule_near_until(today)) <= 0) {
        return WAITING_DEADLINE_NEAR;
    }
    return WAITING_DEADLINE_FAR;
}

int64_t todo_rule_waited_days(struct civil_date since, struct civil_date today)
{
    if (!civil_date_is_set(since) || civil_date_compare(since, today) > 0) {
        return 0;
    }
    return (int64_t)today.days - since.days;
}

/* The order of the next steps: a lower rank comes first. */
static int next_step_rank(enum blocking_code code)
{
    static const enum blocking_code order[] = {
        BLOCKING_TRACK_EXPIRED,        BLOCKING_NO_PRIOR_CERTIFICATE,
        BLOCKING_PLAN_MISSING,         BLOCKING_PLAN_NOT_APPROVED,
        BLOCKING_CREDITS_SHORT,        BLOCKING_CATEGORY_SHORT,
        BLOCKING_FINAL_REPORT_MISSING, BLOCKING_FINAL_REPORT_NOT_ACCEPTED,
    };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        if (order[i] == code) {
            return (int)i;
        }
    }
    return (int)(sizeof order / sizeof order[0]);
}

int todo_rule_next_blocking(const struct evaluation *evaluation)
{
    int best = -1;
    for (size_t i = 0; i < evaluation->blocking_count; i++) {
        if (best < 0 || next_step_rank(evaluation->blocking[i].code) <
                            next_step_rank(evaluation->blocking[best].code)) {
            best = (int)i;
        }
    }
    return best;
}
