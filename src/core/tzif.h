/*
 * tzif: time zones from the IANA database's compiled files (TZif, RFC 8536), read from
 * bytes the caller supplies (no I/O here: io/time_zone.c reads the files).
 *
 * A zone answers one question: the UTC offset in force at an instant. Instants are
 * seconds since 1970-01-01T00:00:00Z, leap seconds ignored (as POSIX time is). Past the
 * file's last transition the zone follows the POSIX TZ rule in the file's footer (e.g.
 * "MST7MDT,M3.2.0,M11.1.0"), so "slim" files work too. No environment, no globals,
 * nothing from the C library's TZ machinery: safe from any thread.
 */
#ifndef CERTTRACK_TZIF_H
#define CERTTRACK_TZIF_H

#include <stddef.h>
#include <stdint.h>

#include "civil_date.h"
#include "err.h"

struct tzif_zone;

/* Parses a TZif file (versions 1 to 4) from data (borrowed). *zone is the caller's, to
 * free with tzif_free. A refusal says what is wrong with the data. */
enum ct_status tzif_parse(const unsigned char *data, size_t length, struct tzif_zone **zone,
                          struct ct_err *err) CT_MUST_CHECK;

/* A zone from a POSIX TZ rule alone, such as "UTC0" or "MST7MDT,M3.2.0,M11.1.0". */
enum ct_status tzif_from_rule(const char *rule, struct tzif_zone **zone,
                              struct ct_err *err) CT_MUST_CHECK;

/* Frees a zone; NULL is a no-op. */
void tzif_free(struct tzif_zone *zone);

/* The UTC offset in seconds (east positive) in force at the instant. */
int32_t tzif_offset_at(const struct tzif_zone *zone, int64_t unix_seconds);

/* The civil date, in the zone, of the instant. */
struct civil_date tzif_civil_date(const struct tzif_zone *zone, int64_t unix_seconds);

#endif
