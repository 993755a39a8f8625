/*
 * time_zone: IANA time zones by name ("America/Denver"), read from the system's
 * compiled database (Debian's tzdata: /usr/share/zoneinfo, or $TZDIR when set).
 *
 * Nothing here touches TZ, tzset or localtime: a zone is data (core/tzif.h), so any
 * thread may load and use its own. "UTC" (and "Etc/UTC") work without the database.
 */
#ifndef CERTTRACK_TIME_ZONE_H
#define CERTTRACK_TIME_ZONE_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/civil_date.h"
#include "../core/tzif.h"

#define TIME_ZONE_NAME_SIZE 64 /* the longest name, with its NUL */

/* True when name has the shape of an IANA zone name: letters, digits, '_', '-', '+'
 * and '/' between parts, no part starting with '.', shorter than TIME_ZONE_NAME_SIZE. */
bool time_zone_name_is_valid(const char *name);

/* Loads the zone called name. *zone is the caller's, freed with tzif_free. A refusal
 * (CT_ERR_INPUT, where "time_zone") says the name is not a known time zone. */
enum ct_status time_zone_load(const char *name, struct tzif_zone **zone,
                              struct ct_err *err) CT_MUST_CHECK;

/* The civil date of the instant in the zone called name (loads, converts, frees). */
enum ct_status time_zone_civil_date(const char *name, int64_t unix_seconds, struct civil_date *date,
                                    struct ct_err *err) CT_MUST_CHECK;

#endif
