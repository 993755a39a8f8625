/*
 * fuzz_check: what every evaluation must satisfy, checked by the fuzz targets.
 *
 * fuzz_check_record evaluates a decoded record, renders the evaluation as JSON and as
 * text, and assert()s (always on: NDEBUG is undefined in fuzz_check.c) the engine's
 * promises that hold for any record whatsoever:
 *   - each activity: 0 <= counted <= credits; counted means reason none and all of it;
 *     partial means the self-directed cap and 0 < counted < credits; excluded means a
 *     reason and nothing counted; pending means not-verified and nothing counted;
 *   - the totals are the sums of the activities (counted, pending, self-directed, each
 *     category); remaining = max(0, required - counted); self-directed credit stays
 *     within the program's cap;
 *   - status complete exactly when nothing blocks; blocking codes in report order;
 *   - the projection: next_expiry is after as_of and credit falls there; evaluating
 *     the record on that day gives the projected credit, and on the expiry days before
 *     it never less than now;
 *   - the JSON text parses again and matches the evaluation; a second evaluation of the
 *     same record renders byte for byte the same JSON.
 */
#ifndef CERTTRACK_FUZZ_CHECK_H
#define CERTTRACK_FUZZ_CHECK_H

#include "core/record.h"

/* Evaluates record (borrowed) and checks everything above; aborts through assert() on
 * the first broken promise. */
void fuzz_check_record(const struct learner_record *record);

#endif
