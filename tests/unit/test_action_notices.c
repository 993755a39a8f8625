/* Each action keeps its notice, inside its transaction, for the person it concerns: the
 * verifier of a plan submitted or a claim made, the learner of a plan signed or returned,
 * claims rejected, a final report or a track returned or accepted, a certificate; every
 * CE coordinator of a track or a final report sent to them. A refused action keeps none,
 * and nobody is told of their own act. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "action_world.h"
#include "actions/award.h"
#include "actions/claims.h"
#include "actions/plans.h"
#include "actions/reports.h"
#include "actions/reports_review.h"
#include "actions/tracks.h"
#include "core/banned.h"

static int setup(void **state)
{
    *state = action_world_open("action-notices");
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

/* How many notices of kind person has whose body holds words ("" for any). */
static int64_t notices(struct action_world *w, int64_t person, const char *kind, const char *words)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM notices WHERE person_id = %lld AND kind = '%s'"
             " AND instr(body, '%s') > 0",
             (long long)person, kind, words);
    return action_world_count(w, sql);
}

static struct actor as(struct action_world *w, int64_t person, const char *day)
{
    return action_world_actor(w, person, day);
}

/* ---- plans ---- */

static int64_t submitted_plan(struct action_world *w)
{
    action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    struct actor learner = as(w, w->learner, "2026-03-02");
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_start(&w->store, &learner, &(struct plan_start_input){0}, &result, &outcome),
        &outcome);
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_goal_add(&w->store, &learner,
                             &(struct plan_goal_input){0, w->library_goal, "Storytime", "Weekly"},
                             &result, &outcome),
        &outcome);
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_submit(&w->store, &learner, &(struct plan_version_input){0}, &result, &outcome),
        &outcome);
    return result.version_id;
}

static void test_a_submitted_plan_asks_its_verifier_to_sign(void **state)
{
    struct action_world *w = *state;
    submitted_plan(w);
    assert_int_equal(
        notices(w, w->director, "notice-plan-to-sign", "Sam Staff submitted version 1"), 1);
    assert_int_equal(notices(w, w->director, "notice-plan-to-sign", "http://127.0.0.1:8080/plans"),
                     1);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notices"), 1);
    assert_int_equal(action_world_count(w,
                                        "SELECT count(*) FROM notices WHERE subject ="
                                        " 'Sam Staff''s learning plan waits for your signature'"),
                     1);
}

static void test_a_refused_submission_keeps_no_notice(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    struct actor learner = as(w, w->learner, "2026-03-02");
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_start(&w->store, &learner, &(struct plan_start_input){0}, &result, &outcome),
        &outcome);
    action_outcome_init(&outcome);
    enum ct_status status =
        action_plan_submit(&w->store, &learner, &(struct plan_version_input){0}, &result, &outcome);
    action_assert_refused(status, &outcome, ACTION_WRONG_STATE, "goal");
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notices"), 0);
}

static void test_a_plan_signed_or_returned_tells_the_learner(void **state)
{
    struct action_world *w = *state;
    int64_t version = submitted_plan(w);
    struct actor director = as(w, w->director, "2026-03-03");
    struct plan_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_plan_return(&w->store, &director,
                                          &(struct plan_return_input){version, "Tie it to G1"},
                                          &result, &outcome),
                       &outcome);
    assert_int_equal(notices(w, w->learner, "notice-plan-returned", "Tie it to G1"), 1);
    assert_int_equal(notices(w, w->learner, "notice-plan-returned", "http://127.0.0.1:8080/plan"),
                     1);
    /* Back to draft: submitted again, signed by the learner, then for the library. */
    struct actor learner = as(w, w->learner, "2026-03-04");
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_submit(&w->store, &learner, &(struct plan_version_input){0}, &result, &outcome),
        &outcome);
    version = result.version_id;
    action_outcome_init(&outcome);
    action_assert_done(action_plan_sign(&w->store, &learner,
                                        &(struct plan_sign_input){version, PLAN_SIGNER_LEARNER},
                                        &result, &outcome),
                       &outcome);
    assert_int_equal(notices(w, w->learner, "notice-plan-signed", ""), 0);
    action_outcome_init(&outcome);
    action_assert_done(
        action_plan_sign(&w->store, &director,
                         &(struct plan_sign_input){version, PLAN_SIGNER_ORGANIZATION}, &result,
                         &outcome),
        &outcome);
    assert_true(result.approved);
    assert_int_equal(notices(w, w->learner, "notice-plan-signed", "it is approved"), 1);
}

