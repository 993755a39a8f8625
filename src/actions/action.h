/*
 * action: what every action shares. An action is one change a person makes to the
 * record (submit a claim, sign a plan, award a track): one typed function of the
 * actions layer, called alike by the pages, the JSON API and the command line.
 *
 * Every action has the same shape:
 *
 *   enum ct_status action_NAME(struct store *store, const struct actor *actor,
 *                              const struct NAME_input *input, struct NAME_result *result,
 *                              struct action_outcome *outcome);
 *
 * and does, in this order, in one transaction:
 *   1. checks every input field, noting each bad one (every fault at once, so that a
 *      form can mark them all);
 *   2. checks what the record says about who may do it (the coordinator; the verifier
 *      of this learner; the learner themself);
 *   3. checks that the record's state allows it (a plan version is a draft, a track is
 *      complete);
 *   4. makes the change through the store, which writes the audit entry with the actor.
 *
 * It returns CT_OK when done; CT_ERR_INPUT when refused, with outcome->refusal saying
 * why and outcome->faults where; any other status is a failure (outcome->err says what)
 * and nothing was changed. On a refusal outcome->err holds the first fault too, so that
 * a caller that shows one message (the command line) shows the right one.
 *
 * Actions include the store and the core, never a face (src/web, src/cli).
 */
#ifndef CERTTRACK_ACTION_H
#define CERTTRACK_ACTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/civil_date.h"
#include "../core/err.h"
#include "../core/role.h"
#include "../store/store.h"

/* Who acts. A person acts with the roles they hold; the system (person_id 0, every
 * role) is a command run without naming a person. */
struct actor {
    int64_t person_id; /* 0: the system */
    unsigned roles;    /* role bits (role.h) */
    int64_t library_id;
    int64_t now;             /* Unix seconds: when the action happens */
    struct civil_date today; /* the day it happens, in the program's time zone */
};

/* The system as actor, acting now on today. */
struct actor actor_system(int64_t now, struct civil_date today);

/* True when actor holds any of roles. */
bool actor_has_role(const struct actor *actor, unsigned roles);

enum action_refusal {
    ACTION_DONE = 0,    /* not refused */
    ACTION_BAD_INPUT,   /* a field of the input is wrong: faults name each */
    ACTION_NOT_ALLOWED, /* this actor may not do this to this record */
    ACTION_WRONG_STATE, /* the record's state does not allow it (already signed ...) */
    ACTION_NOT_FOUND,   /* the record acted on does not exist (or is not the actor's to see) */
};

/* A list of row ids an action takes at once (claims to verify). */
#define ACTION_IDS_MAX 50

struct action_ids {
    int64_t ids[ACTION_IDS_MAX];
    size_t count;
};

#define ACTION_FAULTS_MAX 16

struct action_fault {
    char field[64];    /* the input field, as the input struct's documentation names it */
    char message[256]; /* what to fix, for a person */
};

struct action_outcome {
    enum action_refusal refusal;
    size_t fault_count;
    struct action_fault faults[ACTION_FAULTS_MAX];
    struct ct_err err; /* a failure; on a refusal, its first fault */
};

/* Empties outcome, for a new action. */
void action_outcome_init(struct action_outcome *outcome);

/* Notes that field is wrong (message formatted). Past ACTION_FAULTS_MAX faults, only
 * the count of the first ones is kept. Marks the outcome ACTION_BAD_INPUT. */
void action_fault(struct action_outcome *outcome, const char *field, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* The fault noted for field, or NULL. */
const struct action_fault *action_fault_of(const struct action_outcome *outcome, const char *field);

/* Refuses with refusal (not ACTION_BAD_INPUT: that is action_fault), field naming the
 * input at fault or NULL, and a message for a person. Returns CT_ERR_INPUT. */
enum ct_status action_refuse(struct action_outcome *outcome, enum action_refusal refusal,
                             const char *field, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

/* After checking the input: CT_ERR_INPUT (err set to the first fault) when any fault
 * was noted, else CT_OK. */
enum ct_status action_checked(struct action_outcome *outcome) CT_MUST_CHECK;

/* Turns a store refusal (status CT_ERR_INPUT, the store's err naming a column or a
 * rule) into the action's: a fault of field when field is not NULL, else a refusal
 * of kind. Any other status is copied as a failure. Returns status. */
enum ct_status action_from_store(struct action_outcome *outcome, enum ct_status status,
                                 enum action_refusal kind, const char *field);

/* Starts the action's transaction. */
enum ct_status action_begin(struct store *store, struct action_outcome *outcome) CT_MUST_CHECK;

/* Ends it: commits when status is CT_OK, else rolls back (a refusal changes nothing).
 * Returns the final status. */
enum ct_status action_end(struct store *store, enum ct_status status,
                          struct action_outcome *outcome) CT_MUST_CHECK;

/* Ends it by rolling it back whatever happened: a dry run, which decides and counts
 * everything and keeps nothing. Returns CT_OK. */
enum ct_status action_discard(struct store *store) CT_MUST_CHECK;

#endif
