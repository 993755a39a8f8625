/*
 * civil_date: calendar dates without times or time zones.
 *
 * A date is a day number (days since 1970-01-01 in the proleptic Gregorian calendar),
 * so comparing and subtracting dates is integer arithmetic. Input dates are
 * "YYYY-MM-DD" with years 0001 to 9999; arithmetic may go a little past 9999.
 *
 * The conversions are written here rather than taken from the C library: mktime and
 * timegm work in seconds with time zones, and certtrack's rules are about civil days.
 */
#ifndef CERTTRACK_CIVIL_DATE_H
#define CERTTRACK_CIVIL_DATE_H

#include <stdbool.h>
#include <stdint.h>

struct civil_date {
    int32_t days; /* days since 1970-01-01; CIVIL_DATE_UNSET_DAYS when unset */
};

#define CIVIL_DATE_UNSET_DAYS INT32_MIN
#define CIVIL_DATE_TEXT_SIZE  16 /* room for "YYYYY-MM-DD" and the NUL */

/* The value meaning "no date". */
struct civil_date civil_date_unset(void);

bool civil_date_is_set(struct civil_date date);

/* True when year (1..9999), month and day name a real day. */
bool civil_date_is_valid_ymd(int year, int month, int day);

/* The date of a valid year, month and day (see civil_date_is_valid_ymd). */
struct civil_date civil_date_from_ymd(int year, int month, int day);

/* Splits a set date into year, month (1-12) and day (1-31). */
void civil_date_to_ymd(struct civil_date date, int *year, int *month, int *day);

/* Parses exactly "YYYY-MM-DD" (ten characters, a real day, year 0001-9999). Returns
 * false, leaving *out untouched, for anything else. */
bool civil_date_parse(const char *text, struct civil_date *out);

/* Writes "YYYY-MM-DD" into out (CIVIL_DATE_TEXT_SIZE bytes); "" for an unset date. */
void civil_date_format(struct civil_date date, char out[CIVIL_DATE_TEXT_SIZE]);

/* The same month and day years later; 29 February becomes 1 March in a year that is
 * not a leap year. */
struct civil_date civil_date_add_years(struct civil_date date, int years);

struct civil_date civil_date_add_days(struct civil_date date, int32_t days);

/* Negative, zero or positive as a is before, on or after b. */
int civil_date_compare(struct civil_date a, struct civil_date b);

bool civil_date_is_leap_year(int year);

#endif
