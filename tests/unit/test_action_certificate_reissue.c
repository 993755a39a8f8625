/* Reissuing a certificate's documents (actions/certificate_reissue.h and
 * store/store_certificate_versions.h): only the CE coordinator, a reason, a name that
 * changed and a certificate not revoked; a new version with its own code and the name
 * now, the old one superseded but still found by its code; the number, award day, expiry
 * and status-list place kept; the credential signed again, awardedDate the award and
 * validFrom the reissue; audited with the actor, the holder told; a dry run keeps
 * nothing. */
#include "helpers.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action_world.h"
#include "actions/award.h"
#include "actions/certificate_reissue.h"
#include "actions/certificates.h"
#include "certificates/certificate_documents.h"
#include "store/db_sqlite.h"
#include "store/migrations.h"
#include "store/store_certificate_versions.h"
#include "store/store_profile.h"
#include "core/banned.h"

#define NEW_NAME    "Robin Learner-Hale"
#define REISSUE_DAY "2024-05-02"

static int setup(void **state)
{
    *state = action_world_open("action-certificate-reissue");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

/* A certificate awarded to the learner on 2024-01-01. */
static int64_t certificate(struct action_world *w)
{
    int64_t track = action_world_ready_track(w, w->learner);
    struct actor actor = action_world_actor(w, w->coordinator, "2024-01-01");
    struct award_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_track_award(&w->store, &actor, &(struct track_award_input){track},
                                          &result, &outcome),
                       &outcome);
    return result.certificate_id;
}

static void rename_learner(struct action_world *w, const char *name)
{
    struct ct_err err = {0};
    assert_int_equal(store_person_name_set(&w->store, w->learner, w->learner, name, &err), CT_OK);
}

static enum ct_status reissue(struct action_world *w, int64_t person,
                              struct certificate_reissue_input input,
                              struct certificate_reissue_summary *summary,
                              struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, REISSUE_DAY);
    action_outcome_init(outcome);
    return action_certificate_reissue(&w->store, &actor, &input, summary, outcome);
}

/* A certificate, the learner renamed, and its documents reissued by the coordinator. */
static int64_t reissued(struct action_world *w, struct certificate_reissue_summary *summary)
{
    int64_t id = certificate(w);
    rename_learner(w, NEW_NAME);
    struct action_outcome outcome;
    action_assert_done(reissue(w, w->coordinator,
                               (struct certificate_reissue_input){id, "name change", false},
                               summary, &outcome),
                       &outcome);
    return id;
}

static int64_t versions(struct action_world *w)
{
    return action_world_count(w, "SELECT COUNT(*) FROM certificate_versions");
}

static struct certificate_record find(struct action_world *w, const char *code)
{
    struct certificate_record record;
    bool found = false;
    struct ct_err err = {0};
    assert_int_equal(store_certificate_find_by_code(&w->store, code, &record, &found, &err), CT_OK);
    assert_true(found);
    return record;
}

static void test_an_award_has_its_version_one(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    struct certificate_version *list = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    assert_int_equal(store_certificate_versions(&w->store, id, &list, &count, &err), CT_OK);
    assert_int_equal(count, 1);
    assert_int_equal(list[0].version, 1);
    assert_string_equal(list[0].reason, "awarded");
    assert_false(civil_date_is_set(list[0].superseded));
    struct certificate_record record = find(w, list[0].verification_code);
    assert_int_equal(record.id, id);
    assert_int_equal(record.version, 1);
    assert_int_equal(civil_date_compare(record.document_issued, record.issued), 0);
    assert_string_equal(record.person_name, list[0].printed_name);
    free(list);
}

