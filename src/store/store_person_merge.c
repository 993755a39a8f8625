#include "store_person_merge.h"

#include <stdlib.h>
#include <string.h>

#include "store_person_admin.h"
#include "../core/banned.h"

/* Each statement moves one column from the merged record (?2) to the kept one (?1). */
static const char *const moves[] = {
    "UPDATE activities SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE activities SET status_by = ?1 WHERE status_by = ?2",
    "UPDATE activities SET corrected_by = ?1 WHERE corrected_by = ?2",
    "UPDATE activity_corrections SET corrected_by = ?1 WHERE corrected_by = ?2",
    "UPDATE tracks SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE certificates SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE certificates SET revoked_by = ?1 WHERE revoked_by = ?2",
    "UPDATE certificate_versions SET issued_by = ?1 WHERE issued_by = ?2",
    "UPDATE plan_versions SET learner_approved_by = ?1 WHERE learner_approved_by = ?2",
    "UPDATE plan_versions SET organization_approved_by = ?1 WHERE organization_approved_by = ?2",
    "UPDATE final_reports SET accepted_by = ?1 WHERE accepted_by = ?2",
    "UPDATE events SET approved_by = ?1 WHERE approved_by = ?2",
    "UPDATE sessions SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE api_tokens SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE lms_accounts SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE harvest_imports SET imported_by = ?1 WHERE imported_by = ?2",
    "UPDATE record_imports SET imported_by = ?1 WHERE imported_by = ?2",
    "UPDATE harvest_parts SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE xapi_statements SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE account_links SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE account_links SET created_by = ?1 WHERE created_by = ?2",
    "UPDATE mail_outbox SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE second_factors SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE recovery_codes SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE person_library_moves SET person_id = ?1 WHERE person_id = ?2",
    "UPDATE person_library_moves SET recorded_by = ?1 WHERE recorded_by = ?2",
    "UPDATE person_merges SET merged_by = ?1 WHERE merged_by = ?2",
    "UPDATE notices SET person_id = ?1 WHERE person_id = ?2",
    ("UPDATE reminders_sent SET person_id = ?1 WHERE person_id = ?2 AND NOT EXISTS (SELECT 1"
     " FROM reminders_sent k WHERE k.person_id = ?1 AND k.kind = reminders_sent.kind"
     " AND k.subject_key = reminders_sent.subject_key)"),
    "DELETE FROM reminders_sent WHERE person_id = ?2",
    ("INSERT INTO notice_opt_outs (person_id, kind, since, how)"
     " SELECT ?1, kind, since, how FROM notice_opt_outs WHERE person_id = ?2"
     " ON CONFLICT DO NOTHING"),
    "DELETE FROM notice_opt_outs WHERE person_id = ?2",
    "DELETE FROM notice_settings WHERE person_id = ?2",
    "UPDATE people SET verifier_id = ?1 WHERE verifier_id = ?2 AND id <> ?1",
    "UPDATE people SET verifier_id = NULL WHERE id = ?1 AND verifier_id = ?2",
    "UPDATE libraries SET director_id = ?1 WHERE director_id = ?2",
    "UPDATE libraries SET board_chair_id = ?1 WHERE board_chair_id = ?2",
    "UPDATE libraries SET consultant_id = ?1 WHERE consultant_id = ?2",
    "INSERT INTO library_consultants (library_id, person_id) SELECT library_id, ?1"
    " FROM library_consultants c WHERE c.person_id = ?2 AND NOT EXISTS (SELECT 1 FROM"
    " library_consultants k WHERE k.library_id = c.library_id AND k.person_id = ?1)",
    "DELETE FROM library_consultants WHERE person_id = ?2",
    ("INSERT INTO library_consultants (library_id, person_id)"
     " SELECT library_id, ?1 FROM library_consultants WHERE person_id = ?2"
     " ON CONFLICT DO NOTHING"),
    "DELETE FROM library_consultants WHERE person_id = ?2",
    ("INSERT INTO person_roles (person_id, role, began)"
     " SELECT ?1, role, began FROM person_roles WHERE person_id = ?2 AND true"
     " ON CONFLICT (person_id, role) DO UPDATE SET began = CASE WHEN person_roles.began"
     " IS NULL OR excluded.began < person_roles.began THEN excluded.began"
     " ELSE person_roles.began END"),
    "DELETE FROM person_roles WHERE person_id = ?2",
};

