/*
 * calendar_period: calendar months and quarters around a day, for the reports that count
 * by month (credits earned) and by quarter (credits that expire next quarter).
 */
#ifndef CERTTRACK_CALENDAR_PERIOD_H
#define CERTTRACK_CALENDAR_PERIOD_H

#include "civil_date.h"

/* The first day of the month months after day's month (negative: before). day is set. */
struct civil_date calendar_month_start(struct civil_date day, int months);

/* The next calendar quarter after the one day is in (quarters begin on 1 January,
 * 1 April, 1 July and 1 October): *start its first day, *end the first day after it. */
void calendar_next_quarter(struct civil_date day, struct civil_date *start, struct civil_date *end);

/* Which of the count months that end with last's month date falls in: 0 for the first
 * (count - 1 months before last's), count - 1 for last's own; -1 when date is in none. */
int calendar_month_index(struct civil_date date, struct civil_date last, int count);

#endif
