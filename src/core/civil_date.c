#include "civil_date.h"

#include <stdio.h>

#include "banned.h"

/* Day numbers from and to civil dates, counting in 400-year eras of 146097 days that
 * start on 1 March, so that the leap day is the last day of each era-year. */

struct civil_date civil_date_unset(void)
{
    return (struct civil_date){CIVIL_DATE_UNSET_DAYS};
}

bool civil_date_is_set(struct civil_date date)
{
    return date.days != CIVIL_DATE_UNSET_DAYS;
}

bool civil_date_is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && civil_date_is_leap_year(year)) {
        return 29;
    }
    return lengths[month - 1];
}

bool civil_date_is_valid_ymd(int year, int month, int day)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    return day <= days_in_month(year, month);
}

/* Also used past year 9999, by arithmetic. */
static struct civil_date date_from_ymd_unchecked(int year, int month, int day)
{
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int year_of_era = y - era * 400;
    int day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return (struct civil_date){(int32_t)(era * 146097 + day_of_era - 719468)};
}

struct civil_date civil_date_from_ymd(int year, int month, int day)
{
    return date_from_ymd_unchecked(year, month, day);
}

void civil_date_to_ymd(struct civil_date date, int *year, int *month, int *day)
{
    int z = date.days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int day_of_era = z - era * 146097;
    int year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int shifted_month = (5 * day_of_year + 2) / 153;
    *day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    *month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    *year = year_of_era + era * 400 + (*month <= 2 ? 1 : 0);
}

static int digits_value(const char *text, int count)
{
    int value = 0;
    for (int i = 0; i < count; i++) {
        if (text[i] < '0' || text[i] > '9') {
            return -1;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool civil_date_parse(const char *text, struct civil_date *out)
{
    if (text == NULL) {
        return false;
    }
    for (int i = 0; i < 10; i++) {
        if (text[i] == '\0') {
            return false;
        }
    }
    if (text[10] != '\0' || text[4] != '-' || text[7] != '-') {
        return false;
    }
    int year = digits_value(text, 4);
    int month = digits_value(text + 5, 2);
    int day = digits_value(text + 8, 2);
    if (year < 0 || month < 0 || day < 0 || !civil_date_is_valid_ymd(year, month, day)) {
        return false;
    }
    *out = civil_date_from_ymd(year, month, day);
    return true;
}

void civil_date_format(struct civil_date date, char out[CIVIL_DATE_TEXT_SIZE])
{
    if (!civil_date_is_set(date)) {
        out[0] = '\0';
        return;
    }
    int year, month, day;
    civil_date_to_ymd(date, &year, &month, &day);
    snprintf(out, CIVIL_DATE_TEXT_SIZE, "%04d-%02d-%02d", year, month, day);
}

struct civil_date civil_date_add_years(struct civil_date date, int years)
{
    int year, month, day;
    civil_date_to_ymd(date, &year, &month, &day);
    year += years;
    if (month == 2 && day == 29 && !civil_date_is_leap_year(year)) {
        month = 3;
        day = 1;
    }
    return date_from_ymd_unchecked(year, month, day);
}

struct civil_date civil_date_add_days(struct civil_date date, int32_t days)
{
    return (struct civil_date){date.days + days};
}

int civil_date_compare(struct civil_date a, struct civil_date b)
{
    return (a.days > b.days) - (a.days < b.days);
}
