#include "store_reminders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/director_window.h"
#include "../core/reminder_rule.h"
#include "store_directors.h"
#include "store_outbox.h"
#include "../core/banned.h"

/* ---- the reminders queued ---- */

struct reminder_log {
    struct db_stmt *was_sent;
    struct db_stmt *record;
};

enum ct_status reminder_log_open(struct store *store, struct reminder_log **out, struct ct_err *err)
{
    *out = NULL;
    struct reminder_log *log = calloc(1, sizeof *log);
    if (log == NULL) {
        return ct_err_nomem(err);
    }
    enum ct_status status = db_prepare(store->db,
                                       "SELECT 1 FROM reminders_sent WHERE person_id = ?"
                                       " AND kind = ? AND subject_key = ?",
                                       &log->was_sent, err);
    if (status == CT_OK) {
        status = db_prepare(store->db,
                            "INSERT INTO reminders_sent (person_id, kind, subject_key, on_day,"
                            " created_at, outbox_id) VALUES (?, ?, ?, ?, ?, ?)"
                            " ON CONFLICT (person_id, kind, subject_key) DO NOTHING RETURNING id",
                            &log->record, err);
    }
    if (status != CT_OK) {
        reminder_log_close(log);
        return status;
    }
    *out = log;
    return CT_OK;
}

void reminder_log_close(struct reminder_log *log)
{
    if (log == NULL) {
        return;
    }
    db_finalize(log->was_sent);
    db_finalize(log->record);
    free(log);
}

/* Runs stmt (bound) to its first row: *has_row says whether there was one. */
static enum ct_status step_once(struct db_stmt *stmt, bool *has_row, struct ct_err *err)
{
    enum ct_status status = db_step(stmt, has_row, err);
    bool more = *has_row;
    while (status == CT_OK && more) {
        status = db_step(stmt, &more, err);
    }
    db_reset(stmt);
    return status;
}

enum ct_status reminder_log_was_sent(struct reminder_log *log, int64_t person_id, const char *kind,
                                     const char *key, bool *sent, struct ct_err *err)
{
    *sent = false;
    enum ct_status status = db_bind_all(
        log->was_sent, STORE_PARAMS(DB_INT(person_id), DB_TEXT(kind), DB_TEXT(key)), 3, err);
    return status == CT_OK ? step_once(log->was_sent, sent, err) : status;
}

enum ct_status reminder_log_record(struct reminder_log *log, int64_t person_id, const char *kind,
                                   const char *key, struct civil_date day, int64_t now,
                                   int64_t outbox_id, bool *recorded, struct ct_err *err)
{
    *recorded = false;
    char day_text[CIVIL_DATE_TEXT_SIZE], at[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, at);
    enum ct_status status = db_bind_all(log->record,
                                        STORE_PARAMS(DB_INT(person_id), DB_TEXT(kind), DB_TEXT(key),
                                                     DB_TEXT(store_date_text(day, day_text)),
                                                     DB_TEXT(at), DB_INT(outbox_id)),
                                        6, err);
    return status == CT_OK ? step_once(log->record, recorded, err) : status;
}

/* ---- libraries' directors ---- */

struct director_reading {
    struct store_rows *rows;
    const struct program_set *programs;
    const char *director_program;
    struct civil_date day;
};

static void director_begin(struct reminder_director_row *row, struct db_stmt *stmt)
{
    row->library_id = db_column_int64(stmt, 0);
    store_text_copy(row->library, sizeof row->library, db_column_text(stmt, 1));
    row->director_id = db_column_int64(stmt, 2);
    store_text_copy(row->director, sizeof row->director, db_column_text(stmt, 3));
    row->chair_id = db_column_int64(stmt, 4);
    store_text_copy(row->chair, sizeof row->chair, db_column_text(stmt, 5));
    row->hire_day = store_date_value(db_column_text(stmt, 6));
    row->certified_until = civil_date_unset();
}

/* One row: a library (the first of its rows) with one of its director's certificates
 * (columns 7 to 10: program, issued, valid until, revoked), if any. */
static enum ct_status director_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct director_reading *reading = context;
    struct store_rows *rows = reading->rows;
    struct reminder_director_row *row =
        rows->count > 0 ? (struct reminder_director_row *)rows->items + rows->count - 1 : NULL;
    if (row == NULL || row->library_id != db_column_int64(stmt, 0)) {
        row = store_rows_push(rows, err);
        if (row == NULL) {
            return CT_ERR_NOMEM;
        }
        director_begin(row, stmt);
    }
    if (db_column_is_null(stmt, 7) ||
        !director_certificate_counts(reading->programs, reading->director_program,
                                     db_column_text(stmt, 7))) {
        return CT_OK;
    }
    struct civil_date until = store_date_value(db_column_text(stmt, 9));
    if (director_certificate_in_force(store_date_value(db_column_text(stmt, 8)), until,
                                      !db_column_is_null(stmt, 10), reading->day) &&
        (!civil_date_is_set(row->certified_until) ||
         civil_date_compare(until, row->certified_until) > 0)) {
        row->certified_until = until;
    }
    return CT_OK;
}

static const char directors_sql[] =
    "SELECT l.id, l.name, l.director_id, d.name, COALESCE(c.id, 0), COALESCE(c.name, ''),"
    " " STORE_DIRECTOR_HIRE_DAY_SQL ","
    " k.program, k.issued, k.valid_until, k.revoked"
    " FROM libraries l JOIN people d ON d.id = l.director_id AND d.deactivated_at IS NULL"
    " LEFT JOIN people c ON c.id = l.board_chair_id AND c.deactivated_at IS NULL"
    " LEFT JOIN certificates k ON k.person_id = l.director_id"
    " WHERE l.closed_on IS NULL AND (? = 0 OR l.director_id = ?)"
    " ORDER BY l.id, k.id";

