#include "action.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../store/db.h"
#include "../core/banned.h"

struct actor actor_system(int64_t now, struct civil_date today)
{
    return (struct actor){.person_id = 0, .roles = ROLE_ALL, .now = now, .today = today};
}

bool actor_has_role(const struct actor *actor, unsigned roles)
{
    return (actor->roles & roles) != 0;
}

void action_outcome_init(struct action_outcome *outcome)
{
    memset(outcome, 0, sizeof *outcome);
}

static void set_first_error(struct action_outcome *outcome, const char *field, const char *message)
{
    if (outcome->err.status == CT_OK) {
        (void)ct_err_set(&outcome->err, CT_ERR_INPUT, field, "%s", message);
    }
}

void action_fault(struct action_outcome *outcome, const char *field, const char *format, ...)
{
    char message[sizeof outcome->faults[0].message];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    outcome->refusal = ACTION_BAD_INPUT;
    set_first_error(outcome, field, message);
    if (outcome->fault_count == ACTION_FAULTS_MAX) {
        return;
    }
    struct action_fault *fault = &outcome->faults[outcome->fault_count++];
    snprintf(fault->field, sizeof fault->field, "%s", field != NULL ? field : "");
    snprintf(fault->message, sizeof fault->message, "%s", message);
}

const struct action_fault *action_fault_of(const struct action_outcome *outcome, const char *field)
{
    for (size_t i = 0; i < outcome->fault_count; i++) {
        if (strcmp(outcome->faults[i].field, field) == 0) {
            return &outcome->faults[i];
        }
    }
    return NULL;
}

enum ct_status action_refuse(struct action_outcome *outcome, enum action_refusal refusal,
                             const char *field, const char *format, ...)
{
    char message[sizeof outcome->faults[0].message];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    if (field != NULL && outcome->fault_count < ACTION_FAULTS_MAX) {
        struct action_fault *fault = &outcome->faults[outcome->fault_count++];
        snprintf(fault->field, sizeof fault->field, "%s", field);
        snprintf(fault->message, sizeof fault->message, "%s", message);
    }
    outcome->refusal = refusal;
    set_first_error(outcome, field, message);
    return CT_ERR_INPUT;
}

enum ct_status action_checked(struct action_outcome *outcome)
{
    return outcome->refusal == ACTION_DONE ? CT_OK : CT_ERR_INPUT;
}

enum ct_status action_from_store(struct action_outcome *outcome, enum ct_status status,
                                 enum action_refusal kind, const char *field)
{
    if (status == CT_OK || outcome->refusal != ACTION_DONE) {
        return status;
    }
    if (status != CT_ERR_INPUT) {
        return status;
    }
    struct ct_err store_err = outcome->err;
    memset(&outcome->err, 0, sizeof outcome->err);
    if (field != NULL) {
        action_fault(outcome, field, "%s", store_err.message);
        return CT_ERR_INPUT;
    }
    return action_refuse(outcome, kind, NULL, "%s", store_err.message);
}

enum ct_status action_begin(struct store *store, struct action_outcome *outcome)
{
    return db_begin(store->db, &outcome->err);
}

enum ct_status action_end(struct store *store, enum ct_status status,
                          struct action_outcome *outcome)
{
    return store_finish(store, status, &outcome->err);
}

enum ct_status action_discard(struct store *store)
{
    db_rollback(store->db);
    return CT_OK;
}
