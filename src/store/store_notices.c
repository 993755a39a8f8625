#include "store_notices.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/timestamp.h"
#include "store_outbox.h"
#include "../core/banned.h"

enum ct_status store_notice_opted_out(struct store *store, int64_t person_id, const char *kind,
                                      bool *opted_out, struct ct_err *err)
{
    int64_t found = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "SELECT count(*) FROM notice_opt_outs"
                                       " WHERE person_id = ? AND kind = ?",
                                       &found, err, DB_INT(person_id), DB_TEXT(kind));
    *opted_out = status == CT_OK && found > 0;
    return status;
}

static int64_t time_value(const char *text)
{
    int64_t seconds = 0;
    return text != NULL && timestamp_parse_iso8601(text, &seconds) ? seconds : 0;
}

/* ---- notices waiting to be gathered ---- */

static bool is_kind(const char *kind)
{
    if (kind == NULL || kind[0] == '\0' || strlen(kind) >= NOTICE_KIND_SIZE) {
        return false;
    }
    for (const char *c = kind; *c != '\0'; c++) {
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-')) {
            return false;
        }
    }
    return true;
}

static enum ct_status check_text(const char *text, const char *field, size_t size, bool one_line,
                                 struct ct_err *err)
{
    if (text == NULL || text[0] == '\0') {
        return ct_err_set(err, CT_ERR_INPUT, field, "is empty");
    }
    if (strlen(text) >= size) {
        return ct_err_set(err, CT_ERR_INPUT, field, "is longer than %zu bytes", size - 1);
    }
    if (one_line && strpbrk(text, "\r\n") != NULL) {
        return ct_err_set(err, CT_ERR_INPUT, field, "holds a line break");
    }
    return CT_OK;
}

enum ct_status store_notice_add(struct store *store, int64_t person_id, const char *kind,
                                const char *subject, const char *body, int64_t now, int64_t *id,
                                struct ct_err *err)
{
    if (!is_kind(kind)) {
        return ct_err_set(err, CT_ERR_INPUT, "kind", "\"%s\" is not a kind of notice",
                          kind != NULL ? kind : "");
    }
    enum ct_status status = check_text(subject, "subject", NOTICE_SUBJECT_SIZE, true, err);
    status = status == CT_OK ? check_text(body, "body", NOTICE_BODY_SIZE, false, err) : status;
    if (status != CT_OK) {
        return status;
    }
    char when[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, when);
    return STORE_EXEC(store,
                      "INSERT INTO notices (person_id, kind, subject, body, created_at)"
                      " VALUES (?, ?, ?, ?, ?) RETURNING id",
                      id, err, DB_INT(person_id), DB_TEXT(kind), DB_TEXT(subject), DB_TEXT(body),
                      DB_TEXT(when));
}

static void read_waiter(struct db_stmt *stmt, void *row)
{
    struct notice_waiter *waiter = row;
    waiter->person_id = db_column_int64(stmt, 0);
    waiter->daily = db_column_int64(stmt, 1) != 0;
    waiter->oldest = time_value(db_column_text(stmt, 2));
}

enum ct_status store_notice_waiters(struct store *store, struct store_rows *rows,
                                    struct ct_err *err)
{
    return store_read_rows(
        store,
        "SELECT n.person_id, MAX(CASE WHEN s.delivery = 'daily' THEN 1 ELSE 0 END),"
        " min(n.created_at) AS oldest FROM notices n"
        " LEFT JOIN notice_settings s ON s.person_id = n.person_id"
        " WHERE n.outbox_id IS NULL AND n.skipped IS NULL"
        " GROUP BY n.person_id ORDER BY oldest, n.person_id",
        NULL, 0, read_waiter, rows, err);
}

static void read_waiting(struct db_stmt *stmt, void *row)
{
    struct notice_waiting *notice = row;
    notice->id = db_column_int64(stmt, 0);
    store_text_copy(notice->kind, sizeof notice->kind, db_column_text(stmt, 1));
    store_text_copy(notice->subject, sizeof notice->subject, db_column_text(stmt, 2));
    store_text_copy(notice->body, sizeof notice->body, db_column_text(stmt, 3));
    notice->created_at = time_value(db_column_text(stmt, 4));
}

