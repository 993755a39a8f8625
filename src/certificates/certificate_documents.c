#include "certificate_documents.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jws_compact.h"
#include "signing_key.h"
#include "status_list.h"
#include "../core/banned.h"

/* The most plan goals a credential names. */
#define ALIGNMENT_LIMIT 64

static enum ct_status load_report(struct store *store, struct certificate_documents *documents,
                                  struct ct_err *err)
{
    char accepted[CIVIL_DATE_TEXT_SIZE];
    bool found = false;
    enum ct_status status = store_query_text(
        store, "SELECT accepted FROM final_reports WHERE track_id = ? AND state = 'accepted'",
        STORE_PARAMS(DB_INT(documents->record.track_id)), 1, accepted, sizeof accepted, &found,
        err);
    documents->report_accepted = found ? store_date_value(accepted) : civil_date_unset();
    return status;
}

/* The goals of the plan version in force on the issue day (the latest signed by both
 * sides and submitted by then, as the rules engine takes it), each with the library goal
 * it serves. */
static enum ct_status load_alignment(struct store *store, struct certificate_documents *documents,
                                     struct ct_err *err)
{
    documents->alignment =
        arena_calloc(&documents->arena, ALIGNMENT_LIMIT, sizeof *documents->alignment);
    if (documents->alignment == NULL) {
        return ct_err_nomem(err);
    }
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(store->db,
                   "SELECT pg.goal, lg.code || ': ' || lg.title FROM plan_goals pg"
                   " JOIN library_goals lg ON lg.id = pg.library_goal_id"
                   " WHERE pg.plan_version_id = (SELECT id FROM plan_versions WHERE track_id = ?"
                   "   AND state = 'approved' AND submitted <= ?"
                   "   ORDER BY submitted DESC, version DESC LIMIT 1)"
                   " ORDER BY pg.position",
                   &stmt, err);
    char issued[CIVIL_DATE_TEXT_SIZE];
    if (status == CT_OK) {
        status =
            db_bind_all(stmt,
                        STORE_PARAMS(DB_INT(documents->record.track_id),
                                     DB_TEXT(store_date_text(documents->record.issued, issued))),
                        2, err);
    }
    bool has_row = true;
    while (status == CT_OK && documents->alignment_count < ALIGNMENT_LIMIT) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        const char *goal = db_column_text(stmt, 0);
        const char *library_goal = db_column_text(stmt, 1);
        struct credential_alignment *item = &documents->alignment[documents->alignment_count];
        item->plan_goal = arena_strdup(&documents->arena, goal != NULL ? goal : "");
        item->library_goals =
            arena_strdup(&documents->arena, library_goal != NULL ? library_goal : "");
        if (item->plan_goal == NULL || item->library_goals == NULL) {
            status = ct_err_nomem(err);
        }
        documents->alignment_count++;
    }
    db_finalize(stmt);
    return status;
}

enum ct_status certificate_documents_load(struct store *store,
                                          const struct certificate_record *record,
                                          struct certificate_documents *documents,
                                          struct ct_err *err)
{
    memset(documents, 0, sizeof *documents);
    arena_init(&documents->arena);
    documents->record = *record;
    documents->program = program_set_find(store->programs, record->program);
    enum ct_status status = store_setting_get(store, "public-url", documents->public_url, err);
    if (status == CT_OK) {
        status = store_setting_get(store, "issuer-name", documents->issuer_name, err);
    }
    if (status == CT_OK) {
        credential_verify_url(documents->public_url, record->verification_code,
                              documents->verify_url, sizeof documents->verify_url);
        status = load_report(store, documents, err);
    }
    if (status == CT_OK) {
        status = load_alignment(store, documents, err);
    }
    return status;
}

void certificate_documents_release(struct certificate_documents *documents)
{
    arena_release(&documents->arena);
    documents->alignment = NULL;
    documents->alignment_count = 0;
}

