#include "workflow.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

/* Tracks: enrolment in a program. The coordinator awards or returns a submitted track;
 * a returned track is worked on and submitted again. */
static const char *const track_states[] = {"active",  "submitted", "certified", "returned",
                                           "expired", "withdrawn", NULL};
static const struct workflow_transition track_table[] = {
    {"active", "submit", "submitted"},     {"active", "expire", "expired"},
    {"active", "withdraw", "withdrawn"},   {"submitted", "award", "certified"},
    {"submitted", "return", "returned"},   {"submitted", "withdraw", "withdrawn"},
    {"returned", "submit", "submitted"},   {"returned", "expire", "expired"},
    {"returned", "withdraw", "withdrawn"},
};

/* Plan versions: written as a draft, submitted, then approved once both the learner and
 * the organization have signed, or returned with a comment to be a draft again. */
static const char *const plan_states[] = {"draft", "submitted", "approved", NULL};
static const struct workflow_transition plan_table[] = {
    {"draft", "submit", "submitted"},
    {"submitted", "approve", "approved"},
    {"submitted", "return", "draft"},
};

/* Activities: claimed or harvested as pending, then verified or rejected; a verified
 * one can still be withdrawn (rejected), e.g. for a correction or an LMS "uncompleted". */
static const char *const activity_states[] = {"pending", "verified", "rejected", NULL};
static const struct workflow_transition activity_table[] = {
    {"pending", "verify", "verified"},
    {"pending", "reject", "rejected"},
    {"verified", "withdraw", "rejected"},
};

/* Final reports: written, submitted, then accepted or returned with a comment. */
static const char *const report_states[] = {"draft", "submitted", "accepted", NULL};
static const struct workflow_transition report_table[] = {
    {"draft", "submit", "submitted"},
    {"submitted", "accept", "accepted"},
    {"submitted", "return", "draft"},
};

struct machine {
    const char *name;
    const char *const *states;
    const struct workflow_transition *table;
    size_t count;
};

#define MACHINE(name, states, table)                                                               \
    {                                                                                              \
        name, states, table, sizeof table / sizeof table[0]                                        \
    }

static const struct machine machines[WORKFLOW_MACHINE_COUNT] = {
    [WORKFLOW_TRACK] = MACHINE("track", track_states, track_table),
    [WORKFLOW_PLAN_VERSION] = MACHINE("plan version", plan_states, plan_table),
    [WORKFLOW_ACTIVITY] = MACHINE("activity", activity_states, activity_table),
    [WORKFLOW_FINAL_REPORT] = MACHINE("final report", report_states, report_table),
};

const char *workflow_machine_name(enum workflow_machine machine)
{
    return machines[machine].name;
}

const char *workflow_initial_state(enum workflow_machine machine)
{
    return machines[machine].states[0];
}

const char *const *workflow_states(enum workflow_machine machine)
{
    return machines[machine].states;
}

bool workflow_is_state(enum workflow_machine machine, const char *state)
{
    for (const char *const *s = machines[machine].states; *s != NULL; s++) {
        if (strcmp(*s, state) == 0) {
            return true;
        }
    }
    return false;
}

const struct workflow_transition *workflow_transitions(enum workflow_machine machine, size_t *count)
{
    *count = machines[machine].count;
    return machines[machine].table;
}

/* Lists the actions allowed from state, comma-separated, into out. */
static void allowed_actions(const struct machine *m, const char *state, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < m->count; i++) {
        if (strcmp(m->table[i].from, state) == 0 && used < size) {
            int written =
                snprintf(out + used, size - used, "%s%s", used > 0 ? ", " : "", m->table[i].action);
            used += written > 0 ? (size_t)written : 0;
        }
    }
    if (out[0] == '\0') {
        snprintf(out, size, "none");
    }
}

enum ct_status workflow_next(enum workflow_machine machine, const char *state, const char *action,
                             const char **to, struct ct_err *err)
{
    const struct machine *m = &machines[machine];
    *to = NULL;
    if (!workflow_is_state(machine, state)) {
        return ct_err_set(err, CT_ERR_INPUT, NULL, "unknown %s state \"%.40s\"", m->name, state);
    }
    for (size_t i = 0; i < m->count; i++) {
        if (strcmp(m->table[i].from, state) == 0 && strcmp(m->table[i].action, action) == 0) {
            *to = m->table[i].to;
            return CT_OK;
        }
    }
    char allowed[256];
    allowed_actions(m, state, allowed, sizeof allowed);
    const char *article = strchr("aeiou", m->name[0]) != NULL ? "an" : "a";
    return ct_err_set(err, CT_ERR_INPUT, NULL, "%s %s that is %s cannot %.40s (allowed: %s)",
                      article, m->name, state, action, allowed);
}