static void test_the_coordinator_reissues_with_a_new_code_and_the_name_now(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    struct certificate_record before;
    bool found = false;
    struct ct_err err = {0};
    assert_int_equal(store_certificate_find_by_id(&w->store, id, &before, &found, &err), CT_OK);
    rename_learner(w, NEW_NAME);
    struct certificate_reissue_summary summary;
    struct action_outcome outcome;
    action_assert_done(reissue(w, w->coordinator,
                               (struct certificate_reissue_input){id, "name change", false},
                               &summary, &outcome),
                       &outcome);
    assert_int_equal(summary.version, 2);
    assert_string_equal(summary.old_name, before.person_name);
    assert_string_equal(summary.new_name, NEW_NAME);
    assert_string_equal(summary.old_code, before.verification_code);
    assert_string_not_equal(summary.verification_code, before.verification_code);
    struct certificate_record after;
    assert_int_equal(store_certificate_find_by_id(&w->store, id, &after, &found, &err), CT_OK);
    assert_string_equal(after.verification_code, summary.verification_code);
    assert_string_equal(after.person_name, NEW_NAME);
    assert_string_equal(after.number, before.number);
    assert_int_equal(civil_date_compare(after.issued, before.issued), 0);
    assert_int_equal(civil_date_compare(after.valid_until, before.valid_until), 0);
    assert_int_equal(after.status_index, before.status_index);
    assert_int_equal(after.version, 2);
    char day[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(after.document_issued, day);
    assert_string_equal(day, REISSUE_DAY);
    assert_false(civil_date_is_set(after.superseded));
    assert_int_equal(versions(w), 2);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM certificates WHERE verification_code = '%s'",
             summary.verification_code);
    assert_int_equal(action_world_count(w, sql), 1);
}

static void test_the_old_code_finds_the_superseded_version(void **state)
{
    struct action_world *w = *state;
    struct certificate_reissue_summary summary;
    int64_t id = reissued(w, &summary);
    struct certificate_record old = find(w, summary.old_code);
    assert_int_equal(old.id, id);
    assert_int_equal(old.version, 1);
    assert_string_equal(old.verification_code, summary.old_code);
    assert_string_equal(old.person_name, summary.old_name);
    char day[CIVIL_DATE_TEXT_SIZE];
    assert_true(civil_date_is_set(old.superseded));
    civil_date_format(old.superseded, day);
    assert_string_equal(day, REISSUE_DAY);
    struct certificate_record now = find(w, summary.verification_code);
    assert_int_equal(now.version, 2);
    assert_false(civil_date_is_set(now.superseded));
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM certificate_versions o JOIN"
                                           " certificate_versions n ON n.id = o.superseded_by"
                                           " WHERE o.version = 1 AND n.version = 2"),
                     1);
}

static void test_the_credential_keeps_the_award_and_is_valid_from_the_reissue(void **state)
{
    struct action_world *w = *state;
    struct certificate_reissue_summary summary;
    int64_t id = reissued(w, &summary);
    struct certificate_record record;
    bool found = false;
    struct ct_err err = {0};
    assert_int_equal(store_certificate_find_by_id(&w->store, id, &record, &found, &err), CT_OK);
    struct certificate_documents documents;
    assert_int_equal(certificate_documents_load(&w->store, &record, &documents, &err), CT_OK);
    struct credential_facts facts;
    certificate_documents_facts(&documents, &facts);
    json_t *credential = credential_build(&facts);
    assert_non_null(credential);
    assert_string_equal(json_string_value(json_object_get(credential, "awardedDate")),
                        "2024-01-01T00:00:00Z");
    assert_string_equal(json_string_value(json_object_get(credential, "validFrom")),
                        REISSUE_DAY "T00:00:00Z");
    assert_true(json_integer_value(json_object_get(credential, "nbf")) >
                json_integer_value(json_object_get(credential, "exp")) - 5 * 366 * 86400);
    const char *id_url = json_string_value(json_object_get(credential, "id"));
    assert_non_null(strstr(id_url, summary.verification_code));
    json_t *names = json_object_get(json_object_get(credential, "credentialSubject"), "identifier");
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(names, 0), "identityHash")), NEW_NAME);
    char index[24];
    snprintf(index, sizeof index, "%lld", (long long)record.status_index);
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(credential, "credentialStatus"), "statusListIndex")),
                        index);
    json_decref(credential);
    certificate_documents_release(&documents);
}

