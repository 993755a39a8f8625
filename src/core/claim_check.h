/*
 * claim_check: what the rules engine decided for one claim, and whether that is a
 * warning to show before the claim is sent and beside it while it waits for the
 * verifier. The engine itself decides (engine_evaluate); this module only reads its
 * answer for one activity.
 */
#ifndef CERTTRACK_CLAIM_CHECK_H
#define CERTTRACK_CLAIM_CHECK_H

#include "engine.h"
#include "record.h"

/* Whether the engine's reason for a pending claim means it will not count even once
 * verified: any reason but REASON_NONE and REASON_NOT_VERIFIED (the engine gives a
 * pending claim "not-verified" only when no exclusion applies to it). */
bool claim_check_warns(enum reason reason);

/* The engine's result for the record's activity whose id is key (borrowed from
 * evaluation, which evaluated record), or NULL when the record has none. */
const struct activity_result *claim_check_find(const struct learner_record *record,
                                               const struct evaluation *evaluation,
                                               const char *key);

#endif
