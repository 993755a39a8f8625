#include "xapi_batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/json_read.h"
#include "../core/banned.h"

static bool is_json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of the JSON value that starts at body[at] (already known to be valid JSON):
 * the index of the ',' or ']' after it at the same depth, or length. */
static size_t value_end(const char *body, size_t length, size_t at)
{
    int depth = 0;
    bool in_string = false;
    for (size_t i = at; i < length; i++) {
        char c = body[i];
        if (in_string) {
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (depth == 0) {
                return i;
            }
            depth--;
        } else if (c == ',' && depth == 0) {
            return i;
        }
    }
    return length;
}

/* Copies each statement's own text out of the body, in order. */
static enum ct_status split_raw(const char *body, size_t length, struct xapi_batch *batch,
                                struct ct_err *err)
{
    size_t at = 0;
    while (at < length && is_json_space(body[at])) {
        at++;
    }
    bool array = at < length && body[at] == '[';
    if (array) {
        at++;
    }
    for (size_t n = 0; n < batch->count; n++) {
        while (at < length && (is_json_space(body[at]) || body[at] == ',')) {
            at++;
        }
        size_t end = array ? value_end(body, length, at) : length;
        size_t last = end;
        while (last > at && is_json_space(body[last - 1])) {
            last--;
        }
        if (last <= at) {
            return ct_err_set(err, CT_ERR_INPUT, "statements", "cannot find statement %zu", n);
        }
        batch->raw[n] = strndup(body + at, last - at);
        if (batch->raw[n] == NULL) {
            return ct_err_nomem(err);
        }
        batch->raw_length[n] = last - at;
        at = end;
    }
    return CT_OK;
}

static enum ct_status batch_allocate(struct xapi_batch *batch, struct ct_err *err)
{
    size_t n = batch->count > 0 ? batch->count : 1;
    batch->statements = calloc(n, sizeof *batch->statements);
    batch->raw = calloc(n, sizeof *batch->raw);
    batch->raw_length = calloc(n, sizeof *batch->raw_length);
    if (batch->statements == NULL || batch->raw == NULL || batch->raw_length == NULL) {
        return ct_err_nomem(err);
    }
    for (size_t i = 0; i < n; i++) {
        batch->statements[i].completion = -1;
    }
    return CT_OK;
}

/* Two statements of one batch may not share an id. */
static enum ct_status check_distinct_ids(const struct xapi_batch *batch, struct ct_err *err)
{
    for (size_t i = 1; i < batch->count; i++) {
        const char *id = batch->statements[i].id;
        for (size_t j = 0; id[0] != '\0' && j < i; j++) {
            if (strcmp(id, batch->statements[j].id) == 0) {
                char where[JSON_PATH_SIZE];
                snprintf(where, sizeof where, "statements[%zu].id", i);
                return ct_err_set(err, CT_ERR_INPUT, where,
                                  "statements[%zu] has the same id in this batch", j);
            }
        }
    }
    return CT_OK;
}

/* The number of values in the top-level array of body (1 when it is no array), counted
 * without building anything and stopping once past max: a batch too large is refused
 * before it is parsed into memory. Strings are skipped whole, escapes and all; on text
 * that is not JSON the count may be off, and the parse after it refuses that text. */
static size_t top_level_count(const char *body, size_t length, size_t max)
{
    size_t at = 0;
    while (at < length && is_json_space(body[at])) {
        at++;
    }
    if (at == length || body[at] != '[') {
        return 1;
    }
    size_t count = 0;
    int depth = 0;
    bool in_string = false, expecting = true;
    for (; at < length && count <= max; at++) {
        char c = body[at];
        if (in_string) {
            at += c == '\\';
            in_string = c != '"';
            continue;
        }
        if (is_json_space(c)) {
            continue;
        }
        if (depth == 1 && expecting && c != ']') {
            count++;
        }
        expecting = depth == 0 || (depth == 1 && c == ',');
        depth += (c == '[' || c == '{') - (c == ']' || c == '}');
        in_string = c == '"';
        if (depth == 0 && c == ']') {
            break;
        }
    }
    return count;
}

enum ct_status xapi_batch_read(const char *body, size_t length, enum xapi_version version,
                               struct xapi_batch *batch, struct ct_err *err)
{
    memset(batch, 0, sizeof *batch);
    /* JSON has no raw NUL byte anywhere (a string writes it \u0000); jansson lets one
     * pass after a literal, so it is refused here. */
    const char *nul = memchr(body, '\0', length);
    if (nul != NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "statements", "not JSON: a NUL byte at offset %zu",
                          (size_t)(nul - body));
    }
    size_t counted = top_level_count(body, length, XAPI_BATCH_MAX);
    if (counted > XAPI_BATCH_MAX) {
        return ct_err_set(err, CT_ERR_TOO_LARGE, "statements",
                          "more than %d statements in one request", XAPI_BATCH_MAX);
    }
    json_error_t error;
    batch->root = json_loadb(body, length, JSON_REJECT_DUPLICATES, &error);
    if (batch->root == NULL) {
        return ct_err_set(err, CT_ERR_INPUT, "statements", "not JSON (line %d, column %d): %s",
                          error.line, error.column, error.text);
    }
    batch->is_array = json_is_array(batch->root);
    batch->count = batch->is_array ? json_array_size(batch->root) : 1;
    if (batch->count > XAPI_BATCH_MAX) {
        return ct_err_set(err, CT_ERR_TOO_LARGE, "statements",
                          "%zu statements in one request; at most %d", batch->count,
                          XAPI_BATCH_MAX);
    }
    enum ct_status status = batch_allocate(batch, err);
    for (size_t i = 0; i < batch->count && status == CT_OK; i++) {
        char where[JSON_PATH_SIZE];
        if (batch->is_array) {
            json_path_index(where, "statements", i);
        } else {
            snprintf(where, sizeof where, "statement");
        }
        json_t *value = batch->is_array ? json_array_get(batch->root, i) : batch->root;
        status = xapi_statement_read(value, version, where, &batch->statements[i], err);
    }
    if (status == CT_OK) {
        status = check_distinct_ids(batch, err);
    }
    if (status == CT_OK) {
        status = split_raw(body, length, batch, err);
    }
    return status;
}

void xapi_batch_release(struct xapi_batch *batch)
{
    if (batch == NULL) {
        return;
    }
    for (size_t i = 0; batch->statements != NULL && i < batch->count; i++) {
        xapi_statement_release(&batch->statements[i]);
    }
    for (size_t i = 0; batch->raw != NULL && i < batch->count; i++) {
        free(batch->raw[i]);
    }
    free(batch->statements);
    free(batch->raw);
    free(batch->raw_length);
    json_decref(batch->root);
    memset(batch, 0, sizeof *batch);
}