/* ---- claims ---- */

static int64_t claim(struct action_world *w, const char *title)
{
    struct actor learner = as(w, w->learner, "2026-03-02");
    struct claim_submit_input input = {.kind = "course",
                                       .title = title,
                                       .date = "2026-02-01",
                                       .category = "technology",
                                       .credits = "1"};
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_claim_submit(&w->store, &learner, &input, &result, &outcome),
                       &outcome);
    return result.activity_id;
}

static void test_claims_ask_the_verifier_and_rejections_tell_the_learner(void **state)
{
    struct action_world *w = *state;
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    int64_t first = claim(w, "Grant writing");
    int64_t second = claim(w, "Weeding");
    assert_int_equal(notices(w, w->director, "notice-claims-to-verify",
                             "Sam Staff claims \"Grant writing\" (2026-02-01)"),
                     1);
    assert_int_equal(notices(w, w->director, "notice-claims-to-verify", "/verify"), 2);
    struct actor director = as(w, w->director, "2026-03-03");
    struct claims_decide_input input = {.action = "reject", .reason = "No certificate"};
    input.activity_ids.ids[0] = first;
    input.activity_ids.ids[1] = second;
    input.activity_ids.count = 2;
    struct claims_decide_result result;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_claims_decide(&w->store, &director, &input, &result, &outcome),
                       &outcome);
    /* One notice for the learner, naming both claims and the reason. */
    assert_int_equal(notices(w, w->learner, "notice-claims-rejected", ""), 1);
    assert_int_equal(notices(w, w->learner, "notice-claims-rejected",
                             "Your claim \"Grant writing\" (2026-02-01) is rejected"),
                     1);
    assert_int_equal(notices(w, w->learner, "notice-claims-rejected", "\"Weeding\""), 1);
    assert_int_equal(notices(w, w->learner, "notice-claims-rejected", "No certificate"), 1);
    /* A verified claim tells nobody. */
    int64_t third = claim(w, "Storytime");
    struct claims_decide_input verify = {.action = "verify"};
    verify.activity_ids.ids[0] = third;
    verify.activity_ids.count = 1;
    int64_t before = action_world_count(w, "SELECT count(*) FROM notices");
    action_outcome_init(&outcome);
    action_assert_done(action_claims_decide(&w->store, &director, &verify, &result, &outcome),
                       &outcome);
    assert_int_equal(action_world_count(w, "SELECT count(*) FROM notices"), before);
}

/* ---- tracks and final reports ---- */