enum ct_status store_notices_waiting(struct store *store, int64_t person_id, int64_t limit,
                                     struct store_rows *rows, struct ct_err *err)
{
    return STORE_READ_ROWS(store,
                           "SELECT id, kind, subject, body, created_at FROM notices"
                           " WHERE person_id = ? AND outbox_id IS NULL AND skipped IS NULL"
                           " ORDER BY created_at, id LIMIT ?",
                           read_waiting, rows, err, DB_INT(person_id), DB_INT(limit));
}

enum ct_status store_notices_gathered(struct store *store, const int64_t *ids, size_t count,
                                      int64_t outbox_id, size_t *taken, struct ct_err *err)
{
    *taken = 0;
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        int64_t changed = 0;
        status = STORE_EXEC(store,
                            "UPDATE notices SET outbox_id = ? WHERE id = ?"
                            " AND outbox_id IS NULL AND skipped IS NULL RETURNING id",
                            &changed, err, DB_INT(outbox_id), DB_INT(ids[i]));
        *taken += status == CT_OK && changed == ids[i];
    }
    return status;
}

enum ct_status store_notices_skip(struct store *store, const int64_t *ids, size_t count,
                                  const char *reason, struct ct_err *err)
{
    char why[NOTICE_REASON_SIZE];
    store_text_copy(why, sizeof why, reason != NULL && reason[0] != '\0' ? reason : "not sent");
    enum ct_status status = CT_OK;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = STORE_EXEC(store,
                            "UPDATE notices SET skipped = ? WHERE id = ?"
                            " AND outbox_id IS NULL AND skipped IS NULL",
                            NULL, err, DB_TEXT(why), DB_INT(ids[i]));
    }
    return status;
}

enum ct_status store_notices_skip_turned_off(struct store *store, int64_t person_id,
                                             size_t *skipped, struct ct_err *err)
{
    int64_t count = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "SELECT count(*) FROM notices n WHERE n.person_id = ?1"
                                       " AND n.outbox_id IS NULL AND n.skipped IS NULL"
                                       " AND n.kind IN (SELECT kind FROM notice_opt_outs"
                                       " WHERE person_id = ?1)",
                                       &count, err, DB_INT(person_id));
    if (status == CT_OK && count > 0) {
        status = STORE_EXEC(store,
                            "UPDATE notices SET skipped = 'turned off' WHERE person_id = ?1"
                            " AND outbox_id IS NULL AND skipped IS NULL"
                            " AND kind IN (SELECT kind FROM notice_opt_outs WHERE person_id = ?1)",
                            NULL, err, DB_INT(person_id));
    }
    if (skipped != NULL) {
        *skipped = status == CT_OK ? (size_t)count : 0;
    }
    return status;
}

/* ---- what a person chose ---- */

static enum ct_status read_off(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct notice_choices *choices = context;
    if (choices->off_count < NOTICE_KINDS_MAX) {
        store_text_copy(choices->off[choices->off_count], NOTICE_KIND_SIZE,
                        db_column_text(stmt, 0));
        choices->off_count++;
    }
    return CT_OK;
}

enum ct_status store_notice_choices(struct store *store, int64_t person_id,
                                    struct notice_choices *choices, struct ct_err *err)
{
    memset(choices, 0, sizeof *choices);
    int64_t daily = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "SELECT count(*) FROM notice_settings"
                                       " WHERE person_id = ? AND delivery = 'daily'",
                                       &daily, err, DB_INT(person_id));
    choices->daily = daily > 0;
    return status == CT_OK ? STORE_EACH_ROW(store,
                                            "SELECT kind FROM notice_opt_outs"
                                            " WHERE person_id = ? ORDER BY kind",
                                            read_off, choices, err, DB_INT(person_id))
                           : status;
}

/* Sets person_id's delivery (audited when it changes). */
static enum ct_status set_delivery(struct store *store, int64_t actor_id, int64_t person_id,
                                   bool daily, const char *when, struct ct_err *err)
{
    const char *delivery = daily ? "daily" : "gathered";
    int64_t id = 0;
    enum ct_status status = STORE_EXEC(store, "SELECT id FROM notice_settings WHERE person_id = ?",
                                       &id, err, DB_INT(person_id));
    char *before = NULL;
    if (status == CT_OK && id != 0) {
        status = store_row_json(store, ENTITY_NOTICE_SETTINGS, id, &before, err);
    }
    int64_t changed = 0;
    if (status == CT_OK) {
        status = STORE_EXEC(store,
                            "INSERT INTO notice_settings (person_id, delivery, changed_at)"
                            " VALUES (?1, ?2, ?3) ON CONFLICT (person_id) DO UPDATE SET"
                            " delivery = excluded.delivery, changed_at = excluded.changed_at"
                            " WHERE notice_settings.delivery <> excluded.delivery RETURNING id",
                            &changed, err, DB_INT(person_id), DB_TEXT(delivery), DB_TEXT(when));
    }
    if (status == CT_OK && changed != 0) {
        status = store_audit(store, actor_id, ENTITY_NOTICE_SETTINGS, changed, "set", before, err);
    }
    free(before);
    return status;
}

