#include "store_award.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/workflow.h"
#include "../io/clock.h"
#include "store_enrolment.h"
#include "store_record.h"
#include "store_tracks.h"
#include "../core/banned.h"

/* 20 random bytes as Crockford-like base32 (32 characters, no padding): 160 bits. */
enum ct_status store_verification_code_make(char out[VERIFICATION_CODE_SIZE], struct ct_err *err)
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    if (sodium_init() < 0) {
        return ct_err_set(err, CT_ERR_IO, "random", "libsodium cannot start");
    }
    unsigned char bytes[20];
    randombytes_buf(bytes, sizeof bytes);
    size_t written = 0;
    for (size_t bit = 0; bit + 5 <= sizeof bytes * 8 && written + 1 < VERIFICATION_CODE_SIZE;
         bit += 5) {
        unsigned value = 0;
        for (size_t k = 0; k < 5; k++) {
            size_t b = bit + k;
            value = (value << 1) | ((bytes[b / 8] >> (7 - b % 8)) & 1u);
        }
        out[written++] = alphabet[value];
    }
    out[written] = '\0';
    return CT_OK;
}

/* Refuses an incomplete track, naming what blocks it. */
static enum ct_status refuse_incomplete(const struct evaluation *evaluation, struct ct_err *err)
{
    struct buf codes;
    buf_init(&codes, 1024);
    for (size_t i = 0; i < evaluation->blocking_count; i++) {
        const struct blocking_item *item = &evaluation->blocking[i];
        enum ct_status status =
            buf_printf(&codes, "%s%s", i > 0 ? ", " : "", blocking_code_name(item->code));
        if (status == CT_OK && item->code == BLOCKING_CATEGORY_SHORT) {
            status = buf_printf(&codes, ":%s", evaluation->program->categories[item->category].id);
        }
        if (status != CT_OK) {
            break;
        }
    }
    enum ct_status status = ct_err_set(err, CT_ERR_INPUT, "track", "not complete (%s): %s",
                                       track_status_name(evaluation->status), buf_str(&codes));
    buf_release(&codes);
    return status;
}

/* The size of the range a certificate's status-list place is drawn from: the list's
 * least size, or four places for each certificate when there are more, so that at least
 * three in four places are free (a draw rarely meets a taken place). */
static enum ct_status status_range(struct store *store, uint32_t *range, struct ct_err *err)
{
    int64_t certificates = 0;
    enum ct_status status =
        store_exec(store, "SELECT COUNT(*) FROM certificates", NULL, 0, &certificates, err);
    int64_t wanted = 4 * (certificates + 1);
    *range = wanted > STORE_STATUS_LIST_MIN ? (uint32_t)((wanted + 7) / 8 * 8)
                                            : (uint32_t)STORE_STATUS_LIST_MIN;
    return status;
}

/* A free place in the status list, drawn at random (libsodium). */
static enum ct_status draw_status_index(struct store *store, int64_t *index, struct ct_err *err)
{
    uint32_t range = 0;
    enum ct_status status = status_range(store, &range, err);
    for (int attempt = 0; attempt < 64 && status == CT_OK; attempt++) {
        int64_t candidate = (int64_t)randombytes_uniform(range);
        int64_t taken = 0;
        status = STORE_EXEC(store, "SELECT COUNT(*) FROM certificates WHERE status_index = ?",
                            &taken, err, DB_INT(candidate));
        if (status == CT_OK && taken == 0) {
            *index = candidate;
            return CT_OK;
        }
    }
    return status == CT_OK ? ct_err_set(err, CT_ERR_INPUT, "status_index",
                                        "no free place found in the status list")
                           : status;
}

/* "CT-YYYY-NNNNNN": the year of day and the certificate's id, or, when a certificate
 * imported from earlier records holds that number, the first free one after it. */
static enum ct_status choose_number(struct store *store, struct civil_date day, int64_t id,
                                    char number[CERTIFICATE_NUMBER_SIZE], struct ct_err *err)
{
    int year, month, mday;
    civil_date_to_ymd(day, &year, &month, &mday);
    for (int64_t n = id;; n++) {
        snprintf(number, CERTIFICATE_NUMBER_SIZE, "CT-%04d-%06" PRId64, year, n);
        int64_t held = 0;
        enum ct_status status =
            STORE_EXEC(store, "SELECT COUNT(*) FROM certificates WHERE number = ?", &held, err,
                       DB_TEXT(number));
        if (status != CT_OK || held == 0) {
            return status;
        }
    }
}

