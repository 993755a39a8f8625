/*
 * clock: what day and time it is.
 *
 * "Today" is the civil date in the process's time zone (TZ); the environment variable
 * CERTTRACK_TODAY=YYYY-MM-DD overrides it, for every command and the server, so that
 * tests and demonstrations can move the clock.
 */
#ifndef CERTTRACK_CLOCK_H
#define CERTTRACK_CLOCK_H

#include "../core/civil_date.h"
#include "../core/err.h"

#define CLOCK_TIMESTAMP_SIZE 32

/* Today's date. Fails when CERTTRACK_TODAY is set but not a date. */
enum ct_status clock_today(struct civil_date *today, struct ct_err *err) CT_MUST_CHECK;

/* The current time in UTC as "YYYY-MM-DDTHH:MM:SSZ", for audit entries. */
void clock_now_utc(char out[CLOCK_TIMESTAMP_SIZE]);

#endif