static void test_a_revoked_certificate_is_refused(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    struct actor actor = action_world_actor(w, w->coordinator, "2024-03-01");
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(
        action_certificate_revoke(&w->store, &actor,
                                  &(struct certificate_revoke_input){id, "Issued in error", true},
                                  &outcome),
        &outcome);
    rename_learner(w, NEW_NAME);
    struct certificate_reissue_summary summary;
    action_assert_refused(reissue(w, w->coordinator,
                                  (struct certificate_reissue_input){id, "name change", false},
                                  &summary, &outcome),
                          &outcome, ACTION_WRONG_STATE, "certificate");
    assert_non_null(strstr(outcome.err.message, "its documents are no longer issued"));
    struct certificate_reissue_result result;
    struct ct_err err = {0};
    struct certificate_reissue direct = {id, NEW_NAME, "name change", civil_date_unset()};
    assert_int_equal(store_certificate_reissue(&w->store, w->coordinator, &direct, &result, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "certificate");
    assert_int_equal(versions(w), 1);
}

static void test_a_missing_reason_is_refused_at_its_field(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    rename_learner(w, NEW_NAME);
    struct certificate_reissue_summary summary;
    struct action_outcome outcome;
    const char *reasons[] = {NULL, "", " \n\t"};
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
        action_assert_refused(reissue(w, w->coordinator,
                                      (struct certificate_reissue_input){id, reasons[i], false},
                                      &summary, &outcome),
                              &outcome, ACTION_BAD_INPUT, "reason");
    }
    char long_reason[CERTIFICATE_REISSUE_REASON_MAX + 2];
    memset(long_reason, 'x', sizeof long_reason - 1);
    long_reason[sizeof long_reason - 1] = '\0';
    action_assert_refused(reissue(w, w->coordinator,
                                  (struct certificate_reissue_input){id, long_reason, false},
                                  &summary, &outcome),
                          &outcome, ACTION_BAD_INPUT, "reason");
    assert_int_equal(versions(w), 1);
}

static void test_an_unchanged_name_is_refused_with_the_reason_missing_too(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    struct certificate_reissue_summary summary;
    struct action_outcome outcome;
    action_assert_refused(reissue(w, w->coordinator,
                                  (struct certificate_reissue_input){id, "name change", false},
                                  &summary, &outcome),
                          &outcome, ACTION_BAD_INPUT, "name");
    assert_non_null(strstr(action_fault_of(&outcome, "name")->message, "Nothing would change"));
    action_assert_refused(reissue(w, w->coordinator,
                                  (struct certificate_reissue_input){id, "", false}, &summary,
                                  &outcome),
                          &outcome, ACTION_BAD_INPUT, "name");
    assert_non_null(action_fault_of(&outcome, "reason"));
    assert_int_equal(versions(w), 1);
}

static void test_only_the_coordinator_reissues(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    rename_learner(w, NEW_NAME);
    int64_t others[] = {w->learner, w->director, w->consultant};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        struct certificate_reissue_summary summary;
        struct action_outcome outcome;
        action_assert_refused(reissue(w, others[i],
                                      (struct certificate_reissue_input){id, "mine", false},
                                      &summary, &outcome),
                              &outcome, ACTION_NOT_ALLOWED, NULL);
    }
    assert_int_equal(versions(w), 1);
}

static void test_a_missing_certificate_is_not_found(void **state)
{
    struct action_world *w = *state;
    struct certificate_reissue_summary summary;
    struct action_outcome outcome;
    action_assert_refused(reissue(w, w->coordinator,
                                  (struct certificate_reissue_input){999, "name change", false},
                                  &summary, &outcome),
                          &outcome, ACTION_NOT_FOUND, "certificate");
}

