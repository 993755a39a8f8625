#include "timestamp.h"

#include <string.h>

#include "banned.h"

enum { SECONDS_PER_DAY = 86400 };

/* Reads exactly count digits at text into *value. */
static bool digits(const char *text, int count, int *value)
{
    int result = 0;
    for (int i = 0; i < count; i++) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        result = result * 10 + (text[i] - '0');
    }
    *value = result;
    return true;
}

/* "YYYY-MM-DD" at text into a date. */
static bool date_part(const char *text, struct civil_date *date)
{
    int year, month, day;
    if (!digits(text, 4, &year) || text[4] != '-' || !digits(text + 5, 2, &month) ||
        text[7] != '-' || !digits(text + 8, 2, &day) ||
        !civil_date_is_valid_ymd(year, month, day)) {
        return false;
    }
    *date = civil_date_from_ymd(year, month, day);
    return true;
}

/* The character between the date and the time, as flags allow it. */
static bool is_separator(char c, unsigned flags)
{
    if ((flags & TIMESTAMP_ONLY_SPACE) != 0) {
        return c == ' ';
    }
    return c == 'T' || c == 't' || (c == ' ' && (flags & TIMESTAMP_SPACE_FOR_T) != 0);
}

/* "HH:MM" and, when seconds are required or a ':' follows, ":SS"; *used gets the
 * length. */
static bool time_part(const char *text, unsigned flags, int32_t *seconds, size_t *used)
{
    int hours, minutes, secs = 0;
    if (!digits(text, 2, &hours) || text[2] != ':' || !digits(text + 3, 2, &minutes) ||
        hours > 23 || minutes > 59) {
        return false;
    }
    *used = 5;
    if (text[5] == ':' || (flags & TIMESTAMP_SECONDS_REQUIRED) != 0) {
        int last_second = (flags & TIMESTAMP_LEAP_SECOND) != 0 ? 60 : 59;
        if (text[5] != ':' || !digits(text + 6, 2, &secs) || secs > last_second) {
            return false;
        }
        *used = 8;
    }
    *seconds = hours * 3600 + minutes * 60 + secs;
    return true;
}

/* A ".fraction" at *text, if there is one: at least one digit, the first three kept as
 * milliseconds; *text moves past it. */
static bool fraction_part(const char **text, int32_t *milliseconds)
{
    const char *rest = *text;
    if (rest[0] != '.') {
        return true;
    }
    rest++;
    size_t count = strspn(rest, "0123456789");
    if (count == 0) {
        return false;
    }
    int32_t millis = 0;
    for (size_t i = 0; i < 3; i++) {
        millis = millis * 10 + (i < count ? rest[i] - '0' : 0);
    }
    *milliseconds = millis;
    *text = rest + count;
    return true;
}

/* "Z", "+HH:MM", "+HHMM" or "+HH" (or '-') at text, the whole rest of it. */
static bool offset_part(const char *text, unsigned flags, int32_t *offset)
{
    if ((text[0] == 'Z' || text[0] == 'z') && text[1] == '\0') {
        *offset = 0;
        return true;
    }
    if (text[0] != '+' && text[0] != '-') {
        return false;
    }
    int sign = text[0] == '-' ? -1 : 1;
    int hours, minutes = 0;
    if (!digits(text + 1, 2, &hours) || hours > 23) {
        return false;
    }
    const char *rest = text + 3;
    if (rest[0] == ':') {
        rest++;
    }
    if (rest[0] != '\0') {
        if (!digits(rest, 2, &minutes) || minutes > 59 || rest[2] != '\0') {
            return false;
        }
    } else if (rest != text + 3) {
        return false; /* "+HH:" */
    }
    /* ISO 8601 writes a zero offset "+"; RFC 3339 reads "-00:00" as "offset unknown". */
    if ((flags & TIMESTAMP_NO_MINUS_ZERO) != 0 && sign < 0 && hours == 0 && minutes == 0) {
        return false;
    }
    *offset = sign * (hours * 3600 + minutes * 60);
    return true;
}

bool timestamp_read_iso8601(const char *text, unsigned flags, struct timestamp_reading *out)
{
    struct civil_date date;
    if (text == NULL || !date_part(text, &date) || !is_separator(text[10], flags)) {
        return false;
    }
    int32_t seconds = 0;
    size_t used = 0;
    if (!time_part(text + 11, flags, &seconds, &used)) {
        return false;
    }
    const char *rest = text + 11 + used;
    int32_t milliseconds = 0;
    if (used == 8 && (flags & TIMESTAMP_NO_FRACTION) == 0 && !fraction_part(&rest, &milliseconds)) {
        return false;
    }
    int32_t offset = 0;
    bool ended =
        (flags & TIMESTAMP_NO_OFFSET) != 0 ? rest[0] == '\0' : offset_part(rest, flags, &offset);
    if (!ended) {
        return false;
    }
    *out = (struct timestamp_reading){
        .unix_seconds = (int64_t)date.days * SECONDS_PER_DAY + seconds - offset,
        .milliseconds = milliseconds,
        .offset_seconds = offset,
    };
    return true;
}

bool timestamp_parse_iso8601(const char *text, int64_t *unix_seconds)
{
    struct timestamp_reading reading;
    if (!timestamp_read_iso8601(text, TIMESTAMP_SPACE_FOR_T, &reading)) {
        return false;
    }
    *unix_seconds = reading.unix_seconds;
    return true;
}

bool timestamp_parse_local(const char *text, struct civil_date *date)
{
    const unsigned local = TIMESTAMP_ONLY_SPACE | TIMESTAMP_SECONDS_REQUIRED |
                           TIMESTAMP_NO_FRACTION | TIMESTAMP_NO_OFFSET;
    struct timestamp_reading reading;
    if (!timestamp_read_iso8601(text, local, &reading)) {
        return false;
    }
    *date = timestamp_civil_date_at_offset(reading.unix_seconds, 0);
    return true;
}

struct civil_date timestamp_civil_date_at_offset(int64_t unix_seconds, int32_t offset_seconds)
{
    int64_t local = unix_seconds + offset_seconds;
    int64_t day = local / SECONDS_PER_DAY;
    if (local % SECONDS_PER_DAY != 0 && local < 0) {
        day--;
    }
    return (struct civil_date){(int32_t)day};
}
