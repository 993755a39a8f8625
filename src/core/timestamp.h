/*
 * timestamp: points in time written as text, and the civil dates they fall on.
 *
 * Two forms arrive from an LMS: ISO 8601 with an offset (xAPI's "timestamp",
 * "2026-02-03T14:22:05.123-07:00"), and a local time without any offset (Moodle's
 * report files, "2026-02-03 14:22:05", in the site's time zone). Both are read by one
 * reader, timestamp_read_iso8601, whose flags say how strictly; the other readers here
 * are its named uses. Instants are seconds since 1970-01-01T00:00:00Z; leap seconds are
 * not counted (":60" is refused, unless TIMESTAMP_LEAP_SECOND asks otherwise).
 */
#ifndef CERTTRACK_TIMESTAMP_H
#define CERTTRACK_TIMESTAMP_H

#include <stdbool.h>
#include <stdint.h>

#include "civil_date.h"

/* How strictly timestamp_read_iso8601 reads, flags joined with '|'. With none of them it
 * reads "YYYY-MM-DDTHH:MM[:SS[.fraction]]" ("t" for the T accepted) followed by "Z"
 * (or "z") or an offset "+HH:MM", "-HH:MM", "+HHMM" or "+HH", the whole text. */
enum timestamp_flag {
    TIMESTAMP_SPACE_FOR_T = 1 << 0,      /* a space accepted in place of the T */
    TIMESTAMP_ONLY_SPACE = 1 << 1,       /* a space, and no T, between date and time */
    TIMESTAMP_SECONDS_REQUIRED = 1 << 2, /* "HH:MM" without ":SS" refused */
    TIMESTAMP_LEAP_SECOND = 1 << 3,      /* ":60" accepted, the minute's 60th second */
    TIMESTAMP_NO_MINUS_ZERO = 1 << 4,    /* a zero offset written with '-' ("-00",
                                            "-0000", "-00:00") refused */
    TIMESTAMP_NO_FRACTION = 1 << 5,      /* a fraction of a second refused */
    TIMESTAMP_NO_OFFSET = 1 << 6,        /* a local time: the text ends at the time, and
                                            an offset (or "Z") is refused */
};

/* What timestamp_read_iso8601 read. */
struct timestamp_reading {
    int64_t unix_seconds;   /* the instant; with TIMESTAMP_NO_OFFSET the local time read as
                               if it were UTC */
    int32_t milliseconds;   /* the fraction's first three digits (the rest cut), 0 to 999 */
    int32_t offset_seconds; /* the offset written, east of UTC positive; 0 for "Z" */
};

/* Reads text (NULL is refused) as flags (a set of enum timestamp_flag) say into *out.
 * False, leaving *out untouched, for anything else: a time without an offset, unless
 * TIMESTAMP_NO_OFFSET; an invalid date, hour, minute, second or offset (hours up to 23,
 * minutes up to 59); anything after the end. */
bool timestamp_read_iso8601(const char *text, unsigned flags, struct timestamp_reading *out);

/* timestamp_read_iso8601 with TIMESTAMP_SPACE_FOR_T: "YYYY-MM-DDTHH:MM[:SS[.fraction]]"
 * followed by "Z" or an offset ("t" and "z" and a space for "T" accepted) into
 * *unix_seconds (the fraction dropped). False, leaving it untouched, for anything else,
 * including a time without an offset. */
bool timestamp_parse_iso8601(const char *text, int64_t *unix_seconds);

/* timestamp_read_iso8601 of exactly "YYYY-MM-DD HH:MM:SS", a local time without an
 * offset, into its civil date (the date part, once the whole is checked). False for
 * anything else. */
bool timestamp_parse_local(const char *text, struct civil_date *date);

/* The civil date of an instant at a fixed UTC offset (seconds east). */
struct civil_date timestamp_civil_date_at_offset(int64_t unix_seconds, int32_t offset_seconds);

#endif
