#include "certificates.h"

#include <ctype.h>

#include "../store/store_award.h"
#include "coordinator.h"
#include "../core/banned.h"

/* Whether reason says something: more than spaces. */
static bool reason_given(const char *reason)
{
    bool given = false;
    for (const char *c = reason; c != NULL && *c != '\0'; c++) {
        given |= !isspace((unsigned char)*c);
    }
    return given;
}

static void check_revoke(const struct certificate_revoke_input *input,
                         struct action_outcome *outcome)
{
    if (input->certificate_id <= 0) {
        action_fault(outcome, "certificate", "Choose the certificate to revoke.");
    }
    if (!reason_given(input->reason)) {
        action_fault(outcome, "reason", "Say why the certificate is revoked.");
    }
    if (!input->confirmed) {
        action_fault(outcome, "confirm", "Confirm that this certificate is to be revoked.");
    }
}

/* Refuses a certificate that is not there or is revoked already. */
static enum ct_status check_state(struct store *store, int64_t id, struct action_outcome *outcome)
{
    struct certificate_record record;
    bool found = false;
    enum ct_status status = store_certificate_find_by_id(store, id, &record, &found, &outcome->err);
    if (status == CT_OK && !found) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "certificate",
                             "no certificate has the id %lld", (long long)id);
    }
    if (status == CT_OK && civil_date_is_set(record.revoked)) {
        char revoked[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(record.revoked, revoked);
        return action_refuse(outcome, ACTION_WRONG_STATE, "certificate", "already revoked on %s",
                             revoked);
    }
    return status;
}

enum ct_status action_certificate_revoke(struct store *store, const struct actor *actor,
                                         const struct certificate_revoke_input *input,
                                         struct action_outcome *outcome)
{
    check_revoke(input, outcome);
    enum ct_status status = coordinator_begin(store, actor, "revokes a certificate", outcome);
    if (status != CT_OK) {
        return status;
    }
    status = check_state(store, input->certificate_id, outcome);
    if (status == CT_OK) {
        status = store_certificate_revoke(store, actor->person_id, input->certificate_id,
                                          actor->today, input->reason, &outcome->err);
        status = coordinator_store_refusal(outcome, status, ACTION_WRONG_STATE, "certificate");
    }
    return action_end(store, status, outcome);
}
