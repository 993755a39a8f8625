/* Proof files sent with a claim (checked by their content and size, kept with the
 * activity, audited with their hash, seen by the learner, their verifier and a
 * coordinator only) and a rejected claim corrected and sent again. */
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

#include "action_world.h"
#include "actions/claims.h"
#include "store/store_claim_versions.h"
#include "store/store_harvest_proof.h"
#include "store/store_proofs.h"
#include "core/banned.h"

static int setup(void **state)
{
    struct action_world *w = action_world_open("action-proofs");
    action_world_enroll(w, w->learner, "msl-staff", "2026-01-01");
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    return action_world_close(*state);
}

static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                          "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                          "trailer << /Root 1 0 R >>\n%%EOF\n";

static struct claim_submit_input course(const char *title)
{
    return (struct claim_submit_input){
        .kind = "course",
        .title = title,
        .date = "2026-03-01",
        .category = "technology",
        .credits = "1",
    };
}

static struct claim_proof proof_of(const void *bytes, size_t size, const char *name)
{
    return (struct claim_proof){.given = true, .bytes = bytes, .size = size, .name = name};
}

static enum ct_status claim(struct action_world *w, int64_t person,
                            const struct claim_submit_input *input,
                            struct claim_submit_result *result, struct action_outcome *outcome)
{
    struct actor actor = action_world_actor(w, person, "2026-03-02");
    action_outcome_init(outcome);
    return action_claim_submit(&w->store, &actor, input, result, outcome);
}

static int64_t proofs_kept(struct action_world *w)
{
    return action_world_count(w, "SELECT COUNT(*) FROM activity_proofs");
}

/* Whether person (a coordinator when coordinator) reads proof_id. */
static bool reads(struct action_world *w, int64_t proof_id, int64_t person, bool coordinator)
{
    struct proof_file file;
    bool found = false;
    struct ct_err err = {0};
    assert_int_equal(
        store_proof_read(&w->store, proof_id, person, coordinator, &file, &found, &err), CT_OK);
    if (found) {
        assert_int_equal(file.info.size, (int64_t)(sizeof pdf - 1));
        assert_memory_equal(file.bytes, pdf, sizeof pdf - 1);
    }
    free(file.bytes);
    return found;
}

static void test_a_pdf_is_kept_with_the_claim_audited_with_its_hash(void **state)
{
    struct action_world *w = *state;
    struct claim_submit_input input = course("Grant writing");
    input.proof = proof_of(pdf, sizeof pdf - 1, "certificate.txt");
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_done(claim(w, w->learner, &input, &result, &outcome), &outcome);
    assert_true(result.proof_id > 0);
    assert_string_equal(result.proof_type, "application/pdf");
    struct store_rows rows = {.size = sizeof(struct proof_info)};
    struct ct_err err = {0};
    assert_int_equal(store_proofs_of_activity(&w->store, result.activity_id, &rows, &err), CT_OK);
    assert_int_equal(rows.count, 1);
    const struct proof_info *info = rows.items;
    assert_string_equal(info->content_type, "application/pdf");
    assert_string_equal(info->file_name, "certificate.txt");
    assert_int_equal(strlen(info->sha256), 64);
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM audit_log WHERE entity = 'activity_proofs' AND entity_id = %lld"
             " AND after_json LIKE '%%%s%%'",
             (long long)result.proof_id, info->sha256);
    assert_int_equal(action_world_count(w, sql), 1);
    store_rows_release(&rows);
}

static void test_only_the_learner_their_verifier_and_a_coordinator_read_it(void **state)
{
    struct action_world *w = *state;
    struct claim_submit_input input = course("Grant writing");
    input.proof = proof_of(pdf, sizeof pdf - 1, "certificate.pdf");
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_done(claim(w, w->learner, &input, &result, &outcome), &outcome);
    assert_true(reads(w, result.proof_id, w->learner, false));
    assert_true(reads(w, result.proof_id, w->director, false));
    assert_true(reads(w, result.proof_id, w->coordinator, true));
    assert_false(reads(w, result.proof_id, w->other_learner, false));
    assert_false(reads(w, result.proof_id, w->other_director, false));
    assert_false(reads(w, result.proof_id, w->consultant, false));
    assert_false(reads(w, result.proof_id, 0, false));
    assert_false(reads(w, result.proof_id + 1, w->learner, false));
}