static enum ct_status issue_certificate(struct store *store, const struct track_info *track,
                                        const struct program *program,
                                        const struct evaluation *evaluation, struct civil_date day,
                                        struct award_result *result, struct ct_err *err)
{
    enum ct_status status = store_verification_code_make(result->verification_code, err);
    result->valid_until = civil_date_add_years(day, program->window_years);
    char issued[CIVIL_DATE_TEXT_SIZE], until[CIVIL_DATE_TEXT_SIZE];
    int64_t status_index = 0;
    if (status == CT_OK) {
        status = draw_status_index(store, &status_index, err);
    }
    if (status == CT_OK) {
        status =
            STORE_EXEC(store,
                       "INSERT INTO certificates (number, verification_code, person_id,"
                       " track_id, program, credit_halves, issued, valid_until, status_index)"
                       " VALUES ('(new)', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       &result->certificate_id, err, DB_TEXT(result->verification_code),
                       DB_INT(track->person_id), DB_INT(track->id), DB_TEXT(program->id),
                       DB_INT(evaluation->counted_halves), DB_TEXT(store_date_text(day, issued)),
                       DB_TEXT(store_date_text(result->valid_until, until)), DB_INT(status_index));
    }
    if (status == CT_OK) {
        status = choose_number(store, day, result->certificate_id, result->number, err);
    }
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE certificates SET number = ? WHERE id = ?", NULL, err,
                            DB_TEXT(result->number), DB_INT(result->certificate_id));
    }
    return status;
}

static enum ct_status certify_track(struct store *store, int64_t actor_id,
                                    const struct track_info *track, struct ct_err *err)
{
    const char *to;
    enum ct_status status = workflow_next(WORKFLOW_TRACK, track->state, "award", &to, err);
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_TRACK, track->id, &before, err);
    }
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    if (status == CT_OK) {
        status = STORE_EXEC(store, "UPDATE tracks SET state = ?, state_changed_at = ? WHERE id = ?",
                            NULL, err, DB_TEXT(to), DB_TEXT(now), DB_INT(track->id));
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_TRACK, track->id, "award", before, err);
    }
    free(before);
    return status;
}

/* Withdraws the person's other open tracks whose programs the awarded program's
 * ends_on_award lists, saying which award ended them. */
static enum ct_status end_other_tracks(struct store *store, int64_t actor_id,
                                       const struct track_info *track,
                                       const struct program *program,
                                       const struct award_result *result, struct ct_err *err)
{
    struct store_rows rows = {.size = sizeof(struct track_row)};
    enum ct_status status = store_track_rows(store, track->person_id, &rows, err);
    const struct track_row *others = rows.items;
    char comment[256];
    snprintf(comment, sizeof comment, "Ended by the award of certificate %s (%s).", result->number,
             program->name);
    for (size_t i = 0; i < rows.count && status == CT_OK; i++) {
        if (others[i].id != track->id && store_track_state_open(others[i].state) &&
            program_ends_on_award(program, others[i].program)) {
            status = store_track_act(store, actor_id, others[i].id, "withdraw", comment, err);
        }
    }
    store_rows_release(&rows);
    return status;
}

/* Starts the successor's track from the day after the award, unless the person has an
 * open track in the successor's program already: that one goes on. */
static enum ct_status start_successor(struct store *store, int64_t actor_id,
                                      const struct track_info *track,
                                      const struct program *successor, struct civil_date day,
                                      struct award_result *result, struct ct_err *err)
{
    int64_t open_track = 0;
    enum ct_status open_status = STORE_EXEC(store,
                                            "SELECT id FROM tracks WHERE person_id = ? AND"
                                            " program = ? AND id != ? AND state IN ('active',"
                                            " 'submitted', 'returned') LIMIT 1",
                                            &open_track, err, DB_INT(track->person_id),
                                            DB_TEXT(successor->id), DB_INT(track->id));
    if (open_status != CT_OK || open_track != 0) {
        snprintf(result->next_program, sizeof result->next_program, "%s", successor->id);
        result->next_track_id = open_track;
        return open_status;
    }
    struct civil_date started = civil_date_add_days(day, 1);
    struct civil_date deadline = civil_date_add_years(started, successor->window_years);
    char start_text[CIVIL_DATE_TEXT_SIZE], deadline_text[CIVIL_DATE_TEXT_SIZE];
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    snprintf(result->next_program, sizeof result->next_program, "%s", successor->id);
    enum ct_status status = STORE_EXEC(
        store,
        "INSERT INTO tracks (person_id, program, started, deadline, state, state_changed_at,"
        " previous_track_id) VALUES (?, ?, ?, ?, 'active', ?, ?) RETURNING id",
        &result->next_track_id, err, DB_INT(track->person_id), DB_TEXT(successor->id),
        DB_TEXT(store_date_text(started, start_text)),
        DB_TEXT(store_date_text(deadline, deadline_text)), DB_TEXT(now), DB_INT(track->id));
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_TRACK, result->next_track_id, "enroll", NULL, err);
    }
    return status;
}

