#include "api_json.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../core/banned.h"

enum ct_status api_json_send(struct web_response *response, unsigned status, json_t *value)
{
    char *text = value != NULL ? json_dumps(value, JSON_COMPACT) : NULL;
    json_decref(value);
    if (text == NULL) {
        return CT_ERR_NOMEM;
    }
    buf_release(&response->body);
    response->status = status;
    response->content_type = "application/json";
    enum ct_status result = buf_append_str(&response->body, text);
    free(text);
    return result;
}

enum ct_status api_json_error(struct web_response *response, unsigned status, const char *code,
                              const char *message, const char *field)
{
    json_t *error = json_object();
    bool built = error != NULL && api_json_set(error, "code", json_string(code)) &&
                 api_json_set(error, "message", api_json_text(message)) &&
                 (field == NULL || api_json_set(error, "field", api_json_text(field)));
    if (!built) {
        json_decref(error);
        return CT_ERR_NOMEM;
    }
    return api_json_send(response, status, json_pack("{s:o}", "error", error));
}

/* ---- lists ---- */

/* A query value in digits from 1 to max; absent gives fallback. False when bad. */
static bool read_count(const char *text, int64_t max, int64_t fallback, int64_t *out)
{
    *out = fallback;
    if (text == NULL) {
        return true;
    }
    size_t length = strlen(text);
    if (length == 0 || length > 7 || strspn(text, "0123456789") != length) {
        return false;
    }
    *out = strtoll(text, NULL, 10);
    return *out >= 1 && *out <= max;
}

enum ct_status api_json_read_page(struct web_request *request, struct web_response *response,
                                  struct api_page *page, bool *ok)
{
    *ok = false;
    if (!read_count(web_query_value(request, "page"), API_PAGE_MAX, 1, &page->page)) {
        return api_json_error(response, 400, "invalid",
                              "page must be a whole number from 1 to 1000000.", "page");
    }
    if (!read_count(web_query_value(request, "per_page"), API_PER_PAGE_MAX, API_PER_PAGE_DEFAULT,
                    &page->per_page)) {
        return api_json_error(response, 400, "invalid",
                              "per_page must be a whole number from 1 to 100.", "per_page");
    }
    *ok = true;
    return CT_OK;
}

int64_t api_json_offset(const struct api_page *page)
{
    return (page->page - 1) * page->per_page;
}

json_t *api_json_list(json_t *items, const struct api_page *page, int64_t total)
{
    int64_t pages = total > 0 ? (total + page->per_page - 1) / page->per_page : 1;
    return json_pack("{s:o, s:I, s:I, s:I, s:I}", "items", items, "page", (json_int_t)page->page,
                     "per_page", (json_int_t)page->per_page, "total", (json_int_t)total, "pages",
                     (json_int_t)pages);
}

struct store_page api_json_store_page(const struct api_page *page, size_t column, bool descending)
{
    return (struct store_page){.column = column,
                               .descending = descending,
                               .limit = page->per_page,
                               .offset = api_json_offset(page)};
}

enum ct_status api_json_answer_list(struct web_request *request, struct web_response *response,
                                    api_list_fill fill)
{
    struct api_page page;
    bool ok = false;
    enum ct_status status = api_json_read_page(request, response, &page, &ok);
    if (status != CT_OK || !ok) {
        return status;
    }
    json_t *items = json_array();
    if (items == NULL) {
        return CT_ERR_NOMEM;
    }
    struct ct_err err = {0};
    int64_t total = 0;
    status = fill(request, &page, items, &total, &err);
    if (status != CT_OK) {
        json_decref(items);
        return status == CT_ERR_INPUT && err.where[0] != '\0'
                   ? api_json_error(response, 400, "invalid", err.message, err.where)
                   : status;
    }
    return api_json_send(response, 200, api_json_list(items, &page, total));
}

enum ct_status api_json_append(json_t *items, json_t *item)
{
    return item != NULL && json_array_append_new(items, item) == 0 ? CT_OK : CT_ERR_NOMEM;
}

json_t *api_json_credits(int64_t halves)
{
    return halves % 2 == 0 ? json_integer(halves / 2) : json_real((double)halves / 2.0);
}

json_t *api_json_blocking(const struct evaluation *evaluation)
{
    json_t *codes = json_array();
    for (size_t i = 0; codes != NULL && i < evaluation->blocking_count; i++) {
        const struct blocking_item *item = &evaluation->blocking[i];
        char code[160];
        snprintf(code, sizeof code, "%s%s%s", blocking_code_name(item->code),
                 item->code == BLOCKING_CATEGORY_SHORT ? ":" : "",
                 item->code == BLOCKING_CATEGORY_SHORT
                     ? evaluation->program->categories[item->category].id
                     : "");
        if (json_array_append_new(codes, json_string(code)) != 0) {
            json_decref(codes);
            codes = NULL;
        }
    }
    return codes;
}

