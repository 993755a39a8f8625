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

/* "HH:MM" and, when seconds_required or a ':' follows, ":SS"; *used gets the length. */
static bool time_part(const char *text, bool seconds_required, int32_t *seconds, size_t *used)
{
    int hours, minutes, secs = 0;
    if (!digits(text, 2, &hours) || text[2] != ':' || !digits(text + 3, 2, &minutes) ||
        hours > 23 || minutes > 59) {
        return false;
    }
    *used = 5;
    if (text[5] == ':' || seconds_required) {
        if (text[5] != ':' || !digits(text + 6, 2, &secs) || secs > 59) {
            return false;
        }
        *used = 8;
    }
    *seconds = hours * 3600 + minutes * 60 + secs;
    return true;
}

/* "Z", "+HH:MM", "+HHMM" or "+HH" (or '-') at text, the whole rest of it. */
static bool offset_part(const char *text, int32_t *offset)
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
        return false;
    }
    *offset = sign * (hours * 3600 + minutes * 60);
    return true;
}

bool timestamp_parse_iso8601(const char *text, int64_t *unix_seconds)
{
    struct civil_date date;
    if (strlen(text) < 16 || !date_part(text, &date) ||
        (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
        return false;
    }
    int32_t seconds = 0;
    size_t used = 0;
    if (!time_part(text + 11, false, &seconds, &used)) {
        return false;
    }
    const char *rest = text + 11 + used;
    if (rest[0] == '.' && used == 8) {
        rest++;
        size_t fraction = strspn(rest, "0123456789");
        if (fraction == 0) {
            return false;
        }
        rest += fraction;
    }
    int32_t offset = 0;
    if (!offset_part(rest, &offset)) {
        return false;
    }
    *unix_seconds = (int64_t)date.days * SECONDS_PER_DAY + seconds - offset;
    return true;
}

bool timestamp_parse_local(const char *text, struct civil_date *date)
{
    struct civil_date parsed;
    int32_t seconds;
    size_t used;
    if (strlen(text) != 19 || !date_part(text, &parsed) || text[10] != ' ' ||
        !time_part(text + 11, true, &seconds, &used)) {
        return false;
    }
    *date = parsed;
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