static void test_a_track_returned_sent_again_and_awarded(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_ready_track(w, w->learner);
    struct actor coordinator = as(w, w->coordinator, "2024-01-01");
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_track_return(&w->store, &coordinator,
                                           &(struct track_return_input){track, "Check the dates"},
                                           &outcome),
                       &outcome);
    assert_int_equal(notices(w, w->learner, "notice-track-returned", "Check the dates"), 1);
    struct actor learner = as(w, w->learner, "2024-01-01");
    struct track_submit_result submitted;
    action_outcome_init(&outcome);
    action_assert_done(action_track_submit(&w->store, &learner, &(struct track_submit_input){track},
                                           &submitted, &outcome),
                       &outcome);
    assert_int_equal(
        notices(w, w->coordinator, "notice-track-submitted", "Sam Staff sends their MSL"), 1);
    assert_int_equal(notices(w, w->coordinator, "notice-track-submitted", "/review"), 1);
    assert_int_equal(notices(w, w->consultant, "notice-track-submitted", ""), 0);
    struct award_result award;
    action_outcome_init(&outcome);
    action_assert_done(action_track_award(&w->store, &coordinator,
                                          &(struct track_award_input){track}, &award, &outcome),
                       &outcome);
    char words[256];
    snprintf(words, sizeof words, "http://127.0.0.1:8080/certificates/%lld/certificate.pdf",
             (long long)award.certificate_id);
    assert_int_equal(notices(w, w->learner, "notice-certificate-awarded", words), 1);
    snprintf(words, sizeof words, "http://127.0.0.1:8080/certificates/%lld/credential.jwt",
             (long long)award.certificate_id);
    assert_int_equal(notices(w, w->learner, "notice-certificate-awarded", words), 1);
    snprintf(words, sizeof words, "http://127.0.0.1:8080/verify/%s", award.verification_code);
    assert_int_equal(notices(w, w->learner, "notice-certificate-awarded", words), 1);
    assert_int_equal(notices(w, w->learner, "notice-certificate-awarded", award.number), 1);
}

static void test_a_final_report_submitted_returned_and_accepted(void **state)
{
    struct action_world *w = *state;
    int64_t track = action_world_enroll(w, w->learner, "msl-strategic", "2026-01-01");
    struct actor learner = as(w, w->learner, "2026-03-02");
    struct report_save_result saved;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_report_save(&w->store, &learner,
                                          &(struct report_save_input){0, "Learned", "submit"},
                                          &saved, &outcome),
                       &outcome);
    assert_int_equal(notices(w, w->coordinator, "notice-report-submitted",
                             "Sam Staff submits their final report"),
                     1);
    struct actor coordinator = as(w, w->coordinator, "2026-03-03");
    action_outcome_init(&outcome);
    action_assert_done(action_report_return(&w->store, &coordinator,
                                            &(struct report_return_input){track, "Say more"},
                                            &outcome),
                       &outcome);
    assert_int_equal(notices(w, w->learner, "notice-report-returned", "Say more"), 1);
    action_outcome_init(&outcome);
    action_assert_done(action_report_save(&w->store, &learner,
                                          &(struct report_save_input){0, "More", "submit"}, &saved,
                                          &outcome),
                       &outcome);
    action_outcome_init(&outcome);
    action_assert_done(action_report_accept(&w->store, &coordinator,
                                            &(struct report_accept_input){track}, &outcome),
                       &outcome);
    assert_int_equal(notices(w, w->learner, "notice-report-accepted", "/report"), 1);
    assert_int_equal(notices(w, w->coordinator, "notice-report-submitted", ""), 2);
}

static void test_nobody_is_told_of_their_own_act(void **state)
{
    struct action_world *w = *state;
    /* The coordinator sends their own final report: the other coordinators only. */
    int64_t track = action_world_enroll(w, w->coordinator, "msl-strategic", "2026-01-01");
    (void)track;
    struct actor coordinator = as(w, w->coordinator, "2026-03-02");
    coordinator.roles |= ROLE_LEARNER;
    struct report_save_result saved;
    struct action_outcome outcome;
    action_outcome_init(&outcome);
    action_assert_done(action_report_save(&w->store, &coordinator,
                                          &(struct report_save_input){0, "Mine", "submit"}, &saved,
                                          &outcome),
                       &outcome);
    assert_int_equal(notices(w, w->coordinator, "notice-report-submitted", ""), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_submitted_plan_asks_its_verifier_to_sign, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_refused_submission_keeps_no_notice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_plan_signed_or_returned_tells_the_learner, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_claims_ask_the_verifier_and_rejections_tell_the_learner, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_track_returned_sent_again_and_awarded, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_final_report_submitted_returned_and_accepted, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_nobody_is_told_of_their_own_act, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
