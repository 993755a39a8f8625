/*
 * clock: what day and time it is.
 *
 * "Today" is the civil date in the process's time zone (TZ); the environment variable
 * CERTTRACK_TODAY=YYYY-MM-DD overrides it, for every command and the server, so that
 * tests and demonstrations can move the clock.
 */
#ifndef CERTTRACK_CLOCK_H
#define CERTTRACK_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/civil_date.h"
#include "../core/err.h"

#define CLOCK_TIMESTAMP_SIZE 32

/* Today's date. Fails when CERTTRACK_TODAY is set but not a date. */
enum ct_status clock_today(struct civil_date *today, struct ct_err *err) CT_MUST_CHECK;

/* The current time in UTC as "YYYY-MM-DDTHH:MM:SSZ", for audit entries. */
void clock_now_utc(char out[CLOCK_TIMESTAMP_SIZE]);

/* The latest instant at or before now (Unix seconds) when the clock of the process's time
 * zone (TZ) read minutes_of_day (0 to 1439) minutes past midnight: today's, or else
 * yesterday's. On a day that skips that time (the start of summer time) the time
 * after the gap is taken. */
int64_t clock_last_local_time(int64_t now, int minutes_of_day);

/* True when, at now, the clock of the process's time zone has read minutes_of_day today
 * (at or after it, before midnight). */
bool clock_local_time_reached(int64_t now, int minutes_of_day);

#endif