static void test_a_file_of_another_type_is_refused_whatever_its_name(void **state)
{
    struct action_world *w = *state;
    static const char text[] = "Not a PDF at all, only its name says so.\n";
    struct claim_submit_input input = course("Grant writing");
    input.proof = proof_of(text, sizeof text - 1, "certificate.pdf");
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_refused(claim(w, w->learner, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "file");
    assert_non_null(strstr(outcome.faults[0].message, "text/plain"));
    assert_int_equal(proofs_kept(w), 0);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities WHERE title ="
                                           " 'Grant writing'"),
                     0);
    static const char empty[1] = "";
    input.proof = proof_of(empty, 0, "empty.pdf");
    action_assert_refused(claim(w, w->learner, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "file");
    assert_non_null(strstr(outcome.faults[0].message, "empty"));
}

static void test_a_proof_is_at_most_10_mib(void **state)
{
    struct action_world *w = *state;
    unsigned char *big = calloc(CLAIM_PROOF_LIMIT + 1, 1);
    assert_non_null(big);
    memcpy(big, pdf, sizeof pdf - 1);
    struct claim_submit_input input = course("Grant writing");
    input.proof = proof_of(big, CLAIM_PROOF_LIMIT + 1, "big.pdf");
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_refused(claim(w, w->learner, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "file");
    assert_non_null(strstr(outcome.faults[0].message, "larger than 10 MiB"));
    input.proof = (struct claim_proof){.given = true, .size = 70u << 20, .too_large = true};
    action_assert_refused(claim(w, w->learner, &input, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "file");
    input.proof = proof_of(big, CLAIM_PROOF_LIMIT, "just.pdf");
    action_assert_done(claim(w, w->learner, &input, &result, &outcome), &outcome);
    assert_int_equal(proofs_kept(w), 1);
    free(big);
}

static void test_a_dry_run_keeps_no_proof(void **state)
{
    struct action_world *w = *state;
    struct claim_submit_input input = course("Grant writing");
    input.proof = proof_of(pdf, sizeof pdf - 1, "certificate.pdf");
    input.check_only = true;
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_done(claim(w, w->learner, &input, &result, &outcome), &outcome);
    assert_int_equal(result.proof_id, 0);
    assert_int_equal(proofs_kept(w), 0);
}

/* A pending claim of the learner's, rejected by their verifier with reason. */
static int64_t rejected_claim(struct action_world *w, const struct claim_submit_input *input)
{
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_done(claim(w, w->learner, input, &result, &outcome), &outcome);
    struct actor verifier = action_world_actor(w, w->director, "2026-03-03");
    struct claims_decide_input decide = {.action = "reject", .reason = "Two credits, not one"};
    decide.activity_ids.ids[decide.activity_ids.count++] = result.activity_id;
    struct claims_decide_result decided;
    action_outcome_init(&outcome);
    action_assert_done(action_claims_decide(&w->store, &verifier, &decide, &decided, &outcome),
                       &outcome);
    return result.activity_id;
}

static void test_a_rejected_claim_is_corrected_and_sent_again(void **state)
{
    struct action_world *w = *state;
    struct claim_submit_input input = course("Grant writing");
    input.proof = proof_of(pdf, sizeof pdf - 1, "certificate.pdf");
    int64_t old = rejected_claim(w, &input);
    struct claim_submit_input again = course("Grant writing");
    again.credits = "2";
    again.replaces = old;
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_done(claim(w, w->learner, &again, &result, &outcome), &outcome);
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM activities WHERE id = %lld AND status = 'pending' AND"
             " replaces = %lld AND credit_halves = 4",
             (long long)result.activity_id, (long long)old);
    assert_int_equal(action_world_count(w, sql), 1);
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*) FROM activities WHERE id = %lld AND status = 'rejected' AND"
             " replaced_at IS NOT NULL",
             (long long)old);
    assert_int_equal(action_world_count(w, sql), 1);
    struct claim_version version;
    struct ct_err err = {0};
    assert_int_equal(store_claim_version(&w->store, result.activity_id, &version, &err), CT_OK);
    assert_int_equal(version.replaces, old);
    assert_string_equal(version.replaced_reason, "Two credits, not one");
    assert_int_equal(store_claim_version(&w->store, old, &version, &err), CT_OK);
    assert_int_equal(version.replaced_by, result.activity_id);
    /* The earlier proof is shown with the correction, still kept with the old claim. */
    struct store_rows rows = {.size = sizeof(struct proof_info)};
    assert_int_equal(store_proofs_of_activity(&w->store, result.activity_id, &rows, &err), CT_OK);
    assert_int_equal(rows.count, 1);
    assert_int_equal(((const struct proof_info *)rows.items)->activity_id, old);
    store_rows_release(&rows);
    struct audit_seen seen;
    action_world_last_audit(w, &seen);
    assert_int_equal(seen.entity_id, result.activity_id);
}

