/*
 * xapi_time: a statement's timestamp, an instant to the millisecond with the offset it
 * was written with, read as xAPI reads one (through core/timestamp.h's reader) and
 * written in UTC.
 */
#ifndef CERTTRACK_XAPI_TIME_H
#define CERTTRACK_XAPI_TIME_H

#include <stdbool.h>
#include <stdint.h>

#include "xapi_version.h"

#define XAPI_TIMESTAMP_SIZE 32 /* "YYYY-MM-DDTHH:MM:SS.mmmZ" and the NUL */

/* An instant read from an ISO 8601 timestamp with its offset. */
struct xapi_time {
    int64_t utc_ms;     /* milliseconds since 1970-01-01T00:00:00Z */
    int offset_minutes; /* the offset it was written with, east of UTC positive */
};

/* Parses "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM|+HHMM|+HH)" (T and Z in either
 * case; fractions past milliseconds are cut). A timestamp without an offset is refused,
 * and so is a zero offset written with "-" ("-00", "-0000", "-00:00": ISO 8601 writes
 * zero "+", RFC 3339 and 2.0.0 forbid "-00:00", and the 1.0.3 conformance suite refuses
 * all three). Both versions read timestamps alike today; version is for a rule one of
 * them alone may come to have. False for anything else, NULL included. Stricter
 * than timestamp_parse_iso8601 (seconds required, no space for the T) and to the
 * millisecond, as statements are compared to the millisecond; the civil date of an
 * instant in a site's zone is core/tzif.h's. */
bool xapi_time_parse(const char *text, enum xapi_version version, struct xapi_time *out);

/* Writes the instant as "YYYY-MM-DDTHH:MM:SS.mmmZ" into out. */
void xapi_time_format_utc(int64_t utc_ms, char out[XAPI_TIMESTAMP_SIZE]);

#endif
