#include "claim_check.h"

#include <string.h>

#include "banned.h"

bool claim_check_warns(enum reason reason)
{
    return reason != REASON_NONE && reason != REASON_NOT_VERIFIED;
}

const struct activity_result *claim_check_find(const struct learner_record *record,
                                               const struct evaluation *evaluation, const char *key)
{
    for (size_t i = 0; key != NULL && i < record->activity_count; i++) {
        if (strcmp(record->activities[i].id, key) == 0) {
            return &evaluation->activities[i];
        }
    }
    return NULL;
}