json_t *api_json_date(struct civil_date date)
{
    if (!civil_date_is_set(date)) {
        return json_null();
    }
    char text[CIVIL_DATE_TEXT_SIZE];
    civil_date_format(date, text);
    return json_string(text);
}

json_t *api_json_text(const char *text)
{
    if (text == NULL) {
        return json_null();
    }
    json_t *value = json_string(text);
    if (value != NULL) {
        return value;
    }
    /* Not UTF-8 (a message cut short inside a character, or text stored by an older
     * client): the bytes outside ASCII become "?". */
    char *copy = strdup(text);
    for (char *c = copy; c != NULL && *c != '\0'; c++) {
        *c = (unsigned char)*c < 0x80 ? *c : '?';
    }
    value = copy != NULL ? json_string(copy) : NULL;
    free(copy);
    return value;
}

bool api_json_set(json_t *object, const char *key, json_t *value)
{
    return value != NULL && json_object_set_new(object, key, value) == 0;
}

/* ---- reading a body into an action's input ---- */

/* A number as text that strtod reads back as the same number. */
static bool number_text(const json_t *value, char *out, size_t size)
{
    if (json_is_integer(value)) {
        snprintf(out, size, "%" JSON_INTEGER_FORMAT, json_integer_value(value));
        return true;
    }
    if (json_is_real(value)) {
        snprintf(out, size, "%.17g", json_real_value(value));
        return true;
    }
    return false;
}

static bool is_json(const char *type)
{
    static const char json_type[] = "application/json";
    size_t length = sizeof json_type - 1;
    return type != NULL && strncasecmp(type, json_type, length) == 0 &&
           (type[length] == '\0' || type[length] == ';' || type[length] == ' ');
}

void api_json_parse_body(struct web_request *request)
{
    request->json = NULL;
    request->json_error[0] = '\0';
    if (strncmp(request->path, "/api/", 5) != 0 || request->body_length == 0 ||
        request->body_length > API_BODY_LIMIT || !is_json(request->content_type)) {
        return;
    }
    json_error_t error;
    request->json = json_loadb(request->body, request->body_length, JSON_REJECT_DUPLICATES, &error);
    if (request->json == NULL) {
        snprintf(request->json_error, sizeof request->json_error,
                 "The body is not JSON: %s (line %d, column %d).", error.text, error.line,
                 error.column);
    }
}

static const struct api_input_field *input_named(const struct api_input_field *fields, size_t count,
                                                 const char *name)
{
    for (size_t i = 0; i < count; i++) {
        if (strcmp(fields[i].name, name) == 0) {
            return &fields[i];
        }
    }
    return NULL;
}

static const char *input_ids(const json_t *value, struct action_ids *ids)
{
    if (!json_is_array(value) || json_array_size(value) > API_IDS_MAX) {
        return "must be an array of at most 50 ids";
    }
    size_t index;
    const json_t *item;
    json_array_foreach(value, index, item)
    {
        if (!json_is_integer(item) || json_integer_value(item) <= 0) {
            return "must be an array of ids (whole numbers from 1)";
        }
        ids->ids[ids->count++] = json_integer_value(item);
    }
    return NULL;
}

/* The lines of value joined by "\n", in the request's arena; *problem when not lines. */
static const char *input_lines(struct web_request *request, const json_t *value,
                               const char **problem)
{
    if (!json_is_array(value)) {
        *problem = "must be an array of strings";
        return NULL;
    }
    struct buf lines;
    buf_init(&lines, API_BODY_LIMIT);
    size_t index;
    const json_t *item;
    enum ct_status status = buf_append_str(&lines, "");
    json_array_foreach(value, index, item)
    {
        const char *text = json_string_value(item);
        if (text == NULL || strpbrk(text, "\r\n") != NULL) {
            *problem = "must be an array of strings, each without a line break";
            break;
        }
        if (status == CT_OK) {
            status = buf_printf(&lines, "%s%s", index > 0 ? "\n" : "", text);
        }
    }
    char *joined =
        status == CT_OK && *problem == NULL ? arena_strdup(&request->arena, buf_str(&lines)) : NULL;
    buf_release(&lines);
    return joined;
}

/* A number's text, in the request's arena (NULL when out of memory). */
static const char *input_number(struct web_request *request, const json_t *value)
{
    char text[64];
    if (!number_text(value, text, sizeof text)) {
        return NULL;
    }
    return arena_strdup(&request->arena, text);
}

/* Puts one value into the input at field's place; the result says what is wrong with
 * its type, or NULL. *status is a failure (memory). */