static enum ct_status award_in_transaction(struct store *store, int64_t actor_id, int64_t track_id,
                                           struct civil_date day, struct award_result *result,
                                           struct ct_err *err)
{
    struct track_info track;
    enum ct_status status = store_track_get(store, track_id, &track, err);
    const char *to;
    if (status == CT_OK) {
        status = workflow_next(WORKFLOW_TRACK, track.state, "award", &to, err);
    }
    const struct program *program =
        status == CT_OK ? program_set_find(store->programs, track.program) : NULL;
    if (status == CT_OK && program == NULL) {
        status = ct_err_set(err, CT_ERR_INPUT, "program", "unknown program \"%s\"", track.program);
    }
    const struct program *successor =
        program != NULL ? program_set_find(store->programs, program->successor) : NULL;
    struct learner_record *record = NULL;
    struct evaluation *evaluation = NULL;
    if (status == CT_OK) {
        status = store_record_evaluate(store, track_id, day, &record, &evaluation, err);
    }
    if (status == CT_OK && evaluation->status != TRACK_COMPLETE) {
        status = refuse_incomplete(evaluation, err);
    }
    if (status == CT_OK) {
        status = issue_certificate(store, &track, program, evaluation, day, result, err);
    }
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_CERTIFICATE, result->certificate_id, "issue",
                             NULL, err);
    }
    if (status == CT_OK) {
        status = certify_track(store, actor_id, &track, err);
    }
    if (status == CT_OK) {
        status = end_other_tracks(store, actor_id, &track, program, result, err);
    }
    if (status == CT_OK) {
        status = start_successor(store, actor_id, &track, successor, day, result, err);
    }
    evaluation_free(evaluation);
    record_free(record);
    return status;
}

enum ct_status store_award(struct store *store, int64_t actor_id, int64_t track_id,
                           struct civil_date day, struct award_result *result, struct ct_err *err)
{
    memset(result, 0, sizeof *result);
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    status = award_in_transaction(store, actor_id, track_id, day, result, err);
    return store_finish(store, status, err);
}

enum ct_status store_certificate_revoke(struct store *store, int64_t actor_id,
                                        int64_t certificate_id, struct civil_date day,
                                        const char *reason, struct ct_err *err)
{
    if (reason == NULL || reason[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, "reason", "say why the certificate is revoked");
    }
    enum ct_status status = db_begin(store->db, err);
    if (status != CT_OK) {
        return status;
    }
    char revoked[CIVIL_DATE_TEXT_SIZE];
    bool found = false;
    status = store_query_text(store, "SELECT COALESCE(revoked, '') FROM certificates WHERE id = ?",
                              STORE_PARAMS(DB_INT(certificate_id)), 1, revoked, sizeof revoked,
                              &found, err);
    if (status == CT_OK && !found) {
        status = ct_err_set(err, CT_ERR_INPUT, "certificate", "no certificate has the id %lld",
                            (long long)certificate_id);
    }
    if (status == CT_OK && revoked[0] != '\0') {
        status = ct_err_set(err, CT_ERR_INPUT, "certificate", "already revoked on %s", revoked);
    }
    char *before = NULL;
    if (status == CT_OK) {
        status = store_row_json(store, ENTITY_CERTIFICATE, certificate_id, &before, err);
    }
    char day_text[CIVIL_DATE_TEXT_SIZE];
    if (status == CT_OK) {
        status =
            STORE_EXEC(store,
                       "UPDATE certificates SET revoked = ?, revoked_reason = ?, revoked_by = ?"
                       " WHERE id = ?",
                       NULL, err, DB_TEXT(store_date_text(day, day_text)), DB_TEXT(reason),
                       actor_id > 0 ? DB_INT(actor_id) : DB_TEXT(NULL), DB_INT(certificate_id));
    }
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_CERTIFICATE, certificate_id, "revoke", before, err);
    }
    free(before);
    return store_finish(store, status, err);
}

