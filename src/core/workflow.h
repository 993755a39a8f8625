/*
 * workflow: the state machines of certtrack's records, as tables.
 *
 * Each machine (track, plan version, activity, final report) lists its states and the
 * actions allowed from each state. The store asks workflow_next() before every change;
 * an action that is not allowed is refused with a message naming the state and the
 * action, and nothing changes. The tables are the whole definition: see
 * docs/workflows.md.
 */
#ifndef CERTTRACK_WORKFLOW_H
#define CERTTRACK_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

enum workflow_machine {
    WORKFLOW_TRACK,
    WORKFLOW_PLAN_VERSION,
    WORKFLOW_ACTIVITY,
    WORKFLOW_FINAL_REPORT,
    WORKFLOW_MACHINE_COUNT
};

struct workflow_transition {
    const char *from;
    const char *action;
    const char *to;
};

/* The machine's name ("track", "plan version", ...); never NULL. */
const char *workflow_machine_name(enum workflow_machine machine);

/* The state a new record of this machine starts in (e.g. "active"). */
const char *workflow_initial_state(enum workflow_machine machine);

/* True when state is one of the machine's states. */
bool workflow_is_state(enum workflow_machine machine, const char *state);

/* Looks up the state that action leads to from state. On success *to is a static
 * string. An unknown state, an unknown action or an action not allowed from state is
 * refused with CT_ERR_INPUT and a message like
 * "a track that is certified cannot be returned (allowed: none)". */
enum ct_status workflow_next(enum workflow_machine machine, const char *state, const char *action,
                             const char **to, struct ct_err *err) CT_MUST_CHECK;

/* The machine's whole table (borrowed, static) and its length; for documentation and
 * tests. */
const struct workflow_transition *workflow_transitions(enum workflow_machine machine,
                                                       size_t *count);

/* The machine's states (static, NULL-terminated). */
const char *const *workflow_states(enum workflow_machine machine);

#endif
