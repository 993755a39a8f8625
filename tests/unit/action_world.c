#include "action_world.h"

#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_activities.h"
#include "store/store_catalog.h"
#include "store/store_open.h"
#include "store/store_people.h"
#include "store/store_tracks.h"
#include "core/banned.h"

static int64_t add_library(struct store *store, const char *name, const char *city, int64_t *goal)
{
    struct ct_err err = {0};
    int64_t library = 0, plan = 0;
    test_ok(store_library_create(store, 0, &(struct library_new){name, city, 0}, &library, &err),
            &err);
    test_ok(store_strategic_plan_create(store, 0,
                                        &(struct strategic_plan_new){library, "Plan 2022-2026",
                                                                     test_day("2022-01-01"),
                                                                     test_day("2026-12-31")},
                                        &plan, &err),
            &err);
    test_ok(
        store_library_goal_create(
            store, 0, &(struct library_goal_new){plan, "G1", "Literacy", "Read more"}, goal, &err),
        &err);
    return library;
}

static int64_t add_person(struct store *store, const char *name, const char *email, int64_t library,
                          int64_t verifier, const char *const *roles)
{
    struct ct_err err = {0};
    int64_t id = 0;
    test_ok(store_person_create(store, 0,
                                &(struct person_new){name, email, library, verifier, roles, NULL},
                                &id, &err),
            &err);
    return id;
}

struct action_world *action_world_open(const char *name)
{
    struct action_world *world = calloc(1, sizeof *world);
    assert_non_null(world);
    test_scratch_directory(world->directory, sizeof world->directory, name);
    char path[256];
    test_database(path, sizeof path, world->directory, "test");
    struct ct_err err = {0};
    test_ok(store_open(&world->store, path, true, test_msl_programs(), &err), &err);
    struct store *store = &world->store;
    int64_t other_goal = 0;
    world->library =
        add_library(store, "Bitterroot Public Library", "Hamilton", &world->library_goal);
    world->other_library = add_library(store, "Glacier County Library", "Cut Bank", &other_goal);
    static const char *const director[] = {ROLE_NAME_LEARNER, ROLE_NAME_SUPERVISOR,
                                           ROLE_NAME_LIBRARY_ADMINISTRATOR, NULL};
    static const char *const learner[] = {ROLE_NAME_LEARNER, NULL};
    static const char *const coordinator[] = {ROLE_NAME_CE_COORDINATOR, NULL};
    static const char *const consultant[] = {ROLE_NAME_CONSULTANT, NULL};
    world->director =
        add_person(store, "Dana Director", "director@example.org", world->library, 0, director);
    world->learner = add_person(store, "Sam Staff", "staff@example.org", world->library,
                                world->director, learner);
    world->other_director =
        add_person(store, "Olive Other", "olive@example.org", world->other_library, 0, director);
    world->other_learner = add_person(store, "Pat Patron", "pat@example.org", world->other_library,
                                      world->other_director, learner);
    world->coordinator =
        add_person(store, "Casey Coordinator", "coordinator@example.org", 0, 0, coordinator);
    world->consultant =
        add_person(store, "Connie Consultant", "consultant@example.org", 0, 0, consultant);
    return world;
}

int action_world_close(struct action_world *world)
{
    store_close(&world->store);
    int result = test_remove_directory(world->directory);
    free(world);
    return result;
}

int action_world_setup_enrolled(void **state, const char *name)
{
    struct action_world *w = action_world_open(name);
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    *state = w;
    return 0;
}

int action_world_teardown(void **state)
{
    return action_world_close(*state);
}

struct actor action_world_actor(struct action_world *world, int64_t person_id, const char *today)
{
    struct person_roles person;
    bool found = false;
    struct ct_err err = {0};
    test_ok(store_person_get_roles(&world->store, person_id, &person, &found, &err), &err);
    assert_true(found);
    struct civil_date day = test_day(today);
    return (struct actor){.person_id = person_id,
                          .roles = person.roles,
                          .library_id = person.library_id,
                          .now = (int64_t)day.days * 86400 + 12 * 3600,
                          .today = day};
}

void action_world_last_audit(struct action_world *world, struct audit_seen *seen)
{
    struct db_stmt *stmt = NULL;
    struct ct_err err = {0};
    test_ok(db_prepare(world->store.db,
                       "SELECT COALESCE(actor_id, 0), entity, entity_id, action FROM audit_log"
                       " ORDER BY id DESC LIMIT 1",
                       &stmt, &err),
            &err);
    bool has_row = false;
    test_ok(db_step(stmt, &has_row, &err), &err);
    assert_true(has_row);
    seen->actor_id = db_column_int64(stmt, 0);
    snprintf(seen->entity, sizeof seen->entity, "%s", db_column_text(stmt, 1));
    seen->entity_id = db_column_int64(stmt, 2);
    snprintf(seen->action, sizeof seen->action, "%s", db_column_text(stmt, 3));
    db_finalize(stmt);
}

