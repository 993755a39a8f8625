/*
 * timestamp: points in time written as text, and the civil dates they fall on.
 *
 * Two forms arrive from an LMS: ISO 8601 with an offset (xAPI's "timestamp",
 * "2026-02-03T14:22:05.123-07:00"), and a local time without any offset (Moodle's
 * report files, "2026-02-03 14:22:05", in the site's time zone). Instants are seconds
 * since 1970-01-01T00:00:00Z; leap seconds are not counted (":60" is refused).
 */
#ifndef CERTTRACK_TIMESTAMP_H
#define CERTTRACK_TIMESTAMP_H

#include <stdbool.h>
#include <stdint.h>

#include "civil_date.h"

/* Parses "YYYY-MM-DDTHH:MM[:SS[.fraction]]" followed by "Z" or an offset "+HH:MM",
 * "-HH:MM", "+HHMM" or "+HH" ("t" and "z" and a space for "T" accepted) into
 * *unix_seconds (the fraction dropped). False, leaving it untouched, for anything else,
 * including a time without an offset. */
bool timestamp_parse_iso8601(const char *text, int64_t *unix_seconds);

/* Parses exactly "YYYY-MM-DD HH:MM:SS", a local time without an offset, into its civil
 * date (the date part, once the whole is checked). False for anything else. */
bool timestamp_parse_local(const char *text, struct civil_date *date);

/* The civil date of an instant at a fixed UTC offset (seconds east). */
struct civil_date timestamp_civil_date_at_offset(int64_t unix_seconds, int32_t offset_seconds);

#endif