static void test_a_catalog_event_claim_is_sent_again_despite_one_event_one_credit(void **state)
{
    struct action_world *w = *state;
    int64_t event = action_world_event(w, "Storytime basics", "2026-02-20", 3, "public-services");
    struct claim_submit_input input = {.event_id = event};
    int64_t old = rejected_claim(w, &input);
    struct claim_submit_input again = {.event_id = event, .replaces = old};
    struct claim_submit_result result;
    struct action_outcome outcome;
    action_assert_done(claim(w, w->learner, &again, &result, &outcome), &outcome);
    /* An LMS completion of the event, or a registration's attendance, finds the
     * correction, never the claim it replaced. */
    int64_t holder = 0;
    struct ct_err err = {0};
    test_ok(store_harvest_proof_holder(&w->store, w->learner, event, &holder, &err), &err);
    assert_int_equal(holder, result.activity_id);
    /* A second, fresh claim of the event is still refused. */
    struct claim_submit_input second = {.event_id = event};
    action_assert_refused(claim(w, w->learner, &second, &result, &outcome), &outcome,
                          ACTION_BAD_INPUT, "event");
}

static void test_only_a_rejected_claim_of_ones_own_is_corrected_once(void **state)
{
    struct action_world *w = *state;
    struct claim_submit_input input = course("Grant writing");
    int64_t old = rejected_claim(w, &input);
    int64_t verified = action_world_activity(w, w->learner, "Cataloging", "2026-02-02", 2,
                                             "technology", "verified");
    int64_t pending =
        action_world_activity(w, w->learner, "Weeding", "2026-02-01", 2, "technology", "pending");
    struct claim_submit_input again = course("Grant writing, corrected");
    struct claim_submit_result result;
    struct action_outcome outcome;
    again.replaces = old;
    action_assert_refused(claim(w, w->other_learner, &again, &result, &outcome), &outcome,
                          ACTION_NOT_FOUND, "replaces");
    /* A verified claim counts: replacing it would count it twice. */
    again.replaces = verified;
    action_assert_refused(claim(w, w->learner, &again, &result, &outcome), &outcome,
                          ACTION_WRONG_STATE, "replaces");
    again.replaces = pending;
    action_assert_refused(claim(w, w->learner, &again, &result, &outcome), &outcome,
                          ACTION_WRONG_STATE, "replaces");
    again.replaces = old;
    action_assert_done(claim(w, w->learner, &again, &result, &outcome), &outcome);
    struct claim_submit_input twice = course("Grant writing, corrected twice");
    twice.replaces = old;
    action_assert_refused(claim(w, w->learner, &twice, &result, &outcome), &outcome,
                          ACTION_WRONG_STATE, NULL);
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities WHERE replaces IS NOT"
                                           " NULL"),
                     1);
}

static void test_the_store_marks_only_a_rejected_claim_replaced(void **state)
{
    struct action_world *w = *state;
    int64_t verified = action_world_activity(w, w->learner, "Cataloging", "2026-02-02", 2,
                                             "technology", "verified");
    struct ct_err err = {0};
    assert_int_equal(store_claim_mark_replaced(&w->store, w->learner, verified, &err),
                     CT_ERR_INPUT);
    assert_string_equal(err.where, "replaces");
    assert_int_equal(action_world_count(w, "SELECT COUNT(*) FROM activities WHERE replaced_at IS"
                                           " NOT NULL"),
                     0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_pdf_is_kept_with_the_claim_audited_with_its_hash,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_only_the_learner_their_verifier_and_a_coordinator_read_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_file_of_another_type_is_refused_whatever_its_name,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_proof_is_at_most_10_mib, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_dry_run_keeps_no_proof, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_rejected_claim_is_corrected_and_sent_again, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_a_catalog_event_claim_is_sent_again_despite_one_event_one_credit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_only_a_rejected_claim_of_ones_own_is_corrected_once,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_store_marks_only_a_rejected_claim_replaced, setup,
                                        teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    test_programs_release();
    return failed;
}