/* What the schema forbids, found before anything moves: each query gives the words
 * naming the conflicts (NULL when there are none). */
static const char *const conflicts[] = {
    ("SELECT 'both records hold an activity with the record key ' || group_concat(m.record_key, ', "
     "')"
     " FROM activities m JOIN activities k ON k.record_key = m.record_key"
     " WHERE m.person_id = ?2 AND k.person_id = ?1"),
    ("SELECT 'both records hold an activity for the catalog event ' || group_concat(e.title, ', ')"
     " FROM activities m JOIN activities k ON k.event_id = m.event_id JOIN events e"
     " ON e.id = m.event_id WHERE m.person_id = ?2 AND k.person_id = ?1"
     " AND ((m.superseded_by IS NULL AND k.superseded_by IS NULL)"
     " OR (m.provenance = 'harvest' AND k.provenance = 'harvest' AND m.date = k.date))"),
    ("SELECT 'both records hold LMS completions of the catalog event ' || group_concat(e.title, ', "
     "')"
     " FROM harvest_parts m JOIN harvest_parts k ON k.event_id = m.event_id"
     " AND k.link_url = m.link_url AND k.link_name = m.link_name JOIN events e ON e.id = m.event_id"
     " WHERE m.person_id = ?2 AND k.person_id = ?1"),
    ("SELECT 'both records have a second factor: the person removes one first'"
     " FROM second_factors m JOIN second_factors k ON k.person_id = ?1 WHERE m.person_id = ?2"),
};

static enum ct_status check_conflicts(struct store *store, int64_t kept_id, int64_t merged_id,
                                      struct ct_err *err)
{
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < sizeof conflicts / sizeof conflicts[0] && status == CT_OK; i++) {
        char words[200] = "";
        bool found = false;
        status =
            store_query_text(store, conflicts[i], STORE_PARAMS(DB_INT(kept_id), DB_INT(merged_id)),
                             2, words, sizeof words, &found, err);
        if (status == CT_OK && words[0] != '\0') {
            status = ct_err_set(err, CT_ERR_INPUT, "person", "%s", words);
        }
    }
    return status;
}

static enum ct_status move_rows(struct store *store, int64_t kept_id, int64_t merged_id,
                                struct ct_err *err)
{
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < sizeof moves / sizeof moves[0] && status == CT_OK; i++) {
        status = store_exec(store, moves[i], STORE_PARAMS(DB_INT(kept_id), DB_INT(merged_id)), 2,
                            NULL, err);
    }
    return status;
}

static enum ct_status mark_merged(struct store *store, int64_t actor_id, int64_t kept_id,
                                  int64_t merged_id, const char *at, struct ct_err *err)
{
    char *before = NULL;
    enum ct_status status = store_row_json(store, ENTITY_PERSON, merged_id, &before, err);
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "UPDATE people SET merged_into = ?, deactivated_at ="
                            " COALESCE(deactivated_at, ?) WHERE id = ?",
                            NULL, err, DB_INT(kept_id), DB_TEXT(at), DB_INT(merged_id));
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "INSERT INTO person_merges (kept_id, merged_id, merged_at, merged_by)"
                            " VALUES (?, ?, ?, ?)",
                            NULL, err, DB_INT(kept_id), DB_INT(merged_id), DB_TEXT(at),
                            actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PERSON, merged_id, "merged-into", before, err);
    }
    free(before);
    return status;
}

enum ct_status store_person_merge(struct store *store, int64_t actor_id, int64_t kept_id,
                                  int64_t merged_id, const char *at, struct ct_err *err)
{
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char *kept_before = NULL;
    int64_t library_id = 0;
    status = store_row_json(store, ENTITY_PERSON, kept_id, &kept_before, err);
    if (status == CT_OK) {
        status = check_conflicts(store, kept_id, merged_id, err);
    }
    if (status == CT_OK) {
        status = move_rows(store, kept_id, merged_id, err);
    }
    if (status == CT_OK) {
        status = mark_merged(store, actor_id, kept_id, merged_id, at, err);
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_PERSON, kept_id, "merge", kept_before, err);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, "SELECT COALESCE(library_id, 0) FROM people WHERE id = ?",
                            &library_id, err, DB_INT(kept_id));
    }
    if (status == CT_OK) {
        status = store_library_derive_verifiers(store, actor_id, library_id, err);
    }
    free(kept_before);
    return store_finish(store, status, err);
}
