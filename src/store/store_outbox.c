#include "store_outbox.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/timestamp.h"
#include "../core/web_address.h"
#include "store_settings.h"
#include "../core/banned.h"

void store_outbox_time_text(int64_t unix_seconds, char out[OUTBOX_TIME_SIZE])
{
    time_t seconds = (time_t)unix_seconds;
    struct tm utc;
    if (gmtime_r(&seconds, &utc) == NULL) {
        snprintf(out, OUTBOX_TIME_SIZE, "1970-01-01T00:00:00Z");
        return;
    }
    strftime(out, OUTBOX_TIME_SIZE, "%Y-%m-%dT%H:%M:%SZ", &utc);
}

int64_t store_outbox_retry_delay(int64_t attempts)
{
    int64_t delay = OUTBOX_RETRY_FIRST_SECONDS;
    for (int64_t i = 1; i < attempts && delay < OUTBOX_RETRY_MAX_SECONDS; i++) {
        delay *= 2;
    }
    return delay < OUTBOX_RETRY_MAX_SECONDS ? delay : OUTBOX_RETRY_MAX_SECONDS;
}

static int64_t time_value(const char *text)
{
    int64_t seconds = 0;
    if (text == NULL || !timestamp_parse_iso8601(text, &seconds)) {
        return 0;
    }
    return seconds;
}

