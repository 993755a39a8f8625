#include "calendar_period.h"

#include "banned.h"

/* Months since year 0: year * 12 + month - 1. */
static int month_number(struct civil_date day)
{
    int year = 0, month = 0, date = 0;
    civil_date_to_ymd(day, &year, &month, &date);
    return year * 12 + month - 1;
}

static struct civil_date from_month_number(int number)
{
    int year = number / 12;
    return civil_date_from_ymd(year, number - year * 12 + 1, 1);
}

struct civil_date calendar_month_start(struct civil_date day, int months)
{
    return from_month_number(month_number(day) + months);
}

void calendar_next_quarter(struct civil_date day, struct civil_date *start, struct civil_date *end)
{
    int number = month_number(day);
    int quarter_first = number - number % 3;
    *start = from_month_number(quarter_first + 3);
    *end = from_month_number(quarter_first + 6);
}

int calendar_month_index(struct civil_date date, struct civil_date last, int count)
{
    if (!civil_date_is_set(date)) {
        return -1;
    }
    int index = month_number(date) - month_number(last) + count - 1;
    return index >= 0 && index < count ? index : -1;
}
