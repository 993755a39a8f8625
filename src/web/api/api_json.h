/*
 * api_json: what every /api/v1 handler shares: reading a JSON body, reading ?page= and
 * ?per_page=, and writing JSON answers and errors.
 *
 * A body is read against a table of the fields an endpoint accepts (data, not code):
 * each field's JSON name, the name of the page form's field it stands for, and its
 * type. Each value is put into request->form under the form's name, as the page's form
 * would have sent it, so that a page and the API act through the same functions with
 * the same checks and the same authorization. A field that is not in the table is
 * refused (400 unknown-field); null is the same as leaving a field out.
 *
 * Errors are {"error": {"code": ..., "message": ..., "field": ...}}; "field" is there
 * when one field of the body (or of the query) is what is wrong.
 */
#ifndef CERTTRACK_API_JSON_H
#define CERTTRACK_API_JSON_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../../store/store.h"
#include "../http/request.h"

/* The largest JSON body the API reads (the server refuses anything over 1 MiB). */
#define API_BODY_LIMIT (64 * 1024)
/* The most ids an API_IDS field takes. */
#define API_IDS_MAX 50
/* Lists: ?per_page= from 1 to API_PER_PAGE_MAX, API_PER_PAGE_DEFAULT when absent. */
#define API_PER_PAGE_DEFAULT 25
#define API_PER_PAGE_MAX     100
#define API_PAGE_MAX         1000000

enum api_field_type {
    API_TEXT,   /* a string */
    API_NUMBER, /* a number, or a string that holds one ("2.5") */
    API_ID,     /* a whole number from 1 */
    API_BOOL,   /* true or false; false is the same as leaving the field out */
    API_IDS,    /* an array of ids (at most API_IDS_MAX): each a form field of its own */
    API_LINES,  /* an array of strings without line breaks: one line each */
};

struct api_field {
    const char *name;      /* in the JSON body */
    const char *form_name; /* in request->form; NULL: the same as name */
    enum api_field_type type;
};

/* A field of an action's input read from a JSON body: its JSON name, type, and where in
 * the input struct it goes (written with API_INPUT). */
struct api_input_field {
    const char *name;
    enum api_field_type type;
    size_t offset;
};

/* A row of a table for api_json_read_input: the JSON name, its type, and the member of
 * the action's input struct it fills: API_TEXT, API_NUMBER and API_LINES a const char *
 * (NULL when left out; a number as its text, lines joined by "\n"), API_ID an int64_t
 * (0 when left out), API_BOOL a bool, API_IDS a struct action_ids. */
#define API_INPUT(json_name, type, input_struct, member)                                           \
    {                                                                                              \
        (json_name), (type), offsetof(input_struct, member)                                        \
    }

/* Reads the request's body (request->json, parsed once by api_json_parse_body) into
 * *input, an action's input struct, as fields (borrowed table of count) say. Strings
 * are borrowed from the body, which lives as long as the request; numbers' texts and
 * joined lines come from request->arena. The refusals and *ok are as for
 * api_json_read_body. */
enum ct_status api_json_read_input(struct web_request *request, struct web_response *response,
                                   const struct api_input_field *fields, size_t count, void *input,
                                   bool *ok) CT_MUST_CHECK;

/* Answers an action's refusal: 400 invalid for bad input, naming the first field at
 * fault and listing every one as "fields" [{"field", "message"}]; 403 forbidden when the
 * actor may not; 404 not-found; 409 conflict when the record's state forbids it. */
enum ct_status api_json_outcome(struct web_response *response,
                                const struct action_outcome *outcome) CT_MUST_CHECK;

/* Parses the body of an /api/ request sent as application/json into request->json (or
 * says in request->json_error why it is not JSON). The server calls it once, before the
 * handler. */
void api_json_parse_body(struct web_request *request);

