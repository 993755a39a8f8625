#include "moment.h"

#include <stdbool.h>
#include <stdio.h>

#include "../../core/civil_date.h"
#include "../../core/timestamp.h"
#include "../../core/banned.h"

enum { SECONDS_A_DAY = 86400 };

/* Writes any instant, 0 too. */
static void instant_text(int64_t unix_seconds, char out[MOMENT_TEXT_SIZE])
{
    int64_t within = unix_seconds % SECONDS_A_DAY;
    within += within < 0 ? SECONDS_A_DAY : 0;
    char day[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(timestamp_civil_date_at_offset(unix_seconds, 0), day);
    snprintf(out, MOMENT_TEXT_SIZE, "%s %02d:%02d UTC", day, (int)(within / 3600),
             (int)(within % 3600 / 60));
}

void moment_of_unix(int64_t unix_seconds, char out[MOMENT_TEXT_SIZE])
{
    if (unix_seconds == 0) {
        out[0] = '\0';
        return;
    }
    instant_text(unix_seconds, out);
}

/* The instant of stored text with an offset (or Z), or a local time taken as UTC. */
static bool stored_instant(const char *stored, int64_t *unix_seconds)
{
    struct timestamp_reading reading;
    if (timestamp_read_iso8601(stored, TIMESTAMP_SPACE_FOR_T, &reading) ||
        timestamp_read_iso8601(stored, TIMESTAMP_SPACE_FOR_T | TIMESTAMP_NO_OFFSET, &reading)) {
        *unix_seconds = reading.unix_seconds;
        return true;
    }
    return false;
}

void moment_of_text(const char *stored, char *out, size_t size)
{
    if (size == 0) {
        return;
    }
    int64_t seconds = 0;
    if (stored != NULL && stored_instant(stored, &seconds)) {
        char moment[MOMENT_TEXT_SIZE];
        instant_text(seconds, moment);
        snprintf(out, size, "%s", moment);
        return;
    }
    snprintf(out, size, "%s", stored != NULL ? stored : "");
}

void html_moment(struct html *h, const char *stored)
{
    char moment[256];
    moment_of_text(stored, moment, sizeof moment);
    html_text(h, moment);
}

void html_moment_unix(struct html *h, int64_t unix_seconds, const char *none)
{
    char moment[MOMENT_TEXT_SIZE];
    moment_of_unix(unix_seconds, moment);
    html_text(h, unix_seconds != 0 ? moment : none);
}
