/*
 * evaluation_json: an evaluation as the JSON document `certtrack evaluate` prints.
 *
 * Field names and codes are fixed (docs/evaluate.md). Credit amounts are numbers that
 * print without a decimal point when whole (62, 2.5).
 */
#ifndef CERTTRACK_EVALUATION_JSON_H
#define CERTTRACK_EVALUATION_JSON_H

#include <jansson.h>

#include "engine.h"
#include "record.h"

/* Builds the JSON object for evaluation of record (both borrowed). The caller owns the
 * result (json_decref); NULL when memory runs out. */
json_t *evaluation_to_json(const struct evaluation *evaluation,
                           const struct learner_record *record);

/* The same as text: indented, keys in a fixed order, ending in a newline. The caller
 * frees the result with free(); NULL when memory runs out. */
char *evaluation_to_json_text(const struct evaluation *evaluation,
                              const struct learner_record *record);

#endif