/* Reads the request's body as a JSON object of fields (borrowed table of count) into
 * request->form. On success *ok is true. Otherwise *ok is false and response holds the
 * refusal: 415 unsupported-media-type when a body is not application/json, 413
 * too-large over API_BODY_LIMIT, 400 bad-json (not JSON, or not an object),
 * unknown-field, or invalid (a value of the wrong type), naming the field. An empty
 * body reads as {}. */
enum ct_status api_json_read_body(struct web_request *request, struct web_response *response,
                                  const struct api_field *fields, size_t count,
                                  bool *ok) CT_MUST_CHECK;

/* Answers status with value as compact JSON. value is stolen (released here, also on
 * failure); NULL (a failed allocation) gives CT_ERR_NOMEM. */
enum ct_status api_json_send(struct web_response *response, unsigned status,
                             json_t *value) CT_MUST_CHECK;

/* Answers status with an error; field (NULL: none) names the body's field at fault. */
enum ct_status api_json_error(struct web_response *response, unsigned status, const char *code,
                              const char *message, const char *field) CT_MUST_CHECK;

/* Answers an action's refusal (err from a page's shared action, status CT_ERR_INPUT):
 * 400 invalid naming the field when err->where is the form name of one of the fields
 * (given by its JSON name); otherwise 409 conflict: the state of the record forbids
 * the action (signing an approved plan, awarding an incomplete track). */
enum ct_status api_json_refusal(struct web_response *response, const struct ct_err *err,
                                const struct api_field *fields, size_t count) CT_MUST_CHECK;

struct api_page {
    int64_t page;     /* from 1 */
    int64_t per_page; /* 1 to API_PER_PAGE_MAX */
};

/* Reads ?page= and ?per_page= (whole numbers written in digits). A bad value is
 * refused (400 invalid naming it) and *ok is false. */
enum ct_status api_json_read_page(struct web_request *request, struct web_response *response,
                                  struct api_page *page, bool *ok) CT_MUST_CHECK;

/* The offset of the page's first row. */
int64_t api_json_offset(const struct api_page *page);

/* {"items": items, "page": ..., "per_page": ..., "total": total, "pages": ...}; items is
 * stolen. NULL when memory runs out. */
json_t *api_json_list(json_t *items, const struct api_page *page, int64_t total);

/* A credit amount from half-credits: 2.5, or 3 when whole. */
json_t *api_json_credits(int64_t halves);

/* A string, or null for NULL. */
json_t *api_json_text(const char *text);

/* Sets key of object to value, which it takes (also when it fails: the caller never
 * releases value afterwards); false when value is NULL or memory runs out. */
bool api_json_set(json_t *object, const char *key, json_t *value);

/* ---- rows of the database as JSON ---- */

enum api_column_type {
    API_COLUMN_INT,     /* a whole number */
    API_COLUMN_TEXT,    /* a string */
    API_COLUMN_CREDITS, /* half-credits, as credits (api_json_credits) */
    API_COLUMN_HOURS,   /* minutes, as hours (1.5) */
    API_COLUMN_BOOL,    /* a number, true when not 0 */
};

/* A result column's key in the JSON object and its type; a NULL column is null. */
struct api_column {
    const char *key;
    enum api_column_type type;
};

/* The current row of stmt as an object, column i under columns[i] (count of them).
 * NULL when memory runs out. */
json_t *api_json_row(struct db_stmt *stmt, const struct api_column *columns, size_t count);

/* Runs sql with params (borrowed, param_count of them) and gives every row as an object
 * (api_json_row) in the new array *rows (the caller's; NULL on failure). */
enum ct_status api_json_rows(struct store *store, const char *sql, const struct db_param *params,
                             size_t param_count, const struct api_column *columns, size_t count,
                             json_t **rows, struct ct_err *err) CT_MUST_CHECK;

/* The same for the first row only: *row is NULL when there is none. */
enum ct_status api_json_first(struct store *store, const char *sql, const struct db_param *params,
                              size_t param_count, const struct api_column *columns, size_t count,
                              json_t **row, struct ct_err *err) CT_MUST_CHECK;

#endif
