#include "credit.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "banned.h"

enum credit_parse_result credit_halves_from_number(double value, int64_t *halves)
{
    if (!isfinite(value) || !(value > 0)) {
        return CREDIT_PARSE_NOT_POSITIVE;
    }
    if (value > CREDIT_INPUT_MAX) {
        return CREDIT_PARSE_TOO_LARGE;
    }
    double doubled = value * 2; /* exact for every double in range */
    if (doubled != floor(doubled)) {
        return CREDIT_PARSE_NOT_HALF_MULTIPLE;
    }
    *halves = (int64_t)doubled;
    return CREDIT_PARSE_OK;
}

enum credit_parse_result credit_minutes_from_hours(double hours, int64_t *minutes)
{
    if (!isfinite(hours) || !(hours > 0)) {
        return CREDIT_PARSE_NOT_POSITIVE;
    }
    if (hours > CREDIT_HOURS_MAX) {
        return CREDIT_PARSE_TOO_LARGE;
    }
    /* First to the nearest millionth of a minute, which removes the binary
     * representation error of a decimal input, then to the nearest minute. */
    long double micro_minutes = (long double)hours * 60.0L * 1000000.0L;
    int64_t micro = (int64_t)llroundl(micro_minutes);
    *minutes = (micro + 500000) / 1000000;
    return CREDIT_PARSE_OK;
}

void credit_format(int64_t halves, char out[CREDIT_TEXT_SIZE])
{
    const char *sign = halves < 0 ? "-" : "";
    uint64_t magnitude = halves < 0 ? (uint64_t)0 - (uint64_t)halves : (uint64_t)halves;
    if (magnitude % 2 == 0) {
        snprintf(out, CREDIT_TEXT_SIZE, "%s%" PRIu64, sign, magnitude / 2);
    } else {
        snprintf(out, CREDIT_TEXT_SIZE, "%s%" PRIu64 ".5", sign, magnitude / 2);
    }
}

const char *credit_parse_result_message(enum credit_parse_result result)
{
    switch (result) {
    case CREDIT_PARSE_OK:
        return "ok";
    case CREDIT_PARSE_NOT_POSITIVE:
        return "must be a positive number";
    case CREDIT_PARSE_NOT_HALF_MULTIPLE:
        return "must be a multiple of 0.5";
    case CREDIT_PARSE_TOO_LARGE:
        return "is too large";
    }
    return "is not valid";
}
