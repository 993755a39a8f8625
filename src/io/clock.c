#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../core/banned.h"

enum ct_status clock_today(struct civil_date *today, struct ct_err *err)
{
    const char *override = getenv("CERTTRACK_TODAY");
    if (override != NULL && override[0] != '\0') {
        if (!civil_date_parse(override, today)) {
            return ct_err_set(err, CT_ERR_INPUT, "CERTTRACK_TODAY", "not a date: \"%.40s\"",
                              override);
        }
        return CT_OK;
    }
    time_t now = time(NULL);
    struct tm local;
    if (localtime_r(&now, &local) == NULL) {
        return ct_err_set(err, CT_ERR_IO, "clock", "cannot read the local time");
    }
    *today = civil_date_from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
    return CT_OK;
}

/* The instant of minutes_of_day on the local day of local, moved by days. */
static int64_t local_time_on(struct tm local, int days, int minutes_of_day)
{
    local.tm_mday += days;
    local.tm_hour = minutes_of_day / 60;
    local.tm_min = minutes_of_day % 60;
    local.tm_sec = 0;
    local.tm_isdst = -1;
    return (int64_t)mktime(&local);
}

int64_t clock_last_local_time(int64_t now, int minutes_of_day)
{
    time_t seconds = (time_t)now;
    struct tm local;
    if (localtime_r(&seconds, &local) == NULL) {
        return now;
    }
    int64_t today = local_time_on(local, 0, minutes_of_day);
    return today <= now ? today : local_time_on(local, -1, minutes_of_day);
}

bool clock_local_time_reached(int64_t now, int minutes_of_day)
{
    time_t seconds = (time_t)now;
    struct tm local;
    if (localtime_r(&seconds, &local) == NULL) {
        return false;
    }
    return local_time_on(local, 0, minutes_of_day) <= now;
}

void clock_now_utc(char out[CLOCK_TIMESTAMP_SIZE])
{
    time_t now = time(NULL);
    struct tm utc;
    if (gmtime_r(&now, &utc) == NULL) {
        snprintf(out, CLOCK_TIMESTAMP_SIZE, "1970-01-01T00:00:00Z");
        return;
    }
    strftime(out, CLOCK_TIMESTAMP_SIZE, "%Y-%m-%dT%H:%M:%SZ", &utc);
}
