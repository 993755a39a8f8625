#include "certificate_reissue.h"

#include <ctype.h>
#include <string.h>

#include "coordinator.h"
#include "notices.h"
#include "../core/banned.h"

/* Whether text says something: more than spaces. */
static bool said(const char *text)
{
    bool given = false;
    for (const char *c = text; c != NULL && *c != '\0'; c++) {
        given |= !isspace((unsigned char)*c);
    }
    return given;
}

static void check_input(const struct certificate_reissue_input *input,
                        struct action_outcome *outcome)
{
    if (!said(input->reason)) {
        action_fault(outcome, "reason",
                     "Say why the documents are issued again (for example, a name change).");
    } else if (strlen(input->reason) > CERTIFICATE_REISSUE_REASON_MAX) {
        action_fault(outcome, "reason", "Say why in at most %d characters.",
                     CERTIFICATE_REISSUE_REASON_MAX);
    }
}

/* Reads the certificate and the holder's name now into summary; refuses a certificate
 * that is not there or is revoked, and notes a fault when the name would not change. */
static enum ct_status check_record(struct store *store, int64_t id,
                                   struct certificate_record *record,
                                   struct certificate_reissue_summary *summary,
                                   struct action_outcome *outcome)
{
    bool found = false;
    enum ct_status status = store_certificate_find_by_id(store, id, record, &found, &outcome->err);
    if (status == CT_OK && !found) {
        return action_refuse(outcome, ACTION_NOT_FOUND, "certificate",
                             "No certificate has the id %lld.", (long long)id);
    }
    if (status == CT_OK && civil_date_is_set(record->revoked)) {
        char revoked[CIVIL_DATE_TEXT_SIZE];
        civil_date_format(record->revoked, revoked);
        return action_refuse(outcome, ACTION_WRONG_STATE, "certificate",
                             "Certificate %s was revoked on %s: its documents are no longer"
                             " issued.",
                             record->number, revoked);
    }
    if (status == CT_OK) {
        summary->person_id = record->person_id;
        store_text_copy(summary->number, sizeof summary->number, record->number);
        store_text_copy(summary->old_name, sizeof summary->old_name, record->person_name);
        store_text_copy(summary->old_code, sizeof summary->old_code, record->verification_code);
        status = store_certificate_holder_name(store, id, summary->new_name,
                                               sizeof summary->new_name, &found, &outcome->err);
    }
    if (status == CT_OK && strcmp(summary->old_name, summary->new_name) == 0) {
        action_fault(outcome, "name",
                     "Nothing would change: the documents already print the holder's name,"
                     " \"%.200s\". Change the name on the person's record first.",
                     summary->new_name);
    }
    return status == CT_OK ? action_checked(outcome) : status;
}

static enum ct_status reissue(struct store *store, const struct actor *actor,
                              const struct certificate_reissue_input *input,
                              struct certificate_reissue_summary *summary,
                              struct action_outcome *outcome)
{
    struct certificate_reissue reissue = {.certificate_id = input->certificate_id,
                                          .printed_name = summary->new_name,
                                          .reason = input->reason,
                                          .day = actor->today};
    struct certificate_reissue_result result;
    enum ct_status status =
        store_certificate_reissue(store, actor->person_id, &reissue, &result, &outcome->err);
    if (status == CT_ERR_INPUT) {
        const char *where = outcome->err.where;
        const char *field = strcmp(where, "reason") == 0 ? "reason"
                            : strcmp(where, "name") == 0 ? "name"
                                                         : NULL;
        return coordinator_store_refusal(outcome, status, ACTION_WRONG_STATE, field);
    }
    summary->version = result.version;
    store_text_copy(summary->verification_code, sizeof summary->verification_code,
                    result.verification_code);
    return status;
}

enum ct_status action_certificate_reissue(struct store *store, const struct actor *actor,
                                          const struct certificate_reissue_input *input,
                                          struct certificate_reissue_summary *summary,
                                          struct action_outcome *outcome)
{
    memset(summary, 0, sizeof *summary);
    enum ct_status status = coordinator_only(actor, "reissues a certificate's documents", outcome);
    if (status != CT_OK) {
        return status;
    }
    check_input(input, outcome);
    status = action_begin(store, outcome);
    if (status != CT_OK) {
        return status;
    }
    struct certificate_record record;
    status = check_record(store, input->certificate_id, &record, summary, outcome);
    if (status == CT_OK && input->check_only) {
        return action_discard(store);
    }
    if (status == CT_OK) {
        status = reissue(store, actor, input, summary, outcome);
    }
    if (status == CT_OK) {
        status =
            notices_certificate_reissued(store, actor, &record, summary->new_name,
                                         summary->verification_code, input->reason, &outcome->err);
    }
    return action_end(store, status, outcome);
}