static enum ct_status check_line(const char *text, const char *field, size_t size, bool one_line,
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

/* "<32 hex digits@host>", host that of the public-url setting. */
static enum ct_status make_message_id(struct store *store, char out[OUTBOX_MESSAGE_ID_SIZE],
                                      struct ct_err *err)
{
    char url[STORE_SETTING_SIZE];
    enum ct_status status = store_setting_get(store, "public-url", url, err);
    if (status != CT_OK) {
        return status;
    }
    const char *host = url + web_address_scheme_length(url);
    int host_length = (int)strcspn(host, "/:");
    if (sodium_init() < 0) {
        return ct_err_set(err, CT_ERR_IO, "message_id", "libsodium cannot start");
    }
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[2 * sizeof bytes + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    snprintf(out, OUTBOX_MESSAGE_ID_SIZE, "<%s@%.*s>", hex, host_length > 100 ? 100 : host_length,
             host_length > 0 ? host : "certtrack.invalid");
    return CT_OK;
}

enum ct_status store_outbox_queue(struct store *store, const struct outbox_message_new *message,
                                  int64_t now, char message_id[OUTBOX_MESSAGE_ID_SIZE], int64_t *id,
                                  struct ct_err *err)
{
    enum ct_status status =
        check_line(message->recipient, "recipient", OUTBOX_RECIPIENT_SIZE, true, err);
    if (status == CT_OK) {
        status = check_line(message->subject, "subject", OUTBOX_SUBJECT_SIZE, true, err);
    }
    if (status == CT_OK) {
        status = check_line(message->body, "body", OUTBOX_BODY_SIZE, false, err);
    }
    const char *kind = message->kind != NULL ? message->kind : "account";
    if (status == CT_OK) {
        status = check_line(kind, "kind", OUTBOX_KIND_SIZE, true, err);
    }
    if (status == CT_OK && message->unsubscribe_url != NULL) {
        status =
            check_line(message->unsubscribe_url, "unsubscribe_url", OUTBOX_URL_SIZE, true, err);
    }
    char made[OUTBOX_MESSAGE_ID_SIZE];
    if (status == CT_OK) {
        status = make_message_id(store, made, err);
    }
    if (status != CT_OK) {
        return status;
    }
    char when[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, when);
    status = STORE_EXEC(store,
                        "INSERT INTO mail_outbox (message_id, recipient, person_id, subject, body,"
                        " created_at, next_attempt_at, kind, unsubscribe_url)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        id, err, DB_TEXT(made), DB_TEXT(message->recipient),
                        message->person_id > 0 ? DB_INT(message->person_id) : DB_TEXT(NULL),
                        DB_TEXT(message->subject), DB_TEXT(message->body), DB_TEXT(when),
                        DB_TEXT(when), DB_TEXT(kind), DB_TEXT(message->unsubscribe_url));
    if (status == CT_OK && message_id != NULL) {
        snprintf(message_id, OUTBOX_MESSAGE_ID_SIZE, "%s", made);
    }
    return status;
}

#define OUTBOX_COLUMNS                                                                             \
    "SELECT id, message_id, recipient, coalesce(person_id, 0), subject, body, created_at,"         \
    " attempts, next_attempt_at, sent_at, coalesce(last_error, ''), kind,"                         \
    " coalesce(unsubscribe_url, ''), refused_at FROM mail_outbox"

static void read_message(struct db_stmt *stmt, void *row)
{
    struct outbox_message *message = row;
    message->id = db_column_int64(stmt, 0);
    store_text_copy(message->message_id, sizeof message->message_id, db_column_text(stmt, 1));
    store_text_copy(message->recipient, sizeof message->recipient, db_column_text(stmt, 2));
    message->person_id = db_column_int64(stmt, 3);
    store_text_copy(message->subject, sizeof message->subject, db_column_text(stmt, 4));
    store_text_copy(message->body, sizeof message->body, db_column_text(stmt, 5));
    message->created_at = time_value(db_column_text(stmt, 6));
    message->attempts = db_column_int64(stmt, 7);
    message->next_attempt_at = time_value(db_column_text(stmt, 8));
    message->sent_at = time_value(db_column_text(stmt, 9));
    store_text_copy(message->last_error, sizeof message->last_error, db_column_text(stmt, 10));
    store_text_copy(message->kind, sizeof message->kind, db_column_text(stmt, 11));
    store_text_copy(message->unsubscribe_url, sizeof message->unsubscribe_url,
                    db_column_text(stmt, 12));
    message->refused_at = time_value(db_column_text(stmt, 13));
}

enum ct_status store_outbox_due(struct store *store, int64_t now, int64_t limit,
                                struct store_rows *rows, struct ct_err *err)
{
    char when[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, when);
    return STORE_READ_ROWS(store,
                           OUTBOX_COLUMNS " WHERE sent_at IS NULL AND refused_at IS NULL"
                                          " AND next_attempt_at <= ?"
                                          " ORDER BY next_attempt_at, id LIMIT ?",
                           read_message, rows, err, DB_TEXT(when), DB_INT(limit));
}

enum ct_status store_outbox_list(struct store *store, int64_t limit, struct store_rows *rows,
                                 struct ct_err *err)
{
    return STORE_READ_ROWS(store,
                           OUTBOX_COLUMNS " ORDER BY sent_at IS NOT NULL OR refused_at IS NOT NULL,"
                                          " id DESC LIMIT ?",
                           read_message, rows, err, DB_INT(limit));
}

enum ct_status store_outbox_claim(struct store *store, int64_t id, int64_t now, int64_t until,
                                  bool *claimed, struct ct_err *err)
{
    char when[OUTBOX_TIME_SIZE], lapse[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, when);
    store_outbox_time_text(until, lapse);
    int64_t changed = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ?"
                                       " AND sent_at IS NULL AND refused_at IS NULL"
                                       " AND next_attempt_at <= ? RETURNING id",
                                       &changed, err, DB_TEXT(lapse), DB_INT(id), DB_TEXT(when));
    *claimed = status == CT_OK && changed == id;
    return status;
}

enum ct_status store_outbox_mark_sent(struct store *store, int64_t id, int64_t now,
                                      struct ct_err *err)
{
    char when[OUTBOX_TIME_SIZE];
    store_outbox_time_text(now, when);
    enum ct_status status =
        STORE_EXEC(store,
                   "UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1,"
                   " last_error = NULL WHERE id = ? AND sent_at IS NULL",
                   NULL, err, DB_TEXT(when), DB_INT(id));
    return status == CT_OK ? STORE_EXEC(store,
                                        "DELETE FROM mail_address_refusals WHERE marked_at IS NULL"
                                        " AND address = (SELECT lower(recipient) FROM mail_outbox"
                                        " WHERE id = ?)",
                                        NULL, err, DB_INT(id))
                           : status;
}

/* Counts one more refusal of message id's address, marking it at the
 * OUTBOX_REFUSALS_TO_MARK-th. */
static enum ct_status count_refusal(struct store *store, int64_t id, const char *when,
                                    const char *error, struct ct_err *err)
{
    enum ct_status status = STORE_EXEC(
        store,
        "INSERT INTO mail_address_refusals (address, refusals, last_refusal,"
        " last_refused_at) SELECT lower(recipient), 1, ?2, ?3 FROM mail_outbox"
        " WHERE id = ?1 ON CONFLICT (address) DO UPDATE SET"
        " refusals = mail_address_refusals.refusals + 1, last_refusal = excluded.last_refusal,"
        " last_refused_at = excluded.last_refused_at",
        NULL, err, DB_INT(id), DB_TEXT(error), DB_TEXT(when));
    int64_t refusals = 0;
    status = status == CT_OK ? STORE_EXEC(store,
                                          "SELECT refusals FROM mail_address_refusals WHERE"
                                          " address = (SELECT lower(recipient) FROM mail_outbox"
                                          " WHERE id = ?)",
                                          &refusals, err, DB_INT(id))
                             : status;
    if (status == CT_OK && refusals >= OUTBOX_REFUSALS_TO_MARK) {
        status = STORE_EXEC(store,
                            "UPDATE mail_address_refusals SET marked_at = ?2 WHERE marked_at IS"
                            " NULL AND address = (SELECT lower(recipient) FROM mail_outbox"
                            " WHERE id = ?1)",
                            NULL, err, DB_INT(id), DB_TEXT(when));
    }
    return status;
}

enum ct_status store_outbox_mark_refused(struct store *store, int64_t id, int64_t now,
                                         const char *error, bool address_refused,
                                         struct ct_err *err)
{
    char when[OUTBOX_TIME_SIZE], message[OUTBOX_ERROR_SIZE];
    store_outbox_time_text(now, when);
    store_text_copy(message, sizeof message, error != NULL ? error : "refused by the relay");
    int64_t changed = 0;
    enum ct_status status = db_begin(store->db, err);
    status = status == CT_OK
                 ? STORE_EXEC(store,
                              "UPDATE mail_outbox SET attempts = attempts + 1,"
                              " refused_at = ?, last_error = ? WHERE id = ?"
                              " AND sent_at IS NULL AND refused_at IS NULL"
                              " RETURNING id",
                              &changed, err, DB_TEXT(when), DB_TEXT(message), DB_INT(id))
                 : status;
    if (status == CT_OK && changed == id && address_refused) {
        status = count_refusal(store, id, when, message, err);
    }
    return store_finish(store, status, err);
}

enum ct_status store_outbox_address_marked(struct store *store, const char *address, bool *marked,
                                           struct ct_err *err)
{
    int64_t found = 0;
    enum ct_status status = STORE_EXEC(store,
                                       "SELECT count(*) FROM mail_address_refusals"
                                       " WHERE address = lower(?) AND marked_at IS NOT NULL",
                                       &found, err, DB_TEXT(address != NULL ? address : ""));
    *marked = status == CT_OK && found > 0;
    return status;
}

static void read_refusal(struct db_stmt *stmt, void *row)
{
    struct outbox_refusal *refusal = row;
    store_text_copy(refusal->address, sizeof refusal->address, db_column_text(stmt, 0));
    refusal->refusals = db_column_int64(stmt, 1);
    store_text_copy(refusal->last_refusal, sizeof refusal->last_refusal, db_column_text(stmt, 2));
    refusal->last_refused_at = time_value(db_column_text(stmt, 3));
    refusal->marked_at = time_value(db_column_text(stmt, 4));
}

enum ct_status store_outbox_refusals(struct store *store, int64_t limit, struct store_rows *rows,
                                     struct ct_err *err)
{
    return STORE_READ_ROWS(store,
                           "SELECT address, refusals, last_refusal, last_refused_at, marked_at"
                           " FROM mail_address_refusals ORDER BY marked_at IS NULL,"
                           " last_refused_at DESC, address LIMIT ?",
                           read_refusal, rows, err, DB_INT(limit));
}

enum ct_status store_outbox_refused(struct store *store, int64_t limit, struct store_rows *rows,
                                    struct ct_err *err)
{
    return STORE_READ_ROWS(store,
                           OUTBOX_COLUMNS " WHERE refused_at IS NOT NULL"
                                          " ORDER BY refused_at DESC, id DESC LIMIT ?",
                           read_message, rows, err, DB_INT(limit));
}

enum ct_status store_outbox_mark_failed(struct store *store, int64_t id, int64_t now,
                                        const char *error, struct ct_err *err)
{
    int64_t attempts = 0;
    enum ct_status status = STORE_EXEC(store, "SELECT attempts FROM mail_outbox WHERE id = ?",
                                       &attempts, err, DB_INT(id));
    if (status != CT_OK) {
        return status;
    }
    char when[OUTBOX_TIME_SIZE], message[OUTBOX_ERROR_SIZE];
    store_outbox_time_text(now + store_outbox_retry_delay(attempts + 1), when);
    store_text_copy(message, sizeof message, error != NULL ? error : "unknown error");
    return STORE_EXEC(store,
                      "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?,"
                      " last_error = ? WHERE id = ? AND sent_at IS NULL",
                      NULL, err, DB_TEXT(when), DB_TEXT(message), DB_INT(id));
}

static enum ct_status read_summary(void *context, struct db_stmt *stmt, struct ct_err *err)
{
    (void)err;
    struct outbox_summary *summary = context;
    summary->waiting = db_column_int64(stmt, 0);
    summary->sent = db_column_int64(stmt, 1);
    store_text_copy(summary->last_error, sizeof summary->last_error, db_column_text(stmt, 2));
    summary->refused = db_column_int64(stmt, 3);
    summary->marked_addresses = db_column_int64(stmt, 4);
    return CT_OK;
}

enum ct_status store_outbox_summary(struct store *store, struct outbox_summary *summary,
                                    struct ct_err *err)
{
    memset(summary, 0, sizeof *summary);
    return store_each_row(store,
                          "SELECT count(*) FILTER (WHERE sent_at IS NULL AND refused_at IS NULL),"
                          " count(*) FILTER (WHERE sent_at IS NOT NULL),"
                          " (SELECT last_error FROM mail_outbox WHERE sent_at IS NULL"
                          "  AND refused_at IS NULL AND last_error IS NOT NULL"
                          "  ORDER BY next_attempt_at DESC LIMIT 1),"
                          " count(*) FILTER (WHERE refused_at IS NOT NULL),"
                          " (SELECT count(*) FROM mail_address_refusals"
                          "  WHERE marked_at IS NOT NULL)"
                          " FROM mail_outbox",
                          NULL, 0, read_summary, summary, err);
}
