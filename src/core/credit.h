/*
 * credit: credit amounts as whole half-credits, and time as whole minutes.
 *
 * No floating point is used in credit arithmetic: 2.5 credits is held as 5 half-credits.
 * Numbers read from JSON (which arrive as doubles) are checked and converted here, once.
 */
#ifndef CERTTRACK_CREDIT_H
#define CERTTRACK_CREDIT_H

#include <stdbool.h>
#include <stdint.h>

#define CREDIT_TEXT_SIZE 32

/* The largest credit value one number in an input may have (in credits). */
#define CREDIT_INPUT_MAX 10000
/* The largest number of hours one activity may last. */
#define CREDIT_HOURS_MAX 100000

enum credit_parse_result {
    CREDIT_PARSE_OK,
    CREDIT_PARSE_NOT_POSITIVE,      /* zero, negative, or not a number */
    CREDIT_PARSE_NOT_HALF_MULTIPLE, /* e.g. 1.25 */
    CREDIT_PARSE_TOO_LARGE,
};

/* Converts a credit value to half-credits: it must be a positive multiple of 0.5 and at
 * most CREDIT_INPUT_MAX. */
enum credit_parse_result credit_halves_from_number(double value, int64_t *halves);

/* Converts hours to whole minutes, rounded to the nearest minute (halves up). hours
 * must be positive and at most CREDIT_HOURS_MAX. Decimal inputs with up to six
 * decimals of a minute convert exactly despite binary floating point. */
enum credit_parse_result credit_minutes_from_hours(double hours, int64_t *minutes);

/* Writes a half-credit amount as a decimal: 124 -> "62", 5 -> "2.5", -3 -> "-1.5". */
void credit_format(int64_t halves, char out[CREDIT_TEXT_SIZE]);

/* A short English description of a parse result ("must be a positive multiple of
 * 0.5"); never NULL. */
const char *credit_parse_result_message(enum credit_parse_result result);

#endif
