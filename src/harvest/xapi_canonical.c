#include "xapi_canonical.h"

#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xapi_field.h"
#include "xapi_time.h"
#include "../core/buf.h"
#include "../core/banned.h"

#define CANONICAL_LIMIT ((size_t)64 << 20)

enum canonical_place {
    PLACE_VALUE,         /* anywhere inside */
    PLACE_STATEMENT,     /* the statement itself */
    PLACE_SUB_STATEMENT, /* its object, when a SubStatement */
};

static enum ct_status write_value(struct buf *out, const json_t *value, enum canonical_place place);

static enum ct_status write_string(struct buf *out, const char *text, size_t length)
{
    enum ct_status status = buf_append(out, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < length && status == CT_OK; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        status = buf_append(out, text + run, i - run);
        run = i + 1;
        if (status == CT_OK) {
            status = c == '"'    ? buf_append(out, "\\\"", 2)
                     : c == '\\' ? buf_append(out, "\\\\", 2)
                                 : buf_printf(out, "\\u%04x", c);
        }
    }
    if (status == CT_OK) {
        status = buf_append(out, text + run, length - run);
    }
    return status == CT_OK ? buf_append(out, "\"", 1) : status;
}

static enum ct_status write_number(struct buf *out, const json_t *value)
{
    if (json_is_integer(value)) {
        return buf_printf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(value));
    }
    double number = json_real_value(value);
    if (number > -9.0e15 && number < 9.0e15 && number == (double)(long long)number) {
        return buf_printf(out, "%lld", (long long)number);
    }
    return buf_printf(out, "%.17g", number);
}

struct member_text {
    char *text;
    size_t length;
};

static int compare_member_text(const void *a, const void *b)
{
    return strcmp(((const struct member_text *)a)->text, ((const struct member_text *)b)->text);
}

/* A Group's members, in the order of their canonical texts. */
static enum ct_status write_members(struct buf *out, const json_t *members)
{
    size_t count = json_array_size(members);
    struct member_text *items = calloc(count > 0 ? count : 1, sizeof *items);
    enum ct_status status = items != NULL ? CT_OK : CT_ERR_NOMEM;
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        struct buf member;
        buf_init(&member, CANONICAL_LIMIT);
        status = write_value(&member, json_array_get(members, i), PLACE_VALUE);
        items[i].length = member.length;
        items[i].text = buf_take(&member);
        if (status == CT_OK && items[i].text == NULL) {
            status = CT_ERR_NOMEM;
        }
        buf_release(&member);
    }
    if (status == CT_OK) {
        qsort(items, count, sizeof *items, compare_member_text);
        status = buf_append(out, "[", 1);
    }
    for (size_t i = 0; i < count && status == CT_OK; i++) {
        status = i > 0 ? buf_append(out, ",", 1) : CT_OK;
        if (status == CT_OK) {
            status = buf_append(out, items[i].text, items[i].length);
        }
    }
    if (status == CT_OK) {
        status = buf_append(out, "]", 1);
    }
    for (size_t i = 0; items != NULL && i < count; i++) {
        free(items[i].text);
    }
    free(items);
    return status;
}

struct sorted_key {
    const char *key;
    const json_t *value;
};

static int compare_keys(const void *a, const void *b)
{
    return strcmp(((const struct sorted_key *)a)->key, ((const struct sorted_key *)b)->key);
}

static bool is_set_by_lrs(const char *key)
{
    return strcmp(key, "id") == 0 || strcmp(key, "stored") == 0 || strcmp(key, "authority") == 0 ||
           strcmp(key, "version") == 0;
}