static void test_a_dry_run_keeps_nothing(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    rename_learner(w, NEW_NAME);
    int64_t audits = action_world_count(w, "SELECT COUNT(*) FROM audit_log");
    struct certificate_reissue_summary summary;
    struct action_outcome outcome;
    action_assert_done(reissue(w, w->coordinator,
                               (struct certificate_reissue_input){id, "name change", true},
                               &summary, &outcome),
                       &outcome);
    assert_string_equal(summary.new_name, NEW_NAME);
    assert_int_equal(summary.version, 0);
    assert_int_equal(versions(w), 1);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM audit_log"), audits);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM notices WHERE kind ="
                                           " 'notice-certificate-reissued'"),
                     0);
}

static void test_the_reissue_is_audited_and_the_holder_told(void **state)
{
    struct action_world *w = *state;
    struct certificate_reissue_summary summary;
    int64_t id = reissued(w, &summary);
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM audit_log WHERE action = 'reissue' AND actor_id = %lld AND"
             " ((entity = 'certificates' AND entity_id = %lld AND instr(before_json, '%s') > 0"
             " AND instr(after_json, '%s') > 0) OR (entity = 'certificate_versions' AND"
             " instr(after_json, 'name change') > 0 AND instr(after_json, '" NEW_NAME "') > 0))",
             (long long)w->coordinator, (long long)id, summary.old_code, summary.verification_code);
    assert_int_equal(action_world_count(w, sql), 2);
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM notices WHERE kind = 'notice-certificate-reissued' AND"
             " person_id = %lld AND instr(body, '" NEW_NAME "') > 0 AND instr(body, 'name"
             " change') > 0 AND instr(body, '/verify/%s') > 0",
             (long long)w->learner, summary.verification_code);
    assert_int_equal(action_world_count(w, sql), 1);
}

static void test_revoking_revokes_every_version(void **state)
{
    struct action_world *w = *state;
    struct certificate_reissue_summary summary;
    int64_t id = reissued(w, &summary);
    struct actor actor = action_world_actor(w, w->coordinator, "2024-06-01");
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(
        action_certificate_revoke(&w->store, &actor,
                                  &(struct certificate_revoke_input){id, "Issued in error", true},
                                  &outcome),
        &outcome);
    assert_true(civil_date_is_set(find(w, summary.old_code).revoked));
    assert_true(civil_date_is_set(find(w, summary.verification_code).revoked));
    int64_t *revoked = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    assert_int_equal(store_certificates_revoked(&w->store, &revoked, &count, &err), CT_OK);
    assert_int_equal(count, 1);
    assert_int_equal(revoked[0], find(w, summary.old_code).status_index);
    free(revoked);
}

static void test_a_second_reissue_supersedes_the_second_version(void **state)
{
    struct action_world *w = *state;
    struct certificate_reissue_summary first;
    int64_t id = reissued(w, &first);
    rename_learner(w, "Robin Hale");
    struct certificate_reissue_summary second;
    struct action_outcome outcome;
    action_assert_done(reissue(w, w->coordinator,
                               (struct certificate_reissue_input){id, "name change again", false},
                               &second, &outcome),
                       &outcome);
    assert_int_equal(second.version, 3);
    assert_string_equal(second.old_code, first.verification_code);
    assert_true(civil_date_is_set(find(w, first.verification_code).superseded));
    assert_true(civil_date_is_set(find(w, first.old_code).superseded));
    struct certificate_version *list = NULL;
    size_t count = 0;
    struct ct_err err = {0};
    assert_int_equal(store_certificate_versions(&w->store, id, &list, &count, &err), CT_OK);
    assert_int_equal(count, 3);
    assert_int_equal(list[0].version, 3); /* the newest first */
    assert_string_equal(list[0].issued_by, "Casey Coordinator");
    assert_string_equal(list[2].issued_by, "");
    free(list);
}