int64_t action_world_count(struct action_world *world, const char *sql)
{
    int64_t n = -1;
    struct ct_err err = {0};
    test_ok(store_exec(&world->store, sql, NULL, 0, &n, &err), &err);
    return n;
}

void action_assert_refused(enum ct_status status, const struct action_outcome *outcome,
                           enum action_refusal refusal, const char *field)
{
    if (status != CT_ERR_INPUT || outcome->refusal != refusal) {
        fail_msg("expected refusal %d, got status %d refusal %d: %s: %s", (int)refusal, (int)status,
                 (int)outcome->refusal, outcome->err.where, outcome->err.message);
    }
    if (field != NULL && action_fault_of(outcome, field) == NULL) {
        fail_msg("expected a fault of %s, first fault: %s: %s", field, outcome->err.where,
                 outcome->err.message);
    }
}

void action_assert_done(enum ct_status status, const struct action_outcome *outcome)
{
    if (status != CT_OK) {
        fail_msg("refused or failed (status %d, refusal %d): %s: %s", (int)status,
                 (int)outcome->refusal, outcome->err.where, outcome->err.message);
    }
}

int64_t action_world_enroll(struct action_world *world, int64_t person_id, const char *program,
                            const char *started)
{
    int64_t track = 0;
    struct ct_err err = {0};
    test_ok(store_track_enroll(&world->store, world->coordinator, person_id, program,
                               test_day(started), &track, &err),
            &err);
    return track;
}

int64_t action_world_workshop(struct action_world *world, int64_t person_id, const char *title,
                              const char *date, int64_t halves)
{
    static int serial;
    char key[32];
    snprintf(key, sizeof key, "w%d", ++serial);
    struct activity_new activity = {
        .person_id = person_id,
        .record_key = key,
        .kind = ACTIVITY_KIND_WORKSHOP,
        .title = title,
        .date = test_day(date),
        .credit_halves = halves,
        .category = "technology",
        .recorded = civil_date_unset(),
        .status = "verified",
        .provenance = PROVENANCE_CLAIM,
    };
    int64_t id = 0;
    struct ct_err err = {0};
    test_ok(store_activity_add(&world->store, world->coordinator, &activity, &id, &err), &err);
    return id;
}

int64_t action_world_event(struct action_world *world, const char *title, const char *ends,
                           int64_t credit_halves, const char *category)
{
    struct ct_err err = {0};
    int64_t event = 0;
    struct event_new new_event = {title,   test_day(ends),         test_day(ends),
                                  "MSL",   ACTIVITY_KIND_WORKSHOP, credit_halves,
                                  category};
    test_ok(store_event_create(&world->store, 0, &new_event, &event, &err), &err);
    return event;
}

int64_t action_world_activity(struct action_world *world, int64_t person_id, const char *title,
                              const char *date, int64_t credit_halves, const char *category,
                              const char *status)
{
    struct ct_err err = {0};
    int64_t id = 0;
    struct activity_new activity = {.person_id = person_id,
                                    .kind = ACTIVITY_KIND_WORKSHOP,
                                    .title = title,
                                    .date = test_day(date),
                                    .credit_halves = credit_halves,
                                    .category = category,
                                    .recorded = civil_date_unset(),
                                    .status = status,
                                    .provenance = PROVENANCE_CLAIM};
    test_ok(store_activity_add(&world->store, 0, &activity, &id, &err), &err);
    return id;
}

int64_t action_world_ready_track(struct action_world *world, int64_t person)
{
    int64_t track = action_world_enroll(world, person, "msl-trustee", "2022-06-01");
    action_world_activity(world, person, "Board basics", "2023-01-10", 20, "library-administration",
                          "verified");
    action_world_activity(world, person, "Board basics", "2023-02-10", 10, "technology",
                          "verified");
    struct ct_err err = {0};
    test_ok(store_track_act(&world->store, person, track, "submit", NULL, &err), &err);
    return track;
}

void action_world_final_report(struct action_world *world, int64_t track, const char *day)
{
    struct track_info info;
    struct ct_err err = {0};
    test_ok(store_track_get(&world->store, track, &info, &err), &err);
    test_ok(store_final_report_save(&world->store, info.person_id, track, "What I learned", &err),
            &err);
    test_ok(store_final_report_act(&world->store, info.person_id, track, "submit", test_day(day),
                                   NULL, &err),
            &err);
}
