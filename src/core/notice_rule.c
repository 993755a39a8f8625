#include "notice_rule.h"

#include <string.h>

#include "banned.h"

bool notice_rule_due(const struct notice_schedule *schedule, enum notice_delivery delivery,
                     int64_t oldest)
{
    if (delivery == NOTICE_DELIVERY_DAILY) {
        return oldest <= schedule->last_digest;
    }
    return oldest + schedule->window_seconds <= schedule->now;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool notice_rule_time_of_day(const char *text, int *minutes)
{
    if (text == NULL || strlen(text) != 5 || text[2] != ':' || !is_digit(text[0]) ||
        !is_digit(text[1]) || !is_digit(text[3]) || !is_digit(text[4])) {
        return false;
    }
    int hour = (text[0] - '0') * 10 + (text[1] - '0');
    int minute = (text[3] - '0') * 10 + (text[4] - '0');
    if (hour > 23 || minute > 59) {
        return false;
    }
    *minutes = hour * 60 + minute;
    return true;
}
