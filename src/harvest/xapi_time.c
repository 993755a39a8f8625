#include "xapi_time.h"

#include <stdio.h>

#include "../core/timestamp.h"
#include "../core/banned.h"

/* How xAPI reads a timestamp (xapi_time.h): seconds required, ":60" accepted, a zero
 * offset written with '-' refused (ISO 8601 writes zero "+", RFC 3339 reads "-00:00" as
 * "offset unknown", which 2.0.0 forbids; XAPI-00123 refuses all three forms, "-00",
 * "-0000" and "-00:00", under 1.0.3 as well). */
#define XAPI_TIMESTAMP_FLAGS                                                                       \
    (TIMESTAMP_SECONDS_REQUIRED | TIMESTAMP_LEAP_SECOND | TIMESTAMP_NO_MINUS_ZERO)

bool xapi_time_parse(const char *text, enum xapi_version version, struct xapi_time *out)
{
    (void)version; /* both versions read a timestamp alike (xapi_time.h) */
    struct timestamp_reading reading;
    if (!timestamp_read_iso8601(text, XAPI_TIMESTAMP_FLAGS, &reading)) {
        return false;
    }
    out->utc_ms = reading.unix_seconds * 1000 + reading.milliseconds;
    out->offset_minutes = reading.offset_seconds / 60;
    return true;
}

/* Floor division, for instants before 1970. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void xapi_time_format_utc(int64_t utc_ms, char out[XAPI_TIMESTAMP_SIZE])
{
    int64_t days = floor_div(utc_ms, 86400000);
    int64_t in_day = utc_ms - days * 86400000;
    int year, month, day;
    civil_date_to_ymd((struct civil_date){(int32_t)days}, &year, &month, &day);
    snprintf(out, XAPI_TIMESTAMP_SIZE, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day,
             (int)(in_day / 3600000), (int)(in_day / 60000 % 60), (int)(in_day / 1000 % 60),
             (int)(in_day % 1000));
}
