/*
 * action_world: the small world every action's unit tests act in: a fresh database with
 * one library (its strategic plan and a goal), its director (learner, supervisor and
 * library administrator), a staff learner whom the director verifies, a learner of
 * another library with a director of their own, a CE coordinator and a consultant; and
 * what the tests ask of it afterwards: the actor of a person, the last audit entry, a
 * count.
 */
#ifndef CERTTRACK_TEST_ACTION_WORLD_H
#define CERTTRACK_TEST_ACTION_WORLD_H

#include <stdbool.h>
#include <stdint.h>

#include "actions/action.h"
#include "store/store.h"

struct action_world {
    char directory[128];
    struct store store;
    int64_t library;
    int64_t library_goal;
    int64_t director;
    int64_t learner; /* verified by director */
    int64_t other_library;
    int64_t other_director;
    int64_t other_learner; /* verified by other_director */
    int64_t coordinator;
    int64_t consultant;
};

/* A new world in a scratch directory named after name; fails the test when it cannot. */
struct action_world *action_world_open(const char *name);

/* Closes the store and removes the directory; 0 when all went well. */
int action_world_close(struct action_world *world);

/* A cmocka setup's work: a new world named name whose learner is enrolled in msl-staff
 * from 2026-01-01, put in *state (the teardown owns it); 0. */
int action_world_setup_enrolled(void **state, const char *name);

/* A cmocka teardown: action_world_close of the world in *state. */
int action_world_teardown(void **state);

/* person_id acting with the roles the store gives them, on today ("YYYY-MM-DD"). */
struct actor action_world_actor(struct action_world *world, int64_t person_id, const char *today);

/* The newest audit entry. */
struct audit_seen {
    int64_t actor_id; /* 0: the system */
    char entity[64];
    int64_t entity_id;
    char action[64];
};

/* Fills *seen with the newest audit entry; fails the test when there is none. */
void action_world_last_audit(struct action_world *world, struct audit_seen *seen);

/* The first column of sql's first row, a whole number (-1 when none). */
int64_t action_world_count(struct action_world *world, const char *sql);

/* Asserts that an action was refused (CT_ERR_INPUT) as refusal, with a fault of field
 * (NULL: no field need be named). */
void action_assert_refused(enum ct_status status, const struct action_outcome *outcome,
                           enum action_refusal refusal, const char *field);

/* Asserts that an action succeeded, printing its refusal or failure when not. */
void action_assert_done(enum ct_status status, const struct action_outcome *outcome);

/* Enrols person_id in program from started ("YYYY-MM-DD"); the track's id. */
int64_t action_world_enroll(struct action_world *world, int64_t person_id, const char *program,
                            const char *started);

/* A verified workshop of person_id on date worth halves half-credits; the activity's id. */
int64_t action_world_workshop(struct action_world *world, int64_t person_id, const char *title,
                              const char *date, int64_t halves);

/* Adds a catalog workshop ending on ends ("YYYY-MM-DD"), worth credit_halves, in
 * category; the event's id. */
int64_t action_world_event(struct action_world *world, const char *title, const char *ends,
                           int64_t credit_halves, const char *category);

/* Adds a workshop of person_id's dated date, worth credit_halves in category, with status
 * ("pending" or "verified"); the activity's id. */
int64_t action_world_activity(struct action_world *world, int64_t person_id, const char *title,
                              const char *date, int64_t credit_halves, const char *category,
                              const char *status);

/* ---- tracks, activities and final reports, for the CE coordinator's actions ---- */

/* A track of person in msl-trustee from 2022-06-01 with the verified credits that make
 * it complete on 2024-01-01 (which needs no final report), submitted for the award. */
int64_t action_world_ready_track(struct action_world *world, int64_t person);

/* Writes track's final report as its learner and submits it on day. */
void action_world_final_report(struct action_world *world, int64_t track, const char *day);

#endif
