#include "xapi_receive.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xapi_statement.h"
#include "xapi_time.h"
#include "../store/store_xapi.h"
#include "../core/banned.h"

/* A new random (version 4) UUID; libsodium is started (sodium_init). */
static void new_id(char out[XAPI_UUID_SIZE])
{
    unsigned char random[16];
    randombytes_buf(random, sizeof random);
    xapi_uuid_from_random(random, out);
}

/* A PUT: one statement, whose own id (if it has one) is statementId. */
static enum ct_status check_put(struct xapi_batch *batch, const char *statement_id,
                                struct ct_err *err)
{
    if (!xapi_uuid_is_valid(statement_id)) {
        return ct_err_set(err, CT_ERR_INPUT, "statementId",
                          "not a UUID (8-4-4-4-12 hexadecimal digits)");
    }
    if (batch->is_array) {
        return ct_err_set(err, CT_ERR_INPUT, "statement",
                          "PUT takes one statement, not an array (POST takes several)");
    }
    struct xapi_statement *statement = &batch->statements[0];
    char given[XAPI_UUID_SIZE];
    snprintf(given, sizeof given, "%s", statement->id);
    xapi_statement_set_id(statement, statement_id);
    if (given[0] != '\0' && strcmp(given, statement->id) != 0) {
        return ct_err_set(err, CT_ERR_INPUT, "statement.id", "is not the statementId %.40s",
                          statement_id);
    }
    return CT_OK;
}

static enum xapi_record_meaning record_meaning(const struct xapi_statement *statement)
{
    switch (xapi_statement_meaning(statement)) {
    case XAPI_MEANING_COMPLETED:
        return XAPI_RECORD_COMPLETED;
    case XAPI_MEANING_UNCOMPLETED:
        return XAPI_RECORD_UNCOMPLETED;
    case XAPI_MEANING_FAILED:
        return XAPI_RECORD_FAILED;
    case XAPI_MEANING_NOT_A_COMPLETION:
        return XAPI_RECORD_NOT_A_COMPLETION;
    default:
        return XAPI_RECORD_OTHER;
    }
}

/* Floor division, for instants before 1970. */
static int64_t seconds_of(int64_t ms)
{
    return ms / 1000 - (ms % 1000 < 0 ? 1 : 0);
}

static void record_of(const struct xapi_statement *statement, const char *raw, int64_t now_ms,
                      char occurred[XAPI_TIMESTAMP_SIZE], struct xapi_record *record)
{
    int64_t at = statement->has_timestamp ? statement->timestamp.utc_ms : now_ms;
    xapi_time_format_utc(at, occurred);
    *record = (struct xapi_record){
        .id = statement->id,
        .raw_json = raw,
        .content_hash = statement->content_hash,
        .verb_id = statement->verb_id,
        .meaning = record_meaning(statement),
        .completion = statement->completion,
        .course_or_module = xapi_statement_is_course_or_module(statement),
        .account_home = statement->account_home,
        .account_name = statement->account_name,
        .object_id = statement->object_id,
        .object_name = statement->object_name,
        .course_id = statement->course_id,
        .moodle_event = statement->moodle_event,
        .occurred_at = occurred,
        .occurred_unix = seconds_of(at),
    };
}

static enum ct_status store_batch(struct store *store, int64_t site_id, enum xapi_version version,
                                  const struct xapi_batch *batch, int64_t now_ms,
                                  struct xapi_receipt *receipt, struct ct_err *err)
{
    size_t n = batch->count > 0 ? batch->count : 1;
    struct xapi_record *records = calloc(n, sizeof *records);
    char(*occurred)[XAPI_TIMESTAMP_SIZE] = calloc(n, sizeof *occurred);
    enum xapi_added *added = calloc(n, sizeof *added);
    enum ct_status status = CT_OK;
    if (records == NULL || occurred == NULL || added == NULL) {
        status = ct_err_nomem(err);
    }
    for (size_t i = 0; i < batch->count && status == CT_OK; i++) {
        record_of(&batch->statements[i], batch->raw[i], now_ms, occurred[i], &records[i]);
    }
    if (status == CT_OK) {
        status = store_xapi_statements_add(store, site_id, xapi_version_name(version), records,
                                           batch->count, added, &receipt->conflict, err);
    }
    for (size_t i = 0; i < batch->count && status == CT_OK; i++) {
        receipt->added += added[i] == XAPI_ADDED_NEW ? 1 : 0;
    }
    if (status != CT_OK && receipt->conflict && !batch->is_array) {
        snprintf(err->where, sizeof err->where, "statement.id");
    }
    free(added);
    free(occurred);
    free(records);
    return status;
}

enum ct_status xapi_receive_read(const char *body, size_t length, enum xapi_version version,
                                 const char *statement_id, struct xapi_receipt *receipt,
                                 struct ct_err *err)
{
    memset(receipt, 0, sizeof *receipt);
    receipt->version = version;
    struct xapi_batch *batch = &receipt->batch;
    enum ct_status status = xapi_batch_read(body, length, version, batch, err);
    if (status == CT_OK && statement_id != NULL) {
        status = check_put(batch, statement_id, err);
    }
    if (status == CT_OK) {
        receipt->ids = calloc(batch->count > 0 ? batch->count : 1, sizeof *receipt->ids);
        if (receipt->ids == NULL) {
            status = ct_err_nomem(err);
        }
    }
    /* Idempotent and thread-safe; libsodium must be started before its generator. */
    if (status == CT_OK && sodium_init() < 0) {
        status = ct_err_set(err, CT_ERR_IO, "statements", "cannot start libsodium");
    }
    for (size_t i = 0; i < batch->count && status == CT_OK; i++) {
        if (batch->statements[i].id[0] == '\0') {
            char id[XAPI_UUID_SIZE];
            new_id(id);
            xapi_statement_set_id(&batch->statements[i], id);
        }
        memcpy(receipt->ids[i], batch->statements[i].id, XAPI_UUID_SIZE);
        receipt->count = i + 1;
    }
    return status;
}

enum ct_status xapi_receive_store(struct store *store, int64_t site_id, int64_t now_ms,
                                  struct xapi_receipt *receipt, struct ct_err *err)
{
    return store_batch(store, site_id, receipt->version, &receipt->batch, now_ms, receipt, err);
}

enum ct_status xapi_receive(struct store *store, int64_t site_id, enum xapi_version version,
                            const char *body, size_t length, const char *statement_id,
                            int64_t now_ms, struct xapi_receipt *receipt, struct ct_err *err)
{
    enum ct_status status = xapi_receive_read(body, length, version, statement_id, receipt, err);
    return status == CT_OK ? xapi_receive_store(store, site_id, now_ms, receipt, err) : status;
}

void xapi_receipt_release(struct xapi_receipt *receipt)
{
    if (receipt == NULL) {
        return;
    }
    xapi_batch_release(&receipt->batch);
    free(receipt->ids);
    memset(receipt, 0, sizeof *receipt);
}