/* The version of a certificate's documents that is not superseded. */
#define NEWEST_VERSION "v.superseded_at IS NULL"

static void certificate_record_read(struct db_stmt *stmt, struct certificate_record *record)
{
    const char *text = NULL;
    record->id = db_column_int64(stmt, 0);
    record->person_id = db_column_int64(stmt, 1);
    record->track_id = db_column_int64(stmt, 2);
    text = db_column_text(stmt, 3);
    snprintf(record->number, sizeof record->number, "%s", text != NULL ? text : "");
    text = db_column_text(stmt, 4);
    snprintf(record->verification_code, sizeof record->verification_code, "%s",
             text != NULL ? text : "");
    text = db_column_text(stmt, 5);
    snprintf(record->person_name, sizeof record->person_name, "%s", text != NULL ? text : "");
    text = db_column_text(stmt, 6);
    snprintf(record->program, sizeof record->program, "%s", text != NULL ? text : "");
    record->credit_halves = db_column_int64(stmt, 7);
    record->issued = store_date_value(db_column_text(stmt, 8));
    record->valid_until = store_date_value(db_column_text(stmt, 9));
    record->revoked = store_date_value(db_column_text(stmt, 10));
    text = db_column_text(stmt, 11);
    snprintf(record->revoked_reason, sizeof record->revoked_reason, "%s", text != NULL ? text : "");
    record->status_index = db_column_int64(stmt, 12);
    text = db_column_text(stmt, 13);
    snprintf(record->person_email, sizeof record->person_email, "%s", text != NULL ? text : "");
    text = db_column_text(stmt, 14);
    snprintf(record->person_subject_uuid, sizeof record->person_subject_uuid, "%s",
             text != NULL ? text : "");
    record->version = db_column_int64(stmt, 15);
    record->document_issued = store_date_value(db_column_text(stmt, 16));
    record->superseded = store_date_value(db_column_text(stmt, 17));
}

/* Reads the one certificate that where_sql (a constant: "c.number = ?", ...) with param
 * picks, with the version of its documents (certificate_versions v) that version_sql (a
 * constant) picks. */
static enum ct_status certificate_find_where(struct store *store, const char *where_sql,
                                             const char *version_sql, struct db_param param,
                                             struct certificate_record *record, bool *found,
                                             struct ct_err *err)
{
    memset(record, 0, sizeof *record);
    *found = false;
    char sql[1024];
    snprintf(
        sql, sizeof sql,
        "SELECT c.id, c.person_id, c.track_id, c.number,"
        " COALESCE(v.verification_code, c.verification_code), COALESCE(v.printed_name, p.name),"
        " c.program, c.credit_halves, c.issued, c.valid_until, c.revoked,"
        " COALESCE(c.revoked_reason, ''), COALESCE(c.status_index, c.id), p.email,"
        " p.subject_uuid, COALESCE(v.version, 1), COALESCE(v.issued, c.issued),"
        " v.superseded_at FROM certificates c JOIN people p ON p.id = c.person_id"
        " LEFT JOIN certificate_versions v ON v.certificate_id = c.id AND %s WHERE %s",
        version_sql, where_sql);
    struct db_stmt *stmt = NULL;
    enum ct_status status = db_prepare(store->db, sql, &stmt, err);
    if (status == CT_OK) {
        status = db_bind_all(stmt, &param, 1, err);
    }
    bool has_row = false;
    if (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
    }
    if (status == CT_OK && has_row) {
        *found = true;
        certificate_record_read(stmt, record);
    }
    db_finalize(stmt);
    return status;
}

enum ct_status store_certificate_find(struct store *store, const char *number,
                                      struct certificate_record *record, bool *found,
                                      struct ct_err *err)
{
    return certificate_find_where(store, "c.number = ?", NEWEST_VERSION, DB_TEXT(number), record,
                                  found, err);
}

enum ct_status store_certificate_find_by_code(struct store *store, const char *code,
                                              struct certificate_record *record, bool *found,
                                              struct ct_err *err)
{
    return certificate_find_where(store, "v.verification_code = ?", "TRUE", DB_TEXT(code), record,
                                  found, err);
}