static const char *input_value(struct web_request *request, const struct api_input_field *field,
                               const json_t *value, char *input, enum ct_status *status)
{
    const char *problem = NULL;
    void *at = input + field->offset;
    switch (field->type) {
    case API_TEXT:
        if (!json_is_string(value)) {
            return "must be a string";
        }
        *(const char **)at = json_string_value(value);
        return NULL;
    case API_NUMBER:
        if (json_is_string(value)) {
            *(const char **)at = json_string_value(value);
            return NULL;
        }
        if (!json_is_number(value)) {
            return "must be a number";
        }
        *(const char **)at = input_number(request, value);
        *status = *(const char **)at == NULL ? CT_ERR_NOMEM : CT_OK;
        return NULL;
    case API_ID:
        if (!json_is_integer(value) || json_integer_value(value) <= 0) {
            return "must be an id (a whole number from 1)";
        }
        *(int64_t *)at = json_integer_value(value);
        return NULL;
    case API_BOOL:
        if (!json_is_boolean(value)) {
            return "must be true or false";
        }
        *(bool *)at = json_is_true(value);
        return NULL;
    case API_IDS:
        return input_ids(value, at);
    case API_LINES:
        *(const char **)at = input_lines(request, value, &problem);
        *status = problem == NULL && *(const char **)at == NULL ? CT_ERR_NOMEM : CT_OK;
        return problem;
    }
    return NULL;
}

static enum ct_status input_fields(struct web_request *request, struct web_response *response,
                                   const struct api_input_field *fields, size_t count, char *input,
                                   bool *ok)
{
    const char *key;
    json_t *value;
    json_object_foreach(request->json, key, value)
    {
        const struct api_input_field *field = input_named(fields, count, key);
        if (field == NULL) {
            char message[160];
            snprintf(message, sizeof message, "This request takes no field \"%.100s\".", key);
            return api_json_error(response, 400, "unknown-field", message, key);
        }
        if (json_is_null(value)) {
            continue;
        }
        enum ct_status status = CT_OK;
        const char *problem = input_value(request, field, value, input, &status);
        if (status != CT_OK) {
            return status;
        }
        if (problem != NULL) {
            char message[200];
            snprintf(message, sizeof message, "\"%.100s\" %s.", key, problem);
            return api_json_error(response, 400, "invalid", message, key);
        }
    }
    *ok = true;
    return CT_OK;
}

enum ct_status api_json_read_input(struct web_request *request, struct web_response *response,
                                   const struct api_input_field *fields, size_t count, void *input,
                                   bool *ok)
{
    *ok = false;
    if (request->body == NULL || request->body_length == 0) {
        *ok = true;
        return CT_OK;
    }
    if (!is_json(request->content_type)) {
        return api_json_error(response, 415, "unsupported-media-type",
                              "Send the body as JSON, with Content-Type: application/json.", NULL);
    }
    if (request->body_length > API_BODY_LIMIT) {
        return api_json_error(response, 413, "too-large", "The body is over 64 KiB.", NULL);
    }
    if (request->json == NULL) {
        return api_json_error(response, 400, "bad-json", request->json_error, NULL);
    }
    if (!json_is_object(request->json)) {
        return api_json_error(response, 400, "bad-json", "The body must be a JSON object.", NULL);
    }
    return input_fields(request, response, fields, count, input, ok);
}

/* {"field": ..., "message": ...} for each fault. */
static json_t *faults_json(const struct action_outcome *outcome)
{
    json_t *list = json_array();
    for (size_t i = 0; list != NULL && i < outcome->fault_count; i++) {
        json_t *fault = json_pack("{s:s,s:s}", "field", outcome->faults[i].field, "message",
                                  outcome->faults[i].message);
        if (fault == NULL || json_array_append_new(list, fault) != 0) {
            json_decref(list);
            list = NULL;
        }
    }
    return list;
}

enum ct_status api_json_outcome(struct web_response *response, const struct action_outcome *outcome)
{
    char message[sizeof outcome->err.message];
    snprintf(message, sizeof message, "%s", outcome->err.message);
    message[0] = (char)toupper((unsigned char)message[0]);
    const char *field = outcome->fault_count > 0 ? outcome->faults[0].field : NULL;
    switch (outcome->refusal) {
    case ACTION_NOT_ALLOWED:
        return api_json_error(response, 403, "forbidden", message, NULL);
    case ACTION_NOT_FOUND:
        return api_json_error(response, 404, "not-found", message, NULL);
    case ACTION_WRONG_STATE:
        return api_json_error(response, 409, "conflict", message, NULL);
    case ACTION_DONE:
    case ACTION_BAD_INPUT:
        break;
    }
    json_t *error = json_pack("{s:s,s:s}", "code", "invalid", "message", message);
    bool built = error != NULL &&
                 (field == NULL || api_json_set(error, "field", json_string(field))) &&
                 api_json_set(error, "fields", faults_json(outcome));
    if (!built) {
        json_decref(error);
        return CT_ERR_NOMEM;
    }
    return api_json_send(response, 400, json_pack("{s:o}", "error", error));
}