static bool listed(const char *kind, const char *const *kinds, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(kinds[i], kind) == 0) {
            return true;
        }
    }
    return false;
}

/* Turns kind on again for person_id (audited when it was off). */
static enum ct_status turn_on(struct store *store, int64_t actor_id, int64_t person_id,
                              const char *kind, struct ct_err *err)
{
    int64_t id = 0;
    enum ct_status status =
        STORE_EXEC(store, "SELECT id FROM notice_opt_outs WHERE person_id = ? AND kind = ?", &id,
                   err, DB_INT(person_id), DB_TEXT(kind));
    char *before = NULL;
    if (status == CT_OK && id != 0) {
        status = store_row_json(store, ENTITY_NOTICE_OPT_OUT, id, &before, err);
    }
    if (status == CT_OK && id != 0) {
        status =
            STORE_EXEC(store, "DELETE FROM notice_opt_outs WHERE id = ?", NULL, err, DB_INT(id));
    }
    if (status == CT_OK && id != 0) {
        status = store_audit(store, actor_id, ENTITY_NOTICE_OPT_OUT, id, "turn-on", before, err);
    }
    free(before);
    return status;
}

enum ct_status store_notice_choices_set(struct store *store, int64_t actor_id, int64_t person_id,
                                        bool daily, const char *const *off, size_t count,
                                        int64_t now, struct ct_err *err)
{
    char when[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, when);
    struct notice_choices before;
    enum ct_status status = store_notice_choices(store, person_id, &before, err);
    status = status == CT_OK ? set_delivery(store, actor_id, person_id, daily, when, err) : status;
    for (size_t i = 0; i < before.off_count && status == CT_OK; i++) {
        if (!listed(before.off[i], off, count)) {
            status = turn_on(store, actor_id, person_id, before.off[i], err);
        }
    }
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        bool changed = false;
        status = store_notice_turn_off(store, actor_id, person_id, off[i], "settings", now,
                                       &changed, err);
    }
    return status;
}

enum ct_status store_notice_turn_off(struct store *store, int64_t actor_id, int64_t person_id,
                                     const char *kind, const char *how, int64_t now, bool *changed,
                                     struct ct_err *err)
{
    *changed = false;
    if (!is_kind(kind)) {
        return ct_err_set(err, CT_ERR_INPUT, "kind", "\"%s\" is not a kind of mail",
                          kind != NULL ? kind : "");
    }
    char when[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, when);
    int64_t id = 0;
    enum ct_status status =
        STORE_EXEC(store,
                   "INSERT INTO notice_opt_outs (person_id, kind, since, how)"
                   " VALUES (?, ?, ?, ?) ON CONFLICT (person_id, kind)"
                   " DO NOTHING RETURNING id",
                   &id, err, DB_INT(person_id), DB_TEXT(kind), DB_TEXT(when), DB_TEXT(how));
    if (status == CT_OK && id != 0) {
        *changed = true;
        status = store_audit(store, actor_id, ENTITY_NOTICE_OPT_OUT, id, "turn-off", NULL, err);
    }
    return status;
}

/* ---- who is told ---- */

static void read_id(struct db_stmt *stmt, void *row)
{
    *(int64_t *)row = db_column_int64(stmt, 0);
}

enum ct_status store_notice_coordinators(struct store *store, struct store_rows *rows,
                                         struct ct_err *err)
{
    return store_read_rows(store,
                           "SELECT p.id FROM people p JOIN person_roles r ON r.person_id = p.id"
                           " WHERE r.role = 'ce-coordinator' AND p.deactivated_at IS NULL"
                           " ORDER BY p.id",
                           NULL, 0, read_id, rows, err);
}