static const char *program_name(const struct certificate_documents *documents)
{
    const struct program *program = documents->program;
    return program != NULL && program->name != NULL ? program->name : documents->record.program;
}

void certificate_documents_face(const struct certificate_documents *documents,
                                struct certificate_face *face)
{
    *face = (struct certificate_face){
        .learner_name = documents->record.person_name,
        .program_name = program_name(documents),
        .issuer = documents->issuer_name,
        .credit_halves = documents->record.credit_halves,
        .issued = documents->record.issued,
        .valid_until = documents->record.valid_until,
        .number = documents->record.number,
        .verify_url = documents->verify_url,
    };
}

void certificate_documents_facts(const struct certificate_documents *documents,
                                 struct credential_facts *facts)
{
    const struct program *program = documents->program;
    *facts = (struct credential_facts){
        .public_url = documents->public_url,
        .issuer_name = documents->issuer_name,
        .number = documents->record.number,
        .verification_code = documents->record.verification_code,
        .status_index = documents->record.status_index,
        .learner_name = documents->record.person_name,
        .subject_uuid = documents->record.person_subject_uuid,
        .learner_email = documents->record.person_email,
        .program_id = documents->record.program,
        .program_name = program_name(documents),
        .program_description = program != NULL ? program->description : NULL,
        .credits_required_halves = program != NULL ? program->total_halves : 0,
        .credits_earned_halves = documents->record.credit_halves,
        .issued = documents->record.issued,
        .valid_from = documents->record.document_issued,
        .valid_until = documents->record.valid_until,
        .report_accepted = documents->report_accepted,
        .alignment = documents->alignment,
        .alignment_count = documents->alignment_count,
    };
}

enum ct_status certificate_documents_credential(const struct certificate_documents *documents,
                                                const json_t *key, char **jwt, struct ct_err *err)
{
    struct credential_facts facts;
    certificate_documents_facts(documents, &facts);
    return credential_issue(key, &facts, jwt, err);
}

enum ct_status certificate_key_set(struct store *store, const json_t *key, json_t **key_set,
                                   struct ct_err *err)
{
    *key_set = NULL;
    char public_url[STORE_SETTING_SIZE];
    enum ct_status status = store_setting_get(store, "public-url", public_url, err);
    if (status != CT_OK) {
        return status;
    }
    char key_id[STORE_SETTING_SIZE + 128];
    credential_key_id(public_url, key, key_id, sizeof key_id);
    *key_set = signing_key_public_set(key, key_id);
    return *key_set != NULL ? CT_OK : ct_err_nomem(err);
}

enum ct_status certificate_status_list(struct store *store, const json_t *key,
                                       const char *valid_from, char **jwt, struct ct_err *err)
{
    *jwt = NULL;
    char public_url[STORE_SETTING_SIZE];
    enum ct_status status = store_setting_get(store, "public-url", public_url, err);
    int64_t *revoked = NULL;
    size_t count = 0;
    if (status == CT_OK) {
        status = store_certificates_revoked(store, &revoked, &count, err);
    }
    char *encoded = NULL;
    if (status == CT_OK) {
        status = status_list_encode(revoked, count, &encoded, err);
    }
    free(revoked);
    if (status != CT_OK) {
        return status;
    }
    char list_url[STORE_SETTING_SIZE + 32], issuer_id[STORE_SETTING_SIZE + 32];
    credential_url(public_url, "status/revocation", list_url, sizeof list_url);
    credential_url(public_url, "issuer", issuer_id, sizeof issuer_id);
    json_t *credential = status_list_credential(list_url, issuer_id, valid_from, encoded);
    free(encoded);
    if (credential == NULL) {
        return ct_err_nomem(err);
    }
    char key_id[STORE_SETTING_SIZE + 128];
    credential_key_id(public_url, key, key_id, sizeof key_id);
    status = jws_compact_sign(key, key_id, "vc+jwt", credential, jwt, err);
    json_decref(credential);
    return status;
}