/* One member of an object: "key":value, the value written as its place asks. */
static enum ct_status write_member(struct buf *out, const json_t *object, const char *key,
                                   const json_t *value, enum canonical_place place)
{
    enum ct_status status = write_string(out, key, strlen(key));
    if (status == CT_OK) {
        status = buf_append(out, ":", 1);
    }
    if (status != CT_OK) {
        return status;
    }
    struct xapi_time time;
    if (place != PLACE_VALUE && strcmp(key, "timestamp") == 0 &&
        xapi_time_parse(json_string_value(value), XAPI_VERSION_1_0, &time)) {
        char utc[XAPI_TIMESTAMP_SIZE];
        xapi_time_format_utc(time.utc_ms, utc);
        return write_string(out, utc, strlen(utc));
    }
    if (place == PLACE_STATEMENT && strcmp(key, "object") == 0) {
        const char *type = xapi_field_object_type(value);
        bool sub = type != NULL && strcmp(type, "SubStatement") == 0;
        return write_value(out, value, sub ? PLACE_SUB_STATEMENT : PLACE_VALUE);
    }
    const char *type = xapi_field_object_type(object);
    if (strcmp(key, "member") == 0 && json_is_array(value) && type != NULL &&
        strcmp(type, "Group") == 0) {
        return write_members(out, value);
    }
    return write_value(out, value, PLACE_VALUE);
}

static enum ct_status write_object(struct buf *out, const json_t *object,
                                   enum canonical_place place)
{
    size_t count = json_object_size(object);
    struct sorted_key few[32];
    struct sorted_key *keys = count <= 32 ? few : calloc(count, sizeof *keys);
    if (keys == NULL) {
        return CT_ERR_NOMEM;
    }
    size_t n = 0;
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)object, key, value)
    {
        if (n < count && !(place == PLACE_STATEMENT && is_set_by_lrs(key))) {
            keys[n++] = (struct sorted_key){key, value};
        }
    }
    qsort(keys, n, sizeof *keys, compare_keys);
    enum ct_status status = buf_append(out, "{", 1);
    for (size_t i = 0; i < n && status == CT_OK; i++) {
        status = i > 0 ? buf_append(out, ",", 1) : CT_OK;
        if (status == CT_OK) {
            status = write_member(out, object, keys[i].key, keys[i].value, place);
        }
    }
    if (keys != few) {
        free(keys);
    }
    return status == CT_OK ? buf_append(out, "}", 1) : status;
}

static enum ct_status write_value(struct buf *out, const json_t *value, enum canonical_place place)
{
    switch (json_typeof(value)) {
    case JSON_OBJECT:
        return write_object(out, value, place);
    case JSON_ARRAY: {
        enum ct_status status = buf_append(out, "[", 1);
        for (size_t i = 0; i < json_array_size(value) && status == CT_OK; i++) {
            status = i > 0 ? buf_append(out, ",", 1) : CT_OK;
            if (status == CT_OK) {
                status = write_value(out, json_array_get(value, i), PLACE_VALUE);
            }
        }
        return status == CT_OK ? buf_append(out, "]", 1) : status;
    }
    case JSON_STRING:
        return write_string(out, json_string_value(value), json_string_length(value));
    case JSON_INTEGER:
    case JSON_REAL:
        return write_number(out, value);
    case JSON_TRUE:
        return buf_append(out, "true", 4);
    case JSON_FALSE:
        return buf_append(out, "false", 5);
    case JSON_NULL:
        return buf_append(out, "null", 4);
    }
    return CT_OK;
}

char *xapi_canonical_text(const json_t *statement)
{
    struct buf out;
    buf_init(&out, CANONICAL_LIMIT);
    char *text = write_value(&out, statement, PLACE_STATEMENT) == CT_OK ? buf_take(&out) : NULL;
    buf_release(&out);
    return text;
}

enum ct_status xapi_canonical_hash(const json_t *statement, char out[XAPI_HASH_SIZE],
                                   struct ct_err *err)
{
    struct buf canonical;
    buf_init(&canonical, CANONICAL_LIMIT);
    enum ct_status status = write_value(&canonical, statement, PLACE_STATEMENT);
    if (status == CT_OK) {
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(digest, (const unsigned char *)buf_str(&canonical), canonical.length);
        sodium_bin2hex(out, XAPI_HASH_SIZE, digest, sizeof digest);
    } else if (status == CT_ERR_NOMEM) {
        status = ct_err_nomem(err);
    } else {
        status = ct_err_set(err, status, "statement", "too large to compare");
    }
    buf_release(&canonical);
    return status;
}