enum ct_status store_certificate_find_by_id(struct store *store, int64_t id,
                                            struct certificate_record *record, bool *found,
                                            struct ct_err *err)
{
    return certificate_find_where(store, "c.id = ?", NEWEST_VERSION, DB_INT(id), record, found,
                                  err);
}

enum ct_status store_certificates_revoked(struct store *store, int64_t **ids, size_t *count,
                                          struct ct_err *err)
{
    *ids = NULL;
    *count = 0;
    struct db_stmt *stmt = NULL;
    enum ct_status status =
        db_prepare(store->db,
                   "SELECT COALESCE(status_index, id) FROM certificates WHERE revoked IS NOT NULL"
                   " ORDER BY 1",
                   &stmt, err);
    size_t capacity = 0;
    bool has_row = true;
    while (status == CT_OK) {
        status = db_step(stmt, &has_row, err);
        if (status != CT_OK || !has_row) {
            break;
        }
        if (*count == capacity) {
            size_t grown_capacity = capacity == 0 ? 64 : capacity * 2;
            int64_t *grown = realloc(*ids, grown_capacity * sizeof **ids);
            if (grown == NULL) {
                status = ct_err_nomem(err);
                break;
            }
            *ids = grown;
            capacity = grown_capacity;
        }
        (*ids)[(*count)++] = db_column_int64(stmt, 0);
    }
    db_finalize(stmt);
    if (status != CT_OK) {
        free(*ids);
        *ids = NULL;
        *count = 0;
    }
    return status;
}

/* The certified track an imported certificate stands on: the program's window ending on
 * the day it was issued. */
static enum ct_status insert_imported_track(struct store *store, int64_t actor_id,
                                            const struct certificate_import *import,
                                            const struct program *program, int64_t *track_id,
                                            struct ct_err *err)
{
    char started[CIVIL_DATE_TEXT_SIZE], issued[CIVIL_DATE_TEXT_SIZE];
    char now[CLOCK_TIMESTAMP_SIZE];
    clock_now_utc(now);
    struct civil_date start = civil_date_add_years(import->issued, -program->window_years);
    enum ct_status status = STORE_EXEC(
        store,
        "INSERT INTO tracks (person_id, program, started, deadline, state, state_changed_at,"
        " state_comment) VALUES (?, ?, ?, ?, 'certified', ?, 'imported from earlier records')"
        " RETURNING id",
        track_id, err, DB_INT(import->person_id), DB_TEXT(program->id),
        DB_TEXT(store_date_text(start, started)), DB_TEXT(store_date_text(import->issued, issued)),
        DB_TEXT(now));
    if (status == CT_OK) {
        status = store_audit(store, actor_id, ENTITY_TRACK, *track_id, "import", NULL, err);
    }
    return status;
}

enum ct_status store_certificate_import(struct store *store, int64_t actor_id,
                                        const struct certificate_import *import,
                                        int64_t *certificate_id, struct ct_err *err)
{
    const struct program *program = program_set_find(store->programs, import->program);
    if (program == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "program", "no program \"%.64s\"", import->program);
    }
    char code[VERIFICATION_CODE_SIZE], issued[CIVIL_DATE_TEXT_SIZE], until[CIVIL_DATE_TEXT_SIZE];
    int64_t track_id = 0, status_index = 0;
    enum ct_status status = db_begin(store->db, err);
    if (status == CT_OK) {
        status = store_verification_code_make(code, err);
    }
    if (status == CT_OK) {
        status = draw_status_index(store, &status_index, err);
    }
    if (status == CT_OK) {
        status = insert_imported_track(store, actor_id, import, program, &track_id, err);
    }
    struct civil_date valid_until = civil_date_add_years(import->issued, program->window_years);
    if (status == CT_OK) {
        status = STORE_EXEC(
            store,
            "INSERT INTO certificates (number, verification_code, person_id, track_id, program,"
            " credit_halves, issued, valid_until, status_index, provenance)"
            " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, 'imported') RETURNING id",
            certificate_id, err, DB_TEXT(import->number), DB_TEXT(code), DB_INT(import->person_id),
            DB_INT(track_id), DB_TEXT(program->id),
            DB_TEXT(store_date_text(import->issued, issued)),
            DB_TEXT(store_date_text(valid_until, until)), DB_INT(status_index));
    }
    if (status == CT_OK) {
        status =
            store_audit(store, actor_id, ENTITY_CERTIFICATE, *certificate_id, "import", NULL, err);
    }
    return store_finish(store, status, err);
}