static void test_the_store_refuses_without_a_reason_or_a_name(void **state)
{
    struct action_world *w = *state;
    int64_t id = certificate(w);
    struct certificate_reissue_result result;
    struct ct_err err = {0};
    struct certificate_reissue bad = {id, NEW_NAME, "", civil_date_unset()};
    assert_int_equal(store_certificate_reissue(&w->store, w->coordinator, &bad, &result, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "reason");
    bad = (struct certificate_reissue){id, "", "name change", civil_date_unset()};
    assert_int_equal(store_certificate_reissue(&w->store, w->coordinator, &bad, &result, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "name");
    bad = (struct certificate_reissue){999, NEW_NAME, "name change", civil_date_unset()};
    assert_int_equal(store_certificate_reissue(&w->store, w->coordinator, &bad, &result, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "certificate");
    assert_int_equal(versions(w), 1);
}

/* A database as version 20 left it, with an awarded and an imported certificate, then
 * migrated: each has its version 1 with its own code and its holder's name. */
static void test_migration_gives_every_certificate_its_version_one(void **state)
{
    struct action_world *w = *state;
    char path[300];
    snprintf(path, sizeof path, "%s/version-20.db", w->directory);
    struct db *db = NULL;
    struct ct_err err = {0};
    test_ok(db_open_sqlite(path, true, &db, &err), &err);
    test_ok(migrations_apply_until(db, 20, NULL, &err), &err);
    test_ok(db_exec(db,
                    "INSERT INTO people (id, name, email, email_key, created_at) VALUES"
                    " (1, 'Ada', 'ada@example.org', 'ada@example.org', 'x');"
                    "INSERT INTO tracks (id, person_id, program, started, deadline, state,"
                    " state_changed_at) VALUES (1, 1, 'msl-staff', '2020-01-01', '2024-01-01',"
                    " 'certified', 'x'), (2, 1, 'msl-staff', '2016-01-01', '2020-01-01',"
                    " 'certified', 'x');"
                    "INSERT INTO certificates (number, verification_code, person_id, track_id,"
                    " program, credit_halves, issued, valid_until, status_index, provenance)"
                    " VALUES ('CT-1', 'CODEONE', 1, 1, 'msl-staff', 120, '2023-05-01',"
                    " '2027-05-01', 7, 'awarded'), ('OLD-1', 'CODETWO', 1, 2, 'msl-staff', 0,"
                    " '2019-05-01', '2023-05-01', 8, 'imported')",
                    &err),
            &err);
    test_ok(migrations_apply(db, NULL, &err), &err);
    struct db_stmt *stmt = NULL;
    test_ok(db_prepare(db,
                       "SELECT group_concat(c.number || ' ' || v.version || ' ' ||"
                       " v.verification_code || ' ' || v.printed_name || ' ' || v.issued || ' '"
                       " || v.reason || ' ' || (v.superseded_at IS NULL), '; ') FROM"
                       " certificates c JOIN certificate_versions v ON v.certificate_id = c.id"
                       " ORDER BY c.id",
                       &stmt, &err),
            &err);
    bool has_row = false;
    test_ok(db_step(stmt, &has_row, &err), &err);
    assert_true(has_row);
    assert_string_equal(db_column_text(stmt, 0), "CT-1 1 CODEONE Ada 2023-05-01 awarded 1; "
                                                 "OLD-1 1 CODETWO Ada 2019-05-01 imported 1");
    db_finalize(stmt);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_an_award_has_its_version_one, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_coordinator_reissues_with_a_new_code_and_the_name_now, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_old_code_finds_the_superseded_version, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_the_credential_keeps_the_award_and_is_valid_from_the_reissue, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_revoked_certificate_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_missing_reason_is_refused_at_its_field, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_an_unchanged_name_is_refused_with_the_reason_missing_too, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_the_coordinator_reissues, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_missing_certificate_is_not_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_dry_run_keeps_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_reissue_is_audited_and_the_holder_told, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_revoking_revokes_every_version, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_second_reissue_supersedes_the_second_version, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_the_store_refuses_without_a_reason_or_a_name, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_migration_gives_every_certificate_its_version_one,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