enum ct_status store_reminder_directors(struct store *store, int64_t person_id,
                                        struct civil_date day, const char *director_program,
                                        struct store_rows *rows, struct ct_err *err)
{
    struct director_reading reading = {rows, store->programs, director_program, day};
    return STORE_EACH_ROW(store, directors_sql, director_row, &reading, err, DB_INT(person_id),
                          DB_INT(person_id));
}

enum ct_status store_reminder_letter_day(struct store *store, int64_t director_id,
                                         struct civil_date *day, struct ct_err *err)
{
    *day = civil_date_unset();
    char text[CIVIL_DATE_TEXT_SIZE] = "";
    bool found = false;
    char like[64];
    snprintf(like, sizeof like, "director:%%:%lld:hired:%%", (long long)director_id);
    enum ct_status status = store_query_text(
        store,
        "SELECT MIN(on_day) FROM reminders_sent WHERE kind = ? AND subject_key LIKE ?"
        " HAVING MIN(on_day) IS NOT NULL",
        STORE_PARAMS(DB_TEXT(REMINDER_KIND_NEW_DIRECTOR), DB_TEXT(like)), 2, text, sizeof text,
        &found, err);
    if (status == CT_OK && found) {
        *day = store_date_value(text);
    }
    return status;
}

static void coordinator_row(struct db_stmt *stmt, void *row)
{
    *(int64_t *)row = db_column_int64(stmt, 0);
}

enum ct_status store_reminder_coordinators(struct store *store, struct store_rows *rows,
                                           struct ct_err *err)
{
    return store_read_rows(store,
                           "SELECT p.id FROM people p JOIN person_roles r ON r.person_id = p.id"
                           " AND r.role = 'ce-coordinator' WHERE p.deactivated_at IS NULL"
                           " ORDER BY p.id",
                           NULL, 0, coordinator_row, rows, err);
}

/* ---- claims waiting for verification ---- */

struct claim_reading {
    reminder_claim_visit visit;
    void *context;
};

static enum ct_status claim_row(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    struct claim_reading *reading = context;
    const char *created = db_column_text(stmt, 5);
    char claimed[CIVIL_DATE_TEXT_SIZE] = "";
    store_text_copy(claimed, 11, created);
    struct reminder_claim_row row = {
        .activity_id = db_column_int64(stmt, 0),
        .learner_id = db_column_int64(stmt, 1),
        .learner = db_column_text(stmt, 2),
        .title = db_column_text(stmt, 3) != NULL ? db_column_text(stmt, 3) : "",
        .date = store_date_value(db_column_text(stmt, 4)),
        .claimed = store_date_value(claimed),
        .recipient_id = db_column_int64(stmt, 6),
    };
    return reading->visit(reading->context, &row, err);
}

/* The claims' columns and the rule they share. Recorded on or before the cutoff: a
 * created_at ("YYYY-MM-DDThh:mm:ssZ") before the next day's date. The subject key is
 * reminder_claim_key's ("claim:ID:DAYS"), made the same way in SQLite and PostgreSQL:
 * the id cast to text, then ":DAYS" bound as text. */
#define CLAIM_COLUMNS "SELECT a.id, a.person_id, p.name, a.title, a.date, a.created_at, "
#define CLAIM_WHERE                                                                                \
    " FROM activities a JOIN people p ON p.id = a.person_id"                                       \
    " WHERE a.status = 'pending' AND a.created_at < ? AND a.superseded_by IS NULL"                 \
    " AND p.deactivated_at IS NULL"
#define CLAIM_NOT_TOLD(recipient)                                                                  \
    " AND NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE s.person_id = " recipient               \
    " AND s.kind = ? AND s.subject_key = 'claim:' || CAST(a.id AS TEXT) || ?)"

/* ":DAYS", the end of a claim's subject key, into suffix. */
static const char *days_suffix(int days, char suffix[16])
{
    snprintf(suffix, 16, ":%d", days);
    return suffix;
}

enum ct_status store_reminder_claims_for_verifiers(struct store *store, struct civil_date cutoff,
                                                   const char *kind, int days,
                                                   reminder_claim_visit visit, void *context,
                                                   struct ct_err *err)
{
    char before[CIVIL_DATE_TEXT_SIZE], suffix[16];
    struct claim_reading reading = {visit, context};
    return STORE_EACH_ROW(
        store,
        CLAIM_COLUMNS "p.verifier_id" CLAIM_WHERE
                      " AND EXISTS (SELECT 1 FROM people v WHERE v.id = p.verifier_id"
                      " AND v.deactivated_at IS NULL)" CLAIM_NOT_TOLD(
                          "p.verifier_id") " ORDER BY p.verifier_id, a.created_at, a.id",
        claim_row, &reading, err, DB_TEXT(store_date_text(civil_date_add_days(cutoff, 1), before)),
        DB_TEXT(kind), DB_TEXT(days_suffix(days, suffix)));
}

enum ct_status store_reminder_claims_for(struct store *store, int64_t recipient_id,
                                         struct civil_date cutoff, const char *kind, int days,
                                         reminder_claim_visit visit, void *context,
                                         struct ct_err *err)
{
    char before[CIVIL_DATE_TEXT_SIZE], suffix[16];
    struct claim_reading reading = {visit, context};
    return STORE_EACH_ROW(
        store, CLAIM_COLUMNS "?" CLAIM_WHERE CLAIM_NOT_TOLD("?") " ORDER BY a.created_at, a.id",
        claim_row, &reading, err, DB_INT(recipient_id),
        DB_TEXT(store_date_text(civil_date_add_days(cutoff, 1), before)), DB_INT(recipient_id),
        DB_TEXT(kind), DB_TEXT(days_suffix(days, suffix)));
}
