/*
 * xapi-statement-fuzzer: libFuzzer target for xAPI statement bodies (what POST and PUT
 * /xapi/statements receive).
 *
 * Each input is read as a body of statements under xAPI 1.0.3 and again under 2.0.0. A
 * refused body must say where and why, and never run out of memory. An accepted one
 * must keep its promises:
 *   - every statement has a verb, a 64-digit content hash and its own text, and that
 *     text read alone is the same statement (same hash, same id);
 *   - the canonical form is a fixed point: read again, it gives itself;
 *   - a timestamp's instant written in UTC reads back as the same instant;
 *   - a statement that means a completion or an uncompletion names its activity.
 * The input is also tried as a timestamp, whose UTC form must read back the same.
 *
 *   build-test/tests/fuzz/xapi-statement-fuzzer -dict=tests/fuzz/xapi-statement.dict DIR
 */
#undef NDEBUG
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harvest/xapi_batch.h"
#include "harvest/xapi_statement.h"
#include "harvest/xapi_time.h"
#include "harvest/xapi_uuid.h"
#include "core/banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_refusal(enum ct_status status, const struct ct_err *err)
{
    assert(status == CT_ERR_INPUT || status == CT_ERR_TOO_LARGE);
    assert(err->status == status);
    assert(err->message[0] != '\0');
    assert(strncmp(err->where, "statement", 9) == 0);
}

static void check_canonical_is_a_fixed_point(const struct xapi_statement *statement)
{
    char *canonical = xapi_statement_canonical(statement->json);
    assert(canonical != NULL);
    json_error_t error;
    json_t *again = json_loads(canonical, 0, &error);
    assert(again != NULL);
    char *twice = xapi_statement_canonical(again);
    assert(twice != NULL);
    assert(strcmp(canonical, twice) == 0);
    free(twice);
    json_decref(again);
    free(canonical);
}

static void check_own_text(const struct xapi_batch *batch, size_t i, enum xapi_version version)
{
    const struct xapi_statement *statement = &batch->statements[i];
    struct xapi_batch alone;
    struct ct_err err = {0};
    enum ct_status status =
        xapi_batch_read(batch->raw[i], batch->raw_length[i], version, &alone, &err);
    assert(status == CT_OK);
    assert(alone.count == 1 && !alone.is_array);
    assert(strcmp(alone.statements[0].content_hash, statement->content_hash) == 0);
    assert(strcmp(alone.statements[0].id, statement->id) == 0);
    xapi_batch_release(&alone);
}

static void check_statement(const struct xapi_batch *batch, size_t i, enum xapi_version version)
{
    const struct xapi_statement *statement = &batch->statements[i];
    assert(statement->json != NULL);
    assert(statement->verb_id != NULL);
    assert(strlen(statement->content_hash) == 64);
    assert(statement->id[0] == '\0' || xapi_uuid_is_valid(statement->id));
    assert(statement->completion >= -1 && statement->completion <= 1);
    if (xapi_statement_meaning(statement) != XAPI_MEANING_OTHER) {
        assert(statement->object_id != NULL);
    }
    if (statement->has_timestamp) {
        char utc[XAPI_TIMESTAMP_SIZE];
        xapi_time_format_utc(statement->timestamp.utc_ms, utc);
        struct xapi_time again;
        if (xapi_time_parse(utc, version, &again)) {
            assert(again.utc_ms == statement->timestamp.utc_ms);
        }
    }
    check_canonical_is_a_fixed_point(statement);
    check_own_text(batch, i, version);
}

static void check_as_timestamp(const uint8_t *data, size_t size)
{
    if (size > 64) {
        return;
    }
    char text[65];
    memcpy(text, data, size);
    text[size] = '\0';
    struct xapi_time time;
    if (!xapi_time_parse(text, XAPI_VERSION_2_0, &time)) {
        return;
    }
    assert(time.offset_minutes > -24 * 60 && time.offset_minutes < 24 * 60);
    char utc[XAPI_TIMESTAMP_SIZE];
    xapi_time_format_utc(time.utc_ms, utc);
    struct xapi_time again;
    if (xapi_time_parse(utc, XAPI_VERSION_2_0, &again)) {
        assert(again.utc_ms == time.utc_ms && again.offset_minutes == 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const enum xapi_version versions[] = {XAPI_VERSION_1_0, XAPI_VERSION_2_0};
    for (size_t v = 0; v < 2; v++) {
        struct xapi_batch batch;
        struct ct_err err = {0};
        enum ct_status status =
            xapi_batch_read((const char *)data, size, versions[v], &batch, &err);
        if (status != CT_OK) {
            check_refusal(status, &err);
        } else {
            for (size_t i = 0; i < batch.count; i++) {
                check_statement(&batch, i, versions[v]);
            }
        }
        xapi_batch_release(&batch);
    }
    check_as_timestamp(data, size);
    return 0;
}
